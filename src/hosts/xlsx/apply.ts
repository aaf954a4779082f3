// Apply a WritePlan and the tables to an ExcelJS workbook, keeping a restore record in a very hidden sheet so
// that scoring the file again first puts every cell back (marks never stack) and 审核意见/评分汇总 are replaced.
import type ExcelJS from 'exceljs';
import type { RestoreResult } from '../../app/host';
import type { CellRange, SheetTable, WritePlan } from '../../core';
import { toA1 } from '../../core';
import { mergedAreas, RESTORE_SHEET_NAME } from './read';
import { cloneStyle, clearNote, noteText, setFill, setFontColor, setNumFmt } from './style';
import { writeTableSheet } from './tables';

const RECORD_SCHEMA = 'selfeval-restore/1';

/** What one touched cell looked like before, and the value written into it (if any). */
interface RestoreEntry {
  sheet: string;
  cell: string;
  style: Partial<ExcelJS.Style>;
  /** Only for the cell holding the note (the area's top-left cell): the note before, null for none. */
  note?: string | ExcelJS.Comment | null;
  /** Only when a value was written: the value before and the value written (serialized). */
  value?: unknown;
  written?: unknown;
}

interface RecordHeader {
  schema: string;
  tables: string[];
}

export interface XlsxApplyResult {
  cellsMarked: number;
  valuesWritten: number;
  /** The sheets the tables were written to. */
  tableSheets: string[];
  /** Edits whose sheet does not exist ("Sheet9!A1"). */
  skipped: string[];
  /** The previous marks that were cleared first, if there were any. */
  cleared: RestoreResult | null;
}

export function hasMarks(wb: ExcelJS.Workbook): boolean {
  return wb.getWorksheet(RESTORE_SHEET_NAME) !== undefined;
}

/**
 * Apply the plan: values (with number formats), fills and font colours over each cell's merged area, a note on
 * the cell, and the tables as sheets. Every other style, width, merge, formula and sheet is left as it was.
 */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan, tables: SheetTable[]): XlsxApplyResult {
  const cleared = hasMarks(wb) ? restoreMarks(wb) : null;
  const entries: RestoreEntry[] = [];
  const touched = new Set<string>();
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
      if (touched.has(key)) continue;
      touched.add(key);
      const entry: RestoreEntry = { sheet: ws.name, cell: cell.address, style: cloneStyle(cell.style) };
      if (cell === master) {
        entry.note = cell.note === undefined ? null : (JSON.parse(JSON.stringify(cell.note)) as string);
        if (edit.value !== undefined) {
          entry.value = serializeValue(cell.value);
          entry.written = edit.value;
        }
      }
      entries.push(entry);
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
    cellsMarked++;
  }

  const tableSheets = tables.map((t) => writeTableSheet(wb, t));
  writeRecord(wb, { schema: RECORD_SCHEMA, tables: tableSheets }, entries);
  return { cellsMarked, valuesWritten, tableSheets, skipped, cleared };
}

/**
 * Put back every cell from the record and remove the table sheets and the record. A cell whose written value
 * the user changed afterwards keeps the user's value (counted as kept); its look and note are put back.
 */
export function restoreMarks(wb: ExcelJS.Workbook): RestoreResult {
  const recordSheet = wb.getWorksheet(RESTORE_SHEET_NAME);
  if (!recordSheet) return { restored: 0, kept: 0 };
  const { header, entries } = readRecord(recordSheet);
  let restored = 0;
  let kept = 0;
  // Newest first is irrelevant here (one entry per cell), but reverse order undoes in the safest order.
  for (const e of [...entries].reverse()) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.cell);
    let userChanged = false;
    if ('written' in e) {
      if (sameValue(cell.value, e.written)) cell.value = deserializeValue(e.value);
      else userChanged = true;
    }
    const style = e.style;
    if (userChanged && cell.numFmt !== undefined) style.numFmt = cell.numFmt;
    cell.style = style;
    if (e.note !== undefined) {
      if (e.note === null) clearNote(cell);
      else cell.note = e.note;
    }
    if (userChanged) kept++;
    else restored++;
  }
  // The record names the sheets the tables went to: they are ours, whatever their header says.
  for (const name of header?.tables ?? []) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  wb.removeWorksheet(recordSheet.id);
  return { restored, kept };
}

function cellsOf(ws: ExcelJS.Worksheet, area: CellRange): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) cells.push(ws.getCell(toA1(r, c)));
  }
  return cells;
}

function writeRecord(wb: ExcelJS.Workbook, header: RecordHeader, entries: RestoreEntry[]): void {
  const ws = wb.addWorksheet(RESTORE_SHEET_NAME, { state: 'veryHidden' });
  ws.getCell('A1').value = RECORD_SCHEMA;
  ws.getCell('B1').value = JSON.stringify(header);
  entries.forEach((e, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = e.sheet;
    row.getCell(2).value = e.cell;
    row.getCell(3).value = JSON.stringify(e);
  });
}

function readRecord(ws: ExcelJS.Worksheet): { header: RecordHeader | null; entries: RestoreEntry[] } {
  let header: RecordHeader | null = null;
  const entries: RestoreEntry[] = [];
  if (ws.getCell('A1').value !== RECORD_SCHEMA) return { header, entries };
  try {
    header = JSON.parse(String(ws.getCell('B1').value)) as RecordHeader;
  } catch {
    header = null;
  }
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const json = row.getCell(3).value;
    if (typeof json !== 'string') return;
    try {
      entries.push(JSON.parse(json) as RestoreEntry);
    } catch {
      // A damaged line is skipped: the rest is still restored.
    }
  });
  return { header, entries };
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

function sameValue(current: ExcelJS.CellValue, written: unknown): boolean {
  if (typeof current === 'number' && typeof written === 'number') return current === written;
  if (typeof current === 'string' && typeof written === 'string') return current === written;
  return false;
}
