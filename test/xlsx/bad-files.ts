// Files that are not readable .xlsx workbooks, as users send them, for the host and CLI tests.
import ExcelJS from 'exceljs';
import JSZip from 'jszip'; // ExcelJS's own zip library
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
    { name: '压缩包.xlsx', bytes: noSheets, problem: 'NOT_WORKBOOK', zh: /没有 Excel 工作表/ },
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
