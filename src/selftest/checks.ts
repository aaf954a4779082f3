// The self-test: the Office host's behaviour checks, run against whatever Excel the page is in (real Excel, or
// the stand-in in tests and the demo), on scratch sheets it creates and removes. It reads a prepared form
// (values, formulas, merges, number formats, dates, errors), applies a plan in each explanation mode this Excel
// has, restores, and compares every cell; then it asks Excel the questions nobody has settled from the
// documentation (the probes of excel-behaviours.md §4) and reports what it saw. No DOM: the page (index.ts) and
// the tests both run it.
import { PALETTE, type CellEdit, type WritePlan } from '../core';
import { readValue } from '../core/parse';
import { createOfficeHost, type ExcelGlobal, type OfficeGlobal } from '../hosts/office';
import { probes } from './probes';
import { check, failed, SCRATCH_PREFIX, type CheckResult } from './results';

export { errorText, SCRATCH_PREFIX, type CheckResult, type CheckStatus } from './results';

export interface SelfTestEnv {
  excel: ExcelGlobal;
  office: OfficeGlobal;
}

/** The prepared form: label, value, number format, formula of column A/B rows 1–8. */
const FORM: { cell: string; value?: string | number; formula?: string; format?: string }[] = [
  { cell: 'A1', value: '项目名称' },
  { cell: 'B1', value: '自检项目' },
  { cell: 'A2', value: '全年预算数' },
  { cell: 'B2', value: 100000, format: '#,##0.00' },
  { cell: 'A3', value: '公式' },
  { cell: 'B3', formula: '=B2*2' },
  { cell: 'A4', value: '合并' },
  { cell: 'A5', value: '完成时间' },
  { cell: 'B5', value: 45291, format: 'yyyy"年"m"月"d"日"' },
  { cell: 'B6', value: 45291, format: 'm"月"d"日"' },
  { cell: 'A7', value: '执行率' },
  { cell: 'B7', value: 0.9734, format: '0.00%' },
  { cell: 'B8', formula: '=1/0' },
];
const MERGE = 'A4:B4';
const COMPARED = 'A1:C9';

/** Runs every check; the scratch sheets are removed whatever happens. */
export async function runSelfTest(env: SelfTestEnv): Promise<CheckResult[]> {
  const supports = (v: string): boolean => env.office.context.requirements.isSetSupported('ExcelApi', v);
  const out: CheckResult[] = [];
  const scratch = await createScratch(env.excel);
  try {
    await prepareForm(env.excel, scratch);
    out.push(...(await readChecks(env, scratch)));
    out.push(...(await applyRestoreChecks(env, scratch, supports)));
    out.push(...(await probes(env.excel, scratch, supports)));
  } finally {
    await removeScratch(env.excel);
  }
  out.push(await leftNothing(env.excel));
  return out;
}

async function createScratch(excel: ExcelGlobal): Promise<string> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    let name = SCRATCH_PREFIX;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${SCRATCH_PREFIX}${i}`;
    context.workbook.worksheets.add(name);
    await context.sync();
    return name;
  });
}

/** Every scratch sheet of ours (by name), and nothing else. */
async function removeScratch(excel: ExcelGlobal): Promise<void> {
  await excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name,items/visibility');
    await context.sync();
    for (const ws of sheets.items) {
      if (!ws.name.startsWith(SCRATCH_PREFIX)) continue;
      if (ws.visibility === 'VeryHidden') ws.visibility = 'Hidden';
      ws.delete();
    }
    await context.sync();
  });
}

async function prepareForm(excel: ExcelGlobal, name: string): Promise<void> {
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    for (const c of FORM) {
      const r = ws.getRange(c.cell);
      if (c.format) r.numberFormat = [[c.format]];
      if (c.formula) r.formulas = [[c.formula]];
      else r.values = [[c.value ?? '']];
    }
    ws.getRange(MERGE).merge(false);
    await context.sync();
  });
}

/** The host reads the prepared form as the core needs it. */
async function readChecks(env: SelfTestEnv, name: string): Promise<CheckResult[]> {
  const host = createOfficeHost({ excel: env.excel, office: env.office });
  let grid;
  try {
    grid = (await host.read()).sheets.find((g) => g.name === name);
  } catch (e) {
    return [failed('read', '读取准备好的表', 'Read the prepared form', e)];
  }
  if (!grid) return [check('read', '读取准备好的表', 'Read the prepared form', false, 'sheet not read')];
  const origin = grid.origin ?? { row: 0, col: 0 };
  const at = (row: number, col: number) => ({
    value: grid.values[row - origin.row]?.[col - origin.col] ?? null,
    format: grid.formats?.[row - origin.row]?.[col - origin.col] ?? null,
  });
  const date = (row: number) => {
    const c = at(row, 1);
    const d = readValue(c.value, c.format, grid.date1904 ?? false).date;
    return d
      ? `${d.year ?? ''}-${d.month ?? ''}-${d.day ?? ''}`
      : `not a date (${String(c.value)} ${c.format})`;
  };
  const merges = (grid.merges ?? []).map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`);
  return [
    check(
      'read.values',
      '读取文字和数字',
      'Read text and numbers',
      at(0, 1).value === '自检项目' && at(1, 1).value === 100000,
      `B1=${String(at(0, 1).value)} B2=${String(at(1, 1).value)}`,
    ),
    check(
      'read.formula',
      '读取公式结果',
      'Read a formula result',
      at(2, 1).value === 200000,
      `B3=${String(at(2, 1).value)}`,
    ),
    check(
      'read.merges',
      '读取合并区域',
      'Read merged areas',
      merges.includes('3,0:3,1') || !env.office.context.requirements.isSetSupported('ExcelApi', '1.13'),
      merges.join(' ') || 'none',
    ),
    check(
      'read.formats',
      '读取数字格式',
      'Read number formats',
      at(6, 1).format === '0.00%',
      `B7=${String(at(6, 1).format)}`,
    ),
    check(
      'read.date',
      '读取日期（yyyy"年"m"月"d"日"）',
      'Read a date (yyyy"年"m"月"d"日")',
      date(4) === '2023-12-31',
      date(4),
    ),
    check(
      'read.date-md',
      '读取无年份日期（m"月"d"日"）',
      'Read a year-less date (m"月"d"日")',
      date(5).startsWith('2023-12-31') || date(5).endsWith('-12-31'),
      date(5),
    ),
    check(
      'read.error',
      '读取错误值',
      'Read an error value',
      at(7, 1).value === '#DIV/0!',
      `B8=${String(at(7, 1).value)}`,
    ),
  ];
}

/** The Office namespace as an older Excel would answer: ExcelApi up to `max`. */
function capped(office: OfficeGlobal, max: string): OfficeGlobal {
  const [, maxMinor] = max.split('.').map(Number);
  return {
    context: {
      ...office.context,
      requirements: {
        isSetSupported: (set: string, v?: string) =>
          office.context.requirements.isSetSupported(set, v) &&
          (set !== 'ExcelApi' || v === undefined || Number(String(v).split('.')[1] ?? 0) <= maxMinor),
      },
    },
  };
}

interface CellSnap {
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
  fills: string[];
  fonts: string[];
}

async function snapshot(excel: ExcelGlobal, name: string): Promise<CellSnap> {
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    const range = ws.getRange(COMPARED).load('values,formulas,numberFormat,rowCount,columnCount');
    await context.sync();
    const cells: Excel.Range[] = [];
    for (let r = 0; r < range.rowCount; r++) {
      for (let c = 0; c < range.columnCount; c++)
        cells.push(range.getCell(r, c).load('format/fill/color,format/font/color'));
    }
    await context.sync();
    return {
      values: range.values,
      formulas: range.formulas,
      formats: range.numberFormat,
      fills: cells.map((c) => c.format.fill.color),
      fonts: cells.map((c) => c.format.font.color),
    };
  });
}

/** Cell by cell: the addresses that differ, with both sides. */
function differences(a: CellSnap, b: CellSnap): string[] {
  const out: string[] = [];
  const width = a.values[0]?.length ?? 0;
  const name = (i: number) => `${String.fromCharCode(65 + (i % width))}${Math.floor(i / width) + 1}`;
  a.values.flat().forEach((v, i) => {
    const pairs: [string, unknown, unknown][] = [
      ['value', v, b.values.flat()[i]],
      ['formula', a.formulas.flat()[i], b.formulas.flat()[i]],
      ['format', a.formats.flat()[i], b.formats.flat()[i]],
      ['fill', a.fills[i], b.fills[i]],
    ];
    for (const [what, x, y] of pairs) if (x !== y) out.push(`${name(i)} ${what} ${String(x)}→${String(y)}`);
  });
  return out;
}

function plan(name: string): WritePlan {
  const edit = (cell: string, kind: CellEdit['kind'], note: string, value?: number): CellEdit => {
    const e: CellEdit = { sheet: name, cell, kind, fill: PALETTE[kind].fill, note };
    if (PALETTE[kind].fontColor) e.fontColor = PALETTE[kind].fontColor;
    if (value !== undefined) e.value = value;
    return e;
  };
  return {
    mode: 'correct',
    edits: [
      edit('B2', 'written', 'selfeval 自检\n已改正', 99999),
      edit('B3', 'warning', 'selfeval 自检\n警告：公式'),
      edit('B4', 'info', 'selfeval 自检\n提示：合并'),
      edit('B7', 'error', 'selfeval 自检\n错误'),
      edit('C9', 'error', 'selfeval 自检\n空白单元格'),
    ],
  };
}

/** Apply a plan in each explanation mode this Excel has, then restore: every cell as it was. */
async function applyRestoreChecks(
  env: SelfTestEnv,
  name: string,
  supports: (v: string) => boolean,
): Promise<CheckResult[]> {
  const modes: [string, string][] = [['none', '1.9']];
  if (supports('1.10')) modes.push(['comment', '1.17']);
  if (supports('1.18')) modes.push(['note', '1.99']);
  const out: CheckResult[] = [];
  const plain = createOfficeHost({ excel: env.excel, office: env.office });
  if (await plain.hasMarks()) {
    for (const [mode] of modes)
      out.push({
        id: `apply-restore.${mode}`,
        zh: `标记并还原（${mode}）：工作簿已有标记，请先清除`,
        en: `Mark and restore (${mode}): the workbook has marks; clear them first`,
        status: 'skip',
        observed: 'hasMarks',
      });
    return out;
  }
  for (const [mode, max] of modes) {
    const zh = `标记并还原（${mode}），逐格比较`;
    const en = `Mark and restore (${mode}), compared cell by cell`;
    try {
      const host = createOfficeHost({ excel: env.excel, office: capped(env.office, max) });
      const before = await snapshot(env.excel, name);
      const applied = await host.apply(plan(name), []);
      const marked = await snapshot(env.excel, name);
      const restored = await host.restore();
      const after = await snapshot(env.excel, name);
      const left = differences(before, after);
      const marks = differences(before, marked).length;
      out.push(
        check(
          `apply-restore.${mode}`,
          zh,
          en,
          applied.explanation === mode && marks > 0 && left.length === 0 && !(await plain.hasMarks()),
          `explanation=${applied.explanation} marked=${marks} restored=${restored.restored} kept=${restored.kept} left: ${left.join('; ') || 'none'}`,
        ),
      );
    } catch (e) {
      out.push(failed(`apply-restore.${mode}`, zh, en, e));
    }
  }
  return out;
}

/** After the run no sheet of ours is left. */
async function leftNothing(excel: ExcelGlobal): Promise<CheckResult> {
  const names = await excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
  const left = names.filter((n) => n.startsWith(SCRATCH_PREFIX));
  return check(
    'cleanup',
    '自检表已删除',
    'Scratch sheets removed',
    left.length === 0,
    left.join(', ') || 'none left',
  );
}

/** The plain-text report the page copies for a bug report. */
export function reportText(
  results: CheckResult[],
  info: { version: string; excelApi: string; platform: string; lang: 'zh' | 'en' },
): string {
  const head = [
    'selfeval self-test / 自检',
    `version: ${info.version}`,
    `ExcelApi: ${info.excelApi}  platform: ${info.platform}`,
    `passed: ${results.filter((r) => r.status === 'pass').length}/${results.length}` +
      `  failed: ${results.filter((r) => r.status === 'fail').length}` +
      `  skipped: ${results.filter((r) => r.status === 'skip').length}`,
    '',
  ];
  const lines = results.map(
    (r) =>
      `${r.status.toUpperCase().padEnd(4)} ${r.id}  ${info.lang === 'zh' ? r.zh : r.en}\n     ${r.observed}`,
  );
  return [...head, ...lines].join('\n');
}
