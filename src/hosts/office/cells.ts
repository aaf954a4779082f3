// Cells as Excel's API reads and takes them: what the Office host compares and writes when it marks and
// restores cells, and how it names them (proxies by sheet, "sheet!A1" keys).
import { columnLetters, parseA1, parseAddress } from '../../core';
import { sameColor, type Scalar } from '../record';

/** Text Excel would turn into something else when written (a number, a percentage, a date, a boolean, a
 *  formula) gets a leading apostrophe, which Excel keeps out of the value: the text comes back as text. */
export function literal(value: Scalar, numberFormat?: string): Scalar {
  if (typeof value !== 'string' || value === '' || numberFormat === '@') return value;
  const t = value.trim();
  const coerced =
    /^[=+\-@']/.test(value) ||
    (/\d/.test(t) && /^[+-]?[\d.,\s]*(?:[eE][+-]?\d+)?\s*%?$/.test(t)) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}\s*[-/年.]\s*\d{1,2}/.test(t) ||
    /^\d{1,2}\s*:\s*\d{2}/.test(t) ||
    /^[$¥￥€£]\s*[\d,.]+$/.test(t) ||
    /^\(\s*[\d,.]+\s*\)$/.test(t);
  return coerced ? `'${value}` : value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** A touched cell as it is now (loaded with CELL_PROPS, and fill pattern from ExcelApi 1.9). */
export interface CellState {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string;
}

/** What a cell's state is loaded with; `withPattern` (ExcelApi 1.9) tells no fill from a white fill. */
export function cellProps(withPattern: boolean): string {
  return `values,formulas,numberFormat,format/fill/color,format/font/color${withPattern ? ',format/fill/pattern,format/fill/tintAndShade' : ''}`;
}

/** The state of a one-cell range loaded with cellProps(withPattern), after the sync. */
export function cellState(range: Excel.Range, withPattern: boolean): CellState {
  const value = range.values[0][0] as Scalar;
  const f = range.formulas[0][0] as unknown;
  const color = range.format.fill.color;
  const noFill = withPattern ? isNoFill(range.format.fill) : sameColor(color, '#FFFFFF');
  return {
    value,
    // Range.formulas gives a cell without a formula its value (Excel.Range.formulas: "If a cell has no formula,
    // its value is returned instead", https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-
    // range-formulas-member): a text constant "=20" reads "=20" in both, and is a value, put back through
    // Range.values with literal()'s apostrophe (Excel.Range.values: a value written that starts with "=", "+"
    // or "-" is taken as a formula). A formula whose result is its own text cannot be told from it.
    formula: typeof f === 'string' && f.startsWith('=') && f !== value ? f : null,
    numberFormat: String(range.numberFormat[0][0] ?? 'General'),
    fill: noFill || !color ? null : color.toUpperCase(),
    fontColor: (range.format.font.color ?? '#000000').toUpperCase(),
  };
}

/** No fill (F5): `pattern` reads 'None' as the typings say, or null for No Fill and white alike (office-js#4900);
 *  `tintAndShade` is null for No Fill and a number for any colour (Microsoft's answer in #4900). */
function isNoFill(fill: Excel.RangeFill): boolean {
  return fill.pattern === 'None' || fill.tintAndShade === null;
}

/** Note and comment text as compared (F6): Excel may give it back with "\r\n" or other whitespace. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** "sheet!A1" (sheet in lower case) of a comment's location, as the record's cells are keyed. */
export function placeKey(address: string): string {
  const a = parseAddress(address);
  return `${(a.sheet ?? '').toLowerCase()}!${columnLetters(a.box.left)}${a.box.top + 1}`;
}

/** "$h$6" → "H6". */
export function normCell(cell: string): string {
  const { row, col } = parseA1(cell);
  return `${columnLetters(col)}${row + 1}`;
}

/** Worksheet proxies by name, each got once in a batch. */
export function worksheetsByName(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const proxies = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = proxies.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      proxies.set(name, ws);
    }
    return ws;
  };
}
