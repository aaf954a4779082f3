// The 审核意见 and 评分汇总 sheets in a written .xlsx are ready to print: A4 landscape, fitted to one page wide,
// the header row repeated on every page, text wrapped, column widths set. Read back from the file's bytes.
import type ExcelJS from 'exceljs';
import { REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/core';
import { scoreXlsxBytes } from '../../src/cli/score-file';
import { summaryXlsx, batchTable } from '../../src/cli/batch-summary';
import { buildMultiWorkbook } from '../fixtures/examples';
import { fromBytes, toBytes, widths } from './helpers';

function expectPrintReady(ws: ExcelJS.Worksheet): void {
  expect(ws.pageSetup).toMatchObject({
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  });
  expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
  expect(widths(ws).every((w) => typeof w === 'number' && w > 0)).toBe(true);
  expect(ws.getCell('A1').alignment?.wrapText).toBe(true);
}

describe('print setup of the tables', () => {
  it('审核意见 and 评分汇总 in a scored copy', async () => {
    const result = await scoreXlsxBytes(await toBytes(buildMultiWorkbook().workbook), {
      source: 'multi.xlsx',
    });
    const wb = await fromBytes(await toBytes(result.workbook));
    const review = wb.getWorksheet(REVIEW_SHEET_NAME)!;
    const summary = wb.getWorksheet(SUMMARY_SHEET_NAME)!;
    expectPrintReady(review);
    expectPrintReady(summary);
    // The message column and the project names wrap; numbers do not.
    expect(review.getCell('E2').alignment?.wrapText).toBe(true);
    expect(summary.getCell('C2').alignment?.wrapText).toBe(true);
    expect(summary.getCell('D2').alignment?.wrapText).toBeFalsy();
    // The form sheets keep their own page setup.
    expect(wb.getWorksheet('养老服务')!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('the batch summary workbook (--summary)', async () => {
    const result = await scoreXlsxBytes(await toBytes(buildMultiWorkbook().workbook), {
      source: 'multi.xlsx',
    });
    const table = batchTable([{ report: result.report, output: null }], 'zh-CN', '/tmp/汇总.xlsx');
    expectPrintReady((await fromBytes(await summaryXlsx(table))).getWorksheet(SUMMARY_SHEET_NAME)!);
  });
});
