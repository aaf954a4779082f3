// Issue 11 through the command line: a 2023 form saved the way offices circulate it — the workbook on the 1904
// date system (Excel for Mac), the execution-rate weight written only in the block label, the indicator values
// under a merged 年度绩效指标, last year's targets kept in a hidden column, a hidden leftover row and a ……
// placeholder row, deadlines stored as real dates in zh-CN formats, the rate a percent-formatted number.
// Written to a temp .xlsx with ExcelJS and scored with `--json --no-write`; every figure worked out by hand below.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { FormReport, Report } from '../../src/core';
import { loadWorkbook, worksheetToGrid } from '../../src/hosts/xlsx';
import { fx, line, pct, put } from '../fixtures/real-world';

const FILE = '社区养老-2023-1904.xlsx';

// 1904 date system serials (days from 1904-01-01): 2023-07-15 = 45122 − 1462 = 43660; 2023-09-30 = 45199 − 1462 =
// 43737; 2023-10-01 = 45200 − 1462 = 43738. Read on the 1900 system they would fall in 2019.
function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('2023年度自评表');
  put(ws, 'A1', '项目支出绩效自评表');
  ws.mergeCells('A1:J1');
  put(ws, 'A2', '（2023年度）');
  ws.mergeCells('A2:J2');
  line(ws, 'A3', ['项目名称', '社区养老服务补贴']);
  ws.mergeCells('B3:J3');
  line(ws, 'A4', ['主管部门', '某区民政局', null, null, null, '实施单位', '某街道办事处']);
  // Funds block, no 分值 column: the weight is in the block label. 全年执行数 is merged over E:F (E is hidden).
  put(ws, 'A5', '预算执行情况（万元）（20分）');
  ws.mergeCells('A5:A8');
  line(ws, 'C5', ['年初预算数', '全年预算数', '全年执行数', null, '执行率', '得分']);
  ws.mergeCells('E5:F5');
  line(ws, 'B6', ['年度资金总额', 200, 200, 195.6, null, pct(fx('E6/D6', 0.978)), fx('20*G6', 19.56)]);
  ws.mergeCells('E6:F6');
  line(ws, 'B7', ['其中：当年财政拨款', 200, 200, 195.6]);
  ws.mergeCells('E7:F7');
  line(ws, 'B8', ['上年结转资金', 0, 0, 0]);
  ws.mergeCells('E8:F8');
  line(ws, 'A9', ['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
  ws.mergeCells('A9:A10');
  ws.mergeCells('B9:E9');
  ws.mergeCells('F9:J9');
  line(ws, 'B10', ['为辖区老人提供助餐、助浴等服务', null, null, null, '全年服务老人11400人次']);
  ws.mergeCells('B10:E10');
  ws.mergeCells('F10:J10');
  // Two header rows: 年度指标值 / 实际完成值 under a merged 年度绩效指标; E keeps last year's targets, hidden.
  put(ws, 'A11', '绩效指标');
  ws.mergeCells('A11:A18');
  line(ws, 'B11', ['一级指标', '二级指标', '三级指标', '年度指标值（上年）', '年度绩效指标']);
  line(ws, 'H11', ['分值', '得分', '偏差原因分析及改进措施']);
  for (const c of ['B', 'C', 'D', 'E', 'H', 'I', 'J']) ws.mergeCells(`${c}11:${c}12`);
  ws.mergeCells('F11:G11');
  line(ws, 'F12', ['年度指标值', '实际完成值']);
  line(ws, 'B13', ['产出指标(40分)', '数量指标', '服务老人人次', '≥10000人次', '≥12000人次', '11400人次']);
  line(ws, 'H13', [25, 23.75, '部分老人入住养老机构']);
  // A leftover of last year's form, hidden: not an indicator of this one.
  line(ws, 'C14', ['数量指标', '助餐点建设', '≥3个', '≥5个', '3个', 10, 6]);
  ws.getRow(14).hidden = true;
  line(ws, 'C15', ['时效指标', '补贴发放完成时间']);
  put(ws, 'F15', { v: 43737, fmt: 'yyyy"年"m"月"d"日"' });
  put(ws, 'G15', { v: 43660, fmt: 'yyyy"年"m"月"' });
  line(ws, 'H15', [15, 15]);
  ws.mergeCells('B13:B15');
  line(ws, 'B16', ['效益指标(30分)', '社会效益指标', '服务覆盖率', null, '≥95%', pct(0.978)]);
  line(ws, 'H16', [30, 30]);
  line(ws, 'C17', ['……', '……']);
  ws.mergeCells('B16:B17');
  line(ws, 'B18', ['满意度指标(10分)', '服务对象满意度指标', '老人满意度', null, '≥90%', '93%']);
  line(ws, 'H18', [10, 10]);
  line(ws, 'B19', ['总分', null, null, null, null, null, 100, fx('SUM(G6,I13:I18)', 98.31)]);
  ws.getColumn('E').hidden = true;
  return wb;
}

let report: Report;
let form: FormReport;
let cli: { code: number; err: string };

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-issue11-'));
  fs.writeFileSync(path.join(dir, FILE), Buffer.from(await build().xlsx.writeBuffer()));
  let out = '';
  let err = '';
  const code = await main(['--json', '--no-write', FILE], {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false, columns: 100 },
    cwd: dir,
  });
  cli = { code, err };
  report = JSON.parse(out.trim()) as Report;
  form = report.forms[0];
});

it('scores the file', () => {
  expect(cli).toEqual({ code: 0, err: '' });
  expect(report.forms).toHaveLength(1);
  expect(report.errors).toEqual([]);
});

it('takes the 20 points of 预算执行情况（20分） and the rate as its cell shows it', () => {
  // 195.6 ÷ 200 = 97.80%; the cell holds 0.978 in "0.00%" and shows 97.80%; 20 × 0.978 = 19.56
  expect(form.funds.weight).toBe('20');
  expect(form.funds.rate).toEqual({ computed: '97.80', printed: '97.80', cell: 'G6', formula: '=E6/D6' });
  expect(form.funds.score).toEqual({ computed: '19.56', printed: '19.56', cell: 'H6', formula: '=20*G6' });
  expect(form.funds.executed).toBe('195.6');
});

it('reads the visible indicator rows under the two header rows, not the hidden row or the …… row', () => {
  expect(form.indicators.map((i) => i.row)).toEqual([13, 15, 16, 18]);
  // this year's target ≥12000 (not last year's ≥10000 in hidden E): 25 × 11400 ÷ 12000 = 23.75
  expect(form.indicators[0].target.text).toBe('≥12000人次');
  expect(form.indicators.map((i) => i.score.computed)).toEqual(['23.75', '15.00', '30.00', '10.00']);
});

it('reads the 1904 dates: done in 2023年7月, due 2023年9月30日 — met, full marks', () => {
  expect(form.indicators[1].target.text).toBe('2023-09-30');
  // a 年月 format shows the month only
  expect(form.indicators[1].actual.text).toBe('2023-07');
});

it('totals 19.56 + 23.75 + 15 + 30 + 10 = 98.31 with only the 40-point 产出 split noted', () => {
  expect(form.total).toEqual({
    weight: '100',
    computed: '98.31',
    printed: '98.31',
    cell: 'I19',
    formula: '=SUM(G6,I13:I18)',
  });
  // 分值 20 + 25 + 15 + 30 + 10 = 100; 产出 25 + 15 = 40 as its label states, not the usual 50 (info only)
  expect(form.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`)).toEqual([
    'info LEVEL1_WEIGHTS_NONSTANDARD B13',
  ]);
});

describe('the xlsx reader', () => {
  it('gives hidden rows (empty ones too) and hidden columns in sheet coordinates, and changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    line(ws, 'A1', ['一级指标', '二级指标', '三级指标']);
    put(ws, 'A6', '总分');
    // Spare rows of a template: bordered, no values, hidden (ExcelJS writes a row only when it has a cell)
    for (const r of [3, 4]) {
      ws.getCell(`A${r}`).border = { top: { style: 'thin' } };
      ws.getRow(r).hidden = true;
    }
    ws.getColumn('B').hidden = true;
    const read = await loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = read.getWorksheet('S')!;
    const before = { rows: sheet.rowCount, cols: sheet.columns?.length ?? 0 };
    const grid = worksheetToGrid(sheet);
    expect(grid.hiddenRows).toEqual([2, 3]);
    expect(grid.hiddenCols).toEqual([1]);
    expect({ rows: sheet.rowCount, cols: sheet.columns?.length ?? 0 }).toEqual(before);
  });
});
