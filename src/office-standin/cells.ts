// Cell-level operations on a FakeWorkbookModel, with Excel's rules where the add-in can observe them:
// what an empty cell reads as, how a written string is coerced, what the used range is; and the rectangle of
// cells a Range proxy stands for (RangeTarget), read and changed cell by cell with Excel's errors.
import {
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  parseRangeRef,
  splitSheetRef as splitA1SheetRef,
  toA1,
  type CellRange,
} from '../core/a1';
import type { FakeBehaviours } from './behaviours';
import { FakeOfficeError } from './errors';
import type { FakeCell, FakeSheet, FakeValue, FakeWorkbookModel } from './model';

export { MAX_COLS, MAX_ROWS };
export const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

/** What Excel reports for a cell without fill (RangeFill.color: "#FFFFFF", office-js#4900 and #6218,
 *  https://github.com/OfficeDev/office-js/issues/6218) and for the automatic font colour (black). */
export const NO_FILL_COLOR = '#FFFFFF';
export const AUTOMATIC_FONT_COLOR = '#000000';

/** An address the stand-in cannot read fails as Excel does, with InvalidArgument. */
function invalidArgument<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new FakeOfficeError('InvalidArgument', undefined, e instanceof Error ? e.message : String(e));
  }
}

/** "'My ''x'' sheet'!A1:B2" → { sheet: "My 'x' sheet", ref: "A1:B2" } (core/a1.ts), InvalidArgument if bad. */
export function splitSheetRef(address: string): { sheet: string | null; ref: string } {
  return invalidArgument(() => splitA1SheetRef(address));
}

/** "A1", "$A$1:B2", "B:D", "3:5" → a rectangle (core/a1.ts), InvalidArgument if bad or outside the sheet. */
export function parseRef(ref: string): CellRange {
  return invalidArgument(() => parseRangeRef(ref));
}

export function findSheet(model: FakeWorkbookModel, name: string): FakeSheet | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function isEmptyCell(c: FakeCell): boolean {
  return (
    (c.value === null || c.value === '') &&
    c.formula === undefined &&
    c.numberFormat === undefined &&
    c.fill === undefined &&
    c.fontColor === undefined &&
    c.note === undefined &&
    c.bold === undefined &&
    c.wrapText === undefined &&
    c.hyperlink === undefined
  );
}

/** Change one cell; the entry disappears again when nothing is left in it, so that a model written and
 *  restored compares equal to the original. */
export function editCell(sheet: FakeSheet, row: number, col: number, change: (c: FakeCell) => void): void {
  const key = toA1(row, col);
  const cell: FakeCell = sheet.cells[key] ?? { value: null };
  change(cell);
  for (const k of Object.keys(cell) as (keyof FakeCell)[]) {
    if (k !== 'value' && cell[k] === undefined) delete cell[k];
  }
  if (isEmptyCell(cell)) delete sheet.cells[key];
  else sheet.cells[key] = cell;
}

export function forEachCell(
  box: CellRange,
  fn: (row: number, col: number, r: number, c: number) => void,
): void {
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) fn(row, col, row - box.top, col - box.left);
  }
}

/** Rows and columns of a rectangle (Range.rowCount, Range.columnCount). */
export function boxSize(box: CellRange): { rows: number; cols: number } {
  return { rows: box.bottom - box.top + 1, cols: box.right - box.left + 1 };
}

export function boxCells(box: CellRange): number {
  const { rows, cols } = boxSize(box);
  return rows * cols;
}

/** The one-cell rectangle at (row, col). */
export function cellBox(row: number, col: number): CellRange {
  return { top: row, left: col, bottom: row, right: col };
}

/** Excel's used range: the bounding box of cells with a value or formula (valuesOnly), or with anything. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let box: CellRange | null = null;
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const hasValue = (cell.value !== null && cell.value !== '') || cell.formula !== undefined;
    if (valuesOnly ? !hasValue : isEmptyCell(cell)) continue;
    const { row, col } = parseA1(addr);
    if (!box) box = cellBox(row, col);
    else {
      box.top = Math.min(box.top, row);
      box.left = Math.min(box.left, col);
      box.bottom = Math.max(box.bottom, row);
      box.right = Math.max(box.right, col);
    }
  }
  return box;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** What a cell reads as through Range.values: "" for empty (excel-add-ins-blank-null-values.md,
 *  https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values); a date is its serial
 *  number and an error its text ("#DIV/0!"). */
export function readValue(c: FakeCell | undefined): FakeValue {
  if (!c || c.value === null) return '';
  return c.value;
}

export function readFormula(c: FakeCell | undefined): FakeValue {
  if (c?.formula !== undefined) return c.formula;
  return readValue(c);
}

/** Range.numberFormat is the English format code, "General" by default (Range.numberFormatLocal is the
 *  user's language: the stand-in has none). */
export function readNumberFormat(c: FakeCell | undefined): string {
  return c?.numberFormat ?? 'General';
}

/** Range.valueTypes (ExcelApi 1.1, index.d.ts:38741): Empty, String, Double, Boolean or Error. */
export function readValueType(c: FakeCell | undefined): string {
  const v = readValue(c);
  if (v === '' || v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/.test(v)
    ? 'Error'
    : 'String';
}

export type Coerced =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'value'; value: FakeValue; numberFormat?: string }
  | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** How Excel stores a value written through Range.values (or Range.formulas when `formulas`):
 *  null leaves the cell as it is, "" empties it (excel-add-ins-blank-null-values.md,
 *  https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), a leading apostrophe
 *  keeps text as text and is not part of the value (excel-behaviours.md §2.6), "=…" is a formula, and text that reads as a number, a percentage or a boolean becomes one (unless
 *  the cell is formatted "@"). A number written into an "@" cell stays a number or becomes text as
 *  `numberIntoTextCell` says (UNVERIFIED, F12). */
export function coerceInput(
  input: unknown,
  numberFormat: string | undefined,
  numberIntoTextCell: FakeBehaviours['numberIntoTextCell'] = 'number',
): Coerced {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new FakeOfficeError('InvalidArgument', undefined, `not a finite number`);
    if (numberFormat === '@' && numberIntoTextCell === 'text') return { kind: 'value', value: String(input) };
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') {
    throw new FakeOfficeError(
      'InvalidArgument',
      undefined,
      `unsupported cell value ${JSON.stringify(input)}`,
    );
  }
  if (input === '') return { kind: 'clear' };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (numberFormat === '@') return { kind: 'value', value: input };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const t = input.trim();
  if (/\d/.test(t) && NUMBER.test(t)) return { kind: 'value', value: Number(t.replace(/,/g, '')) };
  const pct = /^(.*)%$/.exec(t);
  if (pct && /\d/.test(pct[1]) && NUMBER.test(pct[1].trim())) {
    const digits = pct[1].trim().replace(/,/g, '');
    // A decimal shift, as Excel parses it: "97.35%" is 0.9735, not 97.35 / 100.
    const n = /[eE]/.test(digits) ? Number(digits) / 100 : Number(`${digits}e-2`);
    const decimals = /\.(\d+)/.exec(pct[1])?.[1].length ?? 0;
    const fmt =
      numberFormat === undefined || numberFormat === 'General' ? (decimals ? '0.00%' : '0%') : undefined;
    return { kind: 'value', value: n, numberFormat: fmt };
  }
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  return { kind: 'value', value: input };
}

export function normColor(color: unknown, location: string): string {
  if (typeof color !== 'string')
    throw new FakeOfficeError('InvalidArgument', location, 'colour must be a string');
  const named: Record<string, string> = {
    white: '#FFFFFF',
    black: '#000000',
    red: '#FF0000',
    green: '#008000',
    blue: '#0000FF',
    yellow: '#FFFF00',
  };
  const c = named[color.toLowerCase()] ?? color;
  if (!/^#[0-9A-Fa-f]{6}$/.test(c))
    throw new FakeOfficeError('InvalidArgument', location, `bad colour ${color}`);
  return c.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------
// The cells behind a Range proxy

/** "On all platforms, a range is limited to five million cells for get operations" (resource-limits.md,
 *  https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization). */
export const MAX_GET_CELLS = 5_000_000;

export interface RangeTarget {
  sheet: FakeSheet;
  box: CellRange;
}

export function sheetOf(model: FakeWorkbookModel, name: string, location: string): FakeSheet {
  const s = findSheet(model, name);
  if (!s) throw new FakeOfficeError('ItemNotFound', location, `no worksheet named "${name}"`);
  return s;
}

/** Writes to a protected sheet fail. The code Excel gives is not documented (a review of the host found nothing
 *  that depends on it); AccessDenied is its message for "The cell or chart you're trying to change is on a
 *  protected sheet". */
export function guardWrite(sheet: FakeSheet, location: string): void {
  if (sheet.protected)
    throw new FakeOfficeError('AccessDenied', location, `worksheet "${sheet.name}" is protected`);
}

/** A get over five million cells: RangeExceedsLimit, "The cell count in the range has exceeded the maximum
 *  supported number" (application-specific-api-error-handling.md), or a null answer instead ("In some cases,
 *  `Range.values` returns `null`", performance.md): which one is UNVERIFIED (behaviours.ts). Gives true when the
 *  answer is null. */
function overLimit(
  box: CellRange,
  location: string,
  behaviour: FakeBehaviours['overFiveMillionCells'],
): boolean {
  if (boxCells(box) <= MAX_GET_CELLS) return false;
  if (behaviour === 'values-null') return true;
  throw new FakeOfficeError('RangeExceedsLimit', location, `${boxCells(box)} cells`);
}

/** A 2-D array written to a range must have the range's size; `detail` ends the message. */
export function checkGridShape(input: unknown, box: CellRange, location: string, detail = ''): void {
  const { rows, cols } = boxSize(box);
  if (
    Array.isArray(input) &&
    !(input.length === rows && input.every((row: unknown) => Array.isArray(row) && row.length === cols))
  ) {
    throw new FakeOfficeError('InvalidArgument', location, `the array is not ${rows}×${cols}${detail}`);
  }
}

/** The input for the cell at (r, c) of the range: from a 2-D array, or the one value given for every cell. */
export function inputAt(input: unknown, r: number, c: number): unknown {
  return Array.isArray(input) ? (input[r] as unknown[])[c] : input;
}

export function grid<V>(
  t: RangeTarget,
  location: string,
  read: (c: FakeCell | undefined) => V,
  over: FakeBehaviours['overFiveMillionCells'] = 'RangeExceedsLimit',
): V[][] | null {
  if (overLimit(t.box, location, over)) return null;
  // From the cells there are, not from every address of the box: a read of millions of mostly empty cells
  // stays quick.
  const { rows, cols } = boxSize(t.box);
  const blank = read(undefined);
  const out: V[][] = Array.from({ length: rows }, () => new Array<V>(cols).fill(blank));
  for (const [addr, cell] of Object.entries(t.sheet.cells)) {
    const { row, col } = parseA1(addr);
    if (row >= t.box.top && row <= t.box.bottom && col >= t.box.left && col <= t.box.right)
      out[row - t.box.top][col - t.box.left] = read(cell);
  }
  return out;
}

/** One value when every cell of the range agrees, else null (as Excel reports a mixed format). Cells that do
 *  not exist in the model count as default cells. */
export function uniform<V>(t: RangeTarget, read: (c: FakeCell | undefined) => V): V | null {
  const seen = new Set<string>();
  let first: V | undefined;
  const see = (cell: FakeCell | undefined): void => {
    const v = read(cell);
    seen.add(JSON.stringify(v));
    first ??= v;
  };
  let count = 0;
  for (const [addr, cell] of Object.entries(t.sheet.cells)) {
    if (!intersects(parseRef(addr), t.box)) continue;
    count++;
    see(cell);
  }
  if (count < boxCells(t.box)) see(undefined);
  return seen.size === 1 ? (first as V) : null;
}

/** Apply `change` to every cell of the range (creating cells as needed). */
export function editRange(
  t: RangeTarget,
  location: string,
  change: (c: FakeCell, r: number, col: number) => void,
): void {
  guardWrite(t.sheet, location);
  if (boxCells(t.box) > 1_000_000) {
    throw new FakeOfficeError(
      'InvalidArgument',
      location,
      'the stand-in does not format more than 1,000,000 cells',
    );
  }
  forEachCell(t.box, (row, col, r, c) => editCell(t.sheet, row, col, (cell) => change(cell, r, c)));
}
