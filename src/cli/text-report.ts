// The readable summary printed without --json: per form, the project, 执行率, 得分, 总分, 等级 and the findings
// with their cells. Numbers are the report's decimal strings, shown as they are.
import type { FormReport, Lang, Report, Severity } from '../core';
import type { WrittenValue } from '../app/score-flow';
import type { Skipped } from './inputs';
import { Decimal } from '../core/decimal';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const WORDS = {
  'zh-CN': {
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    form: '表',
    noProject: '（未填项目名称）',
    rate: '执行率',
    rateScore: '执行率得分',
    total: '总分',
    grade: '等级',
    printed: '表中',
    none: '无',
    findings: '问题',
    noFindings: '未发现问题',
    written: '已写出',
    cells: '个单元格已标记',
    noWrite: '未写出评分副本（--no-write）',
    valuesWritten: (n: number) => `写入 ${n} 个数值（原值 → 新值）：`,
    empty: '空',
    notWritten: '未写出评分副本',
    macros: '注意：原文件含宏，评分副本是 .xlsx，不含宏（原文件未改动）',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    form: 'form',
    noProject: '(no project name)',
    rate: 'execution rate',
    rateScore: 'rate score',
    total: 'total',
    grade: 'grade',
    printed: 'printed',
    none: 'none',
    findings: 'findings',
    noFindings: 'no findings',
    written: 'written',
    cells: 'cells marked',
    noWrite: 'no scored copy written (--no-write)',
    valuesWritten: (n: number) => `${n} value(s) written (old → new):`,
    empty: 'empty',
    notWritten: 'no scored copy written',
    macros:
      'note: the original holds macros; the scored copy is an .xlsx without them (the original is untouched)',
  },
};

/** The grades of the preset rulebooks (财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差) in English, the form's own
 *  word beside it; a rulebook's other grade words are shown as they are. */
const GRADE_EN: Record<string, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

export function gradeText(grade: string | null, lang: Lang): string {
  if (grade === null) return '—';
  const en = lang === 'en' ? GRADE_EN[grade] : undefined;
  return en ? `${en} (${grade})` : grade;
}

function withPrinted(computed: string | null, printed: string | null, lang: Lang, unit = ''): string {
  const w = WORDS[lang];
  const c = computed === null ? '—' : `${computed}${unit}`;
  if (printed === null || (computed !== null && sameNumber(printed, computed))) return c;
  return lang === 'en' ? `${c} (${w.printed} ${printed}${unit})` : `${c}（${w.printed} ${printed}${unit}）`;
}

/** "94.2" and "94.20" are the same number: no need to show the printed one beside the computed one. */
function sameNumber(a: string, b: string): boolean {
  try {
    return new Decimal(a).eq(new Decimal(b));
  } catch {
    return a === b;
  }
}

export function formatForm(form: FormReport, index: number, count: number, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines: string[] = [];
  const sep = lang === 'en' ? ': ' : '：';
  lines.push(
    `  [${w.form} ${index + 1}/${count}] ${form.sheet}!${form.range}  ${form.project ?? w.noProject}`,
  );
  const rate = withPrinted(form.funds.rate.computed, form.funds.rate.printed, lang, '%');
  const score = withPrinted(form.funds.score.computed, form.funds.score.printed, lang);
  const outOf = form.total.weight ? ` / ${form.total.weight}` : '';
  const totalComputed = form.total.computed === null ? null : `${form.total.computed}${outOf}`;
  const totalPrinted = form.total.printed;
  let total = totalComputed ?? '—';
  if (
    totalPrinted !== null &&
    !(form.total.computed !== null && sameNumber(totalPrinted, form.total.computed))
  ) {
    total += lang === 'en' ? ` (${w.printed} ${totalPrinted})` : `（${w.printed} ${totalPrinted}）`;
  }
  lines.push(`    ${w.rate} ${rate}   ${w.rateScore} ${score}`);
  lines.push(`    ${w.total} ${total}   ${w.grade} ${gradeText(form.grade.computed, lang)}`);
  const count3 = (s: Severity): number => form.findings.filter((f) => f.severity === s).length;
  if (form.findings.length === 0) {
    lines.push(`    ${w.noFindings}`);
    return lines;
  }
  lines.push(
    `    ${w.findings}${sep}${w.severity.error} ${count3('error')} · ${w.severity.warning} ${count3('warning')} · ${w.severity.info} ${count3('info')}`,
  );
  const sorted = form.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  const cellWidth = Math.max(4, ...sorted.map((f) => (f.cell ?? '—').length));
  const codeWidth = Math.max(...sorted.map((f) => f.code.length));
  for (const f of sorted) {
    const msg = (lang === 'en' ? f.messageEn : f.message).replace(/\s*\n\s*/g, ' ');
    const sev = lang === 'en' ? w.severity[f.severity].padEnd(7) : w.severity[f.severity];
    lines.push(`      ${sev}  ${(f.cell ?? '—').padEnd(cellWidth)}  ${f.code.padEnd(codeWidth)}  ${msg}`);
  }
  return lines;
}

/** Lines for one scored file: its name, each form, and where the scored copy went. */
export function formatReport(
  display: string,
  report: Report,
  lang: Lang,
  output:
    | { path: string; cellsMarked: number; macrosDropped?: boolean; written?: WrittenValue[] }
    | { notWritten: 'no-write' | 'failed' },
): string[] {
  const w = WORDS[lang];
  const lines = [display];
  report.forms.forEach((form, i) => lines.push(...formatForm(form, i, report.forms.length, lang)));
  for (const e of report.errors) {
    lines.push(
      `  ${w.severity.warning}  ${e.sheet ?? '—'}  ${e.code}  ${lang === 'en' ? e.messageEn : e.message}`,
    );
  }
  if ('path' in output) {
    lines.push(
      lang === 'en'
        ? `  → ${w.written} ${output.path} (${output.cellsMarked} ${w.cells})`
        : `  → ${w.written} ${output.path}（${output.cellsMarked} ${w.cells}）`,
    );
    lines.push(...formatWritten(output.written ?? [], lang));
    // An .xlsm scored into an .xlsx: ExcelJS writes no VBA project.
    if (output.macrosDropped) lines.push(`  ${w.macros}`);
  } else {
    // A refused or failed write has its own message on stderr.
    lines.push(`  → ${output.notWritten === 'no-write' ? w.noWrite : w.notWritten}`);
  }
  return lines;
}

/** Every value written into the scored copy (填写 / 改正), one line a cell: "H21  99.43 → 99.73". */
export function formatWritten(written: WrittenValue[], lang: Lang): string[] {
  if (written.length === 0) return [];
  const w = WORDS[lang];
  const sheets = new Set(written.map((x) => x.sheet));
  const where = written.map((x) => (sheets.size > 1 ? `${x.sheet}!${x.cell}` : x.cell));
  const width = Math.max(...where.map((c) => c.length));
  return [
    `    ${w.valuesWritten(written.length)}`,
    ...written.map((x, i) => `      ${where[i].padEnd(width)}  ${x.beforeText || w.empty} → ${x.afterText}`),
  ];
}

export interface BatchTotals {
  files: number;
  forms: number;
  failed: number;
  counts: Record<Severity, number>;
}

export function formatTotals(t: BatchTotals, lang: Lang): string {
  if (lang === 'en') {
    return (
      `${t.files} file(s), ${t.forms} form(s): ${t.counts.error} error(s), ${t.counts.warning} warning(s), ` +
      `${t.counts.info} info${t.failed ? `; ${t.failed} input(s) could not be processed` : ''}`
    );
  }
  return (
    `共 ${t.files} 个文件、${t.forms} 张自评表：错误 ${t.counts.error}，警告 ${t.counts.warning}，提示 ${t.counts.info}` +
    (t.failed ? `；${t.failed} 个输入未能处理` : '')
  );
}

/** What the folder walks left out, each named with why (Chinese, then English); no lines when nothing was. */
export function formatSkipped(skipped: Skipped): string[] {
  const n = skipped.entries.length;
  if (n === 0 && skipped.others === 0) return [];
  const lines: string[] = [];
  if (n > 0) {
    lines.push(`已跳过 ${n} 项（未评分）/ ${n} skipped (not scored):`);
    for (const e of skipped.entries) lines.push(`  ${e.display}：${e.zh} / ${e.en}`);
  }
  if (skipped.others > 0) {
    lines.push(
      `${n > 0 ? '  ' : ''}另有 ${skipped.others} 个其他文件（不是表格），未处理 / ` +
        `and ${skipped.others} other file(s) (not spreadsheets), left alone`,
    );
  }
  return lines;
}
