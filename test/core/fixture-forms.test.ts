// Independent fixture tests for the scoring core: forms in different layouts, with every expected figure worked
// out by hand from shared/reference/scoring-rules.md and notes/core-decisions.md (arithmetic in the comments).
// Nothing here was copied from the code's output.
//
// Readings of ours where the decisions file leaves a question open are marked "READING:".
import { scoreSheets, type FormReport, type Report } from '../../src/core';
import {
  expectAmount,
  expectErrors,
  expectFinding,
  expectNoFinding,
  findingKeys,
  indicator,
  lazy,
  onlyForm,
} from '../fixtures/expect';
import {
  anhuiWanYuan,
  labelVariants,
  numbersAsText,
  seedPrinted,
  severalForms,
  shiftedSurrounded,
  sichuanSplitTargets,
} from '../fixtures/forms';

describe('fixture 1: the seed form as printed (Shanghai 2021), own layout from A1', () => {
  const report = lazy(() => scoreSheets([seedPrinted()], { source: 'seed-2021.xlsx' }));
  const form = (): FormReport => onlyForm(report());

  it('is found once, with no workbook errors, under mof-2020', () => {
    const r = report();
    expect(r.schema).toBe('selfeval-report/1');
    expect(r.source).toBe('seed-2021.xlsx');
    expect(r.rulebook).toBe('mof-2020');
    expect(r.errors).toEqual([]);
    expect(r.forms).toHaveLength(1);
  });

  it('reads the identity block', () => {
    const f = form();
    expect(f.sheet).toBe('自评表');
    expect(f.year).toBe('2021'); // "(2021 年度)"
    expect(f.project).toBe('计生特殊家庭帮扶及权益维护');
    expect(f.department).toBe('上海市卫生健康委员会');
    expect(f.implementer).toBe('上海市计划生育协会');
    expect(f.unit).toBe('元'); // "项目资金\n（元）"
  });

  it('reads the funds block: 1100000.00 (0.00 format), 991403.00, "965,043.97" as text', () => {
    const funds = form().funds;
    expectAmount(funds.initialBudget, '1100000');
    expectAmount(funds.annualBudget, '991403');
    expectAmount(funds.executed, '965043.97');
    expectAmount(funds.weight, '10');
  });

  it('computes the rate 97.34 and keeps the printed 97.35 (0.9735 with "0.00%")', () => {
    // 965043.97 / 991403 = 0.973412396… → 97.3412…% → 2 dp half-up → 97.34
    // printed: 0.9735 in a "0.00%" cell → 97.35
    expect(form().funds.rate).toEqual({ computed: '97.34', printed: '97.35', cell: 'H7' });
  });

  it('scores the funds 9.73', () => {
    // 10 × min(0.973412…, 1) = 9.73412… → 9.73; printed 9.73 (no FUNDS_SCORE_MISMATCH)
    expect(form().funds.score).toEqual({ computed: '9.73', printed: '9.73', cell: 'I7' });
    expectNoFinding(form(), 'FUNDS_SCORE_MISMATCH');
  });

  it('reads the three 其中 rows and they add up', () => {
    const br = form().funds.breakdown;
    expect(br.map((b) => b.row)).toEqual([8, 9, 10]);
    expect(br[0].label).toContain('当年财政拨款');
    expectAmount(br[0].initialBudget, '1100000');
    expectAmount(br[0].annualBudget, '991403');
    expectAmount(br[0].executed, '965043.97');
    // 年初 1100000 + 0 + 0 = 1100000; 全年 991403 + 0 + 0 = 991403; 执行 965043.97 + — + — = 965043.97
    expectNoFinding(form(), 'BREAKDOWN_SUM_MISMATCH');
  });

  it('reads eight indicators with level names filled down from merged cells', () => {
    const inds = form().indicators;
    expect(inds.map((i) => [i.row, i.level1, i.level2, i.name])).toEqual([
      [14, '产出指标', '数量指标', '暖心家园健康行服务场次'],
      [15, '产出指标', '数量指标', '普法宣传品/册发放'],
      [16, '产出指标', '质量指标', '项目支出符合协会财务制度规定'],
      [17, '产出指标', '时效指标', '年底之前预算执行率'],
      [18, '效益指标', '社会效益指标', '计生特殊家庭宣传品制作发放'],
      [19, '效益指标', '社会效益指标', '普法活动覆盖人数'],
      [20, '满意度指标', '服务对象满意度指标', '暖心家园健康行评估满意度'],
      [21, '满意度指标', '服务对象满意度指标', '法律咨询讲座或活动服务对象满意度'],
    ]);
    expect(inds.every((i) => i.kind === 'quantitative')).toBe(true);
  });

  it('parses the targets', () => {
    const f = form();
    expect(indicator(f, '暖心家园健康行服务场次').target).toMatchObject({
      operator: '=',
      value: '90',
      unit: null,
    });
    expect(indicator(f, '普法宣传品/册发放').target).toMatchObject({
      operator: '=',
      value: '3000',
      unit: '份',
    });
    expect(indicator(f, '项目支出符合协会财务制度规定').target).toMatchObject({
      operator: '=',
      value: '1',
      unit: '百分比',
    });
    expect(indicator(f, '暖心家园健康行评估满意度').target).toMatchObject({
      operator: '≥', // ">=" → "≥"
      value: '0.9',
      unit: '百分比',
    });
  });

  it('scores every quantitative row ("=" scored like "≥")', () => {
    const f = form();
    const scores = (name: string): unknown => indicator(f, name).score;
    // =90, actual 90: 90 ≥ 90 → full 20
    expect(scores('暖心家园健康行服务场次')).toEqual({ computed: '20.00', printed: '20', cell: 'I14' });
    // =3000份, actual 50000: met → full 10 (MOF: no deduction for over-achievement)
    expect(scores('普法宣传品/册发放')).toEqual({ computed: '10.00', printed: '10', cell: 'I15' });
    // =1百分比, actual 1: both fractions → 100% vs 100% → full 10
    expect(scores('项目支出符合协会财务制度规定')).toEqual({ computed: '10.00', printed: '10', cell: 'I16' });
    // =1百分比, actual 1 → met → 10; printed 9.7 (a self-deduction)
    expect(scores('年底之前预算执行率')).toEqual({ computed: '10.00', printed: '9.7', cell: 'I17' });
    // =10000个, actual 12000 → full 15
    expect(scores('计生特殊家庭宣传品制作发放')).toEqual({ computed: '15.00', printed: '15', cell: 'I18' });
    // =800人, actual 120000 → full 15
    expect(scores('普法活动覆盖人数')).toEqual({ computed: '15.00', printed: '15', cell: 'I19' });
    // >=0.9百分比, actual ">=0.9": an operator inside the actual → unparseable → no computed score
    expect(scores('暖心家园健康行评估满意度')).toEqual({ computed: null, printed: '5', cell: 'I20' });
    expect(scores('法律咨询讲座或活动服务对象满意度')).toEqual({ computed: null, printed: '5', cell: 'I21' });
  });

  it('totals 99.73 computed against 99.43 printed, with no TOTAL_MISMATCH, grade 优', () => {
    const f = form();
    // computed: 9.73 + 20 + 10 + 10 + 10 + 15 + 15 + 5 (printed) + 5 (printed) = 99.73
    // printed sum: 9.73 + 20 + 10 + 10 + 9.7 + 15 + 15 + 5 + 5 = 99.43 = printed total → no TOTAL_MISMATCH
    expect(f.total.computed).toBe('99.73');
    expect(f.total.printed).toBe('99.43');
    expect(f.total.cell).toBe('I22');
    expectAmount(f.total.weight, '100');
    expectNoFinding(f, 'TOTAL_MISMATCH');
    expect(f.grade.computed).toBe('优'); // 99.73 ≥ 90
  });

  it('gives the expected findings', () => {
    const f = form();
    // |97.35 − 97.3412…| = 0.0088 ≤ 0.01 point, and 97.35 ≠ 97.34 (half-up) → info
    expectFinding(f, 'RATE_MISMATCH', 'info', 'H7');
    // 年初 1100000 ≠ 全年 991403 → info at 全年预算数
    expectFinding(f, 'BUDGET_ADJUSTED', 'info', 'E7');
    // printed 9.7 < computed 10.00 by 0.3 > 0.01, a reason is given in J17 → an explained self-deduction: info
    expectFinding(f, 'SCORE_MISMATCH', 'info', 'I17');
    expectNoFinding(f, 'REASON_MISSING', 'J17');
    // 50000 ≥ 1.3 × 3000 = 3900 and 120000 ≥ 1.3 × 800 = 1040 → OVER_ACHIEVED at 实际完成值, no reason → REASON_MISSING
    expectFinding(f, 'OVER_ACHIEVED', 'warning', 'G15');
    expectFinding(f, 'OVER_ACHIEVED', 'warning', 'G19');
    expectFinding(f, 'REASON_MISSING', 'warning', 'J15');
    expectFinding(f, 'REASON_MISSING', 'warning', 'J19');
    // 12000 < 1.3 × 10000 = 13000 → not over-achieved
    expectNoFinding(f, 'OVER_ACHIEVED', 'G18');
    // 年底之前预算执行率: actual 1 (=100%) vs the computed rate 97.3412% → |2.66| > 0.01 → RATE_CONTRADICTION
    expectFinding(f, 'RATE_CONTRADICTION', 'warning', 'G17');
    // ">=0.9" as an actual → VALUE_UNPARSEABLE (warning) at the actual
    expectFinding(f, 'VALUE_UNPARSEABLE', 'warning', 'G20');
    expectFinding(f, 'VALUE_UNPARSEABLE', 'warning', 'G21');
    // weights 10 + 20+10+10+10 + 15+15 + 5+5 = 100 = printed 100; levels 50 / 30 / 10
    expectNoFinding(f, 'WEIGHT_SUM_MISMATCH');
    expectNoFinding(f, 'LEVEL1_WEIGHTS_NONSTANDARD');
    expectErrors(f, []);
  });

  it('gives no other finding (READING: a bare actual like 50000 takes the target unit 份 — no UNIT_MISMATCH)', () => {
    expect(findingKeys(form())).toEqual(
      [
        'BUDGET_ADJUSTED:info@E7',
        'OVER_ACHIEVED:warning@G15',
        'OVER_ACHIEVED:warning@G19',
        'RATE_CONTRADICTION:warning@G17',
        'RATE_MISMATCH:info@H7',
        'REASON_MISSING:warning@J15',
        'REASON_MISSING:warning@J19',
        'SCORE_MISMATCH:info@I17',
        'VALUE_UNPARSEABLE:warning@G20',
        'VALUE_UNPARSEABLE:warning@G21',
      ].sort(),
    );
  });
});

describe('fixture 2: a form shifted to F8 and surrounded by notes and unrelated tables (trimmed grid)', () => {
  const fx = shiftedSurrounded();
  const report = lazy(() => scoreSheets([fx.sheet]));
  const form = (): FormReport => onlyForm(report());

  it('the fixture geometry is what the layout says', () => {
    expect(fx.sheet.origin).toEqual({ row: 2, col: 1 }); // first used cell B3 (the left table starts at B8)
    expect(fx.cells.rate).toBe('M13');
    expect(fx.cells.totalScore).toBe('M25');
  });

  it('finds exactly one form, ignoring the notes and the side tables', () => {
    const r = report();
    expect(r.errors).toEqual([]);
    const f = form();
    expect(f.sheet).toBe('汇总表');
    expect(f.project).toBe('社区健康服务');
    expect(f.department).toBe('某区卫生健康委员会');
    expect(f.implementer).toBe('某区社区卫生服务中心');
    expect(f.indicators.map((i) => i.name)).toEqual([
      '健康讲座场次',
      '讲座合格率',
      '完成及时性',
      '居民健康知晓率',
      '服务对象满意度',
    ]);
  });

  it('reads the funds from the form columns, not the side table', () => {
    const funds = form().funds;
    expectAmount(funds.initialBudget, '600000');
    expectAmount(funds.annualBudget, '500000');
    expectAmount(funds.executed, '430915');
    // 430915 / 500000 = 0.86183 → 86.183% → 86.18; printed 0.8619 ("0.00%") → 86.19
    expect(funds.rate).toEqual({ computed: '86.18', printed: '86.19', cell: fx.cells.rate });
    // 10 × 0.86183 = 8.6183 → 8.62
    expect(funds.score).toEqual({ computed: '8.62', printed: '8.62', cell: fx.cells.fundsScore });
  });

  it('scores the rows', () => {
    const f = form();
    // ≥20场, actual 18: 20 × 18/20 = 18.00
    expect(indicator(f, '健康讲座场次').score.computed).toBe('18.00');
    // ≥95%, "96%": met → 15.00
    expect(indicator(f, '讲座合格率').score.computed).toBe('15.00');
    // 及时 / 及时 → 达成: band 15 × 0.8 = 12.00 … 15 × 1 = 15.00; printed 14 inside
    const q = indicator(f, '完成及时性');
    expect(q.kind).toBe('qualitative');
    expect(q.score.computed).toBeNull();
    expect(q.band).toEqual({ grade: '达成', min: '12.00', max: '15.00' });
    // ≥80%, 0.85 in a "0%" cell → 85% ≥ 80% → 30.00
    expect(indicator(f, '居民健康知晓率').score.computed).toBe('30.00');
    expect(indicator(f, '服务对象满意度').score.computed).toBe('10.00');
  });

  it('totals 95.62, grade 优', () => {
    const f = form();
    // 8.62 + 18 + 15 + 14 (qualitative: printed) + 30 + 10 = 95.62; printed 95.62
    expect(f.total.computed).toBe('95.62');
    expect(f.total.printed).toBe('95.62');
    expect(f.total.cell).toBe(fx.cells.totalScore);
    expectAmount(f.total.weight, '100');
    expect(f.grade.computed).toBe('优');
  });

  it('gives the expected findings and no others', () => {
    const f = form();
    const c = fx.cells;
    // rate: |86.19 − 86.183| = 0.007 ≤ 0.01 → info; 86.183 < 90 and no reason in the funds block → REASON_MISSING
    // 600000 ≠ 500000 → BUDGET_ADJUSTED. Qualitative 14 of 15 has a reason (N22), 18 of 20 has one (N20).
    expect(findingKeys(f)).toEqual(
      [
        `BUDGET_ADJUSTED:info@${c.annual}`,
        `RATE_MISMATCH:info@${c.rate}`,
        `REASON_MISSING:warning@${c.rate}`,
      ].sort(),
    );
  });
});

describe('fixture 3: Anhui-style form in 万元 (funds 得分 merged over two columns)', () => {
  const report = lazy(() => scoreSheets([anhuiWanYuan()]));
  const form = (): FormReport => onlyForm(report());

  it('reads the identity and the unit 万元', () => {
    const f = form();
    expect(f.year).toBe('2022');
    expect(f.project).toBe('困难群众临时救助');
    expect(f.department).toBe('219-池州市民政局');
    expect(f.unit).toBe('万元');
  });

  it('computes the funds: 89.974 / 90', () => {
    const funds = form().funds;
    expectAmount(funds.initialBudget, '90');
    expectAmount(funds.annualBudget, '90');
    expectAmount(funds.executed, '89.974');
    // 89.974 / 90 = 0.9997111… → 99.97111…% → 99.97; printed "99.97%" → 99.97
    expect(funds.rate).toEqual({ computed: '99.97', printed: '99.97', cell: 'I7' });
    // 10 × 0.9997111… = 9.997111… → 2 dp half-up → 10.00
    expect(funds.score).toEqual({ computed: '10.00', printed: '10', cell: 'J7' });
    expect(funds.breakdown.map((b) => b.row)).toEqual([8, 9, 10]);
  });

  it('scores the rows, converting 元 to 万元', () => {
    const f = form();
    expect(indicator(f, '救助人数').score.computed).toBe('20.00'); // 1020 ≥ 1000
    expect(indicator(f, '资金发放准确率').score.computed).toBe('10.00'); // 100% = 100%
    expect(indicator(f, '项目总成本').score.computed).toBe('10.00'); // 89.974万元 ≤ 90万元
    // =7.5万元, actual 72890元 = 7.289万元 < 7.5 → 10 × 7.289/7.5 = 9.71866… → 9.72
    expect(indicator(f, '单项补助金额').score).toEqual({ computed: '9.72', printed: '9.72', cell: 'I17' });
    expect(indicator(f, '受益群众覆盖率').score.computed).toBe('30.00');
    expect(indicator(f, '群众满意度').score.computed).toBe('10.00');
    expect(indicator(f, '单项补助金额').reason).toBe('结余资金已按规定上缴');
  });

  it('totals 99.72', () => {
    const f = form();
    // 10.00 + 20 + 10 + 10 + 9.72 + 30 + 10 = 99.72; printed 99.72
    expect(f.total.computed).toBe('99.72');
    expect(f.total.printed).toBe('99.72');
    expect(f.total.cell).toBe('I20');
    expect(f.grade.computed).toBe('优');
  });

  it('flags only the 元/万元 unit mismatch', () => {
    // 72890元 against a 万元 target → UNIT_MISMATCH (warning) at the actual; reasons given; sums add up
    expect(findingKeys(form())).toEqual(['UNIT_MISMATCH:warning@G17']);
  });
});

describe('fixture 4: Sichuan labels, split target columns on a two-row header, 权重 before the targets', () => {
  const report = lazy(() => scoreSheets([sichuanSplitTargets()]));
  const form = (): FormReport => onlyForm(report());

  it('reads the identity block (实施单位（盖章）) and the unit', () => {
    const f = form();
    expect(f.year).toBe('2023');
    expect(f.project).toBe('水环境监测网络建设');
    expect(f.department).toBe('某市生态环境局');
    expect(f.implementer).toBe('某市生态环境监测站');
    expect(f.unit).toBe('万元'); // "预算执行情况（万元）"
  });

  it('computes the rate on 调整后预算数 / 预算执行数', () => {
    const funds = form().funds;
    expectAmount(funds.initialBudget, '120');
    expectAmount(funds.annualBudget, '125.5');
    expectAmount(funds.executed, '118.62');
    expectAmount(funds.weight, '10'); // 权重
    // 118.62 / 125.5 = 0.945179282… → 94.5179…% → 94.52; printed 0.9452 ("0.00%") → 94.52
    expect(funds.rate).toEqual({ computed: '94.52', printed: '94.52', cell: 'H6' });
    // 10 × 0.945179… = 9.45179… → 9.45
    expect(funds.score).toEqual({ computed: '9.45', printed: '9.45', cell: 'I6' });
    // 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金
    expect(funds.breakdown.map((b) => b.row)).toEqual([7, 8, 9, 10]);
  });

  it('reads split targets and the 权重 column placed before them', () => {
    const f = form();
    const n = indicator(f, '新建监测点');
    expect(n.target).toMatchObject({ operator: '≥', value: '12', unit: '个' });
    expectAmount(n.weight, '20');
    expect(n.score.cell).toBe('J15');
    expect(indicator(f, '单点建设成本').target).toMatchObject({ operator: '≤', value: '9.5', unit: '万元' });
    // "﹦" (U+FE66) → "="
    expect(indicator(f, '断面水质达标率').target).toMatchObject({ operator: '=', value: '100', unit: '%' });
    expect(f.indicators.map((i) => i.row)).toEqual([15, 16, 17, 18, 19, 20]);
  });

  it('scores the rows', () => {
    const f = form();
    expect(indicator(f, '新建监测点').score.computed).toBe('20.00'); // 12 ≥ 12
    // ≥98%, actual 97 (bare, > 1 → percent): 20 × 97/98 = 19.7959… → 19.80; printed 19.8
    expect(indicator(f, '监测数据合格率').score).toEqual({ computed: '19.80', printed: '19.8', cell: 'J16' });
    expect(indicator(f, '建设完成时限').score.computed).toBe('10.00'); // 10 ≤ 11
    // ≤9.5万元, actual 9.6 (ratio): 10 × 9.5/9.6 = 9.8958… → 9.90; printed 9.9
    expect(indicator(f, '单点建设成本').score).toEqual({ computed: '9.90', printed: '9.9', cell: 'J18' });
    expect(indicator(f, '单点建设成本').reason).toBe('建材价格上涨'); // 未完成原因分析
    expect(indicator(f, '监测覆盖人口').score.computed).toBe('15.00'); // 52 ≥ 50
    expect(indicator(f, '断面水质达标率').score.computed).toBe('15.00'); // 100 = 100
  });

  it('totals 99.15 at the 合计 row', () => {
    const f = form();
    // 9.45 + 20 + 19.80 + 10 + 9.90 + 15 + 15 = 99.15; printed 99.15
    expect(f.total.computed).toBe('99.15');
    expect(f.total.printed).toBe('99.15');
    expect(f.total.cell).toBe('J21');
    expectAmount(f.total.weight, '100'); // E21
    expect(f.grade.computed).toBe('优');
  });

  it('gives only infos: the budget adjustment and the 60-point 产出 level', () => {
    const f = form();
    expectErrors(f, []);
    // every row met or explained (J16 19.8 and J18 9.9 have reasons in K16, K18)
    expect(findingKeys(f, 'warning')).toEqual([]);
    expectFinding(f, 'BUDGET_ADJUSTED', 'info', 'E6'); // 120 ≠ 125.5
    // 产出 20 + 20 + 10 + 10 = 60 ≠ 50 → info on the level's first row (15); 效益 15 + 15 = 30
    const level1 = f.findings.filter((x) => x.code === 'LEVEL1_WEIGHTS_NONSTANDARD');
    expect(level1.some((x) => x.severity === 'info' && /^[A-Z]+15$/.test(x.cell ?? ''))).toBe(true);
    // weights 10 + 60 + 30 = 100 = 合计 权重
    expectNoFinding(f, 'WEIGHT_SUM_MISMATCH');
  });
});

describe('fixture 5: label variants ((A)/(B), (50分), line breaks, spaces, full-width colons)', () => {
  const report = lazy(() => scoreSheets([labelVariants()]));
  const form = (): FormReport => onlyForm(report());

  it('reads "项目名称：" and the other identity labels with full-width colons', () => {
    const f = form();
    expect(f.year).toBe('2021');
    expect(f.project).toBe('教学设备更新');
    expect(f.department).toBe('某区教育局');
    expect(f.implementer).toBe('某区实验小学');
    expect(f.unit).toBe('元');
  });

  it('reads 全年预算数(A) / 全年执行数(B) / 执行率(B/A) and caps the score at 100%', () => {
    const funds = form().funds;
    expectAmount(funds.annualBudget, '80000');
    expectAmount(funds.executed, '82000');
    expectAmount(funds.weight, '10'); // "分 值"
    // 82000 / 80000 = 1.025 → 102.50; printed 1.025 ("0.00%") → 102.5
    expect(funds.rate.computed).toBe('102.50');
    expectAmount(funds.rate.printed, '102.5');
    expect(funds.rate.cell).toBe('G6');
    // 10 × min(1.025, 1) = 10.00
    expect(funds.score).toEqual({ computed: '10.00', printed: '10', cell: 'H6' });
  });

  it('reads the indicators under "绩\\n效\\n指\\n标" with level names carrying (50分)', () => {
    const f = form();
    expect(f.indicators.map((i) => i.name)).toEqual([
      '采购教学设备',
      '设备验收合格率',
      '设备使用率',
      '教师满意度',
    ]);
    expect(indicator(f, '设备验收合格率').level1).toContain('产出指标');
    expect(indicator(f, '设备使用率').level1).toContain('效益指标');
    // ≥50台, 48: 30 × 48/50 = 28.80
    expect(indicator(f, '采购教学设备').score).toEqual({ computed: '28.80', printed: '28.8', cell: 'H13' });
    expect(indicator(f, '设备验收合格率').score.computed).toBe('20.00');
    expect(indicator(f, '设备使用率').score.computed).toBe('30.00');
    // ≥90%, 88%: 10 × 88/90 = 9.7777… → 9.78
    expect(indicator(f, '教师满意度').score).toEqual({ computed: '9.78', printed: '9.78', cell: 'H16' });
  });

  it('totals 98.58 at "总  分"', () => {
    const f = form();
    // 10.00 + 28.80 + 20 + 30 + 9.78 = 98.58; printed 98.58
    expect(f.total.computed).toBe('98.58');
    expect(f.total.printed).toBe('98.58');
    expect(f.total.cell).toBe('H17');
    expectAmount(f.total.weight, '100');
  });

  it('flags only the execution over budget', () => {
    // 82000 > 80000 → EXECUTED_OVER_BUDGET at 全年执行数 (E6). (50分) 30+20, (30分) 30, (10分) 10 all add up;
    // the two deducted rows have reasons; printed rate 102.50 = computed.
    expect(findingKeys(form())).toEqual(['EXECUTED_OVER_BUDGET:warning@E6']);
  });
});

describe('fixture 6: numbers and percentages as text', () => {
  const fx = numbersAsText();
  const report = lazy(() => scoreSheets([fx.sheet]));
  const form = (): FormReport => onlyForm(report());

  it('reads "1,100,000.00", "991,403.00", "965,043.97", "97.34%", "9.73"', () => {
    const funds = form().funds;
    expectAmount(funds.initialBudget, '1100000');
    expectAmount(funds.annualBudget, '991403');
    expectAmount(funds.executed, '965043.97');
    expectAmount(funds.weight, '10');
    // 965043.97 / 991403 → 97.34 (see fixture 1); printed "97.34%" → 97.34: equal, no RATE_MISMATCH
    expect(funds.rate).toEqual({ computed: '97.34', printed: '97.34', cell: fx.cells.rate });
    expect(funds.score).toEqual({ computed: '9.73', printed: '9.73', cell: fx.cells.fundsScore });
  });

  it('reads full-width operators and digits and text percentages', () => {
    const f = form();
    const a = indicator(f, '宣传品制作发放');
    // "＝１００００个" → NFKC "=10000个"
    expect(a.target).toMatchObject({ operator: '=', value: '10000', unit: '个' });
    expect(a.actual.value).toBe('12000'); // "１２０００"
    expect(a.score.computed).toBe('20.00');
    // ≥90%, "85%": 15 × 85/90 = 14.1666… → 14.17; printed "14.17"
    expect(indicator(f, '培训覆盖率').score).toEqual({
      computed: '14.17',
      printed: '14.17',
      cell: fx.cells.indicators[1].score,
    });
    expect(indicator(f, '资金拨付准确率').target).toMatchObject({ operator: '=', value: '100', unit: '%' });
    expect(indicator(f, '资金拨付准确率').score.computed).toBe('15.00');
    // "95%" has no operator → operator null, scored like ≥; actual "0.96" (no unit, ≤ 1) → 96% ≥ 95% → 30.00
    expect(indicator(f, '群众知晓率').target.operator).toBeNull();
    expect(indicator(f, '群众知晓率').score.computed).toBe('30.00');
    expect(indicator(f, '服务对象满意度').score.computed).toBe('10.00'); // 92.5% ≥ 90%
  });

  it('totals 98.90 (printed "98.9")', () => {
    const f = form();
    // 9.73 + 20 + 14.17 + 15 + 30 + 10 = 98.90; printed "98.9"
    expect(f.total.computed).toBe('98.90');
    expectAmount(f.total.printed, '98.9');
    expectAmount(f.total.weight, '100');
    expect(f.grade.computed).toBe('优');
  });

  it('flags the mixed percentage scales and the budget adjustment only', () => {
    const c = fx.cells;
    // "95%" (percent) against "0.96" (fraction inferred) → different scales, one inferred → UNIT_MISMATCH warning
    expect(findingKeys(form())).toEqual(
      [`BUDGET_ADJUSTED:info@${c.annual}`, `UNIT_MISMATCH:warning@${c.indicators[3].actual}`].sort(),
    );
  });
});

describe('fixture 7: two forms stacked on one sheet, one on another, a sheet without a form', () => {
  const fx = severalForms();
  const report = lazy(() => scoreSheets(fx.sheets));

  it('the fixture geometry is what the layout says', () => {
    expect([fx.a.rate, fx.b.rate, fx.c.rate]).toEqual(['H6', 'H25', 'I8']);
  });

  it('finds the three forms in sheet and row order, and no FORM_NOT_FOUND for the text sheet', () => {
    const r: Report = report();
    expect(r.forms.map((f) => [f.sheet, f.project])).toEqual([
      ['多表', '项目甲'],
      ['多表', '项目乙'],
      ['项目丙', '项目丙'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('keeps the stacked forms apart', () => {
    const [a, b] = report().forms;
    expect(a.indicators.map((i) => i.row)).toEqual([13, 14, 15]);
    expect(b.indicators.map((i) => i.row)).toEqual([32, 33, 34]);
    expect(a.total.cell).toBe(fx.a.totalScore);
    expect(b.total.cell).toBe(fx.b.totalScore);
    expect(b.year).toBe('2022');
  });

  it('form 甲: 190000 / 200000', () => {
    const a = report().forms[0];
    // 190000 / 200000 = 0.95 → 95.00; 10 × 0.95 = 9.50; total 9.50 + 50 + 30 + 10 = 99.50
    expect(a.funds.rate.computed).toBe('95.00');
    expectAmount(a.funds.rate.printed, '95'); // "95.00%"
    expect(a.funds.rate.cell).toBe(fx.a.rate);
    expect(a.funds.score.computed).toBe('9.50');
    expect(a.total.computed).toBe('99.50');
    expect(findingKeys(a)).toEqual([]);
  });

  it('form 乙: 49999.99 / 50000 rounds to 100.00', () => {
    const b = report().forms[1];
    // 49999.99 / 50000 = 0.9999998 → 99.99998% → 2 dp half-up → 100.00; printed "100.00%" → no RATE_MISMATCH
    expect(b.funds.rate.computed).toBe('100.00');
    expectAmount(b.funds.rate.printed, '100'); // "100.00%"
    expect(b.funds.rate.cell).toBe(fx.b.rate);
    // 10 × 0.9999998 = 9.999998 → 10.00; total 10.00 + 90 = 100.00
    expect(b.funds.score.computed).toBe('10.00');
    expect(b.total.computed).toBe('100.00');
    expect(findingKeys(b)).toEqual([]);
  });

  it('form 丙 (万元, at B3): 27 / 30 with the rate printed as 0.9 in a "0%" cell', () => {
    const c = report().forms[2];
    expect(c.unit).toBe('万元');
    // 27 / 30 = 0.9 → 90.00; printed 0.9 ("0%") → 90, equal at 0 decimals → no RATE_MISMATCH
    expect(c.funds.rate.computed).toBe('90.00');
    expectAmount(c.funds.rate.printed, '90');
    expect(c.funds.rate.cell).toBe(fx.c.rate);
    // 10 × 0.9 = 9.00; total 9.00 + 90 = 99.00. Rate 90 is not below 90 → no REASON_MISSING
    expect(c.funds.score.computed).toBe('9.00');
    expect(c.total.computed).toBe('99.00');
    expect(findingKeys(c)).toEqual([]);
  });
});
