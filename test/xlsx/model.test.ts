// ExcelJS ⇄ FakeWorkbookModel (what the browser harness hands to the stand-in Excel API): the model shows what a
// user sees, and writing a changed model back touches only what changed.
import type ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { applyModelToWorkbook, DOCUMENT_SHEET_NAME, workbookToModel } from '../../src/harness/xlsx-model';
import { colorToHex } from '../../src/hosts/xlsx/style';
import { buildMultiWorkbook, buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { fromBytes, merges, snapshotSheet, toBytes, widths } from './helpers';

async function seed(): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await toBytes(buildSeedWorkbook().workbook));
}

describe('workbookToModel', () => {
  it('gives values, formats, bold, merges and widths, without the hidden cells of merged areas', async () => {
    const model = workbookToModel(await seed(), '2021.xlsx');
    expect(model.name).toBe('2021.xlsx');
    expect(model.sheets.map((s) => s.name)).toEqual([SEED_SHEET]);
    const sheet = model.sheets[0];
    expect(sheet.cells.H6).toEqual({ value: 0.9735, numberFormat: '0.00%' });
    expect(sheet.cells.F6).toEqual({ value: '965,043.97' });
    expect(sheet.cells.A1).toEqual({ value: '财政项目支出绩效自评表', bold: true });
    expect(sheet.cells.B13).toEqual({ value: '产出指标' });
    expect(sheet.cells.B14).toBeUndefined();
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:I1', 'B13:B16', 'G7:I7']));
    expect(sheet.columnWidths).toMatchObject({ A: 6, D: 28, I: 30 });
    expect(model.settings).toEqual({});
    expect(model.customXmlParts).toEqual([]);
  });

  it('gives formulas with their last results', async () => {
    const wb = await loadWorkbook(await toBytes(buildMultiWorkbook().workbook));
    const model = workbookToModel(wb, 'multi.xlsx');
    expect(model.sheets.map((s) => s.name)).toEqual(['填表说明', '养老服务', '公共卫生', '文化项目']);
    const h6 = model.sheets[1].cells.H6;
    expect(h6.formula).toBe('=F6/E6');
    expect(h6.value).toBeCloseTo(0.942, 10);
    expect(h6.numberFormat).toBe('0.00%');
  });
});

describe('applyModelToWorkbook', () => {
  it('changes nothing when the model is unchanged', async () => {
    const wb = await seed();
    const before = snapshotSheet(wb.getWorksheet(SEED_SHEET)!);
    applyModelToWorkbook(workbookToModel(wb, 'x.xlsx'), wb);
    const back = await fromBytes(await toBytes(wb));
    const after = snapshotSheet(back.getWorksheet(SEED_SHEET)!);
    for (const [addr, snap] of before) expect({ addr, ...after.get(addr) }).toEqual({ addr, ...snap });
    expect(back.worksheets.map((w) => w.name)).toEqual([SEED_SHEET]);
  });

  it('writes what the add-in did to the model and keeps every other style', async () => {
    const wb = await seed();
    const original = await seed();
    const model = workbookToModel(wb, 'x.xlsx');
    const cells = model.sheets[0].cells;
    cells.H6 = { ...cells.H6, fill: '#DDEBF7', note: '提示：执行率应为 97.34%' };
    cells.H16 = { ...cells.H16, value: 10, fill: '#C6EFCE', fontColor: '#006100' };
    model.sheets.push({
      name: '审核意见',
      cells: {
        A1: { value: '单元格', bold: true },
        A2: { value: `${SEED_SHEET}!H6`, hyperlink: { documentReference: `'${SEED_SHEET}'!H6` } },
        A3: { value: '说明', hyperlink: { address: 'https://www.mof.gov.cn/', textToDisplay: '说明' } },
      },
      merges: [],
      comments: [{ cell: 'A1', content: '请复核', author: '审核人' }],
      columnWidths: { A: 20 },
    });
    model.settings = { 'selfeval.mode': 'fill' };
    model.customXmlParts = [{ id: '{1}', xml: '<selfeval><cell>H6</cell></selfeval>' }];
    applyModelToWorkbook(model, wb);
    const back = await fromBytes(await toBytes(wb));

    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SEED_SHEET, 'visible'],
      ['审核意见', 'visible'],
      [DOCUMENT_SHEET_NAME, 'veryHidden'],
    ]);
    const ws = back.getWorksheet(SEED_SHEET)!;
    const before = original.getWorksheet(SEED_SHEET)!;
    expect(ws.getCell('H6').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFDDEBF7' },
    });
    expect(ws.getCell('H6').note).toBe('提示：执行率应为 97.34%');
    expect(ws.getCell('H6').border).toEqual(before.getCell('H6').border);
    expect(ws.getCell('H16').value).toBe(10);
    expect(ws.getCell('H16').font).toEqual({ ...before.getCell('H16').font, color: { argb: 'FF006100' } });
    const a = snapshotSheet(before);
    const b = snapshotSheet(ws);
    for (const [addr, snap] of a) {
      if (addr === 'H6' || addr === 'H16') continue;
      expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
    }
    expect(merges(ws)).toEqual(merges(before));
    expect(widths(ws)).toEqual(widths(before));

    const review = back.getWorksheet('审核意见')!;
    expect(review.getCell('A2').value).toEqual({
      formula: `HYPERLINK("#'${SEED_SHEET}'!H6","${SEED_SHEET}!H6")`,
      result: `${SEED_SHEET}!H6`,
    });
    expect(review.getCell('A3').value).toMatchObject({ text: '说明', hyperlink: 'https://www.mof.gov.cn/' });
    expect(review.getCell('A1').note).toBe('审核人:\n请复核');
    expect(review.getColumn(1).width).toBe(20);

    // The settings and parts come back with the model; the sheet that holds them is not a sheet of the model.
    const again = workbookToModel(back, 'x.xlsx');
    expect(again.settings).toEqual({ 'selfeval.mode': 'fill' });
    expect(again.customXmlParts).toEqual([{ id: '{1}', xml: '<selfeval><cell>H6</cell></selfeval>' }]);
    expect(again.sheets.map((s) => s.name)).toEqual([SEED_SHEET, '审核意见']);
    expect(again.sheets[1].cells.A3.hyperlink).toEqual({
      address: 'https://www.mof.gov.cn/',
      textToDisplay: '说明',
    });
  });

  it('removes fills, notes, merges and sheets the model no longer has', async () => {
    const wb = await seed();
    wb.getWorksheet(SEED_SHEET)!.getCell('H6').note = '旧批注';
    wb.addWorksheet('草稿').getCell('A1').value = 1;
    const model = workbookToModel(wb, 'x.xlsx');
    model.sheets = model.sheets.filter((s) => s.name !== '草稿');
    const sheet = model.sheets[0];
    delete sheet.cells.H6.note;
    sheet.merges = sheet.merges.filter((m) => m !== 'G7:I7');
    sheet.cells.A1 = { value: '财政项目支出绩效自评表（复核）' };
    applyModelToWorkbook(model, wb);
    const back = await fromBytes(await toBytes(wb));
    expect(back.worksheets.map((w) => w.name)).toEqual([SEED_SHEET]);
    const ws = back.getWorksheet(SEED_SHEET)!;
    expect(ws.getCell('H6').note).toBeUndefined();
    expect(merges(ws)).not.toContain('G7:I7');
    expect(merges(ws)).toContain('G8:I8');
    expect(ws.getCell('A1').value).toBe('财政项目支出绩效自评表（复核）');
    expect(ws.getCell('A1').font?.bold).toBeFalsy();
    expect(ws.getCell('A1').font?.size).toBe(16);
  });
});

describe('colorToHex', () => {
  it('reads ARGB, the default Office theme with tints, and the basic indexed colours', () => {
    expect(colorToHex({ argb: 'FFFFC7CE' })).toBe('#FFC7CE');
    expect(colorToHex({ theme: 4 } as Partial<ExcelJS.Color>)).toBe('#4472C4');
    expect(colorToHex({ theme: 0, tint: -0.1499984740745262 } as Partial<ExcelJS.Color>)).toBe('#D9D9D9');
    expect(colorToHex({ theme: 4, tint: 0.7999816888943144 } as Partial<ExcelJS.Color>)).toBe('#DAE3F3');
    expect(colorToHex({ indexed: 2 } as unknown as Partial<ExcelJS.Color>)).toBe('#FF0000');
    expect(colorToHex(undefined)).toBeUndefined();
  });
});
