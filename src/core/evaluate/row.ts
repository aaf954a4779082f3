// One indicator row as every rule family sees it, and the checks they share: the printed score against the
// rule's (C8) and "a deduction needs a reason" (R13, R15, C8, C10).
import { Decimal } from '../decimal';
import { MESSAGES, type Text } from '../messages';
import type { ValueRead } from '../parse';
import type { IndicatorReport } from '../report';
import type { Context, Pos } from './context';

export interface IndicatorRow {
  /** The row's name for messages: its 三级指标, or "第 n 行". */
  label: string;
  name: string;
  target: ValueRead;
  actual: ValueRead;
  weight: Decimal | null;
  /** A 分值 below 0 as printed (then `weight` is null: WEIGHT_NEGATIVE). */
  negativeWeight: Decimal | null;
  /** The printed 得分. */
  printed: Decimal | null;
  reason: string;
  targetAt: Pos | null;
  weightAt: Pos | null;
  actualAt: Pos | null;
  scoreAt: Pos | null;
  /** Where a missing reason is reported: the reason cell, else the score cell. */
  reasonCell: Pos | null;
  /** The printed score lies outside 0–分值 (C7). */
  outOfRange: boolean;
  /** The printed score is an explained self-deduction (Q6): below the rule's, with a reason; the total keeps it. */
  explained: boolean;
  report: IndicatorReport;
}

/** C8: the printed score against the rule's; higher is an error, a lower one is a deduction to explain — with a
 *  reason written, an explained self-deduction (Q6, `reasons.acceptExplainedDeduction`): info, kept by 改正. */
export function checkPrinted(ctx: Context, row: IndicatorRow, computed: string, formula: Text): void {
  const { printed } = row;
  if (printed === null || !ctx.differsShown(row.scoreAt, printed, new Decimal(computed))) return;
  const higher = printed.gt(computed);
  if (!higher && row.reason && ctx.book.reasons.acceptExplainedDeduction) {
    row.explained = true;
    ctx.findings.add(
      'SCORE_MISMATCH',
      'info',
      row.scoreAt,
      MESSAGES.scoreExplained({
        name: row.label,
        expected: computed,
        found: printed.toFixed(),
        formula: formula.zh,
        formulaEn: formula.en,
        deduction: ctx.round(new Decimal(computed).minus(printed)),
        reason: row.reason,
      }),
      computed,
      printed.toFixed(),
    );
    return;
  }
  ctx.findings.add(
    'SCORE_MISMATCH',
    higher ? 'error' : 'warning',
    row.scoreAt,
    (higher ? MESSAGES.scoreOver : MESSAGES.scoreUnder)({
      name: row.label,
      expected: computed,
      found: printed.toFixed(),
      formula: formula.zh,
      formulaEn: formula.en,
    }),
    computed,
    printed.toFixed(),
  );
}

/** R13, R15 / C8, C10: a deduction needs a reason — with no reason given, a printed score below 分值 by more than
 *  scoring.tolerance is flagged when the rulebook asks for reasons of deductions. */
export function requireDeductionReason(ctx: Context, row: IndicatorRow): void {
  const { printed, weight } = row;
  if (row.reason || !ctx.book.reasons.whenDeducted || printed === null || weight === null) return;
  if (!printed.lt(weight) || !ctx.differs(printed, weight)) return;
  reasonMissing(
    ctx,
    row,
    MESSAGES.reasonDeducted({ name: row.label, found: printed.toFixed(), weight: weight.toFixed() }),
  );
}

/** R13 / C10: a missed target needs a reason, when the rulebook asks for one. */
export function requireMissedReason(ctx: Context, row: IndicatorRow): void {
  if (row.reason || !ctx.book.reasons.whenMissed) return;
  reasonMissing(
    ctx,
    row,
    MESSAGES.reasonMissed({ name: row.label, target: row.target.text, actual: row.actual.text }),
  );
}

/** A row's 偏差原因分析 is empty where the rules ask for one (R13): reported at its reason cell. */
export function reasonMissing(ctx: Context, row: IndicatorRow, text: Text): void {
  ctx.findings.add('REASON_MISSING', 'warning', row.reasonCell, text);
}

/** The row has no actual value (C13); reported once, by whichever family finds it. */
export function actualMissing(ctx: Context, row: IndicatorRow): boolean {
  const { actual } = row;
  if (!actual.empty && !actual.notApplicable) return false;
  ctx.findings.add('ACTUAL_MISSING', 'warning', row.actualAt, MESSAGES.actualMissing({ name: row.label }));
  return true;
}
