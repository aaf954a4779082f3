// selfeval --html on real workbooks: the page is written like the other outputs (never over an input or an
// existing file without --force), names the files it could not score, links the scored copies, and a project
// name that is a <script> stays text all the way from the workbook to the page.
import * as fs from 'fs';
import * as path from 'path';
import { buildSeedWorkbook, MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { escapeHtml } from '../../src/cli/html-report';
import { toBytes } from '../xlsx/helpers';
import { run, sha, tempDir, writeSamples } from './helpers';

const EVIL = `<script>alert("项目")</script> & '引号'`;

describe('selfeval --html', () => {
  let dir: string;
  beforeEach(async () => {
    dir = tempDir();
    await writeSamples(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one page for the batch, links the scored copies and leaves the inputs alone', async () => {
    const before = [sha(path.join(dir, SEED_FILE)), sha(path.join(dir, MULTI_FILE))];
    const r = await run(['--html', '报告.html', '--out', '评分结果', SEED_FILE, MULTI_FILE], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('HTML 报告已写出：报告.html');
    const html = fs.readFileSync(path.join(dir, '报告.html'), 'utf8');
    expect(html.match(/<section class="form" id="form-\d+">/g)).toHaveLength(5);
    expect(html).toContain('data-total="files"><b>2</b>');
    expect(html).toContain('data-total="forms"><b>5</b>');
    // Relative links, percent-encoded, to the copies that were written.
    const href = `${encodeURIComponent('评分结果')}/${encodeURIComponent(SEED_FILE.replace(/\.xlsx$/, '.scored.xlsx'))}`;
    expect(html).toContain(`href="${href}"`);
    expect(fs.existsSync(path.join(dir, '评分结果', SEED_FILE.replace(/\.xlsx$/, '.scored.xlsx')))).toBe(
      true,
    );
    expect([sha(path.join(dir, SEED_FILE)), sha(path.join(dir, MULTI_FILE))]).toEqual(before);
  });

  it('speaks the language of --lang', async () => {
    const r = await run(['--no-write', '--lang', 'en', '--html', 'r.html', SEED_FILE], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('HTML report written: r.html');
    expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('does not overwrite an existing file without --force, and does with it', async () => {
    const file = path.join(dir, '报告.html');
    fs.writeFileSync(file, 'mine');
    const r = await run(['--no-write', '--html', '报告.html', SEED_FILE], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('报告文件已存在：报告.html，未覆盖（加 --force 可覆盖）');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    const again = await run(['--no-write', '--force', '--html', '报告.html', SEED_FILE], dir);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('never writes over an input, even with --force', async () => {
    const input = path.join(dir, 'in.html');
    fs.writeFileSync(input, 'an input');
    const r = await run(['--no-write', '--force', '--html', 'in.html', SEED_FILE, 'in.html'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--html in.html 是本批的一个输入文件，不能覆盖');
    expect(fs.readFileSync(input, 'utf8')).toBe('an input');
  });

  it('takes only an .html file', async () => {
    const r = await run(['--no-write', '--html', '报告.pdf', SEED_FILE], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--html 只支持 .html 文件：报告.pdf');
    expect(fs.existsSync(path.join(dir, '报告.pdf'))).toBe(false);
  });

  it('names the files it could not score, and still writes the page', async () => {
    fs.writeFileSync(path.join(dir, '坏文件.xlsx'), 'not a workbook');
    const r = await run(['--no-write', '--html', 'r.html', '.'], dir);
    expect(r.code).toBe(2);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('data-total="failed"><b>1</b>');
    expect(html).toMatch(/<ul class="failed"><li><b>坏文件\.xlsx<\/b>：/);
  });

  it('shows a <script> project name as text', async () => {
    const { workbook } = buildSeedWorkbook();
    let replaced = 0;
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === '计生特殊家庭帮扶及权益维护') {
            cell.value = EVIL;
            replaced++;
          }
        }),
      ),
    );
    expect(replaced).toBeGreaterThan(0);
    fs.writeFileSync(path.join(dir, 'evil.xlsx'), await toBytes(workbook));
    const r = await run(['--no-write', '--json', '--html', 'r.html', 'evil.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).forms[0].project).toBe(EVIL);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(escapeHtml(EVIL));
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
