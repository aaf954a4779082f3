// The seed form must give the figures worked out by hand in the issue (and below).
import { scoreSheets, getPreset, type FormReport } from '../../src/core';
import { seedSheet } from '../fixtures/shanghai';

function codesAt(form: FormReport, cell: string): string[] {
  return form.findings.filter((f) => f.cell === cell).map((f) => `${f.code}:${f.severity}`);
}

describe('the Shanghai 2021 seed form', () => {
  const report = scoreSheets([seedSheet()], { source: 'seed.xlsx' });
  const form = report.forms[0];

  it('is found once, with its header fields', () => {
    expect(report.schema).toBe('selfeval-report/1');
    expect(report.rulebook).toBe('mof-2020');
    expect(report.forms).toHaveLength(1);
    expect(report.errors).toEqual([]);
    expect(form.sheet).toBe('自评表');
    expect(form.range).toBe('A1:I21');
    expect(form.year).toBe('2021');
    expect(form.project).toBe('计生特殊家庭帮扶及权益维护');
    expect(form.department).toBe('上海市卫生健康委员会');
    expect(form.implementer).toBe('上海市计划生育协会');
    expect(form.unit).toBe('元');
  });

  it('computes the execution rate 965043.97 ÷ 991403 = 97.3412…% → 97.34 and flags the printed 97.35 as info', () => {
    expect(form.funds.initialBudget).toBe('1100000');
    expect(form.funds.annualBudget).toBe('991403');
    expect(form.funds.executed).toBe('965043.97');
    expect(form.funds.rate).toEqual({ computed: '97.34', printed: '97.35', cell: 'H6' });
    const f = form.findings.find((x) => x.code === 'RATE_MISMATCH');
    expect(f).toMatchObject({ severity: 'info', cell: 'H6', expected: '97.34', found: '97.35' });
    expect(f?.message).toContain('执行率应为 97.34%（965043.97 ÷ 991403.00），表中为 97.35%');
  });

  it('scores the funds block 10 × 0.973412… = 9.73', () => {
    expect(form.funds.weight).toBe('10');
    expect(form.funds.score).toEqual({ computed: '9.73', printed: '9.73', cell: 'I6' });
    expect(form.findings.some((x) => x.code === 'FUNDS_SCORE_MISMATCH')).toBe(false);
  });

  it('reads the 其中 rows and notes the budget adjustment 1100000 → 991403', () => {
    expect(
      form.funds.breakdown.map((b) => [b.label, b.row, b.initialBudget, b.annualBudget, b.executed]),
    ).toEqual([
      ['其中：当年财政拨款', 7, '1100000', '991403', '965043.97'],
      ['上年结转资金', 8, '0', '0', null],
      ['其他资金', 9, '0', '0', null],
    ]);
    expect(codesAt(form, 'E6')).toEqual(['BUDGET_ADJUSTED:info']);
    expect(form.findings.some((x) => x.code === 'BREAKDOWN_SUM_MISMATCH')).toBe(false);
  });

  it('reads all eight indicators with their levels filled down', () => {
    expect(
      form.indicators.map((i) => [i.row, i.level1, i.level2, i.name, i.weight, i.score.printed]),
    ).toEqual([
      [13, '产出指标', '数量指标', '暖心家园健康行服务场次', '20', '20'],
      [14, '产出指标', '数量指标', '普法宣传品/册发放', '10', '10'],
      [15, '产出指标', '质量指标', '项目支出符合协会财务制度规定', '10', '10'],
      [16, '产出指标', '时效指标', '年底之前预算执行率', '10', '9.7'],
      [17, '效益指标', '社会效益指标', '计生特殊家庭宣传品制作发放', '15', '15'],
      [18, '效益指标', '社会效益指标', '普法活动覆盖人数', '15', '15'],
      [19, '满意度指标', '服务对象满意度指标', '暖心家园健康行评估满意度', '5', '5'],
      [20, '满意度指标', '服务对象满意度指标', '法律咨询讲座或活动服务对象满意度', '5', '5'],
    ]);
    expect(form.indicators[0].target).toEqual({ text: '=90', operator: '=', value: '90', unit: null });
    expect(form.indicators[1].target).toEqual({ text: '=3000份', operator: '=', value: '3000', unit: '份' });
    expect(form.indicators[6].target).toEqual({
      text: '>=0.9百分比',
      operator: '≥',
      value: '0.9',
      unit: '百分比',
    });
  });

  it('scores each quantitative row: met targets get full marks', () => {
    expect(form.indicators.map((i) => i.score.computed)).toEqual([
      '20.00', // 90 = 90
      '10.00', // 50000 ≥ 3000
      '10.00', // 1 (=100%) ≥ 1百分比
      '10.00', // 1 ≥ 1百分比, printed 9.7
      '15.00', // 12000 ≥ 10000
      '15.00', // 120000 ≥ 800
      null, // ">=0.9" is not a number to score
      null,
    ]);
  });

  it('notes the explained self-deduction 9.7 of 10 on 年底之前预算执行率 and flags its contradiction with the funds block', () => {
    expect(codesAt(form, 'H16')).toEqual(['SCORE_MISMATCH:info']);
    const f = form.findings.find((x) => x.code === 'SCORE_MISMATCH');
    expect(f).toMatchObject({ expected: '10.00', found: '9.7' });
    expect(codesAt(form, 'F16')).toEqual(['RATE_CONTRADICTION:warning']);
    // It has a reason, so no REASON_MISSING.
    expect(codesAt(form, 'I16')).toEqual([]);
  });

  it('flags the large over-achievements 3000 → 50000 and 800 → 120000 with no reason', () => {
    expect(codesAt(form, 'F14')).toEqual(['OVER_ACHIEVED:warning']);
    expect(codesAt(form, 'I14')).toEqual(['REASON_MISSING:warning']);
    expect(codesAt(form, 'F18')).toEqual(['OVER_ACHIEVED:warning']);
    expect(codesAt(form, 'I18')).toEqual(['REASON_MISSING:warning']);
    // 12000 / 10000 = 120% is below the 130% threshold.
    expect(codesAt(form, 'F17')).toEqual([]);
  });

  it('cannot score the ">=0.9" actuals and says so', () => {
    expect(codesAt(form, 'F19')).toEqual(['VALUE_UNPARSEABLE:warning']);
    expect(codesAt(form, 'F20')).toEqual(['VALUE_UNPARSEABLE:warning']);
  });

  it('totals 9.73 + 90 = 99.73 computed against 99.43 printed, without TOTAL_MISMATCH, grade 优', () => {
    expect(form.total).toEqual({
      weight: '100',
      computed: '99.73',
      printed: '99.43',
      cell: 'H21',
      afterDeductions: '99.43', // the explained 9.7 kept
    });
    expect(form.findings.some((x) => x.code === 'TOTAL_MISMATCH')).toBe(false);
    expect(form.findings.some((x) => x.code === 'WEIGHT_SUM_MISMATCH')).toBe(false);
    expect(form.findings.some((x) => x.code === 'LEVEL1_WEIGHTS_NONSTANDARD')).toBe(false);
    expect(form.grade).toEqual({ computed: '优', printed: null });
  });

  it('has no error-severity finding', () => {
    expect(form.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('under the shanghai rulebook shows the rate rounded up, 97.35, and no longer flags it', () => {
    const sh = scoreSheets([seedSheet()], { rulebook: getPreset('shanghai') }).forms[0];
    expect(sh.funds.rate.computed).toBe('97.35');
    expect(sh.funds.score.computed).toBe('9.73');
    expect(sh.findings.some((f) => f.code === 'RATE_MISMATCH')).toBe(false);
  });

  it('every number in the report is a plain decimal string or null', () => {
    const walk = (v: unknown): void => {
      if (typeof v === 'number') {
        throw new Error(`a JS number in the report: ${v}`);
      }
      if (v && typeof v === 'object')
        Object.entries(v).forEach(([k, x]) => (k === 'row' ? undefined : walk(x)));
    };
    expect(() => walk(report)).not.toThrow();
  });
});
