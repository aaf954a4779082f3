// selfeval command line: score .xlsx files and folders, write <name>.scored.xlsx copies, print a readable
// summary or one selfeval-report/1 JSON object per input per line. Never modifies an input.
import * as fs from 'fs';
import * as path from 'path';
import {
  getPreset,
  loadRulebook,
  REPORT_SCHEMA,
  RulebookError,
  type Report,
  type Rulebook,
  type Severity,
} from '../core';
import { workbookBytes, XlsxReadError } from '../hosts/xlsx';
import { hasMacros } from '../hosts/xlsx/load';
import { scoreXlsxBytes, type ScoreXlsxResult } from './score-file';
import { batchTable, summaryCsv, summaryXlsx, type ScoredFile } from './batch-summary';
import {
  expandInputs,
  MAX_NAME_LENGTH,
  nameLength,
  NameTooLongError,
  OutputExistsError,
  outputPath,
  samePath,
  sourceName,
  writeOutput,
  type InputFile,
} from './inputs';
import { explain } from './explain';
import { batchHtml, type FailedFile } from './html-report';
import { parseOptions, type CliOptions } from './options';
import { Progress, type TtyStream } from './progress';
import { formatReport, formatSkipped, formatTotals, type BatchTotals } from './text-report';
import { versionLine } from './version';
import { templateMain } from './template';

export interface CliIo {
  stdout: TtyStream;
  stderr: TtyStream;
  /** Folder the paths are relative to. */
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD = 2;

/** A preset name, or a JSON file (anything ending in .json or naming an existing file). */
export function resolveRulebook(spec: string, cwd: string): Rulebook {
  const file = path.resolve(cwd, spec);
  const looksLikeFile = /\.json$/i.test(spec) || /[\\/]/.test(spec);
  if (!looksLikeFile && !fs.existsSync(file)) return getPreset(spec);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new RulebookError('(file)', `找不到规则集文件 ${spec}`, `rulebook file not found: ${spec}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RulebookError(
      '(file)',
      `规则集文件 ${spec} 不是有效的 JSON（${(e as Error).message}）`,
      `rulebook file ${spec} is not valid JSON (${(e as Error).message})`,
    );
  }
  return loadRulebook(json);
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** One run of the command: what it was asked, where it writes, and what it has done so far. */
interface Run {
  opt: CliOptions;
  io: CliIo;
  out: (text: string) => void;
  err: (line: string) => void;
  rulebook: Rulebook;
  summaryFile: string | null;
  htmlFile: string | null;
  /** The inputs' real paths: no output ever lands on one. */
  inputPaths: Set<string>;
  outputsThisRun: Set<string>;
  totals: BatchTotals;
  scored: ScoredFile[];
  failedFiles: FailedFile[];
  failed: number;
  worst: Severity | null;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const progress = { current: null as Progress | null };
  const err = (line: string): void => {
    progress.current?.clear();
    io.stderr.write(`${oneLine(line)}\n`);
  };
  const out = (text: string): void => {
    progress.current?.clear();
    io.stdout.write(text);
  };

  // `selfeval template FILE …` writes a blank form (src/cli/template.ts); a file named "template" is ./template.
  if (argv[0] === 'template') return templateMain(argv.slice(1), io, resolveRulebook);

  const parsed = parseOptions(argv, {
    out: (s) => io.stdout.write(s),
    err: (s) => io.stderr.write(s),
    version: versionLine(),
  });
  if (!parsed.ok) return parsed.exitCode;
  const opt: CliOptions = parsed.options;
  if (opt.explain !== undefined) return explain(opt.explain, opt.lang, out, (s) => io.stderr.write(s));

  // Everything that makes the whole run pointless is checked before any file is read.
  let rulebook: Rulebook;
  try {
    rulebook = resolveRulebook(opt.rulebook, io.cwd);
  } catch (e) {
    if (e instanceof RulebookError) {
      err(`规则集“${opt.rulebook}”无法使用：${e.message}`);
      return EXIT_BAD;
    }
    throw e;
  }
  const targets = batchTargets(opt, io.cwd, err);
  if (!targets) return EXIT_BAD;

  const { files, problems, skipped } = expandInputs(opt.inputs, io.cwd, opt.recursive);
  for (const p of problems) err(`${p.arg}：${p.zh} / ${p.arg}: ${p.en}`);
  const run: Run = {
    opt,
    io,
    out,
    err,
    rulebook,
    ...targets,
    inputPaths: new Set(files.map((f) => realPath(f.path))),
    outputsThisRun: new Set<string>(),
    totals: { files: 0, forms: 0, failed: 0, counts: { error: 0, warning: 0, info: 0 } },
    scored: [],
    failedFiles: problems.map((p) => ({ file: p.arg, zh: p.zh, en: p.en })),
    failed: problems.length,
    worst: null,
  };
  if (!outputsClearOfInputs(run, files)) return EXIT_BAD;

  // --quiet: no bar either (only errors and the final line).
  const bar = new Progress(io.stderr, opt.quiet ? 0 : files.length);
  progress.current = bar;
  let done = 0;
  for (const input of files) {
    done++;
    bar.start(input.display);
    await scoreInput(run, input, batchLabel(input.display, done, files.length, io.stdout));
    bar.tick();
  }
  bar.end();
  run.totals.failed = run.failed;

  await writeBatchOutputs(run);
  if (!opt.json && (opt.quiet || files.length + problems.length > 1))
    out(`${formatTotals(run.totals, opt.lang)}\n`);
  // What the folder walks left out, named last, where it is seen (stderr when stdout holds JSON).
  const skippedLines = formatSkipped(skipped);
  if (skippedLines.length > 0 && !opt.quiet) {
    if (opt.json) skippedLines.forEach((l) => err(l.trim()));
    else out(`${skippedLines.join('\n')}\n`);
  }

  if (run.failed > 0) return EXIT_BAD;
  if (opt.failOn && run.worst !== null && rank(run.worst) <= rank(opt.failOn)) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** The batch outputs (--summary, --html) and --out, checked before any file is read; null when one is unusable
 *  (the reason already said). */
function batchTargets(
  opt: CliOptions,
  cwd: string,
  err: (line: string) => void,
): { summaryFile: string | null; htmlFile: string | null } | null {
  let summaryFile: string | null = null;
  if (opt.summary) {
    summaryFile = path.resolve(cwd, opt.summary);
    if (!/\.(csv|xlsx)$/i.test(summaryFile)) {
      err(
        `--summary 只支持 .csv 或 .xlsx：${opt.summary} / --summary takes a .csv or .xlsx file: ${opt.summary}`,
      );
      return null;
    }
    const tooLong = nameLength(path.basename(summaryFile));
    if (tooLong > MAX_NAME_LENGTH) {
      err(
        `--summary 文件名过长（${tooLong} 字节，文件系统上限 ${MAX_NAME_LENGTH}）/ ` +
          `--summary: the name is too long (${tooLong} bytes; file systems allow ${MAX_NAME_LENGTH})`,
      );
      return null;
    }
    if (fs.existsSync(summaryFile) && !opt.force) {
      err(
        `汇总文件已存在：${opt.summary}，未覆盖（加 --force 可覆盖）/ ${opt.summary} exists, not overwritten (use --force)`,
      );
      return null;
    }
  }
  const htmlFile = opt.html ? path.resolve(cwd, opt.html) : null;
  if (opt.html && htmlFile) {
    if (!/\.html?$/i.test(htmlFile)) {
      err(`--html 只支持 .html 文件：${opt.html} / --html takes an .html file: ${opt.html}`);
      return null;
    }
    if (fs.existsSync(htmlFile) && !opt.force) {
      err(
        `报告文件已存在：${opt.html}，未覆盖（加 --force 可覆盖）/ ${opt.html} exists, not overwritten (use --force)`,
      );
      return null;
    }
  }
  if (opt.out) {
    const dir = path.resolve(cwd, opt.out);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
      err(`--out 须是文件夹：${opt.out} 是一个文件 / --out must be a folder: ${opt.out} is a file`);
      return null;
    }
  }
  return { summaryFile, htmlFile };
}

/** The CLI never modifies an input, not even with --force: a summary or report that would land on an input of
 *  this run is refused, and so is a summary named like one of the run's own scored copies. */
function outputsClearOfInputs(run: Run, files: InputFile[]): boolean {
  const { opt, io, err, summaryFile, htmlFile, inputPaths } = run;
  if (summaryFile && inputPaths.has(realPath(summaryFile))) {
    err(
      `--summary ${opt.summary} 是本批的一个输入文件，不能覆盖 / --summary ${opt.summary} is one of the inputs; it is never overwritten`,
    );
    return false;
  }
  const ownCopy =
    summaryFile && opt.write
      ? files.find((f) => samePath(outputPath(f, opt.out, io.cwd), summaryFile))
      : undefined;
  if (ownCopy) {
    err(
      `--summary ${opt.summary} 是本批 ${ownCopy.display} 的评分副本的文件名，不能同时作汇总表 / ` +
        `--summary ${opt.summary} is the scored copy of ${ownCopy.display} in this run; it cannot be the summary too`,
    );
    return false;
  }
  if (htmlFile && inputPaths.has(realPath(htmlFile))) {
    err(
      `--html ${opt.html} 是本批的一个输入文件，不能覆盖 / --html ${opt.html} is one of the inputs; it is never overwritten`,
    );
    return false;
  }
  return true;
}

/** A report for a file that could not be scored (--json gives every input a line). */
function emptyReport(run: Run, input: InputFile, zh: string, en: string): Report {
  return {
    schema: REPORT_SCHEMA,
    source: sourceName(input),
    rulebook: run.rulebook.id,
    forms: [],
    errors: [{ code: 'FILE_UNREADABLE', sheet: null, message: zh, messageEn: en }],
  };
}

/** A file that could not be scored: said on stderr, listed for the HTML report, counted. */
function fileFailed(run: Run, input: InputFile, zh: string, en: string, line: string): void {
  run.err(line);
  run.failedFiles.push({ file: input.display, zh, en });
  run.failed++;
}

/** Read, score and (unless --no-write) write the scored copy of one input, and say what came of it. */
async function scoreInput(run: Run, input: InputFile, label: string): Promise<void> {
  const { opt, io, out } = run;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(input.path);
  } catch (e) {
    const m = (e as Error).message;
    fileFailed(
      run,
      input,
      `无法读取：${m}`,
      m,
      `无法读取 ${input.display}：${m} / cannot read ${input.display}: ${m}`,
    );
    return;
  }

  let result;
  try {
    result = await scoreXlsxBytes(bytes, {
      source: sourceName(input),
      rulebook: run.rulebook,
      mode: opt.mode,
      lang: opt.lang,
    });
  } catch (e) {
    const [zh, en, line] =
      e instanceof XlsxReadError
        ? [
            e.messageZh,
            e.messageEn,
            `无法读取 ${input.display}：${e.messageZh} / cannot read ${input.display}: ${e.messageEn}`,
          ]
        : ((m: string) => [
            `处理出错：${m}`,
            `failed: ${m}`,
            `处理 ${input.display} 时出错：${m} / failed on ${input.display}: ${m}`,
          ])(e instanceof Error ? e.message : String(e));
    if (opt.json) out(`${JSON.stringify(emptyReport(run, input, zh, en))}\n`);
    fileFailed(run, input, zh, en, line);
    return;
  }

  const { report } = result;
  if (opt.json) out(`${JSON.stringify(report)}\n`);
  if (report.forms.length === 0) {
    const zh = '未找到自评表（没有含“一级指标、二级指标、三级指标”的表头行）';
    const en = 'no form found (no header row with 一级指标, 二级指标, 三级指标)';
    fileFailed(run, input, zh, en, `${input.display}：${zh} / ${input.display}: ${en}`);
    return;
  }

  run.totals.files++;
  run.totals.forms += report.forms.length;
  for (const form of report.forms) {
    for (const f of form.findings) {
      run.totals.counts[f.severity]++;
      if (run.worst === null || rank(f.severity) < rank(run.worst)) run.worst = f.severity;
    }
  }

  const written = opt.write ? await writeScoredCopy(run, input, result.workbook) : null;
  const macrosDropped = written !== null && (/\.(xlsm|xltm)$/i.test(input.path) || hasMacros(bytes));
  if (macrosDropped && opt.json) {
    run.err(
      `${input.display}：原文件含宏，评分副本是 .xlsx，不含宏（原文件未改动）/ ` +
        `${input.display}: the original holds macros; the scored copy is an .xlsx without them (the original is untouched)`,
    );
  }
  run.scored.push({ report, output: written });
  if (!opt.json && !opt.quiet) {
    const lines = formatReport(
      label,
      report,
      opt.lang,
      written
        ? {
            path: path.relative(io.cwd, written) || written,
            cellsMarked: result.cellsMarked,
            written: result.written,
            macrosDropped,
          }
        : { notWritten: opt.write ? 'failed' : 'no-write' },
    );
    out(`${lines.join('\n')}\n\n`);
  }
}

/** The scored copy of one input, created exclusively (never over an input, another output of this run, or an
 *  existing file without --force); its path, or null when it was not written (the reason said). */
async function writeScoredCopy(
  run: Run,
  input: InputFile,
  workbook: ScoreXlsxResult['workbook'],
): Promise<string | null> {
  const { opt, io, err } = run;
  const target = outputPath(input, opt.out, io.cwd);
  const shownTarget = path.relative(io.cwd, target) || target;
  if (run.inputPaths.has(realPath(target))) {
    err(
      `${input.display}：输出 ${shownTarget} 是本批的一个输入文件，未写出（输入文件从不修改）/ ` +
        `${input.display}: ${shownTarget} is one of the inputs; not written (inputs are never modified)`,
    );
  } else if (run.outputsThisRun.has(target)) {
    err(
      `${input.display}：输出 ${shownTarget} 与本批另一个输入相同，未写出 / ` +
        `${input.display}: ${shownTarget} is also the output of another input; not written`,
    );
  } else if (fs.existsSync(target) && !opt.force) {
    err(existsMessage(input.display, shownTarget));
  } else {
    try {
      // Created exclusively: a run that started at the same time and wrote it first keeps its file.
      writeOutput(target, await workbookBytes(workbook), opt.force);
      run.outputsThisRun.add(target);
      return target;
    } catch (e) {
      err(writeFailure(e, input.display, shownTarget));
    }
  }
  run.failed++;
  return null;
}

/** --summary and --html, after every file. */
async function writeBatchOutputs(run: Run): Promise<void> {
  const { opt, io, out, err, summaryFile, htmlFile } = run;
  if (summaryFile) {
    try {
      const table = batchTable(run.scored, opt.lang, summaryFile);
      writeOutput(
        summaryFile,
        /\.csv$/i.test(summaryFile) ? summaryCsv(table) : await summaryXlsx(table),
        opt.force,
      );
      const shown = path.relative(io.cwd, summaryFile) || summaryFile;
      if (!opt.json && !opt.quiet)
        out(opt.lang === 'en' ? `Summary written: ${shown}\n` : `汇总表已写出：${shown}\n`);
    } catch (e) {
      if (e instanceof OutputExistsError) {
        err(
          `汇总文件已存在：${opt.summary}（可能是同时运行的另一批刚写出的），未覆盖（加 --force 可覆盖）/ ` +
            `${opt.summary} exists (perhaps another run just wrote it), not overwritten (use --force)`,
        );
      } else {
        err(writeFailure(e, '--summary', opt.summary ?? summaryFile));
      }
      run.failed++;
    }
  }
  if (htmlFile) {
    const shown = path.relative(io.cwd, htmlFile) || htmlFile;
    try {
      const generated = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
      writeOutput(
        htmlFile,
        batchHtml({ files: run.scored, failed: run.failedFiles, lang: opt.lang, htmlFile, generated }),
        opt.force,
      );
      if (!opt.json)
        out(opt.lang === 'en' ? `HTML report written: ${shown}\n` : `HTML 报告已写出：${shown}\n`);
    } catch (e) {
      err(`无法写出报告 ${opt.html}：${(e as Error).message} / cannot write ${opt.html}`);
      run.failed++;
    }
  }
}

/** A file's heading in a batch on a terminal: "[2/10] 收件箱/单位2.xlsx". */
function batchLabel(display: string, n: number, total: number, stdout: TtyStream): string {
  return total > 1 && stdout.isTTY ? `[${n}/${total}] ${display}` : display;
}

function existsMessage(display: string, shownTarget: string): string {
  return (
    `${display}：输出文件已存在 ${shownTarget}，未覆盖（加 --force 可覆盖）/ ` +
    `${display}: ${shownTarget} exists, not overwritten (use --force)`
  );
}

/** Why an output could not be written, on one line, Chinese first. */
function writeFailure(e: unknown, display: string, shownTarget: string): string {
  if (e instanceof OutputExistsError) {
    return (
      `${display}：输出文件已存在 ${shownTarget}（可能是同时运行的另一批刚写出的），未覆盖（加 --force 可覆盖）/ ` +
      `${display}: ${shownTarget} exists (perhaps another run just wrote it), not overwritten (use --force)`
    );
  }
  if (e instanceof NameTooLongError) {
    return (
      `${display}：输出文件名过长（${e.length} 字节，文件系统上限 ${MAX_NAME_LENGTH}），未写出；请缩短输入文件名 / ` +
      `${display}: the output's name is too long (${e.length} bytes; file systems allow ${MAX_NAME_LENGTH}), ` +
      `not written; shorten the input's name`
    );
  }
  const m = e instanceof Error ? e.message : String(e);
  return `无法写出 ${shownTarget}：${m} / cannot write ${shownTarget}: ${m}`;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/** What bin/selfeval.js and `node dist/node/cli/main.js` run. */
export function cliEntry(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `selfeval --json … | head` closes the pipe early: not an error of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `内部错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = EXIT_BAD;
    },
  );
}

if (require.main === module) cliEntry();

/** A path with links resolved where the file exists, so that two spellings of one file compare equal. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
