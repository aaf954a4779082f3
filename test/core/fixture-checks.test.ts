// Independent fixture tests for the checks of the scoring core: breakdown sums, weight sums, qualitative bands,
// reverse (≤) indicators, missing fields, sheets without a form. Expected figures are worked out by hand from
// shared/reference/scoring-rules.md and notes/core-decisions.md; "READING:" marks our choice where those leave a
// question open.
import { loadRulebook, scoreSheets, type FormReport } from '../../src/core';
import {
  anhuiZeroTotal,
  levelLabelWeights,
  missingExecuted,
  noFormSheets,
  oneColumnOff,
  qualitativeRows,
  reverseIndicator,
  weightsOver,
} from '../fixtures/checks';
import {
  expectAmount,
  expectErrors,
  expectFinding,
  expectNoFinding,
  findingsOnRow,
  indicator,
  lazy,
  onlyForm,
  rowOf,
} from '../fixtures/expect';

describe('fixture 8a: a total row of zeros over non-zero 其中 rows (Anhui 2022)', () => {
  const fx = anhuiZeroTotal();
  const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));

  it('flags BREAKDOWN_SUM_MISMATCH (error) at each of the three total cells', () => {
    // 年初: 90 + / + / = 90 ≠ 0; 全年: 89.974 ≠ 0; 执行: 89.974 ≠ 0
    // With 全年预算数 0 the rate cannot be computed, so there is no RATE_MISMATCH / FUNDS_SCORE_MISMATCH. The core
    // also says so with an error at 全年预算数 ("全年预算数为 0，无法计算执行率"), filed as BUDGET_ZERO (a zero
    // budget is as unusable as none, but it is not an empty cell, so it has a code of its own).
    expectErrors(form(), [
      `BREAKDOWN_SUM_MISMATCH@${fx.cells.initial}`,
      `BREAKDOWN_SUM_MISMATCH@${fx.cells.annual}`,
      `BREAKDOWN_SUM_MISMATCH@${fx.cells.executed}`,
      `BUDGET_ZERO@${fx.cells.annual}`,
    ]);
  });

  it('does not divide by the zero budget (READING: rate and funds score computed null)', () => {
    const f = form();
    expectAmount(f.funds.annualBudget, '0');
    expect(f.funds.rate.computed).toBeNull();
    expect(f.funds.score.computed).toBeNull();
    expect(f.funds.breakdown[0].label).toContain('本年财政拨款');
    expectAmount(f.funds.breakdown[0].annualBudget, '89.974');
  });

  it('totals with the printed funds score (10 + 50 + 30 + 10 = 100.00)', () => {
    // funds computed null → its printed 10 counts; indicators 50.00 + 30.00 + 10.00
    expect(form().total.computed).toBe('100.00');
    expect(form().unit).toBe('万元');
  });
});

describe('fixture 8b: only the 年初预算数 column fails to add up', () => {
  const fx = oneColumnOff();
  const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));

  it('flags only the 年初预算数 total cell', () => {
    // 年初: 1000 + 0 + 50 = 1050 ≠ 1000 → error; 全年: 800 + 100 + — = 900 ✓; 执行: 750 + 100 + — = 850 ✓
    expectErrors(form(), [`BREAKDOWN_SUM_MISMATCH@${fx.cells.initial}`]);
    expectFinding(form(), 'BUDGET_ADJUSTED', 'info', fx.cells.annual); // 1000 ≠ 900
  });

  it('still scores the funds', () => {
    const f = form();
    // 850 / 900 = 0.94444… → 94.44; printed "94.44%" → equal; 10 × 0.94444… = 9.4444… → 9.44
    expect(f.funds.rate.computed).toBe('94.44');
    expectNoFinding(f, 'RATE_MISMATCH');
    expect(f.funds.score.computed).toBe('9.44');
    // 9.44 + 50 + 30 + 10 = 99.44
    expect(f.total.computed).toBe('99.44');
  });
});

describe('fixture 9a: weights adding up to 110 under a printed total weight of 100', () => {
  const fx = weightsOver();
  const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));

  it('flags WEIGHT_SUM_MISMATCH (error) at the 总分 分值 cell, and no other error', () => {
    // 10 + (20 + 20 + 20) + 30 + 10 = 110 ≠ 100
    expectErrors(form(), [`WEIGHT_SUM_MISMATCH@${fx.cells.totalWeight}`]);
  });

  it('notes the 60-point 产出 level (info, on its first row)', () => {
    const hits = form().findings.filter((x) => x.code === 'LEVEL1_WEIGHTS_NONSTANDARD');
    expect(hits.some((x) => x.severity === 'info' && rowOf(x.cell) === fx.cells.indicators[0].row)).toBe(
      true,
    );
  });

  it('still totals the rows: 10.00 + 60 + 30 + 10 = 110.00', () => {
    const f = form();
    expect(indicator(f, '上线时间').score.computed).toBe('20.00'); // ≤12月, 11 → met
    expect(f.total.computed).toBe('110.00');
    expectAmount(f.total.weight, '100');
    expectNoFinding(f, 'TOTAL_MISMATCH'); // printed 110 = 10 + 20 + 20 + 20 + 30 + 10
  });
});

describe('fixture 9b: level-1 labels "(50分)" / "(30分)" that their rows do not add up to', () => {
  const fx = levelLabelWeights();
  const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));

  it('flags WEIGHT_SUM_MISMATCH (error) on the first row of each wrong level only', () => {
    // 产出(50分): 40 + 20 = 60 ≠ 50; 效益(30分): 20 ≠ 30; 满意度(10分): 10 ✓; grand total 10 + 60 + 20 + 10 = 100 ✓
    const errors = form()
      .findings.filter((x) => x.severity === 'error')
      .map((x) => `${x.code}@row${rowOf(x.cell)}`)
      .sort();
    expect(errors).toEqual(
      [
        `WEIGHT_SUM_MISMATCH@row${fx.cells.indicators[0].row}`,
        `WEIGHT_SUM_MISMATCH@row${fx.cells.indicators[2].row}`,
      ].sort(),
    );
    expectNoFinding(form(), 'WEIGHT_SUM_MISMATCH', fx.cells.totalWeight);
  });
});

describe('fixture 10: qualitative rows in and out of their bands', () => {
  const fx = qualitativeRows();
  const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));
  const cell = (i: number): (typeof fx.cells.indicators)[number] => fx.cells.indicators[i];

  it('gives each qualitative row its band and no computed score', () => {
    const f = form();
    const q = (name: string): unknown => {
      const ind = indicator(f, name);
      return [ind.kind, ind.score.computed, ind.band];
    };
    // 部分达成 at 分值 10: [10 × 0.6, 10 × 0.8) = 6.00 – 8.00
    expect(q('培训组织质量')).toEqual(['qualitative', null, { grade: '部分达成', min: '6.00', max: '8.00' }]);
    // 一般 → 部分达成 at 分值 5: 3.00 – 4.00
    expect(q('教材编写质量')).toEqual(['qualitative', null, { grade: '部分达成', min: '3.00', max: '4.00' }]);
    // actual repeats the target 达成预期指标 → 达成 at 分值 5: [5 × 0.8, 5 × 1] = 4.00 – 5.00
    expect(q('课程安排合理性')).toEqual(['qualitative', null, { grade: '达成', min: '4.00', max: '5.00' }]);
    // 达成 at 分值 10: 8.00 – 10.00
    expect(q('培训及时性')).toEqual(['qualitative', null, { grade: '达成', min: '8.00', max: '10.00' }]);
    // 有序推进 / 按计划推进 map to no band
    expect(q('项目推进情况')).toEqual(['qualitative', null, null]);
  });

  it('flags QUALITATIVE_OUT_OF_BAND (error) for 9 in [6, 8) and for 4 in [3, 4) (80% belongs to 达成)', () => {
    expectErrors(form(), [
      `QUALITATIVE_OUT_OF_BAND@${cell(1).score}`, // 部分达成 scored 9 of 10
      `QUALITATIVE_OUT_OF_BAND@${cell(2).score}`, // 一般 scored 4 of 5: the band's top is exclusive
    ]);
  });

  it('accepts 达成 scored 9 of 10 and 4 of 5 (band bottom inclusive) when a reason is given', () => {
    // READING: a score below 分值 still needs a reason (decisions: "printed score < 分值"), so these rows carry one.
    expect(findingsOnRow(form(), cell(3).row)).toEqual([]);
    expect(findingsOnRow(form(), cell(4).row)).toEqual([]);
  });

  it('asks for a reason on the 部分达成 row without one', () => {
    // grade not 达成 and 9 < 10, reason empty → REASON_MISSING at 偏差原因
    expectFinding(form(), 'REASON_MISSING', 'warning', cell(1).reason);
    expectNoFinding(form(), 'REASON_MISSING', cell(2).reason); // 一般 row has a reason
  });

  it('warns QUALITATIVE_UNMAPPED on the row whose words map to no band, and nothing else there', () => {
    const hits = findingsOnRow(form(), cell(5).row);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatch(/^QUALITATIVE_UNMAPPED:warning@/);
  });

  it('totals with the printed qualitative scores', () => {
    // 10.00 + 15 + 9 + 4 + 4 + 9 + 5 + 30 + 10 = 96.00
    expect(form().total.computed).toBe('96.00');
    expect(form().grade.computed).toBe('优');
  });
});

describe('fixture 11: a ≤ cost indicator, ratio (mof-2020) and linear (loaded rulebook)', () => {
  const fx = reverseIndicator();
  const cost = fx.cells.indicators[1];

  describe('under mof-2020 (ratio)', () => {
    const form = lazy(() => onlyForm(scoreSheets([fx.sheet])));

    it('scores ≤90万元 with 100万元 as 10 × 90/100 = 9.00', () => {
      const f = form();
      expect(indicator(f, '培训总成本').target).toMatchObject({ operator: '≤', value: '90', unit: '万元' });
      expect(indicator(f, '培训总成本').score).toEqual({ computed: '9.00', printed: '9', cell: cost.score });
      expect(indicator(f, '投诉次数').score.computed).toBe('10.00'); // 3 ≤ 5 → full
      expectErrors(f, []);
      expectNoFinding(f, 'SCORE_MISMATCH');
      // actual > target on a ≤ row, but a reason is given
      expectNoFinding(f, 'REASON_MISSING');
      // no over-achievement on ≤ rows
      expectNoFinding(f, 'OVER_ACHIEVED');
    });

    it('totals 98.50', () => {
      // 95 / 100 → 95.00, 9.50; 9.50 + 30 + 9.00 + 10 + 30 + 10 = 98.50
      expect(form().funds.score.computed).toBe('9.50');
      expect(form().total.computed).toBe('98.50');
    });
  });

  describe('under { "scoring": { "reverse": "linear" } }', () => {
    const form = lazy(() =>
      onlyForm(scoreSheets([fx.sheet], { rulebook: loadRulebook({ scoring: { reverse: 'linear' } }) })),
    );

    it('scores 10 × (1 − (100 − 90)/90) = 8.888… → 8.89 and flags the printed 9 (error: printed > computed)', () => {
      const f = form();
      expect(indicator(f, '培训总成本').score.computed).toBe('8.89');
      expect(indicator(f, '投诉次数').score.computed).toBe('10.00');
      // |9 − 8.89| = 0.11 > 0.01 and printed > computed → error
      expectErrors(f, [`SCORE_MISMATCH@${cost.score}`]);
    });

    it('totals 98.39', () => {
      // 9.50 + 30 + 8.89 + 10 + 30 + 10 = 98.39
      expect(form().total.computed).toBe('98.39');
    });
  });
});

describe('fixture 12: 全年执行数 missing', () => {
  const fx = missingExecuted();
  const report = lazy(() => scoreSheets([fx.sheet]));
  const form = (): FormReport => onlyForm(report());

  it('does not throw and reports FIELD_MISSING (error) at the empty cell only', () => {
    expect(() => report()).not.toThrow();
    expectErrors(form(), [`FIELD_MISSING@${fx.cells.executed}`]);
  });

  it('leaves the rate and the funds score uncomputed but keeps what is printed', () => {
    const funds = form().funds;
    expect(funds.executed).toBeNull();
    expect(funds.rate.computed).toBeNull();
    expectAmount(funds.rate.printed, '95');
    expect(funds.score.computed).toBeNull();
    expect(funds.score.printed).toBe('9.5');
    expectNoFinding(form(), 'RATE_MISMATCH');
    expectNoFinding(form(), 'FUNDS_SCORE_MISMATCH');
  });

  it('still scores the other rows and totals with the printed funds score', () => {
    const f = form();
    expect(f.indicators.map((i) => i.score.computed)).toEqual(['50.00', '30.00', '10.00']);
    // 9.5 (printed) + 50 + 30 + 10 = 99.50
    expect(f.total.computed).toBe('99.50');
    expect(f.grade.computed).toBe('优');
  });
});

describe('fixture 13: sheets with no form', () => {
  const report = lazy(() => scoreSheets(noFormSheets()));

  it('gives no form, no exception, and FORM_NOT_FOUND for each sheet', () => {
    expect(() => report()).not.toThrow();
    const r = report();
    expect(r.forms).toEqual([]);
    expect(r.errors.map((e) => [e.code, e.sheet])).toEqual([
      ['FORM_NOT_FOUND', '说明'],
      ['FORM_NOT_FOUND', '项目清单'],
      ['FORM_NOT_FOUND', '空表'],
    ]);
    for (const e of r.errors) expect(e.message).toContain(e.sheet as string);
  });
});
