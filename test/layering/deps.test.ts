// The layering of src (core → app → hosts → entry points), as written in .dependency-cruiser.cjs, holds: this runs
// dependency-cruiser's API on src and expects no violation. dependency-cruiser is an ES module, which jest's
// CommonJS runtime cannot load, so the API runs in a child Node process and hands back its summary as JSON.
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const ROOT = join(__dirname, '../..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}
interface Summary {
  violations: Violation[];
  error: number;
  totalCruised: number;
  ignore?: number;
}

const CRUISE = `
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'module';
const [config, baseDir] = process.argv.slice(1);
const ruleSet = createRequire(import.meta.url)(config);
const { output } = await cruise(['src'], { ...ruleSet.options, ruleSet, validate: true, baseDir });
process.stdout.write(JSON.stringify(output.summary));
`;

/** Cruises `src` under `baseDir` with the project's rules. */
function cruiseSrc(baseDir: string): Summary {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', CRUISE, join(ROOT, '.dependency-cruiser.cjs'), baseDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as Summary;
}

describe('layering (dependency-cruiser)', () => {
  it('src breaks no rule of .dependency-cruiser.cjs', () => {
    const summary = cruiseSrc(ROOT);
    expect(summary.totalCruised).toBeGreaterThan(50);
    const errors = summary.violations
      .filter((v) => v.rule.severity !== 'ignore')
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(errors).toEqual([]);
  });

  it('fails on a bad import (the core reaching a host) and on a host reaching another host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layering-'));
    const files: Record<string, string> = {
      'src/core/index.ts': "import { style } from '../hosts/xlsx/style';\nexport const s = style;\n",
      'src/hosts/xlsx/style.ts': 'export const style = 1;\n',
      'src/hosts/office/index.ts': "import { style } from '../xlsx/style';\nexport const t = style;\n",
      'src/cli/main.ts':
        "import { s } from '../core';\nimport { t } from '../hosts/office';\nexport const u = [s, t];\n",
    };
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const found = cruiseSrc(dir).violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'core-is-pure: src/core/index.ts → src/hosts/xlsx/style.ts',
          'no-host-to-host: src/hosts/office/index.ts → src/hosts/xlsx/style.ts',
          'cli-not-pane: src/cli/main.ts → src/hosts/office/index.ts',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
