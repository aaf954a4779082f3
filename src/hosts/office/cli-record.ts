// The command line's restore record (format: src/hosts/record/sheet-record.ts), read by the Office host: a file
// scored with the CLI and opened in Excel keeps it in the very hidden sheet `selfeval_restore`. Here its entries
// (ExcelJS styles, notes and serialized values) become the Office host's own RecordedCell, so that one restore
// puts back the marks of both. Pure (no Office.js): tested with the record the xlsx host writes.
import {
  colorToHex,
  readSheetRecord,
  RESTORE_SCHEMA,
  sameColor,
  type CellBefore,
  type CellWrote,
  type ColorLike,
  type RecordedCell,
  type RestoreRecord,
  type Scalar,
} from '../record';
import { sameText, sameValue } from './cells';

/** A cell of the CLI's record as the Office host restores it. */
export interface CliRecordedCell extends RecordedCell {
  /** The record has no `wrote` (written before the CLI kept it): every property counts as still the CLI's. */
  anyMark?: boolean;
  /** The entry holds no value (a cell of a merged area other than its top-left one): its content counts as
   *  unchanged, and its value and note are not touched. */
  markOnly?: boolean;
  /** The cell held a shared formula (ExcelJS keeps only its master's address, not the formula): a value the
   *  CLI wrote over it is not put back (a constant over a formula would be worse); the cell counts as kept. */
  shared?: boolean;
  /** From the CLI's record: its note (the note before, on the area's top-left cell) is put back as a note
   *  whatever the add-in's own explanation mode. */
  cli: true;
}

/** A cell of either record, as the restore goes through it. */
export type RestoreCell = RecordedCell & Partial<Omit<CliRecordedCell, keyof RecordedCell>>;

export interface CliRecord {
  /** The sheets the CLI added (审核意见, 评分汇总, as named in its record). */
  tables: string[];
  cells: CliRecordedCell[];
  /** Rows (and the header) of the record that could not be read (cut or rewritten by another program): the
   *  restore then changes nothing and keeps the record (unreadableRecordError). */
  unreadable: number;
}

/** A CLI record that cannot be put back whole is kept, and the restore says so before changing anything. */
export function unreadableRecordError(n: number): Error {
  return new Error(
    `还原记录（工作表 selfeval_restore）中有 ${n} 处无法读取（可能被其他程序截断或改写），未清除任何标记，记录已保留 / ` +
      `${n} part(s) of the restore record (sheet selfeval_restore) cannot be read (another program may have cut ` +
      'or rewritten it): no mark was cleared and the record is kept',
  );
}

interface Entry {
  sheet?: unknown;
  cell?: unknown;
  style?: {
    numFmt?: unknown;
    fill?: { type?: unknown; pattern?: unknown; fgColor?: unknown };
    font?: { color?: unknown };
  };
  note?: unknown;
  value?: unknown;
  written?: unknown;
  wrote?: { fill?: unknown; fontColor?: unknown; note?: unknown };
}

/** The record from the sheet's used range (values from A1), or null when it is not one. */
export function parseCliRecord(values: unknown[][]): CliRecord | null {
  const record = readSheetRecord(values);
  if (!record) return null;
  const cells: CliRecordedCell[] = [];
  for (const entry of record.entries) {
    const cell = entry && typeof entry === 'object' ? fromEntry(entry as Entry) : null;
    if (cell) cells.push(cell);
  }
  return { tables: record.tables, cells, unreadable: record.damaged + (record.headerDamaged ? 1 : 0) };
}

function fromEntry(e: Entry): CliRecordedCell | null {
  if (typeof e.sheet !== 'string' || typeof e.cell !== 'string') return null;
  const style = e.style ?? {};
  const content = 'value' in e ? officeContent(e.value) : { value: '' as Scalar, formula: null };
  const numFmt = style.numFmt;
  const before: CellBefore = {
    value: content.value,
    formula: content.formula,
    numberFormat: typeof numFmt === 'string' && numFmt !== '' ? numFmt : 'General',
    fill: fillColor(style.fill),
    // Excel's default (automatic) font colour reads as black.
    fontColor: hexOf(style.font?.color) ?? '#000000',
  };
  if ('note' in e) before.note = e.note === null || e.note === undefined ? null : (noteText(e.note) ?? null);
  const w = e.wrote;
  const wrote: CellWrote = { fill: w && typeof w.fill === 'string' ? w.fill : '' };
  if (w && typeof w.fontColor === 'string') wrote.fontColor = w.fontColor;
  if (w && typeof w.note === 'string') wrote.note = w.note;
  if ('written' in e) {
    const v = e.written;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') wrote.value = v;
  }
  const cell = e.cell.replace(/\$/g, '').toUpperCase();
  const out: CliRecordedCell = { sheet: e.sheet, cell, before, wrote, cli: true };
  if (!w) out.anyMark = true;
  if (!('value' in e)) out.markOnly = true;
  if (content.shared) out.shared = true;
  return out;
}

/** An ExcelJS fill as Excel's API shows it: a pattern with a foreground colour is that colour; no fill (absent,
 *  pattern "none", or a colour we cannot resolve) is null. */
function fillColor(fill: NonNullable<Entry['style']>['fill']): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none' || fill.pattern === undefined) return null;
  return hexOf(fill.fgColor) ?? null;
}

/** An ExcelJS colour ({ argb: "FFRRGGBB" }, a theme or an indexed colour) as "#RRGGBB". */
function hexOf(color: unknown): string | undefined {
  if (!color || typeof color !== 'object') return undefined;
  return colorToHex(color as ColorLike)?.toUpperCase();
}

function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: unknown }[] } | null)?.texts;
  if (!Array.isArray(texts)) return undefined;
  const s = texts.map((t) => (typeof t.text === 'string' ? t.text : '')).join('');
  return s === '' ? undefined : s;
}

/** A serialized ExcelJS value (see serializeValue in the xlsx host) as Excel's API holds it: a formula as
 *  "=…" with its cached result; a date as its serial number; rich text and hyperlinks as their text; an error
 *  as its text. A shared formula (ExcelJS keeps only the master cell's address) is taken as its cached result:
 *  the restore then counts such a cell as changed (kept) rather than write a constant over a formula. */
export function officeContent(v: unknown): { value: Scalar; formula: string | null; shared?: boolean } {
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return { value: v, formula: null };
  if (typeof v !== 'object') return { value: String(v), formula: null };
  const o = v as Record<string, unknown>;
  if ('$date' in o) return { value: dateSerial(String(o.$date)), formula: null };
  if (typeof o.formula === 'string') {
    return { value: officeContent(o.result).value, formula: `=${o.formula.replace(/^=/, '')}` };
  }
  if (typeof o.sharedFormula === 'string')
    return { value: officeContent(o.result).value, formula: null, shared: true };
  if (Array.isArray(o.richText)) {
    const parts = o.richText as { text?: unknown }[];
    return { value: parts.map((p) => (typeof p.text === 'string' ? p.text : '')).join(''), formula: null };
  }
  if ('hyperlink' in o) return { value: officeContent(o.text).value, formula: null };
  if (typeof o.error === 'string') return { value: o.error, formula: null };
  return { value: '', formula: null };
}

/** A date (ISO, as ExcelJS keeps it in UTC) as Excel's serial number (1900 system). */
function dateSerial(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t / 86_400_000 + 25_569;
}

/**
 * The add-in's record and the CLI's as one. A cell only the CLI marked is restored from the CLI's entry. A cell
 * in both was scored by the add-in after the CLI, before the add-in knew the CLI's record: the add-in took the
 * CLI's marks for the originals. Where a property the add-in recorded as "before" is still what the CLI left,
 * the CLI's original replaces it, so the restore goes back past both; a value the CLI wrote, and the add-in did
 * not overwrite, is then put back as the CLI's own written value would be.
 */
export function withCliRecord(
  own: RestoreRecord | null,
  cli: CliRecord,
  explanation: RestoreRecord['explanation'],
): {
  schema: typeof RESTORE_SCHEMA;
  explanation: RestoreRecord['explanation'];
  sheets: string[];
  cells: RestoreCell[];
} {
  const cells: RestoreCell[] = own ? [...own.cells] : [];
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(`${c.sheet.toLowerCase()}!${c.cell}`, i));
  for (const c of cli.cells) {
    const i = index.get(`${c.sheet.toLowerCase()}!${c.cell}`);
    if (i === undefined) {
      index.set(`${c.sheet.toLowerCase()}!${c.cell}`, cells.length);
      cells.push(c);
    } else cells[i] = pastTheCli(cells[i], c);
  }
  return {
    schema: RESTORE_SCHEMA,
    explanation: own?.explanation ?? explanation,
    sheets: own ? [...own.sheets] : [],
    cells,
  };
}

function pastTheCli(own: RestoreCell, cli: CliRecordedCell): RestoreCell {
  const before: CellBefore = { ...own.before };
  const wrote: CellWrote = { ...own.wrote };
  if (cli.anyMark || sameColor(before.fill, cli.wrote.fill)) before.fill = cli.before.fill;
  if (cli.anyMark || (cli.wrote.fontColor !== undefined && sameColor(before.fontColor, cli.wrote.fontColor)))
    before.fontColor = cli.before.fontColor;
  if (
    before.note !== undefined &&
    cli.before.note !== undefined &&
    (cli.anyMark || sameText(before.note ?? undefined, cli.wrote.note))
  )
    before.note = cli.before.note;
  if (
    cli.wrote.value !== undefined &&
    !cli.shared &&
    before.formula === null &&
    sameValue(before.value, cli.wrote.value)
  ) {
    before.value = cli.before.value;
    before.formula = cli.before.formula;
    before.numberFormat = cli.before.numberFormat;
    if (wrote.value === undefined) wrote.value = cli.wrote.value;
  }
  return { ...own, before, wrote };
}
