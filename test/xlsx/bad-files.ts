// Files that are not readable .xlsx workbooks, as users send them, for the host and CLI tests.
import ExcelJS from 'exceljs';
import JSZip from 'jszip'; // ExcelJS's own zip library
import * as zlib from 'zlib';
import { buildSeedWorkbook } from '../fixtures/examples';
import { toBytes } from './helpers';

/**
 * An OLE compound file (the container of .xls and of password-protected .xlsx): the 8-byte signature, a
 * 512-byte header, and a directory sector naming the streams in UTF-16LE, as real files do.
 */
export function oleFile(streams: string[]): Buffer {
  const buf = Buffer.alloc(512 + 512 * 2);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // little-endian
  buf.writeUInt16LE(9, 0x1e); // 512-byte sectors
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    buf.write(name, at, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf.writeUInt8(i === 0 ? 5 : 2, at + 66);
  });
  return buf;
}

// ---- Zip bombs, built at run time without ever holding what they inflate to ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function gf2Times(mat: number[], vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function gf2Square(mat: number[]): number[] {
  return mat.map((row) => gf2Times(mat, row));
}

/** The CRC-32 of A followed by B, from the CRC of each and B's length (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA;
  let odd = [0xedb88320];
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd.push(row >>> 0);
  let even = gf2Square(odd); // two zero bits
  odd = gf2Square(even); // four zero bits
  let crc = crcA;
  let len = lengthB;
  for (;;) {
    even = gf2Square(odd);
    if (len % 2 === 1) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    odd = gf2Square(even);
    if (len % 2 === 1) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

export interface ZipEntryBytes {
  name: string;
  /** 8 deflated (raw deflate), 0 stored. */
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  /** The inflated size written in the zip's headers. */
  size: number;
}

/** A plain zip (no ZIP64, no data descriptors), its parts given already compressed. */
export function writeZip(entries: ZipEntryBytes[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

export function deflated(name: string, data: Uint8Array): ZipEntryBytes {
  return { name, method: 8, data: zlib.deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A valid .xlsx (the seed form) whose first sheet's XML goes on with white space after its last row until it is
 * about `inflatedBytes` long (white space between elements is valid XML; ExcelJS opens the small ones). Built from one deflated 1 MiB run repeated (each run ends on a full flush, so the
 * copies chain into one valid deflate stream) and a CRC combined arithmetically: nothing of that size is ever in
 * memory, and the file is about a thousandth of it. `declaredSize` writes a smaller size into the zip's directory
 * (a bomb that lies about itself).
 */
export async function zipBomb(inflatedBytes: number, declaredSize?: number): Promise<Buffer> {
  const seed = await JSZip.loadAsync(await toBytes(buildSeedWorkbook().workbook));
  const entries: ZipEntryBytes[] = [];
  for (const file of Object.values(seed.files)) {
    if (file.dir) continue;
    const data = await file.async('uint8array');
    if (file.name !== 'xl/worksheets/sheet1.xml') {
      entries.push(deflated(file.name, data));
      continue;
    }
    const xml = Buffer.from(data).toString('utf8');
    const cut = xml.indexOf('</sheetData>');
    const head = Buffer.from(xml.slice(0, cut), 'utf8');
    const tail = Buffer.from(xml.slice(cut), 'utf8');
    const run = Buffer.alloc(1024 * 1024, 0x20);
    const runs = Math.max(1, Math.round((inflatedBytes - head.length - tail.length) / run.length));
    const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
    const runDeflated = zlib.deflateRawSync(run, flush);
    const parts = [zlib.deflateRawSync(head, flush)];
    for (let i = 0; i < runs; i++) parts.push(runDeflated);
    parts.push(zlib.deflateRawSync(tail));
    // CRC of the run repeated `runs` times, by doubling.
    let repeated = 0;
    let power = crc32(run);
    let powerLength = run.length;
    for (let n = runs; n > 0; n = Math.floor(n / 2)) {
      if (n % 2 === 1) repeated = crc32Combine(repeated, power, powerLength);
      power = crc32Combine(power, power, powerLength);
      powerLength *= 2;
    }
    const runsLength = run.length * runs;
    const crc = crc32Combine(crc32Combine(crc32(head), repeated, runsLength), crc32(tail), tail.length);
    const size = head.length + runsLength + tail.length;
    entries.push({ name: file.name, method: 8, data: Buffer.concat(parts), crc, size: declaredSize ?? size });
  }
  return writeZip(entries);
}

/** The parts of the seed workbook, deflated; `change` may alter any of them, `extra` parts are added. */
export async function rezipSeed(
  change: (e: ZipEntryBytes) => ZipEntryBytes = (e) => e,
  extra: ZipEntryBytes[] = [],
): Promise<Buffer> {
  const seed = await JSZip.loadAsync(await toBytes(buildSeedWorkbook().workbook));
  const entries: ZipEntryBytes[] = [];
  for (const file of Object.values(seed.files)) {
    if (!file.dir) entries.push(change(deflated(file.name, await file.async('uint8array'))));
  }
  return writeZip([...entries, ...extra]);
}

export interface BadFile {
  name: string;
  bytes: Buffer;
  /** The problem code the host must give, and a word the Chinese message must contain. */
  problem: string;
  zh: RegExp;
}

export async function badFiles(): Promise<BadFile[]> {
  const seed = await toBytes(buildSeedWorkbook().workbook);
  const emptyZip = new JSZip();
  emptyZip.file('readme.txt', '这不是工作簿');
  const noSheets = await emptyZip.generateAsync({ type: 'nodebuffer' });
  const corrupt = Buffer.from(seed);
  for (let i = 100; i < 2000; i++) corrupt[i] = 0x41;

  return [
    { name: '空文件.xlsx', bytes: Buffer.alloc(0), problem: 'EMPTY', zh: /文件为空/ },
    {
      name: '旧版格式.xls',
      bytes: oleFile(['Workbook', '\u0005SummaryInformation']),
      problem: 'XLS',
      zh: /\.xls/,
    },
    {
      name: '有密码.xlsx',
      bytes: oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
      problem: 'ENCRYPTED',
      zh: /密码/,
    },
    {
      name: '不是表格.xlsx',
      bytes: Buffer.from('项目名称,执行率\n某项目,97.35%\n', 'utf8'),
      problem: 'NOT_ZIP',
      zh: /不是 \.xlsx/,
    },
    {
      name: '网页导出.xlsx',
      bytes: Buffer.from('<html><body><table><tr><td>一级指标</td></tr></table></body></html>'),
      problem: 'HTML',
      zh: /网页/,
    },
    {
      name: '下载中断.xlsx',
      bytes: seed.subarray(0, Math.floor(seed.length * 0.6)),
      problem: 'TRUNCATED',
      zh: /不完整/,
    },
    { name: '损坏.xlsx', bytes: corrupt, problem: 'CORRUPT', zh: /损坏/ },
    {
      // JSZip says "Bug : uncompressed data size mismatch" for this one: the word must not reach the user.
      name: '大小不符.xlsx',
      bytes: await rezipSeed((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, size: e.size + 1 } : e)),
      problem: 'CORRUPT',
      zh: /损坏/,
    },
    { name: '压缩包.xlsx', bytes: noSheets, problem: 'NOT_WORKBOOK', zh: /没有 Excel 工作表/ },
    // 2 MiB on disk, 2 GiB of sheet XML once inflated; and the same, declaring 50 KB in its zip directory.
    {
      name: '压缩炸弹.xlsx',
      bytes: await zipBomb(2 * 1024 ** 3),
      problem: 'ZIP_BOMB',
      zh: /压缩炸弹.*压缩比/,
    },
    {
      name: '谎报大小.xlsx',
      bytes: await zipBomb(2 * 1024 ** 3, 50_000),
      problem: 'ZIP_BOMB',
      zh: /压缩炸弹.*超过 zip 目录所记/,
    },
  ];
}

/** A readable workbook with no form in it. */
export async function noFormWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('说明');
  ws.getCell('A1').value = '本表用于登记会议纪要';
  ws.getCell('B3').value = 12345;
  return toBytes(wb);
}
