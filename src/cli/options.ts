// Command-line options (commander): parsed into plain data, usage errors turned into exit code 2.
import { Command, CommanderError, Option } from 'commander';
import type { Lang, WriteMode } from '../core';
import { presetNames } from '../core';

export interface CliOptions {
  inputs: string[];
  mode: WriteMode;
  rulebook: string;
  lang: Lang;
  out?: string;
  force: boolean;
  recursive: boolean;
  json: boolean;
  summary?: string;
  failOn?: 'error' | 'warning';
  write: boolean;
  /** --html: the batch report as one self-contained HTML file. */
  html?: string;
  /** --explain [code]: print what a finding code means (true: list every code) and score nothing. */
  explain?: string | true;
  /** Only errors and the final totals line. */
  quiet: boolean;
}

export type ParseOutcome = { ok: true; options: CliOptions } | { ok: false; exitCode: number };

export interface OptionsIo {
  out(s: string): void;
  err(s: string): void;
  version: string;
}

const EXAMPLES = `
示例 / Examples:
  npm run score -- examples/2021-计生特殊家庭帮扶及权益维护.xlsx
  npx selfeval --mode fill --out 评分结果 收件箱/
  npx selfeval -R --summary 汇总.xlsx 2022年自评表/
  npx selfeval --json examples/多项目汇总-2022.xlsx > report.jsonl
  npx selfeval --html 报告.html examples/
  npx selfeval --explain SCORE_MISMATCH
  npx selfeval template 空白自评表.xlsx --rulebook shanghai --unit 万元   （空白表 / a blank form）
  (npm run 会在标准输出打印自己的横幅；要得到纯 JSON 请用 npm run --silent score -- --json … 或 npx selfeval --json …)

退出码 / Exit codes:
  0  完成 / done
  1  完成，但有达到 --fail-on 级别的问题 / done, and a finding at the --fail-on severity
  2  用法错误，或有输入无法读取（含过大、疑似压缩炸弹）、没有自评表或未能写出（含输出已存在）/ bad usage, or an
     input could not be read (too large or a zip bomb included), held no form or could not be written (its output
     exists, say); the other inputs are still scored
  文件夹中未评分的文件（.xls、.csv、链接、子文件夹…）在运行结束时列出，不影响退出码 /
  what a folder walk leaves out (.xls, .csv, links, sub-folders…) is named at the end; the exit code is unchanged
`;

export function buildProgram(io: OptionsIo): Command {
  const program = new Command();
  program
    .name('selfeval')
    .description(
      '项目支出绩效自评表 评分与审核：为每个 .xlsx 写出带标记的副本 <名称>.scored.xlsx\n' +
        'Score and check 项目支出绩效自评表 workbooks: writes a marked copy <name>.scored.xlsx of each',
    )
    .argument('[file-or-folder...]', '.xlsx 文件或文件夹 / .xlsx files or folders')
    .addOption(
      new Option(
        '-m, --mode <mode>',
        '标记方式：check 只标记；fill 补填空白的执行率/得分/总分；correct 改正错误值\n' +
          'check: marks only; fill: also fills empty rates/scores/totals; correct: also fixes wrong values',
      )
        .choices(['check', 'fill', 'correct'])
        .default('check'),
    )
    .option(
      '-r, --rulebook <name|file.json>',
      `评分规则：预设名称（${presetNames().join('、')}）或 JSON 文件 / a preset name or a JSON rulebook file`,
      'mof-2020',
    )
    .addOption(
      new Option('--lang <lang>', '批注、审核意见与输出的语言 / language')
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .option('-o, --out <dir>', '输出到此文件夹（默认与输入文件同目录）/ write outputs under this folder')
    .option('-f, --force', '覆盖已存在的输出文件 / overwrite existing outputs', false)
    .option('-R, --recursive', '递归查找子文件夹中的 .xlsx / walk sub-folders', false)
    .option(
      '--json',
      '在标准输出逐行打印 selfeval-report/1 报告（每个输入一行）/ one JSON report per input per line',
      false,
    )
    .option(
      '--summary <file.csv|file.xlsx>',
      '写出整批的评分汇总表（每张自评表一行）/ write a one-row-per-form table',
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        '有此级别（或更严重）的问题时退出码为 1 / exit 1 on a finding this severe',
      ).choices(['error', 'warning']),
    )
    .option('--no-write', '只出报告，不写评分副本 / report only, write no scored copies')
    .option(
      '--html <file.html>',
      '写出整批的 HTML 报告（可打印）/ write a printable HTML report of the batch',
    )
    .option(
      '--explain [code]',
      '说明一个问题代码的含义和处理办法（不带代码则列出全部）/ explain a finding code (all codes without one)',
    )
    .option('-q, --quiet', '只打印错误和最后的合计行 / print only errors and the final totals line', false)
    .version(io.version, '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show this help')
    .addHelpText('after', EXAMPLES)
    // Usage errors are written by parseOptions in the language of --lang (usageError), not commander's English.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride();
  return program;
}

export function parseOptions(argv: string[], io: OptionsIo): ParseOutcome {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      const ok =
        e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      if (!ok) io.err(`${usageError(e, program, langOfArgv(argv))}\n`);
      return { ok: false, exitCode: ok ? 0 : 2 };
    }
    throw e;
  }
  const o = program.opts<Omit<CliOptions, 'inputs'>>();
  // The files are required unless --explain asks about a code: the same usage error as any other, in --lang.
  if (program.args.length === 0 && o.explain === undefined) {
    try {
      program.error("error: missing required argument 'file-or-folder'", {
        code: 'commander.missingArgument',
      });
    } catch (e) {
      if (e instanceof CommanderError) io.err(`${usageError(e, program, langOfArgv(argv))}\n`);
      return { ok: false, exitCode: 2 };
    }
  }
  return {
    ok: true,
    options: {
      inputs: program.args,
      mode: o.mode,
      rulebook: o.rulebook,
      lang: o.lang,
      out: o.out,
      force: o.force,
      recursive: o.recursive,
      json: o.json,
      summary: o.summary,
      failOn: o.failOn,
      write: o.write,
      html: o.html,
      explain: o.explain,
      quiet: o.quiet,
    },
  };
}

/** The language a usage error is written in: the --lang given (even when the error is elsewhere on the line),
 *  or null when none was given, and the message goes in both (Chinese first). */
export function langOfArgv(argv: string[]): Lang | null {
  let lang: Lang | null = null;
  argv.forEach((a, i) => {
    const v = a.startsWith('--lang=') ? a.slice('--lang='.length) : a === '--lang' ? argv[i + 1] : undefined;
    if (v === 'en' || v === 'zh-CN') lang = v;
  });
  return lang;
}

/** A commander usage error in our words: unknown option, missing argument, invalid choice; anything else keeps
 *  commander's text. */
export function usageError(e: CommanderError, program: Command, lang: Lang | null): string {
  const m = e.message;
  let zh: string | null = null;
  let en: string | null = null;
  const q = (re: RegExp): string[] | null => re.exec(m)?.slice(1) ?? null;
  if (e.code === 'commander.unknownOption') {
    const [flag] = q(/unknown option '([^']*)'/) ?? ['?'];
    const [hint] = q(/Did you mean (\S+?)\?/) ?? [];
    zh = `未知选项 ${flag}${hint ? `（是否要用 ${hint}？）` : ''}`;
    en = `unknown option ${flag}${hint ? ` (did you mean ${hint}?)` : ''}`;
  } else if (e.code === 'commander.missingArgument') {
    zh = '缺少要评分的文件或文件夹';
    en = 'no file or folder to score was given';
  } else if (e.code === 'commander.optionMissingArgument') {
    const [flags] = q(/option '([^']*)' argument missing/) ?? ['?'];
    zh = `选项 ${flags} 缺少取值`;
    en = `option ${flags} needs a value`;
  } else if (e.code === 'commander.invalidArgument') {
    const [flags, value] = q(/option '([^']*)' argument '([^']*)' is invalid/) ?? ['?', '?'];
    const option = program.options.find((o) => o.flags === flags);
    const choices = option?.argChoices?.join(', ') ?? '';
    zh = `选项 ${flags} 的取值“${value}”无效${choices ? `，可选：${choices}` : ''}`;
    en = `option ${flags}: "${value}" is not allowed${choices ? `; choose one of ${choices}` : ''}`;
  }
  zh ??= m.replace(/^error: /, '');
  en ??= m.replace(/^error: /, '');
  const seeHelp = { zh: '（使用 --help 查看用法）', en: '(see --help)' };
  if (lang === 'en') return `error: ${en} ${seeHelp.en}`;
  if (lang === 'zh-CN') return `错误：${zh}${seeHelp.zh}`;
  return `错误：${zh}${seeHelp.zh}\nerror: ${en} ${seeHelp.en}`;
}
