// The total and the grade: 总分 = Σ 得分 (R11, C14), rescaled when rows do not apply (R10), capped by a low execution
// rate (L2 of docs/scoring-rules.md), and the grade of the total (R12).
import { toA1 } from '../a1';
import { Decimal } from '../decimal';
import type { FormLayout } from '../locate';
import { MESSAGES } from '../messages';
import { dec } from '../parse';
import type { FormReport } from '../report';
import type { Rulebook } from '../rulebook';
import { compact } from '../text';
import { fieldValue, pos, type Context, type Pos } from './context';
import type { Funds } from './funds';
import { withinWeight, type Indicators } from './indicators';

export function evaluateTotal(
  ctx: Context,
  layout: FormLayout,
  funds: Funds,
  ind: Indicators,
  weight: string | null,
): Pick<FormReport, 'total' | 'grade'> {
  const { book, findings } = ctx;
  const totalRow = layout.indicators.totalRow;
  const totalScoreAt = totalRow !== null ? pos(totalRow, layout.indicators.cols.score) : null;
  const printedFundsScore = ctx.number(funds.cell('score'));
  const fundsScore =
    funds.score !== null && funds.weight !== null ? new Decimal(ctx.score(funds.score, funds.weight)) : null;
  const base = fundsScore ?? withinWeight(printedFundsScore, funds.weight) ?? new Decimal(0);
  let total = base;
  // Q6: the total as the form should show it, with the explained self-deductions kept as printed.
  let kept = base;
  let printedSum = printedFundsScore ?? fundsScore ?? new Decimal(0);
  for (const s of ind.scores) {
    if (!s.applicable) continue;
    total = total.plus(s.computed ?? s.standIn ?? 0);
    kept = kept.plus((s.explained ? s.standIn : s.computed) ?? s.standIn ?? 0);
    printedSum = printedSum.plus(s.printed ?? 0);
  }
  // R10 rescales only while some weight applies: when every indicator is 不适用 there is nothing to scale up (and
  // dividing by 0 would give an infinite total).
  const applicableWeight = new Decimal(book.weights.total).minus(ind.naWeight);
  if (book.scoring.notApplicable === 'rescale' && ind.naWeight.gt(0) && applicableWeight.gt(0)) {
    // R10: the applicable scores are rescaled to the full total ("按百分制折算").
    const full = new Decimal(book.weights.total);
    total = total.times(full).div(full.minus(ind.naWeight));
    kept = kept.times(full).div(full.minus(ind.naWeight));
  }
  const printedTotal = ctx.number(totalScoreAt);
  total = capByRate(ctx, funds, total, totalScoreAt, printedTotal);
  const keptCap = rateCap(ctx, funds);
  if (keptCap && kept.gt(keptCap.cap)) kept = keptCap.cap;
  // A total is never negative (every part is within 0–its weight).
  const totalComputed = ind.reports.length > 0 || funds.layout ? ctx.round(Decimal.max(total, 0)) : null;
  // L2: a printed total capped as the rulebook caps it (a template's 总分 formula does) is the capped sum.
  const cap = rateCap(ctx, funds);
  const printedExpected = cap !== null && printedSum.gt(cap.cap) ? cap.cap : printedSum;
  if (
    printedTotal !== null &&
    ctx.differs(printedTotal, printedSum) &&
    ctx.differs(printedTotal, printedExpected)
  ) {
    findings.add(
      'TOTAL_MISMATCH',
      'error',
      totalScoreAt,
      MESSAGES.totalMismatch({ sum: ctx.round(printedSum), found: printedTotal.toFixed() }),
      ctx.round(printedSum),
      printedTotal.toFixed(),
    );
  }
  const gradeComputed = totalComputed === null ? null : gradeOf(new Decimal(totalComputed), book);
  const gradeField = fieldValue(ctx.grid, layout.grade, layout.right);
  const printedGrade = gradeField.text ? compact(gradeField.text) : null;
  if (printedGrade && gradeComputed && printedGrade !== gradeComputed && totalComputed !== null) {
    findings.add(
      'GRADE_MISMATCH',
      'warning',
      gradeField.at,
      MESSAGES.gradeMismatch({ total: totalComputed, expected: gradeComputed, found: printedGrade }),
      gradeComputed,
      printedGrade,
    );
  }
  const totalReport: FormReport['total'] = {
    weight,
    computed: totalComputed,
    printed: dec(printedTotal),
    cell: totalScoreAt ? toA1(totalScoreAt.row, totalScoreAt.col) : null,
  };
  if (totalComputed !== null && ind.scores.some((s) => s.applicable && s.explained)) {
    totalReport.afterDeductions = ctx.round(Decimal.max(kept, 0));
  }
  return {
    total: totalReport,
    grade: { computed: gradeComputed, printed: printedGrade },
  };
}

/** L2 (docs/scoring-rules.md): below a rate, the total may not exceed a cap; the lowest cap
 *  that applies wins. */
function capByRate(
  ctx: Context,
  funds: Funds,
  total: Decimal,
  totalScoreAt: Pos | null,
  printedTotal: Decimal | null,
): Decimal {
  const found = rateCap(ctx, funds);
  if (found === null || !total.gt(found.cap)) return total;
  const { cap, below: capBelow } = found;
  ctx.findings.add(
    'TOTAL_CAPPED',
    'warning',
    totalScoreAt,
    MESSAGES.totalCapped({
      rate: funds.rateComputed as string,
      below: capBelow,
      cap: cap.toFixed(),
      total: ctx.round(total),
    }),
    cap.toFixed(),
    printedTotal?.toFixed() ?? null,
  );
  return cap;
}

/** L2: the lowest cap of the rulebook's totalCaps that the execution rate falls under, or null. */
function rateCap(ctx: Context, funds: Funds): { cap: Decimal; below: string } | null {
  if (funds.exactRatePct === null) return null;
  let found: { cap: Decimal; below: string } | null = null;
  for (const c of ctx.book.totalCaps) {
    if (funds.exactRatePct.lt(c.rateBelowPercent) && (found === null || found.cap.gt(c.maxTotal))) {
      found = { cap: new Decimal(c.maxTotal), below: c.rateBelowPercent };
    }
  }
  return found;
}

/** R12: the grade of a total, by the rulebook's bands. */
export function gradeOf(total: Decimal, book: Rulebook): string {
  for (const g of book.grades) if (total.gte(g.min)) return g.grade;
  return book.grades[book.grades.length - 1].grade;
}
