// Applying a hand-built write plan to a real .xlsx: marks where the plan says, nothing else changed, tables as
// sheets with links, and a restore record that puts every cell back and keeps scoring twice from stacking.
import type ExcelJS from 'exceljs';
import { PALETTE, type SheetTable, type WritePlan } from '../../src/core';
import {
  applyWritePlan,
  fillTableSheet,
  hasMarks,
  loadWorkbook,
  restoreMarks,
  RESTORE_SHEET_NAME,
} from '../../src/hosts/xlsx';
import { clearNote } from '../../src/hosts/xlsx/style';
import { buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { cellsOfRange, fromBytes, merges, snapshotSheet, toBytes, widths } from './helpers';

const S = SEED_SHEET;

const plan: WritePlan = {
  mode: 'fill',
  edits: [
    { sheet: S, cell: 'H6', kind: 'info', fill: PALETTE.info.fill, note: '提示：执行率应为 97.34%' },
    {
      sheet: S,
      cell: 'H16',
      kind: 'warning',
      fill: PALETTE.warning.fill,
      fontColor: PALETTE.warning.fontColor,
      note: '警告：得分应为 10.00',
    },
    // B13 is the top-left cell of 产出指标 merged over B13:B16.
    {
      sheet: S,
      cell: 'B13',
      kind: 'error',
      fill: PALETTE.error.fill,
      fontColor: '#9C0006',
      note: '错误：示例',
    },
    {
      sheet: S,
      cell: 'H21',
      kind: 'written',
      value: 99.73,
      numberFormat: '0.00',
      fill: PALETTE.written.fill,
      fontColor: PALETTE.written.fontColor,
      note: '已改正：原值 99.43，改为 99.73',
    },
    { sheet: '不存在', cell: 'A1', kind: 'info', fill: PALETTE.info.fill, note: 'x' },
  ],
};

const tables: SheetTable[] = [
  {
    name: '审核意见',
    header: ['表单', '单元格', '级别', '代码', '说明'],
    rows: [
      {
        values: ['1. 计生特殊家庭帮扶及权益维护', `${S}!H6`, '提示', 'RATE_MISMATCH', '执行率应为 97.34%'],
        severity: 'info',
        links: [{ column: 1, sheet: S, cell: 'H6' }],
      },
    ],
    widths: [28, 16, 8, 26, 90],
    columns: [{ kind: 'text' }, { kind: 'text' }, { kind: 'severity' }, { kind: 'text' }, { kind: 'text' }],
  },
  {
    name: '评分汇总',
    header: ['文件', '工作表', '项目名称', '全年预算数', '执行率', '等级', '错误'],
    rows: [
      { values: ['a.xlsx', S, '计生特殊家庭帮扶及权益维护', '991403.00', '97.34%', '优', 0], links: [] },
    ],
    widths: [24, 14, 30, 14, 10, 6, 6],
    columns: [
      { kind: 'text' },
      { kind: 'text' },
      { kind: 'text' },
      { kind: 'number' },
      { kind: 'percent' },
      { kind: 'text' },
      { kind: 'number' },
    ],
  },
];

async function seed(): Promise<ExcelJS.Workbook> {
  // Through bytes, so styles are shared between cells the way ExcelJS reads a user's file.
  return loadWorkbook(await toBytes(buildSeedWorkbook().workbook));
}

const argb = (hex: string): string => `FF${hex.slice(1)}`;

describe('applyWritePlan', () => {
  let original: ExcelJS.Workbook;
  let scored: ExcelJS.Workbook;
  let result: ReturnType<typeof applyWritePlan>;

  beforeAll(async () => {
    original = await seed();
    const wb = await seed();
    result = applyWritePlan(wb, plan, tables);
    scored = await fromBytes(await toBytes(wb));
  });

  it('counts what it did and skips edits on missing sheets', () => {
    expect(result.cellsMarked).toBe(4);
    expect(result.valuesWritten).toBe(1);
    expect(result.skipped).toEqual(['不存在!A1']);
    expect(result.tableSheets).toEqual(['审核意见', '评分汇总']);
  });

  it('fills, colours and notes the planned cells, keeping their borders, fonts and formats', () => {
    const ws = scored.getWorksheet(S)!;
    const before = original.getWorksheet(S)!;
    const h6 = ws.getCell('H6');
    expect(h6.fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(PALETTE.info.fill) },
    });
    expect(h6.font).toEqual(before.getCell('H6').font); // info leaves the font alone
    expect(h6.border).toEqual(before.getCell('H6').border);
    expect(h6.numFmt).toBe('0.00%');
    expect(h6.value).toBe(0.9735);
    expect(h6.note).toBe('提示：执行率应为 97.34%');

    const h16 = ws.getCell('H16');
    expect(h16.font).toEqual({
      ...before.getCell('H16').font,
      color: { argb: argb(PALETTE.warning.fontColor!) },
    });
    expect(h16.border).toEqual(before.getCell('H16').border);
    expect(h16.value).toBe(9.7);
  });

  it('marks every cell of a merged area and notes its top-left cell only', () => {
    const ws = scored.getWorksheet(S)!;
    for (const a of ['B13', 'B14', 'B15', 'B16']) {
      expect(ws.getCell(a).fill).toEqual({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: argb(PALETTE.error.fill) },
      });
    }
    expect(ws.getCell('B13').note).toBe('错误：示例');
    expect(ws.getCell('B14').note).toBeUndefined();
    expect(ws.getCell('B13').value).toBe('产出指标');
  });

  it('writes a value with its number format', () => {
    const h21 = scored.getWorksheet(S)!.getCell('H21');
    expect(h21.value).toBe(99.73);
    expect(h21.numFmt).toBe('0.00');
  });

  it('leaves every other cell, style, merge, width and the print setup as they were', () => {
    const ws = scored.getWorksheet(S)!;
    const before = original.getWorksheet(S)!;
    const touched = new Set(['H6', 'H16', 'H21', ...cellsOfRange('B13:B16')]);
    const a = snapshotSheet(before);
    const b = snapshotSheet(ws);
    let compared = 0;
    for (const [addr, snap] of a) {
      if (touched.has(addr)) continue;
      expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
    expect(merges(ws)).toEqual(merges(before));
    expect(widths(ws)).toEqual(widths(before));
    for (let r = 1; r <= 21; r++) expect(ws.getRow(r).height).toBe(before.getRow(r).height);
    expect(ws.pageSetup.printArea).toBe(before.pageSetup.printArea);
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('adds the tables as sheets with links to the cells, numbers as numbers, and a very hidden record', () => {
    expect(scored.worksheets.map((w) => [w.name, w.state])).toEqual([
      [S, 'visible'],
      ['审核意见', 'visible'],
      ['评分汇总', 'visible'],
      [RESTORE_SHEET_NAME, 'veryHidden'],
    ]);
    const review = scored.getWorksheet('审核意见')!;
    expect(review.getRow(1).values).toEqual([undefined, '表单', '单元格', '级别', '代码', '说明']);
    expect(review.getCell('B2').value).toEqual({
      formula: `HYPERLINK("#'${S}'!H6","${S}!H6")`,
      result: `${S}!H6`,
    });
    expect(review.getCell('C2').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(PALETTE.info.fill) },
    });
    expect(review.getColumn(5).width).toBe(90);
    expect(review.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const summary = scored.getWorksheet('评分汇总')!;
    expect(summary.getCell('D2').value).toBe(991403);
    expect(summary.getCell('D2').numFmt).toBe('#,##0.00');
    expect(summary.getCell('E2').value).toBe(0.9734);
    expect(summary.getCell('E2').numFmt).toBe('0.00%');
    expect(summary.getCell('C2').value).toBe('计生特殊家庭帮扶及权益维护');
  });

  it('restores every cell exactly and removes its sheets', async () => {
    const wb = await fromBytes(await toBytes(scored));
    expect(hasMarks(wb)).toBe(true);
    const r = restoreMarks(wb);
    expect(r).toEqual({ restored: 7, kept: 0 });
    expect(hasMarks(wb)).toBe(false);
    const back = await fromBytes(await toBytes(wb));
    expect(back.worksheets.map((w) => w.name)).toEqual([S]);
    const a = snapshotSheet(original.getWorksheet(S)!);
    const b = snapshotSheet(back.getWorksheet(S)!);
    for (const [addr, snap] of a) expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
  });

  it('scoring again (restore, then apply, as the app flow does) replaces its sheets and marks', async () => {
    const wb = await fromBytes(await toBytes(scored));
    const second: WritePlan = { mode: 'check', edits: [plan.edits[1]] };
    // apply() only applies: the marks of the first scoring must come off first.
    expect(() => applyWritePlan(wb, second, tables)).toThrow(/请先清除.*restore it first/);
    expect(restoreMarks(wb)).toEqual({ restored: 7, kept: 0 });
    applyWritePlan(wb, second, tables);
    const back = await fromBytes(await toBytes(wb));
    expect(back.worksheets.map((w) => w.name)).toEqual([S, '审核意见', '评分汇总', RESTORE_SHEET_NAME]);
    const ws = back.getWorksheet(S)!;
    // H6 is no longer in the plan: back to the original look; H21 back to the printed value.
    expect(ws.getCell('H6').fill).toEqual(original.getWorksheet(S)!.getCell('H6').fill);
    expect(ws.getCell('H6').note).toBeUndefined();
    expect(ws.getCell('H21').value).toBe(99.43);
    expect(ws.getCell('H16').note).toBe('警告：得分应为 10.00');
    // And the record still leads back to the original.
    restoreMarks(back);
    const a = snapshotSheet(original.getWorksheet(S)!);
    const b = snapshotSheet(back.getWorksheet(S)!);
    for (const [addr, snap] of a) expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
  });

  it('keeps a value the user changed after scoring, and a sheet of the user named like ours', async () => {
    const wb = await seed();
    const own = wb.addWorksheet('审核意见');
    own.getCell('A1').value = '处室审核记录';
    applyWritePlan(wb, plan, tables);
    expect(wb.worksheets.map((w) => w.name)).toContain('审核意见(2)');
    expect(wb.getWorksheet('审核意见')!.getCell('A1').value).toBe('处室审核记录');
    wb.getWorksheet(S)!.getCell('H21').value = 99.5; // the user's own correction
    const r = restoreMarks(wb);
    expect(r.kept).toBe(1);
    expect(wb.getWorksheet(S)!.getCell('H21').value).toBe(99.5);
    expect(wb.worksheets.map((w) => w.name)).toEqual([S, '审核意见']);
  });

  it('appends a cell’s existing note after ours and gives it back on restore', async () => {
    const wb = await seed();
    wb.getWorksheet(S)!.getCell('H6').note = '财务科：已核对';
    applyWritePlan(wb, { mode: 'check', edits: [plan.edits[0]] }, []);
    expect(wb.getWorksheet(S)!.getCell('H6').note).toBe('提示：执行率应为 97.34%\n——\n财务科：已核对');
    restoreMarks(wb);
    const back = await fromBytes(await toBytes(wb));
    expect(back.getWorksheet(S)!.getCell('H6').note).toBe('财务科：已核对');
  });
});

describe('clearNote', () => {
  it('removes the note from the written file (ExcelJS would leave an empty one)', async () => {
    const wb = await seed();
    const cell = wb.getWorksheet(S)!.getCell('D13');
    cell.note = '临时批注';
    const withNote = await fromBytes(await toBytes(wb));
    const c2 = withNote.getWorksheet(S)!.getCell('D13');
    expect(c2.note).toBe('临时批注');
    clearNote(c2);
    const back = await fromBytes(await toBytes(withNote));
    expect(back.getWorksheet(S)!.getCell('D13').note).toBeUndefined();
  });
});

describe('fillTableSheet', () => {
  it('styles by the columns the core types, never by what the values look like', async () => {
    const ws = (await seed()).addWorksheet('t');
    fillTableSheet(ws, {
      name: 't',
      header: ['项目名称', '全年预算数', '执行率', '级别'],
      rows: [
        { values: ['2021', '991403.00', '97.34%', '错误'], severity: 'error' },
        { values: ['007', null, null, '提示'], severity: 'info' },
      ],
      widths: [10, 10, 10, 10],
      columns: [{ kind: 'text' }, { kind: 'number' }, { kind: 'percent' }, { kind: 'severity' }],
    });
    // A project named like a number stays text; the amount and the rate become numbers.
    expect(ws.getCell('A2').value).toBe('2021');
    expect(ws.getCell('A3').value).toBe('007');
    expect(ws.getCell('B2').value).toBe(991403);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C2').value).toBe(0.9734);
    expect(ws.getCell('C2').numFmt).toBe('0.00%');
    expect(ws.getCell('B3').value).toBeNull();
    // The severity colour comes from the row's severity.
    expect(ws.getCell('D2').fill).toMatchObject({ fgColor: { argb: argb(PALETTE.error.fill) } });
    expect(ws.getCell('D3').fill).toMatchObject({ fgColor: { argb: argb(PALETTE.info.fill) } });
  });
});
