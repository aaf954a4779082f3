// The release files as users get them: `npm run release` into an empty folder, then the add-in's zip opened, the
// single-file command line run alone in an empty folder, and the package installed into a temporary prefix. Both
// command lines must give the same report on the bundled sample as `npm run score -- … --json`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseXmlRoots, releaseManifestProblems } from '../../scripts/release-manifest';
import { notShipped } from '../../scripts/release';
import { readZip } from '../../scripts/release-zip';
import { paneScriptList } from '../../scripts/bench-pane';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = '2021-计生特殊家庭帮扶及权益维护.xlsx';
const URL_GIVEN = 'https://addins.example.gov.cn/selfeval';
const BASE = `${URL_GIVEN}/`;
const BUILD_DATE = '2026-01-02';
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-release-'));
let expectedJson = '';

function tmp(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `selfeval-${name}-`));
}

/** An environment with nothing that could lead node to the repository's node_modules. */
function bareEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  return env;
}

beforeAll(() => {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, 'scripts/release.ts', '--url', URL_GIVEN, '--out', out], {
    cwd: ROOT,
    env: { ...process.env, SELFEVAL_BUILD_DATE: BUILD_DATE },
    stdio: 'pipe',
  });
  // The reference: the report as `npm run score` gives it.
  expectedJson = execFileSync(
    'npm',
    ['run', '--silent', 'score', '--', '--json', '--no-write', `examples/${SAMPLE}`],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
}, 600000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('npm run release', () => {
  it('writes the three files, their checksums and notes from the changelog', () => {
    const names = [`selfeval-addin-${version}.zip`, 'selfeval.cjs', `selfeval-${version}.tgz`];
    expect(fs.readdirSync(out).sort()).toEqual([...names, 'RELEASE-NOTES.md', 'SHA256SUMS'].sort());
    const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n')).toEqual(
      names.map(
        (n) =>
          `${createHash('sha256')
            .update(fs.readFileSync(path.join(out, n)))
            .digest('hex')}  ${n}`,
      ),
    );
    const notes = fs.readFileSync(path.join(out, 'RELEASE-NOTES.md'), 'utf8');
    expect(notes.startsWith(`# selfeval ${version} (${BUILD_DATE})`)).toBe(true);
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const firstLine = changelog
      .split(`## [${version}]`)[1]
      .split('\n')
      .find((l, i) => i > 0 && l.trim() !== '')!;
    expect(notes).toContain(firstLine);
    for (const n of names) expect(notes).toContain(n);
  });
});

describe('the add-in zip', () => {
  const top = `selfeval-addin-${version}/`;
  let files: Map<string, Buffer>;
  beforeAll(() => {
    files = readZip(fs.readFileSync(path.join(out, `selfeval-addin-${version}.zip`)));
  });

  it('holds the guides (Chinese first), the manifest for the given URL and web/', () => {
    const names = [...files.keys()];
    expect(names.every((n) => n.startsWith(top))).toBe(true);
    expect(names.slice(0, 3)).toEqual([`${top}DEPLOY.zh-CN.md`, `${top}DEPLOY.en.md`, `${top}manifest.xml`]);
    for (const guide of ['DEPLOY.zh-CN.md', 'DEPLOY.en.md']) {
      const text = files.get(top + guide)!.toString('utf8');
      expect(text).not.toMatch(/\{\{[A-Z_]+\}\}/);
      expect(text).toContain(`${BASE}taskpane.html`);
      expect(text).toContain(`selfeval ${version} (${BUILD_DATE})`);
      for (const topic of [
        'web.config',
        'nginx',
        'TrustedCatalogs',
        'admin.microsoft.com',
        'wef',
        'Cache-Control',
      ]) {
        expect(`${guide}: ${topic} ${text.includes(topic)}`).toBe(`${guide}: ${topic} true`);
      }
    }
    expect(files.get(`${top}DEPLOY.zh-CN.md`)!.toString('utf8')).toMatch(/部署指南/);
  });

  it('contains every file manifest.xml names, and the manifest passes the offline checks', () => {
    const xml = files.get(`${top}manifest.xml`)!.toString('utf8');
    expect(xml).not.toMatch(/localhost/);
    const { problems, files: named } = releaseManifestProblems(xml, BASE, version, (rel) =>
      files.has(`${top}web/${rel}`),
    );
    expect(problems).toEqual([]);
    expect(named).toEqual(
      expect.arrayContaining([
        'taskpane.html',
        'commands.html',
        'help.html',
        'assets/icon-32.png',
        'assets/icon-80.png',
      ]),
    );
    // Every script a shipped page loads is shipped too.
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = files.get(`${top}web/${page}`)!.toString('utf8');
      // Minified pages leave attributes unquoted: src=taskpane.1a2b3c4d.js.
      const tagged = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map(
        (m) => m[1] ?? m[2],
      );
      // taskpane.html's inline loader adds one pane's scripts or the other's, listed in a JSON block.
      const panes = paneScriptList(html);
      // Ours are listed under the public address; office.js (Microsoft's) is the only outside script tag.
      const local = [
        ...tagged.filter((s) => !/^https?:/.test(s)),
        ...(panes ? [...panes.modern, ...panes.legacy] : []),
      ].map((s) => s.replace(/^.*\//, ''));
      expect(local.length).toBeGreaterThan(0);
      for (const src of local)
        expect({ src, shipped: files.has(`${top}web/${src}`) }).toEqual({ src, shipped: true });
    }
  });

  it('has no demo harness, ExcelJS chunk, examples or source maps', () => {
    const web = [...files.keys()]
      .filter((n) => n.startsWith(`${top}web/`))
      .map((n) => n.slice(`${top}web/`.length));
    expect(web.filter((n) => notShipped(n) !== null)).toEqual([]);
    expect(web.filter((n) => /harness|exceljs|\.map$|examples|\.xlsx$/i.test(n))).toEqual([]);
    for (const n of web.filter((f) => f.endsWith('.js'))) {
      expect(files.get(`${top}web/${n}`)!.toString('utf8')).not.toMatch(/sourceMappingURL/);
    }
  });

  it('shows in the pane the version and build date the command line prints', () => {
    const script = [...files.keys()].find((n) => /web\/taskpane\.[0-9a-f]+\.js$/.test(n))!;
    expect(files.get(script)!.toString('utf8')).toContain(`selfeval ${version} (${BUILD_DATE})`);
    const said = execFileSync(process.execPath, [path.join(out, 'selfeval.cjs'), '--version'], {
      encoding: 'utf8',
    });
    expect(said.trim()).toBe(`${version} (${BUILD_DATE})`);
  });

  it('has an IIS web.config that is well-formed and long-caches only the hashed scripts', () => {
    const config = files.get(`${top}web/web.config`)!.toString('utf8');
    const roots = parseXmlRoots(config);
    expect(roots.map((r) => r.name)).toEqual(['configuration']);
    const cached = [...config.matchAll(/<location path="([^"]+)">/g)].map((m) => m[1]);
    expect(cached.filter((p) => p.endsWith('.js')).every((p) => /\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
    expect(cached.some((p) => /html/.test(p))).toBe(false);
  });
});

describe('selfeval.cjs alone in an empty folder', () => {
  it('answers --version and --help, and scores the sample to the same report as npm run score', () => {
    const dir = tmp('single');
    fs.copyFileSync(path.join(out, 'selfeval.cjs'), path.join(dir, 'selfeval.cjs'));
    expect(fs.readdirSync(dir)).toEqual(['selfeval.cjs']);
    const work = tmp('single-work');
    fs.copyFileSync(path.join(ROOT, 'examples', SAMPLE), path.join(work, SAMPLE));
    const node = (args: string[]) =>
      spawnSync(process.execPath, [path.join(dir, 'selfeval.cjs'), ...args], {
        cwd: work,
        encoding: 'utf8',
        env: bareEnv(),
      });

    const help = node(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: selfeval');
    expect(node(['--version']).stdout.trim()).toBe(`${version} (${BUILD_DATE})`);

    const r = node(['--json', '--no-write', SAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedJson);
    expect(JSON.parse(r.stdout).forms[0].total.computed).toBe('99.73');

    // It also writes the marked copy.
    const w = node(['--out', 'out', SAMPLE]);
    expect(w.status).toBe(0);
    expect(fs.existsSync(path.join(work, 'out', SAMPLE.replace(/\.xlsx$/, '.scored.xlsx')))).toBe(true);
  });
});

describe('selfeval-<version>.tgz', () => {
  it('has no dependencies and, installed into a temporary prefix, gives a selfeval that scores the same', () => {
    const tgz = path.join(out, `selfeval-${version}.tgz`);
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.bin).toEqual({ selfeval: 'selfeval.cjs' });
    expect(pkg.version).toBe(version);

    const prefix = tmp('prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz], {
      cwd: prefix,
      stdio: 'pipe',
      env: bareEnv(),
    });
    const bin =
      process.platform === 'win32' ? path.join(prefix, 'selfeval.cmd') : path.join(prefix, 'bin', 'selfeval');
    expect(fs.existsSync(bin)).toBe(true);
    const work = tmp('pkg-work');
    fs.copyFileSync(path.join(ROOT, 'examples', SAMPLE), path.join(work, SAMPLE));
    const v = spawnSync(bin, ['--version'], { cwd: work, encoding: 'utf8', env: bareEnv() });
    expect(v.stdout.trim()).toBe(`${version} (${BUILD_DATE})`);
    const r = spawnSync(bin, ['--json', '--no-write', SAMPLE], {
      cwd: work,
      encoding: 'utf8',
      env: bareEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedJson);
  });
});
