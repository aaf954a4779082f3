// The 审核意见 and 评分汇总 sheets the Office host writes print well: landscape, one page wide, the header row
// on every page (PageLayout, ExcelApi 1.9, gated), text wrapped — queued with the other writes, no extra sync.
import { scoreWorkbook } from '../../src/app/score-flow';
import { getPreset, REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/core';
import { SYNCS } from '../../src/hosts/office';
import type { FakeSheet } from '../../src/office-standin/model';
import { seedSheet, setup, workbook } from './helpers';

const request = { rulebook: getPreset('mof-2020'), mode: 'check' as const, lang: 'zh-CN' as const };

it('sets up the tables for printing on ExcelApi 1.9 and later, in the same syncs', async () => {
  const { host, fake, model } = setup(workbook([seedSheet('表一'), seedSheet('表二')]), {
    apiVersion: '1.18',
  });
  await scoreWorkbook(host, request);
  expect(fake.stats.syncs).toBe(SYNCS.hasMarks + SYNCS.read + SYNCS.apply);
  for (const name of [REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME]) {
    const sheet = model.sheets.find((s) => s.name === name) as FakeSheet;
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$1',
    });
    expect(sheet.cells.A1.wrapText).toBe(true);
    expect(sheet.cells.E2?.wrapText ?? sheet.cells.C2?.wrapText).toBe(true);
  }
  // The form itself is left as it was printed.
  expect(model.sheets.find((s) => s.name === '表一')?.pageLayout).toBeUndefined();
});

it('leaves the page setup alone before ExcelApi 1.9 and still wraps the text', async () => {
  const { host, model } = setup(workbook([seedSheet()]), { apiVersion: '1.8' });
  await scoreWorkbook(host, request);
  const review = model.sheets.find((s) => s.name === REVIEW_SHEET_NAME) as FakeSheet;
  expect(review.pageLayout).toBeUndefined();
  expect(review.cells.E2.wrapText).toBe(true);
});
