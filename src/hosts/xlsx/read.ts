// ExcelJS worksheet → the core's SheetGrid: values (formula results, rich text as plain text, dates as text),
// number formats, merged areas, hidden rows and columns. Browser-safe: no Node import. ExcelJS turns date serials
// into Dates by the workbook's date system (1900 or 1904), so dates come through right on either.
import type ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetGrid } from '../../core';
import { SHEET_RECORD_NAME } from '../record';

/** The hidden sheet where the host keeps what it changed, so a scored file can be scored again cleanly. */
export const RESTORE_SHEET_NAME = SHEET_RECORD_NAME;

/** A cell's value as the core sees it: what Excel shows, without its formatting. */
export function cellToValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return null;
  if ('error' in value) return value.error;
  if ('richText' in value) return richTextToString(value.richText);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellToValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (typeof text === 'string') return text === '' ? null : text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richTextToString((text as ExcelJS.CellRichTextValue).richText);
    return null;
  }
  return null;
}

function richTextToString(parts: ExcelJS.RichText[]): string | null {
  const s = parts.map((p) => p.text ?? '').join('');
  return s === '' ? null : s;
}

/** ExcelJS reads a date cell as a UTC Date; give the date as a reader sees it ("2021-12-31", time if any). */
export function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/**
 * The merged areas of a worksheet, 0-based, found from the public cell API: every merged cell points at its
 * area's top-left (master) cell, and an area is the bounding box of the master and the cells pointing at it.
 */
export function mergedAreas(ws: ExcelJS.Worksheet): Map<string, CellRange> {
  const areas = new Map<string, CellRange>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.isMerged) return;
      const master = cell.master;
      const r = Number(cell.row) - 1;
      const c = Number(cell.col) - 1;
      const key = master.address;
      const a = areas.get(key);
      if (!a) {
        const mr = Number(master.row) - 1;
        const mc = Number(master.col) - 1;
        areas.set(key, {
          top: Math.min(mr, r),
          left: Math.min(mc, c),
          bottom: Math.max(mr, r),
          right: Math.max(mc, c),
        });
      } else {
        a.top = Math.min(a.top, r);
        a.left = Math.min(a.left, c);
        a.bottom = Math.max(a.bottom, r);
        a.right = Math.max(a.right, c);
      }
    });
  });
  // A master with nothing merged into it is not an area.
  for (const [key, a] of areas) if (a.top === a.bottom && a.left === a.right) areas.delete(key);
  return areas;
}

/** One worksheet as a grid anchored at A1. A merged area's value sits in its top-left cell only. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const uncalculated: { row: number; col: number }[] = [];
  const formulas: { row: number; col: number; formula: string }[] = [];
  let anyFormat = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const isSlave = cell.isMerged && cell.master !== cell;
      const value = withSavedResult(cell);
      vRow[c] = isSlave ? null : monthOnly(cellToValue(value), value, cell.numFmt);
      if (!isSlave && isUncalculatedFormula(value)) uncalculated.push({ row: r, col: c });
      const formula = isSlave ? null : formulaText(cell);
      if (formula) formulas.push({ row: r, col: c, formula });
      const fmt = cell.numFmt;
      if (!isSlave && typeof fmt === 'string' && fmt !== '' && fmt !== 'General') {
        fRow[c] = fmt;
        anyFormat = true;
      }
    });
    values[r] = densify(vRow);
    formats[r] = densify(fRow);
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) values[r] = [];
    if (!formats[r]) formats[r] = [];
  }
  const merges = [...mergedAreas(ws).values()].sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: SheetGrid = { name: ws.name, values };
  if (anyFormat) grid.formats = formats;
  if (merges.length > 0) grid.merges = merges;
  if (uncalculated.length > 0) grid.uncalculated = uncalculated;
  // Rows and column definitions as read (findRows, ws.columns), empty hidden rows included: getRow and getColumn
  // would add rows and definitions to a workbook written later.
  const hiddenRows: number[] = [];
  (ws.findRows(1, ws.rowCount) ?? []).forEach((row, i) => {
    if (row?.hidden) hiddenRows.push(i);
  });
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const hiddenCols = (ws.columns ?? []).flatMap((col, i) => (col?.hidden ? [i] : []));
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  if (formulas.length > 0) grid.formulas = formulas;
  return grid;
}

/** A date in a format that shows no day (yyyy"年"m"月") is a whole month, as the reader sees it: "2023-12". */
function monthOnly(value: CellValue, raw: ExcelJS.CellValue, numFmt: string | undefined): CellValue {
  if (typeof value !== 'string' || !numFmt) return value;
  const isDate =
    raw instanceof Date ||
    (raw !== null && typeof raw === 'object' && 'result' in raw && raw.result instanceof Date);
  const codes = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  if (!isDate || /d/i.test(codes) || !/y/i.test(codes)) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.slice(0, 7) : value;
}

/** A cell's formula as Excel shows it ("=I6+SUM(H13:H17)"), a shared formula translated to the cell; or null. */
function formulaText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  if (!('formula' in v || 'sharedFormula' in v)) return null;
  const f = cell.formula;
  return typeof f === 'string' && f !== '' ? `=${f}` : null;
}

/** ExcelJS's `cell.value` leaves out a formula's saved result when it is 0 (or false); `cell.result` keeps it. */
function withSavedResult(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (!('formula' in value || 'sharedFormula' in value)) return value;
  const f = value as ExcelJS.CellFormulaValue;
  if (f.result !== undefined || cell.result === undefined) return value;
  return { ...f, result: cell.result } as ExcelJS.CellValue;
}

/** A formula with no saved result: the file was written by a program and never calculated by Excel. */
function isUncalculatedFormula(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if (!('formula' in value || 'sharedFormula' in value)) return false;
  return (value as ExcelJS.CellFormulaValue).result === undefined;
}

function densify<T>(sparse: (T | null)[]): (T | null)[] {
  const out: (T | null)[] = new Array<T | null>(sparse.length).fill(null);
  sparse.forEach((v, i) => {
    if (v !== undefined) out[i] = v;
  });
  return out;
}

/** Every worksheet of the workbook as grids, in tab order, except the host's own restore record. */
export function workbookToGrids(wb: ExcelJS.Workbook, skip: readonly string[] = []): SheetGrid[] {
  const grids: SheetGrid[] = [];
  for (const ws of orderedWorksheets(wb)) {
    if (ws.name === RESTORE_SHEET_NAME || skip.includes(ws.name)) continue;
    grids.push(worksheetToGrid(ws));
  }
  return grids;
}

/** Worksheets in tab order (ExcelJS's `worksheets` getter sorts them by tab position). */
export function orderedWorksheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets;
}
