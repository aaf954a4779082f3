// ESLint: the Office add-in rules (a read before sync, a sync in a loop, …), TypeScript and Prettier.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

// The same @typescript-eslint plugin object the office-addins preset registers (a second copy cannot be added).
const tsPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.['@typescript-eslint']).plugins[
  '@typescript-eslint'
];

const officeRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/no-empty-load': 'error',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

export default [
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'examples/**', 'test-output/**', 'release/**'] },
  ...officeAddins.configs.react,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tsPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        console: 'readonly',
        process: 'readonly',
        Office: 'readonly',
        Excel: 'readonly',
        window: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        navigator: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        HTMLElement: 'readonly',
        HTMLInputElement: 'readonly',
        File: 'readonly',
        FileReader: 'readonly',
        Event: 'readonly',
        KeyboardEvent: 'readonly',
        MouseEvent: 'readonly',
        DragEvent: 'readonly',
      },
    },
    rules: {
      ...officeRules,
      'no-undef': 'off',
      'no-redeclare': 'off',
      // The base rule misreads parameter names in TypeScript function types.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': 'error',
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
  {
    // ExcelJS code (getCell, getRow …) looks like Office.js proxies to the office-addins rules; they do not apply.
    files: [
      'src/hosts/xlsx/**',
      'src/harness/xlsx-model.ts',
      'src/cli/**',
      'scripts/**',
      'test/xlsx/**',
      'test/cli/**',
    ],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
];
