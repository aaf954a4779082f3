// Weights: the 分值 add up to the total (R1, R11, C6), each 一级指标 to the points its label states, and the usual
// 50/30/10 split of 产出/效益/满意度 (R1, C6).
import { Decimal } from '../decimal';
import type { FormLayout } from '../locate';
import { MESSAGES } from '../messages';
import { dec } from '../parse';
import { pos, type Context } from './context';
import type { Funds } from './funds';
import type { Indicators, Level1Group } from './indicators';

/** Checks the weights; returns the total 分值 for the report: printed, else the expected one. */
export function checkWeights(ctx: Context, layout: FormLayout, funds: Funds, ind: Indicators): string | null {
  const { book, findings } = ctx;
  const { totalRow, cols } = layout.indicators;
  const totalWeightAt = totalRow !== null ? pos(totalRow, cols.weight) : null;
  const printedTotalWeight = ctx.number(totalWeightAt);
  const indicatorWeightSum = ind.reports.reduce(
    // A negative 分值 is WEIGHT_NEGATIVE and left out of the sums.
    (sum, r, i) =>
      r.weight !== null && !r.weight.startsWith('-') && ind.scores[i].applicable ? sum.plus(r.weight) : sum,
    new Decimal(0),
  );
  const fundsWeight = funds.weight !== null && !funds.weight.isNegative() ? funds.weight : new Decimal(0);
  const weightSum = indicatorWeightSum.plus(fundsWeight);
  const expectedTotalWeight = printedTotalWeight ?? new Decimal(book.weights.total).minus(ind.naWeight);
  if (ind.reports.length > 0 && !weightSum.eq(expectedTotalWeight)) {
    findings.add(
      'WEIGHT_SUM_MISMATCH',
      'error',
      totalWeightAt,
      MESSAGES.weightSum({
        sum: weightSum.toFixed(),
        funds: fundsWeight.toFixed(),
        indicators: indicatorWeightSum.toFixed(),
        total: expectedTotalWeight.toFixed(),
      }),
      expectedTotalWeight.toFixed(),
      weightSum.toFixed(),
    );
  }
  for (const g of ind.groups) checkLevel1(ctx, g);
  return dec(printedTotalWeight ?? (ind.reports.length ? expectedTotalWeight : null));
}

/** R11: a 一级指标 that states its points must get them from its rows; otherwise, when the rulebook checks it,
 *  the usual split of R1 (C6, an info: other splits are allowed). */
function checkLevel1(ctx: Context, g: Level1Group): void {
  const { book, findings } = ctx;
  const sum = g.weights.reduce((a, b) => a.plus(b), new Decimal(0));
  if (g.stated !== null && !sum.eq(g.stated)) {
    findings.add(
      'WEIGHT_SUM_MISMATCH',
      'error',
      g.first,
      MESSAGES.levelWeightSum({ level: g.label, stated: g.stated, sum: sum.toFixed() }),
      g.stated,
      sum.toFixed(),
    );
    return;
  }
  if (!book.checkLevel1Weights) return;
  const standard = g.label.includes('产出')
    ? book.weights.output
    : g.label.includes('效益')
      ? book.weights.benefit
      : g.label.includes('满意度')
        ? book.weights.satisfaction
        : null;
  if (standard !== null && !sum.eq(standard)) {
    findings.add(
      'LEVEL1_WEIGHTS_NONSTANDARD',
      'info',
      g.first,
      MESSAGES.levelNonstandard({ level: g.label, sum: sum.toFixed(), standard }),
      standard,
      sum.toFixed(),
    );
  }
}
