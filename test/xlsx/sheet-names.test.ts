// Issue 13 item 6: a form on a sheet whose name needs quoting (an apostrophe, '!', XML's special characters,
// spaces, CJK) and that has a print area goes through score → write → reopen → restore, and the copy the CLI
// writes opens again (ExcelJS wrote the print area's sheet name without doubling its apostrophe).
import type ExcelJS from 'exceljs';
import { loadWorkbook, RESTORE_SHEET_NAME, restoreMarks, workbookBytes } from '../../src/hosts/xlsx';
import { scoreXlsxWorkbook } from '../../src/cli/score-file';
import { buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { snapshotSheet } from './helpers';

const NAMES = ["O'Brien", "it's '08", 'a!b', '&<>"', 'my sheet', '项目 自评（2021）'];

async function form(name: string): Promise<Uint8Array> {
  const wb = buildSeedWorkbook().workbook;
  const ws = wb.getWorksheet(SEED_SHEET)!;
  ws.getCell('H16').value = null;
  ws.name = name;
  ws.pageSetup.printArea = 'A1:J30';
  ws.pageSetup.printTitlesRow = '1:2';
  return workbookBytes(wb);
}

const printSetup = (ws: ExcelJS.Worksheet): unknown => ({
  area: ws.pageSetup.printArea,
  rows: ws.pageSetup.printTitlesRow,
});

describe.each(NAMES)('a form on sheet %j with a print area', (name) => {
  it('is scored, its copy reopens, and restore puts every cell back', async () => {
    const origBytes = await form(name);
    const orig = await loadWorkbook(origBytes);
    expect(printSetup(orig.getWorksheet(name)!)).toEqual({ area: 'A1:J30', rows: '1:2' });

    const wb = await loadWorkbook(origBytes);
    const result = await scoreXlsxWorkbook(wb, { source: 'a.xlsx', mode: 'fill' });
    expect(result).toBeTruthy();
    const scored = await loadWorkbook(await workbookBytes(wb));
    expect(scored.getWorksheet(RESTORE_SHEET_NAME)).toBeDefined();
    expect(printSetup(scored.getWorksheet(name)!)).toEqual({ area: 'A1:J30', rows: '1:2' });

    expect(restoreMarks(scored).restored).toBeGreaterThan(0);
    const back = await loadWorkbook(await workbookBytes(scored));
    expect(back.getWorksheet(RESTORE_SHEET_NAME)).toBeUndefined();
    expect(printSetup(back.getWorksheet(name)!)).toEqual({ area: 'A1:J30', rows: '1:2' });
    const a = snapshotSheet(orig.getWorksheet(name)!);
    const b = snapshotSheet(back.getWorksheet(name)!);
    for (const [addr, snap] of a) expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
  });
});

it('leaves the workbook as it was after writing it', async () => {
  const wb = await loadWorkbook(await form("O'Brien"));
  await workbookBytes(wb);
  expect(printSetup(wb.getWorksheet("O'Brien")!)).toEqual({ area: 'A1:J30', rows: '1:2' });
  expect(Object.getOwnPropertyNames(wb.definedNames)).not.toContain('model');
});
