// npm run release -- --url https://server/path/   (or ADDIN_PUBLIC_URL=https://server/path/ npm run release)
//
// Builds, for the version in package.json, into release/ (another empty folder with --out DIR):
//   selfeval-addin-<version>.zip  the add-in for IT: web/ (only the files the manifest and its pages use: no demo
//                                 harness, no ExcelJS chunk, no examples, no source maps), manifest.xml for the given
//                                 https address, validated offline, and DEPLOY.zh-CN.md / DEPLOY.en.md
//   selfeval.cjs                  the command line as one file for Node ≥ 20 (webpack.cli.config.js)
//   selfeval-<version>.tgz        the same file as an npm package with no dependencies (npm install -g ./…tgz)
//   SHA256SUMS, RELEASE-NOTES.md  checksums of the three; notes from CHANGELOG.md's section for the version
// The pane and the command line get the same build date ($SELFEVAL_BUILD_DATE, else $SOURCE_DATE_EPOCH, else today).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { releaseManifestProblems } from './release-manifest';
import { writeZip, type ZipEntry } from './release-zip';

const ROOT = path.resolve(__dirname, '..');

interface PackageJson {
  name: string;
  version: string;
  description: string;
  license: string;
  engines?: Record<string, string>;
}

/** A failure the person running the release can act on: Chinese first, then English. */
export class ReleaseError extends Error {}

function fail(zh: string, en: string): never {
  throw new ReleaseError(`${zh} / ${en}`);
}

export interface ReleaseOptions {
  /** The public https base URL, ending in "/". */
  url: string;
  out: string;
  /** true when --out was not given: release/ is ours and emptied first. */
  defaultOut: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): ReleaseOptions {
  let url = env.ADDIN_PUBLIC_URL ?? '';
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} 后缺少值`, `${a} needs a value`);
      return v;
    };
    if (a === '--url') url = value();
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--out') out = value();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else
      fail(
        `未知参数 ${a}（可用 --url 网址、--out 文件夹）`,
        `unknown argument ${a} (use --url URL, --out DIR)`,
      );
  }
  if (!url) {
    fail(
      '请给出加载项的 https 网址：npm run release -- --url https://服务器/路径/（或设置 ADDIN_PUBLIC_URL）',
      'give the add-in its https address: npm run release -- --url https://server/path/ (or set ADDIN_PUBLIC_URL)',
    );
  }
  const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as {
    normalisePublicUrl(u: string): string;
  };
  return {
    url: webpackConfig.normalisePublicUrl(url),
    out: path.resolve(out || path.join(ROOT, 'release')),
    defaultOut: !out,
  };
}

/** Files under dir, as relative paths with "/". */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), `${rel}/`));
    else out.push(rel);
  }
  return out.sort();
}

/** What the add-in's zip never ships: the demo harness, ExcelJS (only the CLI and demo read .xlsx), examples, maps. */
export const NOT_SHIPPED: { pattern: RegExp; why: string }[] = [
  { pattern: /\.map$/i, why: 'source map' },
  { pattern: /(^|\/)harness[./]/i, why: 'demo harness' },
  { pattern: /exceljs/i, why: 'ExcelJS chunk' },
  { pattern: /(^|\/)examples\//i, why: 'example workbooks' },
  { pattern: /(^|\/)manifest\.xml$/i, why: 'the manifest goes beside web/, not on the server' },
];

export function notShipped(rel: string): string | null {
  return NOT_SHIPPED.find((n) => n.pattern.test(rel))?.why ?? null;
}

/**
 * The web files to ship: those the manifest names, and, transitively, every built file a shipped page or script
 * names (by file name, or by the content hash webpack's runtime uses to load a chunk). Nothing else, whatever the
 * build put beside them.
 */
export function selectWebFiles(dir: string, named: string[]): { files: string[]; problems: string[] } {
  const all = listFiles(dir);
  const problems: string[] = [];
  const chosen = new Set<string>();
  const queue = [...named];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (chosen.has(rel)) continue;
    const why = notShipped(rel);
    if (why) {
      problems.push(`${rel} (${why}) would be shipped: a shipped page or the manifest refers to it`);
      continue;
    }
    if (!all.includes(rel)) {
      problems.push(`${rel} is named but was not built`);
      continue;
    }
    chosen.add(rel);
    if (!/\.(html?|js|css)$/i.test(rel)) continue;
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const other of all) {
      if (chosen.has(other)) continue;
      const base = path.posix.basename(other);
      const hash = /\.([0-9a-f]{8,})\.js$/.exec(base)?.[1];
      if (text.includes(base) || (hash && text.includes(hash))) queue.push(other);
    }
  }
  return { files: [...chosen].sort(), problems };
}

/** IIS caching for the shipped files: no-cache by default, hashed scripts a year, icons a day. */
export function webConfig(files: string[], version: string): string {
  const location = (where: string, maxAge: string, custom: string): string[] => [
    `  <location path="${where}">`,
    '    <system.webServer>',
    '      <staticContent>',
    `        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="${maxAge}" cacheControlCustom="${custom}" />`,
    '      </staticContent>',
    '    </system.webServer>',
    '  </location>',
  ];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- selfeval add-in ${version} for IIS: pages are revalidated on every load (Cache-Control: no-cache);`,
    '     scripts whose names carry a content hash never change and are cached for a year; icons for a day. -->',
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    '      <clientCache cacheControlMode="DisableCache" />',
    '    </staticContent>',
    '  </system.webServer>',
  ];
  for (const f of files.filter((f) => /\.[0-9a-f]{8,}\.js$/.test(f))) {
    lines.push(...location(f, '365.00:00:00', 'public, immutable'));
  }
  if (files.some((f) => f.startsWith('assets/'))) lines.push(...location('assets', '1.00:00:00', 'public'));
  lines.push('</configuration>', '');
  return lines.join('\r\n');
}

/** The body of CHANGELOG.md's section for a version (between "## [version]" and the next "## "). */
export function changelogSection(changelog: string, version: string): { date: string; body: string } {
  const lines = changelog.split(/\r?\n/);
  const head = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(?:\\s+-\\s+(\\S+))?\\s*$`);
  const start = lines.findIndex((l) => head.test(l));
  if (start < 0) {
    fail(
      `CHANGELOG.md 中没有 ${version} 的条目（## [${version}] - 日期）`,
      `CHANGELOG.md has no section for ${version} (## [${version}] - date)`,
    );
  }
  const date = head.exec(lines[start])![1] ?? '';
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
    .join('\n')
    .trim();
  if (!body)
    fail(`CHANGELOG.md 中 ${version} 的条目是空的`, `CHANGELOG.md's section for ${version} is empty`);
  return { date, body };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      shell: process.platform === 'win32' && cmd === 'npm',
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`);
    fail(`命令失败：${cmd} ${args.join(' ')}`, `command failed: ${cmd} ${args.join(' ')} (${err.message})`);
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The add-in's zip: builds the pages for the URL, picks the files to ship, checks the manifest, adds the guides. */
function buildAddin(
  opt: ReleaseOptions,
  pkg: PackageJson,
  buildDate: string,
  env: NodeJS.ProcessEnv,
): string {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-release-web-'));
  try {
    const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    run(process.execPath, [webpackCli, '--mode', 'production', '--output-path', webDir], ROOT, {
      ...env,
      ADDIN_PUBLIC_URL: opt.url,
    });
    const manifest = fs.readFileSync(path.join(webDir, 'manifest.xml'), 'utf8');
    const checked = releaseManifestProblems(manifest, opt.url, pkg.version, (rel) =>
      fs.existsSync(path.join(webDir, rel)),
    );
    const picked = selectWebFiles(webDir, checked.files);
    const problems = [...checked.problems, ...picked.problems];
    if (problems.length > 0) {
      fail(
        `清单或网页文件有问题：\n  ${problems.join('\n  ')}\n`,
        'the manifest or the web files have problems (above)',
      );
    }
    const top = `selfeval-addin-${pkg.version}`;
    const config = webConfig(picked.files, pkg.version);
    const where = new URL(opt.url);
    const values = {
      VERSION: pkg.version,
      BUILD_DATE: buildDate,
      URL: opt.url,
      PATH: where.pathname,
      IIS_DIR: `C:\\inetpub\\wwwroot${where.pathname.replace(/\//g, '\\')}`,
      WEB_CONFIG: config.replace(/\r\n/g, '\n').trim(),
    };
    const guide = (name: string): Buffer =>
      Buffer.from(fill(fs.readFileSync(path.join(ROOT, 'docs', name), 'utf8'), values), 'utf8');
    const entries: ZipEntry[] = [
      { name: `${top}/DEPLOY.zh-CN.md`, data: guide('deploy.zh-CN.md') },
      { name: `${top}/DEPLOY.en.md`, data: guide('deploy.en.md') },
      { name: `${top}/manifest.xml`, data: Buffer.from(manifest, 'utf8') },
      ...picked.files.map((f) => ({ name: `${top}/web/${f}`, data: fs.readFileSync(path.join(webDir, f)) })),
      { name: `${top}/web/web.config`, data: Buffer.from(config, 'utf8') },
    ];
    const zip = path.join(opt.out, `${top}.zip`);
    fs.writeFileSync(zip, writeZip(entries, new Date(`${buildDate}T00:00:00Z`)));
    return zip;
  } finally {
    fs.rmSync(webDir, { recursive: true, force: true });
  }
}

/** selfeval.cjs: the bundled command line, checked to run and to print this version and date. */
function buildCli(opt: ReleaseOptions, pkg: PackageJson, buildDate: string, env: NodeJS.ProcessEnv): string {
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  run(process.execPath, [webpackCli, '--config', 'webpack.cli.config.js'], ROOT, env);
  const file = path.join(opt.out, 'selfeval.cjs');
  fs.copyFileSync(path.join(ROOT, 'dist', 'cli', 'selfeval.cjs'), file);
  fs.chmodSync(file, 0o755);
  const said = run(process.execPath, [file, '--version'], opt.out, env).trim();
  if (said !== `${pkg.version} (${buildDate})`) {
    fail(`selfeval.cjs --version 输出 “${said}”`, `selfeval.cjs --version printed "${said}"`);
  }
  return file;
}

/**
 * selfeval-<version>.tgz, packed from a staging folder with a generated package.json: the repository's
 * package.json lists the task pane's React and Fluent UI as dependencies (npm cannot leave dependencies out of a
 * pack), while selfeval.cjs already carries everything the command line uses. The staged package therefore has no
 * dependencies at all and installs offline.
 */
function buildPackage(opt: ReleaseOptions, pkg: PackageJson, cli: string, env: NodeJS.ProcessEnv): string {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-release-pkg-'));
  try {
    const manifest = {
      name: pkg.name,
      version: pkg.version,
      description: pkg.description,
      license: pkg.license,
      engines: pkg.engines ?? { node: '>=20' },
      bin: { selfeval: 'selfeval.cjs' },
      files: ['selfeval.cjs', 'README.md', 'CHANGELOG.md'],
    };
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.copyFileSync(cli, path.join(stage, 'selfeval.cjs'));
    fs.chmodSync(path.join(stage, 'selfeval.cjs'), 0o755);
    fs.copyFileSync(path.join(ROOT, 'CHANGELOG.md'), path.join(stage, 'CHANGELOG.md'));
    fs.writeFileSync(
      path.join(stage, 'README.md'),
      [
        `# selfeval ${pkg.version}`,
        '',
        '项目支出绩效自评表 评分与审核（命令行）。Scores and checks 项目支出绩效自评表 workbooks from the command line.',
        '',
        '```bash',
        `npm install -g ./selfeval-${pkg.version}.tgz`,
        'selfeval --help',
        'selfeval --out 评分结果 收件箱/          # 每个 .xlsx 写出带标记的副本 / a marked copy of each .xlsx',
        'selfeval --json 自评表.xlsx > report.jsonl',
        '```',
        '',
        'Node.js ≥ 20; no other dependency. 输入文件从不修改 / inputs are never modified.',
        '',
      ].join('\n'),
    );
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', opt.out], stage, env)) as {
      filename: string;
    }[];
    return path.join(opt.out, packed[0].filename);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

function human(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function releaseNotes(pkg: PackageJson, buildDate: string, url: string, files: string[]): string {
  const { body } = changelogSection(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), pkg.version);
  const row = (f: string, zh: string, en: string): string =>
    `| \`${path.basename(f)}\` | ${human(fs.statSync(f).size)} | ${zh} / ${en} |`;
  const [zip, cli, tgz] = files;
  return [
    `# selfeval ${pkg.version} (${buildDate})`,
    '',
    body,
    '',
    '## 文件 / Files',
    '',
    '| 文件 / File | 大小 / Size | 用途 / For |',
    '| --- | --- | --- |',
    row(
      zip,
      `Excel 加载项，给 IT 部署（为 ${url} 构建；解压后先读 DEPLOY.zh-CN.md）`,
      'the Excel add-in for IT (read DEPLOY.en.md)',
    ),
    row(
      cli,
      '命令行单文件：`node selfeval.cjs --help`，只需 Node.js 20 以上',
      'the command line as one file for Node.js ≥ 20',
    ),
    row(
      tgz,
      `命令行安装包：\`npm install -g ./${path.basename(tgz)}\` 后使用 \`selfeval\``,
      'the command line as an npm package',
    ),
    '',
    '## 核对下载 / Checking the downloads',
    '',
    '```bash',
    'sha256sum -c SHA256SUMS          # Linux',
    'shasum -a 256 -c SHA256SUMS      # macOS',
    '```',
    '',
    'Windows PowerShell: `Get-FileHash <文件/file> -Algorithm SHA256`，与 `SHA256SUMS` 中的值比较 / compare with `SHA256SUMS`.',
    '',
  ].join('\n');
}

export function release(opt: ReleaseOptions): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const { buildDate } = require(path.join(ROOT, 'webpack.cli.config.js')) as { buildDate(): string };
  const date = buildDate();
  // Both builds (and their child processes) see the same date.
  const env = { ...process.env, SELFEVAL_BUILD_DATE: date };
  // Fails early, before the slow builds, when the changelog has no entry for this version.
  changelogSection(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), pkg.version);

  if (opt.defaultOut) fs.rmSync(opt.out, { recursive: true, force: true });
  else if (fs.existsSync(opt.out) && fs.readdirSync(opt.out).length > 0) {
    fail(`--out ${opt.out} 须是空文件夹`, `--out ${opt.out} must be an empty folder`);
  }
  fs.mkdirSync(opt.out, { recursive: true });

  const zip = buildAddin(opt, pkg, date, env);
  const cli = buildCli(opt, pkg, date, env);
  const tgz = buildPackage(opt, pkg, cli, env);
  const files = [zip, cli, tgz];
  fs.writeFileSync(
    path.join(opt.out, 'SHA256SUMS'),
    files.map((f) => `${sha256(f)}  ${path.basename(f)}\n`).join(''),
  );
  fs.writeFileSync(path.join(opt.out, 'RELEASE-NOTES.md'), releaseNotes(pkg, date, opt.url, files));
  return [...files, path.join(opt.out, 'SHA256SUMS'), path.join(opt.out, 'RELEASE-NOTES.md')];
}

if (require.main === module) {
  try {
    const opt = parseArgs(process.argv.slice(2), process.env);
    const started = Date.now();
    const made = release(opt);
    const shown = made.map(
      (f) => `  ${path.relative(process.cwd(), f) || f}  (${human(fs.statSync(f).size)})`,
    );
    process.stdout.write(
      `发布文件已生成 / release written (${((Date.now() - started) / 1000).toFixed(0)} s):\n${shown.join('\n')}\n`,
    );
  } catch (e) {
    if (e instanceof ReleaseError || (e instanceof Error && /ADDIN_PUBLIC_URL/.test(e.message))) {
      process.stderr.write(`[release] ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
