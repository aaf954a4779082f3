/**
 * End to end: the real production build of the task pane, in headless Chromium (found by ./chromium: Debian's
 * /usr/bin/chromium, another usual path or $SELFEVAL_CHROMIUM; driven by playwright-core), beside the harness's grid, against real .xlsx workbooks. Clicks what a user
 * clicks and reads what a user reads: the pane's figures and the grid's fills and notes.
 *
 * One webpack build of the demo (skipped when dist/demo is up to date), one server on 127.0.0.1, one browser. The page may
 * reach nothing but that server: any other request is aborted and fails the test that made it.
 * Screenshots of every scenario go to test-output/screenshots/ (not committed).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { type FrameLocator, type Locator, type Page } from 'playwright-core';
import { ROOT, type DemoServer } from '../../scripts/demo';
import { SEED_FILE } from '../fixtures/examples';
import { openDemoBrowser, type DemoBrowser } from './demo-browser';

const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const SHEET = '自评表';
const REVIEW_SHEET = '审核意见';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The highlight palette (design.md): Excel's Bad / Neutral / Good styles and a light blue for information.
const FILL = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7', written: '#C6EFCE' };
const WRITTEN_FONT = '#006100';

/** The seed form's findings that the issue names, by cell (1-based sheet rows of the sample's layout). */
const EXPECTED_MARKS: Record<string, { fill: string; code: string }> = {
  H6: { fill: FILL.info, code: 'RATE_MISMATCH' }, // 执行率 printed 97.35%, computed 97.34%
  H16: { fill: FILL.info, code: 'SCORE_MISMATCH' }, // 年底之前预算执行率 printed 9.7 of 10, reason given
  F14: { fill: FILL.warning, code: 'OVER_ACHIEVED' }, // 普法宣传品/册发放 50000 for =3000
  I14: { fill: FILL.warning, code: 'REASON_MISSING' },
  F18: { fill: FILL.warning, code: 'OVER_ACHIEVED' }, // 普法活动覆盖人数 120000 for =800
  I18: { fill: FILL.warning, code: 'REASON_MISSING' },
};
/** Cells of the form the rules find nothing wrong with. */
const CLEAN_CELLS = ['H13', 'G13', 'F13', 'H17', 'D6', 'I6', 'H21', 'G21', 'C3'];

let demo: DemoBrowser;
let server: DemoServer;
let page: Page;
let examplesDir: string;
/** Requests to anywhere but the demo server, and errors thrown in any page: each fails the running test. */
let offsite: string[];
let pageErrors: string[];

beforeAll(async () => {
  demo = await openDemoBrowser();
  ({ server, page, examplesDir, offsite, pageErrors } = demo);
  fs.mkdirSync(SHOTS, { recursive: true });
}, 600_000);

afterEach(() => {
  const blocked = offsite.splice(0);
  const errors = pageErrors.splice(0);
  expect({ offsiteRequests: blocked, pageErrors: errors }).toEqual({ offsiteRequests: [], pageErrors: [] });
});

afterAll(async () => {
  await demo?.close();
});

// ---------------------------------------------------------------------------------------------------------
// What a user sees and does.

function pane(): FrameLocator {
  return page.frameLocator('[data-testid="pane-frame"]');
}

function cell(address: string): Locator {
  return page.locator(`[data-testid="grid"] td[data-cell="${address}"]`);
}

/** Open the harness (the sample unless ?file=…) and wait for the pane to be ready. */
async function openHarness(query = ''): Promise<void> {
  await page.goto(`${server.url}harness.html${query}`);
  await expect(page.getByTestId('sheet-tab').first()).toBeVisibleSoon();
  await waitForPane();
}

async function waitForPane(): Promise<void> {
  await pane().locator('main').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Click the pane's main button and wait until the pass is over. */
async function score(label = '评分'): Promise<void> {
  // The click clears the previous outcome at once; the new one shows when the pass is over, then the pane is
  // no longer busy.
  await pane().getByRole('button', { name: label, exact: true }).click();
  await pane()
    .locator('[data-testid="notice"], [data-testid="banner"]')
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 });
  await pane().locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
}

async function clearMarks(label = '清除标记'): Promise<void> {
  await pane().getByRole('button', { name: label, exact: true }).click();
  await pane().getByTestId('notice').waitFor({ state: 'visible', timeout: 20_000 });
  await pane().locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
}

async function figure(testId: string): Promise<string> {
  return (await pane().getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
}

interface GridCell {
  text: string;
  fill: string | null;
  font: string | null;
  note: string | null;
}

/** Every drawn cell of the sheet shown: its text, fill, font colour and note, as the grid has them. */
async function gridState(): Promise<Record<string, GridCell>> {
  return page.$$eval('[data-testid="grid"] td[data-cell]', (tds) => {
    const out: Record<
      string,
      { text: string; fill: string | null; font: string | null; note: string | null }
    > = {};
    for (const td of tds) {
      out[td.getAttribute('data-cell') ?? ''] = {
        text: (td.querySelector('.xl-text')?.textContent ?? '').trim(),
        fill: td.getAttribute('data-fill'),
        font: td.getAttribute('data-font-color'),
        note: td.getAttribute('data-note'),
      };
    }
    return out;
  });
}

/** The grid as the user sees it: Excel's API cannot tell the automatic font colour from black once a colour has
 *  been written back (Range.format.font.color reads "#000000" for both), so both count as black. */
function asSeen(state: Record<string, GridCell>): Record<string, GridCell> {
  const out: Record<string, GridCell> = {};
  for (const [k, v] of Object.entries(state)) out[k] = { ...v, font: v.font ?? '#000000' };
  return out;
}

async function sheetTabs(): Promise<string[]> {
  return page.getByTestId('sheet-tab').allInnerTexts();
}

/** The colour the browser actually paints behind a cell, as #RRGGBB. */
async function paintedFill(address: string): Promise<string> {
  const rgb = await cell(address).evaluate((el) => getComputedStyle(el).backgroundColor);
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  if (!m) return rgb;
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** Scroll the sheet (as the user would with the wheel) so that the cell's row is the first under the headers. */
async function scrollGridTo(address: string): Promise<void> {
  await cell(address).evaluate((td) => {
    const scroller = td.closest('[data-testid="grid-scroll"]') as HTMLElement;
    const header = scroller.querySelector('thead') as HTMLElement;
    scroller.scrollTop += td.getBoundingClientRect().top - header.getBoundingClientRect().bottom;
  });
}

async function shoot(name: string): Promise<void> {
  await page.waitForTimeout(400); // let Fluent's colour transitions (busy → idle) finish
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.getByTestId('pane-frame').screenshot({ path: path.join(SHOTS, `${name}-pane.png`) });
  await page.getByTestId('grid-scroll').screenshot({ path: path.join(SHOTS, `${name}-grid.png`) });
}

async function setHarnessSelect(testId: string, value: string): Promise<void> {
  const session = await page.getByTestId('pane-frame').getAttribute('data-session');
  await page.getByTestId(testId).selectOption(value);
  // The pane is reopened, as when the workbook is opened in another Excel.
  await page.locator(`[data-testid="pane-frame"]:not([data-session="${session}"])`).waitFor();
  await waitForPane();
}

/** Open a workbook as a user does: through the file dialog, or by dropping the file on the page. */
async function dropWorkbook(
  name: string,
  wb: ExcelJS.Workbook,
  how: 'dialog' | 'drop' = 'dialog',
): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const session = await page.getByTestId('pane-frame').getAttribute('data-session');
  if (how === 'dialog') {
    await page.getByTestId('open-file').setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
  } else {
    const dataTransfer = await page.evaluateHandle(
      ({ fileName, base64, type }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], fileName, { type }));
        return dt;
      },
      { fileName: name, base64: buffer.toString('base64'), type: XLSX_TYPE },
    );
    await page.dispatchEvent('[data-testid="grid"]', 'dragover', { dataTransfer });
    await page.dispatchEvent('[data-testid="grid"]', 'drop', { dataTransfer });
  }
  await expect(page.getByTestId('file-name')).toHaveTextSoon(name);
  await page.locator(`[data-testid="pane-frame"]:not([data-session="${session}"])`).waitFor();
  await waitForPane();
}

/** An ExcelJS note (plain or rich text) as plain text. */
function richText(v: string | { texts?: { text: string }[] } | undefined): string {
  if (typeof v === 'string') return v;
  return (v?.texts ?? []).map((t) => t.text).join('');
}

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(examplesDir, SEED_FILE));
  return wb;
}

// Small waiting matchers, so that assertions read like the rest of jest.
async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<{ pass: boolean; last: T }> {
  const deadline = Date.now() + 20_000;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return { pass: ok(last), last };
}

expect.extend({
  async toBeVisibleSoon(locator: Locator) {
    try {
      await locator.waitFor({ state: 'visible', timeout: 20_000 });
      return { pass: true, message: () => 'visible' };
    } catch (e) {
      return { pass: false, message: () => `not visible: ${String(e)}` };
    }
  },
  async toHaveTextSoon(locator: Locator, text: string) {
    const r = await poll(
      async () => (await locator.innerText().catch(() => '')).trim(),
      (v) => v === text,
    );
    return {
      pass: r.pass,
      message: () => `expected text ${JSON.stringify(text)}, got ${JSON.stringify(r.last)}`,
    };
  },
  async toHaveValueSoon(locator: Locator, value: string) {
    const r = await poll(
      () => locator.inputValue().catch(() => ''),
      (v) => v === value,
    );
    return {
      pass: r.pass,
      message: () => `expected value ${JSON.stringify(value)}, got ${JSON.stringify(r.last)}`,
    };
  },
  async toBeInViewSoon(locator: Locator) {
    const inView = (): Promise<boolean> =>
      locator.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const scroller = el.closest('[data-testid="grid-scroll"]');
        const view = scroller ? scroller.getBoundingClientRect() : new DOMRect(0, 0, innerWidth, innerHeight);
        return (
          box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
        );
      });
    const r = await poll(inView, (v) => v);
    return { pass: r.pass, message: () => 'expected the cell to be scrolled into view' };
  },
});

declare global {
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
      toHaveTextSoon(text: string): Promise<R>;
      toHaveValueSoon(value: string): Promise<R>;
      toBeInViewSoon(): Promise<R>;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('the task pane beside the sample form, in Chromium', () => {
  test('opening the harness shows the sample form and the real pane, and nothing leaves 127.0.0.1', async () => {
    await openHarness();
    expect(await sheetTabs()).toEqual([SHEET]);
    await expect(page.getByTestId('file-name')).toHaveTextSoon(SEED_FILE);
    expect((await gridState()).C3.text).toBe('计生特殊家庭帮扶及权益维护');
    // The pane is the built taskpane.html, running on the stand-in: it shows its score button, not its
    // "open me in Excel" page.
    await expect(pane().getByRole('button', { name: '评分', exact: true })).toBeVisibleSoon();
    expect(await pane().getByTestId('not-in-excel').count()).toBe(0);
    const width = await page.getByTestId('pane-frame').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(320);
    expect(width).toBeLessThanOrEqual(350);
    // Merged areas are drawn as one cell: the title spans A1:I1.
    expect(await cell('A1').getAttribute('colspan')).toBe('9');
    expect(await cell('B1').count()).toBe(0);

    // The guard works: a request elsewhere (here, office.js from Microsoft's CDN) is refused and recorded.
    const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    const outcome = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'loaded',
          () => 'refused',
        ),
      cdn,
    );
    expect(outcome).toBe('refused');
    expect(offsite).toEqual([cdn]);
    offsite.splice(0);
  }, 60_000);

  test('评分: the pane shows the figures and the grid shows fills and notes at the findings', async () => {
    await openHarness();
    const before = await gridState();
    await score();
    // As a reviewer would look at it: the indicators in view, the pointer on a marked cell.
    await scrollGridTo('A12');
    await cell('H16').hover();
    await shoot('scored-zh');
    // The README's picture (docs/screenshot-harness.png is a copy of it): the same, without the empty rows.
    await page.setViewportSize({ width: 1400, height: 800 });
    await page.screenshot({ path: path.join(SHOTS, 'readme.png') });
    await page.setViewportSize({ width: 1400, height: 900 });

    expect(await figure('rate')).toContain('97.34%');
    expect(await figure('rate')).toContain('97.35%'); // the printed rate beside it
    expect(await figure('rate-score')).toContain('9.73');
    expect(await figure('total')).toContain('99.73');
    expect(await figure('total')).toContain('99.43');
    expect(await figure('grade')).toContain('优');
    await expect(pane().getByTestId('notice')).toBeVisibleSoon();

    // The findings the rules give for this form, each listed with its cell.
    for (const address of Object.keys(EXPECTED_MARKS)) {
      if (EXPECTED_MARKS[address].fill === FILL.info) continue; // info findings sit in a collapsed group
      await expect(pane().locator(`button[data-cell="${address}"]`).first()).toBeVisibleSoon();
    }
    await expect(pane().locator('button[data-cell="F14"]').first()).toBeVisibleSoon();
    expect(await pane().locator('button[data-cell="F14"]').first().innerText()).toContain('50000');

    const after = await gridState();
    for (const [address, mark] of Object.entries(EXPECTED_MARKS)) {
      expect({ address, fill: after[address].fill }).toEqual({ address, fill: mark.fill });
      expect(await paintedFill(address)).toBe(mark.fill);
      expect(after[address].note).toMatch(/^selfeval 审核意见\n/);
      expect(after[address].text).toBe(before[address].text); // 检查 changes no value
    }
    expect(after.H16.note).toContain('9.7');
    expect(after.H6.note).toContain('97.34%');
    expect(after.F14.note).toContain('50000');
    expect(after.F18.note).toContain('120000');
    for (const address of CLEAN_CELLS) {
      expect({ address, ...after[address] }).toEqual({ address, ...before[address] });
    }
    // The review sheet is written beside the form.
    expect(await sheetTabs()).toEqual([SHEET, REVIEW_SHEET]);
    // The stand-in counts the pane's round trips, and the status bar shows them.
    await page.getByTestId('stats-toggle').click();
    expect(await page.getByTestId('stats').innerText()).toMatch(
      /Excel\.run [1-9]\d* 次 · context\.sync [1-9]\d* 次/,
    );

    // A note shows when the pointer rests on its cell.
    await cell('H16').hover();
    const popup = page.getByTestId('cell-popup');
    await expect(popup).toBeVisibleSoon();
    expect(await popup.getAttribute('data-for')).toBe('H16');
    expect(await popup.innerText()).toBe(after.H16.note);
    await cell('G13').hover();
    expect(await popup.count()).toBe(0);
  }, 60_000);

  test('clicking a finding selects its cell in the workbook', async () => {
    await openHarness();
    await score();
    await pane().locator('button[data-cell="F18"]').first().click();
    await expect(page.getByTestId('name-box')).toHaveValueSoon('F18');
    expect(await cell('F18').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('formula-bar').inputValue()).toBe('120000');
    await expect(cell('F18')).toBeInViewSoon();

    await pane().locator('button[data-cell="I14"]').first().click();
    await expect(page.getByTestId('name-box')).toHaveValueSoon('I14');
    expect(await cell('I14').getAttribute('aria-selected')).toBe('true');
    expect(await cell('F18').getAttribute('aria-selected')).toBeNull();
    await shoot('finding-selected');
  }, 60_000);

  test('填写 writes the computed rate, scores and total into the cells the form leaves empty', async () => {
    await openHarness();
    const wb = await sampleWorkbook();
    const ws = wb.getWorksheet(SHEET);
    if (!ws) throw new Error('the sample has no sheet 自评表');
    for (const a of ['H6', 'I6', 'H16', 'H21']) ws.getCell(a).value = null;
    await dropWorkbook('待填写.xlsx', wb);

    await pane().getByLabel('模式').selectOption({ label: '填写' });
    await score();
    await shoot('filled');
    const g = await gridState();
    expect(g.H6.text).toBe('97.34%');
    expect(g.I6.text).toBe('9.73');
    expect(g.H16.text).toBe('10');
    expect(g.H21.text).toBe('99.73');
    for (const a of ['H6', 'I6', 'H16', 'H21']) {
      expect({ a, fill: g[a].fill, font: g[a].font }).toEqual({ a, fill: FILL.written, font: WRITTEN_FONT });
      expect(g[a].note).toContain('已填写');
    }
    expect(await figure('total')).toContain('99.73');
    // Printed values are left as they are in this mode.
    expect(g.H13.text).toBe('20');
    expect(g.G6.text).toBe('10');

    // The mode is a document setting: it is still 填写 when the pane is opened again.
    await page.getByTestId('reopen').click();
    await waitForPane();
    await expect(pane().getByLabel('模式')).toHaveValueSoon('fill');
  }, 60_000);

  test('改正 overwrites only the printed values the rules show to be wrong: not an explained deduction', async () => {
    await openHarness();
    await pane().getByLabel('模式').selectOption({ label: '改正' });
    // 改正 asks first, saying what it will change: on the sample, nothing (9.7 is an explained deduction, and the
    // total 99.43 is right with it kept).
    await pane().getByRole('button', { name: '评分', exact: true }).click();
    const ask = pane().getByTestId('confirm-correct');
    await ask.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await ask.innerText()).toMatch(/没有需要改正的数值/);
    await score('改正');
    expect(await pane().getByTestId('written').count()).toBe(0);
    const g = await gridState();
    expect(g.H16.text).toBe('9.7'); // an explained self-deduction: kept
    expect(g.H16.fill).toBe(FILL.info);
    expect(g.H21.text).toBe('99.43'); // right, with the 9.7 kept
    expect(g.H16.note).toContain('自评扣分 0.30 分，已说明原因');
    expect(g.H6.text).toBe('97.35%'); // a display difference within 0.01 point stays as printed
    expect(g.H6.fill).toBe(FILL.info);
  }, 60_000);

  test('清除标记 puts the grid back exactly as it was, and scoring twice does not stack marks', async () => {
    await openHarness();
    const original = await gridState();
    await score();
    const first = await gridState();
    expect(first).not.toEqual(original);

    await score();
    const second = await gridState();
    expect(second).toEqual(first);
    expect(await sheetTabs()).toEqual([SHEET, REVIEW_SHEET]);
    for (const address of Object.keys(EXPECTED_MARKS)) {
      // One explanation per finding, not two.
      const note = second[address].note ?? '';
      expect(note.split('selfeval 审核意见').length - 1).toBe(1);
    }

    await clearMarks();
    await page.getByTestId('sheet-tab').filter({ hasText: SHEET }).click();
    expect(await sheetTabs()).toEqual([SHEET]);
    const cleared = await gridState();
    expect(asSeen(cleared)).toEqual(asSeen(original));
    await shoot('cleared');
  }, 60_000);

  test('a workbook without a form: the pane says so in its banner', async () => {
    await openHarness();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('说明');
    ws.addRow(['月份', '支出（元）']);
    ws.addRow(['1月', 1200]);
    ws.addRow(['2月', 980.5]);
    await dropWorkbook('没有自评表.xlsx', wb, 'drop');
    expect(await sheetTabs()).toEqual(['说明']);
    await score();
    const banner = pane().getByTestId('banner');
    await expect(banner).toBeVisibleSoon();
    expect(await banner.innerText()).toContain('没有找到绩效自评表');
    // Nothing was written.
    expect(await sheetTabs()).toEqual(['说明']);
    expect(Object.values(await gridState()).every((c) => c.fill === null && c.note === null)).toBe(true);
    await shoot('no-form');
  }, 60_000);

  test('a workbook of several forms (?file=…): every form scored, and a summary sheet', async () => {
    await openHarness(`?file=${encodeURIComponent('examples/多项目汇总-2022.xlsx')}`);
    await expect(page.getByTestId('file-name')).toHaveTextSoon('多项目汇总-2022.xlsx');
    const before = await sheetTabs();
    await score();
    const forms = pane().getByRole('region', { name: '找到 4 张自评表' });
    await expect(forms).toBeVisibleSoon();
    expect(await forms.getByRole('heading', { level: 2 }).count()).toBe(4);
    expect(await sheetTabs()).toEqual([...before, REVIEW_SHEET, '评分汇总']);
  }, 60_000);

  test('old Excel (ExcelApi 1.8, no notes or merged-area APIs) still scores the form correctly', async () => {
    await openHarness();
    await setHarnessSelect('api-level', '1.8');
    expect(await pane().getByTestId('about').innerText()).toContain('1.8');
    await score();
    await shoot('excel-api-1.8');
    expect(await figure('rate')).toContain('97.34%');
    expect(await figure('rate-score')).toContain('9.73');
    expect(await figure('total')).toContain('99.73');
    expect(await figure('grade')).toContain('优');
    const g = await gridState();
    for (const [address, mark] of Object.entries(EXPECTED_MARKS)) {
      expect({ address, fill: g[address].fill }).toEqual({ address, fill: mark.fill });
      // Without the notes API there is no note: the explanations are on the review sheet.
      expect(g[address].note).toBeNull();
    }
    expect(await page.locator('.xl-comment-mark').count()).toBe(0);
    expect(await sheetTabs()).toEqual([SHEET, REVIEW_SHEET]);
    await page.getByTestId('sheet-tab').filter({ hasText: REVIEW_SHEET }).click();
    const review = Object.values(await gridState()).map((c) => c.text);
    expect(review.some((t) => t.includes('H16'))).toBe(true);
  }, 60_000);

  test('ExcelApi 1.10: threaded comments explain the marks where notes are not available', async () => {
    await openHarness('?api=1.10');
    expect(await pane().getByTestId('about').innerText()).toContain('1.10');
    await score();
    const g = await gridState();
    expect(g.H16.fill).toBe(FILL.info); // an explained self-deduction
    expect(g.H16.note).toBeNull();
    await expect(cell('H16').locator('.xl-comment-mark')).toBeVisibleSoon();
    await cell('H16').hover();
    await expect(page.getByTestId('cell-popup')).toBeVisibleSoon();
    expect(await page.getByTestId('cell-popup').innerText()).toContain('9.7');
  }, 60_000);

  test('English UI: the pane, its findings and its notes in English', async () => {
    await openHarness();
    await setHarnessSelect('display-language', 'en-US');
    await expect(pane().getByRole('button', { name: 'Score', exact: true })).toBeVisibleSoon();
    expect(await pane().locator('html').getAttribute('lang')).toBe('en');
    await score('Score');
    await shoot('scored-en');
    expect(await figure('rate')).toContain('97.34%');
    expect(await figure('total')).toContain('99.73');
    const g = await gridState();
    expect(g.H16.fill).toBe(FILL.info);
    expect(g.H16.note).toMatch(/^selfeval review\n/);
    expect(g.H16.note).toContain('reason given');
    const item = await pane().locator('button[data-cell="F14"]').first().innerText();
    expect(item).toMatch(/target/i);
    expect(item).not.toMatch(/[得分应为]/);
  }, 60_000);

  test('download: the workbook as it now is, with the marks, opens as an .xlsx', async () => {
    await openHarness();
    await score();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('2021-计生特殊家庭帮扶及权益维护.selfeval.xlsx');
    const file = path.join(SHOTS, '..', download.suggestedFilename());
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEET);
    expect(ws).toBeDefined();
    expect(wb.getWorksheet(REVIEW_SHEET)).toBeDefined();
    const { value, fill, note } = ws!.getCell('H16');
    expect(value).toBe(9.7);
    expect((fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    expect(richText(note)).toContain('selfeval 审核意见');
    // Styles the add-in does not touch are kept: the title is still bold and merged.
    expect(ws!.getCell('A1').font?.bold).toBe(true);
    expect(ws!.getCell('I1').isMerged).toBe(true);
    fs.rmSync(file, { force: true });
  }, 60_000);
});
