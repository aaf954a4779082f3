// The two sheets every host can add to a scored workbook: 审核意见 (every finding) and 评分汇总 (one row a form).
import type { Report, Severity } from './report';
import type { SheetTable, TableColumn, TableColumnKind, TableRow } from './plan-types';
import type { Lang } from './messages';

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

/** 评分汇总: one row a form, for a workbook (or a batch of workbooks) with several forms. */
export function summaryTable(reports: Report | Report[], lang: Lang = 'zh-CN'): SheetTable {
  const zh = lang !== 'en';
  const list = Array.isArray(reports) ? reports : [reports];
  const rows: TableRow[] = [];
  for (const report of list) {
    for (const form of report.forms) {
      const count = (s: Severity): number => form.findings.filter((f) => f.severity === s).length;
      rows.push({
        values: [
          report.source,
          form.sheet,
          form.project,
          form.funds.annualBudget,
          form.funds.executed,
          form.funds.rate.computed === null ? null : `${form.funds.rate.computed}%`,
          form.funds.score.computed,
          form.total.printed,
          form.total.computed,
          form.grade.computed,
          count('error'),
          count('warning'),
        ],
        links: [{ column: 1, sheet: form.sheet, cell: form.range.split(':')[0] }],
      });
    }
  }
  return {
    name: SUMMARY_SHEET_NAME,
    header: zh
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
        ],
    rows,
    widths: [24, 14, 30, 14, 14, 10, 10, 12, 12, 6, 6, 6],
    // 全年预算数, 全年执行数 and the scores are amounts with their decimals, 执行率 a percentage, 错误/警告 counts.
    columns: columns(
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
    ),
  };
}
