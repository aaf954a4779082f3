// Apply a WritePlan and the tables to an ExcelJS workbook, keeping a restore record (src/hosts/record/sheet-
// record.ts) in a very hidden sheet so that scoring the file again can first put every cell back (the app flow
// restores before it reads: marks never stack) and 审核意见/评分汇总 are replaced.
import type ExcelJS from 'exceljs';
import type { RestoreResult } from '../../app/host';
import type { CellRange, SheetTable, WritePlan } from '../../core';
import { toA1 } from '../../core';
import {
  readSheetRecord,
  sameColor,
  sheetRecordRows,
  SHEET_RECORD_NAME,
  type SheetRecordEntry,
} from '../record';
import { mergedAreas } from './read';
import {
  cloneStyle,
  clearNote,
  colorToHex,
  fillToHex,
  noteText,
  setFill,
  setFontColor,
  setNumFmt,
} from './style';
import { writeTableSheet } from './tables';

/** What one touched cell looked like before, and what the CLI wrote into it, with ExcelJS's types. */
type RestoreEntry = SheetRecordEntry<Partial<ExcelJS.Style>, string | ExcelJS.Comment>;

export interface XlsxApplyResult {
  cellsMarked: number;
  valuesWritten: number;
  /** The sheets the tables were written to. */
  tableSheets: string[];
  /** Edits whose sheet does not exist ("Sheet9!A1"). */
  skipped: string[];
}

export function hasMarks(wb: ExcelJS.Workbook): boolean {
  return wb.getWorksheet(SHEET_RECORD_NAME) !== undefined;
}

/**
 * Apply the plan: values (with number formats), fills and font colours over each cell's merged area, a note on
 * the cell, and the tables as sheets. Every other style, width, merge, formula and sheet is left as it was.
 * Marks from an earlier scoring must be restored first (restoreMarks; the app flow does): one record a file.
 */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan, tables: SheetTable[]): XlsxApplyResult {
  if (hasMarks(wb)) {
    throw new Error(
      '工作簿中还有上次评分的标记，请先清除 / The workbook still holds the marks of an earlier scoring: restore it first',
    );
  }
  const entries: RestoreEntry[] = [];
  const touched = new Map<string, RestoreEntry>();
  const areasBySheet = new Map<string, Map<string, CellRange>>();
  const skipped: string[] = [];
  let cellsMarked = 0;
  let valuesWritten = 0;

  for (const edit of plan.edits) {
    const ws = wb.getWorksheet(edit.sheet);
    if (!ws) {
      skipped.push(`${edit.sheet}!${edit.cell}`);
      continue;
    }
    let areas = areasBySheet.get(ws.name);
    if (!areas) {
      areas = mergedAreas(ws);
      areasBySheet.set(ws.name, areas);
    }
    const master = ws.getCell(edit.cell).master;
    const area = areas.get(master.address);
    const cells = area ? cellsOf(ws, area) : [master];

    for (const cell of cells) {
      const key = `${ws.name}!${cell.address}`;
      let entry = touched.get(key);
      if (!entry) {
        entry = {
          sheet: ws.name,
          cell: cell.address,
          style: cloneStyle(cell.style),
          wrote: { fill: edit.fill },
        };
        touched.set(key, entry);
        entries.push(entry);
      }
      // The plan has one edit per cell, but a merged area can share cells with another edit: the last one wins.
      entry.wrote = { ...entry.wrote, fill: edit.fill };
      if (edit.fontColor !== undefined) entry.wrote.fontColor = edit.fontColor;
      if (cell === master && entry.note === undefined) {
        entry.note = cell.note === undefined ? null : (JSON.parse(JSON.stringify(cell.note)) as string);
        entry.value = serializeValue(cell.value);
      }
      if (cell === master && edit.value !== undefined && !('written' in entry)) entry.written = edit.value;
    }

    if (edit.value !== undefined) {
      master.value = edit.value;
      valuesWritten++;
    }
    if (edit.numberFormat !== undefined) setNumFmt(master, edit.numberFormat);
    for (const cell of cells) {
      setFill(cell, edit.fill);
      if (edit.fontColor !== undefined) setFontColor(cell, edit.fontColor);
    }
    const before = noteText(master.note);
    master.note = before ? `${edit.note}\n——\n${before}` : edit.note;
    const entry = touched.get(`${ws.name}!${master.address}`);
    if (entry?.wrote) entry.wrote.note = master.note;
    cellsMarked++;
  }

  const tableSheets = tables.map((t) => writeTableSheet(wb, t));
  writeRecord(wb, tableSheets, entries);
  return { cellsMarked, valuesWritten, tableSheets, skipped };
}

/**
 * Put back every cell from the record and remove the table sheets and the record, property by property as the
 * Office host does: a fill, font colour or note comes off only while it is still what the add-in wrote (one the
 * user set since stays), every other part of the cell's style is left as it is now. A cell whose value the user
 * changed (a written value, or the value the cell had) keeps the user's value and number format, and is counted
 * as kept.
 */
export function restoreMarks(wb: ExcelJS.Workbook): RestoreResult {
  const recordSheet = wb.getWorksheet(SHEET_RECORD_NAME);
  if (!recordSheet) return { restored: 0, kept: 0 };
  const { tables, entries } = readRecord(recordSheet);
  let restored = 0;
  let kept = 0;
  // Newest first is irrelevant here (one entry per cell), but reverse order undoes in the safest order.
  for (const e of [...entries].reverse()) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) {
      kept++;
      continue;
    }
    const cell = ws.getCell(e.cell);
    const content =
      'written' in e ? sameValue(cell.value, e.written) : !('value' in e) || sameContent(cell.value, e.value);
    const before = e.style;
    const style = cloneStyle(cell.style);
    if (content && 'written' in e) {
      cell.value = deserializeValue(e.value);
      putBack(style, before, 'numFmt');
    }
    if (!e.wrote || sameColor(fillToHex(style.fill), e.wrote.fill)) putBack(style, before, 'fill');
    if (
      !e.wrote ||
      (e.wrote.fontColor !== undefined && sameColor(colorToHex(style.font?.color), e.wrote.fontColor))
    ) {
      const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
      if (before.font?.color === undefined) delete font.color;
      else font.color = before.font.color;
      // The font as it was when nothing else of it changed (no empty font left where there was none).
      if (sameJson(withoutColor(font), withoutColor(before.font ?? {}))) putBack(style, before, 'font');
      else style.font = font;
    }
    cell.style = style;
    if (e.note !== undefined && (!e.wrote || noteText(cell.note) === e.wrote.note)) {
      if (e.note === null) clearNote(cell);
      else cell.note = e.note;
    }
    if (content) restored++;
    else kept++;
  }
  // The record names the sheets the tables went to: they are ours, whatever their header says.
  for (const name of tables) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  wb.removeWorksheet(recordSheet.id);
  return { restored, kept };
}

/** style[key] as it was in `before` (absent when it was absent). */
function putBack(
  style: Partial<ExcelJS.Style>,
  before: Partial<ExcelJS.Style>,
  key: keyof ExcelJS.Style,
): void {
  const record = style as Record<string, unknown>;
  const was = (before as Record<string, unknown>)[key];
  if (was === undefined) delete record[key];
  else record[key] = JSON.parse(JSON.stringify(was)) as unknown;
}

function withoutColor(font: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> {
  const rest = { ...font };
  delete rest.color;
  return rest;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

function cellsOf(ws: ExcelJS.Worksheet, area: CellRange): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) cells.push(ws.getCell(toA1(r, c)));
  }
  return cells;
}

function writeRecord(wb: ExcelJS.Workbook, tables: string[], entries: RestoreEntry[]): void {
  const ws = wb.addWorksheet(SHEET_RECORD_NAME, { state: 'veryHidden' });
  sheetRecordRows(tables, entries).forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, c) => {
      row.getCell(c + 1).value = v;
    });
  });
}

/** The record's table sheets and entries. Throws, before anything is changed, when the record cannot be put
 *  back whole (A1 holds no schema id of it, its header or an entry cannot be read): a record is never removed
 *  while a mark it could undo would stay, and the next scoring would stack its marks on those. */
function readRecord(ws: ExcelJS.Worksheet): { tables: string[]; entries: RestoreEntry[] } {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    // row.values is 1-based (index 0 empty): every cell from column A, an entry may go on past column C.
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  const record = readSheetRecord(rows);
  if (!record) {
    throw new Error(
      `工作表 ${SHEET_RECORD_NAME} 不是可读的还原记录（A1 不是其格式标识），已保留，文件未改动 / ` +
        `Sheet ${SHEET_RECORD_NAME} is not a readable restore record (A1 holds no schema id): it is kept and ` +
        'the file is unchanged',
    );
  }
  if (record.damaged > 0 || record.headerDamaged) {
    const what = record.headerDamaged
      ? `表头${record.damaged > 0 ? `及 ${record.damaged} 行` : ''}`
      : `${record.damaged} 行`;
    const whatEn = record.headerDamaged
      ? `its header${record.damaged > 0 ? ` and ${record.damaged} row(s)` : ''}`
      : `${record.damaged} row(s)`;
    throw new Error(
      `还原记录（工作表 ${SHEET_RECORD_NAME}）中${what}无法读取（可能被其他程序截断或改写），` +
        '未清除任何标记，记录已保留 / ' +
        `${whatEn} of the restore record (sheet ${SHEET_RECORD_NAME}) cannot be read (another program may ` +
        'have cut or rewritten it): no mark was cleared and the record is kept',
    );
  }
  return { tables: record.tables, entries: record.entries as RestoreEntry[] };
}

/** JSON cannot hold a Date: keep it as { $date: ISO } (also inside a formula result). */
function serializeValue(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v && typeof v === 'object' && 'result' in v && v.result instanceof Date) {
    return { ...v, result: { $date: v.result.toISOString() } };
  }
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

function deserializeValue(v: unknown): ExcelJS.CellValue {
  const date = (x: unknown): Date | null =>
    x && typeof x === 'object' && '$date' in x ? new Date(String((x as { $date: string }).$date)) : null;
  const d = date(v);
  if (d) return d;
  if (v && typeof v === 'object' && 'result' in v) {
    const rd = date((v as { result: unknown }).result);
    if (rd) return { ...(v as object), result: rd } as ExcelJS.CellValue;
  }
  return v as ExcelJS.CellValue;
}

/** The cell still holds what it held before: the same formula, or the same value. */
function sameContent(current: ExcelJS.CellValue, before: unknown): boolean {
  const formula = formulaOf(before);
  if (formula !== null) return formulaOf(current) === formula;
  return sameJson(serializeValue(current), before ?? null);
}

function formulaOf(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const f = v as { formula?: unknown; sharedFormula?: unknown };
  if (typeof f.formula === 'string') return f.formula;
  return typeof f.sharedFormula === 'string' ? `shared:${f.sharedFormula}` : null;
}

function sameValue(current: ExcelJS.CellValue, written: unknown): boolean {
  if (typeof current === 'number' && typeof written === 'number') return current === written;
  if (typeof current === 'string' && typeof written === 'string') return current === written;
  return false;
}
