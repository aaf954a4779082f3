// The indicator table: each row read into an IndicatorRow, checked by its family (qualitative, deadline,
// quantitative), and gathered for the weight and total checks (R1, R10, R11).
import { toA1 } from '../a1';
import { Decimal } from '../decimal';
import type { FormLayout } from '../locate';
import { MESSAGES } from '../messages';
import { dec, operatorOfNature, readValue, type NumberRead, type ValueRead } from '../parse';
import type { IndicatorReport } from '../report';
import { compact, labelKey, pointsOfLabel } from '../text';
import { plainText, pos, type Context, type Pos } from './context';
import { checkDeadline } from './deadline';
import type { Funds } from './funds';
import { checkQualitative } from './qualitative';
import { checkQuantitative } from './quantitative';
import type { IndicatorRow } from './row';

type IndicatorCols = FormLayout['indicators']['cols'];

/** A 一级指标 with the points its label states ("产出指标(50分)") and the weights of its applicable rows. */
export interface Level1Group {
  label: string;
  stated: string | null;
  first: Pos;
  weights: Decimal[];
}

export interface Indicators {
  reports: IndicatorReport[];
  /** `explained`: the printed score is an explained self-deduction, kept in the total after deductions. */
  /** `standIn`: the printed score kept within 0–分值, what the total counts for a row it cannot score (a printed
   *  score out of range is SCORE_OUT_OF_RANGE, and must not lift the total above the sum of the weights). */
  scores: {
    computed: Decimal | null;
    printed: Decimal | null;
    standIn: Decimal | null;
    applicable: boolean;
    explained: boolean;
  }[];
  groups: Level1Group[];
  /** The 分值 of the rows that do not apply (R10). */
  naWeight: Decimal;
}

/** A printed score kept within 0–weight (as it is without a weight, but never below 0). */
export function withinWeight(printed: Decimal | null, weight: Decimal | null): Decimal | null {
  if (printed === null) return null;
  const low = Decimal.max(printed, 0);
  return weight === null ? low : Decimal.min(low, Decimal.max(weight, 0));
}

/** The 一级/二级指标 a row falls under: merged cells name them once, on the first row of their block. */
class Levels {
  level1 = '';
  level1Raw = '';
  level2 = '';

  read(ctx: Context, row: number, ic: IndicatorCols): void {
    const l1Cell = ic.level1 !== undefined ? ctx.grid.value(row, ic.level1) : null;
    const l2Cell = ic.level2 !== undefined ? ctx.grid.value(row, ic.level2) : null;
    if (l1Cell !== null && String(l1Cell).trim() !== '') {
      const raw = compact(l1Cell);
      if (raw !== this.level1Raw) this.level2 = '';
      this.level1Raw = raw;
      this.level1 = labelKey(l1Cell);
    }
    if (l2Cell !== null && String(l2Cell).trim() !== '') this.level2 = labelKey(l2Cell);
  }
}

export function evaluateIndicators(ctx: Context, layout: FormLayout, funds: Funds): Indicators {
  const ic = layout.indicators.cols;
  const result: Indicators = { reports: [], scores: [], groups: [], naWeight: new Decimal(0) };
  const groups = new Map<string, Level1Group>();
  const levels = new Levels();
  // Hidden rows are out of the printed form; the rulebook may read those with content (Rulebook.hiddenRows).
  const rows =
    ctx.book.hiddenRows === 'read'
      ? [...layout.indicators.rows, ...layout.indicators.hiddenRows].sort((a, b) => a - b)
      : layout.indicators.rows;
  for (const r of rows) {
    levels.read(ctx, r, ic);
    const row = readRow(ctx, r, ic, levels);
    const applicable = !row.target.notApplicable;
    if (levels.level1) {
      const g = groups.get(levels.level1) ?? {
        label: levels.level1,
        stated: pointsOfLabel(levels.level1Raw),
        first: { row: r, col: ic.level1 ?? ic.name ?? 0 },
        weights: [],
      };
      if (row.weight !== null && applicable) g.weights.push(row.weight);
      groups.set(levels.level1, g);
    }
    if (!applicable && row.weight !== null) result.naWeight = result.naWeight.plus(row.weight);
    checkRow(ctx, row, funds, applicable, layout.year);
    result.reports.push(row.report);
    result.scores.push({
      computed: row.report.score.computed === null ? null : new Decimal(row.report.score.computed),
      printed: row.printed,
      standIn: withinWeight(row.printed, row.negativeWeight ? new Decimal(0) : row.weight),
      applicable,
      explained: row.explained,
    });
  }
  result.groups = [...groups.values()];
  return result;
}

/** Reads one row: its cells, values and the report it starts. */
function readRow(ctx: Context, row: number, ic: IndicatorCols, levels: Levels): IndicatorRow {
  const { grid } = ctx;
  const name = plainText(grid, pos(row, ic.name));
  const actualAt = pos(row, ic.actual);
  const scoreAt = pos(row, ic.score);
  const reasonAt = pos(row, ic.reason);
  const target = readTarget(ctx, row, ic);
  const actual = actualAt
    ? readValue(grid.raw(actualAt.row, actualAt.col), grid.format(actualAt.row, actualAt.col), grid.date1904)
    : emptyValue();
  const printedWeight = ctx.number(pos(row, ic.weight));
  // A negative 分值 is not a weight (WEIGHT_NEGATIVE): the row is neither scored nor counted in the sums.
  const weight = printedWeight !== null && printedWeight.isNegative() ? null : printedWeight;
  const printed = ctx.number(scoreAt);
  const reason = plainText(grid, reasonAt);
  const qualitative =
    target.number === null &&
    !target.date &&
    (target.words !== null || (target.empty && actual.words !== null));
  const report: IndicatorReport = {
    row: row + 1,
    level1: levels.level1,
    level2: levels.level2,
    name,
    kind: qualitative ? 'qualitative' : 'quantitative',
    target: {
      text: target.text,
      operator: target.operator,
      value: target.number ? target.number.value.toFixed() : null,
      unit: target.number ? target.number.unit : null,
    },
    actual: {
      text: actual.text,
      value: actual.number && actual.operator === null ? actual.number.value.toFixed() : null,
      unit: actual.number ? actual.number.unit : null,
    },
    weight: dec(printedWeight),
    score: { computed: null, printed: dec(printed), cell: scoreAt ? toA1(scoreAt.row, scoreAt.col) : null },
    band: null,
    reason,
  };
  return {
    label: name || `第 ${row + 1} 行`,
    name,
    target,
    actual,
    weight,
    negativeWeight: weight === null ? printedWeight : null,
    printed,
    reason,
    targetAt: pos(row, ic.targetValue ?? ic.target),
    weightAt: pos(row, ic.weight),
    actualAt,
    scoreAt,
    reasonCell: reasonAt ?? scoreAt,
    outOfRange: printed !== null && weight !== null && (printed.isNegative() || printed.gt(weight)),
    explained: false,
    report,
  };
}

/** The checks of every row (a missing 分值, C7), then those of its family; rows that do not apply are not
 *  assessed (R10). */
function checkRow(
  ctx: Context,
  row: IndicatorRow,
  funds: Funds,
  applicable: boolean,
  year: string | null,
): void {
  const { findings } = ctx;
  const { weight, printed, label } = row;
  if (row.negativeWeight) {
    findings.add(
      'WEIGHT_NEGATIVE',
      'error',
      row.weightAt,
      MESSAGES.weightNegative({
        name: `“${label}”`,
        nameEn: `"${label}"`,
        weight: row.negativeWeight.toFixed(),
      }),
    );
  } else if (weight === null && applicable) {
    findings.add(
      'FIELD_MISSING',
      'warning',
      row.weightAt,
      MESSAGES.fieldMissing({ field: `“${label}”的分值`, fieldEn: `The weight of "${label}"` }),
    );
  }
  if (row.outOfRange) {
    const found = (printed as Decimal).toFixed();
    findings.add(
      'SCORE_OUT_OF_RANGE',
      'error',
      row.scoreAt,
      MESSAGES.scoreOutOfRange({ name: label, found, weight: (weight as Decimal).toFixed() }),
      null,
      found,
    );
  }
  if (!applicable) return;
  if (row.report.kind === 'qualitative') checkQualitative(ctx, row);
  else if (row.target.date) checkDeadline(ctx, row, row.target.date, year);
  else checkQuantitative(ctx, row, funds);
}

function emptyValue(): ValueRead {
  return { text: '', operator: null, number: null, words: null, notApplicable: false, empty: true };
}

/** The target of a row: one cell ("=3000份"), or split over 指标性质 / 指标值 / 度量单位. */
function readTarget(ctx: Context, row: number, cols: IndicatorCols): ValueRead {
  const { grid } = ctx;
  if (cols.targetValue === undefined) {
    if (cols.target === undefined) return emptyValue();
    return readValue(grid.raw(row, cols.target), grid.format(row, cols.target), grid.date1904);
  }
  const natureRaw = cols.nature !== undefined ? grid.raw(row, cols.nature) : null;
  const unitRaw = cols.targetUnit !== undefined ? grid.raw(row, cols.targetUnit) : null;
  const valueRaw = grid.raw(row, cols.targetValue);
  const value = readValue(valueRaw, grid.format(row, cols.targetValue), grid.date1904);
  const unit = unitRaw === null ? '' : compact(unitRaw);
  const natureText = natureRaw === null ? '' : compact(natureRaw);
  const operator = operatorOfNature(natureRaw) ?? value.operator;
  const text = `${natureText && operator ? natureText : ''}${value.text}${unit && value.number ? unit : ''}`;
  if (value.number) {
    const number: NumberRead = { ...value.number };
    if (number.unit === null && unit && unit !== '/' && unit !== '—') {
      number.unit = unit;
      if (unit === '%') number.percentSign = true;
    }
    return { ...value, text, operator, number };
  }
  return { ...value, text: text || value.text, operator };
}
