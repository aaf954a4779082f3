// Builds the sample workbooks in examples/ (run: npm run examples).
// - examples/2021-计生特殊家庭帮扶及权益维护.xlsx: the Shanghai 2021 form (shared/seed/form-2021-shanghai.txt)
//   laid out like the printed form, with the numbers as printed.
// - examples/多项目汇总-2022.xlsx: four forms (two on sheets of their own, two stacked on one sheet) with a few
//   deliberate mistakes, and an instructions sheet without a form.
// The tests build the same workbooks from these functions, so what is committed can always be rebuilt.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { toA1 } from '../src/core';
import { loadWorkbook, workbookBytes } from '../src/hosts/xlsx';
import { workbookToModel } from '../src/harness/xlsx-model';

/** A printed number or text: a number is typed in, a string is text as printed ("965,043.97", "—"). */
export type Printed = number | string | null;

export interface FundsLine {
  label: string;
  initial: Printed;
  annual: Printed;
  executed: Printed;
}

export interface IndicatorLine {
  level1: string;
  level2: string;
  name: string;
  target: Printed;
  actual: Printed;
  weight: Printed;
  score: Printed;
  reason?: string;
}

export interface FormSpec {
  title: string;
  year: string;
  project: string;
  department: string;
  implementer: string;
  unit: '元' | '万元';
  funds: FundsLine & {
    weight: Printed;
    /** A number is a fraction shown with 0.00%; 'formula' computes 全年执行数/全年预算数 in the cell. */
    rate: Printed | 'formula';
    score: Printed | 'formula';
    /** Number format of the total row's money cells ("0.00", "#,##0.00"). */
    moneyFormat?: string;
  };
  breakdown: FundsLine[];
  goals: { plan: string; done: string };
  indicators: IndicatorLine[];
  total: { weight: Printed; score: Printed | 'formula' };
}

/** Where the form's parts landed (A1 addresses), for tests. */
export interface FormCells {
  top: number;
  bottom: number;
  range: string;
  rate: string;
  fundsScore: string;
  total: string;
  totalWeight: string;
  /** 得分 cell of each indicator, in order. */
  scores: string[];
  actuals: string[];
  reasons: string[];
  firstIndicatorRow: number;
}

const FONT = '宋体';
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Column widths of the nine form columns (in characters). */
export const FORM_WIDTHS = [6, 12, 14, 28, 14, 14, 8, 10, 30];

/**
 * Write a form with its top-left corner at (row, col), 1-based. Columns, relative to `col`:
 * 0 block labels · 1 一级指标 / fund row labels · 2 二级指标 · 3 三级指标 / 年初预算数 · 4 年度指标值 / 全年预算数 ·
 * 5 实际完成值 / 全年执行数 · 6 分值 · 7 得分 / 执行率 · 8 偏差原因 / 得分.
 */
export function writeForm(ws: ExcelJS.Worksheet, spec: FormSpec, row: number, col: number): FormCells {
  const A = (c: number, r: number): string => toA1(r - 1, col - 1 + c);
  const set = (c: number, r: number, v: Printed, style: Partial<ExcelJS.Style> = {}): ExcelJS.Cell => {
    const cell = ws.getCell(A(c, r));
    cell.value = v;
    cell.style = { font: { name: FONT, size: 10 }, border: BORDER, ...style };
    return cell;
  };
  const merge = (c1: number, r1: number, c2: number, r2: number): void => {
    if (c1 === c2 && r1 === r2) return;
    ws.mergeCells(`${A(c1, r1)}:${A(c2, r2)}`);
  };
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const left: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
  const right: Partial<ExcelJS.Alignment> = { horizontal: 'right', vertical: 'middle' };
  const label = (c: number, r: number, text: string, c2 = c, r2 = r): void => {
    for (let rr = r; rr <= r2; rr++)
      for (let cc = c; cc <= c2; cc++) set(cc, rr, null, { alignment: center });
    set(c, r, text, { alignment: center });
    merge(c, r, c2, r2);
  };
  const num = (c: number, r: number, v: Printed, numFmt?: string): void => {
    const style: Partial<ExcelJS.Style> = { alignment: typeof v === 'number' ? right : center };
    if (numFmt && typeof v === 'number') style.numFmt = numFmt;
    set(c, r, v, style);
  };

  let r = row;
  // Title and year: no borders, as printed.
  const title = ws.getCell(A(0, r));
  for (let c = 0; c <= 8; c++) ws.getCell(A(c, r)).style = {};
  title.value = spec.title;
  title.style = {
    font: { name: FONT, size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  merge(0, r, 8, r);
  ws.getRow(r).height = 30;
  r++;
  const year = ws.getCell(A(0, r));
  year.value = `(${spec.year} 年度)`;
  year.style = { font: { name: FONT, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  merge(0, r, 8, r);
  ws.getRow(r).height = 20;
  r++;

  // Identity.
  label(0, r, '项目名称', 1, r);
  for (let c = 2; c <= 8; c++) set(c, r, null, { alignment: left });
  set(2, r, spec.project, { alignment: left });
  merge(2, r, 8, r);
  ws.getRow(r).height = 22;
  r++;
  label(0, r, '主管部门', 1, r);
  for (let c = 2; c <= 4; c++) set(c, r, null, { alignment: left });
  set(2, r, spec.department, { alignment: left });
  merge(2, r, 4, r);
  label(5, r, '实施单位');
  for (let c = 6; c <= 8; c++) set(c, r, null, { alignment: left });
  set(6, r, spec.implementer, { alignment: left });
  merge(6, r, 8, r);
  ws.getRow(r).height = 22;
  r++;

  // Funds block: header, total row, 其中 rows.
  const fundsTop = r;
  const fundsBottom = r + 1 + spec.breakdown.length;
  label(0, fundsTop, `项目资金\n（${spec.unit}）`, 0, fundsBottom);
  label(1, r, '', 2, r);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => label(3 + i, r, h));
  ws.getRow(r).height = 22;
  r++;
  const money = spec.funds.moneyFormat;
  label(1, r, spec.funds.label, 2, r);
  num(3, r, spec.funds.initial, money);
  num(4, r, spec.funds.annual, money);
  num(5, r, spec.funds.executed, money);
  num(6, r, spec.funds.weight);
  const rateCell = A(7, r);
  if (spec.funds.rate === 'formula') {
    const result = Number(spec.funds.executed) / Number(spec.funds.annual);
    set(7, r, null, { alignment: right, numFmt: '0.00%' }).value = {
      formula: `${A(5, r)}/${A(4, r)}`,
      result,
    };
  } else {
    num(7, r, spec.funds.rate, '0.00%');
  }
  const fundsScoreCell = A(8, r);
  if (spec.funds.score === 'formula') {
    const rate = Number(spec.funds.executed) / Number(spec.funds.annual);
    const result = Math.round(Number(spec.funds.weight) * Math.min(rate, 1) * 100) / 100;
    set(8, r, null, { alignment: right }).value = {
      formula: `ROUND(${A(6, r)}*MIN(${A(7, r)},1),2)`,
      result,
    };
  } else {
    num(8, r, spec.funds.score);
  }
  ws.getRow(r).height = 22;
  r++;
  for (const line of spec.breakdown) {
    label(1, r, line.label, 2, r);
    num(3, r, line.initial);
    num(4, r, line.annual);
    num(5, r, line.executed);
    label(6, r, '—', 8, r);
    ws.getRow(r).height = 20;
    r++;
  }

  // Goals.
  label(0, r, '年度\n总体\n目标', 0, r + 1);
  label(1, r, '预算目标', 4, r);
  label(5, r, '实际完成情况', 8, r);
  ws.getRow(r).height = 22;
  r++;
  const textStyle: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 10 },
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
  };
  for (let c = 1; c <= 8; c++) set(c, r, null, textStyle);
  set(1, r, spec.goals.plan, textStyle);
  merge(1, r, 4, r);
  set(5, r, spec.goals.done, textStyle);
  merge(5, r, 8, r);
  // About two columns of width per CJK character at 10 pt: B–E hold 34 a line, F–I 31.
  const longest = Math.max(spec.goals.plan.length / 34, spec.goals.done.length / 31);
  ws.getRow(r).height = Math.min(409, Math.max(40, Math.ceil(longest + 1) * 13));
  r++;

  // Indicators.
  const headerRow = r;
  const firstInd = r + 1;
  const lastInd = r + spec.indicators.length;
  label(0, headerRow, '绩\n效\n指\n标', 0, lastInd);
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
  ws.getRow(headerRow).height = 30;
  const scores: string[] = [];
  const actuals: string[] = [];
  const reasons: string[] = [];
  spec.indicators.forEach((ind, i) => {
    const rr = firstInd + i;
    set(1, rr, null, { alignment: center });
    set(2, rr, null, { alignment: center });
    set(3, rr, ind.name, { alignment: left });
    set(4, rr, ind.target, { alignment: center });
    num(5, rr, ind.actual);
    num(6, rr, ind.weight);
    num(7, rr, ind.score);
    set(8, rr, ind.reason ?? null, { alignment: left });
    scores.push(A(7, rr));
    actuals.push(A(5, rr));
    reasons.push(A(8, rr));
    ws.getRow(rr).height = 30;
  });
  // 一级 / 二级 names merged over the rows that share them, as printed.
  for (const [c, key] of [
    [1, (x: IndicatorLine) => x.level1],
    [2, (x: IndicatorLine) => `${x.level1}\u0000${x.level2}`],
  ] as const) {
    let start = 0;
    for (let i = 1; i <= spec.indicators.length; i++) {
      if (i === spec.indicators.length || key(spec.indicators[i]) !== key(spec.indicators[start])) {
        const text = c === 1 ? spec.indicators[start].level1 : spec.indicators[start].level2;
        ws.getCell(A(c, firstInd + start)).value = text;
        merge(c, firstInd + start, c, firstInd + i - 1);
        start = i;
      }
    }
  }
  r = lastInd + 1;

  // 总分.
  label(0, r, '总分', 5, r);
  num(6, r, spec.total.weight);
  const totalCell = A(7, r);
  if (spec.total.score === 'formula') {
    const printed = [spec.funds.score, ...spec.indicators.map((x) => x.score)];
    const result = printed.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    set(7, r, null, { alignment: right }).value = {
      formula: `${fundsScoreCell}+SUM(${A(7, firstInd)}:${A(7, lastInd)})`,
      result: Math.round(result * 1e9) / 1e9,
    };
  } else {
    num(7, r, spec.total.score);
  }
  set(8, r, null);
  ws.getRow(r).height = 22;

  return {
    top: row,
    bottom: r,
    range: `${A(0, row)}:${A(8, r)}`,
    rate: rateCell,
    fundsScore: fundsScoreCell,
    total: totalCell,
    totalWeight: A(6, r),
    scores,
    actuals,
    reasons,
    firstIndicatorRow: firstInd,
  };
}

function setWidths(ws: ExcelJS.Worksheet, col: number): void {
  FORM_WIDTHS.forEach((w, i) => {
    ws.getColumn(col + i).width = w;
  });
}

function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata, so a rebuild gives the same workbook.
  wb.creator = 'selfeval examples';
  wb.lastModifiedBy = 'selfeval examples';
  wb.created = new Date(Date.UTC(2022, 2, 31));
  wb.modified = new Date(Date.UTC(2022, 2, 31));
  return wb;
}

// ---------------------------------------------------------------------------------------------------------
// The seed form, as printed (shared/seed/form-2021-shanghai.txt).

const SEED_PLAN =
  '1、为失独家庭提供关怀服务。2、通过项目实施扩大宣传和影响，营造全社会关注和支持失独家庭的良好氛围。' +
  '3、通过实践进一步提升计生协工作人员的业务能力和项目管理能力。 4、全面贯彻党的十九大精神，以习近平' +
  '中国特色社会主义思想为主导，广泛开展民法典普法工作，建设计生协权益维护新载体，落地落实计生协“权益维' +
  '护”重要职责，推进计生特殊家庭法律维权工作；根据上海本地实际和特点，围绕计生家庭、计生困难家庭、计生' +
  '特殊家庭、孕产妇和哺乳期妇女、流动人口、青少年等开展维权服务。以法治思维和法治方法解决他们最关心、最' +
  '直接、最现实的利益问题。有针对性的开展法律援助、法律咨询、普法讲座活动，让上述群体感受到社会的温暖和' +
  '爱心，引导他们知法敬法、遵法守法，依法主张维护合法权利；争取用3到5年时间，将服务平台建设成为具备法' +
  '律咨询、法律援助和热线服务等多功能的计生协维权新载体，实现计生协“权益维护”工作的专业性、专有性和不' +
  '可替代性，切实维护育龄群众和计划生育家庭合法权益。';

const SEED_DONE =
  '一是全面落实《关于开展上海市计划生育特殊家庭“暖心行动”的通知》和《关于上海市计生特殊家庭“暖心家园”' +
  '设置标准的通知》，推动特扶工作更加规范、制度更加健全、活动更加多样、内容更加丰富。举办全市“暖心行动”' +
  '参观交流活动，巩固行动成果，总结经验，表彰先进，深入推进本市“暖心行动”。截止2021年年底，全市建成暖' +
  '心家园227个，按期完成各街镇暖心家园全覆盖。二是在全市开展“暖心家园健康行”等服务项目，委托社会专业力' +
  '量，将哀伤辅导、情绪管理、认知训练、有氧锻炼、居家护理等心理健康、失能预防、老年护理等适宜干预技术，' +
  '以及防摔帽、急救包、《哀伤疗愈》等健康辅具类的暖心行动宣传品，菜单式配送至全市暖心家园，服务覆盖全市' +
  '所有街镇，引导特殊家庭实现健康、积极、安全的老年生活方式，年内完成90场“暖心家园健康行”专题讲座，服' +
  '务群众近5000人次，配送暖心宣传品12000余份。三是依托中计协计生家庭权益维护项目，统筹运用公共法律资源' +
  '，搭建线上线下全方位法律服务新载体。在市司法局支持下组建公益律师团队，通过市卫健委“一键通”援助平台“' +
  '嵌入式”开通法律咨询服务热线（每周五运行）。截止12月底共接听解答群众来电近400个，日平均电话接听量15' +
  '个，电话接通率100%，座席评价满意率100%。四是利用市计生协微信公众号开通“以案说法”专栏，聚焦家事法律' +
  '案例发布普法推文40余篇，阅读点击量近6000人次。制作“以案说法”普法折页5万余份，开展“送法到身边”线下' +
  '法律服务17场、线上服务1场，服务群众近12万人。五是承接中国计生协权益维护工作模式探索课题和计生家庭权益' +
  '维护项目，指导推进帮扶工作区级项目10个。发挥上海市生育关怀专项基金作用，实施关怀计生特殊家庭公益项目' +
  '16个，投入资金47.7万元，项目覆盖全市13个区。六是完善多方参与的特扶工作新模式，激发特扶工作新活力。举' +
  '办社会组织交流研讨活动，挖掘一批符合计生协事业发展需要的专业社会力量，扩大选择范围，实现计生协与社会' +
  '力量的共融发展。全年通过社会公开招募、政府采购等多种方式，汇聚盘活近30家专业社会组织、高校、企事业单' +
  '位，广泛参与到特扶项目的设计、采购、实施、评估等各环节工作中，实现专业服务和群众需求的精准对接。';

export const SEED_FORM: FormSpec = {
  title: '财政项目支出绩效自评表',
  year: '2021',
  project: '计生特殊家庭帮扶及权益维护',
  department: '上海市卫生健康委员会',
  implementer: '上海市计划生育协会',
  unit: '元',
  funds: {
    label: '年度资金总额',
    initial: 1100000,
    annual: 991403,
    // Pasted from the finance system as text, with its thousands separator, as the PDF shows it.
    executed: '965,043.97',
    weight: 10,
    // Typed in as printed: 97.35% (the exact rate is 97.3412%).
    rate: 0.9735,
    score: 9.73,
    moneyFormat: '0.00',
  },
  breakdown: [
    { label: '其中：当年财政拨款', initial: 1100000, annual: 991403, executed: 965043.97 },
    { label: '上年结转资金', initial: 0, annual: 0, executed: null },
    { label: '其他资金', initial: 0, annual: 0, executed: null },
  ],
  goals: { plan: SEED_PLAN, done: SEED_DONE },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '暖心家园健康行服务场次',
      target: '=90',
      actual: 90,
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '普法宣传品/册发放',
      target: '=3000份',
      actual: 50000,
      weight: 10,
      score: 10,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '项目支出符合协会财务制度规定',
      target: '=1百分比',
      actual: 1,
      weight: 10,
      score: 10,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '年底之前预算执行率',
      target: '=1百分比',
      actual: 1,
      weight: 10,
      score: 9.7,
      reason: '疫情原因减少部分工作培训。',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '计生特殊家庭宣传品制作发放',
      target: '=10000个',
      actual: 12000,
      weight: 15,
      score: 15,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '普法活动覆盖人数',
      target: '=800人',
      actual: 120000,
      weight: 15,
      score: 15,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '暖心家园健康行评估满意度',
      target: '>=0.9百分比',
      actual: '>=0.9',
      weight: 5,
      score: 5,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '法律咨询讲座或活动服务对象满意度',
      target: '>=0.9百分比',
      actual: '>=0.9',
      weight: 5,
      score: 5,
    },
  ],
  total: { weight: 100, score: 99.43 },
};

export const SEED_SHEET = '自评表';
export const SEED_FILE = '2021-计生特殊家庭帮扶及权益维护.xlsx';

/** The seed form as a workbook of one sheet, laid out like the printed form. */
export function buildSeedWorkbook(): { workbook: ExcelJS.Workbook; cells: FormCells } {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(SEED_SHEET, { views: [{ showGridLines: false }] });
  setWidths(ws, 1);
  printSetup(ws);
  const cells = writeForm(ws, SEED_FORM, 1, 1);
  ws.pageSetup.printArea = cells.range;
  return { workbook: wb, cells };
}

// ---------------------------------------------------------------------------------------------------------
// A workbook with several forms and deliberate mistakes.

const GENERIC_GOALS = (what: string): { plan: string; done: string } => ({
  plan: `按年度计划完成${what}各项任务，资金使用规范，服务对象满意。`,
  done: `已按计划完成${what}主要任务，资金按规定使用，具体情况见各项指标。`,
});

/** 社区居家养老服务补贴: 万元, the rate and the total as formulas; the funds score is typed wrong (9.5 for
 *  9.42), and 服务老年人数 misses its target but keeps full marks with no reason. */
export const FORM_ELDERLY: FormSpec = {
  title: '项目支出绩效自评表',
  year: '2022',
  project: '社区居家养老服务补贴',
  department: '某区民政局',
  implementer: '某区养老服务指导中心',
  unit: '万元',
  funds: {
    label: '年度资金总额',
    initial: 500,
    annual: 480,
    executed: 452.16,
    weight: 10,
    rate: 'formula',
    score: 9.5,
    moneyFormat: '#,##0.00',
  },
  breakdown: [
    { label: '其中：当年财政拨款', initial: 450, annual: 430, executed: 405.16 },
    { label: '上年结转资金', initial: 30, annual: 30, executed: 27 },
    { label: '其他资金', initial: 20, annual: 20, executed: 20 },
  ],
  goals: GENERIC_GOALS('社区居家养老服务补贴'),
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '服务老年人数',
      target: '≥1200人',
      actual: 1100,
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '服务回访合格率',
      target: '≥95%',
      actual: '96%',
      weight: 15,
      score: 15,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '补贴发放',
      target: '及时',
      actual: '及时',
      weight: 15,
      score: 15,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '老年人生活质量',
      target: '明显提升',
      actual: '明显提升',
      weight: 30,
      score: 28,
      reason: '部分社区上门服务频次不足，下年度增加服务人员。',
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '服务对象满意度',
      target: '≥90%',
      actual: '93%',
      weight: 10,
      score: 10,
    },
  ],
  total: { weight: 100, score: 'formula' },
};

/** 基本公共卫生服务: 元; the rate is 82.5% with no reason, the 其中 rows of 全年执行数 do not add up, and a
 *  qualitative row graded 基本合规 (部分达成) is scored above its band. */
export const FORM_HEALTH: FormSpec = {
  title: '项目支出绩效自评表',
  year: '2022',
  project: '基本公共卫生服务',
  department: '某区卫生健康委员会',
  implementer: '某区疾病预防控制中心',
  unit: '元',
  funds: {
    label: '年度资金总额',
    initial: 2000000,
    annual: 2000000,
    executed: 1650000,
    weight: 10,
    rate: '82.50%',
    score: 8.25,
    moneyFormat: '#,##0.00',
  },
  breakdown: [
    { label: '其中：当年财政拨款', initial: 1800000, annual: 1800000, executed: 1450000 },
    { label: '上年结转资金', initial: 150000, annual: 150000, executed: 100000 },
    { label: '其他资金', initial: 50000, annual: 50000, executed: 50000 },
  ],
  goals: GENERIC_GOALS('基本公共卫生服务'),
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '居民健康档案建档人数',
      target: '≥50000人',
      actual: 52000,
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '成本指标',
      name: '人均服务成本',
      target: '≤40元',
      actual: '38元',
      weight: 15,
      score: 15,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '服务规范',
      target: '合规',
      actual: '基本合规',
      weight: 15,
      score: 13,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '重点人群健康管理率',
      target: '≥70%',
      actual: '72%',
      weight: 30,
      score: 30,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '居民满意度',
      target: '≥85%',
      actual: '88%',
      weight: 10,
      score: 10,
    },
  ],
  total: { weight: 100, score: 96.25 },
};

/** 公共文化场馆免费开放: a clean form (every figure right, nothing to flag). */
export const FORM_CULTURE: FormSpec = {
  title: '项目支出绩效自评表',
  year: '2022',
  project: '公共文化场馆免费开放',
  department: '某区文化和旅游局',
  implementer: '某区文化馆',
  unit: '元',
  funds: {
    label: '年度资金总额',
    initial: 300000,
    annual: 300000,
    executed: 300000,
    weight: 10,
    rate: 1,
    score: 10,
    moneyFormat: '#,##0.00',
  },
  breakdown: [
    { label: '其中：当年财政拨款', initial: 300000, annual: 300000, executed: 300000 },
    { label: '上年结转资金', initial: 0, annual: 0, executed: 0 },
    { label: '其他资金', initial: 0, annual: 0, executed: 0 },
  ],
  goals: GENERIC_GOALS('公共文化场馆免费开放'),
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '免费开放场馆数',
      target: '=12个',
      actual: 12,
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '举办公益展览',
      target: '≥24场',
      actual: 26,
      weight: 15,
      score: 15,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '全年开放天数',
      target: '≥300天',
      actual: 305,
      weight: 15,
      score: 15,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '年接待观众',
      target: '≥20万人次',
      actual: '21.5万人次',
      weight: 30,
      score: 30,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '观众满意度',
      target: '≥90%',
      actual: '95%',
      weight: 10,
      score: 10,
    },
  ],
  total: { weight: 100, score: 100 },
};

/** 非遗保护传承: the weights add up to 95 under a printed 100, one actual is missing, and the printed total
 *  (95) is not the sum of the printed scores (92.8). */
export const FORM_HERITAGE: FormSpec = {
  title: '项目支出绩效自评表',
  year: '2022',
  project: '非遗保护传承',
  department: '某区文化和旅游局',
  implementer: '某区非物质文化遗产保护中心',
  unit: '元',
  funds: {
    label: '年度资金总额',
    initial: 120000,
    annual: 100000,
    executed: 98000,
    weight: 10,
    rate: 0.98,
    score: 9.8,
    moneyFormat: '#,##0.00',
  },
  breakdown: [
    { label: '其中：当年财政拨款', initial: 120000, annual: 100000, executed: 98000 },
    { label: '上年结转资金', initial: 0, annual: 0, executed: 0 },
    { label: '其他资金', initial: 0, annual: 0, executed: 0 },
  ],
  goals: GENERIC_GOALS('非遗保护传承'),
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '传承人培训人次',
      target: '≥200人次',
      actual: 180,
      weight: 20,
      score: 18,
      reason: '部分培训因场地调整顺延至次年。',
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '培训合格率',
      target: '≥95%',
      actual: null,
      weight: 15,
      score: 15,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '项目按期完成',
      target: '按期完成',
      actual: '按期完成',
      weight: 10,
      score: 10,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '非遗展演受众',
      target: '≥5000人次',
      actual: 6200,
      weight: 30,
      score: 30,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '参训人员满意度',
      target: '≥90%',
      actual: '96%',
      weight: 10,
      score: 10,
    },
  ],
  total: { weight: 100, score: 95 },
};

export const MULTI_FILE = '多项目汇总-2022.xlsx';

export interface MultiCells {
  elderly: FormCells;
  health: FormCells;
  culture: FormCells;
  heritage: FormCells;
}

/** 填表说明 (no form), 养老服务, 公共卫生, and 文化项目 with two forms stacked from B2. */
export function buildMultiWorkbook(): { workbook: ExcelJS.Workbook; cells: MultiCells } {
  const wb = newWorkbook();
  const notes = wb.addWorksheet('填表说明');
  notes.getColumn(1).width = 100;
  [
    '2022年度项目支出绩效自评汇总（示例）',
    '本工作簿收录四张自评表：“养老服务”“公共卫生”各一张，“文化项目”上下两张。',
    '其中有几处故意留下的错误，用于演示审核结果：执行率得分、指标得分、其中项合计、定性指标分档、分值合计与总分。',
    '金额单位以各表“项目资金”栏标注为准。',
  ].forEach((t, i) => {
    const c = notes.getCell(`A${i + 1}`);
    c.value = t;
    c.style = { font: { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 }, alignment: { wrapText: true } };
  });

  const one = (name: string, spec: FormSpec): FormCells => {
    const ws = wb.addWorksheet(name, { views: [{ showGridLines: false }] });
    setWidths(ws, 1);
    printSetup(ws);
    return writeForm(ws, spec, 1, 1);
  };
  const elderly = one('养老服务', FORM_ELDERLY);
  const health = one('公共卫生', FORM_HEALTH);

  const ws = wb.addWorksheet('文化项目', { views: [{ showGridLines: false }] });
  ws.getColumn(1).width = 3;
  setWidths(ws, 2);
  printSetup(ws);
  const culture = writeForm(ws, FORM_CULTURE, 2, 2);
  const heritage = writeForm(ws, FORM_HERITAGE, culture.bottom + 3, 2);
  return { workbook: wb, cells: { elderly, health, culture, heritage } };
}

/** What a rebuild compares: the workbook as the model sees it, plus merges and row heights per sheet. */
function fingerprint(wb: ExcelJS.Workbook): unknown {
  return {
    model: workbookToModel(wb, ''),
    sheets: wb.worksheets.map((ws) => {
      const heights: (number | undefined)[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => (heights[n] = row.height));
      return { merges: [...ws.model.merges].sort(), heights, pageSetup: ws.pageSetup };
    }),
  };
}

/**
 * Write both sample workbooks into `dir`. A file whose content is already what the script builds is left alone:
 * .xlsx zips carry the time they were written, so rewriting would change the bytes of an unchanged workbook.
 */
export async function writeExamples(dir: string): Promise<{ file: string; written: boolean }[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: { file: string; written: boolean }[] = [];
  for (const [name, build] of [
    [SEED_FILE, buildSeedWorkbook],
    [MULTI_FILE, buildMultiWorkbook],
  ] as const) {
    const file = path.join(dir, name);
    const bytes = await workbookBytes(build().workbook);
    let same = false;
    if (fs.existsSync(file)) {
      try {
        const [old, fresh] = await Promise.all([loadWorkbook(fs.readFileSync(file)), loadWorkbook(bytes)]);
        same = isDeepStrictEqual(fingerprint(old), fingerprint(fresh));
      } catch {
        same = false;
      }
    }
    if (!same) fs.writeFileSync(file, bytes);
    out.push({ file, written: !same });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, '..', 'examples');
  writeExamples(dir).then(
    (files) => {
      for (const f of files) {
        const shown = path.relative(process.cwd(), f.file);
        console.log(f.written ? `已生成 / written: ${shown}` : `未变 / unchanged: ${shown}`);
      }
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
