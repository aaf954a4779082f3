// Every finding code explained in plain words, in Chinese and English: what it means, where it is marked, how
// severe it is, the rules it implements (ids of docs/scoring-rules.md), when it appears and what to do. The same
// content as docs/finding-codes.md, without the markdown (test/cli/explain.test.ts keeps the two equal). Printed by
// `selfeval --explain CODE`, rendered into the help page and into the batch HTML report. Pure data.
import type { Lang } from './messages';
import type { FindingCode } from './report';

export type Texts = Record<Lang, string>;

export type ExplanationGroup = 'funds' | 'indicators' | 'total' | 'form' | 'workbook' | 'reserved';

export interface Explanation {
  /** The section of docs/finding-codes.md. */
  group: ExplanationGroup;
  /** One plain sentence: what the finding means. */
  title: Texts;
  /** The cell the finding is marked on. */
  where: Texts;
  severity: Texts;
  /** Rule ids of docs/scoring-rules.md; none for a property of the file. */
  rules: string[];
  when: Texts;
  /** What the person filling in or reviewing the form should do. */
  todo: Texts;
}

export const EXPLANATION_GROUPS: Record<ExplanationGroup, Texts> = {
  funds: { 'zh-CN': '资金部分', en: 'The funds block' },
  indicators: { 'zh-CN': '绩效指标', en: 'Indicators' },
  total: { 'zh-CN': '分值与总分', en: 'Weights and total' },
  form: { 'zh-CN': '表格各部分', en: 'Parts of the form' },
  workbook: { 'zh-CN': '工作簿问题', en: 'Workbook errors' },
  reserved: { 'zh-CN': '保留', en: 'Reserved' },
};

/** Keyed by code in the order of docs/finding-codes.md; a FindingCode without an entry does not compile. */
export const EXPLANATIONS: Record<FindingCode, Explanation> = {
  RATE_MISMATCH: {
    group: 'funds',
    title: {
      'zh-CN': '表中执行率与按预算数和执行数算出的执行率不一致。',
      en: 'The printed execution rate is not the rate that the budget and the amount executed give.',
    },
    where: { 'zh-CN': '年度资金总额行的执行率单元格', en: 'the printed 执行率 of the 年度资金总额 row' },
    severity: {
      'zh-CN':
        '与精确执行率相差在 executionRate.tolerancePoints（0.01 个百分点）以内为 info（提示），超过为 error（错误）',
      en: 'info within executionRate.tolerancePoints (0.01 percentage points) of the exact rate, error beyond it',
    },
    rules: ['C1', 'R2', 'R14', 'Q5'],
    when: {
      'zh-CN':
        '表中执行率既不等于按四舍五入、也不等于按规则集显示规则取舍后的实际执行率（全年执行数 ÷ 全年预算数）。',
      en: 'the printed rate is neither the exact rate (全年执行数 ÷ 全年预算数) rounded half-up nor as the rulebook displays it, at the decimals printed.',
    },
    todo: {
      'zh-CN': 'error 时改为计算出的执行率；info 时无需修改，如本地惯例是向上取整，可改用 shanghai 规则集。',
      en: 'for an error, write the computed rate. For an info, nothing is wrong; if your province prints rates rounded up, score with the shanghai rulebook.',
    },
  },
  FUNDS_SCORE_MISMATCH: {
    group: 'funds',
    title: { 'zh-CN': '执行率得分算错了。', en: 'The score for the execution rate is wrong.' },
    where: { 'zh-CN': '执行率得分单元格', en: 'the 得分 of the 年度资金总额 row' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C2', 'R3', 'R4'],
    when: {
      'zh-CN': '表中执行率得分与 分值 × min(执行率, 封顶) 取舍后的结果相差超过 scoring.tolerance。',
      en: 'the printed score differs by more than scoring.tolerance from 分值 × min(rate, cap), rounded.',
    },
    todo: {
      'zh-CN': '改为计算出的得分（意见中列出了算式）。',
      en: 'write the computed score (the message shows the sum).',
    },
  },
  BREAKDOWN_SUM_MISMATCH: {
    group: 'funds',
    title: {
      'zh-CN': '资金明细各行加起来不等于年度资金总额。',
      en: 'The sub-rows of the funds do not add up to the annual total.',
    },
    where: {
      'zh-CN': '合计不符那一列的年度资金总额单元格',
      en: 'the 年度资金总额 cell of the column that does not add up',
    },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C3'],
    when: {
      'zh-CN':
        '年初预算数、全年预算数或全年执行数中，“其中”各行之和不等于年度资金总额。含有未计算公式的列不核对。',
      en: 'in 年初预算数, 全年预算数 or 全年执行数, the 其中 rows do not add up to 年度资金总额. A column holding a formula Excel never calculated is skipped (see FORMULA_UNCALCULATED).',
    },
    todo: {
      'zh-CN': '核对并改正各明细行或年度资金总额，使两者一致。',
      en: 'correct the sub-rows or the total so that they agree.',
    },
  },
  EXECUTED_OVER_BUDGET: {
    group: 'funds',
    title: { 'zh-CN': '执行数超过了预算数。', en: 'More was spent than budgeted.' },
    where: { 'zh-CN': '全年执行数单元格', en: '全年执行数' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C5', 'R4', 'Q4'],
    when: { 'zh-CN': '全年执行数大于全年预算数。', en: '全年执行数 is larger than 全年预算数.' },
    todo: {
      'zh-CN': '核对两个金额；如无误，执行率得分按分值封顶，建议说明超支原因。',
      en: "check both amounts; if they are right, the rate's score is capped at its 分值 and an explanation is advisable.",
    },
  },
  BUDGET_ADJUSTED: {
    group: 'funds',
    title: {
      'zh-CN': '年中调整过预算，执行率按调整后的预算计算。',
      en: 'The budget was adjusted during the year; the rate uses the adjusted budget.',
    },
    where: { 'zh-CN': '全年预算数单元格', en: '全年预算数' },
    severity: { 'zh-CN': 'info（提示）', en: 'info' },
    rules: ['C4', 'R2'],
    when: {
      'zh-CN': '年初预算数与全年预算数不同；执行率按调整后的全年预算数计算。',
      en: '年初预算数 and 全年预算数 differ; the rate uses the adjusted budget.',
    },
    todo: {
      'zh-CN': '一般无需处理；如当地要求说明预算调整原因（如四川），请补充说明。',
      en: 'nothing, unless your finance bureau asks for the reason of an adjustment (Sichuan does).',
    },
  },
  BUDGET_ZERO: {
    group: 'funds',
    title: { 'zh-CN': '预算数为 0，无法计算执行率。', en: 'The budget is 0, so there is no execution rate.' },
    where: { 'zh-CN': '全年预算数单元格', en: 'the budget the rate divides by (全年预算数)' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['R2', 'C16'],
    when: {
      'zh-CN': '预算数为 0，无法计算执行率和执行率得分。',
      en: 'the budget is 0, so there is no execution rate and no rate score.',
    },
    todo: {
      'zh-CN': '填写预算数（注意单位是元还是万元）。',
      en: 'enter the budget (check the unit, 元 or 万元).',
    },
  },
  SCORE_MISMATCH: {
    group: 'indicators',
    title: {
      'zh-CN': '指标得分与按规则算出的得分不一致。',
      en: "An indicator's score differs from the score its rule gives.",
    },
    where: { 'zh-CN': '该指标的得分单元格', en: "the indicator's 得分" },
    severity: {
      'zh-CN': '表中得分高于按规则计算的得分为 error（错误），低于为 warning（警告）',
      en: "error when the printed score is above the rule's; warning when it is below",
    },
    rules: ['C8', 'R5', 'R7', 'R8', 'R15', 'Q1', 'Q2', 'Q6', 'L1'],
    when: {
      'zh-CN':
        '定量指标（或按期完成的时效指标）表中得分与按规则集计算的得分相差超过 scoring.tolerance；意见中列出算式。达到目标却低于分值即为自行扣分。',
      en: 'a quantitative row (or a met deadline) is printed more than scoring.tolerance away from the score the rulebook gives; the message shows the formula. A lower score on a met target is a self-deduction.',
    },
    todo: {
      'zh-CN':
        'error 时把得分改为按规则计算的得分；warning 时如确需扣分，在“偏差原因分析及改进措施”中写明理由（否则另有 REASON_MISSING），或改为按规则计算的得分。',
      en: "error: lower the score to the rule's. warning: keep the deduction only with a reason in 偏差原因分析及改进措施 (otherwise REASON_MISSING follows), or write the rule's score.",
    },
  },
  SCORE_OUT_OF_RANGE: {
    group: 'indicators',
    title: {
      'zh-CN': '得分小于 0 或超过该指标的分值。',
      en: "A score is below 0 or above the indicator's points.",
    },
    where: { 'zh-CN': '该指标的得分单元格', en: "the indicator's 得分" },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C7', 'R4'],
    when: {
      'zh-CN': '得分为负数或大于该指标的分值。',
      en: "the printed score is negative or larger than the row's 分值.",
    },
    todo: { 'zh-CN': '把得分改为 0 到分值之间的数。', en: 'write a score between 0 and 分值.' },
  },
  QUALITATIVE_OUT_OF_BAND: {
    group: 'indicators',
    title: {
      'zh-CN': '定性指标的得分与其完成等级不相称。',
      en: "A qualitative indicator's score does not fit its grade.",
    },
    where: { 'zh-CN': '该指标的得分单元格', en: "the indicator's 得分" },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C9', 'R9'],
    when: {
      'zh-CN':
        '定性指标的得分不在其等级的区间内（达成为分值的 80%–100%，部分达成为 60% 至不足 80%，未达成为不足 60%）。已有 SCORE_OUT_OF_RANGE 时不再重复。',
      en: "a qualitative row's score lies outside the band of its grade (达成 80–100% of 分值, 部分达成 60% to below 80%, 未达成 below 60%). Not repeated when SCORE_OUT_OF_RANGE is already given.",
    },
    todo: {
      'zh-CN': '在该等级的区间内打分，或改正实际完成值中的等级。',
      en: 'choose a score inside the band, or correct the grade written as the actual.',
    },
  },
  QUALITATIVE_UNMAPPED: {
    group: 'indicators',
    title: {
      'zh-CN': '无法识别定性指标的完成等级。',
      en: 'The grade written for a qualitative indicator is not recognised.',
    },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C9', 'Q8'],
    when: {
      'zh-CN': '定性指标的实际完成值与规则集中任何等级的用语都对不上，无法核对得分区间。',
      en: "a qualitative actual matches none of the rulebook's grade words, so no band can be checked.",
    },
    todo: {
      'zh-CN':
        '用通行的等级用语填写（达成年度指标 / 部分达成年度指标 / 未达成年度指标），或在自定义规则集的 qualitative[].words 中加入该用语。',
      en: 'write the grade in the usual words (达成年度指标 / 部分达成年度指标 / 未达成年度指标), or add the word to qualitative[].words of your own rulebook.',
    },
  },
  REASON_MISSING: {
    group: 'indicators',
    title: {
      'zh-CN': '应当说明偏差原因，但没有填写。',
      en: 'A reason for the deviation is required but missing.',
    },
    where: {
      'zh-CN': '该行的偏差原因单元格（没有该列时为得分单元格）；执行率的为资金部分的原因单元格或执行率单元格',
      en: "the row's 偏差原因分析及改进措施 (its 得分 when the form has no such column); for the rate, the funds block's 原因 cell or the rate",
    },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C10', 'R13', 'R6', 'R15', 'Q3', 'Q6'],
    when: {
      'zh-CN':
        '未完成目标（含定性等级低于“达成”、未按期完成）、超过超额完成阈值、得分低于分值，或执行率低于 executionRate.reasonBelowPercent（90%），而偏差原因为空。',
      en: 'the reason is empty although the target was missed (reasons.whenMissed; a qualitative grade below 达成, a missed deadline included), the actual reached the over-achievement threshold (overAchievement.reasonRequired), the score is below 分值 (reasons.whenDeducted), or the execution rate is below executionRate.reasonBelowPercent (90%).',
    },
    todo: {
      'zh-CN': '填写偏差原因分析及改进措施；大幅超额完成时，说明指标值是否设置偏低。',
      en: 'write the reason and the planned improvement; for a large over-achievement, say whether the target was set too low.',
    },
  },
  OVER_ACHIEVED: {
    group: 'indicators',
    title: {
      'zh-CN': '实际完成值远超指标值，指标值可能定得偏低。',
      en: 'The actual far exceeds the target; the target may have been set too low.',
    },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C10', 'R6', 'Q3', 'L1'],
    when: {
      'zh-CN':
        '正向指标的实际完成值达到指标值的 overAchievement.threshold（1.3）倍以上。规则集设有 overAchievement.deduction 时（local-platform 为 2 分），意见中写明扣分。',
      en: 'for a target where more is better, the actual is at least overAchievement.threshold (1.3) times the target. Under a rulebook with overAchievement.deduction (local-platform: 2 points) the message states the deduction.',
    },
    todo: {
      'zh-CN': '核对实际完成值和指标值；说明偏差原因，下一年度合理设定指标值。',
      en: 'check the actual and the target; explain the deviation, and set a realistic target next year.',
    },
  },
  VALUE_UNPARSEABLE: {
    group: 'indicators',
    title: {
      'zh-CN': '实际完成值无法作为数值或日期读取。',
      en: 'The actual cannot be read as a number or a date.',
    },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C13'],
    when: {
      'zh-CN': '定量指标的实际完成值不是单纯的数值（如“>=0.9”“完成”），或时效指标的实际完成时间不是日期。',
      en: 'a quantitative row\'s actual is not a plain number (">=0.9", 完成), or a deadline row\'s actual is not a date.',
    },
    todo: {
      'zh-CN': '把实际完成值改为数值（可带单位）或日期。',
      en: 'write the actual as a number (with its unit) or a date.',
    },
  },
  ACTUAL_MISSING: {
    group: 'indicators',
    title: { 'zh-CN': '没有填写实际完成值。', en: 'The actual is missing.' },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C13'],
    when: {
      'zh-CN': '适用的指标没有填写实际完成值（为空或填了“—”“/”等）。',
      en: 'an applicable row has no actual (empty, or a "does not apply" mark).',
    },
    todo: {
      'zh-CN': '填写实际完成值；如该指标确不适用，在指标值中也标明“不适用”。',
      en: 'fill in the actual, or mark the whole row 不适用 in its target too.',
    },
  },
  UNIT_MISMATCH: {
    group: 'indicators',
    title: {
      'zh-CN': '指标值与实际完成值的单位或口径不一致。',
      en: 'Target and actual are in different units or on different scales.',
    },
    where: {
      'zh-CN': '实际完成值单元格（warning）或指标值单元格（info）',
      en: '实际完成值 (warning) or 年度指标值 (info)',
    },
    severity: {
      'zh-CN':
        '指标值与实际完成值的单位或口径不同为 warning（警告）；金额指标的单位与项目资金的单位不同为 info（提示）',
      en: 'warning when target and actual differ in unit or scale; info when a money indicator is in another unit than the funds block',
    },
    rules: ['C12', 'Q9'],
    when: {
      'zh-CN':
        '指标值与实际完成值的单位或口径不同（元与万元、百分比的小数与整数写法、其他不同单位）；意见中说明按什么口径比较；或金额指标的单位与项目资金的单位不同。',
      en: '元 against 万元, a 百分比 fraction against a whole percentage (1 against 100), or two different units; the message says how the row was compared.',
    },
    todo: {
      'zh-CN': '指标值与实际完成值使用同一单位、同一口径。',
      en: 'write target and actual in the same unit and on the same scale.',
    },
  },
  RATE_CONTRADICTION: {
    group: 'indicators',
    title: {
      'zh-CN': '执行率指标的完成值与资金部分的执行率不一致。',
      en: 'An execution-rate indicator contradicts the rate of the funds block.',
    },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C11'],
    when: {
      'zh-CN': '名称含“执行率”的指标，其实际完成值与资金部分算出的执行率相差超过 0.01 个百分点。',
      en: "an indicator whose name contains 执行率 reports a rate more than 0.01 percentage points away from the funds block's.",
    },
    todo: {
      'zh-CN': '把实际完成值改为资金部分的执行率，并重新打分。',
      en: "write the funds block's rate as the actual, and rescore the row.",
    },
  },
  NEGATIVE_ACTUAL: {
    group: 'indicators',
    title: { 'zh-CN': '实际完成值为负数。', en: 'The actual is negative.' },
    where: { 'zh-CN': '实际完成值单元格', en: '实际完成值' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C15', 'R8'],
    when: {
      'zh-CN': '实际完成值为负数；规则集 scoring.negativeActualAsZero 为 true 时按 0 计分。',
      en: 'the actual is below 0; with scoring.negativeActualAsZero it is scored as 0.',
    },
    todo: {
      'zh-CN': '核对数值；表示“下降”的指标通常应写成反向（≤）指标。',
      en: 'check the value; a decrease is usually better written as a reverse (≤) target.',
    },
  },
  DEADLINE_MISSED: {
    group: 'indicators',
    title: { 'zh-CN': '没有按期完成。', en: 'The deadline was missed.' },
    where: { 'zh-CN': '实际完成时间单元格', en: '实际完成值 (the completion date)' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['R5', 'C10'],
    when: {
      'zh-CN': '时效指标的完成时间晚于期限（或早于“不早于”的日期）。规则对此没有算法，总分中取表中得分。',
      en: 'a 时效 row\'s date is later than its deadline (or earlier than a "no earlier than" date). The rules give no score for it, so the printed score is taken into the total.',
    },
    todo: {
      'zh-CN': '在偏差原因分析及改进措施中说明延误原因，并确认得分已相应扣减。',
      en: 'explain the delay in 偏差原因分析及改进措施 and check that the score reflects it.',
    },
  },
  WEIGHT_SUM_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '各项分值加起来不等于总分值。',
      en: 'The points of the rows do not add up to the total points.',
    },
    where: {
      'zh-CN': '总分行的分值单元格，或标明分数的一级指标的第一行',
      en: 'the 分值 of the 总分 row, or the first row of a level-1 group whose label states points',
    },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C6', 'R11', 'R1', 'Q7'],
    when: {
      'zh-CN':
        '执行率与各适用指标的分值之和不等于总分行的分值（或 100 减去不适用指标的分值），或“产出指标(50分)”之类标明的分数与其下各行分值之和不符。',
      en: 'the 分值 of the rate and of the applicable indicators do not add up to the printed total 分值 (or to 100 less the 分值 of 不适用 rows), or the rows under "产出指标(50分)" do not add up to 50.',
    },
    todo: { 'zh-CN': '改正分值，使各级合计一致。', en: 'correct the 分值 so that every level adds up.' },
  },
  LEVEL1_WEIGHTS_NONSTANDARD: {
    group: 'total',
    title: {
      'zh-CN': '一级指标的分值分配与规则集的通常比例不同。',
      en: "The level-1 indicators split the points differently from the rulebook's usual split.",
    },
    where: { 'zh-CN': '该一级指标的第一行', en: 'the first row of the level-1 group' },
    severity: { 'zh-CN': 'info（提示）', en: 'info' },
    rules: ['C6', 'R1'],
    when: {
      'zh-CN':
        '产出、效益或满意度指标的分值合计与规则集的 weights（50 / 30 / 10）不同（checkLevel1Weights 为 true 时）。',
      en: "产出, 效益 or 满意度 weights add up to something other than the rulebook's weights (50 / 30 / 10), while checkLevel1Weights is on.",
    },
    todo: {
      'zh-CN': '如属有意安排（如四川的表、没有满意度指标）无需处理；否则改正分值。',
      en: "nothing if the split is intended (Sichuan's forms, or no 满意度 block); otherwise correct the 分值.",
    },
  },
  TOTAL_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '表中总分不等于各项得分之和。',
      en: 'The printed total is not the sum of the printed scores.',
    },
    where: { 'zh-CN': '总分行的得分单元格', en: 'the 得分 of the 总分 row' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C14', 'R11'],
    when: {
      'zh-CN': '表中总分不等于表中各项得分（执行率得分与各适用指标得分）之和。',
      en: "the printed total is not the sum of the printed scores (the rate's and every applicable indicator's).",
    },
    todo: {
      'zh-CN': '改为各项得分之和；再处理各条 SCORE_MISMATCH，它们会影响计算出的总分。',
      en: 'write the sum; then look at the SCORE_MISMATCH findings, which change the computed total.',
    },
  },
  TOTAL_CAPPED: {
    group: 'total',
    title: {
      'zh-CN': '执行率偏低，总分按规则集的上限计。',
      en: 'The execution rate is low, so the total is capped by the rulebook.',
    },
    where: { 'zh-CN': '总分行的得分单元格', en: 'the 得分 of the 总分 row' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['L2'],
    when: {
      'zh-CN':
        '规则集按执行率限定总分上限（totalCaps，如 local-platform），计算出的总分超过上限，已按上限计。',
      en: 'the rulebook caps the total by the execution rate (totalCaps; the local-platform preset) and the total was above the cap; the computed total is cut to it.',
    },
    todo: { 'zh-CN': '总分按上限填写，等级随之调整。', en: 'write the capped total and the grade it gives.' },
  },
  GRADE_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '表中等级与计算出的总分不相符。',
      en: 'The printed grade does not match the computed total.',
    },
    where: { 'zh-CN': '表中等级单元格', en: 'the printed grade (评价等级, 自评等级 …)' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C14', 'R12'],
    when: {
      'zh-CN': '表中等级与按计算总分确定的等级不同。',
      en: 'the grade printed on the form is not the grade of the computed total.',
    },
    todo: {
      'zh-CN': '改正得分后，按计算出的总分填写等级。',
      en: 'write the grade of the computed total (after fixing the scores).',
    },
  },
  FIELD_MISSING: {
    group: 'form',
    title: { 'zh-CN': '核对所需的内容没有填写。', en: 'Something the checks need is not filled in.' },
    where: { 'zh-CN': '应填写该内容的单元格', en: 'the cell where the value belongs' },
    severity: {
      'zh-CN':
        '全年执行数或预算数为空为 error（错误，没有它们无法计算执行率）；项目名称、总体目标、目标完成情况、某行的分值或年度指标值为空为 warning（警告）',
      en: "error for 全年执行数 or the budget (no rate without them); warning for 项目名称, the goal, its outcome, a row's 分值 or its 年度指标值",
    },
    rules: ['C16', 'C13'],
    when: { 'zh-CN': '核对所需的内容未填写。', en: 'a part the checks need is empty.' },
    todo: { 'zh-CN': '补填该内容。', en: 'fill it in.' },
  },
  FORMULA_UNCALCULATED: {
    group: 'form',
    title: {
      'zh-CN': '公式没有计算结果（文件从未在 Excel 中保存过）。',
      en: 'Formulas have no saved results (the file was never saved in Excel).',
    },
    where: {
      'zh-CN': '表内每个没有计算结果的公式单元格',
      en: 'every cell of the form whose formula has no saved result',
    },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: [],
    when: {
      'zh-CN': '文件由程序生成、从未在 Excel 中打开保存，公式没有计算结果；依赖这些单元格的核对不进行。',
      en: 'the file was written by a program and never opened and saved in Excel, so its formulas have no value. The checks that need those cells are skipped.',
    },
    todo: {
      'zh-CN': '在 Excel 中打开并保存该文件后重新评分。',
      en: 'open the file in Excel, save it, and score it again.',
    },
  },
  FORM_NOT_FOUND: {
    group: 'workbook',
    title: { 'zh-CN': '工作表中没有找到自评表。', en: 'No self-evaluation form was found on the sheet.' },
    where: { 'zh-CN': 'errors[]，注明工作表名', en: "errors[], with the sheet's name" },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN':
        '工作表中没有“一级指标 … 三级指标”表头。只在整个工作簿都没有自评表时（或宿主要求逐表报告时）给出。',
      en: 'a sheet has no indicator header (一级指标 … 三级指标). Reported only when the whole workbook has no form, or when the host asks for every sheet.',
    },
    todo: {
      'zh-CN': '确认文件是项目支出绩效自评表，且指标表头完整。',
      en: 'check that the workbook is a 项目支出绩效自评表 and that its header row is intact.',
    },
  },
  SHEET_UNREADABLE: {
    group: 'workbook',
    title: { 'zh-CN': '读取某张工作表时出错。', en: 'A sheet could not be read.' },
    where: { 'zh-CN': 'errors[]，注明工作表名', en: "errors[], with the sheet's name" },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN': '读取某张工作表时意外出错；其余工作表照常评分。',
      en: 'reading a sheet failed unexpectedly; the other sheets are still scored.',
    },
    todo: {
      'zh-CN': '如可能，把提示信息和文件反馈给维护者；可先把自评表复制到新工作表再评分。',
      en: 'report the message to the maintainers with the file if you can; copy the form to a new sheet as a workaround.',
    },
  },
  SHEET_PROTECTED: {
    group: 'workbook',
    title: {
      'zh-CN': '工作表受保护，无法在单元格上标记。',
      en: 'The sheet is protected, so no cell could be marked.',
    },
    where: {
      'zh-CN': 'errors[]，注明工作表名（Excel 加载项）',
      en: "errors[], with the sheet's name (Excel add-in)",
    },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN': '工作表受保护：已读取并评分，但无法标记单元格；问题列在“审核意见”表中。',
      en: 'the sheet is protected: it was read and scored, but no cell could be marked; its findings are on the 审核意见 sheet.',
    },
    todo: {
      'zh-CN': '撤消工作表保护（审阅 → 撤消工作表保护）后重新评分，即可在单元格上标记。',
      en: 'unprotect the sheet (审阅 → 撤消工作表保护) and score again to get the marks.',
    },
  },
  FILE_UNREADABLE: {
    group: 'workbook',
    title: {
      'zh-CN': '文件无法作为 .xlsx 工作簿打开。',
      en: 'The file cannot be opened as an .xlsx workbook.',
    },
    where: {
      'zh-CN': '命令行 --json 报告的 errors[]，sheet 为 null',
      en: "errors[] of the command line's --json report, sheet null",
    },
    severity: { 'zh-CN': '无（退出码为 2）', en: 'none (a workbook error; the exit code is 2)' },
    rules: [],
    when: {
      'zh-CN': '文件无法作为工作簿打开（不是 .xlsx、有密码、文件不完整），或评分时出错。',
      en: 'the file cannot be opened as a workbook (not .xlsx, password-protected, truncated) or scoring it failed.',
    },
    todo: {
      'zh-CN': '在 Excel 中打开，去掉密码，另存为 .xlsx 后重新评分。',
      en: 'open the file in Excel, remove any password, save it as .xlsx and score it again.',
    },
  },
  OVER_ACHIEVED_DEDUCTION: {
    group: 'reserved',
    title: { 'zh-CN': '保留代码，目前不会出现。', en: 'A reserved code, not produced at present.' },
    where: { 'zh-CN': '目前不会出现', en: 'not produced' },
    severity: { 'zh-CN': '无', en: 'none' },
    rules: ['L1'],
    when: {
      'zh-CN':
        '目前不会出现：该代码在 FindingCode 类型中，但 L1 扣分由 OVER_ACHIEVED（意见中写明扣分）和 SCORE_MISMATCH 报告。',
      en: 'never at present: the code is in the FindingCode type, but the L1 deduction is reported by OVER_ACHIEVED (whose message states it) and by SCORE_MISMATCH against a printed score that kept the points.',
    },
    todo: {
      'zh-CN': '无需处理。',
      en: 'nothing; readers should treat it like any other code they might meet later.',
    },
  },
};

/** Every code, in the order of the documentation. */
export const EXPLAINED_CODES = Object.keys(EXPLANATIONS) as FindingCode[];

/** The explanation of a code, case-insensitively; null for a code that does not exist. */
export function explanationOf(code: string): { code: FindingCode; explanation: Explanation } | null {
  const key = code.trim().toUpperCase();
  if (!Object.prototype.hasOwnProperty.call(EXPLANATIONS, key)) return null;
  return { code: key as FindingCode, explanation: EXPLANATIONS[key as FindingCode] };
}
