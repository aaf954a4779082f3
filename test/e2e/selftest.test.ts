/**
 * End to end: the self-test page (src/selftest) as the demo frames it (harness.html?page=selftest), against the
 * stand-in Excel in headless Chromium. Every check passes, the report is there to copy, and the workbook's sheets
 * are the same before and after (the scratch sheets are gone). Same build, server and browser rules as
 * harness.test.ts: the page may reach nothing but the demo server.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { DemoServer } from '../../scripts/demo';
import { openDemoBrowser, type DemoBrowser } from './demo-browser';

let demo: DemoBrowser;
let server: DemoServer;
let page: Page;
let offsite: string[];
let pageErrors: string[];

beforeAll(async () => {
  demo = await openDemoBrowser();
  ({ server, page, offsite, pageErrors } = demo);
}, 600_000);

afterAll(async () => {
  await demo?.close();
});

async function tabs(): Promise<string[]> {
  return page.getByTestId('sheet-tab').allInnerTexts();
}

it('runs every check in the demo against the stand-in, all passing, and leaves the workbook’s sheets as they were', async () => {
  await page.goto(`${server.url}harness.html?page=selftest`);
  await page.getByTestId('sheet-tab').first().waitFor({ state: 'visible', timeout: 60_000 });
  const frame = page.frameLocator('[data-testid="pane-frame"]');
  const run = frame.locator('#run');
  await run.waitFor({ state: 'visible', timeout: 30_000 });
  await frame.locator('#run:not([disabled])').waitFor({ timeout: 30_000 });
  const before = await tabs();
  await run.click();
  const report = frame.getByTestId('selftest-report');
  await report.waitFor({ state: 'visible', timeout: 120_000 });
  const text = await report.innerText();
  const summary = await frame.getByTestId('selftest-summary').innerText();
  const failing = await frame.locator('tr.fail').allInnerTexts();
  expect(failing).toEqual([]);
  expect(summary).toMatch(/^通过 \d+，失败 0，跳过 0$/);
  expect(text).toMatch(/^selfeval self-test \/ 自检/);
  expect(text).toMatch(/PASS apply-restore\.note/);
  expect(text).toMatch(/PASS probe\.no-fill/);
  expect(await tabs()).toEqual(before);
  await frame.locator('#copy').click();
  await expect(frame.locator('#copy').innerText()).resolves.toBe('已复制');
  fs.mkdirSync(path.join(process.cwd(), 'test-output', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join('test-output', 'screenshots', 'selftest.png') });
  expect({ offsite, pageErrors }).toEqual({ offsite: [], pageErrors: [] });
}, 300_000);
