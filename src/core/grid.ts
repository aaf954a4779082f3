// A sheet as the core sees it: cell values, number formats and merged areas, in sheet coordinates.
// Rows and columns are 0-based here (row 0 = Excel row 1, col 0 = column A); A1 strings are what users see.

import type { CellRange } from './a1';

export type { CellRange };
export type CellValue = string | number | boolean | null;

/**
 * One worksheet. `values[r][c]` is the cell at sheet row `origin.row + r`, column `origin.col + c`
 * (hosts that read a used range not starting at A1 set `origin`). Formula cells carry their last result.
 */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Number formats parallel to `values` ("0.00%", "General", …); absent or null where unknown. */
  formats?: (string | null)[][];
  /** Merged areas in sheet coordinates. */
  merges?: CellRange[];
  /** Sheet coordinates of values[0][0]; default A1. */
  origin?: { row: number; col: number };
  /** Cells (sheet coordinates) holding a formula with no saved result: written by a program and never opened
   *  in a spreadsheet program. Their value is null, but they are not empty — their content is unknown. */
  uncalculated?: { row: number; col: number }[];
  /** Hidden rows and columns, in sheet coordinates (0-based). A hidden row is not an indicator, and a hidden
   *  column never takes a header label: templates keep spare rows and old columns out of sight. */
  hiddenRows?: number[];
  hiddenCols?: number[];
  /** The workbook counts date serials from 1904-01-01 (Excel for Mac's old default), not from 1900. */
  date1904?: boolean;
  /** Cells (sheet coordinates) holding a formula, with its text as Excel shows it ("=I6+SUM(H13:H17)"); absent
   *  when the host does not say. The user's work: never overwritten. */
  formulas?: { row: number; col: number; formula: string }[];
}

/** Read-only access to a SheetGrid by sheet coordinates, with merged areas resolved. */
export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly sheet: SheetGrid;
  private readonly originRow: number;
  private readonly originCol: number;
  /** Merged areas by cell, keyed row × 16384 + column (Excel's column count): a number hashes faster than text. */
  private readonly mergeAt = new Map<number, CellRange>();
  private readonly uncalculatedAt: Set<string>;
  private readonly hiddenRowSet: Set<number>;
  private readonly hiddenColSet: Set<number>;
  /** Date serials count from 1904 (SheetGrid.date1904). */
  readonly date1904: boolean;
  private readonly formulaAt: Map<string, string>;

  constructor(sheet: SheetGrid) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.originRow = sheet.origin?.row ?? 0;
    this.originCol = sheet.origin?.col ?? 0;
    this.rowCount = this.originRow + sheet.values.length;
    let width = 0;
    for (const row of sheet.values) width = Math.max(width, row.length);
    this.colCount = this.originCol + width;
    this.uncalculatedAt = new Set((sheet.uncalculated ?? []).map((p) => `${p.row},${p.col}`));
    this.hiddenRowSet = new Set(sheet.hiddenRows ?? []);
    this.hiddenColSet = new Set(sheet.hiddenCols ?? []);
    this.date1904 = sheet.date1904 === true;
    this.formulaAt = new Map((sheet.formulas ?? []).map((p) => [`${p.row},${p.col}`, p.formula]));
    for (const m of sheet.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeAt.set(r * 16384 + c, m);
      }
    }
  }

  /** The value stored in the cell itself (null for a non-top-left cell of a merged area). */
  raw(row: number, col: number): CellValue {
    const r = row - this.originRow;
    const c = col - this.originCol;
    if (r < 0 || c < 0) return null;
    const v = this.sheet.values[r]?.[c];
    return v === undefined ? null : v;
  }

  /** The value a reader sees: a merged area's value shows in every one of its cells. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt.get(row * 16384 + col);
    if (m) return this.raw(m.top, m.left);
    return this.raw(row, col);
  }

  format(row: number, col: number): string | null {
    const m = this.mergeAt.get(row * 16384 + col);
    const r = (m ? m.top : row) - this.originRow;
    const c = (m ? m.left : col) - this.originCol;
    if (r < 0 || c < 0) return null;
    return this.sheet.formats?.[r]?.[c] ?? null;
  }

  /** Whether the cell holds a formula whose result was never calculated (its value is unknown, not empty). */
  isUncalculated(row: number, col: number): boolean {
    return this.uncalculatedAt.has(`${row},${col}`);
  }

  isHiddenRow(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }

  isHiddenCol(col: number): boolean {
    return this.hiddenColSet.has(col);
  }

  /** The formula of a cell ("=I6+SUM(H13:H17)"), or null when it holds none or the host did not say. */
  formula(row: number, col: number): string | null {
    return this.formulaAt.get(`${row},${col}`) ?? null;
  }

  /** The merged area a cell belongs to, if any. */
  mergeOf(row: number, col: number): CellRange | undefined {
    return this.mergeAt.get(row * 16384 + col);
  }

  /** True when the cell is a merged area's top-left cell or not merged at all. */
  isAnchor(row: number, col: number): boolean {
    const m = this.mergeAt.get(row * 16384 + col);
    return !m || (m.top === row && m.left === col);
  }

  get firstRow(): number {
    return this.originRow;
  }

  get firstCol(): number {
    return this.originCol;
  }
}
