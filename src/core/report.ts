// The score report, `selfeval-report/1` (see docs/report-format.md): a contract with other tools.
// Every number is a plain decimal string made by decimal.js; absent or unreadable values are null.

export const REPORT_SCHEMA = 'selfeval-report/1';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'RATE_MISMATCH'
  | 'FUNDS_SCORE_MISMATCH'
  | 'BREAKDOWN_SUM_MISMATCH'
  | 'EXECUTED_OVER_BUDGET'
  | 'BUDGET_ADJUSTED'
  | 'SCORE_MISMATCH'
  | 'SCORE_OUT_OF_RANGE'
  | 'QUALITATIVE_OUT_OF_BAND'
  | 'REASON_MISSING'
  | 'OVER_ACHIEVED'
  | 'VALUE_UNPARSEABLE'
  | 'ACTUAL_MISSING'
  | 'UNIT_MISMATCH'
  | 'RATE_CONTRADICTION'
  | 'WEIGHT_SUM_MISMATCH'
  | 'LEVEL1_WEIGHTS_NONSTANDARD'
  | 'TOTAL_MISMATCH'
  | 'FIELD_MISSING'
  | 'FORM_NOT_FOUND'
  // Codes of our own (the format allows a host to add codes):
  | 'QUALITATIVE_UNMAPPED'
  | 'NEGATIVE_ACTUAL'
  | 'OVER_ACHIEVED_DEDUCTION'
  | 'TOTAL_CAPPED'
  | 'GRADE_MISMATCH'
  | 'SHEET_UNREADABLE'
  | 'FILE_UNREADABLE'
  | 'SHEET_PROTECTED'
  | 'BUDGET_ZERO'
  | 'BUDGET_NEGATIVE'
  | 'WEIGHT_NEGATIVE'
  | 'DEADLINE_MISSED'
  | 'FORMULA_UNCALCULATED'
  | 'FORMULA_RESULT_DIFFERS'
  | 'RESULT_BLANK';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A1 address on the form's sheet; null when the finding has no cell. */
  cell: string | null;
  expected?: string;
  found?: string;
  /** Chinese message stating the numbers. */
  message: string;
  /** The same in English (our addition). */
  messageEn: string;
}

export interface Printed<T = string> {
  computed: T | null;
  printed: T | null;
  cell: string | null;
  /** The cell's formula ("=F6/E6") when it holds one: the user's work, never overwritten. */
  formula?: string;
}

export interface BreakdownRow {
  label: string;
  /** 1-based sheet row. */
  row: number;
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
}

export interface FundsReport {
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
  weight: string | null;
  /** Percentages: "97.34" means 97.34%. */
  rate: Printed;
  score: Printed;
  breakdown: BreakdownRow[];
}

export interface TargetReport {
  text: string;
  operator: '=' | '≥' | '≤' | '>' | '<' | null;
  value: string | null;
  unit: string | null;
}

export interface ActualReport {
  text: string;
  value: string | null;
  unit: string | null;
}

export interface BandReport {
  grade: string;
  min: string;
  max: string;
}

export interface IndicatorReport {
  /** 1-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  name: string;
  kind: 'quantitative' | 'qualitative';
  target: TargetReport;
  actual: ActualReport;
  weight: string | null;
  score: Printed;
  band: BandReport | null;
  reason: string;
}

export interface FormReport {
  sheet: string;
  range: string;
  year: string | null;
  project: string | null;
  department: string | null;
  implementer: string | null;
  unit: string | null;
  funds: FundsReport;
  indicators: IndicatorReport[];
  total: {
    weight: string | null;
    computed: string | null;
    printed: string | null;
    cell: string | null;
    /** The computed total with the explained self-deductions kept as printed (SCORE_MISMATCH at info): the total
     *  the form should show, and what 填写/改正 write. Present only when some deduction is kept. */
    afterDeductions?: string;
    formula?: string;
  };
  grade: { computed: string | null; printed: string | null };
  findings: Finding[];
}

export interface WorkbookError {
  code: FindingCode;
  sheet: string | null;
  message: string;
  messageEn: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  source: string;
  rulebook: string;
  forms: FormReport[];
  errors: WorkbookError[];
}
