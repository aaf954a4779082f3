// The blank official form (财预〔2020〕10号 attachment: 项目支出绩效自评表) as host-neutral data: cells with values or
// formulas, merged areas, number formats, borders, column widths, data validations and notes. A host writes it
// (src/hosts/xlsx/template.ts for .xlsx files); the formulas follow the chosen rulebook's rounding and caps, and
// their cached results are computed here, exactly, for the form as filled (blank: what Excel shows, i.e. nothing).
//
// Layout (columns A–I, as the bundled sample examples/2021-计生特殊家庭帮扶及权益维护.xlsx):
//   1 title · 2 year · 3 项目名称 · 4 主管部门 / 实施单位 · 5–9 funds block (header, 年度资金总额, three 其中 rows) ·
//   10–11 年度总体目标 · 12 indicator header · indicator rows (产出 8, 效益 6, 满意度 2 by default) · 总分.
//
// Indicator 得分 cells are left for the unit to fill: R5–R10 score a row from its target text ("≥1200人",
// "=1百分比", "及时"), its direction, qualitative bands and the over-achievement rule, and 10号 lets the
// evaluator judge a partial score; a cell formula cannot parse the target text the way the core does, so any
// formula would disagree with the rulebook on some rows. The core checks the typed scores instead (C8).
import { columnLetters, parseA1, parseRangeA1 } from './a1';
import { Decimal, roundBy } from './decimal';
import type { CellValue, SheetGrid } from './grid';
import type { RoundingRule, Rulebook } from './rulebook';

export type TemplateUnit = '元' | '万元';
export const TEMPLATE_UNITS: readonly TemplateUnit[] = ['元', '万元'];

export interface TemplateStyle {
  font?: { size: number; bold?: boolean };
  align?: {
    horizontal: 'left' | 'center' | 'right';
    vertical: 'top' | 'middle';
    wrap?: boolean;
    indent?: number;
  };
  /** Thin black border on all four sides. */
  border?: boolean;
  numFmt?: string;
}

export interface TemplateCell {
  /** A1 address on the template's sheet. */
  at: string;
  value: CellValue;
  /** A formula without the leading "=", in Excel's English function names. */
  formula?: string;
  style: TemplateStyle;
}

export interface TemplateValidation {
  /** A1 range ("G13:G28"); the formulas are relative to its top-left cell. */
  range: string;
  type: 'decimal' | 'custom' | 'list';
  operator?: 'greaterThanOrEqual' | 'between';
  /** Formulas or constants, without "=": list items are one quoted, comma-separated string. */
  formulae: string[];
  /** 'stop' refuses the entry; 'warning' lets the user keep it after a question. */
  errorStyle: 'stop' | 'warning' | 'information';
  prompt?: { title: string; text: string };
  error: { title: string; text: string };
}

export interface TemplateNote {
  at: string;
  text: string;
}

/** Where the parts of the form are (A1), for hosts, fill-ins and tests. */
export interface TemplatePlaces {
  project: string;
  department: string;
  implementer: string;
  funds: {
    initialBudget: string;
    annualBudget: string;
    executed: string;
    weight: string;
    rate: string;
    score: string;
  };
  /** The three 其中 rows: 当年财政拨款, 上年结转资金, 其他资金. */
  breakdown: { initialBudget: string; annualBudget: string; executed: string }[];
  goals: { plan: string; done: string };
  /** One entry per indicator row, top to bottom. */
  indicators: {
    row: number;
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    weight: string;
    score: string;
    reason: string;
  }[];
  total: { weight: string; score: string };
  /** The printable area ("A1:I29"). */
  range: string;
}

export interface FormTemplate {
  sheetName: string;
  rulebook: string;
  unit: TemplateUnit;
  cells: TemplateCell[];
  merges: string[];
  /** Widths of columns A, B, … in characters. */
  columnWidths: number[];
  rowHeights: { row: number; height: number }[];
  validations: TemplateValidation[];
  notes: TemplateNote[];
  places: TemplatePlaces;
}

export interface TemplateOptions {
  unit?: TemplateUnit;
  /** Indicator rows per level-1 group; default 产出 8, 效益 6, 满意度 2. */
  rows?: { output: number; benefit: number; satisfaction: number };
  sheetName?: string;
}

export class TemplateError extends Error {
  readonly messageZh: string;
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'TemplateError';
    this.messageZh = zh;
  }
}

export const TEMPLATE_SHEET_NAME = '自评表';
const DEFAULT_ROWS = { output: 8, benefit: 6, satisfaction: 2 };
const MAX_GROUP_ROWS = 200;

/** Suggested 二级指标 of each 一级指标 (10号 attachment), one per row, cycling; the unit may type over them. */
const LEVEL2: Record<'output' | 'benefit' | 'satisfaction', string[]> = {
  output: ['数量指标', '数量指标', '质量指标', '质量指标', '时效指标', '时效指标', '成本指标', '成本指标'],
  benefit: [
    '经济效益指标',
    '社会效益指标',
    '社会效益指标',
    '生态效益指标',
    '可持续影响指标',
    '可持续影响指标',
  ],
  satisfaction: ['服务对象满意度指标', '服务对象满意度指标'],
};
const LEVEL2_CHOICES: Record<'output' | 'benefit' | 'satisfaction', string[]> = {
  output: ['数量指标', '质量指标', '时效指标', '成本指标'],
  benefit: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  satisfaction: ['服务对象满意度指标'],
};
const LEVEL1: Record<'output' | 'benefit' | 'satisfaction', string> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};

/** The sample's nine columns, 二级指标 wide enough for 服务对象满意度指标 on one line. */
const COLUMN_WIDTHS = [6, 12, 18, 26, 14, 14, 8, 10, 28];
const MONEY_FORMAT = '#,##0.00';

/** An Excel rounding of `x` to `d` places by a rulebook rule (R14): ROUND is half-up, ROUNDUP/ROUNDDOWN away
 *  from / toward zero; half-even rounds a tie to the even digit (for x ≥ 0, as amounts and scores are). */
export function excelRound(x: string, d: number, rule: RoundingRule): string {
  switch (rule) {
    case 'half-up':
      return `ROUND(${x},${d})`;
    case 'up':
      return `ROUNDUP(${x},${d})`;
    case 'down':
      return `ROUNDDOWN(${x},${d})`;
    case 'half-even':
      return `IF(MOD(${x}*10^${d},2)=0.5,ROUNDDOWN(${x},${d}),ROUND(${x},${d}))`;
  }
}

function groupRows(options: TemplateOptions): { key: 'output' | 'benefit' | 'satisfaction'; n: number }[] {
  const rows = options.rows ?? DEFAULT_ROWS;
  return (['output', 'benefit', 'satisfaction'] as const).map((key) => {
    const n = rows[key];
    if (!Number.isInteger(n) || n < 1 || n > MAX_GROUP_ROWS) {
      throw new TemplateError(
        `${LEVEL1[key]}的行数应为 1 到 ${MAX_GROUP_ROWS} 的整数（收到 ${String(n)}）`,
        `the number of ${key} rows must be a whole number from 1 to ${MAX_GROUP_ROWS} (got ${String(n)})`,
      );
    }
    return { key, n };
  });
}

/** The blank form for a rulebook and a unit of money. */
export function blankTemplate(book: Rulebook, options: TemplateOptions = {}): FormTemplate {
  const unit = options.unit ?? '元';
  if (!TEMPLATE_UNITS.includes(unit)) {
    throw new TemplateError(
      `金额单位只能是“元”或“万元”（收到“${String(unit)}”）`,
      `the unit must be 元 or 万元 (got "${String(unit)}")`,
    );
  }
  const groups = groupRows(options);
  const cells = new Map<string, TemplateCell>();
  const merges: string[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const validations: TemplateValidation[] = [];
  const notes: TemplateNote[] = [];
  const A = (c: number, r: number): string => `${columnLetters(c)}${r}`;
  const base: TemplateStyle = { font: { size: 10 }, border: true };
  const center = { horizontal: 'center', vertical: 'middle', wrap: true } as const;
  const left = { horizontal: 'left', vertical: 'middle', wrap: true } as const;
  const right = { horizontal: 'right', vertical: 'middle', indent: 1 } as const;
  // Points, rates and scores sit in the middle of their narrow columns, as printed.
  const middle = { horizontal: 'center', vertical: 'middle' } as const;
  const put = (c: number, r: number, value: CellValue, style: TemplateStyle, formula?: string): void => {
    const at = A(c, r);
    cells.set(at, formula === undefined ? { at, value, style } : { at, value, formula, style });
  };
  const boxed = (c: number, r: number, value: CellValue, extra: TemplateStyle = {}, formula?: string): void =>
    put(c, r, value, { ...base, ...extra }, formula);
  const merge = (c1: number, r1: number, c2: number, r2: number): void => {
    if (c1 !== c2 || r1 !== r2) merges.push(`${A(c1, r1)}:${A(c2, r2)}`);
  };
  /** A bordered area, merged, with a value in its top-left cell (every covered cell keeps the border). */
  const area = (
    c1: number,
    r1: number,
    c2: number,
    r2: number,
    value: CellValue,
    extra: TemplateStyle,
  ): void => {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) boxed(c, r, null, extra);
    boxed(c1, r1, value, extra);
    merge(c1, r1, c2, r2);
  };
  const label = (c1: number, r1: number, text: string, c2 = c1, r2 = r1): void =>
    area(c1, r1, c2, r2, text, { align: center });
  const height = (row: number, h: number): void => {
    rowHeights.push({ row, height: h });
  };

  // Title and year, without borders, as printed.
  let r = 1;
  for (let c = 0; c <= 8; c++) put(c, r, null, {});
  put(0, r, '项目支出绩效自评表', {
    font: { size: 16, bold: true },
    align: { horizontal: 'center', vertical: 'middle' },
  });
  merge(0, r, 8, r);
  height(r, 30);
  r = 2;
  for (let c = 0; c <= 8; c++) put(c, r, null, {});
  put(0, r, '（      年度）', { font: { size: 11 }, align: { horizontal: 'center', vertical: 'middle' } });
  merge(0, r, 8, r);
  height(r, 20);

  // Identity.
  r = 3;
  label(0, r, '项目名称', 1, r);
  area(2, r, 8, r, null, { align: left });
  height(r, 22);
  r = 4;
  label(0, r, '主管部门', 1, r);
  area(2, r, 4, r, null, { align: left });
  label(5, r, '实施单位');
  area(6, r, 8, r, null, { align: left });
  height(r, 22);

  // Funds block.
  const fundsTop = 5;
  const totalRow = 6;
  const breakdownLabels = ['其中：当年财政拨款', '上年结转资金', '其他资金'];
  // Two characters a line fit column A: 项目 / 资金 / （元）.
  label(0, fundsTop, `项目\n资金\n（${unit}）`, 0, totalRow + breakdownLabels.length);
  label(1, fundsTop, '', 2, fundsTop);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) =>
    label(3 + i, fundsTop, h),
  );
  height(fundsTop, 22);
  label(1, totalRow, '年度资金总额', 2, totalRow);
  for (let c = 3; c <= 5; c++) boxed(c, totalRow, null, { align: right, numFmt: MONEY_FORMAT });
  const weight0 = Number(book.weights.executionRate);
  boxed(6, totalRow, weight0, { align: middle });
  const [initialAt, annualAt, executedAt, weightAt, rateAt, scoreAt] = [3, 4, 5, 6, 7, 8].map((c) =>
    A(c, totalRow),
  );
  const denominatorAt = book.executionRate.denominator === 'annualBudget' ? annualAt : initialAt;
  // Formulas give 0, not "", on an empty form: ExcelJS reads an empty text result back as "never calculated".
  // No rate (0) while 全年执行数 is not a number or the budget is empty or 0.
  const noRateTests = `COUNT(${executedAt})=0,N(${denominatorAt})=0`;
  const noRate = `OR(${noRateTests})`;
  const exactRate = `${executedAt}/${denominatorAt}`;
  // R2 / R14: 执行率 = 全年执行数 / 全年预算数, a fraction shown as a percentage with the rulebook's decimals. A
  // half-up display is the number format's own rounding, so the cell keeps the exact rate; any other display
  // rounding (Shanghai: up, 97.3412% → 97.35%) is done in the cell, to the displayed places.
  const { displayDecimals, displayRounding } = book.executionRate;
  const rateFormula =
    displayRounding === 'half-up' ? exactRate : excelRound(exactRate, displayDecimals + 2, displayRounding);
  const percentFormat = displayDecimals > 0 ? `0.${'0'.repeat(displayDecimals)}%` : '0%';
  boxed(7, totalRow, null, { align: middle, numFmt: percentFormat }, `IF(${noRate},0,${rateFormula})`);
  // R3–R4: 得分 = 分值 × min(执行率, 封顶), from the exact rate (not the displayed one), rounded by R14.
  const { decimals, rounding } = book.scoring;
  const cap = book.executionRate.cap;
  const capped = cap === null ? exactRate : `MIN(${exactRate},${cap})`;
  const scoreFormat = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  boxed(
    8,
    totalRow,
    null,
    { align: middle, numFmt: scoreFormat },
    `IF(OR(${noRateTests},COUNT(${weightAt})=0),0,${excelRound(`${weightAt}*${capped}`, decimals, rounding)})`,
  );
  height(totalRow, 22);
  const breakdown: TemplatePlaces['breakdown'] = [];
  breakdownLabels.forEach((text, i) => {
    const rr = totalRow + 1 + i;
    label(1, rr, text, 2, rr);
    for (let c = 3; c <= 5; c++) boxed(c, rr, null, { align: right, numFmt: MONEY_FORMAT });
    label(6, rr, '—', 8, rr);
    height(rr, 20);
    breakdown.push({ initialBudget: A(3, rr), annualBudget: A(4, rr), executed: A(5, rr) });
  });
  validations.push({
    range: `${initialAt}:${A(5, totalRow + breakdownLabels.length)}`,
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: ['0'],
    errorStyle: 'stop',
    prompt: { title: `金额（${unit}）`, text: `填写数字，单位：${unit}。\nAn amount in ${unit}.` },
    error: { title: '金额无效', text: '金额应为不小于 0 的数字。\nAn amount must be a number, 0 or more.' },
  });

  // Goals.
  const goalsRow = totalRow + breakdownLabels.length + 1;
  label(0, goalsRow, '年度\n总体\n目标', 0, goalsRow + 1);
  label(1, goalsRow, '预算目标', 4, goalsRow);
  label(5, goalsRow, '实际完成情况', 8, goalsRow);
  height(goalsRow, 22);
  const text: TemplateStyle = { align: { horizontal: 'left', vertical: 'top', wrap: true } };
  area(1, goalsRow + 1, 4, goalsRow + 1, null, text);
  area(5, goalsRow + 1, 8, goalsRow + 1, null, text);
  height(goalsRow + 1, 120);

  // Indicators.
  const headerRow = goalsRow + 2;
  const first = headerRow + 1;
  const count = groups.reduce((s, g) => s + g.n, 0);
  const last = headerRow + count;
  label(0, headerRow, '绩\n效\n指\n标', 0, last);
  [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度\n指标值',
    '实际\n完成值',
    '分值',
    '得分',
    '偏差原因分析及\n改进措施',
  ].forEach((h, i) => label(1 + i, headerRow, h));
  height(headerRow, 30);
  const indicators: TemplatePlaces['indicators'] = [];
  let rr = first;
  for (const g of groups) {
    label(1, rr, LEVEL1[g.key], 1, rr + g.n - 1);
    const suggested = LEVEL2[g.key];
    for (let i = 0; i < g.n; i++) {
      const row = rr + i;
      boxed(2, row, suggested[i % suggested.length], { align: center });
      // "……" as in the 10号 attachment: a spare row the core skips (a placeholder), and that keeps the table
      // going past it (three empty rows would end it).
      boxed(3, row, '……', { align: left });
      boxed(4, row, null, { align: center });
      boxed(5, row, null, { align: center });
      boxed(6, row, null, { align: middle });
      boxed(7, row, null, { align: middle });
      boxed(8, row, null, { align: left });
      height(row, 30);
      indicators.push({
        row,
        level1: A(1, rr),
        level2: A(2, row),
        name: A(3, row),
        target: A(4, row),
        actual: A(5, row),
        weight: A(6, row),
        score: A(7, row),
        reason: A(8, row),
      });
    }
    validations.push({
      range: `${A(2, rr)}:${A(2, rr + g.n - 1)}`,
      type: 'list',
      formulae: [`"${LEVEL2_CHOICES[g.key].join(',')}"`],
      errorStyle: 'information',
      error: {
        title: '二级指标',
        text: `10号文的${LEVEL1[g.key]}分为：${LEVEL2_CHOICES[g.key].join('、')}。\nThe 10号 second-level names.`,
      },
    });
    rr += g.n;
  }
  const weights = `${A(6, first)}:${A(6, last)}`;
  validations.push({
    range: `${weightAt},${weights}`,
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: ['0'],
    errorStyle: 'stop',
    prompt: { title: '分值', text: '本行的分值（数字）。\nThe points of this row (a number).' },
    error: { title: '分值无效', text: '分值应为不小于 0 的数字。\nPoints must be a number, 0 or more.' },
  });
  validations.push({
    range: `${A(7, first)}:${A(7, last)}`,
    type: 'decimal',
    operator: 'between',
    formulae: ['0', A(6, first)],
    errorStyle: 'warning',
    prompt: { title: '得分', text: '0 到本行分值之间。\nBetween 0 and the row’s points.' },
    error: {
      title: '得分超出分值',
      text: '得分应在 0 与本行分值之间（请先填分值）。\nA score lies between 0 and the row’s points (fill in the points first).',
    },
  });
  const actualTop = A(5, first);
  validations.push({
    range: `${actualTop}:${A(5, last)}`,
    type: 'custom',
    // R8 / C15: a numeric 完成值 is never negative; text ("及时", ">=0.9") is allowed.
    formulae: [`OR(ISTEXT(${actualTop}),${actualTop}>=0)`],
    errorStyle: 'stop',
    error: {
      title: '完成值无效',
      text: '实际完成值不能为负数（文字如“及时”可以）。\nAn actual value cannot be negative (text is fine).',
    },
  });

  // 总分 = 执行率得分 + Σ 指标得分 (R11), rounded (R14), capped by a low execution rate (L2).
  const totalAt = last + 1;
  label(0, totalAt, '总分', 5, totalAt);
  boxed(6, totalAt, Number(book.weights.total), { align: middle });
  const scores = `${scoreAt},${A(7, first)}:${A(7, last)}`;
  const sum = excelRound(`SUM(${scores})`, decimals, rounding);
  const caps = book.totalCaps.map(
    (c) => `IF(${noRate},${sum},IF(${exactRate}*100<${c.rateBelowPercent},${c.maxTotal},${sum}))`,
  );
  const total = caps.length > 0 ? `MIN(${sum},${caps.join(',')})` : sum;
  boxed(7, totalAt, null, { align: middle, numFmt: scoreFormat }, total);
  boxed(8, totalAt, null);
  height(totalAt, 22);

  notes.push(
    {
      at: A(3, headerRow),
      text:
        '增加指标行：在本组内部（不要在第一行之上或总分行之下）右键“插入”整行，再复制上一行的格式；' +
        '总分公式的 SUM 范围会随之扩大。删除多余的行同理。\n' +
        'More indicator rows: insert whole rows inside the group (not above its first row or below the total); ' +
        'the SUM range of the total grows with them.',
    },
    {
      at: rateAt,
      text:
        `执行率 = 全年执行数 ÷ ${book.executionRate.denominator === 'annualBudget' ? '全年预算数' : '年初预算数'}` +
        `（${book.name}），显示 ${displayDecimals} 位小数` +
        (displayRounding === 'up' ? '，向上取整。' : '。') +
        '\nExecution rate = executed ÷ budget.',
    },
    {
      at: scoreAt,
      text:
        `得分 = 分值 × ${cap === null ? '执行率' : `MIN(执行率, ${new Decimal(cap).times(100).toFixed()}%)`}，` +
        `保留 ${decimals} 位小数。\nScore = points × rate${cap === null ? '' : ' (capped)'}, ${decimals} decimals.`,
    },
    {
      at: A(7, headerRow),
      text:
        '指标得分由单位按评分规则填写（定量指标按完成比例，定性指标按达成程度），评分工具会复核。\n' +
        'Indicator scores are typed in by the unit; the scoring tool checks them.',
    },
    {
      at: A(7, totalAt),
      text:
        '总分 = 执行率得分 + 各指标得分' +
        (book.totalCaps.length > 0
          ? `；执行率低于 ${book.totalCaps.map((c) => `${c.rateBelowPercent}% 时不超过 ${c.maxTotal}`).join('，')}。`
          : '。') +
        '\nTotal = rate score + indicator scores' +
        (book.totalCaps.length > 0 ? ', capped when the execution rate is low.' : '.'),
    },
  );

  const template: FormTemplate = {
    sheetName: options.sheetName ?? TEMPLATE_SHEET_NAME,
    rulebook: book.id,
    unit,
    cells: [...cells.values()],
    merges,
    columnWidths: [...COLUMN_WIDTHS],
    rowHeights,
    validations,
    notes,
    places: {
      project: A(2, 3),
      department: A(2, 4),
      implementer: A(6, 4),
      funds: {
        initialBudget: initialAt,
        annualBudget: annualAt,
        executed: executedAt,
        weight: weightAt,
        rate: rateAt,
        score: scoreAt,
      },
      breakdown,
      goals: { plan: A(1, goalsRow + 1), done: A(5, goalsRow + 1) },
      indicators,
      total: { weight: A(6, totalAt), score: A(7, totalAt) },
      range: `A1:${A(8, totalAt)}`,
    },
  };
  return withResults(template, book);
}

/** The template with values typed into it (address → value) and every formula's cached result recomputed. */
export function fillTemplate(
  template: FormTemplate,
  book: Rulebook,
  values: Readonly<Record<string, CellValue>>,
): FormTemplate {
  const byAt = new Map(template.cells.map((c) => [c.at, c]));
  for (const [at, value] of Object.entries(values)) {
    const cell = byAt.get(at);
    if (!cell) {
      throw new TemplateError(`模板中没有单元格 ${at}`, `the template has no cell ${at}`);
    }
    if (cell.formula !== undefined) {
      throw new TemplateError(`${at} 是公式单元格，不能填写`, `${at} holds a formula and cannot be filled`);
    }
    byAt.set(at, { ...cell, value });
  }
  return withResults({ ...template, cells: template.cells.map((c) => byAt.get(c.at) as TemplateCell) }, book);
}

function numberIn(v: CellValue | undefined): Decimal | null {
  return typeof v === 'number' && Number.isFinite(v) ? new Decimal(v) : null;
}

/** Round as the Excel function of `excelRound` does, on exact decimals. */
function round(x: Decimal, d: number, rule: RoundingRule): Decimal {
  return roundBy(x, d, rule);
}

/** What Excel computes for the formulas, on the values typed in (0 where the inputs are missing). */
function withResults(template: FormTemplate, book: Rulebook): FormTemplate {
  const value = new Map(template.cells.map((c) => [c.at, c.value]));
  const p = template.places;
  const executed = numberIn(value.get(p.funds.executed));
  const denominatorAt =
    book.executionRate.denominator === 'annualBudget' ? p.funds.annualBudget : p.funds.initialBudget;
  const denominator = numberIn(value.get(denominatorAt));
  const weight = numberIn(value.get(p.funds.weight));
  const rate =
    executed !== null && denominator !== null && !denominator.isZero() ? executed.div(denominator) : null;
  const { displayDecimals, displayRounding } = book.executionRate;
  const shownRate =
    rate === null
      ? null
      : displayRounding === 'half-up'
        ? rate
        : round(rate, displayDecimals + 2, displayRounding);
  const { decimals, rounding } = book.scoring;
  const cap = book.executionRate.cap;
  const fundsScore =
    rate === null || weight === null
      ? null
      : round(weight.times(cap !== null && rate.gt(cap) ? cap : rate), decimals, rounding);
  const parts = [fundsScore, ...p.indicators.map((ind) => numberIn(value.get(ind.score)))].filter(
    (d): d is Decimal => d !== null,
  );
  let total = new Decimal(0);
  {
    total = round(
      parts.reduce((a, b) => a.plus(b), new Decimal(0)),
      decimals,
      rounding,
    );
    for (const c of book.totalCaps) {
      if (rate !== null && rate.times(100).lt(c.rateBelowPercent) && total.gt(c.maxTotal)) {
        total = new Decimal(c.maxTotal);
      }
    }
  }
  const results = new Map<string, Decimal | null>([
    [p.funds.rate, shownRate],
    [p.funds.score, fundsScore],
    [p.total.score, total],
  ]);
  return {
    ...template,
    cells: template.cells.map((c) =>
      c.formula !== undefined && results.has(c.at)
        ? { ...c, value: (results.get(c.at) as Decimal | null)?.toNumber() ?? 0 }
        : c,
    ),
  };
}

/** The template as the core reads a sheet (formula cells carry their computed results), for scoring in memory. */
export function templateGrid(template: FormTemplate): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const c of template.cells) {
    const { row, col } = parseA1(c.at);
    (values[row] ??= [])[col] = c.value;
    (formats[row] ??= [])[col] = c.style.numFmt ?? null;
  }
  const dense = <T>(rows: T[][]): T[][] =>
    Array.from(rows, (r) => Array.from(r ?? [], (v) => (v === undefined ? (null as T) : v)));
  return {
    name: template.sheetName,
    values: dense(values),
    formats: dense(formats),
    merges: template.merges.map(parseRangeA1),
  };
}
