// The two webpack builds: the add-in (dist/web) never holds the demo harness or ExcelJS; the demo (dist/demo)
// holds the harness beside its own copy of the pane pages it frames. Reads the configuration; the size budget
// alone runs a production build, once, in a temp folder.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildPane, paneScriptSizes } from '../../scripts/bench-pane';

/** The modern task pane's scripts loaded before its first render (the list the page's loader holds), gzip -9, at
 *  most (issue 14's goal: 120 KB). Measured 169 KB (172,742 bytes) when first set; 176 KB (179,810 bytes) once the
 *  pane gained 改正's question, the list of values written and the shared reducer's new states, and the loader
 *  listed its scripts in JSON (they were counted from script tags before); 180,700 bytes with the help link and
 *  the messages of two more finding codes. The budget stops growth; lower it as the pane gets smaller. */
const PANE_BUDGET_BYTES = 177 * 1024;

interface Config {
  entry: Record<string, string>;
  output: { path: string };
  plugins: Array<{ userOptions?: { filename?: string }; patterns?: Array<{ to: string }> }>;
}
type ConfigFn = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config>;

const ROOT = path.resolve(__dirname, '..', '..');
const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as ConfigFn;

function pages(config: Config): string[] {
  return config.plugins.flatMap((p) => (p.userOptions?.filename ? [p.userOptions.filename] : []));
}

function copies(config: Config): string[] {
  return config.plugins.flatMap((p) => (p.patterns ?? []).map((c) => c.to));
}

describe('webpack builds', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  test('npm run build: the add-in only, in dist/web, with its manifest', async () => {
    const config = await webpackConfig({}, { mode: 'production' });
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'selftest', 'taskpane', 'taskpane-legacy']);
    expect(pages(config).sort()).toEqual(['commands.html', 'selftest.html', 'taskpane.html']);
    expect(copies(config)).toContain('manifest.xml');
    expect(config.output.path).toBe(path.join(ROOT, 'dist', 'web'));
  });

  test('npm run build:demo: the harness and the pane pages it frames, in dist/demo, no manifest', async () => {
    const config = await webpackConfig({ demo: true }, { mode: 'production' });
    expect(Object.keys(config.entry).sort()).toEqual([
      'commands',
      'harness',
      'selftest',
      'taskpane',
      'taskpane-legacy',
    ]);
    expect(pages(config).sort()).toEqual(['commands.html', 'harness.html', 'selftest.html', 'taskpane.html']);
    expect(copies(config)).toEqual(expect.arrayContaining(['help.html', 'assets/[name][ext]']));
    expect(copies(config)).not.toContain('manifest.xml');
    expect(config.output.path).toBe(path.join(ROOT, 'dist', 'demo'));
  });

  test('the dev server never serves the demo', async () => {
    await expect(async () =>
      webpackConfig({ demo: true, WEBPACK_SERVE: true }, { mode: 'development' }),
    ).rejects.toThrow(/npm run demo/);
  });

  test('the task pane script loaded before the first render stays within its size budget (gzip -9)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-pane-size-'));
    try {
      await buildPane(dir);
      const sizes = paneScriptSizes(dir);
      expect(sizes.scripts.length).toBeGreaterThan(0);
      expect(sizes.beforeRender).toBeLessThanOrEqual(PANE_BUDGET_BYTES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
