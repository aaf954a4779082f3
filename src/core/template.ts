// The blank official form (财预〔2020〕10号 attachment: 项目支出绩效自评表) as host-neutral data: cells with values or
// formulas, merged areas, number formats, borders, column widths, data validations and notes. A host writes it
// (src/hosts/xlsx/template.ts for .xlsx files); the formulas follow the chosen rulebook's rounding and caps, and
// their cached results are computed by src/core/template-results.ts, exactly, for the form as filled (blank: 0).
//
// Layout (columns A–I, as the bundled sample examples/2021-计生特殊家庭帮扶及权益维护.xlsx):
//   1 title · 2 year · 3 项目名称 · 4 主管部门 / 实施单位 · 5–9 funds block (header, 年度资金总额, three 其中 rows) ·
//   10–11 年度总体目标 · 12 indicator header · indicator rows (产出 8, 效益 6, 满意度 2 by default) · 总分.
//
// Indicator 得分 cells are left for the unit to fill: R5–R10 score a row from its target text ("≥1200人",
// "=1百分比", "及时"), its direction, qualitative bands and the over-achievement rule, and 10号 lets the
// evaluator judge a partial score; a cell formula cannot parse the target text the way the core does, so any
// formula would disagree with the rulebook on some rows. The core checks the typed scores instead (C8).
import { columnLetters } from './a1';
import { Decimal } from './decimal';
import type { CellValue } from './grid';
import type { Rulebook } from './rulebook';
import { excelRound, withResults } from './template-results';
import {
  TEMPLATE_UNITS,
  TemplateError,
  type FormTemplate,
  type TemplateCell,
  type TemplateNote,
  type TemplateOptions,
  type TemplatePlaces,
  type TemplateStyle,
  type TemplateUnit,
  type TemplateValidation,
} from './template-types';

export * from './template-types';
export { excelRound, fillTemplate, templateGrid } from './template-results';

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

function groupRows(options: TemplateOptions): Group[] {
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

const A = (c: number, r: number): string => `${columnLetters(c)}${r}`;
const BASE: TemplateStyle = { font: { size: 10 }, border: true };
const CENTER = { horizontal: 'center', vertical: 'middle', wrap: true } as const;
const LEFT = { horizontal: 'left', vertical: 'middle', wrap: true } as const;
const RIGHT = { horizontal: 'right', vertical: 'middle', indent: 1 } as const;
/** Points, rates and scores sit in the middle of their narrow columns, as printed. */
const MIDDLE = { horizontal: 'center', vertical: 'middle' } as const;

/** The form as it is laid out: cells (0-based columns, 1-based rows), merges, row heights, validations, notes. */
class Layout {
  readonly cells = new Map<string, TemplateCell>();
  readonly merges: string[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];
  readonly validations: TemplateValidation[] = [];
  readonly notes: TemplateNote[] = [];

  put(c: number, r: number, value: CellValue, style: TemplateStyle, formula?: string): void {
    const at = A(c, r);
    this.cells.set(at, formula === undefined ? { at, value, style } : { at, value, formula, style });
  }

  /** A cell with the thin border and the 10-point font of the printed form. */
  boxed(c: number, r: number, value: CellValue, extra: TemplateStyle = {}, formula?: string): void {
    this.put(c, r, value, { ...BASE, ...extra }, formula);
  }

  merge(c1: number, r1: number, c2: number, r2: number): void {
    if (c1 !== c2 || r1 !== r2) this.merges.push(`${A(c1, r1)}:${A(c2, r2)}`);
  }

  /** A bordered area, merged, with a value in its top-left cell (every covered cell keeps the border). */
  area(c1: number, r1: number, c2: number, r2: number, value: CellValue, extra: TemplateStyle): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.boxed(c, r, null, extra);
    this.boxed(c1, r1, value, extra);
    this.merge(c1, r1, c2, r2);
  }

  label(c1: number, r1: number, text: string, c2 = c1, r2 = r1): void {
    this.area(c1, r1, c2, r2, text, { align: CENTER });
  }

  height(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }
}

/** Rows 1–4: title and year without borders, as printed, then 项目名称 and 主管部门 / 实施单位. */
function layIdentity(L: Layout): void {
  for (const [r, text, font, h] of [
    [1, '项目支出绩效自评表', { size: 16, bold: true }, 30],
    [2, '（      年度）', { size: 11 }, 20],
  ] as const) {
    for (let c = 0; c <= 8; c++) L.put(c, r, null, {});
    L.put(0, r, text, { font, align: { horizontal: 'center', vertical: 'middle' } });
    L.merge(0, r, 8, r);
    L.height(r, h);
  }
  L.label(0, 3, '项目名称', 1, 3);
  L.area(2, 3, 8, 3, null, { align: LEFT });
  L.height(3, 22);
  L.label(0, 4, '主管部门', 1, 4);
  L.area(2, 4, 4, 4, null, { align: LEFT });
  L.label(5, 4, '实施单位');
  L.area(6, 4, 8, 4, null, { align: LEFT });
  L.height(4, 22);
}

/** What the total and the notes need from the funds block. */
interface FundsFormulas {
  places: TemplatePlaces['funds'];
  breakdown: TemplatePlaces['breakdown'];
  /** Conditions under which there is no rate (OR of them). */
  noRateTests: string;
  exactRate: string;
  lastRow: number;
}

/** Rows 5–9: header, 年度资金总额 with the rate and its score, the three 其中 rows. */
function layFunds(L: Layout, book: Rulebook, unit: TemplateUnit): FundsFormulas {
  const top = 5;
  const row = 6;
  const breakdownLabels = ['其中：当年财政拨款', '上年结转资金', '其他资金'];
  // Two characters a line fit column A: 项目 / 资金 / （元）.
  L.label(0, top, `项目\n资金\n（${unit}）`, 0, row + breakdownLabels.length);
  L.label(1, top, '', 2, top);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) =>
    L.label(3 + i, top, h),
  );
  L.height(top, 22);
  L.label(1, row, '年度资金总额', 2, row);
  for (let c = 3; c <= 5; c++) L.boxed(c, row, null, { align: RIGHT, numFmt: MONEY_FORMAT });
  L.boxed(6, row, Number(book.weights.executionRate), { align: MIDDLE });
  const [initialAt, annualAt, executedAt, weightAt, rateAt, scoreAt] = [3, 4, 5, 6, 7, 8].map((c) =>
    A(c, row),
  );
  const denominatorAt = book.executionRate.denominator === 'annualBudget' ? annualAt : initialAt;
  // Formulas give 0, not "", on an empty form: ExcelJS reads an empty text result back as "never calculated".
  // No rate (0) while 全年执行数 is not a number or the budget is empty or 0.
  const noRateTests = `COUNT(${executedAt})=0,N(${denominatorAt})=0`;
  const exactRate = `${executedAt}/${denominatorAt}`;
  // R2 / R14: 执行率 = 全年执行数 / 全年预算数, a fraction shown as a percentage with the rulebook's decimals. A
  // half-up display is the number format's own rounding, so the cell keeps the exact rate; any other display
  // rounding (Shanghai: up, 97.3412% → 97.35%) is done in the cell, to the displayed places.
  const { displayDecimals, displayRounding } = book.executionRate;
  const rateFormula =
    displayRounding === 'half-up' ? exactRate : excelRound(exactRate, displayDecimals + 2, displayRounding);
  const percentFormat = displayDecimals > 0 ? `0.${'0'.repeat(displayDecimals)}%` : '0%';
  L.boxed(7, row, null, { align: MIDDLE, numFmt: percentFormat }, `IF(OR(${noRateTests}),0,${rateFormula})`);
  // R3–R4: 得分 = 分值 × min(执行率, 封顶), from the exact rate (not the displayed one), rounded by R14.
  const { decimals, rounding } = book.scoring;
  const cap = book.executionRate.cap;
  const capped = cap === null ? exactRate : `MIN(${exactRate},${cap})`;
  const score = excelRound(`${weightAt}*${capped}`, decimals, rounding);
  L.boxed(
    8,
    row,
    null,
    { align: MIDDLE, numFmt: scoreFormat(book) },
    `IF(OR(${noRateTests},COUNT(${weightAt})=0),0,${score})`,
  );
  L.height(row, 22);
  const breakdown = breakdownLabels.map((text, i) => {
    const r = row + 1 + i;
    L.label(1, r, text, 2, r);
    for (let c = 3; c <= 5; c++) L.boxed(c, r, null, { align: RIGHT, numFmt: MONEY_FORMAT });
    L.label(6, r, '—', 8, r);
    L.height(r, 20);
    return { initialBudget: A(3, r), annualBudget: A(4, r), executed: A(5, r) };
  });
  const lastRow = row + breakdownLabels.length;
  L.validations.push({
    range: `${initialAt}:${A(5, lastRow)}`,
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: ['0'],
    errorStyle: 'stop',
    prompt: { title: `金额（${unit}）`, text: `填写数字，单位：${unit}。\nAn amount in ${unit}.` },
    error: { title: '金额无效', text: '金额应为不小于 0 的数字。\nAn amount must be a number, 0 or more.' },
  });
  const places = {
    initialBudget: initialAt,
    annualBudget: annualAt,
    executed: executedAt,
    weight: weightAt,
    rate: rateAt,
    score: scoreAt,
  };
  return { places, breakdown, noRateTests, exactRate, lastRow };
}

function scoreFormat(book: Rulebook): string {
  const { decimals } = book.scoring;
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/** 年度总体目标: a header row and a row to write in. */
function layGoals(L: Layout, row: number): TemplatePlaces['goals'] {
  L.label(0, row, '年度\n总体\n目标', 0, row + 1);
  L.label(1, row, '预算目标', 4, row);
  L.label(5, row, '实际完成情况', 8, row);
  L.height(row, 22);
  const text: TemplateStyle = { align: { horizontal: 'left', vertical: 'top', wrap: true } };
  L.area(1, row + 1, 4, row + 1, null, text);
  L.area(5, row + 1, 8, row + 1, null, text);
  L.height(row + 1, 120);
  return { plan: A(1, row + 1), done: A(5, row + 1) };
}

type Group = { key: 'output' | 'benefit' | 'satisfaction'; n: number };

/** The indicator header and rows, 一级指标 merged over its group, with the validations of the table. */
function layIndicators(
  L: Layout,
  groups: Group[],
  headerRow: number,
  weightAt: string,
): TemplatePlaces['indicators'] {
  const first = headerRow + 1;
  const last = headerRow + groups.reduce((s, g) => s + g.n, 0);
  L.label(0, headerRow, '绩\n效\n指\n标', 0, last);
  [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度\n指标值',
    '实际\n完成值',
    '分值',
    '得分',
    '偏差原因分析及\n改进措施',
  ].forEach((h, i) => L.label(1 + i, headerRow, h));
  L.height(headerRow, 30);
  const indicators: TemplatePlaces['indicators'] = [];
  let top = first;
  for (const g of groups) {
    L.label(1, top, LEVEL1[g.key], 1, top + g.n - 1);
    const suggested = LEVEL2[g.key];
    for (let row = top; row < top + g.n; row++) {
      L.boxed(2, row, suggested[(row - top) % suggested.length], { align: CENTER });
      // "……" as in the 10号 attachment: a spare row the core skips (a placeholder), and that keeps the table
      // going past it (three empty rows would end it).
      L.boxed(3, row, '……', { align: LEFT });
      for (const [c, align] of [
        [4, CENTER],
        [5, CENTER],
        [6, MIDDLE],
        [7, MIDDLE],
        [8, LEFT],
      ] as const)
        L.boxed(c, row, null, { align });
      L.height(row, 30);
      const [level2, name, target, actual, weight, score, reason] = [2, 3, 4, 5, 6, 7, 8].map((c) =>
        A(c, row),
      );
      indicators.push({ row, level1: A(1, top), level2, name, target, actual, weight, score, reason });
    }
    L.validations.push({
      range: `${A(2, top)}:${A(2, top + g.n - 1)}`,
      type: 'list',
      formulae: [`"${LEVEL2_CHOICES[g.key].join(',')}"`],
      errorStyle: 'information',
      error: {
        title: '二级指标',
        text: `10号文的${LEVEL1[g.key]}分为：${LEVEL2_CHOICES[g.key].join('、')}。\nThe 10号 second-level names.`,
      },
    });
    top += g.n;
  }
  tableValidations(L, first, last, weightAt);
  return indicators;
}

/** 分值 ≥ 0, 得分 between 0 and its row's 分值, a numeric 完成值 never negative. */
function tableValidations(L: Layout, first: number, last: number, weightAt: string): void {
  L.validations.push({
    range: `${weightAt},${A(6, first)}:${A(6, last)}`,
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: ['0'],
    errorStyle: 'stop',
    prompt: { title: '分值', text: '本行的分值（数字）。\nThe points of this row (a number).' },
    error: { title: '分值无效', text: '分值应为不小于 0 的数字。\nPoints must be a number, 0 or more.' },
  });
  L.validations.push({
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
  L.validations.push({
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
}

/** 总分 = 执行率得分 + Σ 指标得分 (R11), rounded (R14), capped by a low execution rate (L2). */
function layTotal(
  L: Layout,
  book: Rulebook,
  row: number,
  funds: FundsFormulas,
  scoresRange: string,
): TemplatePlaces['total'] {
  L.label(0, row, '总分', 5, row);
  L.boxed(6, row, Number(book.weights.total), { align: MIDDLE });
  const scores = `${funds.places.score},${scoresRange}`;
  const { decimals, rounding } = book.scoring;
  const sum = excelRound(`SUM(${scores})`, decimals, rounding);
  const noRate = `OR(${funds.noRateTests})`;
  const caps = book.totalCaps.map(
    (c) => `IF(${noRate},${sum},IF(${funds.exactRate}*100<${c.rateBelowPercent},${c.maxTotal},${sum}))`,
  );
  const total = caps.length > 0 ? `MIN(${sum},${caps.join(',')})` : sum;
  L.boxed(7, row, null, { align: MIDDLE, numFmt: scoreFormat(book) }, total);
  L.boxed(8, row, null);
  L.height(row, 22);
  return { weight: A(6, row), score: A(7, row) };
}

/** Notes: how to add rows, and what each formula computes under the rulebook. */
function addNotes(L: Layout, book: Rulebook, headerRow: number, funds: FundsFormulas, totalAt: string): void {
  const { displayDecimals, displayRounding, cap, denominator } = book.executionRate;
  const { decimals } = book.scoring;
  const caps = book.totalCaps.map((c) => `${c.rateBelowPercent}% 时不超过 ${c.maxTotal}`).join('，');
  L.notes.push(
    {
      at: A(3, headerRow),
      text:
        '增加指标行：在本组内部（不要在第一行之上或总分行之下）右键“插入”整行，再复制上一行的格式；' +
        '总分公式的 SUM 范围会随之扩大。删除多余的行同理。\n' +
        'More indicator rows: insert whole rows inside the group (not above its first row or below the total); ' +
        'the SUM range of the total grows with them.',
    },
    {
      at: funds.places.rate,
      text:
        `执行率 = 全年执行数 ÷ ${denominator === 'annualBudget' ? '全年预算数' : '年初预算数'}` +
        `（${book.name}），显示 ${displayDecimals} 位小数${displayRounding === 'up' ? '，向上取整' : ''}。` +
        '\nExecution rate = executed ÷ budget.',
    },
    {
      at: funds.places.score,
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
      at: totalAt,
      text:
        `总分 = 执行率得分 + 各指标得分${caps ? `；执行率低于 ${caps}` : ''}。` +
        `\nTotal = rate score + indicator scores${caps ? ', capped when the execution rate is low' : ''}.`,
    },
  );
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
  const L = new Layout();
  layIdentity(L);
  const funds = layFunds(L, book, unit);
  const goals = layGoals(L, funds.lastRow + 1);
  const headerRow = funds.lastRow + 3;
  const indicators = layIndicators(L, groups, headerRow, funds.places.weight);
  const lastRow = indicators[indicators.length - 1].row;
  const total = layTotal(L, book, lastRow + 1, funds, `${A(7, headerRow + 1)}:${A(7, lastRow)}`);
  addNotes(L, book, headerRow, funds, total.score);
  const template: FormTemplate = {
    sheetName: options.sheetName ?? TEMPLATE_SHEET_NAME,
    rulebook: book.id,
    unit,
    cells: [...L.cells.values()],
    merges: L.merges,
    columnWidths: [...COLUMN_WIDTHS],
    rowHeights: L.rowHeights,
    validations: L.validations,
    notes: L.notes,
    places: {
      project: A(2, 3),
      department: A(2, 4),
      implementer: A(6, 4),
      funds: funds.places,
      breakdown: funds.breakdown,
      goals,
      indicators,
      total,
      range: `A1:${A(8, lastRow + 1)}`,
    },
  };
  return withResults(template, book);
}
