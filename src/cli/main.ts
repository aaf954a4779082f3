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
import { scoreXlsxBytes } from './score-file';
import { batchTable, summaryCsv, summaryXlsx, type ScoredFile } from './batch-summary';
import { explain } from './explain';
import { batchHtml, type FailedFile } from './html-report';
import { expandInputs, outputPath, sourceName, writeFileSafely, type InputFile } from './inputs';
import { parseOptions, type CliOptions } from './options';
import { Progress, type TtyStream } from './progress';
import { formatReport, formatTotals, type BatchTotals } from './text-report';

export interface CliIo {
  stdout: TtyStream;
  stderr: TtyStream;
  /** Folder the paths are relative to. */
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD = 2;

function readVersion(): string {
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, rel), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'selfeval' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

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

  const parsed = parseOptions(argv, {
    out: (s) => io.stdout.write(s),
    err: (s) => io.stderr.write(s),
    version: readVersion(),
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
  let summaryFile: string | null = null;
  if (opt.summary) {
    summaryFile = path.resolve(io.cwd, opt.summary);
    if (!/\.(csv|xlsx)$/i.test(summaryFile)) {
      err(
        `--summary 只支持 .csv 或 .xlsx：${opt.summary} / --summary takes a .csv or .xlsx file: ${opt.summary}`,
      );
      return EXIT_BAD;
    }
    if (fs.existsSync(summaryFile) && !opt.force) {
      err(
        `汇总文件已存在：${opt.summary}，未覆盖（加 --force 可覆盖）/ ${opt.summary} exists, not overwritten (use --force)`,
      );
      return EXIT_BAD;
    }
  }
  const htmlFile = opt.html ? path.resolve(io.cwd, opt.html) : null;
  if (opt.html && htmlFile) {
    if (!/\.html?$/i.test(htmlFile)) {
      err(`--html 只支持 .html 文件：${opt.html} / --html takes an .html file: ${opt.html}`);
      return EXIT_BAD;
    }
    if (fs.existsSync(htmlFile) && !opt.force) {
      err(
        `报告文件已存在：${opt.html}，未覆盖（加 --force 可覆盖）/ ${opt.html} exists, not overwritten (use --force)`,
      );
      return EXIT_BAD;
    }
  }
  if (opt.out) {
    const dir = path.resolve(io.cwd, opt.out);
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
      err(`--out 须是文件夹：${opt.out} 是一个文件 / --out must be a folder: ${opt.out} is a file`);
      return EXIT_BAD;
    }
  }

  const { files, problems } = expandInputs(opt.inputs, io.cwd, opt.recursive);
  let failed = 0;
  for (const p of problems) {
    err(`${p.arg}：${p.zh} / ${p.arg}: ${p.en}`);
    failed++;
  }

  // The CLI never modifies an input, not even with --force: an output or summary that would land on an input
  // of this run is refused.
  const inputPaths = new Set(files.map((f) => realPath(f.path)));
  if (summaryFile && inputPaths.has(realPath(summaryFile))) {
    err(
      `--summary ${opt.summary} 是本批的一个输入文件，不能覆盖 / --summary ${opt.summary} is one of the inputs; it is never overwritten`,
    );
    return EXIT_BAD;
  }
  if (htmlFile && inputPaths.has(realPath(htmlFile))) {
    err(
      `--html ${opt.html} 是本批的一个输入文件，不能覆盖 / --html ${opt.html} is one of the inputs; it is never overwritten`,
    );
    return EXIT_BAD;
  }
  const failedFiles: FailedFile[] = problems.map((p) => ({ file: p.arg, zh: p.zh, en: p.en }));

  const totals: BatchTotals = { files: 0, forms: 0, failed: 0, counts: { error: 0, warning: 0, info: 0 } };
  const scored: ScoredFile[] = [];
  const outputsThisRun = new Set<string>();
  let worst: Severity | null = null;
  const bar = new Progress(io.stderr, files.length);
  progress.current = bar;

  const emptyReport = (input: InputFile, zh: string, en: string): Report => ({
    schema: REPORT_SCHEMA,
    source: sourceName(input),
    rulebook: rulebook.id,
    forms: [],
    errors: [{ code: 'FILE_UNREADABLE', sheet: null, message: zh, messageEn: en }],
  });

  for (const input of files) {
    bar.start(input.display);
    const target = outputPath(input, opt.out, io.cwd);
    const shownTarget = path.relative(io.cwd, target) || target;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(input.path);
    } catch (e) {
      err(
        `无法读取 ${input.display}：${(e as Error).message} / cannot read ${input.display}: ${(e as Error).message}`,
      );
      failedFiles.push({
        file: input.display,
        zh: `无法读取：${(e as Error).message}`,
        en: (e as Error).message,
      });
      failed++;
      bar.tick();
      continue;
    }

    let result;
    try {
      result = await scoreXlsxBytes(bytes, {
        source: sourceName(input),
        rulebook,
        mode: opt.mode,
        lang: opt.lang,
      });
    } catch (e) {
      if (e instanceof XlsxReadError) {
        err(`无法读取 ${input.display}：${e.messageZh} / cannot read ${input.display}: ${e.messageEn}`);
        if (opt.json) out(`${JSON.stringify(emptyReport(input, e.messageZh, e.messageEn))}\n`);
        failedFiles.push({ file: input.display, zh: e.messageZh, en: e.messageEn });
      } else {
        const m = e instanceof Error ? e.message : String(e);
        err(`处理 ${input.display} 时出错：${m} / failed on ${input.display}: ${m}`);
        if (opt.json) out(`${JSON.stringify(emptyReport(input, `处理出错：${m}`, `failed: ${m}`))}\n`);
        failedFiles.push({ file: input.display, zh: `处理出错：${m}`, en: `failed: ${m}` });
      }
      failed++;
      bar.tick();
      continue;
    }

    const { report } = result;
    if (opt.json) out(`${JSON.stringify(report)}\n`);
    if (report.forms.length === 0) {
      err(
        `${input.display}：未找到自评表（没有含“一级指标、二级指标、三级指标”的表头行）/ ` +
          `${input.display}: no form found (no header row with 一级指标, 二级指标, 三级指标)`,
      );
      failedFiles.push({
        file: input.display,
        zh: '未找到自评表（没有含“一级指标、二级指标、三级指标”的表头行）',
        en: 'no form found (no header row with 一级指标, 二级指标, 三级指标)',
      });
      failed++;
      bar.tick();
      continue;
    }

    totals.files++;
    totals.forms += report.forms.length;
    for (const form of report.forms) {
      for (const f of form.findings) {
        totals.counts[f.severity]++;
        if (worst === null || rank(f.severity) < rank(worst)) worst = f.severity;
      }
    }

    let written: string | null = null;
    if (opt.write) {
      if (inputPaths.has(realPath(target))) {
        err(
          `${input.display}：输出 ${shownTarget} 是本批的一个输入文件，未写出（输入文件从不修改）/ ` +
            `${input.display}: ${shownTarget} is one of the inputs; not written (inputs are never modified)`,
        );
        failed++;
      } else if (outputsThisRun.has(target)) {
        err(
          `${input.display}：输出 ${shownTarget} 与本批另一个输入相同，未写出 / ` +
            `${input.display}: ${shownTarget} is also the output of another input; not written`,
        );
        failed++;
      } else if (fs.existsSync(target) && !opt.force) {
        err(
          `${input.display}：输出文件已存在 ${shownTarget}，未覆盖（加 --force 可覆盖）/ ` +
            `${input.display}: ${shownTarget} exists, not overwritten (use --force)`,
        );
        failed++;
      } else {
        try {
          writeFileSafely(target, await workbookBytes(result.workbook));
          outputsThisRun.add(target);
          written = target;
        } catch (e) {
          const m = (e as Error).message;
          err(`无法写出 ${shownTarget}：${m} / cannot write ${shownTarget}: ${m}`);
          failed++;
        }
      }
    }
    scored.push({ report, output: written });
    if (!opt.json) {
      const lines = formatReport(
        input.display,
        report,
        opt.lang,
        written
          ? { path: path.relative(io.cwd, written) || written, cellsMarked: result.cellsMarked }
          : { notWritten: opt.write ? 'failed' : 'no-write' },
      );
      out(`${lines.join('\n')}\n\n`);
    }
    bar.tick();
  }
  bar.end();
  totals.failed = failed;

  if (summaryFile) {
    try {
      const table = batchTable(scored, opt.lang, summaryFile);
      writeFileSafely(
        summaryFile,
        /\.csv$/i.test(summaryFile) ? summaryCsv(table) : await summaryXlsx(table),
      );
      const shown = path.relative(io.cwd, summaryFile) || summaryFile;
      if (!opt.json) out(opt.lang === 'en' ? `Summary written: ${shown}\n` : `汇总表已写出：${shown}\n`);
    } catch (e) {
      err(`无法写出汇总表 ${opt.summary}：${(e as Error).message} / cannot write ${opt.summary}`);
      failed++;
    }
  }
  if (htmlFile) {
    const shown = path.relative(io.cwd, htmlFile) || htmlFile;
    try {
      const generated = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
      writeFileSafely(
        htmlFile,
        batchHtml({ files: scored, failed: failedFiles, lang: opt.lang, htmlFile, generated }),
      );
      if (!opt.json)
        out(opt.lang === 'en' ? `HTML report written: ${shown}\n` : `HTML 报告已写出：${shown}\n`);
    } catch (e) {
      err(`无法写出报告 ${opt.html}：${(e as Error).message} / cannot write ${opt.html}`);
      failed++;
    }
  }
  if (!opt.json && files.length + problems.length > 1) out(`${formatTotals(totals, opt.lang)}\n`);

  if (failed > 0) return EXIT_BAD;
  if (opt.failOn && worst !== null && rank(worst) <= rank(opt.failOn)) return EXIT_FINDINGS;
  return EXIT_OK;
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
