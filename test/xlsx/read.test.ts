// ExcelJS → SheetGrid: what the core sees of a real .xlsx (written and read back, as a user's file would be).
import ExcelJS from 'exceljs';
import { Grid } from '../../src/core';
import {
  cellToValue,
  loadWorkbook,
  workbookToGrids,
  worksheetToGrid,
  RESTORE_SHEET_NAME,
} from '../../src/hosts/xlsx';
import { buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { toBytes } from './helpers';

describe('cellToValue', () => {
  it('turns every ExcelJS value kind into what the cell shows', () => {
    expect(cellToValue(null)).toBeNull();
    expect(cellToValue(undefined)).toBeNull();
    expect(cellToValue('')).toBeNull();
    expect(cellToValue(965043.97)).toBe(965043.97);
    expect(cellToValue('965,043.97')).toBe('965,043.97');
    expect(cellToValue(true)).toBe(true);
    expect(cellToValue({ richText: [{ text: '年度' }, { text: '资金总额', font: { bold: true } }] })).toBe(
      '年度资金总额',
    );
    expect(cellToValue({ formula: 'F6/E6', result: 0.9734 })).toBe(0.9734);
    expect(cellToValue({ sharedFormula: 'H13', result: 15 })).toBe(15);
    expect(cellToValue({ formula: 'F6/E6' })).toBeNull();
    expect(cellToValue({ formula: 'F6/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellToValue({ error: '#N/A' })).toBe('#N/A');
    expect(cellToValue({ text: '项目名称', hyperlink: 'https://example.org' })).toBe('项目名称');
    expect(cellToValue(new Date(Date.UTC(2021, 11, 31)))).toBe('2021-12-31');
    expect(cellToValue(new Date(Date.UTC(2021, 11, 31, 8, 30)))).toBe('2021-12-31 08:30:00');
  });
});

describe('worksheetToGrid on the seed form written to .xlsx and read back', () => {
  let grid: Grid;
  let raw: ReturnType<typeof worksheetToGrid>;
  beforeAll(async () => {
    const wb = await loadWorkbook(await toBytes(buildSeedWorkbook().workbook));
    raw = worksheetToGrid(wb.getWorksheet(SEED_SHEET)!);
    grid = new Grid(raw);
  });

  it('keeps values as printed: numbers, the comma text, the rate with its % format', () => {
    expect(grid.value(5, 3)).toBe(1100000); // D6
    expect(grid.format(5, 3)).toBe('0.00');
    expect(grid.value(5, 5)).toBe('965,043.97'); // F6, text as pasted
    expect(grid.value(5, 7)).toBe(0.9735); // H6
    expect(grid.format(5, 7)).toBe('0.00%');
    expect(grid.value(20, 7)).toBe(99.43); // H21 总分
    expect(grid.value(18, 5)).toBe('>=0.9'); // F19
  });

  it('puts a merged area value in its top-left cell only, and lists the area', () => {
    // 产出指标 is merged over B13:B16.
    expect(grid.raw(12, 1)).toBe('产出指标');
    expect(grid.raw(13, 1)).toBeNull();
    expect(grid.value(15, 1)).toBe('产出指标');
    expect(raw.merges).toContainEqual({ top: 12, left: 1, bottom: 15, right: 1 });
    // The title over A1:I1.
    expect(raw.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    expect(grid.isAnchor(0, 0)).toBe(true);
    expect(grid.isAnchor(0, 4)).toBe(false);
  });
});

describe('workbookToGrids', () => {
  it('reads formula results, rich text and dates, in tab order, and skips the host restore record', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('第一');
    a.getCell('A1').value = { richText: [{ text: '项目' }, { text: '名称' }] };
    a.getCell('B2').value = 3;
    a.getCell('B3').value = { formula: 'B2*2', result: 6 };
    a.getCell('C4').value = new Date(Date.UTC(2022, 0, 5));
    a.getCell('C4').numFmt = 'yyyy-mm-dd';
    wb.addWorksheet(RESTORE_SHEET_NAME, { state: 'veryHidden' }).getCell('A1').value = 'x';
    wb.addWorksheet('第二').getCell('A1').value = '一级指标';
    const back = await loadWorkbook(await toBytes(wb));
    const grids = workbookToGrids(back);
    expect(grids.map((g) => g.name)).toEqual(['第一', '第二']);
    const g = new Grid(grids[0]);
    expect(g.value(0, 0)).toBe('项目名称');
    expect(g.value(2, 1)).toBe(6);
    expect(g.value(3, 2)).toBe('2022-01-05');
    // Rows are dense arrays (no holes) so the core can walk them.
    expect(grids[0].values[1]).toEqual([null, 3]);
  });

  it('lists the formula cells with their formula as Excel shows it, shared formulas translated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*2', result: 2 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 };
    ws.getCell('C1').value = '=90';
    ws.getCell('D1').value = { formula: 'I6+SUM(H13:H17)' };
    const grid = worksheetToGrid((await loadWorkbook(await toBytes(wb))).getWorksheet('表')!);
    expect(grid.formulas).toEqual([
      { row: 0, col: 1, formula: '=A1*2' },
      { row: 0, col: 3, formula: '=I6+SUM(H13:H17)' },
      { row: 1, col: 1, formula: '=A2*2' },
    ]);
    const g = new Grid(grid);
    expect(g.formula(0, 1)).toBe('=A1*2');
    expect(g.formula(0, 2)).toBeNull(); // text that looks like a formula is text
    expect(g.formula(0, 0)).toBeNull();
  });
});
