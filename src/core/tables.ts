// The two sheets every host can add to a scored workbook: 审核意见 (every finding) and 评分汇总 (one row a form).
import type { Report, Severity } from './report';
import type { SheetTable, TableColumn, TableColumnKind, TableRow } from './plan-types';
import type { Lang } from './messages';
import { Decimal } from './decimal';

export const REVIEW_SHEET_NAME = '审核意见';
export const SUMMARY_SHEET_NAME = '评分汇总';

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function columns(...kinds: TableColumnKind[]): TableColumn[] {
  return kinds.map((kind) => ({ kind }));
}

/** 审核意见: form, cell (a link to it), severity, code, message; workbook-level errors last. */
export function reviewTable(report: Report, lang: Lang = 'zh-CN'): SheetTable {
  const zh = lang !== 'en';
  const rows: TableRow[] = [];
  report.forms.forEach((form, i) => {
    const formName = `${i + 1}. ${form.project ?? (zh ? '（未填项目名称）' : '(no project name)')}`;
    for (const f of form.findings) {
      const cellText = f.cell ? `${form.sheet}!${f.cell}` : form.sheet;
      const row: TableRow = {
        values: [formName, cellText, SEVERITY[lang][f.severity], f.code, zh ? f.message : f.messageEn],
        severity: f.severity,
      };
      if (f.cell) row.links = [{ column: 1, sheet: form.sheet, cell: f.cell }];
      rows.push(row);
    }
  });
  for (const e of report.errors) {
    rows.push({
      values: ['—', e.sheet ?? '—', SEVERITY[lang].warning, e.code, zh ? e.message : e.messageEn],
      severity: 'warning',
    });
  }
  return {
    name: REVIEW_SHEET_NAME,
    header: zh ? ['表单', '单元格', '级别', '代码', '说明'] : ['Form', 'Cell', 'Severity', 'Code', 'Message'],
    rows,
    widths: [28, 16, 8, 26, 90],
    columns: columns('text', 'text', 'severity', 'text', 'text'),
  };
}

/** Names as people sort them: digits by their value (单位2 before 单位10), Chinese by its pinyin order. */
const NATURAL = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

export interface SummaryOptions {
  /** The batch summary (--summary): a 金额单位 column (forms in 元 and 万元 side by side), a 提示 count, and a
   *  printed 总分 that differs from the computed one highlighted. */
  batch?: boolean;
}

/** Whether two decimal strings are different numbers ("94.2" and "94.20" are the same). */
function differs(printed: string | null, computed: string | null): boolean {
  if (printed === null || computed === null) return false;
  try {
    return !new Decimal(printed).eq(new Decimal(computed));
  } catch {
    return printed !== computed;
  }
}

/** 评分汇总: one row a form, for a workbook (or a batch of workbooks) with several forms. */
export function summaryTable(
  reports: Report | Report[],
  lang: Lang = 'zh-CN',
  options: SummaryOptions = {},
): SheetTable {
  const zh = lang !== 'en';
  const batch = options.batch === true;
  const list = Array.isArray(reports) ? reports : [reports];
  const rows: TableRow[] = [];
  for (const report of list) {
    for (const form of report.forms) {
      const count = (s: Severity): number => form.findings.filter((f) => f.severity === s).length;
      const amounts = [form.funds.annualBudget, form.funds.executed];
      const values = [
        report.source,
        form.sheet,
        form.project,
        ...(batch ? [form.unit] : []),
        ...amounts,
        form.funds.rate.computed === null ? null : `${form.funds.rate.computed}%`,
        form.funds.score.computed,
        form.total.printed,
        form.total.computed,
        form.grade.computed,
        count('error'),
        count('warning'),
        ...(batch ? [count('info')] : []),
      ];
      const row: TableRow = {
        values,
        links: [{ column: 1, sheet: form.sheet, cell: form.range.split(':')[0] }],
      };
      // 总分（表中） beside 总分（计算）: a printed total the rules do not give is marked.
      if (batch && differs(form.total.printed, form.total.computed)) row.highlight = [8];
      rows.push(row);
    }
  }
  const header = zh
    ? [
        '文件',
        '工作表',
        '项目名称',
        '全年预算数',
        '全年执行数',
        '执行率',
        '执行率得分',
        '总分（表中）',
        '总分（计算）',
        '等级',
        '错误',
        '警告',
      ]
    : [
        'File',
        'Sheet',
        'Project',
        'Annual budget',
        'Executed',
        'Execution rate',
        'Rate score',
        'Total (printed)',
        'Total (computed)',
        'Grade',
        'Errors',
        'Warnings',
      ];
  // 全年预算数, 全年执行数 and the scores are amounts with their decimals, 执行率 a percentage, 错误/警告 counts.
  const kinds: TableColumnKind[] = [
    'text',
    'text',
    'text',
    'number',
    'number',
    'percent',
    'number',
    'number',
    'number',
    'text',
    'number',
    'number',
  ];
  const widths = [24, 14, 30, 14, 14, 10, 10, 12, 12, 6, 6, 6];
  if (batch) {
    // The unit the form states its amounts in (元 or 万元), read from the form; amounts are left as printed.
    header.splice(3, 0, zh ? '金额单位' : 'Unit');
    kinds.splice(3, 0, 'text');
    widths.splice(3, 0, 8);
    header.push(zh ? '提示' : 'Info');
    kinds.push('number');
    widths.push(6);
  }
  return { name: SUMMARY_SHEET_NAME, header, rows, widths, columns: columns(...kinds) };
}
