// A write plan: the host-neutral list of cell edits a host applies (and can undo from its restore record).
import type { Severity } from './report';

/** check: highlights and notes only; fill: also write computed 执行率/得分/总分 into empty cells;
 *  correct: also overwrite wrong printed values (the host keeps the originals in its restore record). */
export type WriteMode = 'check' | 'fill' | 'correct';

export const WRITE_MODES: readonly WriteMode[] = ['check', 'fill', 'correct'];

/** Why a cell is touched; decides its colours (design.md, highlight palette). */
export type MarkKind = 'error' | 'warning' | 'info' | 'written';

export interface CellEdit {
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
  kind: MarkKind;
  /** A new value for the cell; absent when only the look of the cell changes. */
  value?: number | string;
  /** Number format to go with `value` ("0.00%" for a rate written as a fraction). */
  numberFormat?: string;
  /** Fill colour, "#RRGGBB". */
  fill: string;
  /** Font colour, "#RRGGBB"; absent to leave the font as it is (info). */
  fontColor?: string;
  /** The explanation shown as a note (or comment) on the cell. */
  note: string;
}

export interface WritePlan {
  mode: WriteMode;
  /** At most one edit per cell. */
  edits: CellEdit[];
}

/** A table a host writes as a sheet of its own (审核意见, 评分汇总). */
export interface SheetTable {
  name: string;
  header: string[];
  rows: TableRow[];
  /** Suggested column widths in characters. */
  widths: number[];
  /** What each column holds, one per header: the host styles by it and never reads the values to tell. */
  columns: TableColumn[];
}

/** What a column of a table holds:
 *  - text: shown as it is;
 *  - number: a count, or an amount as a plain decimal string with the decimals it is shown with ("991403.00");
 *  - percent: a percentage as a plain decimal string with its sign ("97.34%");
 *  - severity: the word for a finding's severity (错误 / 警告 / 提示), the severity itself in the row's
 *    `severity`.
 *  Any cell may be empty (null). A cell of any column links to a form cell when its row's `links` says so. */
export type TableColumnKind = 'text' | 'number' | 'percent' | 'severity';

export interface TableColumn {
  kind: TableColumnKind;
}

export interface TableRow {
  values: (string | number | null)[];
  /** The severity the row's severity column names (a row of a table with such a column). */
  severity?: Severity;
  /** Column index → the form cell it points to (a hyperlink in the host). */
  links?: { column: number; sheet: string; cell: string }[];
  /** Columns whose cell the host highlights (as an error): a printed figure that differs from the computed one. */
  highlight?: number[];
}
