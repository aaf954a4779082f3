// Open .xlsx bytes with ExcelJS, and say clearly why a file cannot be opened: empty, an old .xls, a
// password-protected workbook, not a zip, a truncated zip, a zip that holds no workbook. Browser-safe.
import ExcelJS from 'exceljs';

export type XlsxProblem =
  | 'EMPTY'
  | 'XLS'
  | 'ENCRYPTED'
  | 'OLE_OTHER'
  | 'NOT_ZIP'
  | 'HTML'
  | 'PDF'
  | 'TRUNCATED'
  | 'NOT_WORKBOOK'
  | 'CORRUPT';

const MESSAGES: Record<XlsxProblem, { zh: string; en: string }> = {
  EMPTY: { zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' },
  XLS: {
    zh: '这是旧版 .xls（Excel 97–2003）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再评分',
    en: 'this is an old .xls (Excel 97–2003) file; save it as .xlsx in Excel or WPS first',
  },
  ENCRYPTED: {
    zh: '工作簿有打开密码（已加密），请在 Excel 中取消密码并保存后再评分',
    en: 'the workbook is password-protected (encrypted); remove the password in Excel and save it first',
  },
  OLE_OTHER: {
    zh: '这是 Office 97–2003 复合文档，不是 .xlsx 工作簿',
    en: 'this is an Office 97–2003 compound document, not an .xlsx workbook',
  },
  NOT_ZIP: {
    zh: '不是 .xlsx 文件（内容不是 zip 格式）',
    en: 'not an .xlsx file (its content is not a zip archive)',
  },
  HTML: {
    zh: '这是网页/XML 格式的表格（常见于系统导出的“xls”），请在 Excel 中另存为 .xlsx',
    en: 'this is an HTML/XML table (often exported by a system as "xls"); save it as .xlsx in Excel',
  },
  PDF: { zh: '这是 PDF 文件，不是 .xlsx 工作簿', en: 'this is a PDF file, not an .xlsx workbook' },
  TRUNCATED: {
    zh: '文件不完整（zip 结尾缺失，可能下载或复制中断），请重新获取文件',
    en: 'the file is incomplete (the end of the zip is missing; the download or copy was cut off)',
  },
  NOT_WORKBOOK: {
    zh: 'zip 中没有 Excel 工作表（不是 .xlsx 工作簿）',
    en: 'the zip holds no Excel worksheet (not an .xlsx workbook)',
  },
  CORRUPT: { zh: '文件已损坏，无法读取', en: 'the file is damaged and cannot be read' },
};

export class XlsxReadError extends Error {
  readonly problem: XlsxProblem;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(problem: XlsxProblem, detail?: string) {
    const m = MESSAGES[problem];
    const en = detail ? `${m.en} (${detail})` : m.en;
    super(`${m.zh} / ${en}`);
    this.name = 'XlsxReadError';
    this.problem = problem;
    this.messageZh = m.zh;
    this.messageEn = en;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Whether `text` occurs in the bytes as UTF-16LE (how OLE directory entries name their streams). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The zip's end-of-central-directory record sits in the last 22 + 65535 bytes; without it the zip is cut off. */
function hasZipEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  }
  return false;
}

/** What is wrong with the bytes as an .xlsx, from their signature alone; null when they look like a zip. */
export function sniffXlsx(bytes: Uint8Array): XlsxProblem | null {
  if (bytes.length === 0) return 'EMPTY';
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) return 'ENCRYPTED';
    if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book')) return 'XLS';
    return 'OLE_OTHER';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return hasZipEnd(bytes) ? null : 'TRUNCATED';
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'PDF';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) return 'HTML';
  return 'NOT_ZIP';
}

/** Open the bytes as a workbook, or throw an XlsxReadError saying why not. */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const problem = sniffXlsx(view);
  if (problem) throw new XlsxReadError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    // The zip's end record is there (sniffXlsx checked), so the damage is inside.
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new XlsxReadError('CORRUPT', detail);
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('NOT_WORKBOOK');
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown;
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
