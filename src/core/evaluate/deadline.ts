// 时效 rows whose target is a date: met on or before it (≥ targets: on or after); a missed deadline has no rule
// score (R15 for a deduction on a met deadline).
import { MESSAGES } from '../messages';
import { compareDates, dateText, type DateRead } from '../parse';
import type { Context } from './context';
import { actualMissing, checkPrinted, requireDeductionReason, requireMissedReason } from './row';
import type { IndicatorRow } from './row';

export function checkDeadline(ctx: Context, row: IndicatorRow, targetDate: DateRead): void {
  const { actual, target, weight } = row;
  if (actualMissing(ctx, row)) return;
  if (!actual.date) {
    ctx.findings.add(
      'VALUE_UNPARSEABLE',
      'warning',
      row.actualAt,
      MESSAGES.unparseable({
        name: row.label,
        what: '实际完成时间',
        whatEn: 'completion date',
        value: actual.text,
      }),
    );
    return;
  }
  const cmp = compareDates(actual.date, targetDate);
  const op = target.operator;
  const met = op === '≥' ? cmp >= 0 : op === '>' ? cmp > 0 : op === '<' ? cmp < 0 : cmp <= 0;
  if (!met) {
    ctx.findings.add(
      'DEADLINE_MISSED',
      'warning',
      row.actualAt,
      MESSAGES.deadlineMissed({ name: row.label, actual: dateText(actual.date), target: target.text }),
    );
    requireMissedReason(ctx, row);
    return;
  }
  if (weight !== null) {
    const computed = ctx.round(weight);
    row.report.score.computed = computed;
    checkPrinted(ctx, row, computed, {
      zh: `按期完成（${dateText(actual.date)}），应得满分 ${weight.toFixed()}`,
      en: `done on time (${dateText(actual.date)}): full ${weight.toFixed()}`,
    });
  }
  requireDeductionReason(ctx, row);
}
