// Where the end-to-end tests find a Chromium-family browser: the path in SELFEVAL_CHROMIUM when set, else the
// usual install paths of Linux, Windows and macOS. No browser is ever downloaded: when none is found the tests
// fail with the command that installs one. Every test in test/e2e launches through findChromium().
import * as fs from 'fs';
import * as path from 'path';

/** The environment variable that names the browser to use (checked first, and must exist when set). */
export const CHROMIUM_ENV = 'SELFEVAL_CHROMIUM';

type Platform = 'linux' | 'win32' | 'darwin' | string;

/** The usual places of Chromium, Chrome and Edge on each platform, most likely first. */
export function candidatePaths(platform: Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string =>
      Boolean(r),
    );
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, ...app)));
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const dirs = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => dirs.map((dir) => path.posix.join(dir, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/** What to run (or fetch) to get a browser, for the error message. */
export function installHint(platform: Platform): string {
  if (platform === 'win32' || platform === 'darwin') {
    return (
      '请安装 Google Chrome（https://www.google.com/chrome/）或 Chromium / ' +
      'install Google Chrome (https://www.google.com/chrome/) or Chromium'
    );
  }
  return (
    'Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk（Ubuntu 也可 chromium-browser；' +
    '.ci/run 会自动安装 / .ci/run installs it）'
  );
}

export class ChromiumNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumNotFound';
  }
}

export interface FindOptions {
  platform?: Platform;
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser the end-to-end tests drive. Throws ChromiumNotFound, saying where it looked and how to install
 * one, when SELFEVAL_CHROMIUM names no file or none of the usual paths holds a browser.
 */
export function findChromium(options: FindOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const exists = options.exists ?? isFile;
  const chosen = env[CHROMIUM_ENV]?.trim();
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new ChromiumNotFound(
      `${CHROMIUM_ENV} 指向的浏览器不存在：${chosen} / ${CHROMIUM_ENV} names no browser: ${chosen}`,
    );
  }
  const candidates = candidatePaths(platform, env);
  const found = candidates.find((c) => exists(c));
  if (found) return found;
  throw new ChromiumNotFound(
    '找不到 Chromium 或 Chrome，端到端测试需要一个 / no Chromium or Chrome found; the end-to-end tests need one.\n' +
      `查找过 / looked in: ${candidates.join(', ')}\n` +
      `${installHint(platform)}\n` +
      `或设置 ${CHROMIUM_ENV}=浏览器路径 / or set ${CHROMIUM_ENV}=/path/to/the/browser`,
  );
}
