// 时效 rows whose target is a date: met on or before it (≥ targets: on or after); a missed deadline has no rule
// score (R15 for a deduction on a met deadline).
import { MESSAGES } from '../messages';
import { compareDates, dateText, type DateRead, type ValueRead } from '../parse';
import type { Context } from './context';
import { actualMissing, checkPrinted, requireDeductionReason, requireMissedReason } from './row';
import type { IndicatorRow } from './row';

/** A bare month number ("11", "11月") against a month of the form's year ("≤12月"): that month. */
function monthOfNumber(actual: ValueRead, target: DateRead): DateRead | null {
  const n = actual.number;
  if (target.year !== null || !n || actual.operator !== null || (n.unit !== null && n.unit !== '月'))
    return null;
  if (!n.value.isInteger() || n.value.lt(1) || n.value.gt(12)) return null;
  return { year: null, month: n.value.toNumber(), day: null };
}

export function checkDeadline(
  ctx: Context,
  row: IndicatorRow,
  target: DateRead,
  formYear: string | null,
): void {
  const { actual, weight } = row;
  if (actualMissing(ctx, row)) return;
  // A date without a year ("9月前", "11月") is in the form's year (its title's 2023年度), when the title says it.
  const inYear = (d: DateRead): DateRead =>
    d.year === null && formYear !== null ? { ...d, year: Number(formYear) } : d;
  const targetDate = inYear(target);
  const found = actual.date ?? monthOfNumber(actual, target);
  const actualDate = found && inYear(found);
  if (!actualDate) {
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
  const cmp = compareDates(actualDate, targetDate);
  const op = row.target.operator;
  const met = op === '≥' ? cmp >= 0 : op === '>' ? cmp > 0 : op === '<' ? cmp < 0 : cmp <= 0;
  if (!met) {
    ctx.findings.add(
      'DEADLINE_MISSED',
      'warning',
      row.actualAt,
      MESSAGES.deadlineMissed({ name: row.label, actual: dateText(actualDate), target: row.target.text }),
    );
    requireMissedReason(ctx, row);
    return;
  }
  if (weight !== null) {
    const computed = ctx.score(weight, weight);
    row.report.score.computed = computed;
    checkPrinted(ctx, row, computed, {
      zh: `按期完成（${dateText(actualDate)}），应得满分 ${weight.toFixed()}`,
      en: `done on time (${dateText(actualDate)}): full ${weight.toFixed()}`,
    });
  }
  requireDeductionReason(ctx, row);
}
