// Builds the legacy path once per test run into a temporary folder: production mode, the same configuration as
// `npm run build` (webpack.config.js) without the modern pane's entry, whose bundle is not part of the legacy
// path and takes most of the build's time. taskpane.html is still the real template, with its loader.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '..', '..');

interface Config extends webpack.Configuration {
  entry: webpack.EntryObject;
  output: NonNullable<webpack.Configuration['output']>;
}
type ConfigFn = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config>;

export interface LegacyBuild {
  dir: string;
  /** The file names of the legacy pane's scripts, as taskpane.html lists them. */
  legacyEntry: string;
  remove(): void;
}

export async function buildLegacy(): Promise<LegacyBuild> {
  const configFn = require(path.join(ROOT, 'webpack.config.js')) as ConfigFn & { LEGACY_ENTRY: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-legacy-'));
  const config = await configFn({}, { mode: 'production' });
  delete config.entry.taskpane;
  config.output.path = dir;
  config.stats = 'errors-only';
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats ? stats.toString('errors-only') : 'no stats'));
      else resolve();
    });
  });
  return {
    dir,
    legacyEntry: configFn.LEGACY_ENTRY,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
