// The blank official form as host-neutral data (see src/core/template.ts): what a host needs to write it.
import type { CellValue } from './grid';

export type TemplateUnit = '元' | '万元';
export const TEMPLATE_UNITS: readonly TemplateUnit[] = ['元', '万元'];

export interface TemplateStyle {
  font?: { size: number; bold?: boolean };
  align?: {
    horizontal: 'left' | 'center' | 'right';
    vertical: 'top' | 'middle';
    wrap?: boolean;
    indent?: number;
  };
  /** Thin black border on all four sides. */
  border?: boolean;
  numFmt?: string;
}

export interface TemplateCell {
  /** A1 address on the template's sheet. */
  at: string;
  value: CellValue;
  /** A formula without the leading "=", in Excel's English function names. */
  formula?: string;
  style: TemplateStyle;
}

export interface TemplateValidation {
  /** A1 range ("G13:G28"); the formulas are relative to its top-left cell. */
  range: string;
  type: 'decimal' | 'custom' | 'list';
  operator?: 'greaterThanOrEqual' | 'between';
  /** Formulas or constants, without "=": list items are one quoted, comma-separated string. */
  formulae: string[];
  /** 'stop' refuses the entry; 'warning' lets the user keep it after a question. */
  errorStyle: 'stop' | 'warning' | 'information';
  prompt?: { title: string; text: string };
  error: { title: string; text: string };
}

export interface TemplateNote {
  at: string;
  text: string;
}

/** Where the parts of the form are (A1), for hosts, fill-ins and tests. */
export interface TemplatePlaces {
  project: string;
  department: string;
  implementer: string;
  funds: {
    initialBudget: string;
    annualBudget: string;
    executed: string;
    weight: string;
    rate: string;
    score: string;
  };
  /** The three 其中 rows: 当年财政拨款, 上年结转资金, 其他资金. */
  breakdown: { initialBudget: string; annualBudget: string; executed: string }[];
  goals: { plan: string; done: string };
  /** One entry per indicator row, top to bottom. */
  indicators: {
    row: number;
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    weight: string;
    score: string;
    reason: string;
  }[];
  total: { weight: string; score: string };
  /** The printable area ("A1:I29"). */
  range: string;
}

export interface FormTemplate {
  sheetName: string;
  rulebook: string;
  unit: TemplateUnit;
  cells: TemplateCell[];
  merges: string[];
  /** Widths of columns A, B, … in characters. */
  columnWidths: number[];
  rowHeights: { row: number; height: number }[];
  validations: TemplateValidation[];
  notes: TemplateNote[];
  places: TemplatePlaces;
}

export interface TemplateOptions {
  unit?: TemplateUnit;
  /** Indicator rows per level-1 group; default 产出 8, 效益 6, 满意度 2. */
  rows?: { output: number; benefit: number; satisfaction: number };
  sheetName?: string;
}

export class TemplateError extends Error {
  readonly messageZh: string;
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'TemplateError';
    this.messageZh = zh;
  }
}
