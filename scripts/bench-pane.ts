// The task pane's script size as a user's first paint pays it: a production build of the add-in (npm run build's
// configuration) in a folder of the caller's choice, and the scripts taskpane.html loads itself, gzip -9. Used by
// npm run bench (scripts/bench.ts) and by the size budget test (test/harness/builds.test.ts).
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.resolve(__dirname, '..');

/** The scripts taskpane.html loads itself (before the first render), gzip -9 each; and every script of the build. */
/** The scripts of each pane as taskpane.html's inline loader lists them (a JSON block, not script tags: the loader
 *  adds one pane's or the other's); null for a page without the list. */
export function paneScriptList(html: string): { modern: string[]; legacy: string[] } | null {
  const listed = /<script\b[^>]*\bid=["']?pane-scripts["']?[^>]*>([\s\S]*?)<\/script>/.exec(html);
  return listed ? (JSON.parse(listed[1]) as { modern: string[]; legacy: string[] }) : null;
}

export function paneScriptSizes(dir: string): {
  beforeRender: number;
  legacy: number;
  all: number;
  scripts: string[];
} {
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const panes = paneScriptList(html);
  const tagged = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src));
  const scripts = panes ? panes.modern : tagged;
  const gz = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const sizeOf = (list: string[]): number =>
    list.reduce((sum, src) => sum + gz(path.join(dir, path.posix.basename(src.split('?')[0]))), 0);
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gz(path.join(dir, f)), 0);
  return { beforeRender: sizeOf(scripts), legacy: panes ? sizeOf(panes.legacy) : 0, all, scripts };
}

/** A production build of the add-in (not the demo) in a temp folder; returns the folder. */
export async function buildPane(outDir: string): Promise<void> {
  const webpack = require('webpack') as typeof import('webpack');
  const configFn = require(path.join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<import('webpack').Configuration>;
  const warn = console.warn;
  console.warn = () => undefined; // "ADDIN_PUBLIC_URL is not set": irrelevant to a size
  const config = await configFn({}, { mode: 'production' }).finally(() => (console.warn = warn));
  config.output = { ...config.output, path: outDir };
  config.stats = 'none';
  config.performance = { hints: false };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
}
