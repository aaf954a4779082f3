// Issue 11: real forms the reader used to get wrong — two-row indicator headers, hidden and placeholder rows,
// deadlines met early, what a cell shows, weights written in labels, and dates stored as dates. Each grid is laid out
// the way offices circulate the form (scoring-rules.md (b), (c)); every figure is worked out by hand in a comment.
import {
  loadRulebook,
  scoreSheets,
  type CellValue,
  type FormReport,
  type Rulebook,
  type SheetGrid,
} from '../../src/core';
import { cells, sheet } from '../fixtures/grid';

function score(grid: SheetGrid, rulebook?: Rulebook): FormReport {
  const report = scoreSheets([grid], rulebook ? { rulebook } : {});
  expect(report.errors).toEqual([]);
  expect(report.forms).toHaveLength(1);
  return report.forms[0];
}
/** Every finding as "severity CODE cell", in reading order. */
const keys = (f: FormReport): string[] => f.findings.map((x) => `${x.severity} ${x.code} ${x.cell}`);
const rows = (f: FormReport): number[] => f.indicators.map((i) => i.row);
const computed = (f: FormReport): Record<number, string | null> =>
  Object.fromEntries(f.indicators.map((i) => [i.row, i.score.computed]));

/** The head of a form in 万元 with the funds block on rows 2–3: 90 of 100 spent, 分值 10, 9 points. */
const HEAD: Record<string, CellValue> = {
  A1: '项目名称',
  B1: '职业技能培训补贴',
  A2: '项目资金（万元）',
  B2: '年初预算数',
  C2: '全年预算数',
  D2: '全年执行数',
  E2: '分值',
  F2: '执行率',
  G2: '得分',
  A3: '年度资金总额',
  B3: 100,
  C3: 100,
  D3: 90,
  E3: 10,
  F3: '90.00%',
  G3: 9,
};
/** A one-row indicator header on row 5: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因. */
const HEADER_ROW5: Record<string, CellValue> = {
  A5: '一级指标',
  B5: '二级指标',
  C5: '三级指标',
  D5: '年度指标值',
  E5: '实际完成值',
  F5: '分值',
  G5: '得分',
  H5: '偏差原因分析及改进措施',
};

describe('two-row indicator headers (issue 11 item 2)', () => {
  it('reads 年度指标值 / 实际完成值 under a merged 年度绩效指标', () => {
    const grid = sheet(
      '两行表头',
      cells({
        ...HEAD,
        A5: '一级指标',
        B5: '二级指标',
        C5: '三级指标',
        D5: '年度绩效指标',
        F5: '分值',
        G5: '得分',
        H5: '偏差原因分析及改进措施',
        D6: '年度指标值',
        E6: '实际完成值',
        A7: '产出指标',
        B7: '数量指标',
        C7: '培训人次',
        D7: '≥200人次',
        E7: '150人次',
        F7: 50,
        G7: 37.5,
        H7: '线下培训减少',
        A8: '效益指标',
        B8: '社会效益指标',
        C8: '培训合格率',
        D8: '≥90%',
        E8: '95%',
        F8: 30,
        G8: 30,
        A9: '满意度指标',
        B9: '服务对象满意度指标',
        C9: '学员满意度',
        D9: '≥90%',
        E9: '92%',
        F9: 10,
        G9: 10,
        A10: '总分',
        F10: 100,
        G10: 86.5,
      }),
      ['A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6', 'H5:H6'],
    );
    const form = score(grid);
    expect(rows(form)).toEqual([7, 8, 9]);
    expect(form.indicators[0].target).toEqual({
      text: '≥200人次',
      operator: '≥',
      value: '200',
      unit: '人次',
    });
    expect(form.indicators[0].actual.value).toBe('150');
    // 50 × 150 ÷ 200 = 37.5; 95% ≥ 90% and 92% ≥ 90% → full 30 and 10
    expect(computed(form)).toEqual({ 7: '37.50', 8: '30.00', 9: '10.00' });
    // 9 + 37.5 + 30 + 10 = 86.5, printed 86.5
    expect(form.total.computed).toBe('86.50');
    expect(keys(form)).toEqual([]);
  });

  it('reads 指标性质 / 指标值 / 度量单位 under 年度绩效指标 and 实际完成值 / 得分 under 完成情况', () => {
    const grid = sheet(
      '两行表头',
      cells({
        ...HEAD,
        A5: '一级指标',
        B5: '二级指标',
        C5: '三级指标',
        D5: '年度绩效指标',
        G5: '分值',
        H5: '完成情况',
        J5: '偏差原因分析及改进措施',
        D6: '指标性质',
        E6: '指标值',
        F6: '度量单位',
        H6: '实际完成值',
        I6: '得分',
        A7: '产出指标',
        B7: '数量指标',
        C7: '新建公厕',
        D7: '≥',
        E7: 20,
        F7: '座',
        G7: 50,
        H7: 16,
        I7: 40,
        J7: '用地审批延迟',
        A8: '效益指标',
        B8: '社会效益指标',
        C8: '公厕开放率',
        D8: '=',
        E8: 100,
        F8: '%',
        G8: 30,
        H8: '100%',
        I8: 30,
        A9: '满意度指标',
        B9: '服务对象满意度指标',
        C9: '居民满意度',
        D9: '≥',
        E9: 85,
        F9: '%',
        G9: 10,
        H9: '90%',
        I9: 10,
        A10: '总分',
        G10: 100,
        I10: 89,
      }),
      ['A5:A6', 'B5:B6', 'C5:C6', 'D5:F5', 'G5:G6', 'H5:I5', 'J5:J6'],
    );
    const form = score(grid);
    expect(rows(form)).toEqual([7, 8, 9]);
    // 50 × 16 ÷ 20 = 40; 100% = 100% → 30; 90% ≥ 85% → 10
    expect(computed(form)).toEqual({ 7: '40.00', 8: '30.00', 9: '10.00' });
    // 9 + 40 + 30 + 10 = 89
    expect(form.total.computed).toBe('89.00');
    expect(keys(form)).toEqual([]);
  });
});

describe('placeholder and hidden rows, hidden columns (issue 11 item 3)', () => {
  const placeholders = cells({
    ...HEAD,
    ...HEADER_ROW5,
    A6: '产出指标',
    B6: '数量指标',
    C6: '培训人次',
    D6: '≥200人次',
    E6: '200人次',
    F6: 50,
    G6: 50,
    C7: '……',
    A8: '效益指标',
    B8: '社会效益指标',
    C8: '培训合格率',
    D8: '≥90%',
    E8: '95%',
    F8: 30,
    G8: 30,
    C9: '其他',
    F9: 0,
    D10: '...',
    A11: '满意度指标',
    B11: '服务对象满意度指标',
    C11: '学员满意度',
    D11: '≥90%',
    E11: '92%',
    F11: 10,
    G11: 10,
    D12: '—',
    E12: '—',
    F12: 0,
    G12: 0,
    A13: '总分',
    F13: 100,
    G13: 99,
  });

  it('leaves placeholder rows (……, 其他, ..., a nameless row with 分值 0) out of the indicators', () => {
    const form = score(sheet('占位行', placeholders));
    // Rows 7 (……), 9 (其他, 分值 0), 10 (...) and 12 (no name, 0 / 0) are the template's spare rows.
    expect(rows(form)).toEqual([6, 8, 11]);
    // 9 + 50 + 30 + 10 = 99; 分值 10 + 50 + 30 + 10 = 100
    expect(form.total.computed).toBe('99.00');
    expect(keys(form)).toEqual([]);
  });

  it('still reads a row named 其他 that carries a weight', () => {
    const grid = sheet(
      '占位行',
      placeholders.map((r) => [...r]),
    );
    grid.values[8][5] = 5; // F9: 其他 now weighs 5
    const form = score(grid);
    expect(rows(form)).toEqual([6, 8, 9, 11]);
    // 10 + 50 + 30 + 5 + 10 = 105 ≠ 100 at the total's 分值 F13; 其他 has no target; 效益 30 + 5 = 35 (info)
    expect(keys(form)).toEqual([
      'info LEVEL1_WEIGHTS_NONSTANDARD A8',
      'warning FIELD_MISSING D9',
      'error WEIGHT_SUM_MISMATCH F13',
    ]);
  });

  it('does not end the table at hidden empty rows, nor take a hidden row for the funds total', () => {
    // The template's spare rows 7–10 are hidden and empty; three blank rows a reader sees would end the table.
    // The funds block has no 年度资金总额 label, and its first row under the header (row 3) is a hidden helper row.
    const grid = sheet(
      '隐藏空行',
      cells({
        A1: '项目名称',
        B1: '职业技能培训补贴',
        A2: '年初预算数',
        B2: '全年预算数',
        C2: '全年执行数',
        D2: '分值',
        E2: '执行率',
        F2: '得分',
        A3: '（辅助行）',
        B3: 1,
        C3: 1,
        A4: 100,
        B4: 100,
        C4: 90,
        D4: 10,
        E4: '90.00%',
        F4: 9,
        A5: '一级指标',
        B5: '二级指标',
        C5: '三级指标',
        D5: '年度指标值',
        E5: '实际完成值',
        F5: '分值',
        G5: '得分',
        H5: '偏差原因分析及改进措施',
        A6: '产出指标',
        B6: '数量指标',
        C6: '培训人次',
        D6: '≥200人次',
        E6: '200人次',
        F6: 50,
        G6: 50,
        A11: '效益指标',
        B11: '社会效益指标',
        C11: '培训合格率',
        D11: '≥90%',
        E11: '95%',
        F11: 30,
        G11: 30,
        A12: '满意度指标',
        B12: '服务对象满意度指标',
        C12: '学员满意度',
        D12: '≥90%',
        E12: '92%',
        F12: 10,
        G12: 10,
        A13: '总分',
        F13: 100,
        G13: 99,
      }),
    );
    grid.hiddenRows = [2, 6, 7, 8, 9]; // sheet rows 3 and 7–10
    const form = score(grid);
    expect(form.indicators.map((i) => i.row)).toEqual([6, 11, 12]);
    // 90 ÷ 100 = 90%, 10 × 0.9 = 9 read from row 4 (row 3's 1 ÷ 1 would be 100%)
    expect(form.funds.rate.computed).toBe('90.00');
    // 9 + 50 + 30 + 10 = 99
    expect(form.total.computed).toBe('99.00');
    expect(keys(form)).toEqual([]);
  });

  // Row 7 is a hidden leftover of last year's form; column D (hidden) keeps last year's targets.
  const hidden = (): SheetGrid => {
    const grid = sheet(
      '隐藏行列',
      cells({
        A1: '项目名称',
        B1: '职业技能培训补贴',
        A2: '项目资金（万元）',
        B2: '年初预算数',
        C2: '全年预算数',
        E2: '全年执行数',
        F2: '分值',
        G2: '执行率',
        H2: '得分',
        A3: '年度资金总额',
        B3: 100,
        C3: 100,
        E3: 90,
        F3: 10,
        G3: '90.00%',
        H3: 9,
        A5: '一级指标',
        B5: '二级指标',
        C5: '三级指标',
        D5: '年度指标值（上年）',
        E5: '年度指标值',
        F5: '实际完成值',
        G5: '分值',
        H5: '得分',
        I5: '偏差原因分析及改进措施',
        A6: '产出指标',
        B6: '数量指标',
        C6: '培训人次',
        D6: '≥100人次',
        E6: '≥200人次',
        F6: '150人次',
        G6: 50,
        H6: 37.5,
        I6: '线下培训减少',
        C7: '宣传册发放',
        D7: '≥500份',
        E7: '≥1000份',
        F7: '0份',
        G7: 10,
        H7: 0,
        A8: '效益指标',
        B8: '社会效益指标',
        C8: '培训合格率',
        E8: '≥90%',
        F8: '95%',
        G8: 30,
        H8: 30,
        A9: '满意度指标',
        B9: '服务对象满意度指标',
        C9: '学员满意度',
        E9: '≥90%',
        F9: '92%',
        G9: 10,
        H9: 10,
        A10: '总分',
        G10: 100,
        H10: 86.5,
      }),
    );
    grid.hiddenRows = [6]; // sheet row 7
    grid.hiddenCols = [3]; // column D
    return grid;
  };

  it('reads the visible columns and rows only: a hidden column does not take the 年度指标值 label', () => {
    const form = score(hidden());
    expect(rows(form)).toEqual([6, 8, 9]);
    expect(form.indicators[0].target.text).toBe('≥200人次');
    // 50 × 150 ÷ 200 = 37.5 (last year's hidden ≥100 would give full 50)
    expect(computed(form)).toEqual({ 6: '37.50', 8: '30.00', 9: '10.00' });
    // 9 + 37.5 + 30 + 10 = 86.5; 分值 10 + 50 + 30 + 10 = 100
    expect(form.total.computed).toBe('86.50');
    expect(keys(form)).toEqual([]);
  });

  it('reads a hidden row with content when the rulebook says hiddenRows: "read"', () => {
    const form = score(hidden(), loadRulebook({ hiddenRows: 'read' }));
    expect(rows(form)).toEqual([6, 7, 8, 9]);
    // 宣传册发放: 10 × 0 ÷ 1000 = 0; 分值 10 + 50 + 10 + 30 + 10 = 110 ≠ 100
    expect(computed(form)[7]).toBe('0.00');
    // 产出 now weighs 50 + 10 = 60 (info); the missed ≥1000份 needs a reason in I7
    expect(keys(form)).toEqual([
      'info LEVEL1_WEIGHTS_NONSTANDARD A6',
      'warning REASON_MISSING I7',
      'error WEIGHT_SUM_MISMATCH G10',
    ]);
  });
});

describe('deadlines met early (issue 11 item 4)', () => {
  const deadlines = (actual7: string): SheetGrid =>
    sheet(
      '时效',
      cells({
        ...HEAD,
        ...HEADER_ROW5,
        A6: '产出指标',
        B6: '时效指标',
        C6: '设备采购完成时间',
        D6: '9月前',
        E6: actual7,
        F6: 20,
        G6: 20,
        B7: '时效指标',
        C7: '项目验收时间',
        D7: '12月底前',
        E7: '11月',
        F7: 15,
        G7: 15,
        B8: '时效指标',
        C8: '资金拨付时间',
        D8: '2023年12月',
        E8: '2023年10月',
        F8: 15,
        G8: 15,
        A9: '效益指标',
        B9: '社会效益指标',
        C9: '培训合格率',
        D9: '≥90%',
        E9: '95%',
        F9: 30,
        G9: 30,
        A10: '满意度指标',
        B10: '服务对象满意度指标',
        C10: '学员满意度',
        D10: '≥90%',
        E10: '92%',
        F10: 10,
        G10: 10,
        A11: '总分',
        F11: 100,
        G11: 99,
      }),
    );

  it('gives full marks, never a share, to 9月前 met in 7月, 12月底前 by 11月, 2023年12月 in 2023年10月', () => {
    const form = score(deadlines('7月'));
    // 7月 ≤ 9月, 11月 ≤ 12月, 2023年10月 ≤ 2023年12月: full 20, 15, 15 (not 20 × 7 ÷ 9 = 15.56 or 15 × 11 ÷ 12)
    expect(computed(form)).toEqual({ 6: '20.00', 7: '15.00', 8: '15.00', 9: '30.00', 10: '10.00' });
    // 9 + 20 + 15 + 15 + 30 + 10 = 99
    expect(form.total.computed).toBe('99.00');
    expect(keys(form)).toEqual([]);
  });

  it("puts a date without a year in the form's year: 12月 of a 2023年度 form is before 2024年3月底前", () => {
    const grid = deadlines('7月');
    grid.values[0][3] = '（2023年度）'; // D1
    grid.values[5][3] = '2024年3月底前'; // D6
    grid.values[5][4] = '12月'; // E6: December 2023 ≤ March 2024 (months alone, 12 > 3, would miss it)
    const form = score(grid);
    expect(form.year).toBe('2023');
    expect(computed(form)[6]).toBe('20.00');
    expect(keys(form)).toEqual([]);
  });

  it('flags 9月前 done in 10月 as missed, at the actual, with its reason missing at the reason cell', () => {
    const form = score(deadlines('10月'));
    expect(computed(form)[6]).toBeNull();
    // printed total 99 still equals the printed scores (9 + 20 + 15 + 15 + 30 + 10)
    expect(keys(form)).toEqual(['warning DEADLINE_MISSED E6', 'warning REASON_MISSING H6']);
  });
});

describe('what the cell shows (issue 11 item 5)', () => {
  const funds = (executed: number, rate: CellValue, formats: Record<string, string>): SheetGrid =>
    sheet(
      '显示值',
      cells({
        ...HEAD,
        D3: executed,
        F3: rate,
        G3: 9.78,
        ...HEADER_ROW5,
        A6: '产出指标',
        B6: '数量指标',
        C6: '培训人次',
        D6: '≥200人次',
        E6: '200人次',
        F6: 50,
        G6: 50,
        A7: '效益指标',
        B7: '社会效益指标',
        C7: '培训合格率',
        D7: '≥90%',
        E7: '95%',
        F7: 30,
        G7: 30,
        A8: '满意度指标',
        B8: '服务对象满意度指标',
        C8: '学员满意度',
        D8: '≥90%',
        E8: '92%',
        F8: 10,
        G8: 10,
        A9: '总分',
        F9: 100,
        G9: 99.78,
      }),
      [],
      formats,
    );

  it('prints 0.978 in a "0.00%" cell as 97.80', () => {
    // 97.8 ÷ 100 = 97.80%; 10 × 0.978 = 9.78
    const form = score(funds(97.8, 0.978, { F3: '0.00%' }));
    expect(form.funds.rate).toEqual({ computed: '97.80', printed: '97.80', cell: 'F3' });
    expect(keys(form)).toEqual([]);
  });

  it('compares a rate at the precision the cell shows: 0.97806 in "0.00%" shows 97.81%, right', () => {
    // 97.8124 ÷ 100 = 97.8124% → 97.81; the cell holds 0.97806 and shows 97.81%
    const form = score(funds(97.8124, 0.97806, { F3: '0.00%' }));
    expect(form.funds.rate.printed).toBe('97.81');
    expect(form.findings.filter((f) => f.code === 'RATE_MISMATCH')).toEqual([]);
  });

  it('reads a bare 20 in the 执行率 column as 20%', () => {
    // 20 ÷ 100 = 20.00%; 10 × 0.2 = 2
    const grid = funds(20, 20, {});
    grid.values[2][6] = 2; // G3
    grid.values[8][6] = 92; // G9: 2 + 50 + 30 + 10
    const form = score(grid);
    expect(form.funds.rate).toEqual({ computed: '20.00', printed: '20', cell: 'F3' });
    expect(form.findings.filter((f) => /RATE|FUNDS/.test(f.code))).toEqual([]);
  });

  const shownScore = (formats: Record<string, string>): SheetGrid =>
    sheet(
      '显示值',
      cells({
        ...HEAD,
        ...HEADER_ROW5,
        A6: '产出指标',
        B6: '数量指标',
        C6: '培训人次',
        D6: '≥150人次',
        E6: '133人次',
        F6: 50,
        G6: 44.3,
        H6: '部分学员未到',
        A7: '效益指标',
        B7: '社会效益指标',
        C7: '培训合格率',
        D7: '≥90%',
        E7: '95%',
        F7: 30,
        G7: 30,
        A8: '满意度指标',
        B8: '服务对象满意度指标',
        C8: '学员满意度',
        D8: '≥90%',
        E8: '92%',
        F8: 10,
        G8: 10,
        A9: '总分',
        F9: 100,
        G9: 93.3,
      }),
      [],
      formats,
    );

  it('compares a score in a "0.0" cell at one decimal: 50 × 133 ÷ 150 = 44.33 shows as 44.3', () => {
    // 50 × 133 ÷ 150 = 44.333… → 44.33; the form prints scores with one decimal, 44.33 → 44.3 = printed 44.3;
    // total 9 + 44.3 + 30 + 10 = 93.3 printed
    const form = score(shownScore({ G6: '0.0', G7: '0.0', G8: '0.0', G9: '0.0' }));
    expect(computed(form)[6]).toBe('44.33');
    expect(keys(form)).toEqual([]);
  });

  it('still flags 44.3 typed in a General cell against 44.33 (the form could show two decimals)', () => {
    const form = score(shownScore({}));
    // |44.3 − 44.33| = 0.03 > 0.01; below the rule with a reason written (部分学员未到): an explained self-deduction
    expect(keys(form)).toEqual(['info SCORE_MISMATCH G6']);
  });
});

describe('weights written in labels (issue 11 item 6)', () => {
  const indicators: Record<string, CellValue> = {
    ...HEADER_ROW5,
    A6: '产出指标(40分)',
    B6: '数量指标',
    C6: '培训人次',
    D6: '≥200人次',
    E6: '200人次',
    F6: 40,
    G6: 40,
    A7: '效益指标(30分)',
    B7: '社会效益指标',
    C7: '培训合格率',
    D7: '≥90%',
    E7: '95%',
    F7: 30,
    G7: 30,
    A8: '满意度指标(10分)',
    B8: '服务对象满意度指标',
    C8: '学员满意度',
    D8: '≥90%',
    E8: '92%',
    F8: 10,
    G8: 10,
    A9: '总分',
    F9: 100,
    G9: 98,
  };

  it('takes 20 from 预算执行情况（20分） when the funds block has no 分值 cell (Sichuan layout)', () => {
    const grid = sheet(
      '标签分值',
      cells({
        A1: '项目名称',
        B1: '职业技能培训补贴',
        A2: '预算执行情况（20分）',
        B2: '年初预算数',
        C2: '调整后预算数',
        D2: '预算执行数',
        E2: '执行率',
        F2: '得分',
        B3: 200,
        C3: 200,
        D3: 180,
        E3: '90.00%',
        F3: 18,
        ...indicators,
      }),
      ['A2:A3'],
    );
    const form = score(grid);
    // 180 ÷ 200 = 90%; 20 × 0.9 = 18 (the default 10 would give 9 and a false FUNDS_SCORE_MISMATCH)
    expect(form.funds.weight).toBe('20');
    expect(form.funds.score).toEqual({ computed: '18.00', printed: '18', cell: 'F3' });
    // 18 + 40 + 30 + 10 = 98; 分值 20 + 40 + 30 + 10 = 100 = the 总分 row's 分值; 产出 40 as its label states,
    // noted only as a split other than the usual 50 (info)
    expect(form.total.computed).toBe('98.00');
    expect(keys(form)).toEqual(['info LEVEL1_WEIGHTS_NONSTANDARD A6']);
  });

  it('takes 20 from the score header 得分（20分*执行率） (Hubei layout)', () => {
    const grid = sheet(
      '标签分值',
      cells({
        A1: '项目名称',
        B1: '职业技能培训补贴',
        A2: '项目资金（万元）',
        B2: '年初预算数',
        C2: '预算数(A)',
        D2: '执行数(B)',
        E2: '执行率(B/A)',
        F2: '得分（20分*执行率）',
        A3: '年度资金总额',
        B3: 200,
        C3: 200,
        D3: 180,
        E3: '90.00%',
        F3: 18,
        ...indicators,
      }),
    );
    const form = score(grid);
    expect(form.funds.weight).toBe('20');
    expect(form.funds.score.computed).toBe('18.00');
    expect(keys(form)).toEqual(['info LEVEL1_WEIGHTS_NONSTANDARD A6']);
  });
});

describe('dates stored as dates (issue 11 item 7)', () => {
  // Serials (1900 date system): 2023-07-15 = 45122, 2023-09-30 = 45199, 2023-10-15 = 45214, 2023-11-20 = 45250,
  // 2023-12-01 = 45261, 2023-12-20 = 45280, 2023-12-31 = 45291. The 1904 system counts 1462 days fewer.
  const dated = (values: Record<string, CellValue>, formats: Record<string, string>): SheetGrid =>
    sheet(
      '日期',
      cells({
        ...HEAD,
        ...HEADER_ROW5,
        A6: '产出指标',
        B6: '时效指标',
        C6: '设备采购完成时间',
        F6: 20,
        G6: 20,
        B7: '时效指标',
        C7: '项目验收时间',
        F7: 15,
        G7: 15,
        B8: '时效指标',
        C8: '资金拨付时间',
        F8: 15,
        G8: 15,
        A9: '效益指标',
        B9: '社会效益指标',
        C9: '培训合格率',
        D9: '≥90%',
        E9: '95%',
        F9: 30,
        G9: 30,
        A10: '满意度指标',
        B10: '服务对象满意度指标',
        C10: '学员满意度',
        D10: '≥90%',
        E10: '92%',
        F10: 10,
        G10: 10,
        A11: '总分',
        F11: 100,
        G11: 99,
        ...values,
      }),
      [],
      formats,
    );

  it('reads dates in yyyy"年"m"月"d"日", m"月"d"日", yyyy/m/d, yyyy-mm-dd and 年月 formats', () => {
    const form = score(
      dated(
        { D6: '≤2023年9月30日', E6: 45122, D7: 45291, E7: 45250, D8: 45261, E8: 45280 },
        {
          E6: 'yyyy"年"m"月"d"日"',
          D7: 'yyyy/m/d',
          E7: 'm"月"d"日"',
          D8: 'yyyy"年"m"月"',
          E8: 'yyyy-mm-dd',
        },
      ),
    );
    expect(form.indicators.map((i) => i.actual.text)).toEqual([
      '2023年7月15日',
      '2023年11月20日',
      '2023年12月20日',
      '95%',
      '92%',
    ]);
    // 7月15日 ≤ 9月30日; 11月20日 ≤ 12月31日; 12月20日 is within 2023年12月 (the target shows a month): all full
    expect(computed(form)).toEqual({ 6: '20.00', 7: '15.00', 8: '15.00', 9: '30.00', 10: '10.00' });
    expect(keys(form)).toEqual([]);
  });

  it('reads serials of a workbook on the 1904 date system', () => {
    // 2023-10-15 is 45214 − 1462 = 43752 in the 1904 system: after 2023-09-30, missed (read as 1900 it is 2019)
    const grid = dated(
      { D6: '≤2023年9月30日', E6: 43752, D7: '12月底前', E7: '11月', D8: '年底前', E8: '12月' },
      { E6: 'yyyy"年"m"月"d"日"' },
    );
    grid.date1904 = true;
    const form = score(grid);
    expect(form.indicators[0].actual.text).toBe('2023年10月15日');
    expect(computed(form)).toEqual({ 6: null, 7: '15.00', 8: '15.00', 9: '30.00', 10: '10.00' });
    expect(keys(form)).toEqual(['warning DEADLINE_MISSED E6', 'warning REASON_MISSING H6']);
  });
});
