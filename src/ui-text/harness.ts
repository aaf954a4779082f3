// The browser demo's own words (its toolbar, grid and status bar), Chinese and English side by side. The task
// pane inside it speaks from pane.ts; both follow the display language chosen in the harness.
import { byLang, langFromDisplayLanguage, type SideBySide } from './side-by-side';

/** The ExcelApi levels the harness offers: Excel 2019 (1.8), 2021 (1.13 …), Microsoft 365 (1.18). */
export const API_LEVELS = ['1.8', '1.10', '1.13', '1.18'] as const;
export type ApiLevel = (typeof API_LEVELS)[number];

/** The display languages the harness can give the pane (Office's displayLanguage). */
export const DISPLAY_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

/** The task panes the harness can load in its frame: the modern one and the legacy (ES5) one. */
export const PANE_KINDS = ['modern', 'legacy'] as const;
export type PaneKind = (typeof PANE_KINDS)[number];

export interface HarnessText {
  title: string;
  open: string;
  openHint: string;
  sample: string;
  sampleHint: string;
  download: string;
  downloadHint: string;
  reopen: string;
  reopenHint: string;
  apiLevel: string;
  apiLevels: Record<ApiLevel, string>;
  apiHints: Record<ApiLevel, string>;
  language: string;
  /** Each language by its own name, the same in both. */
  displayLanguages: Record<DisplayLanguage, string>;
  zoom: string;
  /** The switch between the modern and the legacy task pane. */
  paneKind: string;
  paneKinds: Record<PaneKind, string>;
  paneKindHints: Record<PaneKind, string>;
  pane: string;
  paneTitle: string;
  loading: string;
  dropHere: string;
  note: string;
  comment: string;
  nameBox: string;
  formulaBar: string;
  sheets: string;
  stats: (s: Record<string, number> | null) => string;
  /** The status bar's toggle for the Excel.run / context.sync counters. */
  details: string;
  truncated: (rows: number, cols: number) => string;
  failedOpen: (name: string, message: string) => string;
  failedPane: (message: string) => string;
  noWorkbook: string;
}

export const HARNESS_TEXT: SideBySide<HarnessText> = {
  title: { 'zh-CN': '绩效自评表评分 · 浏览器演示', en: 'Self-evaluation scorer · browser demo' },
  open: { 'zh-CN': '打开 .xlsx', en: 'Open .xlsx' },
  openHint: {
    'zh-CN': '打开本机上的 .xlsx 工作簿（也可以把文件拖到页面上）',
    en: 'Open an .xlsx workbook from this computer (or drop the file on the page)',
  },
  sample: { 'zh-CN': '示例表', en: 'Sample' },
  sampleHint: {
    'zh-CN': '重新打开自带的示例自评表（2021 计生特殊家庭帮扶及权益维护）',
    en: 'Open the bundled sample form again (2021 计生特殊家庭帮扶及权益维护)',
  },
  download: { 'zh-CN': '下载 .xlsx', en: 'Download .xlsx' },
  downloadHint: {
    'zh-CN': '下载工作簿的当前状态（含加载项的标记、批注和审核意见表），可用任何表格软件打开',
    en: "Download the workbook as it now is (with the add-in's marks, notes and review sheet), for any spreadsheet program",
  },
  reopen: { 'zh-CN': '重新打开窗格', en: 'Reopen pane' },
  reopenHint: {
    'zh-CN': '关闭并重新打开任务窗格（工作簿不变）',
    en: 'Close the task pane and open it again (the workbook stays as it is)',
  },
  apiLevel: { 'zh-CN': 'Excel 版本', en: 'Excel version' },
  apiLevels: {
    '1.8': { 'zh-CN': 'ExcelApi 1.8（Excel 2019）', en: 'ExcelApi 1.8 (Excel 2019)' },
    '1.10': { 'zh-CN': 'ExcelApi 1.10', en: 'ExcelApi 1.10' },
    '1.13': { 'zh-CN': 'ExcelApi 1.13', en: 'ExcelApi 1.13' },
    '1.18': { 'zh-CN': 'ExcelApi 1.18（Microsoft 365）', en: 'ExcelApi 1.18 (Microsoft 365)' },
  },
  apiHints: {
    '1.8': {
      'zh-CN': '旧版 Excel：没有批注（注释）和合并区域 API，加载项只用填充色、字体颜色和审核意见表',
      en: 'Old Excel: no notes, comments or merged-area APIs; the add-in uses fills, font colours and the review sheet',
    },
    '1.10': {
      'zh-CN': '有线程批注（comments），没有注释（notes）和合并区域 API',
      en: 'Threaded comments, no notes and no merged-area APIs',
    },
    '1.13': {
      'zh-CN': '有线程批注和合并区域 API，没有注释（notes）',
      en: 'Threaded comments and merged-area APIs, no notes',
    },
    '1.18': {
      'zh-CN': '最新：注释（notes）、线程批注、合并区域 API 全部可用',
      en: 'Current: notes, threaded comments and merged-area APIs',
    },
  },
  language: { 'zh-CN': '显示语言', en: 'Display language' },
  displayLanguages: {
    'zh-CN': { 'zh-CN': '中文 (zh-CN)', en: '中文 (zh-CN)' },
    'en-US': { 'zh-CN': 'English (en-US)', en: 'English (en-US)' },
  },
  zoom: { 'zh-CN': '缩放', en: 'Zoom' },
  paneKind: { 'zh-CN': '窗格', en: 'Pane' },
  paneKinds: {
    modern: { 'zh-CN': '新版', en: 'Modern' },
    legacy: { 'zh-CN': '旧版（IE11 / Edge 旧版）', en: 'Legacy (IE11 / Edge Legacy)' },
  },
  paneKindHints: {
    modern: {
      'zh-CN': 'Microsoft 365、Office 2021 及以后版本（WebView2）、Mac 和网页版 Excel 显示的任务窗格',
      en: 'The pane of Microsoft 365, Office 2021 and later (WebView2), Excel for Mac and Excel on the web',
    },
    legacy: {
      'zh-CN': 'Office 2019 批量许可版（IE11）和未装 WebView2 的 Office 2019（Edge 旧版）显示的任务窗格',
      en: 'The pane of Office 2019 volume-licensed (IE11) and Office 2019 without WebView2 (Edge Legacy)',
    },
  },
  pane: { 'zh-CN': '任务窗格', en: 'Task pane' },
  paneTitle: { 'zh-CN': '绩效自评', en: 'Self-evaluation' },
  loading: { 'zh-CN': '正在打开工作簿…', en: 'Opening the workbook…' },
  dropHere: { 'zh-CN': '松开鼠标，打开这个 .xlsx 工作簿', en: 'Drop to open this .xlsx workbook' },
  note: { 'zh-CN': '注释', en: 'Note' },
  comment: { 'zh-CN': '批注', en: 'Comment' },
  nameBox: { 'zh-CN': '名称框', en: 'Name box' },
  formulaBar: { 'zh-CN': '编辑栏', en: 'Formula bar' },
  sheets: { 'zh-CN': '工作表', en: 'Sheets' },
  stats: {
    'zh-CN': (s) =>
      s
        ? `Excel.run ${s.runs ?? 0} 次 · context.sync ${s.syncs ?? 0} 次 · 往返 ${s.roundTrips ?? 0} 次`
        : '就绪',
    en: (s) =>
      s
        ? `Excel.run ×${s.runs ?? 0} · context.sync ×${s.syncs ?? 0} · round trips ×${s.roundTrips ?? 0}`
        : 'Ready',
  },
  details: { 'zh-CN': '详情', en: 'Details' },
  truncated: {
    'zh-CN': (rows, cols) => `工作表太大，另有 ${rows} 行、${cols} 列未显示`,
    en: (rows, cols) => `The sheet is large: ${rows} more rows and ${cols} more columns are not shown`,
  },
  failedOpen: {
    'zh-CN': (name, message) => `无法打开 ${name}：${message}`,
    en: (name, message) => `Cannot open ${name}: ${message}`,
  },
  failedPane: {
    'zh-CN': (message) => `任务窗格无法启动：${message}`,
    en: (message) => `The task pane could not start: ${message}`,
  },
  noWorkbook: {
    'zh-CN': '没有打开的工作簿。请打开一个 .xlsx 文件，或把它拖到页面上。',
    en: 'No workbook is open. Open an .xlsx file, or drop one on the page.',
  },
};

// Pure: the add-in's bundle, which never calls harnessText(), leaves this catalogue out.
const harnessTexts = /*#__PURE__*/ byLang(HARNESS_TEXT);

/** The harness's texts in the display language chosen for the pane ("en-US" → English, else Chinese). */
export function harnessText(lang: DisplayLanguage): HarnessText {
  return harnessTexts(langFromDisplayLanguage(lang));
}
