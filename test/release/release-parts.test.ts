// The parts of `npm run release` that need no build (fast, in npm test): the manifest checks it shares with
// test/addin, the choice of web files to ship, the changelog section, the zip writer, web.config and the arguments.
// The built files themselves are tested by artifacts.release-test.ts (npm run test:release).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manifestStructure, parseXmlRoots, releaseManifestProblems } from '../../scripts/release-manifest';
import { changelogSection, parseArgs, selectWebFiles, webConfig } from '../../scripts/release';
import { crc32, readZip, writeZip } from '../../scripts/release-zip';
import { versionLine } from '../../src/cli/version';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const { rewriteManifest } = require(path.join(ROOT, 'webpack.config.js')) as {
  rewriteManifest: (xml: string, url: string) => string;
};
const BASE = 'https://addins.example.gov.cn/selfeval/';
const PROD = rewriteManifest(MANIFEST, BASE);

describe('manifest checks shared with test/addin', () => {
  it('pass the manifest as written and as rewritten for a public URL', () => {
    expect(manifestStructure(MANIFEST).problems).toEqual([]);
    expect(manifestStructure(PROD).problems).toEqual([]);
  });

  it('find a missing element, elements out of order, an http URL and broken XML', () => {
    expect(manifestStructure(MANIFEST.replace(/<Id>[^<]*<\/Id>/, '')).problems).toContain('<Id> is missing');
    const swapped = MANIFEST.replace(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, '$3$2$1');
    expect(swapped).not.toBe(MANIFEST);
    expect(manifestStructure(swapped).problems.join('\n')).toMatch(/out of schema order/);
    expect(manifestStructure(PROD.replace(`${BASE}help.html`, 'http://x.cn/help.html')).problems).toContain(
      'not an https URL: http://x.cn/help.html',
    );
    expect(manifestStructure('<OfficeApp><Id>').problems.length).toBeGreaterThan(0);
  });

  it('for a release: every URL under the base, the version, every named file present', () => {
    const all = releaseManifestProblems(PROD, BASE, version, () => true);
    expect(all.problems).toEqual([]);
    expect(all.files).toEqual(
      expect.arrayContaining(['taskpane.html', 'commands.html', 'help.html', 'assets/icon-16.png']),
    );
    const noHelp = releaseManifestProblems(PROD, BASE, version, (f) => f !== 'help.html');
    expect(noHelp.problems).toEqual(['the manifest names help.html, which is not in the release']);
    expect(releaseManifestProblems(PROD, BASE, '9.9.9', () => true).problems.join('\n')).toMatch(/<Version>/);
    expect(releaseManifestProblems(MANIFEST, BASE, version, () => true).problems.join('\n')).toMatch(
      /outside https:\/\/addins/,
    );
  });
});

describe('selectWebFiles', () => {
  function folder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-web-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('ships what the manifest and its pages name, and leaves the demo, ExcelJS and source maps out', () => {
    const dir = folder({
      'taskpane.html': '<script defer src=taskpane.1a2b3c4d.js></script>',
      'taskpane.1a2b3c4d.js': 'load({"77":"9f8e7d6c"}); //# comment',
      '77.9f8e7d6c.js': 'chunk loaded by its hash',
      'taskpane.1a2b3c4d.js.map': '{}',
      'harness.html': '<script src=harness.00aa11bb.js></script>',
      'harness.00aa11bb.js': 'demo',
      'exceljs.22cc33dd.js': 'xlsx',
      'assets/icon-32.png': 'png',
      'manifest.xml': '<OfficeApp/>',
    });
    const picked = selectWebFiles(dir, ['taskpane.html', 'assets/icon-32.png']);
    expect(picked.problems).toEqual([]);
    expect(picked.files).toEqual([
      '77.9f8e7d6c.js',
      'assets/icon-32.png',
      'taskpane.1a2b3c4d.js',
      'taskpane.html',
    ]);
  });

  it('refuses a page that would pull in a file never shipped, and a named file not built', () => {
    const dir = folder({
      'taskpane.html': '<script src=taskpane.1a2b3c4d.js></script><script src=exceljs.22cc33dd.js></script>',
      'taskpane.1a2b3c4d.js': '',
      'exceljs.22cc33dd.js': '',
    });
    const picked = selectWebFiles(dir, ['taskpane.html', 'help.html']);
    expect(picked.problems).toEqual([
      'help.html is named but was not built',
      'exceljs.22cc33dd.js (ExcelJS chunk) would be shipped: a shipped page or the manifest refers to it',
    ]);
  });
});

describe('changelog, web.config, zip, arguments, version line', () => {
  it('takes the notes of the package.json version from CHANGELOG.md, and fails without them', () => {
    const section = changelogSection(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
    expect(section.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(section.body).toMatch(/^The first release|###/m);
    expect(section.body).not.toMatch(/^## /m);
    expect(() => changelogSection('# Changelog\n\n## [0.0.1] - 2020-01-01\n\n- x\n', '0.2.0')).toThrow(
      /0\.2\.0/,
    );
  });

  it('writes a well-formed web.config caching hashed scripts and icons only', () => {
    const xml = webConfig(['taskpane.html', 'taskpane.1a2b3c4d.js', 'assets/icon-16.png'], '1.2.3');
    expect(parseXmlRoots(xml).map((r) => r.name)).toEqual(['configuration']);
    expect([...xml.matchAll(/<location path="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'taskpane.1a2b3c4d.js',
      'assets',
    ]);
    expect(xml).toContain('cacheControlMode="DisableCache"');
  });

  it('zips and unzips UTF-8 names and binary data', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const zip = writeZip(
      [
        { name: 'a/部署.md', data: Buffer.from('中文 '.repeat(50)) },
        { name: 'b.bin', data },
      ],
      new Date('2026-01-02T00:00:00Z'),
    );
    const back = readZip(zip);
    expect([...back.keys()]).toEqual(['a/部署.md', 'b.bin']);
    expect(back.get('b.bin')!.equals(data)).toBe(true);
    expect(back.get('a/部署.md')!.toString('utf8')).toBe('中文 '.repeat(50));
  });

  it('needs an https URL, and takes --url and --out', () => {
    expect(() => parseArgs([], {})).toThrow(/--url/);
    expect(() => parseArgs(['--url', 'http://a.cn/'], {})).toThrow(/https/);
    expect(() => parseArgs(['--bogus'], {})).toThrow(/--bogus/);
    const opt = parseArgs(['--url', 'https://a.cn/x', '--out', 'o'], {});
    expect(opt.url).toBe('https://a.cn/x/');
    expect(opt.out).toBe(path.resolve('o'));
    expect(opt.defaultOut).toBe(false);
    expect(parseArgs([], { ADDIN_PUBLIC_URL: 'https://b.cn' }).url).toBe('https://b.cn/');
  });

  it('prints the version with the build date, or says it is a development build', () => {
    expect(versionLine({ version: '1.2.3', buildDate: '2026-01-02' })).toBe('1.2.3 (2026-01-02)');
    expect(versionLine({ version: '1.2.3', buildDate: null })).toMatch(/^1\.2\.3 \(.*development build\)$/);
  });
});
