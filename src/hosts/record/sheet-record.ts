// The command line's restore record: the xlsx host writes it into a scored file, the Office host reads it when
// that file is opened in Excel, so that either one can put back the marks of both. It lives in the very hidden
// sheet `selfeval_restore`: A1 the schema id, B1 the header JSON { schema, tables }, from row 2 one entry a
// row (sheet, cell, entry JSON). Each entry holds the cell's style before (as ExcelJS holds it), on the cell
// holding the note also the note and the value before, the value written, and what the CLI left (`wrote`).
// Pure data: neither ExcelJS nor Office.js is needed to write or read it.

/** The sheet the record is kept in. */
export const SHEET_RECORD_NAME = 'selfeval_restore';

/** The record's schema id, in A1 and in the header. */
export const SHEET_RECORD_SCHEMA = 'selfeval-restore-sheet/1';

/** The id the record was written under before it had one of its own (the add-in's XML record still uses it):
 *  files scored then are still restored. */
export const OLD_SHEET_RECORD_SCHEMAS: readonly string[] = ['selfeval-restore/1'];

/** The header in B1: the schema id again and the sheets the tables were written to (removed on restore). */
export interface SheetRecordHeader {
  schema: string;
  tables: string[];
}

/** What one touched cell looked like before, and what the CLI wrote into it. `Style`, `Note` and `Value` are
 *  ExcelJS's style, note and (serialized) cell value when the xlsx host writes an entry; a reader takes them as
 *  unknown JSON. */
export interface SheetRecordEntry<Style = unknown, Note = unknown, Value = unknown> {
  sheet: string;
  cell: string;
  style: Style;
  /** Only for the cell holding the note (the area's top-left cell): the note before, null for none. */
  note?: Note | null;
  /** Only for the cell holding the note: the value before (serialized: a date as { $date: ISO }). */
  value?: Value;
  /** Only when a value was written: the value written. */
  written?: Value;
  /** What the CLI left on the cell: its fill and font colour ("#RRGGBB", the font colour only when it set
   *  one) and, on the top-left cell, the note's text. A restore puts a property back only while it is still
   *  this. Absent in records written before it was kept: every property is then taken as still the CLI's. */
  wrote?: { fill: string; fontColor?: string; note?: string };
}

/** A1 holds a schema id this record is read under (its own, or the old shared one). */
export function isSheetRecordSchema(a1: unknown): boolean {
  return a1 === SHEET_RECORD_SCHEMA || OLD_SHEET_RECORD_SCHEMAS.includes(a1 as string);
}

/** The record's rows from A1: the schema and header, then one row a cell. */
export function sheetRecordRows(tables: string[], entries: SheetRecordEntry[]): (string | null)[][] {
  const header: SheetRecordHeader = { schema: SHEET_RECORD_SCHEMA, tables };
  return [
    [SHEET_RECORD_SCHEMA, JSON.stringify(header)],
    ...entries.map((e) => [e.sheet, e.cell, JSON.stringify(e)]),
  ];
}

/** The record read back from the sheet's rows (values from A1; a missing row is skipped), or null when A1
 *  holds no schema id of it. A damaged header keeps the table sheets (none is named); a damaged entry is
 *  skipped, the rest is still restored. Entries are plain JSON: the reader checks what it uses. */
export function readSheetRecord(
  rows: readonly (readonly unknown[] | undefined)[],
): { tables: string[]; entries: unknown[] } | null {
  const first = rows[0];
  if (!first || !isSheetRecordSchema(first[0])) return null;
  let tables: string[] = [];
  try {
    const header = JSON.parse(String(first[1] ?? '')) as { tables?: unknown } | null;
    if (header && Array.isArray(header.tables))
      tables = header.tables.filter((t): t is string => typeof t === 'string');
  } catch {
    // A damaged header: the cells are still put back, the table sheets stay.
  }
  const entries: unknown[] = [];
  for (const row of rows.slice(1)) {
    const json = row?.[2];
    if (typeof json !== 'string' || json === '') continue;
    try {
      entries.push(JSON.parse(json) as unknown);
    } catch {
      // A damaged line is skipped: the rest is still restored.
    }
  }
  return { tables, entries };
}
