// The core's SheetTables (审核意见, 评分汇总) as worksheets: a bold frozen header, filters, column widths, links to
// the form cells (HYPERLINK formulas, which Excel, WPS and LibreOffice all follow), numbers as numbers, text
// wrapped, and ready to print: A4 landscape, one page wide, the header row on every page, page numbers.
import type ExcelJS from 'exceljs';
import {
  PALETTE,
  quoteSheet,
  reviewTable,
  summaryTable,
  type Report,
  type SheetTable,
  type TableColumnKind,
} from '../../core';
import { shiftPercent } from '../../core/plan';
import { setFill, solidFill } from './style';

/** The headers our tables can have (both languages), to tell our own sheet from a user's sheet of that name. */
function knownHeaders(): string[][] {
  const empty: Report = { schema: 'selfeval-report/1', source: '', rulebook: '', forms: [], errors: [] };
  return [
    reviewTable(empty, 'zh-CN').header,
    reviewTable(empty, 'en').header,
    summaryTable(empty, 'zh-CN').header,
    summaryTable(empty, 'en').header,
  ];
}

/** True when the worksheet is a table this host wrote (its first row is one of our headers). */
export function isOwnTableSheet(ws: ExcelJS.Worksheet): boolean {
  const row = ws.getRow(1);
  const first: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) {
    const v = row.getCell(c).value;
    first.push(typeof v === 'string' ? v : '');
  }
  return knownHeaders().some((h) => h.length === first.length && h.every((x, i) => x === first[i]));
}

/**
 * Write a table as a sheet named `table.name`, replacing a sheet of that name that this host wrote before.
 * A user's own sheet with that name is kept and the table gets the next free name ("审核意见(2)").
 * Returns the sheet's name.
 */
export function writeTableSheet(wb: ExcelJS.Workbook, table: SheetTable): string {
  const existing = wb.getWorksheet(table.name);
  if (existing && isOwnTableSheet(existing)) wb.removeWorksheet(existing.id);
  let name = table.name;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${table.name}(${i})`;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  fillTableSheet(ws, table);
  return name;
}

/** Lay a table out on an empty worksheet. */
export function fillTableSheet(ws: ExcelJS.Worksheet, table: SheetTable): void {
  const width = table.header.length;
  const columnWidths = fittedWidths(table);
  columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

  const header = ws.getRow(1);
  table.header.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.style = {
      font: { bold: true },
      fill: solidFill('#D9E1F2'),
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      border,
    };
  });

  // The core says what each column holds: this host only styles (numbers as numbers, severities coloured).
  const kinds: TableColumnKind[] = table.header.map((_, c) => table.columns[c]?.kind ?? 'text');
  const messageCol = width - 1;

  table.rows.forEach((row, i) => {
    const xrow = ws.getRow(i + 2);
    row.values.forEach((v, c) => {
      const cell = xrow.getCell(c + 1);
      const kind = kinds[c] ?? 'text';
      const numeric = kind === 'number' || kind === 'percent';
      const style: Partial<ExcelJS.Style> = { border, alignment: { vertical: 'top' } };
      const link = row.links?.find((l) => l.column === c);
      if (link) {
        const text = v === null ? `${link.sheet}!${link.cell}` : String(v);
        // A batch summary links into another file: the link may name it (relative path).
        const file = (link as { file?: string }).file;
        cell.value = { formula: hyperlinkFormula(link.sheet, link.cell, text, file), result: text };
        style.font = { color: { argb: 'FF0563C1' }, underline: true };
      } else if (v !== null && numeric) {
        const { value, numFmt } = toNumber(v, kind);
        cell.value = value;
        if (numFmt) style.numFmt = numFmt;
      } else {
        cell.value = v;
      }
      // Text wraps inside its column (long messages, project names); numbers stay on one line.
      if (!numeric && (kind === 'text' || c === messageCol))
        style.alignment = { vertical: 'top', wrapText: true };
      if (row.highlight?.includes(c)) {
        // A printed figure that differs from the computed one: Excel's "Bad" style, as on the form.
        style.font = { ...style.font, color: { argb: `FF${PALETTE.error.fontColor?.slice(1) ?? '9C0006'}` } };
      }
      cell.style = style;
      if (kind === 'severity' && row.severity) setFill(cell, PALETTE[row.severity].fill);
      if (row.highlight?.includes(c)) setFill(cell, PALETTE.error.fill);
    });
  });
  // Wrapped text needs its rows tall enough: not every program fits the height on opening (LibreOffice does not).
  const kindsAll: TableColumnKind[] = table.header.map((_, c) => table.columns[c]?.kind ?? 'text');
  [table.header, ...table.rows.map((r) => r.values)].forEach((values, i) => {
    const lines = Math.max(
      1,
      ...values.map((v, c) =>
        v === null || kindsAll[c] === 'number' || kindsAll[c] === 'percent'
          ? 1
          : Math.ceil(textWidth(String(v)) / Math.max(1, columnWidths[c] - 1)),
      ),
    );
    if (lines > 1) ws.getRow(i + 1).height = 15 * Math.min(lines, 12);
  });
  if (table.rows.length > 0 || width > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: width } };
  }
  printSetup(ws);
}

/** How many default-font character widths a text takes: a CJK character (or a full-width form) two, others one. */
export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** The core's suggested widths, widened (up to 40) so that no run of characters that cannot break — a finding
 *  code such as LEVEL1_WEIGHTS_NONSTANDARD, a number — is cut in two when the text wraps. */
function fittedWidths(table: SheetTable): number[] {
  return table.header.map((_, c) => {
    let longest = 0;
    for (const row of table.rows) {
      const v = row.values[c];
      if (v === null || v === undefined) continue;
      for (const run of String(v).match(/[\x21-\x7e]+/g) ?? []) longest = Math.max(longest, run.length);
    }
    return Math.max(table.widths[c] ?? 10, Math.min(40, longest + 2));
  });
}

/** A4 landscape, fitted to one page wide (as many pages tall as it takes), the header row repeated on every
 *  page, "page / pages" in the footer. */
export function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C&P / &N' };
}

/** =HYPERLINK("#'Sheet'!H6","text"): an in-workbook link that every spreadsheet program follows; with `file`,
 *  a link to that cell in another workbook ("out/a.scored.xlsx#'Sheet'!H6"). */
export function hyperlinkFormula(sheet: string, cell: string, text: string, file?: string): string {
  const target = `${file ?? ''}#${quoteSheet(sheet)}!${cell}`;
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${q(target)},${q(text)})`;
}

/** A number column's value as a JS number, made only here as it is written, with a format showing the
 *  decimals it has ("991403.00" → 991403 as #,##0.00; "97.34%" → 0.9734 as 0.00%). */
function toNumber(v: string | number, kind: TableColumnKind): { value: number; numFmt?: string } {
  if (typeof v === 'number') return { value: v };
  if (kind === 'percent') {
    const p = v.replace(/%$/, '');
    const decimals = p.split('.')[1]?.length ?? 0;
    return { value: Number(shiftPercent(p)), numFmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  const decimals = v.split('.')[1]?.length ?? 0;
  return { value: Number(v), numFmt: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
}
