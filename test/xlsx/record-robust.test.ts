// Issue 13 items 2 and 11: a scored copy saved by another program (LibreOffice and WPS give the record's JSON
// back as rich text) is still cleared whole; a record that cannot be read is kept and the restore says so; an
// entry longer than Excel's 32,767 characters a cell goes on over several cells (and old one-cell records still
// read).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import {
  cellToValue,
  loadWorkbook,
  RESTORE_SHEET_NAME,
  restoreMarks,
  workbookBytes,
} from '../../src/hosts/xlsx';
import { readSheetRecord, SHEET_RECORD_PART_CHARS, sheetRecordRows } from '../../src/hosts/record';
import { scoreXlsxWorkbook } from '../../src/cli/score-file';
import { buildSeedWorkbook } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { fromBytes, snapshotSheet, toBytes } from './helpers';

const S = SEED_SHEET;

async function original(change?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = buildSeedWorkbook().workbook;
  wb.getWorksheet(S)!.getCell('H16').value = null;
  change?.(wb.getWorksheet(S)!);
  return loadWorkbook(await toBytes(wb));
}

async function scoredBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  await scoreXlsxWorkbook(wb, { source: 'a.xlsx', mode: 'fill' });
  return workbookBytes(wb);
}

/** Every text cell of the record rewritten as rich text, cut into runs, as LibreOffice saves it. */
function asRichText(wb: ExcelJS.Workbook): number {
  let n = 0;
  wb.getWorksheet(RESTORE_SHEET_NAME)!.eachRow((row) => {
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v !== 'string') return;
      const mid = Math.floor(v.length / 2);
      cell.value = { richText: [{ text: v.slice(0, mid) }, { text: v.slice(mid), font: { bold: false } }] };
      n++;
    });
  });
  return n;
}

function expectSame(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet): number {
  const before = snapshotSheet(a);
  const after = snapshotSheet(b);
  for (const [addr, snap] of before) expect({ addr, ...after.get(addr) }).toEqual({ addr, ...snap });
  return before.size;
}

describe('a record rewritten as rich text (LibreOffice, WPS)', () => {
  it('puts every cell back and removes the record', async () => {
    const orig = await original();
    const origBytes = await toBytes(orig);
    const wb = await fromBytes(await scoredBytes(await fromBytes(origBytes)));
    expect(asRichText(wb)).toBeGreaterThan(3);
    const reopened = await fromBytes(await workbookBytes(wb));
    const result = restoreMarks(reopened);
    expect(result.restored).toBeGreaterThan(0);
    expect(reopened.getWorksheet(RESTORE_SHEET_NAME)).toBeUndefined();
    expect(
      expectSame((await fromBytes(origBytes)).getWorksheet(S)!, reopened.getWorksheet(S)!),
    ).toBeGreaterThan(50);
  });

  it('reads a formula result and a hyperlink text as the text they show', () => {
    const rows = sheetRecordRows([], [{ sheet: 'S', cell: 'A1', style: {} }]);
    const r = readSheetRecord([
      [{ formula: 'X()', result: rows[0][0] }, { richText: [{ text: rows[0][1] }] }],
      ['S', 'A1', { text: rows[1][2], hyperlink: 'x' }],
    ]);
    expect(r).toMatchObject({ entries: [{ sheet: 'S', cell: 'A1' }], damaged: 0, headerDamaged: false });
  });
});

describe('a record that cannot be read', () => {
  it('is kept, nothing is changed, and the restore says so (zh then en)', async () => {
    const wb = await fromBytes(await scoredBytes(await original()));
    const rec = wb.getWorksheet(RESTORE_SHEET_NAME)!;
    const cell = rec.getCell('C2');
    cell.value = String(cell.value).slice(0, 40); // cut short, as a truncating save leaves it
    const scoredSnap = snapshotSheet(wb.getWorksheet(S)!);
    expect(() => restoreMarks(wb)).toThrow(/无法读取.*记录已保留.*cannot be read.*record is kept/s);
    expect(wb.getWorksheet(RESTORE_SHEET_NAME)).toBeDefined();
    expect(snapshotSheet(wb.getWorksheet(S)!)).toEqual(scoredSnap);
  });

  it('is kept when A1 no longer holds its schema id', async () => {
    const wb = await fromBytes(await scoredBytes(await original()));
    wb.getWorksheet(RESTORE_SHEET_NAME)!.getCell('A1').value = 42;
    expect(() => restoreMarks(wb)).toThrow(/已保留.*is kept/s);
    expect(wb.getWorksheet(RESTORE_SHEET_NAME)).toBeDefined();
  });
});

describe('a record entry longer than a cell holds (item 11)', () => {
  const LONG = '长'.repeat(15_000) + 'x'.repeat(15_000); // a 30,000-character cell

  it('is split into cells of at most SHEET_RECORD_PART_CHARS and restored whole', async () => {
    const origBytes = await toBytes(await original((ws) => (ws.getCell('F14').value = LONG)));
    const wb = await fromBytes(await scoredBytes(await fromBytes(origBytes)));
    let longest = 0;
    let continued = 0;
    wb.getWorksheet(RESTORE_SHEET_NAME)!.eachRow((row) => {
      row.eachCell((cell, col) => {
        longest = Math.max(longest, String(cell.value).length);
        if (col > 3) continued++;
      });
    });
    expect(longest).toBeLessThanOrEqual(SHEET_RECORD_PART_CHARS);
    expect(longest).toBeLessThanOrEqual(32_767);
    expect(continued).toBeGreaterThan(0);
    const reopened = await fromBytes(await workbookBytes(wb));
    restoreMarks(reopened);
    expect(reopened.getWorksheet(S)!.getCell('F14').value).toBe(LONG);
    expectSame((await fromBytes(origBytes)).getWorksheet(S)!, reopened.getWorksheet(S)!);
  });

  it('still reads a record written the old way (one cell an entry)', () => {
    const entry = { sheet: 'S', cell: 'A1', style: {}, value: LONG };
    const rows = sheetRecordRows([], []);
    const r = readSheetRecord([...rows, ['S', 'A1', JSON.stringify(entry)]]);
    expect(r?.entries).toEqual([entry]);
  });

  it('never splits a surrogate pair', () => {
    const entry = { sheet: 'S', cell: 'A1', style: {}, value: '𠀀'.repeat(20_000) };
    const rows = sheetRecordRows([], [entry]);
    for (const part of rows[1].slice(2)) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(readSheetRecord(rows)?.entries).toEqual([entry]);
  });
});

// A real round trip through LibreOffice when it is installed (skipped otherwise).
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
(soffice ? describe : describe.skip)('a round trip through LibreOffice', () => {
  it('keeps a record that restores every cell', async () => {
    const origBytes = await toBytes(await original());
    const scored = await scoredBytes(await fromBytes(origBytes));
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-lo-'));
    const input = join(dir, 'scored.xlsx');
    writeFileSync(input, scored);
    const out = join(dir, 'out');
    execFileSync(
      soffice!,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        input,
      ],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const wb = await fromBytes(readFileSync(join(out, 'scored.xlsx')));
    expect(wb.getWorksheet(RESTORE_SHEET_NAME)).toBeDefined();
    const result = restoreMarks(wb);
    expect(result.restored).toBeGreaterThan(0);
    expect(wb.getWorksheet(RESTORE_SHEET_NAME)).toBeUndefined();
    const orig = (await fromBytes(origBytes)).getWorksheet(S)!;
    // Values come back (as the reader sees them: LibreOffice saves some strings as rich text) whatever it
    // did to the styles.
    const after = wb.getWorksheet(S)!;
    let compared = 0;
    orig.eachRow((row) =>
      row.eachCell((cell) => {
        const got = cellToValue(after.getCell(cell.address).value);
        expect({ a: cell.address, v: got }).toEqual({ a: cell.address, v: cellToValue(cell.value) });
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(50);
  }, 180_000);
});
