// The shape of a finding code's explanation; index.ts holds the catalogue of every code.
import type { Lang } from '../messages';

export type Texts = Record<Lang, string>;

export type ExplanationGroup = 'funds' | 'indicators' | 'total' | 'form' | 'workbook' | 'reserved';

export interface Explanation {
  /** The section of docs/finding-codes.md. */
  group: ExplanationGroup;
  /** One plain sentence: what the finding means. */
  title: Texts;
  /** The cell the finding is marked on. */
  where: Texts;
  severity: Texts;
  /** Rule ids of docs/scoring-rules.md; none for a property of the file. */
  rules: string[];
  when: Texts;
  /** What the person filling in or reviewing the form should do. */
  todo: Texts;
}
