// Cell-level operations on a FakeWorkbookModel, with Excel's rules where the add-in can observe them:
// what an empty cell reads as, how a written string is coerced, what the used range is.
import { parseA1, toA1, type CellRange } from '../core/grid';
import { FakeOfficeError } from './errors';
import type { FakeCell, FakeSheet, FakeValue, FakeWorkbookModel } from './model';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

/** What Excel reports for a cell without fill (RangeFill.color) and for the automatic font colour. */
export const NO_FILL_COLOR = '#FFFFFF';
export const AUTOMATIC_FONT_COLOR = '#000000';

/** Sheet names Excel writes without quotes in an address: letters, digits, '_' and '.', not starting with a
 *  digit, and not themselves a cell reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'My ''x'' sheet'!A1:B2" → { sheet: "My 'x' sheet", ref: "A1:B2" }; "A1" → { sheet: null, ref: "A1" }. */
export function splitSheetRef(address: string): { sheet: string | null; ref: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i];
      i++;
    }
    if (a[i + 1] !== '!') throw new FakeOfficeError('InvalidArgument', undefined, `bad address ${address}`);
    return { sheet: name, ref: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf('!');
  return bang < 0 ? { sheet: null, ref: a } : { sheet: a.slice(0, bang), ref: a.slice(bang + 1) };
}

/** "A1", "$A$1:B2", "B:D" (whole columns), "3:5" (whole rows) → a rectangle. */
export function parseRef(ref: string): CellRange {
  const clean = ref.replace(/\$/g, '').trim().toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(clean);
  if (cols) {
    const a = parseA1(`${cols[1]}1`).col;
    const b = parseA1(`${cols[2]}1`).col;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(clean);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 };
  }
  const m = /^([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?$/.exec(clean);
  if (!m) throw new FakeOfficeError('InvalidArgument', undefined, `not a range address: ${ref}`);
  const p = parseA1(m[1]);
  const q = m[2] ? parseA1(m[2]) : p;
  const box = {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
  if (box.bottom >= MAX_ROWS || box.right >= MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', undefined, `outside the sheet: ${ref}`);
  }
  return box;
}

export function boxRef(box: CellRange): string {
  const a = toA1(box.top, box.left);
  const b = toA1(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** Excel's Range.address: always with the sheet name. */
export function fullAddress(sheet: string, box: CellRange): string {
  return `${quoteSheetName(sheet)}!${boxRef(box)}`;
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

export function boxCells(box: CellRange): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/** Excel's used range: the bounding box of cells with a value or formula (valuesOnly), or with anything. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let box: CellRange | null = null;
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const hasValue = (cell.value !== null && cell.value !== '') || cell.formula !== undefined;
    if (valuesOnly ? !hasValue : isEmptyCell(cell)) continue;
    const { row, col } = parseA1(addr);
    if (!box) box = { top: row, left: col, bottom: row, right: col };
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

/** What a cell reads as through Range.values: "" for empty. */
export function readValue(c: FakeCell | undefined): FakeValue {
  if (!c || c.value === null) return '';
  return c.value;
}

export function readFormula(c: FakeCell | undefined): FakeValue {
  if (c?.formula !== undefined) return c.formula;
  return readValue(c);
}

export function readNumberFormat(c: FakeCell | undefined): string {
  return c?.numberFormat ?? 'General';
}

export type Coerced =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'value'; value: FakeValue; numberFormat?: string }
  | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** How Excel stores a value written through Range.values (or Range.formulas when `formulas`):
 *  null leaves the cell as it is, "" empties it, a leading apostrophe keeps text as text, "=…" is a formula,
 *  and text that reads as a number, a percentage or a boolean becomes one (unless the cell is formatted "@"). */
export function coerceInput(input: unknown, numberFormat: string | undefined): Coerced {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new FakeOfficeError('InvalidArgument', undefined, `not a finite number`);
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
