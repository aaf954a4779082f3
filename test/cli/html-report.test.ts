/**
 * @jest-environment jsdom
 */
// The --html page as data: its counts, its chart, its sort keys, and that nothing from a workbook can become
// markup or script. Parsed with the DOMParser, which (like a browser opening the file) never runs a script it reads.
import { createHash } from 'crypto';
import type { Finding, FormReport, Report, Severity } from '../../src/core';
import { REPORT_SCHEMA } from '../../src/core';
import { batchHtml, escapeHtml, scoreBin } from '../../src/cli/html-report';
import type { ScoredFile } from '../../src/cli/batch-summary';

const EVIL = `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`;

function finding(code: Finding['code'], severity: Severity, cell: string | null, message = '意见'): Finding {
  return { code, severity, cell, message, messageEn: `${message} (en)` };
}

function form(
  project: string | null,
  total: string | null,
  grade: string | null,
  findings: Finding[],
  extra: Partial<FormReport> = {},
): FormReport {
  return {
    sheet: '自评表',
    range: 'A1:I21',
    year: '2022',
    project,
    department: null,
    implementer: null,
    unit: '元',
    funds: {
      initialBudget: '100',
      annualBudget: '100',
      executed: '95',
      weight: '10',
      rate: { computed: '95.00', printed: '95.00', cell: 'H6' },
      score: { computed: '9.50', printed: '9.5', cell: 'I6' },
      breakdown: [],
    },
    indicators: [],
    total: { weight: '100', computed: total, printed: total, cell: 'I21' },
    grade: { computed: grade, printed: null },
    findings,
    ...extra,
  };
}

function file(source: string, forms: FormReport[]): ScoredFile {
  const report: Report = { schema: REPORT_SCHEMA, source, rulebook: 'mof-2020', forms, errors: [] };
  return { report, output: null };
}

const FILES: ScoredFile[] = [
  file(`单位2 & "引号".xlsx`, [
    form(EVIL, '95.5', '优', [
      finding('SCORE_MISMATCH', 'error', 'H13', EVIL),
      finding('REASON_MISSING', 'warning', 'I13'),
    ]),
    form('乙项目', '100', '优', [], {
      total: { weight: '100', computed: '100', printed: '98', cell: 'I21' },
    }),
  ]),
  file('单位10.xlsx', [
    form('丙项目', '85.25', '良', [
      finding('SCORE_MISMATCH', 'warning', 'H14'),
      finding('RATE_MISMATCH', 'info', 'H6'),
    ]),
    form('丁项目', '59.99', '差', [finding('TOTAL_MISMATCH', 'error', 'I21')]),
    form(null, null, null, [finding('FIELD_MISSING', 'error', 'D6')]),
  ]),
];

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const texts = (doc: Document, sel: string): string[] =>
  Array.from(doc.querySelectorAll(sel)).map((e) => (e.textContent ?? '').trim());

describe('batchHtml', () => {
  const html = batchHtml({
    files: FILES,
    failed: [{ file: `坏<b>文件</b>.xlsx`, zh: '无法读取', en: 'unreadable' }],
    lang: 'zh-CN',
    htmlFile: '/tmp/报告.html',
    generated: '2026-11-28 10:00 UTC',
  });
  const doc = parse(html);

  it('keeps text from workbooks inert: a <script> project name is text, not a script', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(EVIL));
    // The page's own sorting script is the only script, and the only element with an event handler is none.
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector('script')?.textContent).not.toContain('alert');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll('*')).filter((e) => e.hasAttribute('onerror'))).toEqual([]);
    // What a reader sees is exactly what the workbook says.
    expect(texts(doc, 'table.forms tbody a')[0]).toBe(EVIL);
    expect(texts(doc, '#form-1 h3')[0]).toBe(`1. ${EVIL}`);
    expect(texts(doc, '#form-1 table.findings tbody td:last-child')).toContain(EVIL);
    expect(texts(doc, 'table.forms tbody tr:first-child td:nth-child(2)')[0]).toBe(`单位2 & "引号".xlsx`);
    expect(texts(doc, 'ul.failed li')[0]).toBe('坏<b>文件</b>.xlsx：无法读取');
  });

  it('fetches nothing: no external URL, no src, a CSP that allows only its own script', () => {
    const withoutXmlns = html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '');
    expect(withoutXmlns).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(doc.querySelectorAll('[src], [href^="http"], link, iframe, object, embed')).toHaveLength(0);
    const script = doc.querySelector('script')!.textContent!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(csp).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'`,
    );
  });

  it('counts files, forms, scored forms, failures and findings by severity', () => {
    const cards = Object.fromEntries(
      Array.from(doc.querySelectorAll('[data-total]')).map((e) => [
        e.getAttribute('data-total'),
        e.querySelector('b')?.textContent,
      ]),
    );
    expect(cards).toEqual({
      files: '3',
      forms: '5',
      scored: '4',
      failed: '1',
      error: '3',
      warning: '2',
      info: '1',
    });
  });

  it('draws the score distribution in 10-point bins', () => {
    const bins = Array.from(doc.querySelectorAll('svg.chart g[data-bin]')).map((g) =>
      Number(g.getAttribute('data-count')),
    );
    // 59.99 → 50–59, 85.25 → 80–89, 95.5 and 100 → 90–100; the form without a total is not drawn.
    expect(bins).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 1, 2]);
    expect(doc.querySelectorAll('svg.chart rect.bar')).toHaveLength(3);
    expect([scoreBin('0'), scoreBin('9.99'), scoreBin('89.99'), scoreBin('90'), scoreBin('100')]).toEqual([
      0, 0, 8, 9, 9,
    ]);
  });

  it('counts the grades, 优 to 差, and the forms without a total', () => {
    const grades = Array.from(doc.querySelectorAll('table.grades tbody tr')).map((tr) => [
      tr.getAttribute('data-grade'),
      tr.querySelector('td.num')?.textContent,
    ]);
    expect(grades).toEqual([
      ['优', '2'],
      ['良', '1'],
      ['中', '0'],
      ['差', '1'],
      ['', '1'],
    ]);
  });

  it('counts the problems by code and severity, with what each code means', () => {
    const rows = Array.from(doc.querySelectorAll('table.problems tbody tr')).map((tr) => [
      tr.getAttribute('data-code'),
      ...Array.from(tr.querySelectorAll('td[data-severity]')).map((td) => td.textContent),
    ]);
    expect(rows).toEqual([
      ['RATE_MISMATCH', '', '', '1'],
      ['SCORE_MISMATCH', '1', '1', ''],
      ['REASON_MISSING', '', '1', ''],
      ['TOTAL_MISMATCH', '1', '', ''],
      ['FIELD_MISSING', '1', '', ''],
    ]);
    expect(texts(doc, 'table.problems tfoot th[data-severity-total]')).toEqual(['3', '2', '1']);
    expect(texts(doc, 'table.problems tbody tr[data-code="SCORE_MISMATCH"] td:nth-child(2)')[0]).toBe(
      '指标得分与按规则算出的得分不一致。',
    );
    // Each code links to its explanation further down.
    for (const a of Array.from(doc.querySelectorAll('table.problems a'))) {
      expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    }
  });

  it('gives every cell of the forms table a sort key: numbers plain, empty last', () => {
    const heads = Array.from(doc.querySelectorAll('table.forms thead th')).map((th) => [
      th.textContent,
      th.getAttribute('data-type'),
    ]);
    expect(heads.map((h) => h[1])).toEqual([
      'number',
      'text',
      'text',
      'text',
      'number',
      'number',
      'number',
      'text',
      'number',
      'number',
      'number',
    ]);
    const totals = Array.from(doc.querySelectorAll('table.forms tbody tr')).map((tr) =>
      tr.children[5].getAttribute('data-sort'),
    );
    expect(totals).toEqual(['95.5', '100', '85.25', '59.99', '']);
    const rates = Array.from(doc.querySelectorAll('table.forms tbody tr')).map((tr) =>
      tr.children[4].getAttribute('data-sort'),
    );
    expect(rates).toEqual(['95.00', '95.00', '95.00', '95.00', '95.00']);
    // The printed total that differs from the computed one is marked.
    expect(doc.querySelectorAll('table.forms td.differs')).toHaveLength(1);
  });

  it('links each row to its form and each form back to its row', () => {
    const links = Array.from(doc.querySelectorAll('table.forms tbody a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#form-1', '#form-2', '#form-3', '#form-4', '#form-5']);
    for (const href of links) {
      const section = doc.querySelector(href!)!;
      expect(section.querySelector('a[href^="#row-"]')).not.toBeNull();
    }
    // Errors first in a form's findings: code, severity, cell, message.
    const rows = Array.from(doc.querySelectorAll('#form-3 table.findings tbody tr')).map((tr) =>
      Array.from(tr.children).map((td) => (td.textContent ?? '').trim()),
    );
    expect(rows).toEqual([
      ['警告', 'SCORE_MISMATCH', 'H14', '意见'],
      ['提示', 'RATE_MISMATCH', 'H6', '意见'],
    ]);
  });

  it('speaks English with --lang en, grades glossed', () => {
    const en = parse(batchHtml({ files: FILES, failed: [], lang: 'en', htmlFile: '/tmp/r.html' }));
    expect(en.documentElement.lang).toBe('en');
    expect(texts(en, 'h1')[0]).toBe('Self-evaluation forms: batch review report');
    expect(texts(en, '#form-1 table.findings tbody td:last-child')).toContain(`${EVIL} (en)`);
    expect(texts(en, 'table.grades tbody td:first-child')).toContain('优 (excellent)');
  });

  it('prints one part per page and keeps nothing sticky', () => {
    expect(html).toMatch(/@media print \{[^]*section\.part \{ break-before: page; \}/);
    expect(html).not.toMatch(/position:\s*(sticky|fixed)/);
    expect(doc.querySelectorAll('section.part')).toHaveLength(4);
  });
});
