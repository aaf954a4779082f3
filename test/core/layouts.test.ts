// Layout variants the locator must take without help.
import { scoreSheets } from '../../src/core';
import { cells, sheet } from '../fixtures/grid';

describe('split target columns on a single header row', () => {
  // 指标性质 | 指标值 | 度量单位 directly in the header row, 权重 before them.
  const grid = sheet(
    'S',
    cells({
      A1: '项目名称',
      B1: '单行表头项目',
      A2: '年初预算数',
      B2: '全年预算数',
      C2: '全年执行数',
      D2: '权重',
      E2: '执行率',
      F2: '得分',
      A3: 50,
      B3: 50,
      C3: 45,
      D3: 10,
      E3: '90%',
      F3: 9,
      A5: '一级指标',
      B5: '二级指标',
      C5: '三级指标',
      D5: '权重',
      E5: '指标性质',
      F5: '指标值',
      G5: '度量单位',
      H5: '完成值',
      I5: '得分',
      J5: '未完成原因分析',
      A6: '产出指标',
      B6: '数量指标',
      C6: '培训人次',
      D6: 90,
      E6: '≥',
      F6: 200,
      G6: '人次',
      H6: 150,
      I6: 67.5,
      J6: '疫情影响',
      A7: '合计',
      D7: 100,
      I7: 76.5,
    }),
  );
  const form = scoreSheets([grid]).forms[0];

  it('reads operator, value and unit from their own columns', () => {
    expect(form.indicators[0].target).toEqual({
      text: '≥200人次',
      operator: '≥',
      value: '200',
      unit: '人次',
    });
    // 90 × 150 ÷ 200 = 67.5
    expect(form.indicators[0].score.computed).toBe('67.50');
    expect(form.findings.filter((f) => f.code === 'SCORE_MISMATCH')).toEqual([]);
  });

  it('reads the funds block without a 年度资金总额 label: 45 ÷ 50 = 90%, 10 × 0.9 = 9', () => {
    expect(form.funds.rate.computed).toBe('90.00');
    expect(form.funds.score.computed).toBe('9.00');
    // 9 + 67.5 = 76.5
    expect(form.total.computed).toBe('76.50');
    expect(form.grade.computed).toBe('中');
  });
});

describe('a grid with no form', () => {
  it('gives an empty forms list and FORM_NOT_FOUND, never an exception', () => {
    const report = scoreSheets([
      sheet('说明', cells({ A1: '本工作簿说明', B3: 42 })),
      { name: '空', values: [] },
    ]);
    expect(report.forms).toEqual([]);
    expect(report.errors.map((e) => [e.code, e.sheet])).toEqual([
      ['FORM_NOT_FOUND', '说明'],
      ['FORM_NOT_FOUND', '空'],
    ]);
  });

  it('survives junk values of every type', () => {
    const junk = sheet('J', [
      [true, false, NaN, Infinity, -0, '一级指标', '三级指标'],
      ['产出指标', null, '名称', '=', '≥', '%', 1e300],
    ]);
    expect(() => scoreSheets([junk])).not.toThrow();
  });
});

describe('stacked forms without a 总分 row', () => {
  // Two small forms, one under the other, neither with a total row: the first table must end where the second
  // form's header begins, not swallow its 项目名称 / funds rows as indicators.
  const form = (top: number, name: string, executed: number): Record<string, string | number> => ({
    [`A${top}`]: '项目名称',
    [`B${top}`]: name,
    [`A${top + 1}`]: '年初预算数',
    [`B${top + 1}`]: '全年预算数',
    [`C${top + 1}`]: '全年执行数',
    [`D${top + 1}`]: '分值',
    [`E${top + 1}`]: '执行率',
    [`F${top + 1}`]: '得分',
    [`A${top + 2}`]: 100,
    [`B${top + 2}`]: 100,
    [`C${top + 2}`]: executed,
    [`D${top + 2}`]: 10,
    [`A${top + 3}`]: '一级指标',
    [`B${top + 3}`]: '二级指标',
    [`C${top + 3}`]: '三级指标',
    [`D${top + 3}`]: '年度指标值',
    [`E${top + 3}`]: '实际完成值',
    [`F${top + 3}`]: '分值',
    [`G${top + 3}`]: '得分',
    [`A${top + 4}`]: '产出指标',
    [`B${top + 4}`]: '数量指标',
    [`C${top + 4}`]: '培训场次',
    [`D${top + 4}`]: '≥10',
    [`E${top + 4}`]: 10,
    [`F${top + 4}`]: 90,
    [`G${top + 4}`]: 90,
  });
  const report = scoreSheets([sheet('S', cells({ ...form(1, '甲项目', 95), ...form(7, '乙项目', 80) }))]);

  it('finds both forms with one indicator each', () => {
    expect(report.forms.map((f) => [f.project, f.indicators.map((i) => i.name)])).toEqual([
      ['甲项目', ['培训场次']],
      ['乙项目', ['培训场次']],
    ]);
  });

  it('scores each on its own funds: 10 × 95% = 9.50 and 10 × 80% = 8.00', () => {
    expect(
      report.forms.map((f) => [f.funds.rate.computed, f.funds.score.computed, f.total.computed]),
    ).toEqual([
      ['95.00', '9.50', '99.50'],
      ['80.00', '8.00', '98.00'],
    ]);
  });
});

describe('time targets and formulas never calculated', () => {
  const base = {
    A1: '项目名称',
    B1: '改造工程',
    A2: '年初预算数',
    B2: '全年预算数',
    C2: '全年执行数',
    D2: '分值',
    E2: '执行率',
    F2: '得分',
    A3: 100,
    B3: 100,
    C3: 100,
    D3: 10,
    E3: null,
    F3: 10,
    A5: '一级指标',
    B5: '二级指标',
    C5: '三级指标',
    D5: '年度指标值',
    E5: '实际完成值',
    F5: '分值',
    G5: '得分',
    H5: '偏差原因分析及改进措施',
    A6: '产出指标',
    B6: '时效指标',
    C6: '完工时间',
    D6: '≤2023年12月',
    E6: '2023年11月',
    F6: 45,
    G6: 45,
    C7: '验收时间',
    D7: '2023年6月30日前',
    E7: '2023年8月15日',
    F7: 45,
    G7: 30,
    A8: '总分',
    F8: 100,
    G8: 85,
  };

  it('a date target is a deadline: met on time gets full marks; a miss is flagged and needs a reason', () => {
    const form = scoreSheets([sheet('S', cells(base))]).forms[0];
    expect(form.indicators.map((i) => [i.kind, i.score.computed])).toEqual([
      ['quantitative', '45.00'], // 2023-11 ≤ 2023-12
      ['quantitative', null], // 2023-08-15 > 2023-06-30: missed, no rule score
    ]);
    const at = (cell: string): string[] => form.findings.filter((f) => f.cell === cell).map((f) => f.code);
    expect(at('E7')).toEqual(['DEADLINE_MISSED']);
    expect(at('H7')).toEqual(['REASON_MISSING']);
    expect(form.findings.some((f) => f.code === 'QUALITATIVE_UNMAPPED')).toBe(false);
    // 10 + 45 + 30 (printed, no rule score) = 85
    expect(form.total.computed).toBe('85.00');
  });

  it('a formula with no calculated result is unknown, not 0: flagged, and no false sum mismatch', () => {
    const grid = sheet(
      'S',
      cells({
        A1: '项目名称',
        B1: '公式项目',
        B2: '年初预算数',
        C2: '全年预算数',
        D2: '全年执行数',
        E2: '分值',
        F2: '执行率',
        G2: '得分',
        A3: '年度资金总额',
        B3: null, // =SUM(B4:B5), never calculated
        C3: 100,
        D3: 95,
        E3: 10,
        F3: null, // =D3/C3, never calculated
        G3: 9.5,
        A4: '其中：财政拨款',
        B4: 80,
        C4: 80,
        D4: 75,
        A5: '其他资金',
        B5: 20,
        C5: 20,
        D5: 20,
        A7: '一级指标',
        B7: '二级指标',
        C7: '三级指标',
        D7: '年度指标值',
        E7: '实际完成值',
        F7: '分值',
        G7: '得分',
        A8: '产出指标',
        B8: '数量指标',
        C8: '场次',
        D8: '≥10',
        E8: 10,
        F8: 90,
        G8: 90,
        A9: '总分',
        F9: 100,
        G9: 99.5,
      }),
    );
    grid.uncalculated = [
      { row: 2, col: 1 },
      { row: 2, col: 5 },
    ];
    const form = scoreSheets([grid]).forms[0];
    const codes = form.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain('FORMULA_UNCALCULATED@B3');
    expect(codes).toContain('FORMULA_UNCALCULATED@F3');
    // 年初预算数 is unknown, so its column is not summed; 全年预算数 100 = 80 + 20 and 全年执行数 95 = 75 + 20 hold.
    expect(codes.filter((c) => c.startsWith('BREAKDOWN_SUM_MISMATCH'))).toEqual([]);
    expect(form.funds.breakdown).toHaveLength(2);
    // 95 ÷ 100 = 95.00%, 10 × 0.95 = 9.50
    expect([form.funds.rate.computed, form.funds.rate.printed, form.funds.score.computed]).toEqual([
      '95.00',
      null,
      '9.50',
    ]);
  });

  it('without the uncalculated mark the same empty total would be a sum mismatch (the check is live)', () => {
    const grid = sheet(
      'S',
      cells({
        A1: '项目名称',
        B1: '公式项目',
        B2: '年初预算数',
        C2: '全年预算数',
        D2: '全年执行数',
        A3: '年度资金总额',
        C3: 100,
        D3: 95,
        A4: '其中：财政拨款',
        B4: 80,
        C4: 100,
        D4: 95,
        A6: '一级指标',
        B6: '二级指标',
        C6: '三级指标',
        D6: '年度指标值',
        E6: '实际完成值',
        F6: '分值',
        G6: '得分',
      }),
    );
    const codes = scoreSheets([grid]).forms[0].findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain('BREAKDOWN_SUM_MISMATCH@B3');
  });
});
