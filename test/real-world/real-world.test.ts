// A 财政局 reviewer's pass over twelve messy real-world variants of the 项目支出绩效自评表 (scoring-rules.md (b),
// (c)), each written to a temp .xlsx and scored through the real command line (`--json --no-write`). Every figure
// below is worked out by hand from the rules and core-decisions.md; the arithmetic is in the comments.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { FormReport, IndicatorReport, Report } from '../../src/core';
import * as wb from '../fixtures/real-world';

const reports = new Map<string, Report>();
const raw = new Map<string, string>();
let cli: { code: number; err: string };

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-real-'));
  const files: string[] = [];
  for (const build of wb.ALL) {
    const { file, workbook } = build();
    fs.writeFileSync(path.join(dir, file), Buffer.from(await workbook.xlsx.writeBuffer()));
    files.push(file);
  }
  let out = '';
  let err = '';
  const code = await main(['--json', '--no-write', ...files], {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false, columns: 100 },
    cwd: dir,
  });
  cli = { code, err };
  for (const l of out.split('\n').filter((x) => x !== '')) {
    const r = JSON.parse(l) as Report;
    reports.set(r.source, r);
    raw.set(r.source, l);
  }
});

function report(file: string): Report {
  const r = reports.get(file);
  if (!r) throw new Error(`no report for ${file}`);
  return r;
}
function only(file: string): FormReport {
  const r = report(file);
  expect(r.forms).toHaveLength(1);
  return r.forms[0];
}
function ind(form: FormReport, row: number): IndicatorReport {
  const i = form.indicators.find((x) => x.row === row);
  if (!i) throw new Error(`no indicator on row ${row}: rows ${form.indicators.map((x) => x.row).join(',')}`);
  return i;
}
/** Errors and warnings as "severity CODE cell", sorted: a reviewer's to-do list for the form. */
function issues(form: FormReport): string[] {
  return form.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.code} ${f.cell}`)
    .sort();
}
function infos(form: FormReport): string[] {
  return form.findings
    .filter((f) => f.severity === 'info')
    .map((f) => `${f.code} ${f.cell}`)
    .sort();
}
const num = (s: string | null | undefined): number | null =>
  s === null || s === undefined ? null : Number(s);
/** Computed scores of the indicators, by row, as numbers. */
const scores = (form: FormReport): Record<number, number | null> =>
  Object.fromEntries(form.indicators.map((i) => [i.row, num(i.score.computed)]));

it('scores every workbook without crashing, one report per file, no NaN or Infinity anywhere', () => {
  expect(cli.err).toBe('');
  expect(cli.code).toBe(0);
  expect([...reports.keys()].sort()).toEqual(wb.ALL.map((b) => b().file).sort());
  for (const [file, line] of raw)
    expect({ file, bad: /NaN|Infinity/.test(line) }).toEqual({ file, bad: false });
});

describe('Sichuan 2023 (部门预算项目支出绩效自评表, split 指标性质/指标值/度量单位, 权重, 合计)', () => {
  const F = 'sichuan-2023.xlsx';
  it('finds the form, its identity (实施单位（盖章）) and the 万元 unit of 预算执行情况(万元)(10分)', () => {
    const f = only(F);
    expect(f.project).toBe('51000021R000000012345-乡村振兴农技推广补助');
    expect(f.department).toBe('四川省农业农村厅');
    expect(f.implementer).toBe('四川省农业技术推广总站');
    expect(f.unit).toBe('万元');
  });
  it('reads 调整后预算数 / 预算执行数 / 权重: rate 126/150 = 84.00%, score 10×0.84 = 8.40', () => {
    const f = only(F);
    expect([f.funds.initialBudget, f.funds.annualBudget, f.funds.executed].map(num)).toEqual([120, 150, 126]);
    expect(num(f.funds.weight)).toBe(10);
    expect(f.funds.rate.computed).toBe('84.00');
    expect(f.funds.rate.cell).toBe('H6');
    expect(f.funds.score.computed).toBe('8.40');
    expect(f.funds.score.cell).toBe('I6');
    expect(f.funds.breakdown.map((b) => b.row)).toEqual([7, 8, 9]);
  });
  it('scores the six split-column indicators', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([13, 14, 15, 16, 17, 18]);
    // ≥5000 人次 → 5200: full 20. ≥95 % → 90: 20×90/95 = 18.947 → 18.95. ≤12 月 → 12: 10.
    // ≤300 元 → 320 (ratio): 10×300/320 = 9.375 → 9.38. ≥500 万元 → 520: 15. ≥1000 户 → 1000: 15.
    expect(scores(f)).toEqual({ 13: 20, 14: 18.95, 15: 10, 16: 9.38, 17: 15, 18: 15 });
    expect(ind(f, 16).target.operator).toBe('≤');
    expect(num(ind(f, 16).target.value)).toBe(300);
    expect(ind(f, 16).target.unit).toBe('元');
    expect(ind(f, 13).level1).toBe('产出指标');
    expect(ind(f, 16).level1).toBe('产出指标');
    expect(ind(f, 18).level1).toBe('效益指标');
    expect(ind(f, 14).score.cell).toBe('J14');
  });
  it('totals at 合计 (I19/J19): computed 8.40+20+18.95+10+9.38+15+15 = 96.73, printed 96.35, 优', () => {
    const f = only(F);
    expect(num(f.total.weight)).toBe(100);
    expect(f.total.cell).toBe('J19');
    expect(num(f.total.printed)).toBe(96.35);
    expect(f.total.computed).toBe('96.73');
    expect(f.grade.computed).toBe('优');
  });
  it('flags: rate 84% < 90% with no reason (H6), ≤ row scored 9 for 9.38 (J16) with no reason (K16)', () => {
    const f = only(F);
    // Printed total 8.4+20+18.95+10+9+15+15 = 96.35 = J19: no TOTAL_MISMATCH. Weights 10+60+30 = 100 = I19.
    expect(issues(f)).toEqual(
      ['warning REASON_MISSING H6', 'warning SCORE_MISMATCH J16', 'warning REASON_MISSING K16'].sort(),
    );
    // 年初 120 → 调整后 150; 产出 sums to 60 (Sichuan has no fixed 50/30/10).
    expect(infos(f)).toEqual(expect.arrayContaining(['BUDGET_ADJUSTED E6']));
    expect(f.findings.some((x) => x.code === 'LEVEL1_WEIGHTS_NONSTANDARD' && /13$/.test(x.cell ?? ''))).toBe(
      true,
    );
  });
});

describe('Anhui 2022 (产出指标(50分)…, 本年财政拨款, the 0/0/0 total row)', () => {
  const F = 'anhui-2022.xlsx';
  it('finds the form with the department code kept in the value', () => {
    const f = only(F);
    expect(f.project).toBe('城区公厕提升改造');
    expect(f.department).toBe('219-池州市城市管理局');
    expect(f.unit).toBe('万元');
    expect(f.funds.breakdown.map((b) => b.label)).toEqual(['其中:本年财政拨款', '上年结转资金', '其他资金']);
  });
  it('a 0/0/0 total row: no rate can be computed (0 ÷ 0), the printed 10 stands', () => {
    const f = only(F);
    expect([f.funds.initialBudget, f.funds.annualBudget, f.funds.executed].map(num)).toEqual([0, 0, 0]);
    expect(f.funds.rate.computed).toBeNull();
    expect(num(f.funds.rate.printed)).toBe(100);
    expect(f.funds.score.computed).toBeNull();
    expect(num(f.funds.score.printed)).toBe(10);
  });
  it('scores the rows; 达成预期指标 is the 达成 band (80%–100%)', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([13, 14, 15, 16, 17]);
    // ≥12座 → 12座: 20. =100% → 100%: 15. ≥90% → 95%: 10.
    expect(scores(f)).toEqual({ 13: 20, 14: 15, 15: null, 16: null, 17: 10 });
    // 15 × 0.8 = 12.00 … 15.00; 30 × 0.8 = 24.00 … 30.00.
    expect(ind(f, 15).kind).toBe('qualitative');
    expect(
      ind(f, 15).band && [ind(f, 15).band!.grade, num(ind(f, 15).band!.min), num(ind(f, 15).band!.max)],
    ).toEqual(['达成', 12, 15]);
    expect(
      ind(f, 16).band && [ind(f, 16).band!.grade, num(ind(f, 16).band!.min), num(ind(f, 16).band!.max)],
    ).toEqual(['达成', 24, 30]);
  });
  it('total: printed funds 10 (no computed one) + 20+15+11+27+10 = 93 = printed, 优', () => {
    const f = only(F);
    expect(num(f.total.computed)).toBe(93);
    expect(num(f.total.printed)).toBe(93);
    expect(f.grade.computed).toBe('优');
  });
  it('flags the 0/0/0 total against 90 / 89.974 / 89.974, the 11/15 below the 达成 band, two missing reasons', () => {
    const f = only(F);
    // D: 90+0 = 90 ≠ 0; E: 89.974+0 ≠ 0; F: 89.974+0 ≠ 0 (其他资金 "—" is not applicable).
    // H15: 11 < 12.00 → QUALITATIVE_OUT_OF_BAND; I15, I16: printed < 分值 (11/15, 27/30) with no reason.
    // Weights 20+15+15 = 50 = (50分), 30, 10; 10+90 = 100. Printed sum 10+20+15+11+27+10 = 93 = H18.
    expect(issues(f)).toEqual(
      [
        'error BREAKDOWN_SUM_MISMATCH D6',
        'error BREAKDOWN_SUM_MISMATCH E6',
        'error BREAKDOWN_SUM_MISMATCH F6',
        // 全年预算数 0: the rate cannot be computed, which the reviewer must be told (the tool files it under
        // BUDGET_ZERO "全年预算数为 0，无法计算执行率"; first missing from this list, added after review).
        'error BUDGET_ZERO E6',
        'error QUALITATIVE_OUT_OF_BAND H15',
        'warning REASON_MISSING I15',
        'warning REASON_MISSING I16',
      ].sort(),
    );
  });
});

describe('Yunnan 2020 (split 年度指标值 on two header rows, ﹦72890元 vs 7.29万元, deductions on met targets)', () => {
  const F = 'yunnan-2020.xlsx';
  it('finds the form: rate 48.5/50 = 97.00% (printed "97%"), score 9.70', () => {
    const f = only(F);
    expect(f.project).toBe('基层农技人员能力提升培训');
    expect(f.unit).toBe('万元');
    expect(f.funds.rate.computed).toBe('97.00');
    expect(num(f.funds.rate.printed)).toBe(97);
    expect(f.funds.score.computed).toBe('9.70');
  });
  it('reads the split target under 年度指标值: ﹦ (U+FE66) is "=", 72890 元', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([14, 15, 16, 17, 18]);
    const cost = ind(f, 16);
    expect(cost.target.operator).toBe('=');
    expect(num(cost.target.value)).toBe(72890);
    expect(cost.target.unit).toBe('元');
    expect(num(cost.actual.value)).toBe(7.29);
    expect(cost.actual.unit).toBe('万元');
    expect(ind(f, 15).target.operator).toBe('≥');
    expect(num(ind(f, 15).target.value)).toBe(95);
  });
  it('scores: 72890元 = 7.289万元 ≤ 7.29万元 is met (10); ≥95% → 96 (30); ≥90% → 0.95 = 95% (10)', () => {
    const f = only(F);
    // ≥300 人次 → 320: 20. ≥95 % → 96: 20. ﹦72890元 → 7.29万元: 7.29 ≥ 7.289 → 10 (not 10×7.29/72890 ≈ 0).
    // ≥95 % → 96: 30. ≥90 % → 0.95 (no unit, ≤ 1 → fraction → 95%): 10.
    expect(scores(f)).toEqual({ 14: 20, 15: 20, 16: 10, 17: 30, 18: 10 });
  });
  it('total computed 9.70+20+20+10+30+10 = 99.70, printed 95.7, 优', () => {
    const f = only(F);
    expect(f.total.computed).toBe('99.70');
    expect(num(f.total.printed)).toBe(95.7);
    expect(f.total.cell).toBe('J19');
    expect(f.grade.computed).toBe('优');
  });
  it('flags 9/10 and 27/30 on met targets with no reason, 元 vs 万元, and 0.95 against a % target', () => {
    const f = only(F);
    // Printed sum 9.7+20+20+9+27+10 = 95.7 = J19: no TOTAL_MISMATCH. Weights 10+50+30+10 = 100.
    expect(issues(f)).toEqual(
      [
        'warning SCORE_MISMATCH J16',
        'warning REASON_MISSING K16',
        'warning UNIT_MISMATCH H16',
        'warning SCORE_MISMATCH J17',
        'warning REASON_MISSING K17',
        'warning UNIT_MISMATCH H18',
      ].sort(),
    );
  });
});

describe('Hubei (预算数(A), 执行数(B), 执行率(B/A), 得分(10分*执行率), 年初目标值(A), 实际完成值(B))', () => {
  const F = 'hubei.xlsx';
  it('reads the (A)/(B) columns: rate 171.5/180 = 95.2777…% → 95.28, score 9.53', () => {
    const f = only(F);
    expect(f.project).toBe('城区污水管网建设');
    expect(f.unit).toBe('万元');
    expect([f.funds.initialBudget, f.funds.annualBudget, f.funds.executed].map(num)).toEqual([
      200, 180, 171.5,
    ]);
    expect(f.funds.rate.computed).toBe('95.28');
    expect(f.funds.score.computed).toBe('9.53');
    expect(f.funds.score.cell).toBe('I6');
  });
  it('scores the indicators under 年初目标值(A): 30×10.5/12 = 26.25, then 20, 30, 10; total 95.78, 优', () => {
    const f = only(F);
    expect(scores(f)).toEqual({ 13: 26.25, 14: 20, 15: 30, 16: 10 });
    expect(f.total.computed).toBe('95.78');
    expect(num(f.total.printed)).toBe(95.78);
    expect(f.grade.computed).toBe('优');
  });
  it('a correct form: nothing to fix, only the budget adjustment 200 → 180 noted', () => {
    const f = only(F);
    expect(issues(f)).toEqual([]);
    expect(infos(f)).toEqual(['BUDGET_ADJUSTED E6']);
  });
});

describe('traditional-character page (項目資金 (萬元), 年度資金總額, 一級指標…, 總分)', () => {
  const F = 'traditional.xlsx';
  it('finds the form', () => {
    expect(report(F).errors).toEqual([]);
    const f = only(F);
    expect(f.project).toBe('社區長者服務中心運營');
    expect(f.unit).toBe('万元');
  });
  it('rate 88/100 = 88.00%, score 8.80; indicators 50, 30, 10; total 98.80, 优', () => {
    const f = only(F);
    expect(f.funds.rate.computed).toBe('88.00');
    expect(f.funds.score.computed).toBe('8.80');
    expect(scores(f)).toEqual({ 13: 50, 14: 30, 15: 10 });
    expect(f.total.computed).toBe('98.80');
    expect(f.grade.computed).toBe('优');
  });
  it('flags the 88% rate with no reason', () => {
    expect(issues(only(F))).toEqual(['warning REASON_MISSING H6']);
  });
});

describe('pre-2020 central template (主管部门及代码, 年度指标值(A), 全年实际值(B), 未完成原因分析)', () => {
  const F = 'central-2019.xlsx';
  it('finds the form and reads 主管部门及代码', () => {
    const f = only(F);
    expect(f.project).toBe('专项审计调查');
    expect(f.department).toBe('[123]某部');
    expect(f.unit).toBe('万元');
  });
  it('rate 530/520 = 101.92%, score capped at 10.00', () => {
    const f = only(F);
    expect(f.funds.rate.computed).toBe('101.92');
    expect(f.funds.score.computed).toBe('10.00');
  });
  it('scores under 全年实际值(B): 20×36/40 = 18, ≤2% → 2.5%: 15×2/2.5 = 12, then 15, 30, 10; total 95, 优', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([12, 13, 14, 15, 16]);
    expect(scores(f)).toEqual({ 12: 18, 13: 12, 14: 15, 15: 30, 16: 10 });
    expect(ind(f, 12).reason).toBe('人员调整');
    expect(num(f.total.computed)).toBe(95);
    expect(f.total.cell).toBe('H17');
    expect(f.grade.computed).toBe('优');
  });
  it('flags 530 > 520 and 2800 ≥ 1.3×2000 = 2600 with no reason; the reasons given under 未完成原因分析 count', () => {
    const f = only(F);
    expect(issues(f)).toEqual(
      ['warning EXECUTED_OVER_BUDGET F6', 'warning OVER_ACHIEVED F15', 'warning REASON_MISSING I15'].sort(),
    );
    expect(infos(f)).toEqual(expect.arrayContaining(['BUDGET_ADJUSTED E6']));
  });
});

describe('numbers as formulas (=SUM of the 其中 rows, =F6/E6 with 0.00%, ROUND scores, SUM total)', () => {
  const F = 'formulas.xlsx';
  it('reads the cached results: 850000 / 810000 / 752345.6, rate 92.88%, score 9.29', () => {
    const f = only(F);
    expect(f.unit).toBe('元');
    expect([f.funds.initialBudget, f.funds.annualBudget, f.funds.executed].map(num)).toEqual([
      850000, 810000, 752345.6,
    ]);
    // 752345.6 / 810000 = 0.928821728… → 92.88; 10 × 0.928821728 = 9.288 → 9.29.
    expect(f.funds.rate.computed).toBe('92.88');
    expect(Math.round(Number(f.funds.rate.printed) * 100) / 100).toBe(92.88);
    expect(f.funds.score.computed).toBe('9.29');
    expect(num(f.funds.score.printed)).toBe(9.29);
  });
  it('scores a bare-number target (1000, no operator, like ≥) and a %-formatted actual (0.92 shown 92%)', () => {
    const f = only(F);
    expect(ind(f, 13).target.operator).toBeNull();
    // 50 × 950/1000 = 47.50; ≥90% → 92%: 30; ≥90% → 96%: 10.
    expect(scores(f)).toEqual({ 13: 47.5, 14: 30, 15: 10 });
    expect(num(ind(f, 14).actual.value)).toBe(92);
    expect(num(ind(f, 13).score.printed)).toBe(47.5);
  });
  it('total from SUM formulas: 100 and 9.29+47.5+30+10 = 96.79, 优, and nothing to fix', () => {
    const f = only(F);
    expect(num(f.total.weight)).toBe(100);
    expect(num(f.total.printed)).toBe(96.79);
    expect(f.total.computed).toBe('96.79');
    expect(f.grade.computed).toBe('优');
    // The 其中 rows add up (800000+50000+0 = 850000 …); the printed rate is the exact quotient.
    expect(issues(f)).toEqual([]);
    expect(infos(f)).toEqual(['BUDGET_ADJUSTED E6']);
  });
});

describe('form starting at column C with a 备注 column to the right', () => {
  const F = 'offset-notes.xlsx';
  it('finds the form at C2 and reads the funds at F7:K7: rate 240000/300000 = 80.00%, score 8.00', () => {
    const f = only(F);
    expect(f.range.startsWith('C2:')).toBe(true);
    expect(f.project).toBe('基层医疗设备购置');
    expect(f.unit).toBe('元');
    expect(f.funds.rate.computed).toBe('80.00');
    expect(f.funds.rate.cell).toBe('J7');
    expect(f.funds.score.computed).toBe('8.00');
  });
  it('scores: =20台 → 16台: 30×16/20 = 24; 20; qualitative 28 in [24, 30]; 10; total 90.00, 优', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([14, 15, 16, 17]);
    expect(scores(f)).toEqual({ 14: 24, 15: 20, 16: null, 17: 10 });
    expect(ind(f, 14).score.cell).toBe('J14');
    expect(num(f.total.computed)).toBe(90);
    expect(f.total.cell).toBe('J18');
    expect(f.grade.computed).toBe('优');
  });
  it('the 备注 notes are not reasons: missing reasons are flagged in the 偏差原因 column (K), not L', () => {
    const f = only(F);
    expect(ind(f, 14).reason).toBe('');
    // J7: 80% < 90%, no reason. K14: 16 < 20. K16: 28 < 30 (a qualitative deduction).
    expect(issues(f)).toEqual(
      ['warning REASON_MISSING J7', 'warning REASON_MISSING K14', 'warning REASON_MISSING K16'].sort(),
    );
  });
});

describe('blank rows inside the indicator table', () => {
  const F = 'blank-rows.xlsx';
  it('skips the blank rows 14, 16, 18 and fills 一级/二级 down over them', () => {
    const f = only(F);
    expect(f.indicators.map((i) => i.row)).toEqual([13, 15, 17, 19]);
    expect(ind(f, 15).level1).toBe('产出指标');
    expect(ind(f, 15).level2).toBe('质量指标');
  });
  it('scores 25, 25, 30×900/1000 = 27, 10×88/90 = 9.777… → 9.78; total 10+25+25+27+9.78 = 96.78, 优', () => {
    const f = only(F);
    expect(scores(f)).toEqual({ 13: 25, 15: 25, 17: 27, 19: 9.78 });
    expect(f.total.computed).toBe('96.78');
    expect(f.total.cell).toBe('H20');
    expect(f.grade.computed).toBe('优');
  });
  it('flags only the missing reason at I19 (88% < 90%), nothing on the blank rows', () => {
    expect(issues(only(F))).toEqual(['warning REASON_MISSING I19']);
  });
});

describe('two forms on one sheet with one blank row between them', () => {
  const F = 'two-forms-one-sheet.xlsx';
  it('finds both forms, each with its own name and unit', () => {
    const r = report(F);
    expect(r.forms.map((f) => [f.sheet, f.project, f.unit])).toEqual([
      ['汇总', '社区养老服务补贴', '元'],
      ['汇总', '老旧小区改造', '万元'],
    ]);
  });
  it('form A: 190000/200000 = 95.00%, 9.50; 50, 30, 10; total 99.50; clean', () => {
    const a = report(F).forms[0];
    expect(a.funds.rate.computed).toBe('95.00');
    expect(a.funds.score.cell).toBe('I6');
    expect(scores(a)).toEqual({ 13: 50, 14: 30, 15: 10 });
    expect(a.total.computed).toBe('99.50');
    expect(a.total.cell).toBe('H16');
    expect(issues(a)).toEqual([]);
  });
  it('form B from row 18: 252/280 = 90.00%, 9.00; 50×9/10 = 45, 30, 10; total 94.00; 300 → 280 noted', () => {
    const b = report(F).forms[1];
    expect(b.funds.rate.computed).toBe('90.00');
    expect(b.funds.rate.cell).toBe('H23');
    expect(b.funds.score.computed).toBe('9.00');
    expect(scores(b)).toEqual({ 30: 45, 31: 30, 32: 10 });
    expect(b.total.computed).toBe('94.00');
    expect(b.total.cell).toBe('H33');
    expect(b.grade.computed).toBe('优');
    expect(issues(b)).toEqual([]);
    expect(infos(b)).toEqual(['BUDGET_ADJUSTED E23']);
  });
});

describe('no 满意度 block, weights reallocated to 产出指标(60分) / 效益指标(30分)', () => {
  const F = 'no-satisfaction.xlsx';
  it('scores every row in full (a date target ≤2023年12月 met by 2023年11月); total 100, 优', () => {
    const f = only(F);
    expect(scores(f)).toEqual({ 13: 20, 14: 20, 15: 20, 16: 15, 17: 15 });
    expect(f.total.computed).toBe('100.00');
    expect(f.grade.computed).toBe('优');
  });
  it('a reallocation is allowed: no error, no warning; 产出 60 ≠ 50 is noted (info) on its first row', () => {
    const f = only(F);
    // 20+20+20 = 60 = (60分); 15+15 = 30 = (30分); 10+60+30 = 100 = G18.
    expect(issues(f)).toEqual([]);
    expect(f.findings.some((x) => x.code === 'LEVEL1_WEIGHTS_NONSTANDARD' && /13$/.test(x.cell ?? ''))).toBe(
      true,
    );
  });
});

describe('qualitative-heavy form (合规/及时/达成预期指标/好/有效; scores in and out of band)', () => {
  const F = 'qualitative.xlsx';
  const band = (i: IndicatorReport): unknown => i.band && [i.band.grade, num(i.band.min), num(i.band.max)];
  it('rate exactly 90.00% (45000/50000) needs no reason; score 9.00', () => {
    const f = only(F);
    expect(f.funds.rate.computed).toBe('90.00');
    expect(f.funds.score.computed).toBe('9.00');
  });
  it('bands by the actual: an actual that repeats the target (合规, 及时) is 达成; 部分达成 / 一般 → 部分达成; 较好 → 达成; 较差 → 未达成', () => {
    const f = only(F);
    expect(f.indicators.every((i) => i.kind === 'qualitative')).toBe(true);
    // 20×0.8 = 16; 15×0.8 = 12, 15×0.6 = 9; 10×0.6 = 6.
    expect(band(ind(f, 13))).toEqual(['达成', 16, 20]);
    expect(band(ind(f, 14))).toEqual(['达成', 12, 15]);
    expect(band(ind(f, 15))).toEqual(['部分达成', 9, 12]);
    expect(band(ind(f, 16))).toEqual(['达成', 12, 15]);
    expect(band(ind(f, 17))).toEqual(['部分达成', 9, 12]);
    expect(band(ind(f, 18))).toEqual(['未达成', 0, 6]);
  });
  it('total 9.00 + 20+11+10+13.5+12+7 = 82.50, 良', () => {
    const f = only(F);
    expect(f.total.computed).toBe('82.50');
    expect(f.grade.computed).toBe('良');
  });
  it('flags 11 < 12 (H14), 12 not < 12 for 部分达成 (H17), 7 ≥ 6 for 未达成 (H18) and two missing reasons', () => {
    const f = only(F);
    expect(issues(f)).toEqual(
      [
        'error QUALITATIVE_OUT_OF_BAND H14',
        'error QUALITATIVE_OUT_OF_BAND H17',
        'error QUALITATIVE_OUT_OF_BAND H18',
        'warning REASON_MISSING I14',
        'warning REASON_MISSING I15',
      ].sort(),
    );
  });
});

describe('formulas saved without cached results (never opened in Excel)', () => {
  const F = 'uncached-formulas.xlsx';
  it('computes what it can: rate 95/100 = 95.00%, score 9.50, indicators 20+20+10+30+10; total 99.50, 优', () => {
    const f = only(F);
    expect(f.funds.rate.computed).toBe('95.00');
    expect(f.funds.score.computed).toBe('9.50');
    expect(scores(f)).toEqual({ 13: 20, 14: 20, 15: 10, 16: 30, 17: 10 });
    expect(f.total.computed).toBe('99.50');
    expect(f.grade.computed).toBe('优');
  });
  it('does not claim 年度资金总额 is 0 when D6 is =SUM(D7:D9) with no saved value', () => {
    const f = only(F);
    // D6 = SUM(D7:D9) = 100 + 0 + 0 by construction; the cell is not empty and not 0, only not calculated.
    // A finding saying "其中各项合计 100 … 与年度资金总额 0 不符" sends the reviewer after an error that is not there.
    expect(f.findings.filter((x) => x.code === 'BREAKDOWN_SUM_MISMATCH')).toEqual([]);
  });
});
