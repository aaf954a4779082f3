// Every string the task pane shows, Chinese first, English second. Finding messages are not here: they come
// from the report (`message` / `messageEn`).
import type { Lang, Severity, WriteMode } from '../core';
import type { ExplanationMode } from '../app/host';

export type UiLang = Lang;

/** English when Office's display language is English ("en-US", "en-GB" …), Chinese otherwise. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): UiLang {
  return typeof displayLanguage === 'string' && /^en\b/i.test(displayLanguage) ? 'en' : 'zh-CN';
}

export interface Messages {
  /** The `lang` attribute for the pane's root element. */
  htmlLang: string;
  title: string;
  subtitle: string;
  score: string;
  scoreHint: string;
  scoring: string;
  restore: string;
  restoreHint: string;
  restoring: string;
  settingsGroup: string;
  mode: string;
  modes: Record<WriteMode, string>;
  modeHints: Record<WriteMode, string>;
  rulebook: string;
  /** Names of the rulebook presets by id; an unknown id falls back to the preset's own name. */
  rulebookNames: Record<string, string>;
  formsFound: (n: number) => string;
  formHeading: (index: number, project: string | null) => string;
  noProject: string;
  sheet: string;
  annualBudget: string;
  executed: string;
  rate: string;
  rateScore: string;
  total: string;
  grade: string;
  computed: string;
  printed: string;
  empty: string;
  unit: (unit: string) => string;
  severities: Record<Severity, string>;
  severityCount: (severity: Severity, n: number) => string;
  findings: string;
  noFindings: string;
  findingLabel: (severity: Severity, cell: string | null, message: string) => string;
  noCell: string;
  goToCell: (cell: string) => string;
  applied: (cellsMarked: number, valuesWritten: number) => string;
  clearedFirst: (restored: number) => string;
  explanation: Record<ExplanationMode, string>;
  explanationLine: (mode: ExplanationMode) => string;
  restored: (restored: number, kept: number) => string;
  nothingToRestore: string;
  workbookNotes: string;
  about: (excelApi: string, explanation: ExplanationMode) => string;
  dismiss: string;
  banner: {
    noFormTitle: string;
    noFormBody: string;
    unsupportedTitle: string;
    unsupportedBody: (needed: string, have: string | null) => string;
    protectedTitle: string;
    protectedBody: (sheet: string | null) => string;
    cellEditTitle: string;
    cellEditBody: string;
    otherTitle: string;
    otherBody: (message: string) => string;
    settingTitle: string;
    settingBody: (message: string) => string;
    notInExcelTitle: string;
    notInExcelBody: string;
    officeJsTitle: string;
    officeJsBody: string;
  };
}

const zh: Messages = {
  htmlLang: 'zh-CN',
  title: '绩效自评表评分',
  subtitle: '项目支出绩效自评表：核算执行率与得分，标出问题',
  score: '评分',
  scoreHint: '读取本工作簿中的自评表，按所选规则核算并标出问题',
  scoring: '正在评分…',
  restore: '清除标记',
  restoreHint: '把加载项改过的单元格恢复原样，并删除“审核意见”“评分汇总”工作表',
  restoring: '正在清除标记…',
  settingsGroup: '评分设置',
  mode: '模式',
  modes: { check: '检查', fill: '填写', correct: '改正' },
  modeHints: {
    check: '只标出问题并加说明，不改任何数值',
    fill: '标出问题，并把算出的执行率、得分、总分填入空白单元格',
    correct: '标出问题，并改正算错的执行率、得分、总分（原值可用“清除标记”恢复）',
  },
  rulebook: '评分规则',
  rulebookNames: {
    'mof-2020': '财政部 财预〔2020〕10号（默认）',
    shanghai: '上海市 财政项目支出绩效自评',
    'local-platform': '县级一体化平台（示例）',
  },
  formsFound: (n) => `找到 ${n} 张自评表`,
  formHeading: (i, project) => `${i}. ${project ?? '（未填项目名称）'}`,
  noProject: '（未填项目名称）',
  sheet: '工作表',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  rate: '执行率',
  rateScore: '执行率得分',
  total: '总分',
  grade: '等级',
  computed: '计算',
  printed: '表中',
  empty: '空',
  unit: (u) => `（${u}）`,
  severities: { error: '错误', warning: '警告', info: '提示' },
  severityCount: (s, n) => `${zh.severities[s]} ${n} 条`,
  findings: '审核意见',
  noFindings: '未发现问题。',
  findingLabel: (s, cell, message) =>
    `${zh.severities[s]}，${cell ? `单元格 ${cell}` : '无单元格'}：${message}`,
  noCell: '—',
  goToCell: (cell) => `转到单元格 ${cell}`,
  applied: (marked, written) =>
    written > 0 ? `已标记 ${marked} 个单元格，其中写入 ${written} 个数值。` : `已标记 ${marked} 个单元格。`,
  clearedFirst: (n) => `评分前已先恢复上次标记的 ${n} 个单元格。`,
  explanation: { note: '注释', comment: '批注', none: '无（说明见“审核意见”工作表）' },
  explanationLine: (m) => `单元格说明方式：${zh.explanation[m]}`,
  restored: (restored, kept) =>
    kept > 0
      ? `已恢复 ${restored} 个单元格；${kept} 个单元格在评分后被您改过，已按您的修改保留。`
      : `已恢复 ${restored} 个单元格。`,
  nothingToRestore: '本工作簿中没有需要清除的标记。',
  workbookNotes: '工作簿提示',
  about: (api, m) =>
    `Excel API ${api} · 说明方式：${m === 'note' ? '注释' : m === 'comment' ? '批注' : '无'}`,
  dismiss: '关闭',
  banner: {
    noFormTitle: '没有找到绩效自评表',
    noFormBody:
      '加载项查找含有“一级指标 / 二级指标 / 三级指标”表头行的工作表，以及含“全年预算数”“全年执行数”的资金行。请打开填好的项目支出绩效自评表（或切换到含有它的工作簿），再点“评分”。',
    unsupportedTitle: '此版本的 Excel 不支持所需功能',
    unsupportedBody: (needed, have) =>
      `本加载项需要 ExcelApi ${needed} 及以上：Excel 2019、2021、2024、Microsoft 365 或网页版 Excel${
        have ? `；当前 Excel 只支持到 ExcelApi ${have}` : ''
      }。请更新 Office 后重试，或在网页版 Excel 中打开此工作簿。`,
    protectedTitle: '工作表受保护',
    protectedBody: (sheet) =>
      `加载项无法修改受保护的${sheet ? `工作表“${sheet}”` : '工作表或工作簿'}。请在“审阅”选项卡中点“撤消工作表保护”（如工作簿结构受保护，再点“保护工作簿”取消），然后再试一次。若工作簿以只读方式打开，请先另存一份。`,
    cellEditTitle: '正在编辑单元格',
    cellEditBody: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后再试。',
    otherTitle: '出错了',
    otherBody: (message) => `${message}。请重试；如仍出错，请保存并重新打开工作簿后再试。`,
    settingTitle: '设置未能保存',
    settingBody: (message) => `${message}。本次评分仍按所选设置进行。`,
    notInExcelTitle: '请在 Excel 中打开',
    notInExcelBody:
      '此页面是 Excel 加载项的任务窗格，需要在 Excel（Windows、Mac 或网页版）中通过“开始”选项卡上的“绩效评分”按钮打开。',
    officeJsTitle: 'Office.js 未能加载',
    officeJsBody:
      '任务窗格需要由 Excel 从微软服务器（appsforoffice.microsoft.com）加载 Office.js。请检查网络或代理是否允许访问该地址，然后关闭并重新打开任务窗格。若此页面是直接在浏览器中打开的，请改从 Excel 中打开。',
  },
};

const en: Messages = {
  htmlLang: 'en',
  title: 'Self-evaluation scorer',
  subtitle: 'Project expenditure self-evaluation form: check the rate and scores, mark the problems',
  score: 'Score',
  scoreHint: 'Read the forms in this workbook, score them with the chosen rulebook and mark the problems',
  scoring: 'Scoring…',
  restore: 'Clear marks',
  restoreHint: 'Put back every cell the add-in changed and remove the 审核意见 and 评分汇总 sheets',
  restoring: 'Clearing marks…',
  settingsGroup: 'Scoring settings',
  mode: 'Mode',
  modes: { check: 'Check', fill: 'Fill in', correct: 'Correct' },
  modeHints: {
    check: 'Mark problems and explain them; change no value',
    fill: 'Mark problems and write the computed rate, scores and total into empty cells',
    correct: 'Mark problems and correct wrong rates, scores and totals (Clear marks puts the originals back)',
  },
  rulebook: 'Rulebook',
  rulebookNames: {
    'mof-2020': 'Ministry of Finance 2020 No. 10 (default)',
    shanghai: 'Shanghai municipal self-evaluation',
    'local-platform': 'County budget platform (example)',
  },
  formsFound: (n) => (n === 1 ? 'Found 1 form' : `Found ${n} forms`),
  formHeading: (i, project) => `${i}. ${project ?? '(no project name)'}`,
  noProject: '(no project name)',
  sheet: 'Sheet',
  annualBudget: 'Annual budget',
  executed: 'Executed',
  rate: 'Execution rate',
  rateScore: 'Rate score',
  total: 'Total score',
  grade: 'Grade',
  computed: 'computed',
  printed: 'printed',
  empty: 'empty',
  unit: (u) => ` (${u})`,
  severities: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityCount: (s, n) =>
    `${n} ${s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'info'}${n === 1 || s === 'info' ? '' : 's'}`,
  findings: 'Findings',
  noFindings: 'No problems found.',
  findingLabel: (s, cell, message) => `${en.severities[s]}, ${cell ? `cell ${cell}` : 'no cell'}: ${message}`,
  noCell: '—',
  goToCell: (cell) => `Go to cell ${cell}`,
  applied: (marked, written) =>
    written > 0
      ? `Marked ${marked} cell${marked === 1 ? '' : 's'}, wrote ${written} value${written === 1 ? '' : 's'}.`
      : `Marked ${marked} cell${marked === 1 ? '' : 's'}.`,
  clearedFirst: (n) => `The ${n} cells marked last time were put back first.`,
  explanation: { note: 'notes', comment: 'comments', none: 'none (see the 审核意见 sheet)' },
  explanationLine: (m) => `Cells are explained with ${en.explanation[m]}`,
  restored: (restored, kept) =>
    kept > 0
      ? `Put back ${restored} cells; ${kept} cells you changed after scoring were kept as you left them.`
      : `Put back ${restored} cells.`,
  nothingToRestore: 'This workbook has no marks to clear.',
  workbookNotes: 'Workbook notes',
  about: (api, m) =>
    `Excel API ${api} · explanations: ${m === 'note' ? 'notes' : m === 'comment' ? 'comments' : 'none'}`,
  dismiss: 'Dismiss',
  banner: {
    noFormTitle: 'No self-evaluation form found',
    noFormBody:
      'The add-in looks for a sheet with an indicator header row (一级指标 / 二级指标 / 三级指标) and a funds row with 全年预算数 and 全年执行数. Open a filled-in 项目支出绩效自评表 (or switch to the workbook that holds it) and press Score again.',
    unsupportedTitle: 'This version of Excel lacks a feature the add-in needs',
    unsupportedBody: (needed, have) =>
      `The add-in needs ExcelApi ${needed} or later: Excel 2019, 2021, 2024, Microsoft 365 or Excel on the web${
        have ? `; this Excel supports up to ExcelApi ${have}` : ''
      }. Update Office and try again, or open the workbook in Excel on the web.`,
    protectedTitle: 'The sheet is protected',
    protectedBody: (sheet) =>
      `The add-in cannot change ${sheet ? `the protected sheet "${sheet}"` : 'a protected sheet or workbook'}. On the Review tab choose Unprotect Sheet (and Protect Workbook to lift a workbook's protection), then try again. If the workbook is open read-only, save a copy first.`,
    cellEditTitle: 'A cell is being edited',
    cellEditBody: 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
    otherTitle: 'Something went wrong',
    otherBody: (message) =>
      `${message}. Please try again; if it keeps failing, save and reopen the workbook.`,
    settingTitle: 'The setting was not saved',
    settingBody: (message) => `${message}. This scoring still uses the chosen setting.`,
    notInExcelTitle: 'Open this in Excel',
    notInExcelBody:
      'This page is the task pane of an Excel add-in. Open it from Excel (Windows, Mac or the web) with the Score button on the Home tab.',
    officeJsTitle: 'Office.js did not load',
    officeJsBody:
      "The task pane needs Office.js, which Excel loads from Microsoft's servers (appsforoffice.microsoft.com). Check that the network or proxy allows that address, then close and reopen the task pane. If you opened this page in a browser, open it from Excel instead.",
  },
};

export const MESSAGES: Readonly<Record<UiLang, Messages>> = { 'zh-CN': zh, en };

export function messages(lang: UiLang): Messages {
  return MESSAGES[lang];
}
