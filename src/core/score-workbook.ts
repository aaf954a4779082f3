import type { SheetGrid } from './grid';
import type { Report } from './report';
import type { Rulebook } from './rulebook';

export interface ScoreOptions {
  /** The rulebook to score by; default the mof-2020 preset. */
  rulebook?: Rulebook;
  /** File name (or workbook name) shown in the report's `source`. */
  source?: string;
  /** Report FORM_NOT_FOUND for every sheet without a form, not only when the whole workbook has none. */
  reportEverySheet?: boolean;
}

/** Locate every form on every sheet, read, score and validate it, and build the `selfeval-report/1` report.
 *  Never throws on bad input: an unreadable sheet becomes an entry of `errors`. */
export function scoreSheets(sheets: SheetGrid[], options: ScoreOptions = {}): Report {
  void sheets;
  void options;
  throw new Error('not yet implemented');
}
