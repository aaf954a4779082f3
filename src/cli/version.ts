// The command line's version and build date. A bundled build (webpack.cli.config.js, `npm run release`) has both
// defined at build time, with the same values as the task pane's About line; a tsc build or tsx run reads the
// version from package.json and says it is a development build.
import * as fs from 'fs';
import * as path from 'path';

declare const __SELFEVAL_VERSION__: string | undefined;
declare const __SELFEVAL_BUILD_DATE__: string | undefined;

export interface BuildInfo {
  version: string;
  /** YYYY-MM-DD (UTC), or null for a development build. */
  buildDate: string | null;
}

function packageVersion(): string {
  // dist/node/cli/version.js and src/cli/version.ts are two folders below package.json.
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, rel), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'selfeval' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

export function buildInfo(): BuildInfo {
  const version = typeof __SELFEVAL_VERSION__ === 'string' ? __SELFEVAL_VERSION__ : packageVersion();
  const buildDate = typeof __SELFEVAL_BUILD_DATE__ === 'string' ? __SELFEVAL_BUILD_DATE__ : null;
  return { version, buildDate };
}

/** What `selfeval --version` prints: "0.1.0 (2026-11-28)", or "0.1.0 (开发构建 / development build)". */
export function versionLine(info: BuildInfo = buildInfo()): string {
  return `${info.version} (${info.buildDate ?? '开发构建 / development build'})`;
}
