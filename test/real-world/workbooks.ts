// Messy real-world variants of the 项目支出绩效自评表, built with ExcelJS the way finance staff lay them out
// (scoring-rules.md sections (b) and (c)). Each builder returns the workbook and the file name it is saved under;
// the tests hold the hand-worked figures and the cells they expect.
import ExcelJS from 'exceljs';

/** A cell value: text or number as typed, a formula with its cached result, or a value with a number format. */
export type V = string | number | null | { formula: string; result?: number } | { v: V; fmt: string };

export interface Built {
  file: string;
  workbook: ExcelJS.Workbook;
}

const COLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const col = (letter: string, offset: number): string => COLS[COLS.indexOf(letter) + offset];

/** A percent-formatted number (0.9735 shown as 97.35%). */
export const pct = (v: number | { formula: string; result?: number }, fmt = '0.00%'): V => ({ v, fmt });
/** A formula with the result Excel cached when the file was saved. */
export const fx = (formula: string, result: number): { formula: string; result: number } => ({
  formula,
  result,
});

export function put(ws: ExcelJS.Worksheet, addr: string, value: V): void {
  const cell = ws.getCell(addr);
  if (value !== null && typeof value === 'object' && 'fmt' in value) {
    cell.value = value.v as ExcelJS.CellValue;
    cell.numFmt = value.fmt;
  } else {
    cell.value = value as ExcelJS.CellValue;
  }
}

/** Values across consecutive columns from `start` ("B6"); null leaves the cell empty. */
export function line(ws: ExcelJS.Worksheet, start: string, values: V[]): void {
  const m = /^([A-Z])(\d+)$/.exec(start)!;
  values.forEach((v, i) => {
    if (v !== null) put(ws, `${col(m[1], i)}${m[2]}`, v);
  });
}

function merge(ws: ExcelJS.Worksheet, range: string): void {
  ws.mergeCells(range);
}

// ---------------------------------------------------------------------------------------------------------------
// The 2020+ central layout in nine columns from `c0` (A by default), top row `top`. Labels are parameters so that
// the Hubei, pre-2020 and traditional-character variants can reuse it.

export interface StdLabels {
  title: string;
  year: string;
  ids: [string, string, string];
  fundsLabel: string;
  fundsHeaders: [string, string, string, string, string, string];
  totalRow: string;
  goals: [string, string, string];
  indicatorBlock: string;
  indicatorHeaders: [string, string, string, string, string, string, string, string];
  totalLabel: string;
}

export const MOF_LABELS: StdLabels = {
  title: '项目支出绩效自评表',
  year: '（2022年度）',
  ids: ['项目名称', '主管部门', '实施单位'],
  fundsLabel: '项目资金（万元）',
  fundsHeaders: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  totalRow: '年度资金总额',
  goals: ['年度总体目标', '预期目标', '实际完成情况'],
  indicatorBlock: '绩效指标',
  indicatorHeaders: [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ],
  totalLabel: '总分',
};

/** [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因]; null = a blank row inside the table. */
export type Ind = [string, string, string, V, V, V, V, string] | null;

export interface StdForm {
  labels: StdLabels;
  project: string;
  department: string;
  implementer: string;
  /** 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 of the total row. */
  funds: [V, V, V, V, V, V];
  /** [label, 年初, 全年, 执行] */
  breakdown: [string, V, V, V][];
  goals: [string, string];
  indicators: Ind[];
  total: [V, V];
  /** Merge the 一级指标 cell down over its rows (as printed forms do). */
  mergeLevel1?: boolean;
}

/** Rows of a standard form placed at `top` from column `c0`: where each part landed (1-based rows). */
export interface StdRows {
  top: number;
  fundsRow: number;
  headerRow: number;
  firstIndicator: number;
  totalRow: number;
  bottom: number;
}

export function standardForm(ws: ExcelJS.Worksheet, spec: StdForm, top = 1, c0 = 'A'): StdRows {
  const L = spec.labels;
  const C = (i: number): string => col(c0, i);
  let r = top;
  put(ws, `${C(0)}${r}`, L.title);
  merge(ws, `${C(0)}${r}:${C(8)}${r}`);
  r++;
  put(ws, `${C(0)}${r}`, L.year);
  merge(ws, `${C(0)}${r}:${C(8)}${r}`);
  r++;
  put(ws, `${C(0)}${r}`, L.ids[0]);
  merge(ws, `${C(0)}${r}:${C(1)}${r}`);
  put(ws, `${C(2)}${r}`, spec.project);
  merge(ws, `${C(2)}${r}:${C(8)}${r}`);
  r++;
  put(ws, `${C(0)}${r}`, L.ids[1]);
  merge(ws, `${C(0)}${r}:${C(1)}${r}`);
  put(ws, `${C(2)}${r}`, spec.department);
  merge(ws, `${C(2)}${r}:${C(4)}${r}`);
  put(ws, `${C(5)}${r}`, L.ids[2]);
  put(ws, `${C(6)}${r}`, spec.implementer);
  merge(ws, `${C(6)}${r}:${C(8)}${r}`);
  r++;
  const fundsTop = r;
  put(ws, `${C(0)}${r}`, L.fundsLabel);
  merge(ws, `${C(0)}${r}:${C(0)}${r + 1 + spec.breakdown.length}`);
  line(ws, `${C(3)}${r}`, L.fundsHeaders);
  r++;
  const fundsRow = r;
  put(ws, `${C(1)}${r}`, L.totalRow);
  merge(ws, `${C(1)}${r}:${C(2)}${r}`);
  line(ws, `${C(3)}${r}`, spec.funds);
  r++;
  for (const [label, i, a, e] of spec.breakdown) {
    put(ws, `${C(1)}${r}`, label);
    merge(ws, `${C(1)}${r}:${C(2)}${r}`);
    line(ws, `${C(3)}${r}`, [i, a, e, '—']);
    merge(ws, `${C(6)}${r}:${C(8)}${r}`);
    r++;
  }
  void fundsTop;
  put(ws, `${C(0)}${r}`, L.goals[0]);
  merge(ws, `${C(0)}${r}:${C(0)}${r + 1}`);
  put(ws, `${C(1)}${r}`, L.goals[1]);
  merge(ws, `${C(1)}${r}:${C(4)}${r}`);
  put(ws, `${C(5)}${r}`, L.goals[2]);
  merge(ws, `${C(5)}${r}:${C(8)}${r}`);
  r++;
  put(ws, `${C(1)}${r}`, spec.goals[0]);
  merge(ws, `${C(1)}${r}:${C(4)}${r}`);
  put(ws, `${C(5)}${r}`, spec.goals[1]);
  merge(ws, `${C(5)}${r}:${C(8)}${r}`);
  r++;
  const headerRow = r;
  put(ws, `${C(0)}${r}`, L.indicatorBlock);
  merge(ws, `${C(0)}${r}:${C(0)}${r + spec.indicators.length}`);
  line(ws, `${C(1)}${r}`, L.indicatorHeaders);
  r++;
  const firstIndicator = r;
  let groupStart = -1;
  const closeGroup = (end: number): void => {
    if (spec.mergeLevel1 && groupStart >= 0 && end > groupStart)
      merge(ws, `${C(1)}${groupStart}:${C(1)}${end}`);
  };
  for (const ind of spec.indicators) {
    if (ind) {
      if (ind[0] !== '') {
        closeGroup(r - 1);
        groupStart = r;
      }
      line(
        ws,
        `${C(1)}${r}`,
        ind.map((v) => (v === '' ? null : v)),
      );
    }
    r++;
  }
  closeGroup(r - 1);
  const totalRow = r;
  put(ws, `${C(1)}${r}`, L.totalLabel);
  merge(ws, `${C(1)}${r}:${C(5)}${r}`);
  line(ws, `${C(6)}${r}`, spec.total);
  return { top, fundsRow, headerRow, firstIndicator, totalRow, bottom: r };
}

function book(sheet = 'Sheet1'): { workbook: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  return { workbook, ws: workbook.addWorksheet(sheet) };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Sichuan 2023: 部门预算项目支出绩效自评表, 报表编号, 实施单位（盖章）, 预算执行情况(万元)(10分), 调整后预算数/预算执行数,
//    split 指标性质/指标值/度量单位, 完成值, 权重, 未完成原因分析, 合计, and 评价结论/存在问题 blocks after the table.
//    Columns A..K. Funds total row 6 (D 年初, E 调整后, F 执行, G 权重, H 执行率, I 得分); indicators rows 13–18
//    (E 指标性质, F 指标值, G 度量单位, H 完成值, I 权重, J 得分, K 未完成原因分析); 合计 row 19.
export function sichuan2023(): Built {
  const { workbook, ws } = book('510000_0013zp');
  put(ws, 'A1', '部门预算项目支出绩效自评表');
  merge(ws, 'A1:K1');
  put(ws, 'A2', '（2023年度）');
  merge(ws, 'A2:G2');
  put(ws, 'H2', '报表编号：510000_0013zp');
  merge(ws, 'H2:K2');
  line(ws, 'A3', ['项目名称', null, '51000021R000000012345-乡村振兴农技推广补助']);
  merge(ws, 'A3:B3');
  merge(ws, 'C3:K3');
  line(ws, 'A4', [
    '主管部门',
    null,
    '四川省农业农村厅',
    null,
    null,
    '实施单位（盖章）',
    null,
    '四川省农业技术推广总站',
  ]);
  merge(ws, 'A4:B4');
  merge(ws, 'C4:E4');
  merge(ws, 'F4:G4');
  merge(ws, 'H4:K4');
  put(ws, 'A5', '预算执行情况(万元)(10分)');
  merge(ws, 'A5:A9');
  line(ws, 'D5', ['年初预算数', '调整后预算数', '预算执行数', '权重', '预算执行率', '得分']);
  line(ws, 'B6', ['年度资金总额', null, 120, 150, 126, 10, pct(0.84), 8.4]);
  line(ws, 'B7', ['其中：财政资金', null, 100, 130, 110]);
  line(ws, 'B8', ['财政专户管理资金', null, 0, 0, 0]);
  line(ws, 'B9', ['单位资金', null, 20, 20, 16]);
  for (let r = 6; r <= 9; r++) merge(ws, `B${r}:C${r}`);
  put(ws, 'A10', '年度总体目标');
  merge(ws, 'A10:A11');
  line(ws, 'B10', ['项目年度目标', null, null, null, '项目实施内容及过程概述']);
  merge(ws, 'B10:E10');
  merge(ws, 'F10:K10');
  line(ws, 'B11', ['推广主导品种和主推技术，培训农民5000人次。', null, null, null, '全年培训农民5200人次。']);
  merge(ws, 'B11:E11');
  merge(ws, 'F11:K11');
  put(ws, 'A12', '绩效指标(90分)');
  merge(ws, 'A12:A18');
  line(ws, 'B12', [
    '一级指标',
    '二级指标',
    '三级指标',
    '指标性质',
    '指标值',
    '度量单位',
    '完成值',
    '权重',
    '得分',
    '未完成原因分析',
  ]);
  line(ws, 'B13', ['产出指标', '数量指标', '培训农民人次', '≥', 5000, '人次', 5200, 20, 20]);
  line(ws, 'C14', [
    '质量指标',
    '主推技术到位率',
    '≥',
    95,
    '%',
    90,
    20,
    18.95,
    '部分乡镇农技人员不足，下年度加强培训',
  ]);
  line(ws, 'C15', ['时效指标', '项目完成时间', '≤', 12, '月', 12, 10, 10]);
  line(ws, 'C16', ['成本指标', '亩均补助标准', '≤', 300, '元', 320, 10, 9]);
  merge(ws, 'B13:B16');
  line(ws, 'B17', ['效益指标', '经济效益指标', '带动农户增收', '≥', 500, '万元', 520, 15, 15]);
  line(ws, 'C18', ['社会效益指标', '受益农户数', '≥', 1000, '户', 1000, 15, 15]);
  merge(ws, 'B17:B18');
  line(ws, 'A19', ['合计', null, null, null, null, null, null, null, 100, 96.35]);
  merge(ws, 'A19:H19');
  line(ws, 'A20', ['评价结论', '项目总体完成较好，自评得分96.35分，等级为优。']);
  merge(ws, 'B20:K20');
  line(ws, 'A21', ['存在问题', '预算调整后执行进度偏慢，执行率84%。']);
  merge(ws, 'B21:K21');
  line(ws, 'A22', ['改进措施', '加快资金拨付进度。']);
  merge(ws, 'B22:K22');
  line(ws, 'A23', [
    '项目负责人：张三',
    null,
    null,
    null,
    '财务负责人：李四',
    null,
    null,
    null,
    '填报日期：2024年3月1日',
  ]);
  return { file: 'sichuan-2023.xlsx', workbook };
}

// 2. Anhui 2022: 产出指标(50分)… in the level-1 labels, 其中:本年财政拨款, and the 0/0/0 total row under a sub-row of
//    90 / 89.974 / 89.974. Standard layout from A1 (funds row 6, indicators rows 13–17, 总分 row 18).
export function anhui2022(): Built {
  const { workbook, ws } = book('自评表');
  standardForm(ws, {
    labels: { ...MOF_LABELS, year: '（2022年度）' },
    project: '城区公厕提升改造',
    department: '219-池州市城市管理局',
    implementer: '池州市环境卫生管理处',
    funds: [0, 0, 0, 10, pct(1), 10],
    breakdown: [
      ['其中:本年财政拨款', 90, 89.974, 89.974],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', '—', '—', '—'],
    ],
    goals: ['改造城区公厕12座。', '完成改造12座，通过验收。'],
    indicators: [
      ['产出指标(50分)', '数量指标', '改造公厕数量', '≥12座', '12座', 20, 20, ''],
      ['', '质量指标', '验收合格率', '=100%', '100%', 15, 15, ''],
      ['', '时效指标', '项目按期完工', '达成预期指标', '达成预期指标', 15, 11, ''],
      ['效益指标(30分)', '社会效益指标', '改善市民如厕环境', '达成预期指标', '达成预期指标', 30, 27, ''],
      ['满意度指标(10分)', '服务对象满意度指标', '市民满意度', '≥90%', '95%', 10, 10, ''],
    ],
    total: [100, 93],
    mergeLevel1: true,
  });
  return { file: 'anhui-2022.xlsx', workbook };
}

// 3. Yunnan 2020: 年度指标值 split over 指标性质/指标值/度量单位 on a second header row, an indicator in 元 while the
//    block is in 万元 (﹦72890元 vs 7.29万元, U+FE66), 9/10 and 27/30 on met targets with no reason.
//    Columns A..K; funds row 6 (D..I); header rows 12–13; indicators rows 14–18
//    (E 指标性质, F 指标值, G 度量单位, H 实际完成值, I 分值, J 得分, K 偏差原因); 总分 row 19.
export function yunnan2020(): Built {
  const { workbook, ws } = book('Sheet1');
  put(ws, 'A1', '项目支出绩效自评表');
  merge(ws, 'A1:K1');
  put(ws, 'A2', '（2020年度）');
  merge(ws, 'A2:K2');
  line(ws, 'A3', ['项目名称', null, '基层农技人员能力提升培训']);
  merge(ws, 'A3:B3');
  merge(ws, 'C3:K3');
  line(ws, 'A4', ['主管部门', null, '云南省农业农村厅', null, null, '实施单位', '云南省农业广播电视学校']);
  merge(ws, 'A4:B4');
  merge(ws, 'C4:E4');
  merge(ws, 'G4:K4');
  put(ws, 'A5', '项目资金（万元）');
  merge(ws, 'A5:A8');
  line(ws, 'D5', ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  line(ws, 'B6', ['年度资金总额', null, 50, 50, 48.5, 10, '97%', 9.7]);
  line(ws, 'B7', ['其中：当年财政拨款', null, 50, 50, 48.5]);
  line(ws, 'B8', ['上年结转资金', null, '/', '/', '/']);
  for (let r = 6; r <= 8; r++) merge(ws, `B${r}:C${r}`);
  put(ws, 'A9', '年度总体目标');
  merge(ws, 'A9:A10');
  line(ws, 'B9', ['预期目标', null, null, null, null, '实际完成情况']);
  merge(ws, 'B9:F9');
  merge(ws, 'G9:K9');
  line(ws, 'B10', ['培训基层农技人员300人次。', null, null, null, null, '培训320人次。']);
  merge(ws, 'B10:F10');
  merge(ws, 'G10:K10');
  put(ws, 'A11', '（金额单位：万元）');
  put(ws, 'A12', '绩效指标');
  merge(ws, 'A12:A18');
  line(ws, 'B12', [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    null,
    null,
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ]);
  merge(ws, 'E12:G12');
  for (const c of ['B', 'C', 'D', 'H', 'I', 'J', 'K']) merge(ws, `${c}12:${c}13`);
  line(ws, 'E13', ['指标性质', '指标值', '度量单位']);
  line(ws, 'B14', ['产出指标', '数量指标', '培训人次', '≥', 300, '人次', 320, 20, 20]);
  line(ws, 'C15', ['质量指标', '培训考核合格率', '≥', 95, '%', 96, 20, 20]);
  line(ws, 'C16', ['成本指标', '人均培训成本', '﹦', 72890, '元', '7.29万元', 10, 9]);
  merge(ws, 'B14:B16');
  line(ws, 'B17', ['效益指标', '社会效益指标', '农技服务群众知晓率', '≥', 95, '%', 96, 30, 27]);
  line(ws, 'B18', ['满意度指标', '服务对象满意度指标', '学员满意度', '≥', 90, '%', 0.95, 10, 10]);
  line(ws, 'B19', ['总分', null, null, null, null, null, null, 100, 95.7]);
  merge(ws, 'B19:H19');
  return { file: 'yunnan-2020.xlsx', workbook };
}

// 4. Hubei unit form: 预算数(A) / 执行数(B) / 执行率(B/A) / 得分(10分*执行率), 年初目标值(A) / 实际完成值(B), a
//    check-box line for 项目类别 in place of the year. Standard layout: funds row 6, indicators 13–16, 总分 17.
export function hubei(): Built {
  const { workbook, ws } = book('项目绩效目标自评表');
  standardForm(ws, {
    labels: {
      ...MOF_LABELS,
      title: '2022年度项目绩效目标自评表',
      year: '项目类别：□经常性项目 ☑一次性项目   项目属性：☑新增 □延续',
      fundsHeaders: ['年初预算数', '预算数(A)', '执行数(B)', '分值', '执行率(B/A)', '得分(10分*执行率)'],
      indicatorHeaders: [
        '一级指标',
        '二级指标',
        '三级指标',
        '年初目标值(A)',
        '实际完成值(B)',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
    },
    project: '城区污水管网建设',
    department: '某区水务局',
    implementer: '某区排水管理所',
    funds: [200, 180, 171.5, 10, pct(0.9528), 9.53],
    breakdown: [
      ['其中：当年财政拨款', 200, 180, 171.5],
      ['上年结转资金', '—', '—', '—'],
      ['其他资金', '—', '—', '—'],
    ],
    goals: ['新建污水管网12公里。', '完成10.5公里。'],
    indicators: [
      [
        '产出指标',
        '数量指标',
        '新建污水管网长度',
        '≥12公里',
        '10.5公里',
        30,
        26.25,
        '征地拆迁延误，剩余工程转入下年',
      ],
      ['', '时效指标', '按期完工率', '≥100%', '100%', 20, 20, ''],
      ['效益指标', '生态效益指标', '污水收集率提升', '≥5%', '6%', 30, 30, ''],
      ['满意度指标', '服务对象满意度指标', '周边居民满意度', '≥85%', '92%', 10, 10, ''],
    ],
    total: [100, 95.78],
  });
  return { file: 'hubei.xlsx', workbook };
}

// 5. A traditional-character page (項目資金 (萬元)). Standard layout from A1: funds row 6, indicators 13–15, 總分 16.
export function traditional(): Built {
  const { workbook, ws } = book('自評表');
  standardForm(ws, {
    labels: {
      title: '項目支出績效自評表',
      year: '（2022年度）',
      ids: ['項目名稱', '主管部門', '實施單位'],
      fundsLabel: '項目資金 (萬元)',
      fundsHeaders: ['年初預算數', '全年預算數', '全年執行數', '分值', '執行率', '得分'],
      totalRow: '年度資金總額',
      goals: ['年度總體目標', '預期目標', '實際完成情況'],
      indicatorBlock: '績效指標',
      indicatorHeaders: [
        '一級指標',
        '二級指標',
        '三級指標',
        '年度指標值',
        '實際完成值',
        '分值',
        '得分',
        '偏差原因分析及改進措施',
      ],
      totalLabel: '總分',
    },
    project: '社區長者服務中心運營',
    department: '某區民政局',
    implementer: '某區社會福利中心',
    funds: [100, 100, 88, 10, '88%', 8.8],
    breakdown: [
      ['其中：當年財政撥款', 100, 100, 88],
      ['上年結轉資金', 0, 0, 0],
      ['其他資金', 0, 0, 0],
    ],
    goals: ['開展長者服務。', '已完成。'],
    indicators: [
      ['產出指標', '數量指標', '培訓場次', '≥10場', '10場', 50, 50, ''],
      ['效益指標', '社會效益指標', '受益人數', '≥500人', '520人', 30, 30, ''],
      ['滿意度指標', '服務對象滿意度指標', '長者滿意度', '≥90%', '93%', 10, 10, ''],
    ],
    total: [100, 98.8],
  });
  return { file: 'traditional.xlsx', workbook };
}

// 6. The pre-2020 central template: 主管部门及代码, 年度指标值(A), 全年实际值(B), 未完成原因分析, and the scoring note
//    under the table. Standard layout from A1 with two 其中 rows: funds row 6, indicators 12–16, 总分 17, note 18.
export function central2019(): Built {
  const { workbook, ws } = book('Sheet1');
  const rows = standardForm(ws, {
    labels: {
      ...MOF_LABELS,
      year: '（2019年度）',
      ids: ['项目名称', '主管部门及代码', '实施单位'],
      indicatorHeaders: [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值(A)',
        '全年实际值(B)',
        '分值',
        '得分',
        '未完成原因分析',
      ],
    },
    project: '专项审计调查',
    department: '[123]某部',
    implementer: '某部审计司',
    funds: [500, 520, 530, 10, pct(1.0192), 10],
    breakdown: [
      ['其中：财政拨款', 500, 520, 530],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['完成专项审计项目40个。', '完成36个。'],
    indicators: [
      ['产出指标', '数量指标', '审计项目数', '≥40个', '36个', 20, 18, '人员调整'],
      ['', '质量指标', '审计报告差错率', '≤2%', '2.5%', 15, 12, '新入职人员较多'],
      ['', '成本指标', '单项审计成本', '≤12万元', '10万元', 15, 15, ''],
      ['效益指标', '经济效益指标', '挽回经济损失', '≥2000万元', '2800万元', 30, 30, ''],
      ['满意度指标', '服务对象满意度指标', '被审计单位满意度', '≥90%', '95%', 10, 10, ''],
    ],
    total: [100, 95],
  });
  put(
    ws,
    `A${rows.bottom + 1}`,
    '注：定量指标得分＝全年实际值(B)/年度指标值(A)×该指标分值，最高不超过该指标分值。',
  );
  merge(ws, `A${rows.bottom + 1}:I${rows.bottom + 1}`);
  return { file: 'central-2019.xlsx', workbook };
}

// 7. Numbers as formulas: the total row is =SUM of the 其中 rows, the rate =F6/E6 with a % format, the funds score
//    =ROUND(G6*H6,2), an indicator score and the total as formulas; a %-formatted actual (0.92 shown 92%).
//    Standard layout in 元: funds row 6, indicators 13–15, 总分 16.
export function formulas(): Built {
  const { workbook, ws } = book('Sheet1');
  const rate = 752345.6 / 810000;
  standardForm(ws, {
    labels: { ...MOF_LABELS, fundsLabel: '项目资金（元）' },
    project: '社区居家养老服务',
    department: '某区民政局',
    implementer: '某街道社区服务中心',
    funds: [
      fx('SUM(D7:D9)', 850000),
      fx('SUM(E7:E9)', 810000),
      fx('SUM(F7:F9)', 752345.6),
      10,
      pct(fx('F6/E6', rate)),
      fx('ROUND(G6*H6,2)', 9.29),
    ],
    breakdown: [
      ['其中：当年财政拨款', 800000, 760000, 702345.6],
      ['上年结转资金', 50000, 50000, 50000],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['为辖区老人提供居家养老服务1000人次。', '服务950人次。'],
    indicators: [
      [
        '产出指标',
        '数量指标',
        '服务人次',
        1000,
        950,
        50,
        fx('ROUND(F13/E13*G13,2)', 47.5),
        '疫情影响，部分服务暂停',
      ],
      ['效益指标', '社会效益指标', '服务覆盖率', '≥90%', pct(0.92, '0%'), 30, 30, ''],
      ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '96%', 10, 10, ''],
    ],
    total: [fx('SUM(G13:G15)+G6', 100), fx('SUM(H13:H15)+I6', 96.79)],
  });
  return { file: 'formulas.xlsx', workbook };
}

// 8. The form starts at column C (row 2) and a 备注 column (L) sits to its right. 元. Funds row 7 (F..K),
//    indicators rows 14–17 (level-1 in D, score in J, reason in K, 备注 in L), 总分 row 18.
export function offsetWithNotes(): Built {
  const { workbook, ws } = book('Sheet1');
  put(ws, 'A1', '附件2');
  const rows = standardForm(
    ws,
    {
      labels: { ...MOF_LABELS, fundsLabel: '项目资金（元）' },
      project: '基层医疗设备购置',
      department: '某县卫生健康局',
      implementer: '某县人民医院',
      funds: [300000, 300000, 240000, 10, pct(0.8), 8],
      breakdown: [
        ['其中：当年财政拨款', 300000, 300000, 240000],
        ['上年结转资金', 0, 0, 0],
        ['其他资金', 0, 0, 0],
      ],
      goals: ['购置医疗设备20台。', '购置16台。'],
      indicators: [
        ['产出指标', '数量指标', '设备采购数量', '=20台', '16台', 30, 24, ''],
        ['', '质量指标', '设备验收合格率', '=100%', '100%', 20, 20, ''],
        ['效益指标', '社会效益指标', '基层诊疗能力提升', '达成预期指标', '达成预期指标', 30, 28, ''],
        ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%', '91%', 10, 10, ''],
      ],
      total: [100, 90],
    },
    2,
    'C',
  );
  put(ws, `L${rows.headerRow}`, '备注');
  put(ws, `L${rows.firstIndicator}`, '见附件2：采购合同');
  put(ws, `L${rows.firstIndicator + 2}`, '已核对');
  put(ws, `L${rows.totalRow}`, '审核人：王五');
  return { file: 'offset-notes.xlsx', workbook };
}

// 9. Blank rows inside the indicator table (万元). Funds row 6, indicators at rows 13, 15, 17, 19 with blank rows
//    14, 16, 18; 总分 row 20.
export function blankRows(): Built {
  const { workbook, ws } = book('Sheet1');
  standardForm(ws, {
    labels: MOF_LABELS,
    project: '农村饮水安全巩固提升',
    department: '某县水利局',
    implementer: '某县农村供水站',
    funds: [60, 60, 60, 10, pct(1), 10],
    breakdown: [
      ['其中：当年财政拨款', 60, 60, 60],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['新建供水工程5处。', '完成5处。'],
    indicators: [
      ['产出指标', '数量指标', '新建供水工程', '≥5个', '5个', 25, 25, ''],
      null,
      ['', '质量指标', '水质达标率', '=100%', '100%', 25, 25, ''],
      null,
      ['效益指标', '社会效益指标', '受益人口', '≥1000人', '900人', 30, 27, '部分村组管网未通水'],
      null,
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '88%', 10, 9.78, ''],
    ],
    total: [100, 96.78],
    mergeLevel1: true,
  });
  return { file: 'blank-rows.xlsx', workbook };
}

// 10. Two forms on one sheet, one blank row between them. Form A (元) rows 1–16 (funds row 6, indicators 13–15,
//     总分 16); blank row 17; form B (万元) from row 18 (funds row 23, indicators 30–32, 总分 33).
export function twoFormsOneSheet(): Built {
  const { workbook, ws } = book('汇总');
  const a = standardForm(ws, {
    labels: { ...MOF_LABELS, fundsLabel: '项目资金（元）' },
    project: '社区养老服务补贴',
    department: '某区民政局',
    implementer: '某街道办事处',
    funds: [200000, 200000, 190000, 10, pct(0.95), 9.5],
    breakdown: [
      ['其中：当年财政拨款', 200000, 200000, 190000],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['服务老人500人。', '服务520人。'],
    indicators: [
      ['产出指标', '数量指标', '服务老人数', '≥500人', '520人', 50, 50, ''],
      ['效益指标', '社会效益指标', '服务覆盖率', '≥80%', '85%', 30, 30, ''],
      ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '92%', 10, 10, ''],
    ],
    total: [100, 99.5],
  });
  standardForm(
    ws,
    {
      labels: MOF_LABELS,
      project: '老旧小区改造',
      department: '某区住房和城乡建设局',
      implementer: '某区城市更新中心',
      funds: [300, 280, 252, 10, pct(0.9), 9],
      breakdown: [
        ['其中：当年财政拨款', 300, 280, 252],
        ['上年结转资金', 0, 0, 0],
        ['其他资金', 0, 0, 0],
      ],
      goals: ['改造老旧小区10个。', '完成9个。'],
      indicators: [
        ['产出指标', '数量指标', '改造小区数', '≥10个', '9个', 50, 45, '1个小区资金未到位'],
        ['效益指标', '社会效益指标', '受益户数', '≥2000户', '2100户', 30, 30, ''],
        ['满意度指标', '服务对象满意度指标', '居民满意度', '≥85%', '90%', 10, 10, ''],
      ],
      total: [100, 94],
    },
    a.bottom + 2,
  );
  return { file: 'two-forms-one-sheet.xlsx', workbook };
}

// 11. No 满意度 block: weights reallocated to 产出指标(60分) / 效益指标(30分), with a date target (≤2023年12月).
//     万元. Funds row 6, indicators 13–17, 总分 18.
export function noSatisfaction(): Built {
  const { workbook, ws } = book('Sheet1');
  standardForm(ws, {
    labels: { ...MOF_LABELS, year: '（2023年度）' },
    project: '农村公路建设',
    department: '某县交通运输局',
    implementer: '某县公路管理段',
    funds: [80, 80, 80, 10, pct(1), 10],
    breakdown: [
      ['其中：当年财政拨款', 80, 80, 80],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['建设农村公路20公里。', '建成20公里。'],
    indicators: [
      ['产出指标(60分)', '数量指标', '建设里程', '≥20公里', '20公里', 20, 20, ''],
      ['', '质量指标', '工程验收合格率', '=100%', '100%', 20, 20, ''],
      ['', '时效指标', '完工时间', '≤2023年12月', '2023年11月', 20, 20, ''],
      ['效益指标(30分)', '社会效益指标', '受益人口', '≥5万人', '5.2万人', 15, 15, ''],
      ['', '可持续影响指标', '设施设计使用年限', '≥20年', '20年', 15, 15, ''],
    ],
    total: [100, 100],
  });
  return { file: 'no-satisfaction.xlsx', workbook };
}

// 12. Qualitative-heavy: 合规 / 及时 / 达成预期指标 / 好 / 有效 targets, actuals 部分达成 / 较好 / 一般 / 较差, scores
//     in and out of band; execution rate exactly 90%. 元. Funds row 6, indicators 13–18, 总分 19.
export function qualitative(): Built {
  const { workbook, ws } = book('Sheet1');
  standardForm(ws, {
    labels: { ...MOF_LABELS, fundsLabel: '项目资金（元）' },
    project: '财政政策宣传',
    department: '某县财政局',
    implementer: '某县财政局办公室',
    funds: [50000, 50000, 45000, 10, pct(0.9), 9],
    breakdown: [
      ['其中：当年财政拨款', 50000, 50000, 45000],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['开展惠民政策宣传。', '已开展。'],
    indicators: [
      ['产出指标', '质量指标', '资金使用合规性', '合规', '合规', 20, 20, ''],
      ['', '时效指标', '项目完成及时性', '及时', '及时', 15, 11, ''],
      ['', '数量指标', '宣传覆盖面', '达成预期指标', '部分达成', 15, 10, ''],
      ['效益指标', '社会效益指标', '政策知晓度', '好', '较好', 15, 13.5, '宣传力度仍需加强'],
      ['', '可持续影响指标', '长效宣传机制', '有效', '一般', 15, 12, '机制尚未健全'],
      ['满意度指标', '服务对象满意度指标', '群众评价', '好', '较差', 10, 7, '投诉较多，正在整改'],
    ],
    total: [100, 82.5],
  });
  return { file: 'qualitative.xlsx', workbook };
}

// 13. Formulas saved without their cached results (as a generator or an export tool writes them, never opened in
//     Excel): 年初预算数 =SUM(D7:D9), 执行率 =F6/E6, 得分 =ROUND(G6*H6,2) and the 总分 =SUM(...) have no value.
//     Standard layout in 万元: funds row 6, indicators 13–17, 总分 18.
export function uncachedFormulas(): Built {
  const { workbook, ws } = book('Sheet1');
  standardForm(ws, {
    labels: MOF_LABELS,
    project: '河道保洁',
    department: '某区水务局',
    implementer: '某区河道管理所',
    funds: [{ formula: 'SUM(D7:D9)' }, 100, 95, 10, pct({ formula: 'F6/E6' }), { formula: 'ROUND(G6*H6,2)' }],
    breakdown: [
      ['其中：当年财政拨款', 100, 100, 95],
      ['上年结转资金', 0, 0, 0],
      ['其他资金', 0, 0, 0],
    ],
    goals: ['保洁河道10条。', '完成10条。'],
    indicators: [
      ['产出指标', '数量指标', '保洁河道数', '≥10条', '10条', 20, 20, ''],
      ['', '质量指标', '水面保洁达标率', '≥95%', '96%', 20, 20, ''],
      ['', '成本指标', '单条河道保洁成本', '≤5万元', '4万元', 10, 10, ''],
      ['效益指标', '生态效益指标', '河道水质改善', '≥100公里', '120公里', 30, 30, ''],
      ['满意度指标', '服务对象满意度指标', '沿岸居民满意度', '≥90%', '92%', 10, 10, ''],
    ],
    total: [100, { formula: 'SUM(H13:H17)+I6' }],
  });
  return { file: 'uncached-formulas.xlsx', workbook };
}

export const ALL = [
  sichuan2023,
  anhui2022,
  yunnan2020,
  hubei,
  traditional,
  central2019,
  formulas,
  offsetWithNotes,
  blankRows,
  twoFormsOneSheet,
  noSatisfaction,
  qualitative,
  uncachedFormulas,
];
