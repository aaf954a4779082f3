// --html: the batch as one self-contained HTML page for a reviewer: totals, the score distribution (an inline SVG
// histogram by 10-point bins), grade counts, problem counts by code and severity, a sortable table of the forms
// and each form's findings. Inline CSS, SVG and one small script; nothing is fetched (a Content-Security-Policy
// says so), the table is a plain table with the script off, and the page prints to PDF one section per page.
// Every text that comes from a workbook is escaped.
import { createHash } from 'crypto';
import * as path from 'path';
import type { FindingCode, FormReport, Lang, Severity } from '../core';
import { Decimal } from '../core/decimal';
import {
  EXPLANATIONS,
  EXPLANATION_GROUPS,
  EXPLAINED_CODES,
  type ExplanationGroup,
} from '../core/explanations';
import type { ScoredFile } from './batch-summary';
import { SORT_SCRIPT, STYLE } from './html-report-assets';

/** A file of the batch that gave no form (unreadable, no form found). */
export interface FailedFile {
  file: string;
  zh: string;
  en: string;
}

export interface HtmlReportInput {
  files: ScoredFile[];
  failed: FailedFile[];
  lang: Lang;
  /** Where the page is written: links to the scored copies are relative to it. */
  htmlFile: string;
  /** Shown in the heading; the time of the run unless a test fixes it. */
  generated?: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const GRADE_ORDER = ['优', '良', '中', '差'];
const GRADE_EN: Record<string, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

const WORDS = {
  'zh-CN': {
    title: '绩效自评表 批量审核报告',
    generated: '生成时间',
    rulebook: '评分规则',
    overview: '概况',
    files: '文件',
    forms: '自评表',
    scored: '已算出总分',
    failedFiles: '无法处理的文件',
    failedCard: '无法处理',
    distribution: '得分分布',
    distributionNote: '按计算出的总分，每 10 分一组',
    noScores: '没有算出总分的自评表。',
    grades: '等级',
    grade: '等级',
    count: '张数',
    noGrade: '无总分',
    problems: '问题统计',
    code: '代码',
    meaning: '含义',
    total: '合计',
    noProblems: '未发现问题。',
    table: '自评表一览',
    tableNote: '点击表头排序；点击项目名称查看该表的问题。黄色底：表中总分与计算出的总分不同。',
    sheet: '工作表',
    project: '项目名称',
    rate: '执行率',
    totalComputed: '总分（计算）',
    totalPrinted: '总分（表中）',
    noProject: '（未填项目名称）',
    details: '各表问题',
    cell: '单元格',
    message: '意见',
    severity: '级别',
    back: '返回一览',
    scoredCopy: '评分副本',
    noFindings: '未发现问题。',
    codes: '代码说明',
    todo: '怎么办',
    when: '何时',
    severityName: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    reason: '原因',
  },
  en: {
    title: 'Self-evaluation forms: batch review report',
    generated: 'Generated',
    rulebook: 'Rulebook',
    overview: 'Overview',
    files: 'Files',
    forms: 'Forms',
    scored: 'With a computed total',
    failedFiles: 'Files that could not be scored',
    failedCard: 'Not scored',
    distribution: 'Score distribution',
    distributionNote: 'computed totals, in bins of 10 points',
    noScores: 'No form has a computed total.',
    grades: 'Grades',
    grade: 'Grade',
    count: 'Forms',
    noGrade: 'no total',
    problems: 'Problems',
    code: 'Code',
    meaning: 'Meaning',
    total: 'Total',
    noProblems: 'No problems found.',
    table: 'Forms',
    tableNote:
      "Click a header to sort; click a project to see the form's findings. Yellow: the printed total differs from the computed one.",
    sheet: 'Sheet',
    project: 'Project',
    rate: 'Execution rate',
    totalComputed: 'Total (computed)',
    totalPrinted: 'Total (printed)',
    noProject: '(no project name)',
    details: 'Findings by form',
    cell: 'Cell',
    message: 'Finding',
    severity: 'Severity',
    back: 'back to the table',
    scoredCopy: 'scored copy',
    noFindings: 'No findings.',
    codes: 'The codes explained',
    todo: 'What to do',
    when: 'When',
    severityName: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    reason: 'Reason',
  },
};

/** Text and attribute values from workbooks: nothing in them can open a tag, an entity or leave an attribute. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const esc = escapeHtml;

interface Row {
  index: number;
  file: string;
  output: string | null;
  form: FormReport;
  counts: Record<Severity, number>;
}

function rowsOf(files: ScoredFile[]): Row[] {
  const rows: Row[] = [];
  for (const f of files) {
    for (const form of f.report.forms) {
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const finding of form.findings) counts[finding.severity]++;
      rows.push({ index: rows.length + 1, file: f.report.source, output: f.output, form, counts });
    }
  }
  return rows;
}

function gradeLabel(grade: string, lang: Lang): string {
  return lang === 'en' && GRADE_EN[grade] ? `${grade} (${GRADE_EN[grade]})` : grade;
}

/** 0–9.99 → bin 0, …, 90–100 → bin 9 (a total of 100 belongs to the top bin). */
export function scoreBin(total: string): number {
  const bin = new Decimal(total).div(10).floor().toNumber();
  return Math.min(9, Math.max(0, bin));
}

function histogram(rows: Row[], lang: Lang): string {
  const w = WORDS[lang];
  const bins = new Array<number>(10).fill(0);
  for (const r of rows) if (r.form.total.computed !== null) bins[scoreBin(r.form.total.computed)]++;
  const max = Math.max(...bins);
  if (max === 0) return `<p>${esc(w.noScores)}</p>`;
  const W = 640;
  const H = 260;
  const left = 40;
  const bottom = 40;
  const top = 24;
  const plotH = H - bottom - top;
  const barW = (W - left - 10) / 10;
  const ticks = max <= 5 ? max : 5;
  const parts: string[] = [];
  for (let t = 0; t <= ticks; t++) {
    const v = Math.round((max * t) / ticks);
    const y = top + plotH - (plotH * v) / max;
    parts.push(
      `<line x1="${left}" x2="${W - 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>` +
        `<text x="${left - 6}" y="${(y + 4).toFixed(1)}" class="axis" text-anchor="end">${v}</text>`,
    );
  }
  bins.forEach((n, i) => {
    const x = left + i * barW;
    const h = (plotH * n) / max;
    const y = top + plotH - h;
    const label = i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
    parts.push(
      `<g data-bin="${i}" data-count="${n}">` +
        (n > 0
          ? `<rect x="${(x + 4).toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 8).toFixed(1)}" height="${h.toFixed(1)}" class="bar"><title>${label}: ${n}</title></rect>` +
            `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" class="value" text-anchor="middle">${n}</text>`
          : '') +
        `<text x="${(x + barW / 2).toFixed(1)}" y="${H - bottom + 18}" class="axis" text-anchor="middle">${label}</text>` +
        `</g>`,
    );
  });
  parts.push(`<line x1="${left}" x2="${W - 10}" y1="${top + plotH}" y2="${top + plotH}" class="base"/>`);
  return (
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" ` +
    `aria-label="${esc(`${w.distribution}: ${bins.join(', ')}`)}" xmlns="http://www.w3.org/2000/svg">` +
    `${parts.join('')}</svg>`
  );
}

function gradeTable(rows: Row[], lang: Lang): string {
  const w = WORDS[lang];
  const counts = new Map<string, number>(GRADE_ORDER.map((g) => [g, 0]));
  let none = 0;
  for (const r of rows) {
    const g = r.form.grade.computed;
    if (g === null) none++;
    else counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const body = [...counts].map(
    ([g, n]) =>
      `<tr data-grade="${esc(g)}"><td>${esc(gradeLabel(g, lang))}</td><td class="num">${n}</td></tr>`,
  );
  if (none > 0) body.push(`<tr data-grade=""><td>${esc(w.noGrade)}</td><td class="num">${none}</td></tr>`);
  return (
    `<table class="grades"><thead><tr><th>${esc(w.grade)}</th><th class="num">${esc(w.count)}</th></tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

function problemTable(rows: Row[], lang: Lang): string {
  const w = WORDS[lang];
  const byCode = new Map<FindingCode, Record<Severity, number>>();
  for (const r of rows) {
    for (const f of r.form.findings) {
      const c = byCode.get(f.code) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity]++;
      byCode.set(f.code, c);
    }
  }
  if (byCode.size === 0) return `<p>${esc(w.noProblems)}</p>`;
  const order = (c: FindingCode): number => {
    const i = EXPLAINED_CODES.indexOf(c);
    return i < 0 ? EXPLAINED_CODES.length : i;
  };
  const codes = [...byCode.keys()].sort((a, b) => order(a) - order(b));
  const sum: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const body = codes.map((code) => {
    const c = byCode.get(code)!;
    for (const s of SEVERITIES) sum[s] += c[s];
    const title = EXPLANATIONS[code]?.title[lang] ?? '';
    return (
      `<tr data-code="${esc(code)}"><td><a href="#code-${esc(code)}"><code>${esc(code)}</code></a></td>` +
      `<td>${esc(title)}</td>` +
      SEVERITIES.map((s) => `<td class="num ${s}" data-severity="${s}">${c[s] || ''}</td>`).join('') +
      `<td class="num">${c.error + c.warning + c.info}</td></tr>`
    );
  });
  const head =
    `<tr><th>${esc(w.code)}</th><th>${esc(w.meaning)}</th>` +
    SEVERITIES.map((s) => `<th class="num">${esc(w.severityName[s])}</th>`).join('') +
    `<th class="num">${esc(w.total)}</th></tr>`;
  const foot =
    `<tr><th colspan="2">${esc(w.total)}</th>` +
    SEVERITIES.map((s) => `<th class="num" data-severity-total="${s}">${sum[s]}</th>`).join('') +
    `<th class="num">${sum.error + sum.warning + sum.info}</th></tr>`;
  return `<table class="problems"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table>`;
}

/** A cell with its sort key: numbers as plain decimals, text as shown; empty keys sort last. */
function td(shown: string, sort: string | number | null, cls = ''): string {
  const key = sort === null ? '' : String(sort);
  return `<td${cls ? ` class="${cls}"` : ''} data-sort="${esc(key)}">${shown}</td>`;
}

function formsTable(rows: Row[], lang: Lang): string {
  const w = WORDS[lang];
  const cols: { label: string; type: 'number' | 'text'; cls?: string }[] = [
    { label: '#', type: 'number', cls: 'num' },
    { label: w.files, type: 'text' },
    { label: w.sheet, type: 'text' },
    { label: w.project, type: 'text' },
    { label: w.rate, type: 'number', cls: 'num' },
    { label: w.totalComputed, type: 'number', cls: 'num' },
    { label: w.totalPrinted, type: 'number', cls: 'num' },
    { label: w.grade, type: 'text' },
    ...SEVERITIES.map((s) => ({ label: w.severityName[s], type: 'number' as const, cls: 'num' })),
  ];
  const head = cols
    .map(
      (c, i) =>
        `<th data-type="${c.type}" data-col="${i}"${c.cls ? ` class="${c.cls}"` : ''}>${esc(c.label)}</th>`,
    )
    .join('');
  const body = rows.map((r) => {
    const f = r.form;
    const numeric = (v: string | null): string | null => (v !== null && isNumber(v) ? v : null);
    const rate = f.funds.rate.computed;
    const mismatch =
      f.total.printed !== null && f.total.computed !== null && !sameNumber(f.total.printed, f.total.computed);
    return (
      `<tr id="row-${r.index}">` +
      td(String(r.index), r.index, 'num') +
      td(esc(r.file), r.file) +
      td(esc(f.sheet), f.sheet, 'nowrap') +
      td(`<a href="#form-${r.index}">${esc(f.project ?? w.noProject)}</a>`, f.project ?? '') +
      td(rate === null ? '—' : `${esc(rate)}%`, numeric(rate), 'num') +
      td(esc(f.total.computed ?? '—'), numeric(f.total.computed), 'num') +
      td(esc(f.total.printed ?? '—'), numeric(f.total.printed), mismatch ? 'num differs' : 'num') +
      td(
        esc(f.grade.computed === null ? '—' : gradeLabel(f.grade.computed, lang)),
        f.grade.computed,
        'nowrap',
      ) +
      SEVERITIES.map((s) => td(String(r.counts[s]), r.counts[s], `num ${r.counts[s] ? s : ''}`.trim())).join(
        '',
      ) +
      `</tr>`
    );
  });
  return `<table class="forms sortable"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function isNumber(s: string): boolean {
  try {
    new Decimal(s);
    return true;
  } catch {
    return false;
  }
}

function sameNumber(a: string, b: string): boolean {
  try {
    return new Decimal(a).eq(new Decimal(b));
  } catch {
    return a === b;
  }
}

function hrefTo(from: string, target: string): string {
  const rel = path.relative(path.dirname(from), target).split(path.sep);
  return rel.map((seg) => encodeURIComponent(seg)).join('/');
}

function formSection(r: Row, input: HtmlReportInput): string {
  const { lang } = input;
  const w = WORDS[lang];
  const f = r.form;
  const sep = lang === 'en' ? ': ' : '：';
  const facts: string[] = [
    `${esc(w.files)}${sep}${esc(r.file)}` +
      (r.output ? ` (<a href="${esc(hrefTo(input.htmlFile, r.output))}">${esc(w.scoredCopy)}</a>)` : ''),
    `${esc(w.sheet)}${sep}${esc(f.sheet)}!${esc(f.range)}`,
    `${esc(w.rate)}${sep}${f.funds.rate.computed === null ? '—' : `${esc(f.funds.rate.computed)}%`}`,
    `${esc(w.totalComputed)}${sep}${esc(f.total.computed ?? '—')}${f.total.weight ? ` / ${esc(f.total.weight)}` : ''}`,
    `${esc(w.totalPrinted)}${sep}${esc(f.total.printed ?? '—')}`,
    `${esc(w.grade)}${sep}${esc(f.grade.computed === null ? '—' : gradeLabel(f.grade.computed, lang))}`,
  ];
  const findings =
    f.findings.length === 0
      ? `<p>${esc(w.noFindings)}</p>`
      : `<table class="findings"><thead><tr><th>${esc(w.severity)}</th><th>${esc(w.code)}</th>` +
        `<th>${esc(w.cell)}</th><th>${esc(w.message)}</th></tr></thead><tbody>` +
        [...f.findings]
          .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
          .map(
            (x) =>
              `<tr class="${x.severity}"><td><span class="sev ${x.severity}">${esc(w.severityName[x.severity])}</span></td>` +
              `<td><a href="#code-${esc(x.code)}"><code>${esc(x.code)}</code></a></td>` +
              `<td class="nowrap">${esc(x.cell ?? '—')}</td><td>${esc(lang === 'en' ? x.messageEn : x.message)}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`;
  return (
    `<section class="form" id="form-${r.index}"><h3>${r.index}. ${esc(f.project ?? w.noProject)}</h3>` +
    `<p class="facts">${facts.map((x) => `<span>${x}</span>`).join('')}</p>${findings}` +
    `<p class="back"><a href="#row-${r.index}">↑ ${esc(w.back)}</a></p></section>`
  );
}

function codesSection(rows: Row[], lang: Lang): string {
  const seen = new Set<FindingCode>();
  for (const r of rows) for (const f of r.form.findings) seen.add(f.code);
  const codes = EXPLAINED_CODES.filter((c) => seen.has(c));
  return explanationList(codes, lang);
}

/** The explanations of some codes as a definition list with #code-… anchors. */
export function explanationList(codes: FindingCode[], lang: Lang, idSuffix = ''): string {
  const w = WORDS[lang];
  const sep = lang === 'en' ? ': ' : '：';
  return (
    `<dl class="codes">` +
    codes
      .map((code) => {
        const e = EXPLANATIONS[code];
        return (
          `<dt id="code-${esc(code)}${idSuffix}"><code>${esc(code)}</code> ${esc(e.title[lang])}</dt>` +
          `<dd><strong>${esc(w.when)}</strong>${sep}${esc(e.when[lang])}<br/>` +
          `<strong>${esc(w.todo)}</strong>${sep}${esc(e.todo[lang])}</dd>`
        );
      })
      .join('') +
    `</dl>`
  );
}

/**
 * Every code, grouped as in docs/finding-codes.md, in Chinese then in English: the part of the help page
 * (src/taskpane/help.html, between its codes:begin and codes:end marks) that scripts/help-codes.ts writes.
 * Anchors: #codes, #code-SCORE_MISMATCH (Chinese), #code-SCORE_MISMATCH-en (English).
 */
export function helpCodesHtml(): string {
  const groups = Object.keys(EXPLANATION_GROUPS) as ExplanationGroup[];
  const part = (lang: Lang, suffix: string): string =>
    groups
      .map((g) => {
        const codes = EXPLAINED_CODES.filter((c) => EXPLANATIONS[c].group === g);
        return `<h3>${esc(EXPLANATION_GROUPS[g][lang])}</h3>\n${explanationList(codes, lang, suffix)}`;
      })
      .join('\n');
  return [
    '<h2 id="codes">问题代码说明</h2>',
    '<section id="codes-zh" lang="zh-CN">',
    '<p>评分结果中每条意见前的代码（如 SCORE_MISMATCH）的含义和处理办法。命令行：selfeval --explain 代码。</p>',
    part('zh-CN', ''),
    '</section>',
    '<h2 id="codes-en-title" class="en">Finding codes</h2>',
    '<section id="codes-en" lang="en" class="en">',
    '<p>What the code before each finding (such as SCORE_MISMATCH) means and what to do. ' +
      'On the command line: selfeval --explain CODE --lang en.</p>',
    part('en', '-en'),
    '</section>',
  ].join('\n');
}

/** Sorting the forms table on a header click; the page works without it. Plain ES5, no library. */
export function batchHtml(input: HtmlReportInput): string {
  const { lang } = input;
  const w = WORDS[lang];
  const rows = rowsOf(input.files);
  const scored = rows.filter((r) => r.form.total.computed !== null).length;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of rows) for (const s of SEVERITIES) counts[s] += r.counts[s];
  const rulebooks = [...new Set(input.files.map((f) => f.report.rulebook))];
  const fileCount = input.files.length + input.failed.length;
  const sep = lang === 'en' ? ': ' : '：';
  const card = (key: string, label: string, n: number, cls = ''): string =>
    `<li${cls ? ` class="${cls}"` : ''} data-total="${key}"><b>${n}</b>${esc(label)}</li>`;

  const failed =
    input.failed.length === 0
      ? ''
      : `<h3>${esc(w.failedFiles)}</h3><ul class="failed">` +
        input.failed
          .map((f) => `<li><b>${esc(f.file)}</b>${sep}${esc(lang === 'en' ? f.en : f.zh)}</li>`)
          .join('') +
        `</ul>`;

  const script = SORT_SCRIPT;
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'`;

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${csp}"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="selfeval"/>
<title>${esc(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(w.title)}</h1>
<p class="meta">${esc(w.rulebook)}${sep}${esc(rulebooks.join(', ') || '—')}${
    input.generated ? ` · ${esc(w.generated)}${sep}${esc(input.generated)}` : ''
  }</p>
</header>
<section class="part first" id="overview">
<h2>${esc(w.overview)}</h2>
<ul class="cards">${card('files', w.files, fileCount)}${card('forms', w.forms, rows.length)}${card(
    'scored',
    w.scored,
    scored,
  )}${card('failed', w.failedCard, input.failed.length, input.failed.length ? 'error' : '')}${SEVERITIES.map(
    (s) => card(s, w.severityName[s], counts[s], s),
  ).join('')}</ul>
${failed}
<div class="row">
<div><h3>${esc(w.distribution)} <small class="meta">(${esc(w.distributionNote)})</small></h3>${histogram(rows, lang)}</div>
<div><h3>${esc(w.grades)}</h3>${gradeTable(rows, lang)}</div>
</div>
<h3>${esc(w.problems)}</h3>
${problemTable(rows, lang)}
</section>
<section class="part" id="forms">
<h2>${esc(w.table)}</h2>
<p class="meta">${esc(w.tableNote)}</p>
${formsTable(rows, lang)}
</section>
<section class="part" id="details">
<h2>${esc(w.details)}</h2>
${rows.map((r) => formSection(r, input)).join('\n')}
</section>
<section class="part" id="codes">
<h2>${esc(w.codes)}</h2>
${codesSection(rows, lang)}
</section>
<script>${script}</script>
</body>
</html>
`;
}
