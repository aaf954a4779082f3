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

/** The longest text the record puts in one cell: Excel holds at most 32,767 characters a cell and LibreOffice
 *  cuts a longer one on save, so a longer entry goes on in the cells to its right (D, E, …). */
export const SHEET_RECORD_PART_CHARS = 32_000;

/** A text cut into parts of at most `max` characters, never between the two halves of a surrogate pair. */
export function splitRecordText(text: string, max = SHEET_RECORD_PART_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (text.length - at > max) {
    let end = at + max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** The record's rows from A1: the schema and header, then one row a cell (its JSON from column C on, split
 *  into parts of at most SHEET_RECORD_PART_CHARS characters). */
export function sheetRecordRows(tables: string[], entries: SheetRecordEntry[]): (string | null)[][] {
  const header: SheetRecordHeader = { schema: SHEET_RECORD_SCHEMA, tables };
  return [
    [SHEET_RECORD_SCHEMA, JSON.stringify(header)],
    ...entries.map((e) => [e.sheet, e.cell, ...splitRecordText(JSON.stringify(e))]),
  ];
}

/** The text a record cell holds, however the program that saved the file last kept it: a plain string, rich
 *  text (LibreOffice and WPS save long strings so: ExcelJS reads { richText: [{ text }] }), a formula's
 *  result, or a hyperlink's text. null when it holds no text. */
export function recordCellText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText
      .map((r) => (r && typeof r === 'object' ? recordCellText((r as { text?: unknown }).text) : null) ?? '')
      .join('');
  }
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? recordCellText(o.result) : null;
  if ('text' in o) return recordCellText(o.text);
  return null;
}

/** What was read of a record: its table sheets and entries, and what could not be read (a restore that
 *  cannot put back every entry keeps the record and says so). */
export interface ReadSheetRecord {
  tables: string[];
  entries: unknown[];
  /** Rows whose entry is not JSON (cut or rewritten by another program). */
  damaged: number;
  /** The header in B1 is not JSON: the table sheets it names are unknown. */
  headerDamaged: boolean;
}

/** The record read back from the sheet's rows (values from A1, a row's cells from column A; a missing row is
 *  skipped), or null when A1 holds no schema id of it. A cell may hold rich text or a formula result (another
 *  program saved the file), an entry may go on over several cells (written so when longer than
 *  SHEET_RECORD_PART_CHARS; records written before have one cell). A damaged header keeps the table sheets
 *  (none is named); a damaged entry is counted. Entries are plain JSON: the reader checks what it uses. */
export function readSheetRecord(rows: readonly (readonly unknown[] | undefined)[]): ReadSheetRecord | null {
  const first = rows[0];
  if (!first || !isSheetRecordSchema(recordCellText(first[0]))) return null;
  let tables: string[] = [];
  let headerDamaged = false;
  try {
    const header = JSON.parse(recordCellText(first[1]) ?? '') as { tables?: unknown } | null;
    if (header && Array.isArray(header.tables))
      tables = header.tables.filter((t): t is string => typeof t === 'string');
    else headerDamaged = true;
  } catch {
    headerDamaged = true;
  }
  const entries: unknown[] = [];
  let damaged = 0;
  for (const row of rows.slice(1)) {
    if (!row) continue;
    let json = '';
    for (let c = 2; c < row.length; c++) {
      const part = recordCellText(row[c]);
      if (part === null || part === '') break;
      json += part;
    }
    if (json === '') {
      // A row with a sheet and a cell but no entry lost its entry.
      if (recordCellText(row[0]) || recordCellText(row[1])) damaged++;
      continue;
    }
    try {
      entries.push(JSON.parse(json) as unknown);
    } catch {
      damaged++;
    }
  }
  return { tables, entries, damaged, headerDamaged };
}
