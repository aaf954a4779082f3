// Reading one located form, scoring it by the rulebook and validating it: the FormReport.
// Rule numbers ("rule 5", "check 8", "(f)2") refer to shared/reference/scoring-rules.md.
import { rangeA1, toA1 } from './a1';
import { Grid } from './grid';
import { Decimal, fixed } from './decimal';
import type { FormLayout, FundsColumn } from './locate';
import { MESSAGES, GRADE_EN, type Text } from './messages';
import {
  alignPercent,
  compareDates,
  dateText,
  dec,
  isPercentUnit,
  operatorOfNature,
  readCell,
  readMoney,
  readValue,
  type NumberRead,
  type Operator,
  type ValueRead,
} from './parse';
import type {
  BandReport,
  BreakdownRow,
  Finding,
  FindingCode,
  FormReport,
  IndicatorReport,
  Severity,
} from './report';
import type { QualitativeBand, Rulebook } from './rulebook';
import { compact, labelKey, pointsOfLabel } from './text';

/** Collects findings with their cell positions, for sorting into reading order. */
class Findings {
  private readonly list: { finding: Finding; row: number; col: number; seq: number }[] = [];

  add(
    code: FindingCode,
    severity: Severity,
    at: { row: number; col: number } | null,
    text: Text,
    expected?: string | null,
    found?: string | null,
  ): void {
    const finding: Finding = {
      code,
      severity,
      cell: at ? toA1(at.row, at.col) : null,
      message: text.zh,
      messageEn: text.en,
    };
    if (expected !== undefined && expected !== null) finding.expected = expected;
    if (found !== undefined && found !== null) finding.found = found;
    this.list.push({ finding, row: at?.row ?? Infinity, col: at?.col ?? Infinity, seq: this.list.length });
  }

  sorted(): Finding[] {
    return [...this.list]
      .sort((a, b) => a.row - b.row || a.col - b.col || a.seq - b.seq)
      .map((x) => x.finding);
  }
}

interface Pos {
  row: number;
  col: number;
}

function pos(row: number, col: number | undefined): Pos | null {
  return col === undefined ? null : { row, col };
}

/** Free text of a cell as the form means it: line breaks from wrapping removed. */
function plainText(grid: Grid, at: Pos | null): string {
  if (!at) return '';
  const v = grid.raw(at.row, at.col);
  if (v === null) return '';
  return String(v)
    .replace(/\s*[\r\n]+\s*/g, '')
    .trim();
}

/** The value of a header field: the next filled cell right of its label that is not itself a label. */
function fieldValue(grid: Grid, label: Pos | null, right: number): { text: string | null; at: Pos | null } {
  if (!label) return { text: null, at: null };
  const m = grid.mergeOf(label.row, label.col);
  const start = (m ? m.right : label.col) + 1;
  for (let c = start; c <= right + 3; c++) {
    if (!grid.isAnchor(label.row, c)) continue;
    const v = grid.raw(label.row, c);
    if (v === null || String(v).trim() === '') continue;
    const key = labelKey(v);
    if (['主管部门', '实施单位', '项目名称', '主管部门及代码', '实施单位及代码'].includes(key)) break;
    return { text: plainText(grid, { row: label.row, col: c }), at: { row: label.row, col: c } };
  }
  return { text: null, at: { row: label.row, col: start } };
}

const FUNDS_COLUMN_NAMES: Record<'initialBudget' | 'annualBudget' | 'executed', { zh: string; en: string }> =
  {
    initialBudget: { zh: '年初预算数', en: 'Initial budget' },
    annualBudget: { zh: '全年预算数', en: 'Annual budget' },
    executed: { zh: '全年执行数', en: 'Executed' },
  };

export function evaluateForm(grid: Grid, layout: FormLayout, book: Rulebook): FormReport {
  const findings = new Findings();
  const sc = book.scoring;
  const tolerance = new Decimal(sc.tolerance);
  const round = (d: Decimal): string => fixed(d, sc.decimals, sc.rounding);
  const differs = (a: Decimal, b: Decimal): boolean => a.minus(b).abs().gt(tolerance);

  // ---- Header fields
  const project = fieldValue(grid, layout.project, layout.right);
  const department = fieldValue(grid, layout.department, layout.right);
  const implementer = fieldValue(grid, layout.implementer, layout.right);
  if (layout.project && !project.text) {
    findings.add(
      'FIELD_MISSING',
      'warning',
      project.at,
      MESSAGES.fieldMissing({ field: '项目名称', fieldEn: 'The project name' }),
    );
  }
  for (const [label, zh, en] of [
    [layout.goalTarget, '年度目标（预算目标/预期目标）', 'The annual goal'],
    [layout.goalActual, '目标实际完成情况', 'The goal outcome'],
  ] as const) {
    if (!label) continue;
    const below = { row: label.row + 1, col: label.col };
    if (!plainText(grid, below)) {
      findings.add('FIELD_MISSING', 'warning', below, MESSAGES.fieldMissing({ field: zh, fieldEn: en }));
    }
  }

  // Formulas a program wrote and Excel never calculated: their values are unknown to every check.
  for (let r = layout.top; r <= layout.bottom; r++) {
    for (let c = layout.left; c <= layout.right; c++) {
      if (grid.isUncalculated(r, c)) {
        findings.add('FORMULA_UNCALCULATED', 'warning', { row: r, col: c }, MESSAGES.formulaUncalculated());
      }
    }
  }

  // ---- Funds block (rules 2–4, checks 1–5)
  const fl = layout.funds;
  const fundCell = (col: FundsColumn): Pos | null => (fl ? pos(fl.totalRow, fl.cols[col]) : null);
  const money = (at: Pos | null): Decimal | null => {
    if (!at) return null;
    const m = readMoney(grid.raw(at.row, at.col), grid.format(at.row, at.col));
    return m ? m.amount : null;
  };
  const number = (at: Pos | null): Decimal | null => {
    if (!at) return null;
    const r = readCell(grid.raw(at.row, at.col), grid.format(at.row, at.col));
    return r.kind === 'number' ? r.number.value : null;
  };
  /** An amount as the form prints it ("991403.00" for 991403 in a "0.00" cell), for the report. */
  const shown = (at: Pos | null): string | null => {
    if (!at) return null;
    return readMoney(grid.raw(at.row, at.col), grid.format(at.row, at.col))?.shown ?? null;
  };
  const initialBudget = money(fundCell('initialBudget'));
  const annualBudget = money(fundCell('annualBudget'));
  const executed = money(fundCell('executed'));
  const printedFundsWeight = number(fundCell('weight'));
  const fundsWeight = fl ? (printedFundsWeight ?? new Decimal(book.weights.executionRate)) : null;
  const denominator = book.executionRate.denominator === 'annualBudget' ? annualBudget : initialBudget;
  const denominatorCol: FundsColumn = book.executionRate.denominator;

  let exactRatePct: Decimal | null = null;
  let rateComputed: string | null = null;
  let fundsScore: Decimal | null = null;
  if (fl) {
    if (executed === null) {
      findings.add(
        'FIELD_MISSING',
        'error',
        fundCell('executed'),
        MESSAGES.fieldMissing({
          field: '全年执行数',
          fieldEn: 'The amount executed (全年执行数)',
          consequence: '无法计算执行率',
          consequenceEn: 'the execution rate cannot be computed',
        }),
      );
    }
    if (denominator === null) {
      findings.add(
        'FIELD_MISSING',
        'error',
        fundCell(denominatorCol),
        MESSAGES.fieldMissing({
          field: denominatorCol === 'annualBudget' ? '全年预算数' : '年初预算数',
          fieldEn: 'The budget',
          consequence: '无法计算执行率',
          consequenceEn: 'the execution rate cannot be computed',
        }),
      );
    } else if (denominator.isZero()) {
      findings.add('BUDGET_ZERO', 'error', fundCell(denominatorCol), MESSAGES.budgetZero());
    }
    if (executed !== null && denominator !== null && !denominator.isZero()) {
      // rule 2: 执行率 = 全年执行数 / 全年预算数
      const rate = executed.div(denominator);
      exactRatePct = rate.times(100);
      rateComputed = fixed(
        exactRatePct,
        book.executionRate.displayDecimals,
        book.executionRate.displayRounding,
      );
      // rules 3–4: 得分 = 分值 × min(执行率, 封顶), 2 decimals
      const cap = book.executionRate.cap === null ? null : new Decimal(book.executionRate.cap);
      const capped = cap !== null && rate.gt(cap);
      fundsScore = (fundsWeight as Decimal).times(capped ? (cap as Decimal) : rate);
      const printedScore = number(fundCell('score'));
      if (printedScore !== null && differs(printedScore, new Decimal(round(fundsScore)))) {
        findings.add(
          'FUNDS_SCORE_MISMATCH',
          'error',
          fundCell('score'),
          MESSAGES.fundsScoreMismatch({
            expected: round(fundsScore),
            weight: dec(fundsWeight) as string,
            rate: fixed(exactRatePct, 4, 'half-up').replace(/\.?0+$/, ''),
            capped: capped ? 'yes' : '',
            found: printedScore.toFixed(),
          }),
          round(fundsScore),
          printedScore.toFixed(),
        );
      }
      if (annualBudget !== null && executed.gt(annualBudget)) {
        findings.add(
          'EXECUTED_OVER_BUDGET',
          'warning',
          fundCell('executed'),
          MESSAGES.executedOverBudget({ executed: executed.toFixed(2), budget: annualBudget.toFixed(2) }),
        );
      }
      // check 10 (Sichuan): a rate below the threshold needs a reason.
      const below = book.executionRate.reasonBelowPercent;
      if (below !== null && exactRatePct.lt(below)) {
        const reasonAt = fundCell('reason');
        if (!plainText(grid, reasonAt)) {
          findings.add(
            'REASON_MISSING',
            'warning',
            reasonAt ?? fundCell('rate'),
            MESSAGES.rateReasonMissing({ rate: rateComputed, threshold: below }),
          );
        }
      }
    }
    if (initialBudget !== null && annualBudget !== null && !initialBudget.eq(annualBudget)) {
      findings.add(
        'BUDGET_ADJUSTED',
        'info',
        fundCell('annualBudget'),
        MESSAGES.budgetAdjusted({ initial: initialBudget.toFixed(2), annual: annualBudget.toFixed(2) }),
      );
    }
  }

  // Printed rate (check 1): "97.35%", 0.9735 formatted as a percentage, or a bare number on either scale.
  const rateAt = fundCell('rate');
  let printedRate: Decimal | null = null;
  let printedRateDecimals = 0;
  if (rateAt) {
    const r = readCell(grid.raw(rateAt.row, rateAt.col), grid.format(rateAt.row, rateAt.col));
    if (r.kind === 'number') {
      const n = r.number;
      if (n.percentSign) {
        printedRate = n.value;
        printedRateDecimals = n.decimals;
      } else {
        const asPercent = n.value;
        const asFraction = n.value.times(100);
        const fraction =
          exactRatePct !== null
            ? asFraction.minus(exactRatePct).abs().lt(asPercent.minus(exactRatePct).abs())
            : n.value.abs().lte(1.5);
        printedRate = fraction ? asFraction : asPercent;
        printedRateDecimals = fraction ? Math.max(0, n.decimals - 2) : n.decimals;
      }
    }
  }
  if (printedRate !== null && exactRatePct !== null && executed !== null && denominator !== null) {
    const d = printedRateDecimals;
    const asRounded = new Decimal(fixed(exactRatePct, d, 'half-up'));
    const asDisplayed = new Decimal(fixed(exactRatePct, d, book.executionRate.displayRounding));
    if (!printedRate.eq(asRounded) && !printedRate.eq(asDisplayed)) {
      const within = printedRate.minus(exactRatePct).abs().lte(book.executionRate.tolerancePoints);
      findings.add(
        'RATE_MISMATCH',
        within ? 'info' : 'error',
        rateAt,
        MESSAGES.rateMismatch({
          expected: rateComputed as string,
          executed: executed.toFixed(2),
          budget: denominator.toFixed(2),
          found: printedRate.toFixed(),
          within: within ? 'yes' : '',
          tolerance: book.executionRate.tolerancePoints,
        }),
        rateComputed,
        printedRate.toFixed(),
      );
    }
  }

  // Breakdown (check 3): the 其中 rows add up to 年度资金总额, column by column.
  const breakdown: BreakdownRow[] = [];
  if (fl) {
    const rowMoney = (row: number, col: FundsColumn): Decimal | null => money(pos(row, fl.cols[col]));
    for (const row of fl.breakdownRows) {
      breakdown.push({
        label: plainText(grid, { row, col: fl.labelCol }),
        row: row + 1,
        initialBudget: shown(pos(row, fl.cols.initialBudget)),
        annualBudget: shown(pos(row, fl.cols.annualBudget)),
        executed: shown(pos(row, fl.cols.executed)),
      });
    }
    for (const col of ['initialBudget', 'annualBudget', 'executed'] as const) {
      const c = fl.cols[col];
      if (c === undefined) continue;
      // A formula never calculated is unknown, not 0: no sum can be checked with it (FORMULA_UNCALCULATED says so).
      if ([fl.totalRow, ...fl.breakdownRows].some((row) => grid.isUncalculated(row, c))) continue;
      const parts = fl.breakdownRows.map((row) => rowMoney(row, col)).filter((d): d is Decimal => d !== null);
      if (parts.length === 0) continue;
      const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
      const total = money(fundCell(col)) ?? new Decimal(0);
      if (!sum.eq(total)) {
        findings.add(
          'BREAKDOWN_SUM_MISMATCH',
          'error',
          fundCell(col),
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
    }
  }

  // ---- Indicators (rules 5–10, checks 7–13)
  const il = layout.indicators;
  const ic = il.cols;
  const indicators: IndicatorReport[] = [];
  const indicatorScores: { computed: Decimal | null; printed: Decimal | null; applicable: boolean }[] = [];
  const groups = new Map<string, { label: string; stated: string | null; first: Pos; weights: Decimal[] }>();
  let level1 = '';
  let level1Raw = '';
  let level2 = '';
  let naWeight = new Decimal(0);
  for (const row of il.rows) {
    const l1Cell = ic.level1 !== undefined ? grid.value(row, ic.level1) : null;
    const l2Cell = ic.level2 !== undefined ? grid.value(row, ic.level2) : null;
    if (l1Cell !== null && String(l1Cell).trim() !== '') {
      const raw = compact(l1Cell);
      if (raw !== level1Raw) level2 = '';
      level1Raw = raw;
      level1 = labelKey(l1Cell);
    }
    if (l2Cell !== null && String(l2Cell).trim() !== '') level2 = labelKey(l2Cell);
    const name = plainText(grid, pos(row, ic.name));
    const targetAt = pos(row, ic.targetValue ?? ic.target);
    const actualAt = pos(row, ic.actual);
    const weightAt = pos(row, ic.weight);
    const scoreAt = pos(row, ic.score);
    const reasonAt = pos(row, ic.reason);
    const target = readTarget(grid, row, ic);
    const actual = actualAt
      ? readValue(grid.raw(actualAt.row, actualAt.col), grid.format(actualAt.row, actualAt.col))
      : emptyValue();
    const weight = number(weightAt);
    const printed = number(scoreAt);
    const reason = plainText(grid, reasonAt);
    const reasonCell = reasonAt ?? scoreAt;
    const label = name || `第 ${row + 1} 行`;
    const applicable = !target.notApplicable;
    /** check 8: the printed score against the rule's; higher is an error, a lower one is a deduction to explain. */
    const checkPrinted = (computed: string, formula: Text): void => {
      if (printed === null || !differs(printed, new Decimal(computed))) return;
      const higher = printed.gt(computed);
      findings.add(
        'SCORE_MISMATCH',
        higher ? 'error' : 'warning',
        scoreAt,
        (higher ? MESSAGES.scoreOver : MESSAGES.scoreUnder)({
          name: label,
          expected: computed,
          found: printed.toFixed(),
          formula: formula.zh,
          formulaEn: formula.en,
        }),
        computed,
        printed.toFixed(),
      );
    };

    if (level1) {
      const g = groups.get(level1) ?? {
        label: level1,
        stated: pointsOfLabel(level1Raw),
        first: { row, col: ic.level1 ?? ic.name ?? 0 },
        weights: [],
      };
      if (weight !== null && applicable) g.weights.push(weight);
      groups.set(level1, g);
    }
    if (!applicable && weight !== null) naWeight = naWeight.plus(weight);

    const report: IndicatorReport = {
      row: row + 1,
      level1,
      level2,
      name,
      kind:
        target.number === null &&
        !target.date &&
        (target.words !== null || (target.empty && actual.words !== null))
          ? 'qualitative'
          : 'quantitative',
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
      weight: dec(weight),
      score: { computed: null, printed: dec(printed), cell: scoreAt ? toA1(scoreAt.row, scoreAt.col) : null },
      band: null,
      reason,
    };

    if (weight === null && applicable) {
      findings.add(
        'FIELD_MISSING',
        'warning',
        weightAt,
        MESSAGES.fieldMissing({ field: `“${label}”的分值`, fieldEn: `The weight of "${label}"` }),
      );
    }
    if (printed !== null && weight !== null && (printed.isNegative() || printed.gt(weight))) {
      findings.add(
        'SCORE_OUT_OF_RANGE',
        'error',
        scoreAt,
        MESSAGES.scoreOutOfRange({ name: label, found: printed.toFixed(), weight: weight.toFixed() }),
        null,
        printed.toFixed(),
      );
    }
    const outOfRange = printed !== null && weight !== null && (printed.isNegative() || printed.gt(weight));

    if (!applicable) {
      // rule 10: not assessed.
    } else if (report.kind === 'qualitative') {
      // rule 9 / check 9: the score must lie in the band of the stated grade.
      if (actual.empty || actual.notApplicable) {
        findings.add('ACTUAL_MISSING', 'warning', actualAt, MESSAGES.actualMissing({ name: label }));
      } else {
        const band = qualitativeBand(book.qualitative, actual, target);
        if (!band) {
          findings.add(
            'QUALITATIVE_UNMAPPED',
            'warning',
            actualAt,
            MESSAGES.unmapped({ name: label, value: actual.text }),
          );
        } else if (weight !== null) {
          const min = weight.times(band.min);
          const max = weight.times(band.max);
          const bandReport: BandReport = { grade: band.grade, min: round(min), max: round(max) };
          report.band = bandReport;
          const outside =
            printed !== null && (printed.lt(min) || (band.maxInclusive ? printed.gt(max) : printed.gte(max)));
          if (outside && !outOfRange) {
            findings.add(
              'QUALITATIVE_OUT_OF_BAND',
              'error',
              scoreAt,
              MESSAGES.outOfBand({
                name: label,
                grade: band.grade,
                gradeEn: GRADE_EN[band.grade] ?? band.grade,
                min: bandReport.min,
                max: bandReport.max,
                maxOpen: band.maxInclusive ? '' : 'yes',
                found: (printed as Decimal).toFixed(),
              }),
              `${bandReport.min}–${bandReport.max}`,
              (printed as Decimal).toFixed(),
            );
          }
          if (!reason) {
            const missed = band.grade !== book.qualitative[book.qualitative.length - 1].grade;
            if (missed && book.reasons.whenMissed) {
              findings.add(
                'REASON_MISSING',
                'warning',
                reasonCell,
                MESSAGES.reasonQualitative({
                  name: label,
                  grade: band.grade,
                  gradeEn: GRADE_EN[band.grade] ?? band.grade,
                }),
              );
            } else if (book.reasons.whenDeducted && printed !== null && printed.lt(weight)) {
              findings.add(
                'REASON_MISSING',
                'warning',
                reasonCell,
                MESSAGES.reasonDeducted({ name: label, found: printed.toFixed(), weight: weight.toFixed() }),
              );
            }
          }
        }
      }
    } else if (target.date) {
      // 时效: a deadline. Met on or before it (≥ targets: on or after); a missed deadline has no rule score.
      if (actual.empty || actual.notApplicable) {
        findings.add('ACTUAL_MISSING', 'warning', actualAt, MESSAGES.actualMissing({ name: label }));
      } else if (!actual.date) {
        findings.add(
          'VALUE_UNPARSEABLE',
          'warning',
          actualAt,
          MESSAGES.unparseable({
            name: label,
            what: '实际完成时间',
            whatEn: 'completion date',
            value: actual.text,
          }),
        );
      } else {
        const cmp = compareDates(actual.date, target.date);
        const op = target.operator;
        const met = op === '≥' ? cmp >= 0 : op === '>' ? cmp > 0 : op === '<' ? cmp < 0 : cmp <= 0;
        if (met && weight !== null) {
          const computed = round(weight);
          report.score.computed = computed;
          checkPrinted(computed, {
            zh: `按期完成（${dateText(actual.date)}），应得满分 ${weight.toFixed()}`,
            en: `done on time (${dateText(actual.date)}): full ${weight.toFixed()}`,
          });
        } else if (!met) {
          findings.add(
            'DEADLINE_MISSED',
            'warning',
            actualAt,
            MESSAGES.deadlineMissed({ name: label, actual: dateText(actual.date), target: target.text }),
          );
        }
        if (
          !reason &&
          ((!met && book.reasons.whenMissed) ||
            (met &&
              book.reasons.whenDeducted &&
              printed !== null &&
              weight !== null &&
              printed.lt(weight) &&
              differs(printed, weight)))
        ) {
          findings.add(
            'REASON_MISSING',
            'warning',
            reasonCell,
            met
              ? MESSAGES.reasonDeducted({
                  name: label,
                  found: (printed as Decimal).toFixed(),
                  weight: (weight as Decimal).toFixed(),
                })
              : MESSAGES.reasonMissed({ name: label, target: target.text, actual: actual.text }),
          );
        }
      }
    } else if (target.number === null) {
      findings.add(
        'FIELD_MISSING',
        'warning',
        targetAt,
        MESSAGES.fieldMissing({ field: `“${label}”的年度指标值`, fieldEn: `The target of "${label}"` }),
      );
    } else if (actual.empty || actual.notApplicable) {
      findings.add('ACTUAL_MISSING', 'warning', actualAt, MESSAGES.actualMissing({ name: label }));
    } else if (actual.number === null || actual.operator !== null) {
      // check 13: ">=0.9", "完成" in a quantitative row cannot be scored.
      findings.add(
        'VALUE_UNPARSEABLE',
        'warning',
        actualAt,
        MESSAGES.unparseable({ name: label, what: '实际完成值', whatEn: 'actual value', value: actual.text }),
      );
    } else {
      const aligned = alignValues(target.number, actual.number);
      if (aligned.mismatch) {
        findings.add(
          'UNIT_MISMATCH',
          'warning',
          actualAt,
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
      const t = aligned.target;
      if (a.isNegative()) {
        findings.add(
          'NEGATIVE_ACTUAL',
          'warning',
          actualAt,
          MESSAGES.negativeActual({ name: label, actual: a.toFixed() }),
        );
        if (sc.negativeActualAsZero) a = new Decimal(0);
      }
      if (weight !== null) {
        const share = scoreShare(target.operator, t, a, book);
        let score = weight.times(share);
        // rule 6 / check 10: actual ≥ threshold × target (for "more is better" targets).
        const overThreshold = new Decimal(book.overAchievement.threshold);
        const over =
          target.operator !== '≤' && target.operator !== '<' && t.gt(0) && a.gte(t.times(overThreshold));
        const deduction =
          over && book.overAchievement.deduction !== null
            ? new Decimal(book.overAchievement.deduction)
            : null;
        if (deduction) score = Decimal.max(0, score.minus(deduction)); // (f)1
        const computed = round(score);
        report.score.computed = computed;
        const formula = formulaText(target.operator, t, a, weight, share, book, aligned.unitText);
        if (over) {
          findings.add(
            'OVER_ACHIEVED',
            'warning',
            actualAt,
            MESSAGES.overAchieved({
              name: label,
              actual: actual.text,
              target: quantityText(target.number),
              ratio: fixed(a.div(t).times(100), 0, 'down'),
              threshold: overThreshold.times(100).toFixed(),
              deduction: deduction ? deduction.toFixed() : '',
            }),
          );
        }
        checkPrinted(computed, formula);
        if (!reason) {
          const missed = share.lt(1);
          if (missed && book.reasons.whenMissed) {
            findings.add(
              'REASON_MISSING',
              'warning',
              reasonCell,
              MESSAGES.reasonMissed({ name: label, target: target.text, actual: actual.text }),
            );
          } else if (over && book.overAchievement.reasonRequired) {
            findings.add(
              'REASON_MISSING',
              'warning',
              reasonCell,
              MESSAGES.reasonOver({
                name: label,
                target: quantityText(target.number),
                actual: actual.text,
                ratio: fixed(a.div(t).times(100), 0, 'down'),
              }),
            );
          } else if (
            book.reasons.whenDeducted &&
            printed !== null &&
            printed.lt(weight) &&
            differs(printed, weight)
          ) {
            findings.add(
              'REASON_MISSING',
              'warning',
              reasonCell,
              MESSAGES.reasonDeducted({ name: label, found: printed.toFixed(), weight: weight.toFixed() }),
            );
          }
        }
      }
      // check 11: an indicator about the execution rate must agree with the funds block.
      if (exactRatePct !== null && /执行率/.test(name)) {
        const asPct = aligned.percent ? a : a.abs().lte(1.5) ? a.times(100) : a;
        if (asPct.minus(exactRatePct).abs().gt('0.01')) {
          findings.add(
            'RATE_CONTRADICTION',
            'warning',
            actualAt,
            MESSAGES.rateContradiction({
              name: label,
              actual: asPct.toFixed(),
              rate: rateComputed as string,
            }),
          );
        }
      }
      // check 12: money indicators in another unit than the funds block.
      const tu = target.number.unit;
      if (fl?.unit && (tu === '元' || tu === '万元') && tu !== fl.unit) {
        findings.add(
          'UNIT_MISMATCH',
          'info',
          targetAt,
          MESSAGES.unitFunds({ name: label, unit: tu, fundsUnit: fl.unit }),
        );
      }
    }
    indicators.push(report);
    indicatorScores.push({
      computed: report.score.computed === null ? null : new Decimal(report.score.computed),
      printed,
      applicable,
    });
  }

  // ---- Weights (rule 1, rule 11, check 6)
  const totalRow = il.totalRow;
  const totalWeightAt = totalRow !== null ? pos(totalRow, ic.weight) : null;
  const totalScoreAt = totalRow !== null ? pos(totalRow, ic.score) : null;
  const printedTotalWeight = number(totalWeightAt);
  const indicatorWeightSum = indicators.reduce(
    (sum, ind, i) => (ind.weight !== null && indicatorScores[i].applicable ? sum.plus(ind.weight) : sum),
    new Decimal(0),
  );
  const weightSum = indicatorWeightSum.plus(fundsWeight ?? 0);
  const expectedTotalWeight = printedTotalWeight ?? new Decimal(book.weights.total).minus(naWeight);
  if (indicators.length > 0 && !weightSum.eq(expectedTotalWeight)) {
    findings.add(
      'WEIGHT_SUM_MISMATCH',
      'error',
      totalWeightAt,
      MESSAGES.weightSum({
        sum: weightSum.toFixed(),
        funds: (fundsWeight ?? new Decimal(0)).toFixed(),
        indicators: indicatorWeightSum.toFixed(),
        total: expectedTotalWeight.toFixed(),
      }),
      expectedTotalWeight.toFixed(),
      weightSum.toFixed(),
    );
  }
  for (const g of groups.values()) {
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
      continue;
    }
    if (!book.checkLevel1Weights) continue;
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

  // ---- Total and grade (rule 11, rule 12, check 14, (f)2)
  const printedFundsScore = number(fundCell('score'));
  let total = new Decimal(fundsScore !== null ? round(fundsScore) : (printedFundsScore ?? 0));
  let printedSum =
    printedFundsScore ?? (fundsScore !== null ? new Decimal(round(fundsScore)) : new Decimal(0));
  for (const s of indicatorScores) {
    if (!s.applicable) continue;
    total = total.plus(s.computed ?? s.printed ?? 0);
    printedSum = printedSum.plus(s.printed ?? 0);
  }
  if (sc.notApplicable === 'rescale' && naWeight.gt(0)) {
    // rule 10: the applicable scores are rescaled to the full total ("按百分制折算").
    const full = new Decimal(book.weights.total);
    total = total.times(full).div(full.minus(naWeight));
  }
  const printedTotal = number(totalScoreAt);
  if (exactRatePct !== null) {
    let cap: Decimal | null = null;
    let capBelow = '';
    for (const c of book.totalCaps) {
      if (exactRatePct.lt(c.rateBelowPercent) && (cap === null || cap.gt(c.maxTotal))) {
        cap = new Decimal(c.maxTotal);
        capBelow = c.rateBelowPercent;
      }
    }
    if (cap !== null && total.gt(cap)) {
      findings.add(
        'TOTAL_CAPPED',
        'warning',
        totalScoreAt,
        MESSAGES.totalCapped({
          rate: rateComputed as string,
          below: capBelow,
          cap: cap.toFixed(),
          total: round(total),
        }),
        cap.toFixed(),
        printedTotal?.toFixed() ?? null,
      );
      total = cap;
    }
  }
  const totalComputed = indicators.length > 0 || fl ? round(total) : null;
  if (printedTotal !== null && differs(printedTotal, printedSum)) {
    findings.add(
      'TOTAL_MISMATCH',
      'error',
      totalScoreAt,
      MESSAGES.totalMismatch({ sum: round(printedSum), found: printedTotal.toFixed() }),
      round(printedSum),
      printedTotal.toFixed(),
    );
  }
  const gradeComputed = totalComputed === null ? null : gradeOf(new Decimal(totalComputed), book);
  const gradeField = fieldValue(grid, layout.grade, layout.right);
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

  return {
    sheet: layout.sheet,
    range: rangeA1({ top: layout.top, left: layout.left, bottom: layout.bottom, right: layout.right }),
    year: layout.year,
    project: project.text,
    department: department.text,
    implementer: implementer.text,
    unit: fl?.unit ?? null,
    funds: {
      initialBudget: shown(fundCell('initialBudget')),
      annualBudget: shown(fundCell('annualBudget')),
      executed: shown(fundCell('executed')),
      weight: dec(fundsWeight),
      rate: {
        computed: rateComputed,
        printed: dec(printedRate),
        cell: rateAt ? toA1(rateAt.row, rateAt.col) : null,
      },
      score: {
        computed: fundsScore === null ? null : round(fundsScore),
        printed: dec(printedFundsScore),
        cell: fundCell('score') ? toA1(fl!.totalRow, fl!.cols.score!) : null,
      },
      breakdown,
    },
    indicators,
    total: {
      weight: dec(printedTotalWeight ?? (indicators.length ? expectedTotalWeight : null)),
      computed: totalComputed,
      printed: dec(printedTotal),
      cell: totalScoreAt ? toA1(totalScoreAt.row, totalScoreAt.col) : null,
    },
    grade: { computed: gradeComputed, printed: printedGrade },
    findings: findings.sorted(),
  };
}

/** A target as a quantity, without its operator: "3000份" for "=3000份". */
function quantityText(n: NumberRead): string {
  return `${n.value.toFixed()}${n.unit ?? ''}`;
}

function emptyValue(): ValueRead {
  return { text: '', operator: null, number: null, words: null, notApplicable: false, empty: true };
}

/** The target of a row: one cell ("=3000份"), or split over 指标性质 / 指标值 / 度量单位. */
function readTarget(grid: Grid, row: number, cols: FormLayout['indicators']['cols']): ValueRead {
  if (cols.targetValue === undefined) {
    if (cols.target === undefined) return emptyValue();
    return readValue(grid.raw(row, cols.target), grid.format(row, cols.target));
  }
  const natureRaw = cols.nature !== undefined ? grid.raw(row, cols.nature) : null;
  const unitRaw = cols.targetUnit !== undefined ? grid.raw(row, cols.targetUnit) : null;
  const valueRaw = grid.raw(row, cols.targetValue);
  const value = readValue(valueRaw, grid.format(row, cols.targetValue));
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

/** Put target and actual on one scale: 百分比 fraction vs percent, 元 vs 万元 (check 12). */
function alignValues(
  target: NumberRead,
  actual: NumberRead,
): { target: Decimal; actual: Decimal; mismatch: boolean; percent: boolean; as: Text; unitText: string } {
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
  if (tu && au && tu !== au) {
    if ((tu === '元' || tu === '万元') && (au === '元' || au === '万元')) {
      const a = au === '元' ? actual.value.div(10000) : actual.value.times(10000);
      return {
        target: target.value,
        actual: a,
        mismatch: true,
        percent: false,
        as: { zh: `${tu}（实际 ${a.toFixed()}${tu}）`, en: `${tu} (actual ${a.toFixed()} ${tu})` },
        unitText: tu,
      };
    }
    return {
      target: target.value,
      actual: actual.value,
      mismatch: true,
      percent: false,
      as: { zh: '数值', en: 'plain numbers' },
      unitText: '',
    };
  }
  return {
    target: target.value,
    actual: actual.value,
    mismatch: false,
    percent: false,
    as: { zh: '', en: '' },
    unitText: tu ?? au ?? '',
  };
}

/** The share of 分值 a quantitative row earns (0–1), by its operator. */
export function scoreShare(op: Operator | null, t: Decimal, a: Decimal, book: Rulebook): Decimal {
  const one = new Decimal(1);
  const zero = new Decimal(0);
  if (op === '≤' || op === '<') {
    // rule 7: reverse indicators.
    if (a.lte(t)) return one;
    if (t.lte(0)) return zero;
    if (book.scoring.reverse === 'ratio') return t.div(a); // 年度指标值 / 实际完成值
    // linear: full at target, 0 at twice the target.
    return Decimal.max(zero, one.minus(a.minus(t).div(t)));
  }
  if (op === '=') {
    // rule 8: target 0 → full only if the actual is 0.
    if (t.isZero()) return a.lte(0) ? one : zero;
    if (book.scoring.equal === 'deviation') {
      return Decimal.max(zero, one.minus(a.minus(t).abs().div(t.abs())));
    }
  }
  // rule 5: positive indicators (and "=" scored like "≥"): full when met, else 实际/指标.
  if (a.gte(t)) return one;
  if (t.lte(0)) return one;
  return a.div(t);
}

function formulaText(
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

/** The band of a qualitative value (rule 9): exact words first, then contained words from the lowest band up;
 *  an actual that repeats its qualitative target ("及时" for "及时") has met it. */
export function qualitativeBand(
  bands: QualitativeBand[],
  actual: ValueRead,
  target: ValueRead,
): QualitativeBand | null {
  const a = compact(actual.text);
  if (!a) return null;
  for (const band of bands) if (band.words.includes(a)) return band;
  for (const band of bands) {
    if (band.words.some((w) => w.length >= 2 && a.includes(w))) return band;
  }
  const t = compact(target.text).replace(/^(=|≥|>=|≤|<=)/, '');
  if (t && a === t) return bands[bands.length - 1];
  return null;
}

export function gradeOf(total: Decimal, book: Rulebook): string {
  for (const g of book.grades) if (total.gte(g.min)) return g.grade;
  return book.grades[book.grades.length - 1].grade;
}
