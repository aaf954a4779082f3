// The whole workbook: every sheet located, every form evaluated, one `selfeval-report/1` report.
import { Grid, type SheetGrid } from './grid';
import { evaluateForm } from './evaluate';
import { locateForms } from './locate';
import { MESSAGES } from './messages';
import { REPORT_SCHEMA, type FormReport, type Report, type WorkbookError } from './report';
import { DEFAULT_RULEBOOK_ID, getPreset, type Rulebook } from './rulebook';

export interface ScoreOptions {
  /** The rulebook to score by; default the mof-2020 preset. */
  rulebook?: Rulebook;
  /** File name (or workbook name) shown in the report's `source`. */
  source?: string;
  /** Report FORM_NOT_FOUND for every sheet without a form, not only when the whole workbook has none. */
  reportEverySheet?: boolean;
}

/** Locate every form on every sheet, read, score and validate it, and build the `selfeval-report/1` report.
 *  Never throws on bad input: a sheet that cannot be read becomes an entry of `errors`, the rest goes on. */
export function scoreSheets(sheets: SheetGrid[], options: ScoreOptions = {}): Report {
  const book = options.rulebook ?? getPreset(DEFAULT_RULEBOOK_ID);
  const forms: FormReport[] = [];
  const errors: WorkbookError[] = [];
  const empty: string[] = [];
  for (const sheet of sheets) {
    try {
      const grid = new Grid(sheet);
      const layouts = locateForms(grid);
      if (layouts.length === 0) empty.push(sheet.name);
      for (const layout of layouts) forms.push(evaluateForm(grid, layout, book));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const text = MESSAGES.sheetUnreadable({ sheet: sheet.name, reason });
      errors.push({ code: 'SHEET_UNREADABLE', sheet: sheet.name, message: text.zh, messageEn: text.en });
    }
  }
  if (forms.length === 0 || options.reportEverySheet) {
    for (const name of empty) {
      const text = MESSAGES.formNotFound({ sheet: name });
      errors.push({ code: 'FORM_NOT_FOUND', sheet: name, message: text.zh, messageEn: text.en });
    }
  }
  return { schema: REPORT_SCHEMA, source: options.source ?? '', rulebook: book.id, forms, errors };
}
