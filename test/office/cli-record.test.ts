// A file scored by the command line (xlsx host: its restore record in the very hidden sheet selfeval_restore),
// opened in Excel: the add-in's 评分 and 清除标记 put the CLI's marks back too. The CLI's output is built for real
// from the sample workbook (ExcelJS, scoreSheets, planWrites, applyWritePlan) and turned into the stand-in
// Excel's model with workbookToModel.
import { readFileSync } from 'fs';
import { join } from 'path';
import { scoreWorkbook } from '../../src/app/score-flow';
import {
  loadRulebook,
  planWrites,
  reviewTable,
  scoreSheets,
  summaryTable,
  REVIEW_SHEET_NAME,
  type SheetTable,
} from '../../src/core';
import { SYNCS } from '../../src/hosts/office';
import { recordFromXml, SHEET_RECORD_SCHEMA } from '../../src/hosts/record';
import type { FakeWorkbookModel } from '../../src/office-standin/model';
import { applyWritePlan, loadWorkbook, RESTORE_SHEET_NAME, workbookToGrids } from '../../src/hosts/xlsx';
import { workbookToModel } from '../../src/harness/xlsx-model';
import { automaticFontAsBlack, cell, clone, setup } from './helpers';

const SAMPLE = join(__dirname, '../../examples/2021-计生特殊家庭帮扶及权益维护.xlsx');
const NAME = '2021-计生特殊家庭帮扶及权益维护.xlsx';
// With explained deductions not accepted, the seed's 9.7 of 10 is a value 改正 corrects (and the total with it).
const rulebook = loadRulebook({ reasons: { acceptExplainedDeduction: false } });
const request = { rulebook, mode: 'correct' as const, lang: 'zh-CN' as const };

interface Seed {
  original: FakeWorkbookModel;
  scored: FakeWorkbookModel;
  /** The CLI's record: one entry per touched cell, and the cells it wrote a value to. */
  entries: { sheet: string; cell: string; written: boolean }[];
}

let seed: Seed;

beforeAll(async () => {
  const bytes = readFileSync(SAMPLE);
  const original = workbookToModel(await loadWorkbook(bytes), NAME);
  const wb = await loadWorkbook(bytes);
  const report = scoreSheets(workbookToGrids(wb), { rulebook, source: NAME });
  const plan = planWrites(report, 'correct', 'zh-CN');
  const tables: SheetTable[] = [reviewTable(report, 'zh-CN')];
  if (report.forms.length > 1) tables.push(summaryTable(report, 'zh-CN'));
  const applied = applyWritePlan(wb, plan, tables);
  expect(applied.valuesWritten).toBeGreaterThan(0);
  const scored = workbookToModel(wb, NAME);
  const record = scored.sheets.find((s) => s.name === RESTORE_SHEET_NAME);
  if (!record) throw new Error('the CLI wrote no record sheet');
  const entries = Object.entries(record.cells)
    .filter(([addr]) => /^C\d+$/.test(addr) && addr !== 'C1')
    .map(([, c]) => JSON.parse(String(c.value)) as { sheet: string; cell: string; written?: unknown })
    .map((e) => ({ sheet: e.sheet, cell: e.cell, written: 'written' in e }));
  seed = { original, scored, entries };
});

describe('the CLI’s marks in a workbook opened in Excel', () => {
  it('are really there: the scored copy differs from the original and holds the record', () => {
    expect(seed.scored.sheets.map((s) => s.name)).toEqual([
      ...seed.original.sheets.map((s) => s.name),
      REVIEW_SHEET_NAME,
      RESTORE_SHEET_NAME,
    ]);
    const sheet = seed.original.sheets[0].name;
    expect(seed.entries.filter((e) => e.written).length).toBeGreaterThan(0);
    for (const e of seed.entries.filter((x) => x.written))
      expect(cell(seed.scored, sheet, e.cell)).not.toEqual(cell(seed.original, sheet, e.cell));
  });

  it('are restored by 清除标记: values, number formats, fills, font colours and notes, in the usual syncs', async () => {
    const { host, fake, model } = setup(clone(seed.scored), { apiVersion: '1.18' });
    expect(await host.hasMarks()).toBe(true);
    expect(fake.stats.syncs).toBe(SYNCS.hasMarks);
    fake.stats.reset();
    const result = await host.restore();
    expect(fake.stats.syncs).toBe(SYNCS.restore);
    expect(result).toEqual({ restored: seed.entries.length, kept: 0, blocked: 0 });
    // The CLI's 审核意见 and its record sheet are gone; every cell is as it was (an automatic font colour
    // comes back as explicit black: Excel's API cannot set "automatic").
    expect(model.sheets.map((s) => s.name)).toEqual(seed.original.sheets.map((s) => s.name));
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(seed.original));
    expect(await host.hasMarks()).toBe(false);
  });

  it('are cleared before 评分 reads the form: the same report as the original, no stacking', async () => {
    const fromOriginal = setup(clone(seed.original), { apiVersion: '1.18' });
    const expected = await scoreWorkbook(fromOriginal.host, request);

    const { host, fake, model } = setup(clone(seed.scored), { apiVersion: '1.18' });
    const out = await scoreWorkbook(host, request);
    expect(fake.stats.syncs).toBe(SYNCS.hasMarks + SYNCS.restore + SYNCS.read + SYNCS.apply);
    expect(out.applied.cleared).toEqual({ restored: seed.entries.length, kept: 0, blocked: 0 });
    expect(out.report).toEqual(expected.report);
    expect(out.plan).toEqual(expected.plan);
    // The add-in's marks alone, exactly as on the original: none of the CLI's left under them.
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(fromOriginal.model));

    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(seed.original));
  });

  it('keep a value the user changed after the CLI scored, and count it', async () => {
    const sheet = seed.original.sheets[0].name;
    const target = seed.entries.find((e) => e.written);
    if (!target) throw new Error('no written cell');
    const changed = clone(seed.scored);
    const sheetModel = changed.sheets.find((s) => s.name === sheet);
    if (!sheetModel) throw new Error('no sheet');
    sheetModel.cells[target.cell] = { ...sheetModel.cells[target.cell], value: 12345 };
    const cliLeft = clone(sheetModel.cells[target.cell]);

    const { host, model } = setup(changed, { apiVersion: '1.18' });
    const result = await host.restore();
    expect(result).toEqual({ restored: seed.entries.length - 1, kept: 1, blocked: 0 });
    // The user's value stays, with the number format it was entered under; the marks come off.
    const now = cell(model, sheet, target.cell);
    const before = cell(seed.original, sheet, target.cell);
    expect(now?.value).toBe(12345);
    expect(now?.numberFormat).toBe(cliLeft.numberFormat);
    expect(now?.fill).toBe(before?.fill);
    expect(now?.note).toBe(before?.note);
    // Everything else is the original.
    const a = automaticFontAsBlack(model);
    const b = automaticFontAsBlack(seed.original);
    delete a.sheets[0].cells[target.cell];
    delete b.sheets[0].cells[target.cell];
    expect(a).toEqual(b);
  });

  it('leave notes alone below ExcelApi 1.18 and put back everything else', async () => {
    const sheet = seed.original.sheets[0].name;
    const { host, model } = setup(clone(seed.scored), { apiVersion: '1.14' });
    const result = await host.restore();
    expect(result).toEqual({ restored: seed.entries.length, kept: 0, blocked: 0 });
    expect(model.sheets.map((s) => s.name)).toEqual(seed.original.sheets.map((s) => s.name));
    const a = automaticFontAsBlack(model);
    const b = automaticFontAsBlack(seed.original);
    let notes = 0;
    for (const [addr, c] of Object.entries(a.sheets[0].cells)) {
      const was = b.sheets[0].cells[addr];
      if (c.note !== was?.note) {
        expect(c.note).toBe(cell(seed.scored, sheet, addr)?.note);
        notes++;
        delete c.note;
        if (was?.note !== undefined) delete was.note;
      }
    }
    expect(notes).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('are restored past the add-in’s marks when the add-in scored the file before it knew the CLI’s record', async () => {
    // As an add-in without this support did it: the CLI's marks taken for the originals.
    const legacy = clone(seed.scored);
    const rec = legacy.sheets.find((s) => s.name === RESTORE_SHEET_NAME);
    if (!rec) throw new Error('no record');
    rec.name = 'hidden_elsewhere';
    const first = setup(legacy, { apiVersion: '1.18' });
    const out = await scoreWorkbook(first.host, request);
    expect(out.applied.cellsMarked).toBeGreaterThan(0);
    expect(legacy.customXmlParts).toHaveLength(1);
    rec.name = RESTORE_SHEET_NAME;
    // Cells both marked: the add-in's record holds the CLI's marks as their originals.
    const own = recordFromXml(legacy.customXmlParts[0].xml);
    if (!own) throw new Error('no record part');
    const both = own.cells.filter((c) => seed.entries.some((e) => e.cell === c.cell));
    expect(both.length).toBeGreaterThan(0);
    expect(both.some((c) => c.before.fill !== null)).toBe(true);

    const { host, model } = setup(legacy, { apiVersion: '1.18' });
    await host.restore();
    expect(model.sheets.map((s) => s.name)).toEqual(seed.original.sheets.map((s) => s.name));
    expect(model.customXmlParts).toHaveLength(0);
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(seed.original));
  });

  it('are all taken as the CLI’s when its record has no `wrote` (records written before it kept it)', async () => {
    const older = clone(seed.scored);
    const rec = older.sheets.find((s) => s.name === RESTORE_SHEET_NAME);
    if (!rec) throw new Error('no record');
    for (const [addr, c] of Object.entries(rec.cells)) {
      if (!/^C\d+$/.test(addr) || addr === 'C1') continue;
      const e = JSON.parse(String(c.value)) as Record<string, unknown>;
      expect(e.wrote).toBeDefined();
      delete e.wrote;
      c.value = JSON.stringify(e);
    }
    const { host, model } = setup(older, { apiVersion: '1.18' });
    expect(await host.restore()).toEqual({ restored: seed.entries.length, kept: 0, blocked: 0 });
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(seed.original));
  });

  it('are restored from a record written under the id the CLI used before its record had its own', async () => {
    const old = clone(seed.scored);
    const rec = old.sheets.find((s) => s.name === RESTORE_SHEET_NAME);
    if (!rec) throw new Error('no record');
    expect(rec.cells.A1.value).toBe(SHEET_RECORD_SCHEMA);
    rec.cells.A1.value = 'selfeval-restore/1';
    rec.cells.B1.value = String(rec.cells.B1.value).replace(SHEET_RECORD_SCHEMA, 'selfeval-restore/1');
    const { host, model } = setup(old, { apiVersion: '1.18' });
    expect(await host.hasMarks()).toBe(true);
    expect(await host.restore()).toEqual({ restored: seed.entries.length, kept: 0, blocked: 0 });
    expect(model.sheets.map((s) => s.name)).toEqual(seed.original.sheets.map((s) => s.name));
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(seed.original));
  });

  it('leaves a sheet of the record’s name alone when A1 holds no schema id of it', async () => {
    const other = clone(seed.scored);
    const rec = other.sheets.find((s) => s.name === RESTORE_SHEET_NAME);
    if (!rec) throw new Error('no record');
    rec.cells.A1.value = 'selfeval-restore/9';
    const { host, model } = setup(other, { apiVersion: '1.18' });
    expect(await host.restore()).toEqual({ restored: 0, kept: 0, blocked: 0 });
    expect(model.sheets.map((s) => s.name)).toContain(RESTORE_SHEET_NAME);
  });
});
