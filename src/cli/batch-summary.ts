// --summary: the one-row-per-form table (the core's summaryTable) for a whole batch, as CSV (UTF-8 with a BOM so
// Excel opens the Chinese correctly, and no cell a spreadsheet would run as a formula) or as an .xlsx whose 文件
// column links to each scored copy.
import ExcelJS from 'exceljs';
import * as path from 'path';
import { summaryTable, type Lang, type Report, type SheetTable, type TableRow } from '../core';
import { naturalCompare } from '../core/tables';
import { fillTableSheet } from '../hosts/xlsx/tables';

export interface ScoredFile {
  report: Report;
  /** Absolute path of the scored copy, or null when none was written. */
  output: string | null;
}

/** How the report writes a number: an optional minus, digits, an optional fraction, an optional per cent sign. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;

/**
 * CSV formula injection (OWASP, "CSV Injection"): a spreadsheet opening the file runs a cell that starts with
 * = + - @ tab or carriage return as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, `@SUM(1)`). Such a cell gets
 * a leading single quote, so it shows as the text it is. A plain number ("-1200.00", "97.34%") is left as it is:
 * that is how the report writes every amount, rate and score, it can only be read as a number, and a negative
 * amount must stay a number. Anything else starting so ("+1", "-1+1") is text, and quoted.
 */
export function neutraliseCsvCell(s: string): string {
  if (PLAIN_NUMBER.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : neutraliseCsvCell(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function summaryCsv(table: SheetTable): string {
  const lines = [table.header, ...table.rows.map((r) => r.values)].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The batch table: one row a form, files in natural order (单位2 before 单位10), a 金额单位 and a 提示 column,
 *  a printed 总分 the rules do not give highlighted; in the .xlsx each row's 文件 cell links to the form in its
 *  scored copy. */
export function batchTable(files: ScoredFile[], lang: Lang, summaryFile: string): SheetTable {
  const base = summaryTable([], lang, { batch: true });
  const rows: TableRow[] = [];
  const sorted = [...files].sort((a, b) => naturalCompare(a.report.source, b.report.source));
  for (const f of sorted) {
    const t = summaryTable(f.report, lang, { batch: true });
    for (const row of t.rows) {
      const link = row.links?.[0];
      const out: TableRow = { values: row.values };
      if (row.highlight) out.highlight = row.highlight;
      if (f.output && link) {
        const rel = path.relative(path.dirname(summaryFile), f.output).split(path.sep).join('/');
        out.links = [{ column: 0, sheet: link.sheet, cell: link.cell, file: rel } as TableRowLink];
      }
      rows.push(out);
    }
  }
  return { ...base, rows };
}

type TableRowLink = NonNullable<TableRow['links']>[number] & { file?: string };

export async function summaryXlsx(table: SheetTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  fillTableSheet(ws, table);
  const out = (await wb.xlsx.writeBuffer()) as unknown;
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
