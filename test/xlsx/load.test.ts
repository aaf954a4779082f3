// Opening files: a readable .xlsx opens; every kind of bad file is named clearly (Chinese first, English second).
import JSZip from 'jszip'; // ExcelJS's own zip library
import { loadWorkbook, sniffXlsx, XlsxReadError } from '../../src/hosts/xlsx';
import {
  hasMacros,
  setXlsxLimits,
  zipDirectory,
  zipErrorDetail,
  type XlsxLimits,
} from '../../src/hosts/xlsx/load';
import { buildSeedWorkbook } from '../fixtures/examples';
import { badFiles, deflated, rezipSeed, zipBomb } from './bad-files';
import { toBytes } from './helpers';

async function loadError(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Promise<XlsxReadError> {
  try {
    await loadWorkbook(bytes, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    return e as XlsxReadError;
  }
  throw new Error('loadWorkbook opened it');
}

describe('loadWorkbook', () => {
  it('opens a real .xlsx (Buffer or ArrayBuffer)', async () => {
    const bytes = await toBytes(buildSeedWorkbook().workbook);
    expect(sniffXlsx(bytes)).toBeNull();
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['自评表']);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await loadWorkbook(ab)).worksheets).toHaveLength(1);
  });

  it('names each kind of bad file with its own message', async () => {
    for (const bad of await badFiles()) {
      let caught: unknown = null;
      try {
        await loadWorkbook(bad.bytes);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(XlsxReadError);
      const e = caught as XlsxReadError;
      expect({ file: bad.name, problem: e.problem }).toEqual({ file: bad.name, problem: bad.problem });
      expect(e.messageZh).toMatch(bad.zh);
      // One line, Chinese then English.
      expect(e.message).not.toMatch(/\n/);
      expect(e.message.indexOf(' / ')).toBeGreaterThan(0);
      expect(e.messageEn).toMatch(/^[\x20-\x7e–]/);
      expect(e.message).not.toMatch(/\bbug\b/i);
    }
  });
});

describe('bounded reading: the zip directory is judged before anything is inflated', () => {
  it('builds its bombs as valid .xlsx files (a small one opens, checksums included)', async () => {
    const small = await zipBomb(3 * 1024 * 1024);
    const zip = await JSZip.loadAsync(small, { checkCRC32: true });
    expect((await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array')).length).toBeGreaterThan(3e6);
    expect((await loadWorkbook(small)).worksheets[0].name).toBe('自评表');
    const sizes = zipDirectory(small)!.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    expect(sizes.size).toBeGreaterThan(3e6);
    expect(sizes.compressedSize).toBeLessThan(20_000);
  });

  it('refuses a 2 GiB sheet in a 2 MB file at once, by its compression ratio, naming the part', async () => {
    const bomb = await zipBomb(2 * 1024 ** 3);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const e = await loadError(bomb);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(e.problem).toBe('ZIP_BOMB');
    expect(e.messageZh).toMatch(
      /^文件疑似“压缩炸弹”.*xl\/worksheets\/sheet1\.xml.*2\.0 GiB.*压缩比 \d+:1，上限 100:1/,
    );
    expect(e.messageEn).toMatch(/zip bomb .*sheet1\.xml would inflate .* to 2\.0 GiB, a ratio of \d+:1/);
  });

  it('refuses a bomb whose zip directory understates its size, inflating no more than it declares', async () => {
    const liar = await zipBomb(2 * 1024 ** 3, 50_000);
    const started = Date.now();
    const e = await loadError(liar);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.problem).toBe('ZIP_BOMB');
    expect(e.messageEn).toContain('inflates to more than the 48.8 KiB its zip directory declares');
  });

  it('refuses by total size, part size, cell estimate and part count, each limit named', async () => {
    const seed = await toBytes(buildSeedWorkbook().workbook);
    const sheetXml = zipDirectory(seed)!.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.size;
    expect((await loadError(seed, { maxTotalBytes: 1000 })).messageZh).toMatch(
      /文件过大.*解压后共 .*上限 1000 B/,
    );
    expect((await loadError(seed, { maxPartBytes: 1000 })).messageEn).toMatch(
      /inflates to .*one part is 1000 B/,
    );
    const cells = await loadError(seed, { maxCells: 100 });
    expect(cells.problem).toBe('TOO_LARGE');
    expect(cells.messageZh).toContain(`工作表约有 ${Math.round(sheetXml / 20)} 个单元格`);
    expect(cells.messageEn).toMatch(/about [\d,]+ cells .*; the limit is 100\)$/);
    expect((await loadError(seed, { maxParts: 3 })).messageEn).toContain('more than 3 parts');
    // The same limits, set for every later load (as the command-line tests do), and put back.
    const previous = setXlsxLimits({ maxCells: 100 });
    try {
      expect((await loadError(seed)).problem).toBe('TOO_LARGE');
    } finally {
      setXlsxLimits(previous);
    }
    expect((await loadWorkbook(seed)).worksheets).toHaveLength(1);
  });

  it('sees a VBA project (an .xlsm), whose macros a scored .xlsx copy cannot keep', async () => {
    const seed = await toBytes(buildSeedWorkbook().workbook);
    expect(hasMacros(seed)).toBe(false);
    expect(hasMacros(await rezipSeed())).toBe(false);
    const xlsm = await rezipSeed(undefined, [deflated('xl/vbaProject.bin', new Uint8Array([1, 2, 3]))]);
    expect(hasMacros(xlsm)).toBe(true);
    expect((await loadWorkbook(xlsm)).worksheets).toHaveLength(1);
  });

  it("never passes JSZip's wording on", () => {
    expect(zipErrorDetail('Bug : uncompressed data size mismatch')).toBe(
      "a part's size differs from its zip directory entry",
    );
    expect(zipErrorDetail('Corrupted zip or bug: unexpected signature (\\x00, expected PK)')).toBe(
      'unexpected signature (\\x00, expected PK)',
    );
    expect(zipErrorDetail('End of data reached (data length = 5). Corrupted zip ?')).toBe(
      'End of data reached (data length = 5).',
    );
  });
});
