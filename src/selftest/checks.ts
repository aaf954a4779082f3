// The self-test: the Office host's behaviour checks, run against whatever Excel the page is in (real Excel, or
// the stand-in in tests and the demo), on scratch sheets it creates and removes. It reads a prepared form
// (values, formulas, merges, number formats, dates, errors), applies a plan in each explanation mode this Excel
// has, restores, and compares every cell; then it asks Excel the questions nobody has settled from the
// documentation (the probes of excel-behaviours.md §4) and reports what it saw. No DOM: the page (index.ts) and
// the tests both run it.
import { PALETTE, type CellEdit, type WritePlan } from '../core';
import { readValue } from '../core/parse';
import { createOfficeHost, type ExcelGlobal, type OfficeGlobal } from '../hosts/office';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  zh: string;
  en: string;
  status: CheckStatus;
  /** What Excel answered, as plain text. */
  observed: string;
}

export interface SelfTestEnv {
  excel: ExcelGlobal;
  office: OfficeGlobal;
}

/** The scratch sheets' name stem: never a name a user's sheet would have. */
export const SCRATCH_PREFIX = 'selfeval_selftest';

type Ctx = Excel.RequestContext;

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

function check(id: string, zh: string, en: string, pass: boolean, observed: string): CheckResult {
  return { id, zh, en, status: pass ? 'pass' : 'fail', observed };
}

function failed(id: string, zh: string, en: string, e: unknown): CheckResult {
  return { id, zh, en, status: 'fail', observed: errorText(e) };
}

export function errorText(e: unknown): string {
  const o = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  const code = typeof o?.code === 'string' ? o.code : '';
  const where = typeof o?.debugInfo?.errorLocation === 'string' ? ` @${o.debugInfo.errorLocation}` : '';
  const message = typeof o?.message === 'string' ? o.message : String(e);
  return code ? `${code}${where}: ${message}` : message;
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

/** One question to Excel: its answer as text, and whether the host handles it. */
async function probe(
  id: string,
  zh: string,
  en: string,
  fn: () => Promise<{ pass: boolean; observed: string }>,
): Promise<CheckResult> {
  try {
    const { pass, observed } = await fn();
    return check(id, zh, en, pass, observed);
  } catch (e) {
    return failed(id, zh, en, e);
  }
}

function skip(id: string, zh: string, en: string, why: string): CheckResult {
  return { id, zh, en, status: 'skip', observed: why };
}

/** Run `fn` in a batch; its error as text (code and where), or 'ok'. */
async function outcome(excel: ExcelGlobal, fn: (context: Ctx) => void): Promise<string> {
  try {
    await excel.run(async (context) => {
      fn(context);
      await context.sync();
    });
    return 'ok';
  } catch (e) {
    return errorText(e);
  }
}

/** The questions of excel-behaviours.md §4, on the scratch sheet (columns E onwards). */
async function probes(
  excel: ExcelGlobal,
  name: string,
  supports: (v: string) => boolean,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const sheet = (context: Ctx) => context.workbook.worksheets.getItem(name);

  out.push(
    supports('1.9')
      ? await probe('probe.no-fill', 'F5 无填充与白色填充', 'F5 no fill vs white fill', async () =>
          excel.run(async (context) => {
            sheet(context).getRange('E2').format.fill.color = '#FFFFFF';
            const a = sheet(context)
              .getRange('E1')
              .load('format/fill/color,format/fill/pattern,format/fill/tintAndShade');
            const b = sheet(context)
              .getRange('E2')
              .load('format/fill/color,format/fill/pattern,format/fill/tintAndShade');
            await context.sync();
            const none = (r: Excel.Range) =>
              r.format.fill.pattern === 'None' || r.format.fill.tintAndShade === null;
            const show = (r: Excel.Range) =>
              `color=${r.format.fill.color} pattern=${String(r.format.fill.pattern)} tintAndShade=${String(r.format.fill.tintAndShade)}`;
            return { pass: none(a) && !none(b), observed: `no fill: ${show(a)}; white: ${show(b)}` };
          }),
        )
      : skip('probe.no-fill', 'F5 无填充与白色填充', 'F5 no fill vs white fill', 'ExcelApi < 1.9'),
  );

  if (supports('1.18')) {
    out.push(
      await probe(
        'probe.note-on-comment',
        'F2 在有批注的单元格上加注释',
        'F2 a note on a cell with a threaded comment',
        async () => {
          await excel.run(async (context) => {
            context.workbook.comments.add(`${quoted(name)}!E3`, 'x');
            await context.sync();
          });
          const answer = await outcome(excel, (context) =>
            sheet(context).notes.add(sheet(context).getRange('E3'), 'y'),
          );
          return { pass: true, observed: answer === 'ok' ? 'accepted (replaces?)' : answer };
        },
      ),
    );
    out.push(
      await probe(
        'probe.comment-on-note',
        '在有注释的单元格上加批注',
        'A threaded comment on a cell with a note',
        async () => {
          await excel.run(async (context) => {
            sheet(context).notes.add(sheet(context).getRange('E4'), 'n');
            await context.sync();
          });
          const answer = await outcome(excel, (context) =>
            context.workbook.comments.add(`${quoted(name)}!E4`, 'c'),
          );
          // The host expects a refusal whose location starts with "Comment" (comment mode keeps the marks then).
          return { pass: /@Comment/.test(answer), observed: answer };
        },
      ),
    );
    out.push(
      await probe(
        'probe.text',
        'F6 注释和批注文字原样读回',
        'F6 note and comment text read back as written',
        async () =>
          excel.run(async (context) => {
            sheet(context).notes.add(sheet(context).getRange('E5'), 'a\nb');
            context.workbook.comments.add(`${quoted(name)}!E6`, 'a\nb');
            await context.sync();
            const note = sheet(context).notes.getItem('E5').load('content');
            const comment = context.workbook.comments.getItemByCell(`${quoted(name)}!E6`).load('content');
            await context.sync();
            const same = note.content === 'a\nb' && comment.content === 'a\nb';
            const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
            return {
              pass: norm(note.content) === 'a b' && norm(comment.content) === 'a b',
              observed: `${same ? 'as written' : 'changed'}: note=${JSON.stringify(note.content)} comment=${JSON.stringify(comment.content)}`,
            };
          }),
      ),
    );
  } else out.push(skip('probe.notes', 'F2/F6 注释', 'F2/F6 notes', 'ExcelApi < 1.18'));

  out.push(
    await probe(
      'probe.partial-batch',
      '§2.18 失败的批处理保留之前的操作',
      '§2.18 a failed batch keeps what ran before',
      async () => {
        const answer = await outcome(excel, (context) => {
          sheet(context).getRange('E7').values = [['before']];
          sheet(context).getRange('E8').values = [[1, 2]];
          sheet(context).getRange('E9').values = [['after']];
        });
        const [e7, e9] = await excel.run(async (context) => {
          const a = sheet(context).getRange('E7').load('values');
          const b = sheet(context).getRange('E9').load('values');
          await context.sync();
          return [a.values[0][0], b.values[0][0]];
        });
        const kind = e7 === 'before' ? 'keeps-earlier-actions' : 'rolls-back';
        return {
          pass: answer !== 'ok' && e9 !== 'after',
          observed: `${kind} (error ${answer}; E7=${String(e7)} E9=${String(e9)})`,
        };
      },
    ),
  );

  out.push(
    supports('1.13')
      ? await probe(
          'probe.merges-512',
          'F4 超过 512 个合并区域',
          'F4 more than 512 merged areas',
          async () => {
            await excel.run(async (context) => {
              for (let i = 0; i < 600; i++)
                sheet(context)
                  .getRange(`G${2 * i + 1}:G${2 * i + 2}`)
                  .merge(false);
              await context.sync();
            });
            let answer = '';
            await excel.run(async (context) => {
              const areas = sheet(context)
                .getRange('G1:G1200')
                .getMergedAreasOrNullObject()
                .load('areaCount');
              try {
                await context.sync();
                answer = areas.isNullObject ? 'null-object' : `returned ${areas.areaCount}`;
              } catch (e) {
                answer = `throws ${errorText(e)}`;
              }
            });
            return { pass: true, observed: answer };
          },
        )
      : skip(
          'probe.merges-512',
          'F4 超过 512 个合并区域',
          'F4 more than 512 merged areas',
          'ExcelApi < 1.13',
        ),
  );

  out.push(
    await probe(
      'probe.five-million',
      'F7 超过五百万个单元格',
      'F7 more than five million cells',
      async () => {
        let answer = '';
        await excel.run(async (context) => {
          sheet(context).getRange('XFD400').values = [['far']];
          await context.sync();
          const used = sheet(context).getUsedRange(true).load('values');
          try {
            await context.sync();
            answer = used.values === null ? 'values-null' : 'returned values';
          } catch (e) {
            answer = errorText(e);
          }
          sheet(context).getRange('XFD400').values = [['']];
          await context.sync();
        });
        return { pass: true, observed: answer };
      },
    ),
  );

  out.push(
    await probe(
      'probe.number-into-text',
      'F12 数字写入文本格式单元格',
      "F12 a number into a Text ('@') cell",
      async () =>
        excel.run(async (context) => {
          const r = sheet(context).getRange('E10');
          r.numberFormat = [['@']];
          r.values = [[10]];
          r.load('valueTypes,values');
          await context.sync();
          return { pass: true, observed: `${String(r.valueTypes[0][0])} ${JSON.stringify(r.values[0][0])}` };
        }),
    ),
  );

  out.push(
    await probe('probe.very-hidden', '删除深度隐藏的工作表', 'Delete a very hidden sheet', async () => {
      const hidden = `${SCRATCH_PREFIX}_vh`;
      await excel.run(async (context) => {
        context.workbook.worksheets.add(hidden).visibility = 'VeryHidden';
        await context.sync();
      });
      const direct = await outcome(excel, (context) => context.workbook.worksheets.getItem(hidden).delete());
      return { pass: true, observed: `delete while VeryHidden: ${direct}` };
    }),
  );

  if (supports('1.7')) {
    out.push(
      await probe('probe.structure', 'F8 工作簿结构保护', 'F8 workbook structure protection', async () => {
        const state = await excel.run(async (context) => {
          const p = context.workbook.protection.load('protected');
          await context.sync();
          return p.protected;
        });
        if (state) return { pass: true, observed: 'the workbook is protected already: not probed' };
        await excel.run(async (context) => {
          context.workbook.protection.protect();
          await context.sync();
        });
        try {
          const answer = await outcome(excel, (context) =>
            context.workbook.worksheets.add(`${SCRATCH_PREFIX}_p`),
          );
          return { pass: answer !== 'ok', observed: `add: ${answer}` };
        } finally {
          await excel.run(async (context) => {
            context.workbook.protection.unprotect();
            await context.sync();
          });
        }
      }),
    );
  }

  out.push(
    await probe(
      'probe.date-system',
      'F9 日期系统（DATE(1904,1,1)）',
      'F9 date system (DATE(1904,1,1))',
      async () =>
        excel.run(async (context) => {
          const r = context.workbook.functions.date(1904, 1, 1).load('value');
          await context.sync();
          return {
            pass: r.value === 0 || r.value === 1462,
            observed: `${r.value} (${r.value === 0 ? '1904' : '1900'})`,
          };
        }),
    ),
  );
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

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
