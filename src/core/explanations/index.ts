// Every finding code explained in plain words, in Chinese and English: what it means, where it is marked, how
// severe it is, the rules it implements (ids of docs/scoring-rules.md), when it appears and what to do. The same
// content as docs/finding-codes.md, without the markdown (test/cli/explain.test.ts keeps the two equal). Printed by
// `selfeval --explain CODE`, rendered into the help page and into the batch HTML report. Pure data.
import type { FindingCode } from '../report';
import { TOTALS_FORM_WORKBOOK } from './form-workbook';
import { FUNDS_AND_INDICATORS } from './funds-indicators';
import type { Explanation, ExplanationGroup, Texts } from './types';

export type { Explanation, ExplanationGroup, Texts };

export const EXPLANATION_GROUPS: Record<ExplanationGroup, Texts> = {
  funds: { 'zh-CN': '资金部分', en: 'The funds block' },
  indicators: { 'zh-CN': '绩效指标', en: 'Indicators' },
  total: { 'zh-CN': '分值与总分', en: 'Weights and total' },
  form: { 'zh-CN': '表格各部分', en: 'Parts of the form' },
  workbook: { 'zh-CN': '工作簿问题', en: 'Workbook errors' },
  reserved: { 'zh-CN': '保留', en: 'Reserved' },
};

/** Keyed by code in the order of docs/finding-codes.md; a FindingCode without an entry does not compile. */
export const EXPLANATIONS: Record<FindingCode, Explanation> = {
  ...FUNDS_AND_INDICATORS,
  ...TOTALS_FORM_WORKBOOK,
};

/** Every code, in the order of the documentation. */
export const EXPLAINED_CODES = Object.keys(EXPLANATIONS) as FindingCode[];

/** The explanation of a code, case-insensitively; null for a code that does not exist. */
export function explanationOf(code: string): { code: FindingCode; explanation: Explanation } | null {
  const key = code.trim().toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(EXPLANATIONS, key)) return null;
  return { code: key as FindingCode, explanation: EXPLANATIONS[key as FindingCode] };
}
