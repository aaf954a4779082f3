// Every string the task pane shows, Chinese and English side by side. Finding messages are not here: they come
// from the report (`message` / `messageEn`, written by src/core/messages.ts).
import type { Severity, WriteMode } from '../core';
import type { ExplanationMode } from '../app/host';
import { pick, type SideBySide, type UiLang } from './side-by-side';

export interface BannerMessages {
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
  /** The About area's links: the help page (every finding code explained) and the self-test. */
  helpLink: string;
  selftestLink: string;
  banner: BannerMessages;
  /** Planning 改正 before asking. */
  planning: string;
  confirmCorrectTitle: string;
  confirmCorrectBody: (changes: number) => string;
  confirmCorrectYes: string;
  confirmCorrectNo: string;
  /** The values written, listed after 填写 / 改正. */
  writtenTitle: (n: number) => string;
  writtenLine: (cell: string, before: string, after: string) => string;
  /** A figure the add-in wrote: what the cell held before. */
  writtenWas: (before: string) => string;
  marksCleared: string;
}

const SEVERITIES: SideBySide<Record<Severity, string>> = {
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '警告', en: 'Warning' },
  info: { 'zh-CN': '提示', en: 'Info' },
};

const EXPLANATION: SideBySide<Record<ExplanationMode, string>> = {
  note: { 'zh-CN': '注释', en: 'notes' },
  comment: { 'zh-CN': '批注', en: 'comments' },
  none: { 'zh-CN': '无（说明见“审核意见”工作表）', en: 'none (see the 审核意见 sheet)' },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const BANNER: SideBySide<BannerMessages> = {
  noFormTitle: { 'zh-CN': '没有找到绩效自评表', en: 'No self-evaluation form found' },
  noFormBody: {
    'zh-CN':
      '加载项查找含有“一级指标 / 二级指标 / 三级指标”表头行的工作表，以及含“全年预算数”“全年执行数”的资金行。请打开填好的项目支出绩效自评表（或切换到含有它的工作簿），再点“评分”。',
    en: 'The add-in looks for a sheet with an indicator header row (一级指标 / 二级指标 / 三级指标) and a funds row with 全年预算数 and 全年执行数. Open a filled-in 项目支出绩效自评表 (or switch to the workbook that holds it) and press Score again.',
  },
  unsupportedTitle: {
    'zh-CN': '此版本的 Excel 不支持所需功能',
    en: 'This version of Excel lacks a feature the add-in needs',
  },
  unsupportedBody: {
    'zh-CN': (needed, have) =>
      `本加载项需要 ExcelApi ${needed} 及以上：Excel 2019、2021、2024、Microsoft 365 或网页版 Excel${
        have ? `；当前 Excel 只支持到 ExcelApi ${have}` : ''
      }。请更新 Office 后重试，或在网页版 Excel 中打开此工作簿。`,
    en: (needed, have) =>
      `The add-in needs ExcelApi ${needed} or later: Excel 2019, 2021, 2024, Microsoft 365 or Excel on the web${
        have ? `; this Excel supports up to ExcelApi ${have}` : ''
      }. Update Office and try again, or open the workbook in Excel on the web.`,
  },
  protectedTitle: { 'zh-CN': '工作表受保护', en: 'The sheet is protected' },
  protectedBody: {
    'zh-CN': (sheet) =>
      `加载项无法修改受保护的${sheet ? `工作表“${sheet}”` : '工作表或工作簿'}。请在“审阅”选项卡中点“撤消工作表保护”（如工作簿结构受保护，再点“保护工作簿”取消），然后再试一次。若工作簿以只读方式打开，请先另存一份。`,
    en: (sheet) =>
      `The add-in cannot change ${sheet ? `the protected sheet "${sheet}"` : 'a protected sheet or workbook'}. On the Review tab choose Unprotect Sheet (and Protect Workbook to lift a workbook's protection), then try again. If the workbook is open read-only, save a copy first.`,
  },
  cellEditTitle: { 'zh-CN': '正在编辑单元格', en: 'A cell is being edited' },
  cellEditBody: {
    'zh-CN': 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后再试。',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.',
  },
  otherTitle: { 'zh-CN': '出错了', en: 'Something went wrong' },
  otherBody: {
    'zh-CN': (message) => `${message}。请重试；如仍出错，请保存并重新打开工作簿后再试。`,
    en: (message) => `${message}. Please try again; if it keeps failing, save and reopen the workbook.`,
  },
  settingTitle: { 'zh-CN': '设置未能保存', en: 'The setting was not saved' },
  settingBody: {
    'zh-CN': (message) => `${message}。本次评分仍按所选设置进行。`,
    en: (message) => `${message}. This scoring still uses the chosen setting.`,
  },
  notInExcelTitle: { 'zh-CN': '请在 Excel 中打开', en: 'Open this in Excel' },
  notInExcelBody: {
    'zh-CN':
      '此页面是 Excel 加载项的任务窗格，需要在 Excel（Windows、Mac 或网页版）中通过“开始”选项卡上的“绩效评分”按钮打开。',
    en: 'This page is the task pane of an Excel add-in. Open it from Excel (Windows, Mac or the web) with the Score button on the Home tab.',
  },
  officeJsTitle: { 'zh-CN': 'Office.js 未能加载', en: 'Office.js did not load' },
  officeJsBody: {
    'zh-CN':
      '任务窗格需要由 Excel 从微软服务器（appsforoffice.microsoft.com）加载 Office.js。请检查网络或代理是否允许访问该地址，然后关闭并重新打开任务窗格。若此页面是直接在浏览器中打开的，请改从 Excel 中打开。',
    en: "The task pane needs Office.js, which Excel loads from Microsoft's servers (appsforoffice.microsoft.com). Check that the network or proxy allows that address, then close and reopen the task pane. If you opened this page in a browser, open it from Excel instead.",
  },
};

/** The task pane's texts, side by side. */
export const PANE_TEXT: SideBySide<Messages> = {
  htmlLang: { 'zh-CN': 'zh-CN', en: 'en' },
  title: { 'zh-CN': '绩效自评表评分', en: 'Self-evaluation scorer' },
  subtitle: {
    'zh-CN': '项目支出绩效自评表：核算执行率与得分，标出问题',
    en: 'Project expenditure self-evaluation form: check the rate and scores, mark the problems',
  },
  score: { 'zh-CN': '评分', en: 'Score' },
  scoreHint: {
    'zh-CN': '读取本工作簿中的自评表，按所选规则核算并标出问题',
    en: 'Read the forms in this workbook, score them with the chosen rulebook and mark the problems',
  },
  scoring: { 'zh-CN': '正在评分…', en: 'Scoring…' },
  restore: { 'zh-CN': '清除标记', en: 'Clear marks' },
  restoreHint: {
    'zh-CN': '把加载项改过的单元格恢复原样，并删除“审核意见”“评分汇总”工作表',
    en: 'Put back every cell the add-in changed and remove the 审核意见 and 评分汇总 sheets',
  },
  restoring: { 'zh-CN': '正在清除标记…', en: 'Clearing marks…' },
  settingsGroup: { 'zh-CN': '评分设置', en: 'Scoring settings' },
  mode: { 'zh-CN': '模式', en: 'Mode' },
  modes: {
    check: { 'zh-CN': '检查', en: 'Check' },
    fill: { 'zh-CN': '填写', en: 'Fill in' },
    correct: { 'zh-CN': '改正', en: 'Correct' },
  },
  modeHints: {
    check: {
      'zh-CN': '只标出问题并加说明，不改任何数值',
      en: 'Mark problems and explain them; change no value',
    },
    fill: {
      'zh-CN': '标出问题，并把算出的执行率、得分、总分填入空白单元格',
      en: 'Mark problems and write the computed rate, scores and total into empty cells',
    },
    correct: {
      'zh-CN': '标出问题，并改正算错的执行率、得分、总分（原值可用“清除标记”恢复）',
      en: 'Mark problems and correct wrong rates, scores and totals (Clear marks puts the originals back)',
    },
  },
  rulebook: { 'zh-CN': '评分规则', en: 'Rulebook' },
  rulebookNames: {
    'mof-2020': {
      'zh-CN': '财政部 财预〔2020〕10号（默认）',
      en: 'Ministry of Finance 2020 No. 10 (default)',
    },
    shanghai: { 'zh-CN': '上海市 财政项目支出绩效自评', en: 'Shanghai municipal self-evaluation' },
    'local-platform': { 'zh-CN': '县级一体化平台（示例）', en: 'County budget platform (example)' },
  },
  formsFound: {
    'zh-CN': (n) => `找到 ${n} 张自评表`,
    en: (n) => (n === 1 ? 'Found 1 form' : `Found ${n} forms`),
  },
  formHeading: {
    'zh-CN': (i, project) => `${i}. ${project ?? '（未填项目名称）'}`,
    en: (i, project) => `${i}. ${project ?? '(no project name)'}`,
  },
  noProject: { 'zh-CN': '（未填项目名称）', en: '(no project name)' },
  sheet: { 'zh-CN': '工作表', en: 'Sheet' },
  annualBudget: { 'zh-CN': '全年预算数', en: 'Annual budget' },
  executed: { 'zh-CN': '全年执行数', en: 'Executed' },
  rate: { 'zh-CN': '执行率', en: 'Execution rate' },
  rateScore: { 'zh-CN': '执行率得分', en: 'Rate score' },
  total: { 'zh-CN': '总分', en: 'Total score' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  computed: { 'zh-CN': '计算', en: 'computed' },
  printed: { 'zh-CN': '表中', en: 'printed' },
  empty: { 'zh-CN': '空', en: 'empty' },
  unit: { 'zh-CN': (u) => `（${u}）`, en: (u) => ` (${u})` },
  severities: SEVERITIES,
  severityCount: {
    'zh-CN': (s, n) => `${SEVERITIES[s]['zh-CN']} ${n} 条`,
    en: (s, n) => (s === 'info' ? `${n} info` : plural(n, s)),
  },
  findings: { 'zh-CN': '审核意见', en: 'Findings' },
  noFindings: { 'zh-CN': '未发现问题。', en: 'No problems found.' },
  findingLabel: {
    'zh-CN': (s, cell, message) =>
      `${SEVERITIES[s]['zh-CN']}，${cell ? `单元格 ${cell}` : '无单元格'}：${message}`,
    en: (s, cell, message) => `${SEVERITIES[s].en}, ${cell ? `cell ${cell}` : 'no cell'}: ${message}`,
  },
  noCell: { 'zh-CN': '—', en: '—' },
  goToCell: { 'zh-CN': (cell) => `转到单元格 ${cell}`, en: (cell) => `Go to cell ${cell}` },
  applied: {
    'zh-CN': (marked, written) =>
      written > 0 ? `已标记 ${marked} 个单元格，其中写入 ${written} 个数值。` : `已标记 ${marked} 个单元格。`,
    en: (marked, written) =>
      written > 0
        ? `Marked ${plural(marked, 'cell')}, wrote ${plural(written, 'value')}.`
        : `Marked ${plural(marked, 'cell')}.`,
  },
  clearedFirst: {
    'zh-CN': (n) => `评分前已先恢复上次标记的 ${n} 个单元格。`,
    en: (n) => `The ${n} cells marked last time were put back first.`,
  },
  explanation: EXPLANATION,
  explanationLine: {
    'zh-CN': (m) => `单元格说明方式：${EXPLANATION[m]['zh-CN']}`,
    en: (m) => `Cells are explained with ${EXPLANATION[m].en}`,
  },
  restored: {
    'zh-CN': (restored, kept) =>
      kept > 0
        ? `已恢复 ${restored} 个单元格；${kept} 个单元格在评分后被您改过，已按您的修改保留。`
        : `已恢复 ${restored} 个单元格。`,
    en: (restored, kept) =>
      kept > 0
        ? `Put back ${restored} cells; ${kept} cells you changed after scoring were kept as you left them.`
        : `Put back ${restored} cells.`,
  },
  nothingToRestore: { 'zh-CN': '本工作簿中没有需要清除的标记。', en: 'This workbook has no marks to clear.' },
  workbookNotes: { 'zh-CN': '工作簿提示', en: 'Workbook notes' },
  about: {
    'zh-CN': (api, m) =>
      `Excel API ${api} · 说明方式：${m === 'note' ? '注释' : m === 'comment' ? '批注' : '无'}`,
    en: (api, m) =>
      `Excel API ${api} · explanations: ${m === 'note' ? 'notes' : m === 'comment' ? 'comments' : 'none'}`,
  },
  dismiss: { 'zh-CN': '关闭', en: 'Dismiss' },
  helpLink: {
    'zh-CN': '帮助：每个问题代码的含义和处理办法',
    en: 'Help: what each finding code means and what to do',
  },
  selftestLink: { 'zh-CN': '在此 Excel 中自检', en: 'Self-test in this Excel' },
  banner: BANNER,
  planning: { 'zh-CN': '正在核算要改正的数值…', en: 'Working out what to correct…' },
  confirmCorrectTitle: { 'zh-CN': '改正会修改表中的数值', en: 'Correct changes values in the form' },
  confirmCorrectBody: {
    'zh-CN': (n) =>
      `${n > 0 ? `将改写 ${n} 个数值` : '表中没有需要改正的数值'}；原值可用“清除标记”恢复。继续吗？`,
    en: (n) =>
      `${n > 0 ? `This overwrites ${plural(n, 'value')}` : 'No value in the form needs correcting'}; Clear marks puts the originals back. Go ahead?`,
  },
  confirmCorrectYes: { 'zh-CN': '改正', en: 'Correct' },
  confirmCorrectNo: { 'zh-CN': '取消', en: 'Cancel' },
  writtenTitle: {
    'zh-CN': (n) => `写入的 ${n} 个数值（原值 → 新值）：`,
    en: (n) => `${n === 1 ? 'The value' : `The ${n} values`} written (old → new):`,
  },
  writtenLine: {
    'zh-CN': (cell, before, after) => `${cell}：${before || '空'} → ${after}`,
    en: (cell, before, after) => `${cell}: ${before || 'empty'} → ${after}`,
  },
  writtenWas: {
    'zh-CN': (before) => `（已写入，原为 ${before || '空'}）`,
    en: (before) => ` (written; was ${before || 'empty'})`,
  },
  marksCleared: {
    'zh-CN': '标记已清除：工作簿已恢复原样，以下为上次评分的结果。',
    en: 'Marks cleared: the workbook is back as it was; below is the last scoring.',
  },
};

/** The task pane's texts in each language. */
export const MESSAGES: Readonly<Record<UiLang, Messages>> = {
  'zh-CN': pick(PANE_TEXT, 'zh-CN'),
  en: pick(PANE_TEXT, 'en'),
};

export function messages(lang: UiLang): Messages {
  return MESSAGES[lang];
}
