// Restoring a scored .xlsx after the user worked on it: what the user changed on a marked cell since scoring (a
// fill, a font colour, a note, a value) stays as the user made it, as in the Office host; every marked cell the
// user left alone comes back exactly, whether restored directly or by scoring the file again.
import type ExcelJS from 'exceljs';
import { PALETTE } from '../../src/core';
import {
  hasMarks,
  loadWorkbook,
  RESTORE_SHEET_NAME,
  restoreMarks,
  workbookBytes,
} from '../../src/hosts/xlsx';
import { RESTORE_SCHEMA, SHEET_RECORD_SCHEMA } from '../../src/hosts/record';
import { scoreXlsxWorkbook, type ScoreXlsxResult } from '../../src/cli/score-file';
import { buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { fromBytes, snapshotSheet, toBytes } from './helpers';

const S = SEED_SHEET;
const USER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const USER_FONT_COLOR = { argb: 'FF0070C0' };
const USER_NOTE = '处室：已与项目单位核实';
const OLD_NOTE = '财务科：已核对';
/** The cells the user changes after scoring. */
const CHANGED = ['F14', 'F16', 'I14', 'H16'];

/** The seed form with its H16 score left blank (fill mode writes it) and a note of the user's on E6. */
async function original(): Promise<ExcelJS.Workbook> {
  const wb = buildSeedWorkbook().workbook;
  wb.getWorksheet(S)!.getCell('H16').value = null;
  wb.getWorksheet(S)!.getCell('E6').note = OLD_NOTE;
  return loadWorkbook(await toBytes(wb));
}

async function scored(): Promise<{ wb: ExcelJS.Workbook; result: ScoreXlsxResult }> {
  const wb = await original();
  const result = await scoreXlsxWorkbook(wb, { source: 'a.xlsx', mode: 'fill' });
  return { wb: await fromBytes(await workbookBytes(wb)), result };
}

/** The user's own work on the scored file: a fill, a font colour, a note and a value. A style is replaced, not
 *  changed in place: ExcelJS shares one style object between the cells of a file that look alike. */
function userEdits(ws: ExcelJS.Worksheet): void {
  const restyle = (addr: string, change: Partial<ExcelJS.Style>): void => {
    const cell = ws.getCell(addr);
    cell.style = { ...(JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>), ...change };
  };
  restyle('F14', { fill: USER_FILL });
  restyle('F16', { font: { ...ws.getCell('F16').font, color: USER_FONT_COLOR } });
  ws.getCell('I14').note = USER_NOTE;
  ws.getCell('H16').value = 9.9;
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null));

function expectUserWorkKept(ws: ExcelJS.Worksheet, before: ExcelJS.Worksheet): void {
  const f14 = ws.getCell('F14');
  expect(plain(f14.fill)).toEqual(USER_FILL);
  expect(plain(f14.font)).toEqual(plain(before.getCell('F14').font));
  expect(f14.note).toBeUndefined();
  expect(f14.value).toBe(50000);

  const f16 = ws.getCell('F16');
  expect(f16.font.color).toEqual(USER_FONT_COLOR);
  expect({ ...f16.font, color: undefined }).toEqual({ ...before.getCell('F16').font, color: undefined });
  expect(plain(f16.fill)).toEqual(plain(before.getCell('F16').fill));
  expect(f16.note).toBeUndefined();

  const i14 = ws.getCell('I14');
  expect(i14.note).toBe(USER_NOTE);
  expect(plain(i14.fill)).toEqual(plain(before.getCell('I14').fill));
  expect(plain(i14.font)).toEqual(plain(before.getCell('I14').font));

  // The user's value replaced ours: it stays; the marks still ours come off.
  const h16 = ws.getCell('H16');
  expect(h16.value).toBe(9.9);
  expect(plain(h16.fill)).toEqual(plain(before.getCell('H16').fill));
  expect(plain(h16.font)).toEqual(plain(before.getCell('H16').font));
  expect(h16.note).toBeUndefined();
}

function expectRestKeptExactly(ws: ExcelJS.Worksheet, before: ExcelJS.Worksheet): void {
  const a = snapshotSheet(before);
  const b = snapshotSheet(ws);
  let compared = 0;
  for (const [addr, snap] of a) {
    if (CHANGED.includes(addr)) continue;
    expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
    compared++;
  }
  expect(compared).toBeGreaterThan(150);
  // The marked cells the user left alone among them, by name: value, fill, font colour and note.
  for (const addr of ['E6', 'H6', 'I18', 'F18', 'F19', 'F20']) {
    const now = ws.getCell(addr);
    const was = before.getCell(addr);
    expect({
      addr,
      value: plain(now.value),
      fill: plain(now.fill),
      font: plain(now.font),
      note: now.note,
    }).toEqual({
      addr,
      value: plain(was.value),
      fill: plain(was.fill),
      font: plain(was.font),
      note: was.note,
    });
  }
  expect(ws.getCell('E6').note).toBe(OLD_NOTE);
}

describe('restoring a scored .xlsx the user has worked on', () => {
  let before: ExcelJS.Worksheet;

  beforeAll(async () => {
    before = (await original()).getWorksheet(S)!;
  });

  it('marks the cells the test changes (so the changes are on marked cells)', async () => {
    const { wb, result } = await scored();
    const edits = new Map(result.plan.edits.map((e) => [e.cell, e]));
    for (const addr of CHANGED) expect(edits.has(addr)).toBe(true);
    expect(edits.get('H16')).toMatchObject({ kind: 'written', value: 10 });
    expect(edits.get('F16')?.fontColor).toBe(PALETTE.warning.fontColor);
    const ws = wb.getWorksheet(S)!;
    expect(ws.getCell('H16').value).toBe(10);
    expect(ws.getCell('F14').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${PALETTE.warning.fill.slice(1)}` },
    });
    expect(ws.getCell('I14').note).toBe(edits.get('I14')?.note);
  });

  it('keeps the user’s fill, font colour, note and value, and puts back everything still ours', async () => {
    const { wb } = await scored();
    userEdits(wb.getWorksheet(S)!);
    const saved = await fromBytes(await toBytes(wb));
    const r = restoreMarks(saved);
    expect(r).toEqual({ restored: 10, kept: 1 });
    expect(hasMarks(saved)).toBe(false);
    const back = await fromBytes(await toBytes(saved));
    expect(back.worksheets.map((w) => w.name)).toEqual([S]);
    const ws = back.getWorksheet(S)!;
    expectUserWorkKept(ws, before);
    expectRestKeptExactly(ws, before);
  });

  it('keeps them through scoring again (which restores first) and a restore after it', async () => {
    const { wb } = await scored();
    userEdits(wb.getWorksheet(S)!);
    const saved = await fromBytes(await toBytes(wb));
    const again = await scoreXlsxWorkbook(saved, { source: 'a.xlsx', mode: 'fill' });
    // The second scoring read the user's value, not ours.
    expect(again.plan.edits.find((e) => e.cell === 'H16')?.value).toBeUndefined();
    const rescored = await fromBytes(await workbookBytes(saved));
    // The user's note is kept under ours on the cell marked again.
    expect(rescored.getWorksheet(S)!.getCell('I14').note).toContain(USER_NOTE);
    restoreMarks(rescored);
    const back = await fromBytes(await toBytes(rescored));
    expect(back.worksheets.map((w) => w.name)).toEqual([S]);
    const ws = back.getWorksheet(S)!;
    expectUserWorkKept(ws, before);
    expectRestKeptExactly(ws, before);
  });
});

describe('the restore record', () => {
  let before: ExcelJS.Worksheet;
  beforeAll(async () => {
    before = (await original()).getWorksheet(S)!;
  });

  it('is written under its own schema id', async () => {
    const { wb, result } = await scored();
    const rec = wb.getWorksheet(RESTORE_SHEET_NAME)!;
    expect(rec.getCell('A1').value).toBe(SHEET_RECORD_SCHEMA);
    expect(SHEET_RECORD_SCHEMA).not.toBe(RESTORE_SCHEMA);
    expect(JSON.parse(String(rec.getCell('B1').value))).toEqual({
      schema: SHEET_RECORD_SCHEMA,
      tables: result.tableSheets,
    });
  });

  it('is still restored when written under the id files were scored with before (selfeval-restore/1)', async () => {
    const { wb } = await scored();
    const rec = wb.getWorksheet(RESTORE_SHEET_NAME)!;
    rec.getCell('A1').value = 'selfeval-restore/1';
    rec.getCell('B1').value = JSON.stringify({ schema: 'selfeval-restore/1', tables: ['审核意见'] });
    const old = await fromBytes(await toBytes(wb));
    expect(hasMarks(old)).toBe(true);
    expect(restoreMarks(old)).toEqual({ restored: 11, kept: 0 });
    const back = await fromBytes(await toBytes(old));
    expect(back.worksheets.map((w) => w.name)).toEqual([S]);
    expectRestKeptExactly(back.getWorksheet(S)!, before);
  });
});
