// Reading a workbook through the Office host: every sheet in a constant number of syncs, as grids.
import { RESTORE_SETTING, SYNCS } from '../../src/hosts/office';
import { RESTORE_SCHEMA, recordToXml, type RestoreRecord } from '../../src/hosts/record';
import { REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/core';
import type { FakeSheet } from '../../src/office-standin/model';
import { seedSheet, setup, workbook } from './helpers';

function sheets(n: number): FakeSheet[] {
  return Array.from({ length: n }, (_, i) => seedSheet(`表${i + 1}`));
}

/** A record of the add-in that added `sheets` and marked no cell. */
function recordOf(sheets: string[]): RestoreRecord {
  return { schema: RESTORE_SCHEMA, explanation: 'note', sheets, cells: [] };
}

describe('OfficeHost.read', () => {
  it.each([1, 10, 100])('reads %i sheets in the same 2 syncs', async (n) => {
    const { host, fake } = setup(workbook(sheets(n)), { apiVersion: '1.13' });
    const read = await host.read();
    expect(read.sheets).toHaveLength(n);
    expect(fake.stats.syncs).toBe(SYNCS.read);
    expect(fake.stats.syncs).toBe(2);
    expect(read.sheets[n - 1].values[2][2]).toBe('计生特殊家庭帮扶及权益维护');
  });

  it('returns values, number formats, merged areas and the origin of each used range', async () => {
    const offset: FakeSheet = {
      name: 'Offset',
      cells: { C3: { value: 'x' }, D5: { value: 0.5, numberFormat: '0%' } },
      merges: ['C3:D3'],
      comments: [],
    };
    const { host } = setup(workbook([seedSheet(), offset]), { apiVersion: '1.13' });
    const read = await host.read();
    expect(read.source).toBe('2021自评表.xlsx');
    const seed = read.sheets[0];
    expect(seed.origin).toEqual({ row: 0, col: 0 });
    expect(seed.values).toHaveLength(21);
    expect(seed.values[5][7]).toBe(0.9735);
    expect(seed.formats?.[5][7]).toBe('0.00%');
    expect(seed.formats?.[5][6]).toBe('General');
    expect(seed.values[0][1]).toBeNull(); // empty cells are null, not ""
    expect(seed.merges).toHaveLength(29);
    expect(seed.merges).toContainEqual({ top: 11, left: 0, bottom: 19, right: 0 }); // A12:A20
    const off = read.sheets[1];
    expect(off.origin).toEqual({ row: 2, col: 2 });
    expect(off.values).toEqual([
      ['x', null],
      [null, null],
      [null, 0.5],
    ]);
    expect(off.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
    expect(off.formulas).toBeUndefined();
  });

  it('lists the formula cells in the same syncs, in sheet coordinates; text "=90" is not one', async () => {
    const sheet: FakeSheet = {
      name: 'F',
      cells: {
        B2: { value: 97.5, formula: '=I6+SUM(H13:H17)' },
        C2: { value: '=90' },
        C3: { value: 3 },
      },
      merges: [],
      comments: [],
    };
    const { host, fake } = setup(workbook([sheet]), { apiVersion: '1.13' });
    const read = await host.read();
    expect(fake.stats.syncs).toBe(2);
    expect(read.sheets[0].values[0][0]).toBe(97.5);
    expect(read.sheets[0].formulas).toEqual([{ row: 1, col: 1, formula: '=I6+SUM(H13:H17)' }]);
  });

  it('reads no merged areas below ExcelApi 1.13 and names the workbook from its URL below 1.7', async () => {
    const { host, fake } = setup(workbook([seedSheet()], 'C:\\财务\\自评.xlsx'), { apiVersion: '1.4' });
    const read = await host.read();
    expect(read.sheets[0].merges).toEqual([]);
    expect(read.source).toBe('自评.xlsx');
    expect(fake.stats.syncs).toBe(2);
  });

  it('reads an empty sheet as an empty grid and skips the sheets the add-in and the CLI write', async () => {
    const empty: FakeSheet = { name: 'Empty', cells: {}, merges: [], comments: [] };
    const own: FakeSheet = {
      name: REVIEW_SHEET_NAME,
      cells: { A1: { value: '表单' } },
      merges: [],
      comments: [],
    };
    const cliRecord: FakeSheet = {
      name: 'selfeval_restore',
      cells: { A1: { value: '{}' } },
      merges: [],
      comments: [],
    };
    cliRecord.visibility = 'Hidden';
    const harnessDocument: FakeSheet = {
      name: 'selfeval_document',
      cells: { A1: { value: '{}' } },
      merges: [],
      comments: [],
    };
    harnessDocument.visibility = 'Hidden';
    // The table sheet is the add-in's because its record says so (a sheet of that name alone may be the user's).
    const model = workbook([empty, seedSheet(), own, cliRecord, harnessDocument]);
    model.customXmlParts.push({ id: 'record', xml: recordToXml(recordOf([REVIEW_SHEET_NAME])) });
    const { host } = setup(model);
    const read = await host.read();
    expect(read.sheets.map((s) => s.name)).toEqual(['Empty', '自评表']);
    expect(read.sheets[0].values).toEqual([]);
  });

  it('reads a user’s own sheets named 审核意见 and 评分汇总 when no record of the add-in names them', async () => {
    const { host, fake } = setup(workbook([seedSheet(REVIEW_SHEET_NAME), seedSheet(SUMMARY_SHEET_NAME)]));
    const read = await host.read();
    expect(read.sheets.map((s) => s.name)).toEqual([REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME]);
    expect(read.sheets[0].values[2][2]).toBe('计生特殊家庭帮扶及权益维护');
    expect(fake.stats.syncs).toBe(SYNCS.read);
  });

  it.each([
    ['a custom XML part', '1.5', 3],
    ['the document settings (below ExcelApi 1.5)', '1.4', 2],
  ])('skips only the sheets its record in %s names', async (_, apiVersion, syncs) => {
    const table: FakeSheet = {
      name: '审核意见(2)',
      cells: { A1: { value: '表单' } },
      merges: [],
      comments: [],
    };
    const model = workbook([seedSheet('自评表'), seedSheet(REVIEW_SHEET_NAME), table]);
    const record = recordOf(['审核意见(2)']);
    if (apiVersion === '1.4') model.settings[RESTORE_SETTING] = JSON.stringify(record);
    else model.customXmlParts.push({ id: 'record', xml: recordToXml(record) });
    const { host, fake } = setup(model, { apiVersion });
    const read = await host.read();
    expect(read.sheets.map((s) => s.name)).toEqual(['自评表', REVIEW_SHEET_NAME]);
    expect(fake.stats.syncs).toBe(syncs);
  });

  it('reads a protected sheet, and reports that it cannot be marked', async () => {
    const locked = seedSheet('锁定');
    locked.protected = true;
    const { host } = setup(workbook([locked, seedSheet('自评表')]));
    const read = await host.read();
    expect(read.sheets).toHaveLength(2);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0].sheet).toBe('锁定');
    expect(read.errors[0].message).toMatch(/锁定.*受保护/);
    expect(read.errors[0].messageEn).toMatch(/protected/);
  });

  it('cuts a read over the payload limit into chunks, and only then', async () => {
    const big: FakeSheet = { name: 'Big', cells: {}, merges: ['A1:B1'], comments: [] };
    for (let r = 1; r <= 400; r++) {
      for (const col of ['A', 'B', 'C', 'D', 'E'])
        big.cells[`${col}${r}`] = { value: `第${r}行${col}列的一段文字` };
    }
    const small = setup(workbook([JSON.parse(JSON.stringify(big)) as FakeSheet, seedSheet()]), {
      apiVersion: '1.13',
    });
    const whole = await small.host.read();
    expect(small.fake.stats.syncs).toBe(2);

    const limited = setup(
      workbook([big, seedSheet()]),
      { apiVersion: '1.13', payloadLimitBytes: 40_000 },
      30_000,
    );
    const chunked = await limited.host.read();
    expect(limited.fake.stats.syncs).toBeGreaterThan(3);
    // One optimistic read too large for a response, then only syncs that fit.
    const over = limited.fake.stats.log.filter((l) => l.responseBytes > 40_000);
    expect(over).toHaveLength(1);
    expect(limited.fake.stats.log.indexOf(over[0])).toBe(1);
    expect(chunked).toEqual(whole);
  });
});
