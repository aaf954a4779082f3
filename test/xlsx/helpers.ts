// Shared helpers for the xlsx host and CLI tests: workbooks to bytes and back, and a cell-by-cell snapshot.
import ExcelJS from 'exceljs';
import { a1, rc } from '../fixtures/sheet-builder';

export async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function fromBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

export interface CellSnapshot {
  value: unknown;
  style: unknown;
  note: unknown;
}

/** Every stored cell of a sheet: its value (formulas included), full style and note, as plain data. */
export function snapshotSheet(ws: ExcelJS.Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, {
        value: JSON.parse(JSON.stringify(cell.value ?? null)),
        style: JSON.parse(JSON.stringify(cell.style ?? {})),
        note: cell.note === undefined ? null : JSON.parse(JSON.stringify(cell.note)),
      });
    });
  });
  return out;
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return [...(ws.model.merges ?? [])].sort();
}

export function widths(ws: ExcelJS.Worksheet): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) out.push(ws.getColumn(c).width);
  return out;
}

/** Every cell of an A1 range, e.g. "G7:I7" → G7, H7, I7. */
export function cellsOfRange(range: string): string[] {
  const m = /^([A-Z]+\d+):([A-Z]+\d+)$/.exec(range);
  if (!m) return [range];
  const from = rc(m[1]);
  const to = rc(m[2]);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) {
    for (let c = from.col; c <= to.col; c++) out.push(a1(r, c));
  }
  return out;
}
