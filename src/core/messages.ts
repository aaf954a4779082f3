// Finding messages: Chinese first, English beside it. Each states the numbers it is about.
import type { FindingCode } from './report';

export type Lang = 'zh-CN' | 'en';

export interface Text {
  zh: string;
  en: string;
}

/** The parameters of each message: what a caller must supply, checked by the compiler. */
export interface MessageParams {
  rateMismatch: {
    expected: string;
    executed: string;
    budget: string;
    found: string;
    within: boolean;
    tolerance: string;
  };
  fundsScoreMismatch: { expected: string; weight: string; rate: string; capped: boolean; found: string };
  breakdownSum: { column: string; columnEn: string; sum: string; parts: string; total: string };
  executedOverBudget: { executed: string; budget: string };
  budgetAdjusted: { initial: string; annual: string };
  rateReasonMissing: { rate: string; threshold: string };
  scoreOver: ScoreCheck;
  scoreUnder: ScoreCheck;
  scoreExplained: ScoreCheck & { deduction: string; reason: string };
  scoreOutOfRange: { name: string; found: string; weight: string };
  outOfBand: {
    name: string;
    grade: string;
    gradeEn: string;
    min: string;
    max: string;
    maxOpen: boolean;
    found: string;
  };
  unmapped: { name: string; value: string };
  reasonMissed: { name: string; target: string; actual: string };
  reasonDeducted: { name: string; found: string; weight: string };
  reasonOver: { name: string; target: string; actual: string; ratio: string };
  reasonQualitative: { name: string; grade: string; gradeEn: string };
  overAchieved: {
    name: string;
    actual: string;
    target: string;
    ratio: string;
    threshold: string;
    deduction: string | null;
  };
  unparseable: { name: string; what: string; whatEn: string; value: string };
  actualMissing: { name: string };
  unitMismatch: { name: string; target: string; actual: string; as: string; asEn: string };
  unitFunds: { name: string; unit: string; fundsUnit: string };
  rateContradiction: { name: string; actual: string; rate: string };
  weightSum: { sum: string; funds: string; indicators: string; total: string };
  levelWeightSum: { level: string; stated: string; sum: string };
  levelNonstandard: { level: string; sum: string; standard: string };
  totalMismatch: { sum: string; found: string };
  totalCapped: { rate: string; below: string; cap: string; total: string };
  gradeMismatch: { total: string; expected: string; found: string };
  negativeActual: { name: string; actual: string };
  fieldMissing: { field: string; fieldEn: string; consequence?: string; consequenceEn?: string };
  deadlineMissed: { name: string; actual: string; target: string };
  formulaUncalculated: void;
  resultBlank: { what: string; whatEn: string; value: string };
  formulaDiffers: {
    formula: string;
    found: string;
    expected: string;
    cause: 'reads' | 'inputs' | 'unknown';
    /** Cells the rule uses that the formula leaves out, and cells it reads that the rule does not. */
    missing: string[];
    extra: string[];
    /** Cells the formula reads whose values the rules show to be wrong (cause "inputs"). */
    inputs: string[];
  };
  budgetZero: void;
  budgetNegative: { field: string; fieldEn: string; amount: string };
  weightNegative: { name: string; nameEn: string; weight: string };
  formNotFound: { sheet: string };
  sheetUnreadable: { sheet: string; reason: string };
}

/** A score check (C8): the rule's score, the printed one and the formula in both languages. */
interface ScoreCheck {
  name: string;
  expected: string;
  found: string;
  formula: string;
  formulaEn: string;
}

type Catalogue = { [K in keyof MessageParams]: (p: MessageParams[K]) => Text };

/** The message catalogue: one entry per finding (some codes have several variants). */
export const MESSAGES: Catalogue = {
  rateMismatch: (p) => ({
    zh: `执行率应为 ${p.expected}%（${p.executed} ÷ ${p.budget}），表中为 ${p.found}%${p.within ? `（在 ${p.tolerance} 个百分点的显示误差内）` : ''}`,
    en: `The execution rate should be ${p.expected}% (${p.executed} ÷ ${p.budget}); the form says ${p.found}%${p.within ? ` (within the ${p.tolerance}-point display tolerance)` : ''}`,
  }),
  fundsScoreMismatch: (p) => ({
    zh: `执行率得分应为 ${p.expected}（${p.weight} × ${p.rate}%${p.capped ? '，执行率按 100% 封顶' : ''}），表中为 ${p.found}`,
    en: `The execution-rate score should be ${p.expected} (${p.weight} × ${p.rate}%${p.capped ? ', rate capped at 100%' : ''}); the form says ${p.found}`,
  }),
  breakdownSum: (p) => ({
    zh: `${p.column}：其中各项合计 ${p.sum}（${p.parts}），与年度资金总额 ${p.total} 不符`,
    en: `${p.columnEn}: the 其中 rows add up to ${p.sum} (${p.parts}), not the total ${p.total}`,
  }),
  executedOverBudget: (p) => ({
    zh: `全年执行数 ${p.executed} 超过全年预算数 ${p.budget}，执行率得分按 100% 封顶`,
    en: `Executed ${p.executed} exceeds the annual budget ${p.budget}; the rate score is capped at 100%`,
  }),
  budgetAdjusted: (p) => ({
    zh: `预算有调整：年初预算数 ${p.initial}，全年预算数 ${p.annual}；执行率以全年预算数计算`,
    en: `The budget was adjusted from ${p.initial} to ${p.annual}; the rate uses the annual budget`,
  }),
  rateReasonMissing: (p) => ({
    zh: `执行率 ${p.rate}% 低于 ${p.threshold}%，应说明原因`,
    en: `The execution rate ${p.rate}% is below ${p.threshold}%: a reason is required`,
  }),
  scoreOver: (p) => ({
    zh: `“${p.name}”得分应为 ${p.expected}（${p.formula}），表中为 ${p.found}，高于按规则计算的得分`,
    en: `"${p.name}" should score ${p.expected} (${p.formulaEn}); the form gives ${p.found}, more than the rules allow`,
  }),
  scoreUnder: (p) => ({
    zh: `“${p.name}”得分应为 ${p.expected}（${p.formula}），表中为 ${p.found}：自行扣分须说明理由`,
    en: `"${p.name}" should score ${p.expected} (${p.formulaEn}); the form gives ${p.found}: a deduction needs a reason`,
  }),
  scoreExplained: (p) => {
    const reason = quoteOf(p.reason);
    return {
      zh: `“${p.name}”按规则得 ${p.expected}（${p.formula}），表中为 ${p.found}：自评扣分 ${p.deduction} 分，已说明原因（“${reason}”）`,
      en: `"${p.name}" scores ${p.expected} by the rules (${p.formulaEn}); the form gives ${p.found}: a self-deduction of ${p.deduction} points, reason given ("${reason}")`,
    };
  },
  scoreOutOfRange: (p) => ({
    zh: `“${p.name}”得分 ${p.found} 超出 0–${p.weight} 的范围`,
    en: `"${p.name}" score ${p.found} is outside 0–${p.weight}`,
  }),
  outOfBand: (p) => ({
    zh: `“${p.name}”为“${p.grade}”，得分应在 ${p.min}–${p.max}${p.maxOpen ? '（不含）' : ''} 之间，表中为 ${p.found}`,
    en: `"${p.name}" is graded ${p.gradeEn}: its score should lie in ${p.min}–${p.max}${p.maxOpen ? ' (exclusive)' : ''}; the form gives ${p.found}`,
  }),
  unmapped: (p) => ({
    zh: `“${p.name}”的完成情况“${p.value}”无法对应到达成/部分达成/未达成，请按规则集补充对应关系`,
    en: `"${p.name}": the value "${p.value}" maps to no grade (达成/部分达成/未达成); add it to the rulebook`,
  }),
  reasonMissed: (p) => ({
    zh: `“${p.name}”未完成年度指标值（${p.target} → ${p.actual}），应填写偏差原因分析及改进措施`,
    en: `"${p.name}" missed its target (${p.target} → ${p.actual}): explain the deviation`,
  }),
  reasonDeducted: (p) => ({
    zh: `“${p.name}”得分 ${p.found} 低于分值 ${p.weight}，应填写偏差原因分析及改进措施`,
    en: `"${p.name}" scores ${p.found} of ${p.weight}: explain the deviation`,
  }),
  reasonOver: (p) => ({
    zh: `“${p.name}”实际完成值 ${p.actual} 达到指标值 ${p.target} 的 ${p.ratio}%，偏离较大，应分析原因（指标值是否偏低）`,
    en: `"${p.name}" reached ${p.ratio}% of its target (${p.target} → ${p.actual}): explain the deviation (was the target too low?)`,
  }),
  reasonQualitative: (p) => ({
    zh: `“${p.name}”为“${p.grade}”，应填写偏差原因分析及改进措施`,
    en: `"${p.name}" is graded ${p.gradeEn}: explain the deviation`,
  }),
  overAchieved: (p) => ({
    zh: `“${p.name}”实际完成值 ${p.actual} 为指标值 ${p.target} 的 ${p.ratio}%（≥ ${p.threshold}%），指标值可能设置偏低${p.deduction ? `；按规则扣 ${p.deduction} 分` : ''}`,
    en: `"${p.name}" actual ${p.actual} is ${p.ratio}% of the target ${p.target} (≥ ${p.threshold}%): the target may have been set too low${p.deduction ? `; ${p.deduction} points deducted by the rulebook` : ''}`,
  }),
  unparseable: (p) => ({
    zh: `“${p.name}”的${p.what}“${p.value}”不是可计算的数值，无法复核得分`,
    en: `"${p.name}": the ${p.whatEn} "${p.value}" is not a number the score can be checked against`,
  }),
  actualMissing: (p) => ({
    zh: `“${p.name}”没有填写实际完成值`,
    en: `"${p.name}" has no actual value`,
  }),
  unitMismatch: (p) => ({
    zh: `“${p.name}”指标值（${p.target}）与实际完成值（${p.actual}）单位或口径不一致，已按 ${p.as} 比较`,
    en: `"${p.name}": the target (${p.target}) and the actual (${p.actual}) differ in unit or scale; compared as ${p.asEn}`,
  }),
  unitFunds: (p) => ({
    zh: `“${p.name}”以${p.unit}计，而项目资金以${p.fundsUnit}计，请核对金额口径`,
    en: `"${p.name}" is in ${p.unit} while the funds block is in ${p.fundsUnit}: check the amounts`,
  }),
  rateContradiction: (p) => ({
    zh: `“${p.name}”实际完成值为 ${p.actual}%，与资金部分计算的执行率 ${p.rate}% 不一致`,
    en: `"${p.name}" reports ${p.actual}%, but the funds block gives an execution rate of ${p.rate}%`,
  }),
  weightSum: (p) => ({
    zh: `各项分值合计 ${p.sum}（执行率 ${p.funds} + 指标 ${p.indicators}），与总分分值 ${p.total} 不符`,
    en: `The weights add up to ${p.sum} (rate ${p.funds} + indicators ${p.indicators}), not the total weight ${p.total}`,
  }),
  levelWeightSum: (p) => ({
    zh: `${p.level}标明 ${p.stated} 分，其下三级指标分值合计 ${p.sum}`,
    en: `${p.level} states ${p.stated} points, but its indicators' weights add up to ${p.sum}`,
  }),
  levelNonstandard: (p) => ({
    zh: `${p.level}分值合计 ${p.sum}，与通行的 ${p.standard} 分不同`,
    en: `${p.level} weights add up to ${p.sum}, not the usual ${p.standard}`,
  }),
  totalMismatch: (p) => ({
    zh: `总分应为各项得分之和 ${p.sum}，表中为 ${p.found}`,
    en: `The total should be the sum of the scores, ${p.sum}; the form says ${p.found}`,
  }),
  totalCapped: (p) => ({
    zh: `执行率 ${p.rate}% 低于 ${p.below}%，按规则总分不超过 ${p.cap}（计算得 ${p.total}）`,
    en: `The execution rate ${p.rate}% is below ${p.below}%: the total is capped at ${p.cap} (computed ${p.total})`,
  }),
  gradeMismatch: (p) => ({
    zh: `按总分 ${p.total} 等级应为“${p.expected}”，表中为“${p.found}”`,
    en: `A total of ${p.total} gives the grade ${p.expected}; the form says ${p.found}`,
  }),
  negativeActual: (p) => ({
    zh: `“${p.name}”实际完成值 ${p.actual} 为负数，按 0 计分`,
    en: `"${p.name}" has a negative actual ${p.actual}; scored as 0`,
  }),
  fieldMissing: (p) => ({
    zh: `未填写${p.field}${p.consequence ? `，${p.consequence}` : ''}`,
    en: `${p.fieldEn} is missing${p.consequenceEn ? `; ${p.consequenceEn}` : ''}`,
  }),
  deadlineMissed: (p) => ({
    zh: `“${p.name}”实际完成时间 ${p.actual} 未达到指标值 ${p.target} 的时限要求`,
    en: `"${p.name}" was done ${p.actual}, which misses the target ${p.target}`,
  }),
  formulaUncalculated: () => ({
    zh: '此单元格的公式没有计算结果（文件未在 Excel 中打开保存过），无法核对；请在 Excel 中打开并保存后再评分',
    en: 'This formula has no calculated result (the file was never opened and saved in Excel), so it cannot be checked; open and save it in Excel, then score again',
  }),
  resultBlank: (p) => ({
    zh: `${p.what}未填写；按规则应为 ${p.value}（“填写”模式会写入此值）`,
    en: `${p.whatEn} is empty; by the rules it is ${p.value} (fill mode writes this value)`,
  }),
  formulaDiffers: (p) => {
    const list = (cells: string[], sep: string): string => cells.join(sep);
    let zh: string;
    let en: string;
    if (p.cause === 'reads' && p.missing.length && p.extra.length) {
      zh = `公式读取 ${list(p.extra, '、')}，而规则读取 ${list(p.missing, '、')}`;
      en = `the formula reads ${list(p.extra, ', ')} where the rule reads ${list(p.missing, ', ')}`;
    } else if (p.cause === 'reads') {
      zh = p.missing.length
        ? `公式未计入 ${list(p.missing, '、')}`
        : `公式多读取了 ${list(p.extra, '、')}（规则不计入）`;
      en = p.missing.length
        ? `the formula leaves out ${list(p.missing, ', ')}`
        : `the formula also reads ${list(p.extra, ', ')}, which the rule leaves out`;
    } else if (p.cause === 'inputs') {
      zh = `公式读取的单元格无误，差异来自 ${list(p.inputs, '、')} 中的值（见该处意见）`;
      en = `the formula reads the right cells; the difference comes from the values in ${list(p.inputs, ', ')} (see the findings there)`;
    } else {
      zh = '公式的算法与规则不同';
      en = 'the formula computes it differently from the rules';
    }
    return {
      zh: `此单元格为公式 ${p.formula}，结果为 ${p.found}，按规则应为 ${p.expected}：${zh}。公式不会被改写，请核对`,
      en: `This cell is the formula ${p.formula}, giving ${p.found}; by the rules it is ${p.expected}: ${en}. The formula is never overwritten: check it`,
    };
  },
  budgetZero: () => ({
    zh: '全年预算数为 0，无法计算执行率',
    en: 'The annual budget is 0: the execution rate cannot be computed',
  }),
  budgetNegative: (p) => ({
    zh: `${p.field}为负数（${p.amount}），无法计算执行率和得分`,
    en: `${p.fieldEn} is negative (${p.amount}): the execution rate and its score cannot be computed`,
  }),
  weightNegative: (p) => ({
    zh: `${p.name}的分值为负数（${p.weight}），不计算得分，也不计入分值合计`,
    en: `${p.nameEn} has a negative weight (${p.weight}): no score is computed and it is left out of the weight sums`,
  }),
  formNotFound: (p) => ({
    zh: `工作表“${p.sheet}”中没有找到项目支出绩效自评表（需要“一级指标”“三级指标”等表头）`,
    en: `No self-evaluation form found on sheet "${p.sheet}" (looked for headers such as 一级指标 and 三级指标)`,
  }),
  sheetUnreadable: (p) => ({
    zh: `工作表“${p.sheet}”无法读取：${p.reason}`,
    en: `Sheet "${p.sheet}" could not be read: ${p.reason}`,
  }),
};

/** A reason as a message quotes it: without its closing full stop, cut after 40 characters. */
function quoteOf(reason: string): string {
  const text = reason.replace(/[。.；;，,\s]+$/, '');
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

/** English names of the grades and fields used in messages. */
export const GRADE_EN: Record<string, string> = {
  达成: 'met (达成)',
  部分达成: 'partly met (部分达成)',
  未达成: 'not met (未达成)',
};

export type { FindingCode };
