// Opening files: a readable .xlsx opens; every kind of bad file is named clearly (Chinese first, English second).
import { loadWorkbook, sniffXlsx, XlsxReadError } from '../../src/hosts/xlsx';
import { buildSeedWorkbook } from '../fixtures/examples';
import { badFiles } from './bad-files';
import { toBytes } from './helpers';

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
    }
  });
});
