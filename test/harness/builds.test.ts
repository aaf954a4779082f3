// The two webpack builds: the add-in (dist/web) never holds the demo harness or ExcelJS; the demo (dist/demo)
// holds the harness beside its own copy of the pane pages it frames. Reads the configuration; runs no build.
import * as path from 'path';

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
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'selftest', 'taskpane']);
    expect(pages(config).sort()).toEqual(['commands.html', 'selftest.html', 'taskpane.html']);
    expect(copies(config)).toContain('manifest.xml');
    expect(config.output.path).toBe(path.join(ROOT, 'dist', 'web'));
  });

  test('npm run build:demo: the harness and the pane pages it frames, in dist/demo, no manifest', async () => {
    const config = await webpackConfig({ demo: true }, { mode: 'production' });
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'harness', 'selftest', 'taskpane']);
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
});
