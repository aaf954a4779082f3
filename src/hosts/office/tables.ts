// The tables (审核意见, 评分汇总) as sheets of their own: header in bold, column widths, values in blocks of rows
// that fit the payload budget, links to the form's cells (Range.hyperlink, ExcelApi 1.7), text wrapped, and a
// print setup (PageLayout, ExcelApi 1.9): landscape, one page wide, the header row on every page. All of it is
// queued with the sheet's other writes: no sync of its own.
import { columnLetters, quoteSheet, type SheetTable } from '../../core';
import { columnWidthPoints } from '../../core/column-width';
import { utf8Length, type Job } from './batching';

/** The jobs that write `table` as a new sheet named `name`. */
export function tableJobs(
  context: Excel.RequestContext,
  table: SheetTable,
  name: string,
  opts: { links: boolean; limit: number; pageLayout?: boolean },
): Job[] {
  const jobs: Job[] = [];
  let ws: Excel.Worksheet | null = null;
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.values.length));
  const last = columnLetters(Math.max(0, width - 1));
  jobs.push({
    bytes: 400 + width * 60,
    queue: () => {
      ws = context.workbook.worksheets.add(name);
      const header = ws.getRange(`A1:${last}1`);
      header.values = [pad(table.header, width)];
      header.format.font.bold = true;
      table.widths.forEach((w, c) => {
        if (ws)
          ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = columnWidthPoints(w);
      });
      // The header and the text columns (long messages, project names) wrap inside their widths; numbers do not.
      header.format.wrapText = true;
      table.columns.forEach((col, c) => {
        if (ws && table.rows.length > 0 && (col.kind === 'text' || col.kind === 'severity')) {
          const letter = columnLetters(c);
          ws.getRange(`${letter}2:${letter}${table.rows.length + 1}`).format.wrapText = true;
        }
      });
      if (opts.pageLayout) printSetup(ws);
    },
  });
  const { links } = opts;
  // Blocks of rows, each well inside the payload budget (a block is one write of values).
  const rowBytes = (r: SheetTable['rows'][number]): number =>
    60 + utf8Length(JSON.stringify(r.values)) + (links ? (r.links?.length ?? 0) * 160 : 0);
  for (let start = 0; start < table.rows.length;) {
    let end = start;
    let bytes = 200;
    while (
      end < table.rows.length &&
      (end === start || bytes + rowBytes(table.rows[end]) <= opts.limit / 2)
    ) {
      bytes += rowBytes(table.rows[end]);
      end++;
    }
    const rows = table.rows.slice(start, end);
    const top = start + 2;
    jobs.push({
      bytes,
      queue: () => {
        if (!ws) return;
        const block = ws.getRange(`A${top}:${last}${top + rows.length - 1}`);
        block.values = rows.map((r) => pad(r.values.map(tableValue), width));
        if (!links) return;
        rows.forEach((r, i) => {
          for (const l of r.links ?? []) {
            if (!ws) continue;
            ws.getRange(`${columnLetters(l.column)}${top + i}`).hyperlink = {
              documentReference: `${quoteSheet(l.sheet)}!${l.cell}`,
              textToDisplay: String(r.values[l.column] ?? `${l.sheet}!${l.cell}`),
            };
          }
        });
      },
    });
    start = end;
  }
  return jobs;
}

/** Print-ready (ExcelApi 1.9): landscape, fitted to one page wide (as many pages tall as it takes), the header
 *  row repeated at the top of every page. */
function printSetup(ws: Excel.Worksheet): void {
  ws.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  ws.pageLayout.setPrintTitleRows('$1:$1');
}

function pad(values: (string | number | null)[], width: number): (string | number)[] {
  const out = values.map((v) => (v === null ? '' : v));
  while (out.length < width) out.push('');
  return out;
}

/** Table text is written as it is (Excel may read "97.34%" or "965043.97" as numbers, which suits a table),
 *  except text Excel would take for a formula. */
function tableValue(v: string | number | null): string | number | null {
  if (typeof v !== 'string') return v;
  const formulaLike = /^[=@]/.test(v) || (/^[+-]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v));
  return formulaLike ? `'${v}` : v;
}
