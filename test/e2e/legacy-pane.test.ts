/**
 * End to end: the legacy task pane (src/taskpane-legacy, ES5, for Office 2019's IE11 and Edge Legacy webviews)
 * in headless Chromium, in the demo's frame (the harness's "legacy pane" switch, here ?pane=legacy), through the
 * scenario the modern pane goes through in harness.test.ts: score the sample, its figures, a finding selects its
 * cell (by click and by the keyboard), 清除标记 gives the original back. Then both panes score the sample and
 * must leave the same report: the same figures and findings in the pane, the same marks, notes and 审核意见
 * sheet in the workbook, the same number of round trips.
 *
 * Chromium is not IE11: what this proves is that the legacy pane does the job on the same core, flow and host;
 * that it can run in IE11 at all is proved by test/legacy (ES5 syntax, IE11 built-ins plus the polyfills).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type FrameLocator, type Locator, type Page } from 'playwright-core';
import { ROOT, type DemoServer } from '../../scripts/demo';
import { openDemoBrowser, type DemoBrowser } from './demo-browser';

const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const SHEET = '自评表';
const REVIEW_SHEET = '审核意见';
const FILL = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
/** The sample's findings by cell (as in harness.test.ts). */
const EXPECTED_MARKS: Record<string, string> = {
  H6: FILL.info,
  H16: FILL.info, // an explained self-deduction (9.7 with a reason written)
  F14: FILL.warning,
  I14: FILL.warning,
  F18: FILL.warning,
  I18: FILL.warning,
};

let demo: DemoBrowser;
let server: DemoServer;
let page: Page;
let offsite: string[];
let pageErrors: string[];

beforeAll(async () => {
  demo = await openDemoBrowser();
  ({ server, page, offsite, pageErrors } = demo);
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

function pane(): FrameLocator {
  return page.frameLocator('[data-testid="pane-frame"]');
}

function cell(address: string): Locator {
  return page.locator(`[data-testid="grid"] td[data-cell="${address}"]`);
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 20_000;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await page.waitForTimeout(100);
    last = await read();
  }
  return last;
}

/** Open the harness with the given pane and wait until the pane is ready. */
async function openHarness(kind: 'legacy' | 'modern', query = ''): Promise<void> {
  await page.goto(`${server.url}harness.html?pane=${kind}${query}`);
  await page.getByTestId('sheet-tab').first().waitFor({ timeout: 20_000 });
  await pane().locator('main').first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function score(label = '评分'): Promise<void> {
  await pane().getByRole('button', { name: label, exact: true }).click();
  await pane()
    .locator('[data-testid="notice"], [data-testid="banner"]')
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 });
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

function asSeen(state: Record<string, GridCell>): Record<string, GridCell> {
  const out: Record<string, GridCell> = {};
  for (const [k, v] of Object.entries(state)) out[k] = { ...v, font: v.font ?? '#000000' };
  return out;
}

async function sheetTabs(): Promise<string[]> {
  return page.getByTestId('sheet-tab').allInnerTexts();
}

async function showSheet(name: string): Promise<void> {
  await page.getByTestId('sheet-tab').filter({ hasText: name }).click();
  await until(
    () => page.locator(`[data-testid="sheet-tab"][aria-selected="true"]`).innerText(),
    (v) => v === name,
    `sheet ${name} shown`,
  );
}

async function nameBox(address: string): Promise<void> {
  await until(
    () => page.getByTestId('name-box').inputValue(),
    (v) => v === address,
    `name box ${address}`,
  );
}

/** Everything a scoring leaves: the pane's figures and findings, the marked sheet, the review sheet. */
async function scoredReport(): Promise<Record<string, unknown>> {
  const figures: Record<string, string> = {};
  for (const id of ['annual-budget', 'executed', 'rate', 'rate-score', 'total', 'grade']) {
    figures[id] = await figure(id);
  }
  for (const s of ['error', 'warning', 'info']) figures[`count-${s}`] = await figure(`count-${s}`);
  const findings = await pane()
    .locator('button[data-cell]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')} ${e.getAttribute('aria-label')}`));
  // The round-trip counters sit behind the status bar's 详情 (details) toggle.
  if ((await page.getByTestId('stats').count()) === 0) await page.getByTestId('stats-toggle').click();
  const stats = await page.getByTestId('stats').innerText();
  await showSheet(SHEET);
  const form = await gridState();
  await showSheet(REVIEW_SHEET);
  const review = await gridState();
  await showSheet(SHEET);
  return { figures, findings, stats, form, review, tabs: await sheetTabs() };
}

describe('the legacy task pane (IE11 / Edge Legacy) in the demo, in Chromium', () => {
  test('the switch loads the legacy pane: its loader chose it, and it shows the controls', async () => {
    await openHarness('modern');
    expect(await pane().locator('html').getAttribute('data-pane')).toBe('modern');
    const session = await page.getByTestId('pane-frame').getAttribute('data-session');
    await page.getByTestId('pane-kind').selectOption('legacy');
    await page.locator(`[data-testid="pane-frame"]:not([data-session="${session}"])`).waitFor();
    await pane().locator('main[data-pane="legacy"]').waitFor({ timeout: 20_000 });
    expect(await pane().locator('html').getAttribute('data-pane')).toBe('legacy');
    // Only the legacy bundle was loaded in the frame, not React.
    const scripts = await pane()
      .locator('script[src]')
      .evaluateAll((els) =>
        els.map((e) => (e.getAttribute('src') ?? '').replace(/\.[0-9a-f]{8}\.js$/, '.js')),
      );
    expect(scripts.filter((s) => /taskpane/.test(s))).toEqual(['taskpane-legacy.js']);
    await pane().getByRole('button', { name: '评分', exact: true }).waitFor();
    await pane().getByRole('button', { name: '清除标记', exact: true }).waitFor();
    expect(await pane().getByLabel('模式').inputValue()).toBe('check');
    expect(await pane().getByLabel('评分规则').inputValue()).toBe('mof-2020');
    expect(await pane().getByTestId('about').innerText()).toContain('1.18');
    await page.getByTestId('pane-frame').screenshot({ path: path.join(SHOTS, 'legacy-pane.png') });
  }, 60_000);

  test('评分 in the legacy pane: the figures, the findings, the marks in the grid', async () => {
    await openHarness('legacy');
    const before = await gridState();
    await score();
    expect(await figure('rate')).toContain('97.34%');
    expect(await figure('rate')).toContain('97.35%');
    expect(await figure('rate-score')).toContain('9.73');
    expect(await figure('total')).toContain('99.73');
    expect(await figure('total')).toContain('99.43');
    expect(await figure('grade')).toContain('优');
    expect(await pane().getByTestId('notice').innerText()).toMatch(/已标记 \d+ 个单元格/);
    for (const [address, fill] of Object.entries(EXPECTED_MARKS)) {
      if (fill === FILL.info) continue; // the information group starts closed, as in the modern pane
      await pane().locator(`button[data-cell="${address}"]`).first().waitFor();
    }
    // The information group opens from its header.
    const info = pane().locator('button[data-severity="info"]').first();
    expect(await info.getAttribute('aria-expanded')).toBe('false');
    await info.click();
    expect(await info.getAttribute('aria-expanded')).toBe('true');
    await pane().locator('button[data-cell="H6"]').first().waitFor();
    expect(await pane().locator('button[data-cell="H16"]').first().innerText()).toContain('9.7');

    const after = await gridState();
    for (const [address, fill] of Object.entries(EXPECTED_MARKS)) {
      expect({ address, fill: after[address].fill }).toEqual({ address, fill });
      expect(after[address].note).toMatch(/^selfeval 审核意见\n/);
      expect(after[address].text).toBe(before[address].text);
    }
    expect(await sheetTabs()).toEqual([SHEET, REVIEW_SHEET]);
    await page.screenshot({ path: path.join(SHOTS, 'legacy-scored.png') });
    await page.getByTestId('pane-frame').screenshot({ path: path.join(SHOTS, 'legacy-scored-pane.png') });
  }, 60_000);

  test('a finding selects its cell: by click, and by Enter on the focused finding', async () => {
    await openHarness('legacy');
    await score();
    await pane().locator('button[data-cell="F18"]').first().click();
    await nameBox('F18');
    expect(await cell('F18').getAttribute('aria-selected')).toBe('true');

    // The keyboard: the controls come in order (mode, rulebook, 评分, 清除标记), and Enter on a finding works.
    await pane().getByLabel('模式').focus();
    await page.keyboard.press('Tab');
    expect(await pane().locator(':focus').getAttribute('id')).toBe('lp-rulebook');
    await page.keyboard.press('Tab');
    expect(await pane().locator(':focus').innerText()).toBe('评分');
    await page.keyboard.press('Tab');
    expect(await pane().locator(':focus').innerText()).toBe('清除标记');
    await pane().locator('button[data-cell="I14"]').first().focus();
    await page.keyboard.press('Enter');
    await nameBox('I14');
    expect(await cell('I14').getAttribute('aria-selected')).toBe('true');
    expect(await cell('F18').getAttribute('aria-selected')).toBeNull();
  }, 60_000);

  test('清除标记 in the legacy pane puts the grid back exactly as it was', async () => {
    await openHarness('legacy');
    const original = await gridState();
    await score();
    expect(await gridState()).not.toEqual(original);
    await score(); // scoring twice does not stack marks
    await pane().getByRole('button', { name: '清除标记', exact: true }).click();
    await pane().getByTestId('notice').waitFor({ timeout: 20_000 });
    await pane().locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
    expect(await pane().getByTestId('notice').innerText()).toMatch(/已恢复 \d+ 个单元格/);
    await showSheet(SHEET);
    expect(await sheetTabs()).toEqual([SHEET]);
    expect(asSeen(await gridState())).toEqual(asSeen(original));
  }, 60_000);

  test('in English, as Office displays it', async () => {
    await openHarness('legacy', '&lang=en-US');
    await pane().getByRole('button', { name: 'Score', exact: true }).waitFor({ timeout: 20_000 });
    expect(await pane().locator('html').getAttribute('lang')).toBe('en');
    await score('Score');
    expect(await figure('rate')).toContain('97.34%');
    expect(await pane().locator('button[data-cell="F14"]').first().innerText()).toMatch(/target/i);
    expect((await gridState()).H16.note).toMatch(/^selfeval review\n/);
  }, 60_000);

  test('both panes score the sample to the same report', async () => {
    await openHarness('modern');
    await score();
    const modern = await scoredReport();
    await openHarness('legacy');
    await score();
    const legacy = await scoredReport();
    expect((modern.findings as string[]).length).toBeGreaterThan(0);
    expect(legacy).toEqual(modern);
  }, 90_000);
});
