// The end-to-end tests' browser finder, on made-up file systems (no browser is launched here).
import { CHROMIUM_ENV, ChromiumNotFound, candidatePaths, findChromium } from './chromium';

function only(...files: string[]): (file: string) => boolean {
  return (file) => files.includes(file);
}

describe('findChromium', () => {
  test('Linux: Debian chromium first, then Ubuntu chromium-browser, then Google Chrome', () => {
    const find = (...files: string[]): string =>
      findChromium({ platform: 'linux', env: {}, exists: only(...files) });
    expect(find('/usr/bin/chromium', '/usr/bin/google-chrome')).toBe('/usr/bin/chromium');
    expect(find('/usr/bin/chromium-browser', '/usr/bin/google-chrome')).toBe('/usr/bin/chromium-browser');
    expect(find('/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  test("Windows: Chrome under Program Files, Program Files (x86) or the user's LocalAppData", () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
    };
    const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ platform: 'win32', env, exists: only(x86) })).toBe(x86);
    const user = 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ platform: 'win32', env, exists: only(user) })).toBe(user);
    expect(candidatePaths('win32', env)[0]).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  test('macOS: the app bundles in /Applications or ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ platform: 'darwin', env: {}, exists: only(chrome) })).toBe(chrome);
    const mine = '/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium({ platform: 'darwin', env: { HOME: '/Users/u' }, exists: only(mine) })).toBe(mine);
  });

  test(`${CHROMIUM_ENV} wins over the usual paths, and must name a file`, () => {
    const env = { [CHROMIUM_ENV]: '/opt/my/chrome' };
    expect(
      findChromium({ platform: 'linux', env, exists: only('/opt/my/chrome', '/usr/bin/chromium') }),
    ).toBe('/opt/my/chrome');
    expect(() => findChromium({ platform: 'linux', env, exists: only('/usr/bin/chromium') })).toThrow(
      /SELFEVAL_CHROMIUM names no browser: \/opt\/my\/chrome/,
    );
    // Blank means unset.
    expect(
      findChromium({ platform: 'linux', env: { [CHROMIUM_ENV]: ' ' }, exists: only('/usr/bin/chromium') }),
    ).toBe('/usr/bin/chromium');
  });

  test('none found: the error says where it looked and the command that installs one', () => {
    const linux = (): string => findChromium({ platform: 'linux', env: {}, exists: () => false });
    expect(linux).toThrow(ChromiumNotFound);
    expect(linux).toThrow(/apt-get install -y chromium/);
    expect(linux).toThrow(/\/usr\/bin\/chromium-browser/);
    expect(linux).toThrow(/SELFEVAL_CHROMIUM=/);
    const mac = (): string => findChromium({ platform: 'darwin', env: {}, exists: () => false });
    expect(mac).toThrow(/google\.com\/chrome/);
    expect(mac).not.toThrow(/apt-get/);
  });
});
