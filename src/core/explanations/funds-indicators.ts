// Explanations of the codes about the funds block and the indicators (docs/finding-codes.md, first two sections).
import type { FindingCode } from '../report';
import type { Explanation } from './types';

export const FUNDS_AND_INDICATORS = {
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
  BUDGET_NEGATIVE: {
    group: 'funds',
    title: {
      'zh-CN': '预算数为负数，无法计算执行率。',
      en: 'The budget is negative, so there is no execution rate.',
    },
    where: { 'zh-CN': '全年预算数单元格', en: 'the budget the rate divides by (全年预算数)' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['R2'],
    when: {
      'zh-CN': '预算数小于 0：不计算执行率和执行率得分，填写和改正模式也不写入。',
      en: 'the budget is below 0: no execution rate and no rate score are computed, and fill and correct write none.',
    },
    todo: {
      'zh-CN': '改正预算数（多为误输入的负号）。',
      en: 'correct the budget (usually a minus sign typed by mistake).',
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
      'zh-CN':
        '表中得分高于按规则计算的得分为 error（错误）；低于且未写原因为 warning（警告）；低于且已写原因为 info（提示，已说明原因的自评扣分）',
      en: "error when the printed score is above the rule's; warning when it is below with no reason written; info when it is below and a reason is written (an explained self-deduction, with reasons.acceptExplainedDeduction, on in every preset)",
    },
    rules: ['C8', 'R5', 'R7', 'R8', 'R15', 'Q1', 'Q2', 'Q6', 'L1'],
    when: {
      'zh-CN':
        '定量指标（或按期完成的时效指标）表中得分与按规则集计算的得分相差超过 scoring.tolerance；意见中列出算式。低于规则得分即为自评扣分；已填写偏差原因时，意见写明“自评扣分 0.30 分，已说明原因”并引用原因。',
      en: 'a quantitative row (or a met deadline) is printed more than scoring.tolerance away from the score the rulebook gives; the message shows the formula. A lower score is a self-deduction: with a reason in 偏差原因分析及改进措施 the message says so ("self-deduction of 0.30 points, reason given") and quotes the reason.',
    },
    todo: {
      'zh-CN':
        'error 时把得分改为按规则计算的得分；warning 时如确需扣分，在“偏差原因分析及改进措施”中写明理由（否则另有 REASON_MISSING），或改为按规则计算的得分；info 时无需修改，审核人可查看所写原因。“改正”模式不会提高已说明原因的自评扣分，写入的总分也保留该扣分。',
      en: "error: lower the score to the rule's. warning: keep the deduction only with a reason in 偏差原因分析及改进措施 (otherwise REASON_MISSING follows), or write the rule's score. info: nothing; a reviewer may read the reason. 改正 (correct mode) never raises an explained deduction, and the total it writes keeps it.",
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
} satisfies Partial<Record<FindingCode, Explanation>>;
