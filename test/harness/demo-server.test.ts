// `npm run demo`'s server and build check, on temporary folders (no webpack run here).
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, resolveRequest, startDemoServer, staleReason, type DemoServer } from '../../scripts/demo';

function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
        );
      })
      .on('error', reject);
  });
}

describe('the demo server', () => {
  let dir: string;
  let server: DemoServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-demo-'));
    fs.mkdirSync(path.join(dir, 'web'));
    fs.mkdirSync(path.join(dir, 'examples'));
    fs.writeFileSync(path.join(dir, 'web', 'harness.html'), '<p>harness</p>');
    fs.writeFileSync(path.join(dir, 'web', 'taskpane.html'), '<p>pane</p>');
    fs.writeFileSync(path.join(dir, 'examples', '示例.xlsx'), 'PK');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'no');
    server = await startDemoServer(0, { web: path.join(dir, 'web'), examples: path.join(dir, 'examples') });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 only, over plain http', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the harness at /, the built pages, and the sample workbooks under /examples/', async () => {
    expect(await get(server.url)).toMatchObject({ status: 200, body: '<p>harness</p>' });
    expect(await get(`${server.url}taskpane.html`)).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
    });
    const xlsx = await get(`${server.url}examples/${encodeURIComponent('示例.xlsx')}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('nothing outside those two folders', async () => {
    expect((await get(`${server.url}nothing.html`)).status).toBe(404);
    expect((await get(`${server.url}%2e%2e/secret.txt`)).status).toBe(404);
    expect((await get(`${server.url}examples/%2e%2e/secret.txt`)).status).toBe(404);
    expect(resolveRequest('/../secret.txt', '/srv/web', '/srv/examples')).toBeNull();
    expect(resolveRequest('/examples/../../secret.txt', '/srv/web', '/srv/examples')).toBeNull();
    expect(resolveRequest('/%E0%A4%A', '/srv/web', '/srv/examples')).toBeNull();
    expect(resolveRequest('/examples/a.xlsx?x=1', '/srv/web', '/srv/examples')).toBe(
      path.resolve('/srv/examples/a.xlsx'),
    );
  });

  test('a port in use is reported with what to do', async () => {
    await expect(startDemoServer(server.port)).rejects.toThrow(/--port/);
  });
});

describe('parseArgs', () => {
  test('--port N, --port=N and --rebuild; the default port is 3100', () => {
    expect(parseArgs([])).toEqual({ port: 3100, rebuild: false });
    expect(parseArgs(['--port', '4000'])).toEqual({ port: 4000, rebuild: false });
    expect(parseArgs(['--port=4001', '--rebuild'])).toEqual({ port: 4001, rebuild: true });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/port/);
    expect(() => parseArgs(['--open'])).toThrow(/unknown argument/);
  });
});

describe('staleReason: when the web pages must be built again', () => {
  test('missing build, sources newer than the build, up to date', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-stale-'));
    try {
      fs.mkdirSync(path.join(root, 'src', 'harness'), { recursive: true });
      fs.writeFileSync(path.join(root, 'src', 'harness', 'index.tsx'), '');
      expect(staleReason(root)).toMatch(/dist\/demo\/harness\.html/);
      // The add-in's build does not count: the demo has its own folder.
      fs.mkdirSync(path.join(root, 'dist', 'web'), { recursive: true });
      fs.writeFileSync(path.join(root, 'dist', 'web', 'harness.html'), '');
      fs.writeFileSync(path.join(root, 'dist', 'web', 'taskpane.html'), '');
      expect(staleReason(root)).toMatch(/dist\/demo/);

      fs.mkdirSync(path.join(root, 'dist', 'demo'), { recursive: true });
      for (const f of ['harness.html', 'taskpane.html'])
        fs.writeFileSync(path.join(root, 'dist', 'demo', f), '');
      const past = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(root, 'src', 'harness', 'index.tsx'), past, past);
      fs.utimesSync(path.join(root, 'src', 'harness'), past, past);
      fs.utimesSync(path.join(root, 'src'), past, past);
      expect(staleReason(root)).toBeNull();

      const future = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(root, 'src', 'harness', 'index.tsx'), future, future);
      expect(staleReason(root)).toMatch(/^src/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
