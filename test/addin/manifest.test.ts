// What Microsoft's manifest service (office-addin-manifest validate, `npm run validate`) would reject, checked
// offline: the XML add-in-only manifest's required elements in schema order, ids, https URLs, icon files and their
// pixel sizes, zh-CN default with en-US overrides, requirement sets, version format, the ribbon button, resource
// ids, and the production rewrite of the development URLs (the same function webpack.config.js uses).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { compareVersions } from '../../src/core/versions';
import { MIN_EXCEL_API } from '../../src/taskpane/requirements';
import { manifestStructure } from '../../scripts/release-manifest';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const webpackConfig = require(join(ROOT, 'webpack.config.js')) as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<WebpackConfig>;
  DEV_URL: string;
  rewriteManifest: (xml: string, publicUrl: string) => string;
  normalisePublicUrl: (url: string) => string;
};

interface WebpackConfig {
  entry: Record<string, string>;
  plugins: {
    userOptions?: { filename?: string };
    patterns?: { from: string; to: string; transform?: (b: Buffer) => Buffer | string }[];
  }[];
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

function toNodes(raw: Raw[]): Node[] {
  const out: Node[] = [];
  for (const item of raw) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[':@'] as Raw | undefined) ?? {}))
      attrs[k.replace(/^@_/, '')] = String(v);
    const kids = (item[name] as Raw[]) ?? [];
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    out.push({ name, attrs, children: toNodes(kids), text: text.trim() });
  }
  return out;
}

function parse(xml: string): Node {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xml) as Raw[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

function child(n: Node, name: string): Node {
  const c = n.children.find((k) => k.name === name);
  if (!c) throw new Error(`<${n.name}> has no <${name}>`);
  return c;
}

function children(n: Node, name: string): Node[] {
  return n.children.filter((k) => k.name === name);
}

function all(n: Node, pred: (k: Node) => boolean, acc: Node[] = []): Node[] {
  if (pred(n)) acc.push(n);
  for (const k of n.children) all(k, pred, acc);
  return acc;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/;

/** The checks the service makes that hold for the development and the production manifest alike (shared with
 * `npm run release`, which validates the manifest it ships the same way). */
function checkStructure(xml: string): Node {
  const { app, problems } = manifestStructure(xml);
  expect(problems).toEqual([]);
  return app!;
}

describe('manifest.xml', () => {
  const app = checkStructure(MANIFEST);
  const overrides = child(app, 'VersionOverrides');
  const resources = child(overrides, 'Resources');

  it('has a GUID id, an n.n.n.n version that follows package.json, and a provider', () => {
    expect(child(app, 'Id').text).toMatch(GUID);
    const version = child(app, 'Version').text;
    expect(version).toMatch(VERSION);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(`${pkg.version.replace(/[-+].*$/, '')}.0`);
    const provider = child(app, 'ProviderName').text;
    expect(provider.length).toBeGreaterThan(0);
    expect(provider.length).toBeLessThanOrEqual(125);
  });

  it('defaults to zh-CN and overrides the display name and description in en-US', () => {
    expect(child(app, 'DefaultLocale').text).toBe('zh-CN');
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const el = child(app, name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
      const en = children(el, 'Override').find((o) => o.attrs.Locale === 'en-US');
      expect(en).toBeDefined();
      expect(en!.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
      expect(en!.attrs.Value.length).toBeLessThanOrEqual(max);
    }
  });

  it('points its icons at files in assets/ with the pixel sizes Office asks for', () => {
    const want: [string, number][] = [
      [child(app, 'IconUrl').attrs.DefaultValue, 32],
      [child(app, 'HighResolutionIconUrl').attrs.DefaultValue, 64],
    ];
    const images = new Map(children(child(resources, 'bt:Images'), 'bt:Image').map((i) => [i.attrs.id, i]));
    for (const use of all(overrides, (k) => k.name === 'bt:Image' && 'size' in k.attrs)) {
      const image = images.get(use.attrs.resid);
      expect(image).toBeDefined();
      want.push([image!.attrs.DefaultValue, Number(use.attrs.size)]);
    }
    // The ribbon needs 16, 32 and 80 px on every button and group.
    for (const icon of all(overrides, (k) => k.name === 'Icon')) {
      expect(children(icon, 'bt:Image').map((i) => i.attrs.size)).toEqual(
        expect.arrayContaining(['16', '32', '80']),
      );
    }
    for (const [url, size] of want) {
      expect(url.startsWith(webpackConfig.DEV_URL + 'assets/')).toBe(true);
      const file = join(ROOT, 'assets', url.slice((webpackConfig.DEV_URL + 'assets/').length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it('is for Excel, asks for ReadWriteDocument and the minimum ExcelApi set the code states', () => {
    expect(children(child(app, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = children(child(child(app, 'Requirements'), 'Sets'), 'Set');
    const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
    expect(excel).toBeDefined();
    expect(excel!.attrs.MinVersion).toMatch(/^1\.\d+$/);
    expect(excel!.attrs.MinVersion).toBe(MIN_EXCEL_API);
    // Office 2019 volume-licensed stops at ExcelApi 1.7 (the requirement-set table,
    // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets): the add-in
    // must load there.
    expect(compareVersions(excel!.attrs.MinVersion, '1.7')).toBeLessThanOrEqual(0);
  });

  it('states the same minimum requirement set as the README and the Office host', () => {
    const readme = join(ROOT, 'README.md');
    if (existsSync(readme)) {
      const stated = /(?:最低要求|Minimum requirement)[^\n]*?ExcelApi\s*(1\.\d+)/i.exec(
        readFileSync(readme, 'utf8'),
      );
      if (stated) expect(stated[1]).toBe(MIN_EXCEL_API);
    }
    // A constant of the Office host naming its minimum set (e.g. `export const MIN_EXCEL_API = '1.7'`).
    const hostDir = join(ROOT, 'src', 'hosts', 'office');
    const files = existsSync(hostDir) ? readdirSync(hostDir).filter((f) => /\.tsx?$/.test(f)) : [];
    for (const f of files) {
      const re =
        /export\s+const\s+(\w*MIN\w*API\w*|\w*API\w*MIN\w*)\s*(?::\s*string\s*)?=\s*['"](1\.\d+)['"]/gi;
      for (const m of readFileSync(join(hostDir, f), 'utf8').matchAll(re)) {
        expect(`${f} ${m[1]} = ${m[2]}`).toBe(`${f} ${m[1]} = ${MIN_EXCEL_API}`);
      }
    }
  });

  it('[F14] states Office 2019 volume-licensed at ExcelApi 1.7, in both languages of the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/Office 2019（批量许可版到 ExcelApi 1\.7/);
    expect(readme).toMatch(/Office 2019 \(volume-licensed: up to ExcelApi 1\.7/);
    expect(readme).not.toMatch(/Office 2019[（(]到 ExcelApi 1\.8|Office 2019 \(up to ExcelApi 1\.8/);
  });

  it('opens the task pane from an https source', () => {
    const source = child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue;
    expect(source).toBe(`${webpackConfig.DEV_URL}taskpane.html`);
  });

  it('adds a ShowTaskpane button to a group on the Home tab', () => {
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const desktop = child(host, 'DesktopFormFactor');
    expect(child(desktop, 'FunctionFile').attrs.resid).toBeTruthy();
    const point = child(desktop, 'ExtensionPoint');
    expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(point, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(child(group, 'Label').attrs.resid).toBeTruthy();
    const button = children(group, 'Control').find((c) => c.attrs['xsi:type'] === 'Button');
    expect(button).toBeDefined();
    const action = child(button!, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const urls = new Map(
      children(child(resources, 'bt:Urls'), 'bt:Url').map((u) => [u.attrs.id, u.attrs.DefaultValue]),
    );
    expect(urls.get(child(action, 'SourceLocation').attrs.resid)).toBe(
      child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue,
    );
    // Labels: 绩效评分 / Score.
    const shorts = children(child(resources, 'bt:ShortStrings'), 'bt:String');
    const label = shorts.find((s) => s.attrs.id === child(button!, 'Label').attrs.resid)!;
    expect(label.attrs.DefaultValue).toBe('绩效评分');
    expect(child(label, 'bt:Override').attrs).toEqual({ Locale: 'en-US', Value: 'Score' });
    // Ids the ribbon uses are unique.
    const ids = all(overrides, (k) => ['Group', 'Control'].includes(k.name)).map((k) => k.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defines every resource id it references, of the right kind, within the length limits', () => {
    const kinds: Record<string, string> = {
      'bt:Images': 'bt:Image',
      'bt:Urls': 'bt:Url',
      'bt:ShortStrings': 'bt:String',
      'bt:LongStrings': 'bt:String',
    };
    const defined = new Map<string, string>();
    for (const [group, item] of Object.entries(kinds)) {
      for (const r of children(child(resources, group), item)) {
        expect(defined.has(r.attrs.id)).toBe(false);
        expect(r.attrs.id.length).toBeLessThanOrEqual(32);
        defined.set(r.attrs.id, group);
      }
    }
    const where: Record<string, string> = {
      'bt:Image': 'bt:Images',
      SourceLocation: 'bt:Urls',
      FunctionFile: 'bt:Urls',
      LearnMoreUrl: 'bt:Urls',
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
    };
    const refs = all(overrides, (k) => 'resid' in k.attrs);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(`${ref.name} → ${defined.get(ref.attrs.resid) ?? 'undefined'}`).toBe(
        `${ref.name} → ${where[ref.name]}`,
      );
    }
    // Everything defined is used.
    const used = new Set(refs.map((r) => r.attrs.resid));
    for (const id of defined.keys()) expect(used.has(id)).toBe(true);
  });

  it('gives every string resource an en-US override within the limits', () => {
    for (const [group, max] of [
      ['bt:ShortStrings', 125],
      ['bt:LongStrings', 250],
    ] as const) {
      for (const s of children(child(resources, group), 'bt:String')) {
        expect(s.attrs.DefaultValue.length).toBeGreaterThan(0);
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
        const en = children(s, 'bt:Override').filter((o) => o.attrs.Locale === 'en-US');
        expect(`${s.attrs.id}: ${en.length}`).toBe(`${s.attrs.id}: 1`);
        expect(en[0].attrs.Value.length).toBeGreaterThan(0);
        expect(en[0].attrs.Value.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('uses only development URLs that the production rewrite replaces', () => {
    const urls = all(app, (k) => 'DefaultValue' in k.attrs && /^https?:/.test(k.attrs.DefaultValue))
      .map((k) => k.attrs.DefaultValue)
      .concat(children(child(app, 'AppDomains'), 'AppDomain').map((d) => d.text));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(webpackConfig.DEV_URL.replace(/\/$/, ''))).toBe(true);
  });
});

describe('production manifest (ADDIN_PUBLIC_URL)', () => {
  const PUBLIC = 'https://addins.example.gov.cn/selfeval';
  const xml = webpackConfig.rewriteManifest(MANIFEST, PUBLIC);

  it('has no localhost URL left and stays valid', () => {
    expect(xml).not.toMatch(/localhost/i);
    const app = checkStructure(xml);
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      'https://addins.example.gov.cn/selfeval/taskpane.html',
    );
    expect(child(app, 'IconUrl').attrs.DefaultValue).toBe(
      'https://addins.example.gov.cn/selfeval/assets/icon-32.png',
    );
    expect(children(child(app, 'AppDomains'), 'AppDomain').map((d) => d.text)).toEqual([
      'https://addins.example.gov.cn',
    ]);
    // Only URLs changed: the rest of the manifest is as written.
    expect(xml.replace(/https:\/\/addins\.example\.gov\.cn(\/selfeval\/)?/g, '')).toBe(
      MANIFEST.replace(/https:\/\/localhost:3000\/?/g, ''),
    );
  });

  it('accepts only an https public URL', () => {
    expect(webpackConfig.normalisePublicUrl('https://a.example.cn')).toBe('https://a.example.cn/');
    expect(webpackConfig.normalisePublicUrl('https://a.example.cn/x/')).toBe('https://a.example.cn/x/');
    expect(() => webpackConfig.normalisePublicUrl('http://a.example.cn/')).toThrow(/https/);
    expect(() => webpackConfig.normalisePublicUrl('not a url')).toThrow(/URL/);
    expect(() => webpackConfig.normalisePublicUrl('https://a.example.cn/?v=1')).toThrow(/query/);
  });
});

describe('webpack build', () => {
  it('emits every page and icon the manifest points at, the manifest rewritten', async () => {
    const saved = process.env.ADDIN_PUBLIC_URL;
    process.env.ADDIN_PUBLIC_URL = 'https://addins.example.gov.cn/selfeval/';
    let config: WebpackConfig;
    try {
      config = await webpackConfig({}, { mode: 'production' });
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
    expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(['taskpane', 'commands']));
    const emitted = new Set<string>();
    for (const p of config.plugins) {
      if (p.userOptions?.filename) emitted.add(p.userOptions.filename);
      for (const pattern of p.patterns ?? []) {
        if (pattern.to.includes('[name]')) {
          const dir = pattern.from.replace(/\/\*.*$/, '');
          for (const f of readdirSync(join(ROOT, dir))) emitted.add(pattern.to.replace('[name][ext]', f));
        } else emitted.add(pattern.to);
      }
    }
    const app = parse(MANIFEST);
    const urls = all(
      app,
      (k) => 'DefaultValue' in k.attrs && k.attrs.DefaultValue.startsWith(webpackConfig.DEV_URL),
    );
    for (const u of urls) expect(emitted).toContain(u.attrs.DefaultValue.slice(webpackConfig.DEV_URL.length));
    expect(emitted).toContain('manifest.xml');
    const copy = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === 'manifest.xml')!;
    const out = String(copy.transform!(Buffer.from(MANIFEST, 'utf8')));
    expect(out).toBe(webpackConfig.rewriteManifest(MANIFEST, 'https://addins.example.gov.cn/selfeval/'));
    expect(out).not.toContain('localhost');
  });
});
