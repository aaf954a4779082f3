// The funds block: execution rate and its score (R2–R4, R14), the printed rate (C1), the rate score (C2), the 其中
// rows against 年度资金总额 (C3), budget adjustment (C4), execution over budget (C5) and a low rate's reason (C10).
import { toA1 } from '../a1';
import { Decimal, fixed } from '../decimal';
import type { FundsColumn, FundsLayout } from '../locate';
import { MESSAGES } from '../messages';
import { dec, readShown } from '../parse';
import type { BreakdownRow, FundsReport } from '../report';
import { plainText, pos, type Context, type Pos } from './context';

/** What the rest of the form needs from the funds block. */
export interface Funds {
  layout: FundsLayout | null;
  /** 分值 of the execution rate: printed, stated in a label, or the rulebook's (R1); null without a funds block. */
  weight: Decimal | null;
  /** The exact rate in percent (R2), null when it cannot be computed. */
  exactRatePct: Decimal | null;
  /** The rate as the rulebook displays it. */
  rateComputed: string | null;
  /** The rate score before rounding (R3–R4). */
  score: Decimal | null;
  /** The cell of a funds column on the 年度资金总额 row. */
  cell(col: FundsColumn): Pos | null;
  report: FundsReport;
}

interface Amounts {
  initialBudget: Decimal | null;
  annualBudget: Decimal | null;
  executed: Decimal | null;
  denominator: Decimal | null;
  denominatorCol: FundsColumn;
}

interface Rate {
  exactRatePct: Decimal | null;
  rateComputed: string | null;
  score: Decimal | null;
}

const FUNDS_COLUMN_NAMES: Record<'initialBudget' | 'annualBudget' | 'executed', { zh: string; en: string }> =
  {
    initialBudget: { zh: '年初预算数', en: 'Initial budget' },
    annualBudget: { zh: '全年预算数', en: 'Annual budget' },
    executed: { zh: '全年执行数', en: 'Executed' },
  };

export function evaluateFunds(ctx: Context, fl: FundsLayout | null): Funds {
  const { book } = ctx;
  const cell = (col: FundsColumn): Pos | null => (fl ? pos(fl.totalRow, fl.cols[col]) : null);
  const initialBudget = ctx.money(cell('initialBudget'));
  const annualBudget = ctx.money(cell('annualBudget'));
  const denominatorCol: FundsColumn = book.executionRate.denominator;
  const amounts: Amounts = {
    initialBudget,
    annualBudget,
    executed: ctx.money(cell('executed')),
    denominator: denominatorCol === 'annualBudget' ? annualBudget : initialBudget,
    denominatorCol,
  };
  const printedWeight = ctx.number(cell('weight'));
  // R1: a 分值 cell, else the points a label states ("预算执行情况（20分）", "得分（20分*执行率）"), else the rulebook's.
  const weight = fl ? (printedWeight ?? new Decimal(fl.statedWeight ?? book.weights.executionRate)) : null;
  const rate: Rate = fl
    ? checkExecutionRate(ctx, cell, amounts, weight as Decimal)
    : { exactRatePct: null, rateComputed: null, score: null };
  const rateAt = cell('rate');
  const printedRate = checkPrintedRate(ctx, rateAt, amounts, rate);
  const breakdown = fl ? checkBreakdown(ctx, fl, cell) : [];
  const scoreAt = cell('score');
  return {
    layout: fl,
    weight,
    ...rate,
    cell,
    report: {
      initialBudget: ctx.shown(cell('initialBudget')),
      annualBudget: ctx.shown(cell('annualBudget')),
      executed: ctx.shown(cell('executed')),
      weight: dec(weight),
      rate: {
        computed: rate.rateComputed,
        printed: printedRate ? printedRate.value.toFixed(printedRate.decimals) : null,
        cell: rateAt ? toA1(rateAt.row, rateAt.col) : null,
      },
      score: {
        computed: rate.score === null || weight === null ? null : ctx.score(rate.score, weight),
        printed: dec(ctx.number(scoreAt)),
        cell: scoreAt ? toA1(scoreAt.row, scoreAt.col) : null,
      },
      breakdown,
    },
  };
}

/** The rate (R2) and its score (R3–R4) when the amounts allow, and the checks around them (C2, C4, C5, C10). */
function checkExecutionRate(
  ctx: Context,
  cell: (col: FundsColumn) => Pos | null,
  amounts: Amounts,
  weight: Decimal,
): Rate {
  const { book, findings } = ctx;
  const { initialBudget, annualBudget, executed, denominator, denominatorCol } = amounts;
  const result: Rate = { exactRatePct: null, rateComputed: null, score: null };
  const noRate = { consequence: '无法计算执行率', consequenceEn: 'the execution rate cannot be computed' };
  if (executed === null) {
    findings.add(
      'FIELD_MISSING',
      'error',
      cell('executed'),
      MESSAGES.fieldMissing({ field: '全年执行数', fieldEn: 'The amount executed (全年执行数)', ...noRate }),
    );
  }
  if (denominator === null) {
    findings.add(
      'FIELD_MISSING',
      'error',
      cell(denominatorCol),
      MESSAGES.fieldMissing({
        field: denominatorCol === 'annualBudget' ? '全年预算数' : '年初预算数',
        fieldEn: 'The budget',
        ...noRate,
      }),
    );
  } else if (denominator.isZero()) {
    findings.add('BUDGET_ZERO', 'error', cell(denominatorCol), MESSAGES.budgetZero());
  } else if (denominator.isNegative()) {
    // A negative budget is a typing error, not a budget: a rate against it would be negative or meaningless.
    findings.add(
      'BUDGET_NEGATIVE',
      'error',
      cell(denominatorCol),
      MESSAGES.budgetNegative({
        field: denominatorCol === 'annualBudget' ? '全年预算数' : '年初预算数',
        fieldEn: denominatorCol === 'annualBudget' ? 'The annual budget' : 'The initial budget',
        amount: denominator.toFixed(),
      }),
    );
  }
  if (weight.isNegative()) {
    findings.add(
      'WEIGHT_NEGATIVE',
      'error',
      cell('weight'),
      MESSAGES.weightNegative({ name: '预算执行率', nameEn: 'The execution rate', weight: weight.toFixed() }),
    );
  }
  if (executed !== null && denominator !== null && denominator.gt(0)) {
    // R2: 执行率 = 全年执行数 / 全年预算数
    const rate = executed.div(denominator);
    const exactRatePct = rate.times(100);
    result.exactRatePct = exactRatePct;
    result.rateComputed = fixed(
      exactRatePct,
      book.executionRate.displayDecimals,
      book.executionRate.displayRounding,
    );
    // R3–R4: 得分 = 分值 × min(执行率, 封顶), 2 decimals
    const cap = book.executionRate.cap === null ? null : new Decimal(book.executionRate.cap);
    const capped = cap !== null && rate.gt(cap);
    if (!weight.isNegative()) {
      result.score = weight.times(capped ? (cap as Decimal) : rate);
      checkRateScore(ctx, cell('score'), result.score, weight, exactRatePct, capped);
    }
    if (annualBudget !== null && executed.gt(annualBudget)) {
      findings.add(
        'EXECUTED_OVER_BUDGET',
        'warning',
        cell('executed'),
        MESSAGES.executedOverBudget({ executed: executed.toFixed(2), budget: annualBudget.toFixed(2) }),
      );
    }
    // C10 (Sichuan): a rate below the threshold needs a reason.
    const below = book.executionRate.reasonBelowPercent;
    const reasonAt = cell('reason');
    if (below !== null && exactRatePct.lt(below) && !plainText(ctx.grid, reasonAt)) {
      findings.add(
        'REASON_MISSING',
        'warning',
        reasonAt ?? cell('rate'),
        MESSAGES.rateReasonMissing({ rate: result.rateComputed, threshold: below }),
      );
    }
  }
  if (initialBudget !== null && annualBudget !== null && !initialBudget.eq(annualBudget)) {
    findings.add(
      'BUDGET_ADJUSTED',
      'info',
      cell('annualBudget'),
      MESSAGES.budgetAdjusted({ initial: initialBudget.toFixed(2), annual: annualBudget.toFixed(2) }),
    );
  }
  return result;
}

/** C2: the printed rate score against round(分值 × min(rate, cap)). */
function checkRateScore(
  ctx: Context,
  scoreAt: Pos | null,
  score: Decimal,
  weight: Decimal,
  exactRatePct: Decimal,
  capped: boolean,
): void {
  const printed = ctx.number(scoreAt);
  const expected = ctx.score(score, weight);
  if (printed === null || !ctx.differsShown(scoreAt, printed, new Decimal(expected))) return;
  ctx.findings.add(
    'FUNDS_SCORE_MISMATCH',
    'error',
    scoreAt,
    MESSAGES.fundsScoreMismatch({
      expected,
      weight: weight.toFixed(),
      rate: fixed(exactRatePct, 4, 'half-up').replace(/\.?0+$/, ''),
      capped,
      found: printed.toFixed(),
    }),
    expected,
    printed.toFixed(),
  );
}

/** C1: the printed rate as the cell shows it — "97.35%", 0.9735 formatted as a percentage (0.978 in "0.00%" shows
 *  97.80), or a bare number on either scale — against the computed one at the precision printed, rounded half-up or
 *  as the rulebook displays it (R14, Q5); the scale of a bare number by its magnitude (Q9). Returns the printed rate
 *  in percent and its decimals. */
function checkPrintedRate(
  ctx: Context,
  rateAt: Pos | null,
  amounts: Amounts,
  rate: Rate,
): { value: Decimal; decimals: number } | null {
  const { grid, book } = ctx;
  const { exactRatePct, rateComputed } = rate;
  if (!rateAt) return null;
  const n = readShown(grid.raw(rateAt.row, rateAt.col), grid.format(rateAt.row, rateAt.col));
  if (n === null) return null;
  let printed = n.value;
  let decimals = n.decimals;
  if (!n.percentSign) {
    const asFraction = n.value.times(100);
    const fraction =
      exactRatePct !== null
        ? asFraction.minus(exactRatePct).abs().lt(n.value.minus(exactRatePct).abs())
        : n.value.abs().lte(1.5);
    printed = fraction ? asFraction : n.value;
    decimals = fraction ? Math.max(0, n.decimals - 2) : n.decimals;
  }
  const { executed, denominator } = amounts;
  const result = { value: printed, decimals };
  if (exactRatePct === null || executed === null || denominator === null) return result;
  const asRounded = new Decimal(fixed(exactRatePct, decimals, 'half-up'));
  const asDisplayed = new Decimal(fixed(exactRatePct, decimals, book.executionRate.displayRounding));
  if (printed.eq(asRounded) || printed.eq(asDisplayed)) return result;
  const within = printed.minus(exactRatePct).abs().lte(book.executionRate.tolerancePoints);
  ctx.findings.add(
    'RATE_MISMATCH',
    within ? 'info' : 'error',
    rateAt,
    MESSAGES.rateMismatch({
      expected: rateComputed as string,
      executed: executed.toFixed(2),
      budget: denominator.toFixed(2),
      found: printed.toFixed(decimals),
      within,
      tolerance: book.executionRate.tolerancePoints,
    }),
    rateComputed,
    printed.toFixed(decimals),
  );
  return result;
}

/** C3: the 其中 rows add up to 年度资金总额, column by column. Returns the rows for the report. */
function checkBreakdown(
  ctx: Context,
  fl: FundsLayout,
  cell: (col: FundsColumn) => Pos | null,
): BreakdownRow[] {
  const { grid } = ctx;
  const breakdown = fl.breakdownRows.map((row) => ({
    label: plainText(grid, { row, col: fl.labelCol }),
    row: row + 1,
    initialBudget: ctx.shown(pos(row, fl.cols.initialBudget)),
    annualBudget: ctx.shown(pos(row, fl.cols.annualBudget)),
    executed: ctx.shown(pos(row, fl.cols.executed)),
  }));
  for (const col of ['initialBudget', 'annualBudget', 'executed'] as const) {
    const c = fl.cols[col];
    if (c === undefined) continue;
    // A formula never calculated is unknown, not 0: no sum can be checked with it (FORMULA_UNCALCULATED says so).
    if ([fl.totalRow, ...fl.breakdownRows].some((row) => grid.isUncalculated(row, c))) continue;
    const parts = fl.breakdownRows
      .map((row) => ctx.money(pos(row, c)))
      .filter((d): d is Decimal => d !== null);
    if (parts.length === 0) continue;
    const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
    const total = ctx.money(cell(col)) ?? new Decimal(0);
    if (sum.eq(total)) continue;
    ctx.findings.add(
      'BREAKDOWN_SUM_MISMATCH',
      'error',
      cell(col),
      MESSAGES.breakdownSum({
        column: FUNDS_COLUMN_NAMES[col].zh,
        columnEn: FUNDS_COLUMN_NAMES[col].en,
        sum: sum.toFixed(),
        parts: parts.map((p) => p.toFixed()).join(' + '),
        total: total.toFixed(),
      }),
      sum.toFixed(),
      total.toFixed(),
    );
  }
  return breakdown;
}
