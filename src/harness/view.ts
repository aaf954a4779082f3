// What the grid shows for a sheet of the model: the cells of the used area as rows of visible cells (a merged
// area is one cell spanning its rows and columns), each with the text Excel would display. Pure, no DOM.
import Decimal from 'decimal.js';
import { columnLetters, parseA1, parseRangeA1, toA1, type CellRange } from '../core';
import { columnWidthPixels } from '../core/column-width';
import type { FakeCell, FakeComment, FakeSheet } from '../office-standin/model';

/** Excel's default column width in characters, and the smallest area the grid shows (like an empty sheet). */
export const DEFAULT_COLUMN_WIDTH = 8.43;
export const MIN_ROWS = 40;
export const MIN_COLS = 10;
/** Rows and columns beyond the used area, so that the sheet does not end abruptly and its last rows can be
 *  scrolled to the top, as in Excel. */
const SPARE_ROWS = 30;
const SPARE_COLS = 3;
/** A huge sheet is shown up to this many rows (the rest is reported, not drawn). */
export const MAX_DRAWN_ROWS = 2000;
export const MAX_DRAWN_COLS = 200;

export interface ViewCell {
  address: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /** Numbers are right-aligned, as in Excel. */
  numeric: boolean;
  /** Empty single cells right after this one in its row, which a long text may run over (as in Excel). */
  emptyAfter: number;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  note?: string;
  comments: FakeComment[];
  formula?: string;
  link?: { sheet: string | null; address: string | null; url: string | null };
}

export interface SheetView {
  name: string;
  /** 1-based row numbers drawn. */
  rows: number[];
  /** Column letters drawn, with their width in pixels. */
  columns: { letter: string; index: number; width: number }[];
  /** Visible cells per drawn row, in column order (cells covered by a merged area are left out). */
  cells: ViewCell[][];
  /** Rows / columns of the used area not drawn (a very large sheet). */
  truncatedRows: number;
  truncatedCols: number;
}

/** What the grid tells its page: a cell clicked, a link to a place in the workbook followed. */
export type SelectCell = (address: string) => void;
export type FollowLink = (sheet: string | null, address: string | null) => void;
/** The pointer rests on a cell with a note or comments (its element), or left it (null). */
export type HoverCell = (hover: { cell: ViewCell; td: HTMLElement } | null) => void;

export interface GridLabels {
  note: string;
  comment: string;
  truncated: (rows: number, cols: number) => string;
}

/** Excel's column width (characters of the default font) in pixels, as Excel itself draws it. */
export function widthToPixels(chars: number): number {
  return Math.max(8, Math.round(columnWidthPixels(chars)));
}

/** The used area of a sheet: every cell with a value or a look, every merged area, every comment. */
export function usedArea(sheet: FakeSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  const grow = (row: number, col: number): void => {
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  };
  for (const address of Object.keys(sheet.cells)) {
    const { row, col } = parseA1(address);
    grow(row, col);
  }
  for (const m of sheet.merges) {
    const r = parseRangeA1(m);
    grow(r.bottom, r.right);
  }
  for (const c of sheet.comments) {
    const { row, col } = parseA1(c.cell);
    grow(row, col);
  }
  return { rows, cols };
}

export function sheetView(sheet: FakeSheet): SheetView {
  const used = usedArea(sheet);
  const rowCount = Math.min(Math.max(used.rows + SPARE_ROWS, MIN_ROWS), MAX_DRAWN_ROWS);
  const colCount = Math.min(Math.max(used.cols + SPARE_COLS, MIN_COLS), MAX_DRAWN_COLS);

  const merges: CellRange[] = sheet.merges.map((m) => parseRangeA1(m));
  // Which merged area covers a cell (0-based row/col), if any.
  const coveredBy = new Map<string, CellRange>();
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, rowCount - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, colCount - 1); c++) coveredBy.set(`${r},${c}`, m);
    }
  }
  const commentsAt = new Map<string, FakeComment[]>();
  for (const c of sheet.comments) {
    const key = toA1(parseA1(c.cell).row, parseA1(c.cell).col);
    commentsAt.set(key, [...(commentsAt.get(key) ?? []), c]);
  }

  const columns = [];
  for (let c = 0; c < colCount; c++) {
    const letter = columnLetters(c);
    columns.push({
      letter,
      index: c,
      width: widthToPixels(sheet.columnWidths?.[letter] ?? DEFAULT_COLUMN_WIDTH),
    });
  }
  const rows: number[] = [];
  const cells: ViewCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    rows.push(r + 1);
    const line: ViewCell[] = [];
    for (let c = 0; c < colCount; c++) {
      const m = coveredBy.get(`${r},${c}`);
      if (m && (m.top !== r || m.left !== c)) continue;
      const address = toA1(r, c);
      const cell = sheet.cells[address];
      const view: ViewCell = {
        address,
        row: r + 1,
        col: c,
        rowSpan: m ? Math.min(m.bottom, rowCount - 1) - m.top + 1 : 1,
        colSpan: m ? Math.min(m.right, colCount - 1) - m.left + 1 : 1,
        text: cell ? displayText(cell) : '',
        numeric: typeof cell?.value === 'number',
        emptyAfter: 0,
        comments: commentsAt.get(address) ?? [],
      };
      if (cell?.fill) view.fill = cell.fill;
      if (cell?.fontColor) view.fontColor = cell.fontColor;
      if (cell?.bold) view.bold = true;
      if (cell?.note !== undefined) view.note = cell.note;
      if (cell?.formula) view.formula = cell.formula;
      if (cell?.hyperlink) view.link = linkTarget(cell);
      line.push(view);
    }
    for (let i = line.length - 2; i >= 0; i--) {
      const next = line[i + 1];
      const free =
        next.text === '' &&
        next.rowSpan === 1 &&
        next.colSpan === 1 &&
        next.col === line[i].col + line[i].colSpan;
      line[i].emptyAfter = free ? next.emptyAfter + 1 : 0;
    }
    cells.push(line);
  }
  return {
    name: sheet.name,
    rows,
    columns,
    cells,
    truncatedRows: Math.max(0, used.rows - rowCount),
    truncatedCols: Math.max(0, used.cols - colCount),
  };
}

/** Where a hyperlink leads: a place in the workbook ("'审核意见'!A1", "#Sheet1!B2") or a URL. */
export function linkTarget(cell: FakeCell): {
  sheet: string | null;
  address: string | null;
  url: string | null;
} {
  const h = cell.hyperlink ?? {};
  const ref = h.documentReference ?? (h.address?.startsWith('#') ? h.address.slice(1) : undefined);
  if (ref) {
    const bang = ref.lastIndexOf('!');
    const rawSheet = bang >= 0 ? ref.slice(0, bang) : null;
    const sheet = rawSheet ? rawSheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : null;
    const address = (bang >= 0 ? ref.slice(bang + 1) : ref).replace(/\$/g, '').split(':')[0] || null;
    return { sheet, address, url: null };
  }
  return { sheet: null, address: null, url: h.address ?? null };
}

/** The text Excel shows for a cell: the value under the common number formats, else as General. */
export function displayText(cell: FakeCell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return formatNumber(v, cell.numberFormat);
}

/** A number under a number format: 0, 0.00, #,##0.00, 0.00%, a negative section, literal prefixes and suffixes
 *  ("¥"#,##0.00, 0.00"元"); General otherwise (and for dates, which the forms do not hold). Exact decimal
 *  arithmetic (decimal.js), so 0.9735 under 0.00% shows 97.35%, never 97.34999…%. */
export function formatNumber(value: number, numberFormat: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = (numberFormat ?? 'General').split(';');
  const negativeSection = value < 0 && sections.length > 1;
  const fmt = (negativeSection ? sections[1] : sections[0]).replace(/\[[^\]]*\]/g, '');
  // Quoted and escaped literals are masked while looking for the digits' pattern.
  const masked = fmt.replace(/"[^"]*"|\\.|_.|\*./g, (m) => ' '.repeat(m.length));
  const pattern = /[#0?][#0?,]*(?:\.[#0?]*)?/.exec(masked);
  if (!pattern || /general/i.test(masked) || /[yMdhs]/.test(masked)) return general(value);
  const spec = pattern[0];
  const fraction = /\.([#0?]*)/.exec(spec)?.[1] ?? '';
  const minDecimals = fraction.replace(/[#?]/g, '').length;
  const percent = masked.includes('%');

  let d = new Decimal(value).abs();
  if (percent) d = d.times(100);
  let digits = d.toFixed(fraction.length, Decimal.ROUND_HALF_UP);
  if (fraction.length > minDecimals) {
    // Optional digits (#): trailing zeros beyond the required ones are dropped.
    let [int, frac = ''] = digits.split('.');
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    if (/^0+$/.test(int) && !/0/.test(spec.split('.')[0])) int = '';
    digits = frac ? `${int}.${frac}` : int || '0';
  }
  if (/[#0?],[#0?]/.test(spec)) {
    const [int, frac] = digits.split('.');
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const literal = (part: string): string =>
    part
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/_./g, ' ')
      .replace(/\*./g, '');
  const prefix = literal(fmt.slice(0, pattern.index));
  const suffix = literal(fmt.slice(pattern.index + spec.length));
  const sign = value < 0 && !negativeSection ? '-' : '';
  return `${prefix}${sign}${digits}${suffix}`.trim();
}

/** Excel's General format: up to 11 significant characters, no float noise (0.1 + 0.2 shows 0.3). */
function general(value: number): string {
  const d = new Decimal(value).toSignificantDigits(11);
  const abs = d.abs();
  if (!abs.isZero() && (abs.gte(1e11) || abs.lt(1e-9)))
    return d
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .toUpperCase();
  return d.toFixed();
}
