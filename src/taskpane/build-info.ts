// The version and build date shown in the pane's About area: defined by webpack.config.js (DefinePlugin) from
// package.json and the build date, the same values `selfeval --version` prints. Unbundled (jest) it says "dev".
declare const __SELFEVAL_VERSION__: string | undefined;
declare const __SELFEVAL_BUILD_DATE__: string | undefined;

export const BUILD_LABEL =
  typeof __SELFEVAL_VERSION__ === 'string'
    ? `selfeval ${__SELFEVAL_VERSION__} (${typeof __SELFEVAL_BUILD_DATE__ === 'string' ? __SELFEVAL_BUILD_DATE__ : 'dev'})`
    : 'selfeval (dev)';
