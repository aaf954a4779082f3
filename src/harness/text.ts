// The harness's own words, Chinese first, English second (it follows the display language chosen for the pane).
import type { ApiLevel, DisplayLanguage } from './bridge';

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
  displayLanguages: Record<DisplayLanguage, string>;
  zoom: string;
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
  truncated: (rows: number, cols: number) => string;
  failedOpen: (name: string, message: string) => string;
  failedPane: (message: string) => string;
  noWorkbook: string;
}

const ZH: HarnessText = {
  title: '绩效自评表评分 · 浏览器演示',
  open: '打开 .xlsx',
  openHint: '打开本机上的 .xlsx 工作簿（也可以把文件拖到页面上）',
  sample: '示例表',
  sampleHint: '重新打开自带的示例自评表（2021 计生特殊家庭帮扶及权益维护）',
  download: '下载 .xlsx',
  downloadHint: '下载工作簿的当前状态（含加载项的标记、批注和审核意见表），可用任何表格软件打开',
  reopen: '重新打开窗格',
  reopenHint: '关闭并重新打开任务窗格（工作簿不变）',
  apiLevel: 'Excel 版本',
  apiLevels: {
    '1.8': 'ExcelApi 1.8（Excel 2019）',
    '1.10': 'ExcelApi 1.10',
    '1.13': 'ExcelApi 1.13',
    '1.18': 'ExcelApi 1.18（Microsoft 365）',
  },
  apiHints: {
    '1.8': '旧版 Excel：没有批注（注释）和合并区域 API，加载项只用填充色、字体颜色和审核意见表',
    '1.10': '有线程批注（comments），没有注释（notes）和合并区域 API',
    '1.13': '有线程批注和合并区域 API，没有注释（notes）',
    '1.18': '最新：注释（notes）、线程批注、合并区域 API 全部可用',
  },
  language: '显示语言',
  displayLanguages: { 'zh-CN': '中文 (zh-CN)', 'en-US': 'English (en-US)' },
  zoom: '缩放',
  pane: '任务窗格',
  paneTitle: '绩效自评',
  loading: '正在打开工作簿…',
  dropHere: '松开鼠标，打开这个 .xlsx 工作簿',
  note: '注释',
  comment: '批注',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  sheets: '工作表',
  stats: (s) =>
    s
      ? `Excel.run ${s.runs ?? 0} 次 · context.sync ${s.syncs ?? 0} 次 · 往返 ${s.roundTrips ?? 0} 次`
      : '就绪',
  truncated: (rows, cols) => `工作表太大，另有 ${rows} 行、${cols} 列未显示`,
  failedOpen: (name, message) => `无法打开 ${name}：${message}`,
  failedPane: (message) => `任务窗格无法启动：${message}`,
  noWorkbook: '没有打开的工作簿。请打开一个 .xlsx 文件，或把它拖到页面上。',
};

const EN: HarnessText = {
  title: 'Self-evaluation scorer · browser demo',
  open: 'Open .xlsx',
  openHint: 'Open an .xlsx workbook from this computer (or drop the file on the page)',
  sample: 'Sample',
  sampleHint: 'Open the bundled sample form again (2021 计生特殊家庭帮扶及权益维护)',
  download: 'Download .xlsx',
  downloadHint:
    "Download the workbook as it now is (with the add-in's marks, notes and review sheet), for any spreadsheet program",
  reopen: 'Reopen pane',
  reopenHint: 'Close the task pane and open it again (the workbook stays as it is)',
  apiLevel: 'Excel version',
  apiLevels: {
    '1.8': 'ExcelApi 1.8 (Excel 2019)',
    '1.10': 'ExcelApi 1.10',
    '1.13': 'ExcelApi 1.13',
    '1.18': 'ExcelApi 1.18 (Microsoft 365)',
  },
  apiHints: {
    '1.8':
      'Old Excel: no notes, comments or merged-area APIs; the add-in uses fills, font colours and the review sheet',
    '1.10': 'Threaded comments, no notes and no merged-area APIs',
    '1.13': 'Threaded comments and merged-area APIs, no notes',
    '1.18': 'Current: notes, threaded comments and merged-area APIs',
  },
  language: 'Display language',
  displayLanguages: { 'zh-CN': '中文 (zh-CN)', 'en-US': 'English (en-US)' },
  zoom: 'Zoom',
  pane: 'Task pane',
  paneTitle: 'Self-evaluation',
  loading: 'Opening the workbook…',
  dropHere: 'Drop to open this .xlsx workbook',
  note: 'Note',
  comment: 'Comment',
  nameBox: 'Name box',
  formulaBar: 'Formula bar',
  sheets: 'Sheets',
  stats: (s) =>
    s
      ? `Excel.run ×${s.runs ?? 0} · context.sync ×${s.syncs ?? 0} · round trips ×${s.roundTrips ?? 0}`
      : 'Ready',
  truncated: (rows, cols) => `The sheet is large: ${rows} more rows and ${cols} more columns are not shown`,
  failedOpen: (name, message) => `Cannot open ${name}: ${message}`,
  failedPane: (message) => `The task pane could not start: ${message}`,
  noWorkbook: 'No workbook is open. Open an .xlsx file, or drop one on the page.',
};

export function harnessText(lang: DisplayLanguage): HarnessText {
  return lang === 'en-US' ? EN : ZH;
}
