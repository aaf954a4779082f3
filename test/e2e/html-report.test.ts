/**
 * End to end: `selfeval --html` on the bundled examples, opened from disk in headless Chromium (Debian's, at
 * /usr/bin/chromium, driven by playwright-core) as a reviewer would open it. The table sorts on a header click,
 * the page loads nothing from anywhere and throws nothing, and it prints: a screenshot and a PDF go to
 * test-output/html-report/ (not committed) to be looked at.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeExamples } from '../../scripts/make-examples';
import { MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { run } from '../cli/helpers';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const OUT = path.join(ROOT, 'test-output', 'html-report');

let browser: Browser;
let page: Page;
let dir: string;
let reportFile: string;
const requests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium（${CHROMIUM}）：apt-get install -y chromium fonts-noto-cjk / ` +
        `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-html-'));
  const inputs = path.join(dir, 'examples');
  fs.mkdirSync(inputs);
  // The committed examples; generated from the same builder when a checkout does not have them yet.
  if (fs.existsSync(path.join(EXAMPLES, SEED_FILE)) && fs.existsSync(path.join(EXAMPLES, MULTI_FILE))) {
    for (const f of [SEED_FILE, MULTI_FILE]) fs.copyFileSync(path.join(EXAMPLES, f), path.join(inputs, f));
  } else {
    await writeExamples(inputs);
  }
  reportFile = path.join(dir, '报告.html');
  const r = await run(['--html', '报告.html', '--out', 'scored', 'examples'], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  fs.mkdirSync(OUT, { recursive: true });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  // The page may load nothing: any request but the report itself is recorded and aborted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') && decodeURI(url).endsWith('报告.html')) return route.continue();
    requests.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('request', (req) => {
    if (!decodeURI(req.url()).endsWith('报告.html')) requests.push(req.url());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`file://${reportFile}`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The forms table's column of a header label, as shown. */
async function column(label: string): Promise<string[]> {
  return page.$$eval(
    'table.forms',
    (tables, label) => {
      const table = tables[0] as HTMLTableElement;
      const heads = Array.from(table.tHead!.rows[0].cells).map((c) => (c.textContent ?? '').trim());
      const i = heads.indexOf(label);
      return Array.from(table.tBodies[0].rows).map((r) => (r.cells[i].textContent ?? '').trim());
    },
    label,
  );
}

describe('the HTML report of the bundled examples', () => {
  it('shows the totals of the batch: 2 files, 5 forms', async () => {
    const cards = await page.$$eval('[data-total]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-total'), e.querySelector('b')?.textContent])),
    );
    expect(cards).toMatchObject({ files: '2', forms: '5', scored: '5', failed: '0' });
    expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
  });

  it('sorts the forms table when a header is clicked, and back when clicked again', async () => {
    const label = '总分（计算）';
    const before = await column(label);
    expect(before).toHaveLength(5);
    const numbers = (xs: string[]): number[] => xs.map(Number);
    const ascending = [...numbers(before)].sort((a, b) => a - b);

    await page.locator('table.forms thead th', { hasText: label }).getByRole('button').click();
    expect(numbers(await column(label))).toEqual(ascending);
    expect(await page.locator('table.forms th[aria-sort="ascending"]').textContent()).toContain(label);

    await page.locator('table.forms thead th', { hasText: label }).getByRole('button').click();
    expect(numbers(await column(label))).toEqual([...ascending].reverse());

    // Text columns sort too (项目名称), and a project links to its form's findings.
    await page.locator('table.forms thead th', { hasText: '项目名称' }).getByRole('button').click();
    const projects = await column('项目名称');
    expect(projects).toEqual([...projects].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })));
    await page.locator('table.forms tbody a').first().click();
    const target = decodeURIComponent(new URL(page.url()).hash);
    expect(target).toMatch(/^#form-\d+$/);
    expect(await page.locator(`${target} table.findings tbody tr`).count()).toBeGreaterThan(0);
  });

  it('takes a screenshot and prints to PDF, one part per page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
    const pdf = await page.pdf({ path: path.join(OUT, 'report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // Overview, forms table, findings (several pages), codes.
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('loaded nothing and threw nothing', () => {
    expect({ requests, pageErrors, consoleErrors }).toEqual({
      requests: [],
      pageErrors: [],
      consoleErrors: [],
    });
  });
});
