// Quantitative rows: the share of 分值 by operator (R5, R7, R8), over-achievement (R6, L1 of
// docs/scoring-rules.md), units (C12), non-numeric actuals (C13), negative actuals (C15) and the cross-check with
// the funds block (C11).
import { Decimal, fixed } from '../decimal';
import { MESSAGES, type Text } from '../messages';
import { alignPercent, isPercentUnit, type NumberRead, type Operator } from '../parse';
import type { Rulebook } from '../rulebook';
import type { Context } from './context';
import type { Funds } from './funds';
import {
  actualMissing,
  checkPrinted,
  reasonMissing,
  requireDeductionReason,
  requireMissedReason,
} from './row';
import type { IndicatorRow } from './row';

interface Aligned {
  target: Decimal;
  actual: Decimal;
  mismatch: boolean;
  percent: boolean;
  as: Text;
  unitText: string;
}

export function checkQuantitative(ctx: Context, row: IndicatorRow, funds: Funds): void {
  const { findings } = ctx;
  const { target, actual, label } = row;
  if (target.number === null) {
    findings.add(
      'FIELD_MISSING',
      'warning',
      row.targetAt,
      MESSAGES.fieldMissing({ field: `“${label}”的年度指标值`, fieldEn: `The target of "${label}"` }),
    );
    return;
  }
  if (actualMissing(ctx, row)) return;
  if (actual.number === null || actual.operator !== null) {
    // C13: ">=0.9", "完成" in a quantitative row cannot be scored.
    findings.add(
      'VALUE_UNPARSEABLE',
      'warning',
      row.actualAt,
      MESSAGES.unparseable({ name: label, what: '实际完成值', whatEn: 'actual value', value: actual.text }),
    );
    return;
  }
  const aligned = alignValues(target.number, actual.number);
  if (aligned.mismatch) {
    findings.add(
      'UNIT_MISMATCH',
      'warning',
      row.actualAt,
      MESSAGES.unitMismatch({
        name: label,
        target: target.text,
        actual: actual.text,
        as: aligned.as.zh,
        asEn: aligned.as.en,
      }),
    );
  }
  let a = aligned.actual;
  if (a.isNegative()) {
    // C15: a negative actual is flagged, and scored as 0 when the rulebook says so.
    findings.add(
      'NEGATIVE_ACTUAL',
      'warning',
      row.actualAt,
      MESSAGES.negativeActual({ name: label, actual: a.toFixed() }),
    );
    if (ctx.book.scoring.negativeActualAsZero) a = new Decimal(0);
  }
  if (row.weight !== null) scoreRow(ctx, row, target.number, { ...aligned, actual: a }, row.weight);
  crossCheckFunds(ctx, row, target.number, a, aligned.percent, funds);
}

/** The rule's score of a row with a number on both sides (R5–R8), the over-achievement check (R6, C10) and the
 *  reasons a row needs (R13). */
function scoreRow(
  ctx: Context,
  row: IndicatorRow,
  targetNumber: NumberRead,
  aligned: Aligned,
  weight: Decimal,
): void {
  const { book, findings } = ctx;
  const { target, actual, label } = row;
  const t = aligned.target;
  const a = aligned.actual;
  const share = scoreShare(target.operator, t, a, book);
  let score = weight.times(share);
  // R6 / C10: actual ≥ threshold × target (for "more is better" targets).
  const overThreshold = new Decimal(book.overAchievement.threshold);
  const over = target.operator !== '≤' && target.operator !== '<' && t.gt(0) && a.gte(t.times(overThreshold));
  const deduction =
    over && book.overAchievement.deduction !== null ? new Decimal(book.overAchievement.deduction) : null;
  if (deduction) score = Decimal.max(0, score.minus(deduction)); // L1 (docs/scoring-rules.md)
  const computed = ctx.score(score, weight);
  row.report.score.computed = computed;
  // A ratio as people read it: 2 decimals, half-up, without trailing zeros (1666.67%, 15000%).
  const ratio = over ? trimZeros(fixed(a.div(t).times(100), 2, 'half-up')) : '';
  if (over) {
    findings.add(
      'OVER_ACHIEVED',
      'warning',
      row.actualAt,
      MESSAGES.overAchieved({
        name: label,
        actual: actual.text,
        target: quantityText(targetNumber),
        ratio,
        threshold: overThreshold.times(100).toFixed(),
        deduction: deduction ? deduction.toFixed() : null,
      }),
    );
  }
  checkPrinted(
    ctx,
    row,
    computed,
    formulaText(target.operator, t, a, weight, share, book, aligned.unitText, deduction),
  );
  if (row.reason) return;
  if (share.lt(1) && book.reasons.whenMissed) {
    requireMissedReason(ctx, row);
  } else if (over && book.overAchievement.reasonRequired) {
    reasonMissing(
      ctx,
      row,
      MESSAGES.reasonOver({ name: label, target: quantityText(targetNumber), actual: actual.text, ratio }),
    );
  } else {
    requireDeductionReason(ctx, row);
  }
}

/** C11: an indicator about the execution rate must agree with the funds block; C12: money indicators in another
 *  unit than the funds block. `a` is the actual as scored; `percent` says it is on the percent scale already. */
function crossCheckFunds(
  ctx: Context,
  row: IndicatorRow,
  targetNumber: NumberRead,
  a: Decimal,
  percent: boolean,
  funds: Funds,
): void {
  const { findings } = ctx;
  if (funds.exactRatePct !== null && /执行率/.test(row.name)) {
    const asPct = percent ? a : a.abs().lte(1.5) ? a.times(100) : a;
    if (asPct.minus(funds.exactRatePct).abs().gt('0.01')) {
      findings.add(
        'RATE_CONTRADICTION',
        'warning',
        row.actualAt,
        MESSAGES.rateContradiction({
          name: row.label,
          actual: asPct.toFixed(),
          rate: funds.rateComputed as string,
        }),
      );
    }
  }
  const tu = targetNumber.unit;
  const fundsUnit = funds.layout?.unit;
  if (fundsUnit && (tu === '元' || tu === '万元') && tu !== fundsUnit) {
    findings.add(
      'UNIT_MISMATCH',
      'info',
      row.targetAt,
      MESSAGES.unitFunds({ name: row.label, unit: tu, fundsUnit }),
    );
  }
}

/** A target as a quantity, without its operator: "3000份" for "=3000份". */
function quantityText(n: NumberRead): string {
  return `${n.value.toFixed()}${n.unit ?? ''}`;
}

/** Put target and actual on one scale: 百分比 fraction vs percent, 元 vs 万元 (C12). */
function alignValues(target: NumberRead, actual: NumberRead): Aligned {
  const percentRow =
    target.percentSign || actual.percentSign || isPercentUnit(target.unit) || isPercentUnit(actual.unit);
  if (percentRow) {
    const p = alignPercent(target, actual);
    return {
      target: p.target,
      actual: p.actual,
      mismatch: p.mixed,
      percent: true,
      as: {
        zh: `百分比（指标 ${p.target.toFixed()}%，实际 ${p.actual.toFixed()}%）`,
        en: `percentages (target ${p.target.toFixed()}%, actual ${p.actual.toFixed()}%)`,
      },
      unitText: '%',
    };
  }
  const tu = target.unit;
  const au = actual.unit;
  const plain = { target: target.value, actual: actual.value, percent: false };
  if (!tu || !au || tu === au)
    return { ...plain, mismatch: false, as: { zh: '', en: '' }, unitText: tu ?? au ?? '' };
  if ((tu === '元' || tu === '万元') && (au === '元' || au === '万元')) {
    const a = au === '元' ? actual.value.div(10000) : actual.value.times(10000);
    return {
      ...plain,
      actual: a,
      mismatch: true,
      as: { zh: `${tu}（实际 ${a.toFixed()}${tu}）`, en: `${tu} (actual ${a.toFixed()} ${tu})` },
      unitText: tu,
    };
  }
  return { ...plain, mismatch: true, as: { zh: '数值', en: 'plain numbers' }, unitText: '' };
}

/** The share of 分值 a quantitative row earns (0–1), by its operator. */
export function scoreShare(op: Operator | null, t: Decimal, a: Decimal, book: Rulebook): Decimal {
  const one = new Decimal(1);
  const zero = new Decimal(0);
  if (op === '≤' || op === '<') {
    // R7: reverse indicators; the formula is the rulebook's choice (Q1).
    if (a.lte(t)) return one;
    if (t.lte(0)) return zero;
    if (book.scoring.reverse === 'ratio') return t.div(a); // 年度指标值 / 实际完成值
    // linear: full at target, 0 at twice the target.
    return Decimal.max(zero, one.minus(a.minus(t).div(t)));
  }
  if (op === '=') {
    // R8: target 0 → full only if the actual is 0.
    if (t.isZero()) return a.lte(0) ? one : zero;
    // Q2: any deviation from an "=" target may lose points, when the rulebook says so.
    if (book.scoring.equal === 'deviation') {
      return Decimal.max(zero, one.minus(a.minus(t).abs().div(t.abs())));
    }
  }
  // R5: positive indicators (and "=" scored like "≥"): full when met, else 实际/指标.
  if (a.gte(t)) return one;
  if (t.lte(0)) return one;
  return a.div(t);
}

/** "1666.70" → "1666.7", "15000.00" → "15000". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The formula behind a row's score, for the score-mismatch message (C8), with the over-achievement deduction of
 *  L1 when the rulebook takes one. */
function formulaText(
  op: Operator | null,
  t: Decimal,
  a: Decimal,
  weight: Decimal,
  share: Decimal,
  book: Rulebook,
  unit: string,
  deduction: Decimal | null,
): Text {
  const base = shareFormula(op, t, a, weight, share, book, unit);
  if (!deduction) return base;
  const d = deduction.toFixed();
  if (share.eq(1)) {
    const ts = `${t.toFixed()}${unit}`;
    const as = `${a.toFixed()}${unit}`;
    return {
      zh: `实际 ${as} 达到指标 ${ts}，满分 ${weight.toFixed()}，超额完成扣 ${d} 分`,
      en: `actual ${as} meets the target ${ts}: full ${weight.toFixed()} less ${d} for over-achievement`,
    };
  }
  return {
    zh: `${base.zh}，超额完成扣 ${d} 分`,
    en: `${base.en}, less ${d} for over-achievement`,
  };
}

function shareFormula(
  op: Operator | null,
  t: Decimal,
  a: Decimal,
  weight: Decimal,
  share: Decimal,
  book: Rulebook,
  unit: string,
): Text {
  const w = weight.toFixed();
  const ts = `${t.toFixed()}${unit}`;
  const as = `${a.toFixed()}${unit}`;
  if (share.eq(1)) {
    return {
      zh: `实际 ${as} 达到指标 ${ts}，应得满分 ${w}`,
      en: `actual ${as} meets the target ${ts}: full ${w}`,
    };
  }
  if (op === '≤' || op === '<') {
    if (book.scoring.reverse === 'ratio') return { zh: `${w} × ${ts} ÷ ${as}`, en: `${w} × ${ts} ÷ ${as}` };
    return { zh: `${w} ×（1 −（${as} − ${ts}）÷ ${ts}）`, en: `${w} × (1 − (${as} − ${ts}) ÷ ${ts})` };
  }
  if (op === '=' && book.scoring.equal === 'deviation') {
    return { zh: `${w} ×（1 − |${as} − ${ts}| ÷ ${ts}）`, en: `${w} × (1 − |${as} − ${ts}| ÷ ${ts})` };
  }
  return { zh: `${w} × ${as} ÷ ${ts}`, en: `${w} × ${as} ÷ ${ts}` };
}
