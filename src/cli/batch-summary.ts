// --summary: the one-row-per-form table (the core's summaryTable) for a whole batch, as CSV (UTF-8 with a BOM so
// Excel opens the Chinese correctly) or as an .xlsx whose 文件 column links to each scored copy.
import ExcelJS from 'exceljs';
import * as path from 'path';
import { summaryTable, type Lang, type Report, type SheetTable, type TableRow } from '../core';
import { fillTableSheet } from '../hosts/xlsx/tables';

export interface ScoredFile {
  report: Report;
  /** Absolute path of the scored copy, or null when none was written. */
  output: string | null;
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function summaryCsv(table: SheetTable): string {
  const lines = [table.header, ...table.rows.map((r) => r.values)].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The batch table; in the .xlsx each row's 文件 cell links to the form in its scored copy. */
export function batchTable(files: ScoredFile[], lang: Lang, summaryFile: string): SheetTable {
  const base = summaryTable([], lang);
  const rows: TableRow[] = [];
  for (const f of files) {
    const t = summaryTable(f.report, lang);
    for (const row of t.rows) {
      const link = row.links?.[0];
      const out: TableRow = { values: row.values };
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
