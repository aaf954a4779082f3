// Open .xlsx bytes with ExcelJS, and say clearly why a file cannot be opened: empty, an old .xls, a
// password-protected workbook, not a zip, a truncated zip, a zip that holds no workbook, a zip bomb or a workbook too
// large to hold in memory (judged from the zip's central directory before anything is inflated). Browser-safe.
import ExcelJS from 'exceljs';
import { quoteSheet } from '../../core';

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
  | 'ZIP_BOMB'
  | 'TOO_LARGE'
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
  ZIP_BOMB: {
    zh: '文件疑似“压缩炸弹”（解压后异常巨大），未打开',
    en: 'the file looks like a zip bomb (it would inflate to an abnormal size); not opened',
  },
  TOO_LARGE: {
    zh: '文件过大，超出可以安全打开的范围，未打开',
    en: 'the file is too large to open safely; not opened',
  },
  CORRUPT: { zh: '文件已损坏，无法读取', en: 'the file is damaged and cannot be read' },
};

export class XlsxReadError extends Error {
  readonly problem: XlsxProblem;
  readonly messageZh: string;
  readonly messageEn: string;
  /** `detail` (English) and `detailZh` say more, in brackets after the message of the problem. */
  constructor(problem: XlsxProblem, detail?: string, detailZh?: string) {
    const m = MESSAGES[problem];
    const en = detail ? `${m.en} (${detail})` : m.en;
    const zh = detailZh ? `${m.zh}（${detailZh}）` : m.zh;
    super(`${zh} / ${en}`);
    this.name = 'XlsxReadError';
    this.problem = problem;
    this.messageZh = zh;
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

// ---- Bounded reading: the zip's central directory is read, and judged, before anything is inflated. ----

/**
 * How much an .xlsx may inflate to. ExcelJS inflates every part whole (a part becomes one string) and builds its
 * model from all of it; measured, 35 MB of worksheet XML (1,000,000 cells) take 560 MB of memory and 6 s, so the
 * cell limit is what keeps an 8 GB office PC (a 2 GB heap) safe. A form workbook is a few hundred KB.
 */
export interface XlsxLimits {
  /** All parts together, inflated. */
  maxTotalBytes: number;
  /** Any one part, inflated (V8 strings stop at 512 M characters, and ExcelJS reads a part as one string). */
  maxPartBytes: number;
  /** A part larger than `ratioMinBytes` that inflates more than `maxRatio` times its compressed size is a zip bomb
   *  (real worksheet XML compresses 5 to 20 times; deflate's own ceiling is about 1032). */
  maxRatio: number;
  ratioMinBytes: number;
  /** Cells, estimated as the worksheet XML's size over `bytesPerCell` (a cell written by Excel takes 20 to 40 bytes). */
  maxCells: number;
  bytesPerCell: number;
  /** Parts in the zip (a workbook has tens). */
  maxParts: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxTotalBytes: 1024 * MiB, // 1 GiB
  maxPartBytes: 256 * MiB,
  maxRatio: 100,
  ratioMinBytes: 10 * MiB,
  maxCells: 2_500_000, // 50 MB of worksheet XML: about 1 GB of memory in ExcelJS
  bytesPerCell: 20,
  maxParts: 10_000,
});

let currentLimits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS };

/** Change the limits every later loadWorkbook uses (tests); returns the previous ones, to put back. */
export function setXlsxLimits(next: Partial<XlsxLimits>): XlsxLimits {
  const previous = currentLimits;
  currentLimits = { ...currentLimits, ...next };
  return previous;
}

/** One entry of the zip's central directory. Sizes are what the directory declares. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts in the bytes. */
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function hasSig(b: Uint8Array, i: number, sig: number): boolean {
  return i >= 0 && i + 4 <= b.length && u32(b, i) === sig;
}

/**
 * The parts the zip's central directory lists (at most `maxParts + 1` of them), read as JSZip reads them: the last
 * end record, ZIP64 sizes, data prepended to the zip. Null when the directory cannot be read.
 */
export function zipDirectory(bytes: Uint8Array, maxParts = Infinity): ZipPart[] | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (hasSig(bytes, i, SIG_END)) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(bytes, end + 10);
  let dirSize = u32(bytes, end + 12);
  let dirOffset = u32(bytes, end + 16);
  let dirEnd = end;
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = end - 20;
    if (hasSig(bytes, locator, SIG_ZIP64_LOCATOR)) {
      const at = u64(bytes, locator + 8);
      if (at + 56 <= bytes.length && hasSig(bytes, at, SIG_ZIP64_END)) {
        count = u64(bytes, at + 32);
        dirSize = u64(bytes, at + 40);
        dirOffset = u64(bytes, at + 48);
        dirEnd = at;
      }
    }
  }
  // Bytes prepended to the zip (a self-extracting stub) shift every offset; JSZip allows it.
  let shift = 0;
  if (count > 0 && !hasSig(bytes, dirOffset, SIG_CENTRAL)) {
    shift = dirEnd - dirSize - dirOffset;
    if (!hasSig(bytes, dirOffset + shift, SIG_CENTRAL)) return null;
  }
  const parts: ZipPart[] = [];
  const names = new TextDecoder('utf-8', { fatal: false });
  let p = dirOffset + shift;
  for (let n = 0; n < count && n <= maxParts; n++) {
    if (p + 46 > bytes.length || !hasSig(bytes, p, SIG_CENTRAL)) return null;
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    if (p + 46 + nameLength + extraLength > bytes.length) return null;
    const part: ZipPart = {
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      flags: u16(bytes, p + 8),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    };
    // ZIP64 extra field: the 64-bit values, in this order, of the fields that hold 0xFFFFFFFF.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(bytes, x);
      const length = u16(bytes, x + 2);
      if (id === 0x0001) {
        let at = x + 4;
        if (part.size === 0xffffffff && at + 8 <= x + 4 + length) {
          part.size = u64(bytes, at);
          at += 8;
        }
        if (part.compressedSize === 0xffffffff && at + 8 <= x + 4 + length) {
          part.compressedSize = u64(bytes, at);
          at += 8;
        }
        if (part.localOffset === 0xffffffff && at + 8 <= x + 4 + length) part.localOffset = u64(bytes, at);
      }
      x += 4 + length;
    }
    part.localOffset += shift;
    parts.push(part);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Worksheet parts: their XML holds the cells. */
function isWorksheet(name: string): boolean {
  return /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

/** Whether the zip holds a VBA project (an .xlsm or .xltm): the scored copy, written as .xlsx, drops it. */
export function hasMacros(bytes: Uint8Array): boolean {
  return (zipDirectory(bytes) ?? []).some((p) => /^\/?xl\/vbaProject\.bin$/i.test(p.name));
}

function formatBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function ratioText(r: number): string {
  return `${Math.round(r)}:1`;
}

/** Judge the declared sizes against the limits; throws ZIP_BOMB or TOO_LARGE. Returns the parts. */
export function checkZipSizes(bytes: Uint8Array, limits: XlsxLimits = currentLimits): ZipPart[] {
  const parts = zipDirectory(bytes, limits.maxParts);
  if (!parts) {
    throw new XlsxReadError('CORRUPT', 'its zip directory cannot be read', 'zip 目录无法读取');
  }
  if (parts.length > limits.maxParts) {
    throw new XlsxReadError(
      'TOO_LARGE',
      `more than ${limits.maxParts} parts in the zip`,
      `zip 中的部件超过 ${limits.maxParts} 个`,
    );
  }
  for (const p of parts) {
    const ratio = p.size / Math.max(1, p.compressedSize);
    if (p.size > limits.ratioMinBytes && ratio > limits.maxRatio) {
      throw new XlsxReadError(
        'ZIP_BOMB',
        `${p.name} would inflate from ${formatBytes(p.compressedSize)} to ${formatBytes(p.size)}, ` +
          `a ratio of ${ratioText(ratio)}; the limit is ${ratioText(limits.maxRatio)}`,
        `其中 ${p.name} 由 ${formatBytes(p.compressedSize)} 解压为 ${formatBytes(p.size)}，` +
          `压缩比 ${ratioText(ratio)}，上限 ${ratioText(limits.maxRatio)}`,
      );
    }
  }
  for (const p of parts) {
    if (p.size > limits.maxPartBytes) {
      throw new XlsxReadError(
        'TOO_LARGE',
        `${p.name} inflates to ${formatBytes(p.size)}; the limit for one part is ${formatBytes(limits.maxPartBytes)}`,
        `其中 ${p.name} 解压后 ${formatBytes(p.size)}，单个部件上限 ${formatBytes(limits.maxPartBytes)}`,
      );
    }
  }
  const total = parts.reduce((sum, p) => sum + p.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new XlsxReadError(
      'TOO_LARGE',
      `it inflates to ${formatBytes(total)}; the limit is ${formatBytes(limits.maxTotalBytes)}`,
      `解压后共 ${formatBytes(total)}，上限 ${formatBytes(limits.maxTotalBytes)}`,
    );
  }
  const sheetBytes = parts.filter((p) => isWorksheet(p.name)).reduce((sum, p) => sum + p.size, 0);
  const cells = Math.round(sheetBytes / limits.bytesPerCell);
  if (cells > limits.maxCells) {
    throw new XlsxReadError(
      'TOO_LARGE',
      `its worksheets hold about ${cells.toLocaleString('en')} cells (${formatBytes(sheetBytes)} of XML); ` +
        `the limit is ${limits.maxCells.toLocaleString('en')}`,
      `工作表约有 ${cells} 个单元格（XML 共 ${formatBytes(sheetBytes)}），上限 ${limits.maxCells} 个`,
    );
  }
  return parts;
}

/** Deflate never inflates more than about 1032 times (258 bytes from a 2-bit code); the margin covers headers. */
const DEFLATE_CEILING = 1033;

function worstSize(p: ZipPart): number {
  if (p.method === 0) return p.compressedSize; // stored: the bytes themselves, whatever the size field says
  if (p.method === 8) return Math.max(p.size, p.compressedSize * DEFLATE_CEILING + 1024);
  return 0; // JSZip refuses any other method before inflating
}

/** Where a part's compressed bytes lie, from its local header; null when the header is not there. */
function compressedBytes(bytes: Uint8Array, p: ZipPart): Uint8Array | null {
  if (!hasSig(bytes, p.localOffset, SIG_LOCAL) || p.localOffset + 30 > bytes.length) return null;
  const start = p.localOffset + 30 + u16(bytes, p.localOffset + 26) + u16(bytes, p.localOffset + 28);
  if (start + p.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + p.compressedSize);
}

/**
 * Whether deflated data inflates to more than `cap` bytes. Inflates in chunks, keeping none, and stops as soon as
 * the cap is passed: the memory used is a chunk. Damaged data counts as not over (JSZip reports the damage).
 */
async function inflatesBeyond(data: Uint8Array, cap: number): Promise<boolean> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async (): Promise<void> => {
    for (let i = 0; i < data.length; i += 64 * 1024) {
      await writer.write(data.slice(i, i + 64 * 1024));
    }
    await writer.close();
  })().catch(() => undefined);
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return true;
      }
    }
  } catch {
    return false;
  } finally {
    await writing;
  }
  return false;
}

/**
 * A zip's directory can lie: a part declared small may inflate to gigabytes, and JSZip only compares the sizes
 * after inflating it all. When the declared sizes pass the limits but the compressed sizes could still hide more
 * than the limits allow, inflate each deflated part once, in chunks, stopping at its declared size.
 */
async function checkDeclaredSizes(bytes: Uint8Array, parts: ZipPart[], limits: XlsxLimits): Promise<void> {
  if (typeof DecompressionStream === 'undefined') return; // an old browser: the declared sizes are all we have
  const worstTotal = parts.reduce((sum, p) => sum + worstSize(p), 0);
  const worstSheets = parts.filter((p) => isWorksheet(p.name)).reduce((sum, p) => sum + worstSize(p), 0);
  const safe =
    worstTotal <= limits.maxTotalBytes &&
    worstSheets <= limits.maxCells * limits.bytesPerCell &&
    parts.every((p) => worstSize(p) <= limits.maxPartBytes);
  if (safe) return;
  const suspects = parts
    .filter((p) => p.method === 8 && (p.flags & 1) === 0 && worstSize(p) > p.size)
    .sort((a, b) => b.compressedSize - a.compressedSize);
  for (const p of suspects) {
    const data = compressedBytes(bytes, p);
    if (data && (await inflatesBeyond(data, p.size))) {
      throw new XlsxReadError(
        'ZIP_BOMB',
        `${p.name} inflates to more than the ${formatBytes(p.size)} its zip directory declares`,
        `其中 ${p.name} 解压后超过 zip 目录所记的 ${formatBytes(p.size)}`,
      );
    }
  }
}

/** JSZip's own wording ("Bug : …", "Corrupted zip or bug: …") is not for users: keep what it says, not the word. */
export function zipErrorDetail(message: string): string {
  const first = message.split('\n')[0];
  if (/uncompressed data size mismatch/i.test(first))
    return "a part's size differs from its zip directory entry";
  if (/crc32/i.test(first)) return "a part's checksum is wrong";
  return first
    .replace(/^\s*(bug or corrupted zip|corrupted zip or bug|corrupted zip|bug)\s*:\s*/i, '')
    .replace(/\s*\bcorrupted zip\s*\?\s*$/i, '')
    .replace(/\bbug\b/gi, 'fault');
}

/**
 * Open the bytes as a workbook, or throw an XlsxReadError saying why not. The zip's directory is checked against
 * the limits (the current ones, or those given) before anything is inflated.
 */
export async function loadWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  limits: Partial<XlsxLimits> = {},
): Promise<ExcelJS.Workbook> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const problem = sniffXlsx(view);
  if (problem) throw new XlsxReadError(problem);
  const lim = { ...currentLimits, ...limits };
  const parts = checkZipSizes(view, lim);
  await checkDeclaredSizes(view, parts, lim);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    // The zip's end record is there (sniffXlsx checked), so the damage is inside.
    throw new XlsxReadError('CORRUPT', zipErrorDetail(e instanceof Error ? e.message : String(e)));
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('NOT_WORKBOOK');
  return wb;
}

/** The workbook as .xlsx bytes. ExcelJS writes a sheet's print area and print titles, and every defined name,
 *  as `'name'!…` without doubling an apostrophe in the name (Excel's rule for a quoted sheet name: '' stands
 *  for '): a sheet named O'Brien with a print area gave a file no reader, ExcelJS included, could open. For
 *  the write, those names go out with the name quoted by quoteSheet; the workbook is left as it was. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const undo = escapeSheetNamesInDefinedNames(wb);
  try {
    const out = (await wb.xlsx.writeBuffer()) as unknown;
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  } finally {
    undo();
  }
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** Until the returned undo: the print areas and titles of sheets whose name holds an apostrophe are written
 *  by us (with the name escaped), and every defined name's references to such sheets are escaped. */
function escapeSheetNamesInDefinedNames(wb: ExcelJS.Workbook): () => void {
  const sheets = wb.worksheets;
  if (!sheets.some((ws) => ws.name.includes("'"))) return () => undefined;
  const names = wb.definedNames as unknown as { model: DefinedNameModel[] };
  const own: DefinedNameModel[] = [];
  const saved: { ws: ExcelJS.Worksheet; printArea?: string; rows?: string; cols?: string }[] = [];
  sheets.forEach((ws, index) => {
    if (!ws.name.includes("'")) return;
    const ps = ws.pageSetup;
    const sheet = quoteSheet(ws.name);
    // The same ranges ExcelJS would write ("A1:C5&&E1:F2" → one name per area; titles "1:2" → $1:$2).
    const span = (r: string): string =>
      r
        .split(':')
        .map((p) => `$${p}`)
        .join(':');
    if (ps.printArea) {
      for (const area of ps.printArea.split('&&')) {
        own.push({ name: '_xlnm.Print_Area', ranges: [`${sheet}!${span(area)}`], localSheetId: index });
      }
    }
    if (ps.printTitlesRow || ps.printTitlesColumn) {
      const ranges = [ps.printTitlesColumn, ps.printTitlesRow]
        .filter((r): r is string => !!r)
        .map((r) => `${sheet}!${span(r)}`);
      own.push({ name: '_xlnm.Print_Titles', ranges, localSheetId: index });
    }
    saved.push({ ws, printArea: ps.printArea, rows: ps.printTitlesRow, cols: ps.printTitlesColumn });
    delete ps.printArea;
    delete ps.printTitlesRow;
    delete ps.printTitlesColumn;
  });
  const quoted = sheets
    .filter((ws) => ws.name.includes("'"))
    .map((ws) => ({ bad: `'${ws.name}'!`, good: `${quoteSheet(ws.name)}!` }));
  const proto = Object.getPrototypeOf(names) as object;
  const getter = Object.getOwnPropertyDescriptor(proto, 'model')?.get;
  Object.defineProperty(names, 'model', {
    configurable: true,
    get: () => {
      const list = (getter ? (getter.call(names) as DefinedNameModel[]) : []).map((d) => ({
        ...d,
        ranges: d.ranges.map((r) => quoted.reduce((s, q) => s.split(q.bad).join(q.good), r)),
      }));
      return [...list, ...own];
    },
  });
  return () => {
    delete (names as { model?: unknown }).model;
    for (const s of saved) {
      if (s.printArea !== undefined) s.ws.pageSetup.printArea = s.printArea;
      if (s.rows !== undefined) s.ws.pageSetup.printTitlesRow = s.rows;
      if (s.cols !== undefined) s.ws.pageSetup.printTitlesColumn = s.cols;
    }
  };
}
