// The questions of excel-behaviours.md §4 that the documentation leaves open, asked of the Excel the self-test
// runs in, on its scratch sheet (columns E onwards): each gives what Excel answered, and whether the Office host
// copes with that answer.
import type { ExcelGlobal } from '../hosts/office';
import { check, errorText, failed, SCRATCH_PREFIX, type CheckResult } from './results';

type Ctx = Excel.RequestContext;

/** Every probe; those this Excel's API level cannot ask are skipped. */
export async function probes(
  excel: ExcelGlobal,
  name: string,
  supports: (v: string) => boolean,
): Promise<CheckResult[]> {
  return [
    ...(await fillAndText(excel, name, supports)),
    ...(await batchesAndLimits(excel, name, supports)),
    ...(await sheetsAndDates(excel, name, supports)),
  ];
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

/** F5, F2, F6: fills, notes and comments. */
async function fillAndText(
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

  return out;
}

/** §2.18, F4, F7: failed batches, merged areas, five million cells. */
async function batchesAndLimits(
  excel: ExcelGlobal,
  name: string,
  supports: (v: string) => boolean,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const sheet = (context: Ctx) => context.workbook.worksheets.getItem(name);

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

  return out;
}

/** F12, very hidden sheets, F8, F9. */
async function sheetsAndDates(
  excel: ExcelGlobal,
  name: string,
  supports: (v: string) => boolean,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const sheet = (context: Ctx) => context.workbook.worksheets.getItem(name);

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

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
