// `selfeval template FILE [--rulebook NAME] [--unit 元|万元] [--force]`: write a new workbook holding the blank
// official 项目支出绩效自评表, with formulas for 执行率, its 得分 and 总分 that follow the rulebook. Never overwrites a
// file without --force.
import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { presetNames, RulebookError, type Rulebook } from '../core';
import { blankTemplate, TEMPLATE_UNITS, TemplateError, type TemplateUnit } from '../core/template';
import { workbookBytes } from '../hosts/xlsx';
import { templateWorkbook } from '../hosts/xlsx/template';
import { OutputExistsError, writeOutput } from './inputs';

export interface TemplateIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

const EXIT_OK = 0;
const EXIT_BAD = 2;

/** Run the template subcommand (`argv` after the word "template"); returns the exit code. */
export async function templateMain(
  argv: string[],
  io: TemplateIo,
  resolveRulebook: (spec: string, cwd: string) => Rulebook,
): Promise<number> {
  const program = new Command()
    .name('selfeval template')
    .description(
      '写出空白的项目支出绩效自评表（含执行率、得分、总分公式）/ write a blank form with live formulas',
    )
    .argument('<file.xlsx>', '要写出的新工作簿 / the new workbook')
    .option(
      '-r, --rulebook <name|file.json>',
      `评分规则：预设名称（${presetNames().join('、')}）或 JSON 文件 / a preset name or a JSON rulebook file`,
      'mof-2020',
    )
    .addOption(
      new Option('--unit <unit>', '金额单位 / unit of money').choices([...TEMPLATE_UNITS]).default('元'),
    )
    .option('-f, --force', '覆盖已存在的文件 / overwrite an existing file', false)
    .helpOption('-h, --help', '显示帮助 / show this help')
    .showHelpAfterError('（使用 selfeval template --help 查看用法 / see selfeval template --help）')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' ? EXIT_OK : EXIT_BAD;
    throw e;
  }
  const opts = program.opts<{ rulebook: string; unit: TemplateUnit; force: boolean }>();
  const [arg] = program.args;
  const err = (zh: string, en: string): number => {
    io.stderr.write(`${zh} / ${en}\n`);
    return EXIT_BAD;
  };
  if (!/\.xlsx$/i.test(arg)) {
    return err(`模板文件名须以 .xlsx 结尾：${arg}`, `the template file must end in .xlsx: ${arg}`);
  }
  let book: Rulebook;
  try {
    book = resolveRulebook(opts.rulebook, io.cwd);
  } catch (e) {
    if (e instanceof RulebookError) {
      io.stderr.write(`规则集“${opts.rulebook}”无法使用：${e.message}\n`);
      return EXIT_BAD;
    }
    throw e;
  }
  const file = path.resolve(io.cwd, arg);
  try {
    const template = blankTemplate(book, { unit: opts.unit });
    writeOutput(file, await workbookBytes(templateWorkbook(template)), opts.force);
  } catch (e) {
    if (e instanceof OutputExistsError) {
      return err(
        `文件已存在：${arg}，未覆盖（加 --force 可覆盖）`,
        `${arg} exists, not overwritten (use --force)`,
      );
    }
    if (e instanceof TemplateError) return err(e.messageZh, e.message);
    const reason = (e as Error).message;
    return err(`无法写出 ${arg}：${reason}`, `cannot write ${arg}: ${reason}`);
  }
  io.stdout.write(
    `已写出空白自评表 / blank form written: ${path.relative(io.cwd, file) || file}` +
      `（规则集 / rulebook ${book.id}，单位 / unit ${opts.unit}）\n`,
  );
  return EXIT_OK;
}
