// npm run demo [-- --port 3100] [-- --rebuild]
// Builds the demo (`npm run build:demo`: webpack, production, --env demo) into dist/demo when it is missing or
// older than the sources, then serves the browser harness on http://127.0.0.1:PORT/ (plain http, nothing to
// install, no network) and prints the URL. dist/demo (the harness and its own build of the pane pages) is served
// at /, the sample workbooks (examples/) at /examples/. This is the only way the demo is served; the end-to-end
// tests start the same server. The add-in's build (dist/web) holds no harness.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
/** The demo build: the harness page beside the pane pages it frames (never dist/web, the add-in). */
export const DEMO_DIR = path.join(ROOT, 'dist', 'demo');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');
export const DEFAULT_PORT = 3100;
export const HOST = '127.0.0.1';

/** What the built pages are made from: any of these newer than the build means it is stale. */
const SOURCES = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json', 'tsconfig.json'];
/** What a usable build holds. */
const BUILT = ['harness.html', 'taskpane.html'];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why dist/demo must be (re)built, or null when it is up to date. */
export function staleReason(root = ROOT): string | null {
  const demo = path.join(root, 'dist', 'demo');
  let builtAt = Infinity;
  for (const name of BUILT) {
    const file = path.join(demo, name);
    if (!fs.existsSync(file)) return `dist/demo/${name} 不存在 / is missing`;
    builtAt = Math.min(builtAt, fs.statSync(file).mtimeMs);
  }
  for (const s of SOURCES) {
    if (newestMtime(path.join(root, s)) > builtAt) return `${s} 比构建新 / is newer than the build`;
  }
  return null;
}

/** Build the demo with webpack (production, --env demo) unless it is up to date. Throws when the build fails. */
export function ensureBuilt(options: { force?: boolean; quiet?: boolean } = {}): boolean {
  const reason = options.force ? '--rebuild' : staleReason();
  if (reason === null) return false;
  const log = options.quiet ? (): void => undefined : (s: string): void => console.log(s);
  log(`正在构建演示页 / building the demo (${reason}) …`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, '--mode', 'production', '--env', 'demo'], {
    cwd: ROOT,
    stdio: options.quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    const output = options.quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(
      `webpack 构建失败 / the webpack build failed (exit ${result.status ?? result.signal})${output}`,
    );
  }
  log(`构建完成 / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file a URL path names: /examples/… in examples/, anything else in dist/demo; null outside them. */
export function resolveRequest(
  urlPath: string,
  webDir = DEMO_DIR,
  examplesDir = EXAMPLES_DIR,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const [base, rel] = decoded.startsWith('/examples/')
    ? [examplesDir, decoded.slice('/examples/'.length)]
    : [webDir, decoded.replace(/^\/+/, '') || 'harness.html'];
  const file = path.resolve(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve dist/demo and examples/ on 127.0.0.1 (port 0: any free port). */
export function startDemoServer(
  port = DEFAULT_PORT,
  dirs = { web: DEMO_DIR, examples: EXAMPLES_DIR },
): Promise<DemoServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveRequest(req.url ?? '/', dirs.web, dirs.examples);
    let st: fs.Stats | null = null;
    try {
      st = file ? fs.statSync(file) : null;
    } catch {
      st = null;
    }
    if (!file || !st || !st.isFile()) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`404 未找到 / not found: ${req.url}`);
      return;
    }
    const hashed = /\.[0-9a-f]{8}\.js$/.test(file);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        reject(
          new Error(
            `端口 ${port} 已被占用，请用 --port 指定其他端口 / port ${port} is in use; choose another with --port`,
          ),
        );
      } else reject(e);
    });
    server.listen(port, HOST, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function parseArgs(argv: string[]): { port: number; rebuild: boolean } {
  let port = Number(process.env.DEMO_PORT || DEFAULT_PORT);
  let rebuild = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rebuild') rebuild = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a.includes('=') ? a.slice('--port='.length) : argv[++i];
      port = Number(v);
    } else
      throw new Error(`未知参数 / unknown argument: ${a} (usage: npm run demo -- [--port 3100] [--rebuild])`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`端口无效 / not a port number: ${String(port)}`);
  }
  return { port, rebuild };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureBuilt({ force: args.rebuild });
  if (!fs.existsSync(EXAMPLES_DIR))
    console.warn('examples/ 不存在：示例表无法打开 / examples/ is missing: no sample');
  const server = await startDemoServer(args.port);
  console.log('');
  console.log(`  绩效自评表评分 · 浏览器演示 / browser demo:  ${server.url}`);
  console.log('');
  console.log('  在浏览器中打开上面的地址；按 Ctrl+C 停止。/ Open the address in a browser; Ctrl+C stops.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
