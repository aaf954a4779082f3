// Marking a workbook from a write plan through the Office host, and putting it back exactly.
import { SYNCS, RESTORE_NAMESPACE, RESTORE_SETTING } from '../../src/hosts/office';
import { createOfficeHost } from '../../src/hosts/office';
import { createFakeOffice } from '../../src/office-standin';
import type { FakeSheet, FakeWorkbookModel } from '../../src/office-standin/model';
import { REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME, type SheetTable, type WritePlan } from '../../src/core';
import {
  automaticFontAsBlack,
  cell,
  clone,
  edit,
  richPlan,
  richSeedSheet,
  seedSheet,
  setup,
  workbook,
} from './helpers';

const review: SheetTable = {
  name: REVIEW_SHEET_NAME,
  header: ['表单', '单元格', '级别', '代码', '说明'],
  rows: [
    {
      values: ['1. 计生特殊家庭帮扶及权益维护', '自评表!H6', '提示', 'RATE_MISMATCH', '执行率应为 97.34%'],
      severity: 'info',
      links: [{ column: 1, sheet: '自评表', cell: 'H6' }],
    },
    { values: ['—', '—', '警告', 'FIELD_MISSING', '=不是公式'], severity: 'warning' },
  ],
  widths: [28, 16, 8, 26, 90],
  columns: [{ kind: 'text' }, { kind: 'text' }, { kind: 'severity' }, { kind: 'text' }, { kind: 'text' }],
};

const summary: SheetTable = {
  name: SUMMARY_SHEET_NAME,
  header: ['文件', '全年预算数', '执行率'],
  rows: [{ values: ['a.xlsx', '991403', '97.34%'] }],
  widths: [24, 14, 10],
  columns: [{ kind: 'text' }, { kind: 'number' }, { kind: 'percent' }],
};

/** JSON with sorted keys, so that two cells compare by content. */
function canon(x: unknown): string {
  return JSON.stringify(x, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Everything the two models differ in, by sheet and cell: the precise list a known limitation may explain. */
function diff(a: FakeWorkbookModel, b: FakeWorkbookModel): string[] {
  const out: string[] = [];
  const names = new Set([...a.sheets, ...b.sheets].map((s) => s.name));
  for (const name of names) {
    const sa = a.sheets.find((s) => s.name === name);
    const sb = b.sheets.find((s) => s.name === name);
    if (!sa || !sb) {
      out.push(`${name}: sheet ${sa ? 'removed' : 'added'}`);
      continue;
    }
    for (const addr of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) {
      if (canon(sa.cells[addr]) !== canon(sb.cells[addr])) {
        out.push(`${name}!${addr}: ${canon(sa.cells[addr])} → ${canon(sb.cells[addr])}`);
      }
    }
    if (JSON.stringify({ ...sa, cells: 0 }) !== JSON.stringify({ ...sb, cells: 0 }))
      out.push(`${name}: sheet props`);
  }
  if (JSON.stringify({ ...a, sheets: 0 }) !== JSON.stringify({ ...b, sheets: 0 })) out.push('workbook props');
  return out;
}

describe('OfficeHost.apply', () => {
  it('puts every edit of the plan in its cell, with notes on ExcelApi 1.18, in 3 syncs', async () => {
    const { host, fake, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.18' });
    const result = await host.apply(richPlan(), [review]);
    expect(fake.stats.syncs).toBe(SYNCS.apply);
    expect(result).toMatchObject({
      cellsMarked: 9,
      valuesWritten: 3,
      explanation: 'note',
      tableSheets: [REVIEW_SHEET_NAME],
      skipped: [],
    });
    expect(cell(model, '自评表', 'H6')).toEqual({
      value: 0.9734,
      numberFormat: '0.00%',
      fill: '#C6EFCE',
      fontColor: '#006100',
      note: 'selfeval 审核意见\n已改正：原值 97.35%，改为 97.34%',
    });
    expect(cell(model, '自评表', 'H21')).toMatchObject({
      value: 99.73,
      fill: '#C6EFCE',
      fontColor: '#006100',
    });
    expect(cell(model, '自评表', 'H21')?.formula).toBeUndefined();
    expect(cell(model, '自评表', 'E6')).toEqual({
      value: 991403,
      fill: '#DDEBF7',
      note: 'selfeval 审核意见\n提示：全年预算数与年初预算数不同',
    });
    expect(cell(model, '自评表', 'H16')).toMatchObject({ value: 9.7, fill: '#FFEB9C', fontColor: '#9C5700' });
    expect(cell(model, '自评表', 'I16')?.note).toBe('selfeval 审核意见\n警告：偏差原因');
    expect(cell(model, '自评表', 'J30')).toEqual({
      value: null,
      fill: '#FFC7CE',
      fontColor: '#9C0006',
      note: 'selfeval 审核意见\n错误：空白单元格',
    });
    // Cells outside the plan are untouched.
    expect(cell(model, '自评表', 'I6')).toEqual({ value: 9.73 });
    // The review sheet: header in bold, rows, a link to the cell, widths.
    const sheet = model.sheets.find((s) => s.name === REVIEW_SHEET_NAME) as FakeSheet;
    expect(sheet.cells.A1).toEqual({ value: '表单', bold: true, wrapText: true });
    expect(sheet.cells.E2.value).toBe('执行率应为 97.34%');
    expect(sheet.cells.B2.hyperlink).toEqual({
      documentReference: "'自评表'!H6",
      textToDisplay: '自评表!H6',
    });
    expect(sheet.cells.E3).toEqual({ value: '=不是公式', wrapText: true });
    expect(sheet.columnWidths?.A).toBeCloseTo(28, 1);
    expect(model.sheets.map((s) => s.name)).toEqual(['自评表', REVIEW_SHEET_NAME]);
    // The record is in the workbook.
    expect(model.customXmlParts).toHaveLength(1);
    expect(model.customXmlParts[0].xml).toContain(`xmlns="${RESTORE_NAMESPACE}"`);
  });

  it('writes threaded comments on ExcelApi 1.10–1.17, and no notes', async () => {
    const { host, fake, model } = setup(workbook([seedSheet()]), { apiVersion: '1.14' });
    const plan: WritePlan = {
      mode: 'check',
      edits: [edit('自评表', 'H6', 'info', '提示：执行率'), edit('自评表', 'H16', 'warning', '警告：得分')],
    };
    const result = await host.apply(plan, [review, summary]);
    expect(result.explanation).toBe('comment');
    expect(fake.stats.syncs).toBe(SYNCS.apply);
    const sheet = model.sheets[0];
    expect(sheet.comments).toEqual([
      { cell: 'H6', content: '提示：执行率', author: 'selfeval' },
      { cell: 'H16', content: '警告：得分', author: 'selfeval' },
    ]);
    expect(Object.values(sheet.cells).some((c) => c.note !== undefined)).toBe(false);
    expect(cell(model, '自评表', 'H16')?.fill).toBe('#FFEB9C');
    // Both tables, the summary's figures as numbers.
    const sum = model.sheets.find((s) => s.name === SUMMARY_SHEET_NAME) as FakeSheet;
    expect(sum.cells.B2).toEqual({ value: 991403 });
    expect(sum.cells.C2).toEqual({ value: 0.9734, numberFormat: '0.00%' });
  });

  it('writes neither notes nor comments on ExcelApi 1.8 (Office 2019), and still the review sheet', async () => {
    const { host, fake, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.8' });
    const result = await host.apply(richPlan(), [review]);
    expect(result.explanation).toBe('none');
    expect(fake.stats.syncs).toBe(SYNCS.apply);
    expect(model.sheets[0].comments).toEqual([]);
    expect(cell(model, '自评表', 'H6')).toEqual({
      value: 0.9734,
      numberFormat: '0.00%',
      fill: '#C6EFCE',
      fontColor: '#006100',
    });
    expect(cell(model, '自评表', 'I16')?.note).toBe('用户自己的批注');
    expect(model.sheets.map((s) => s.name)).toContain(REVIEW_SHEET_NAME);
  });

  it('keeps the cells marked when Excel refuses a comment (a cell with an old-style note)', async () => {
    const { host, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.10' });
    const original = clone(model);
    const result = await host.apply(richPlan(), [review]);
    expect(result.explanation).toBe('comment');
    expect(result.commentsIncomplete).toBe(true);
    expect(result.cellsMarked).toBe(9);
    // Comments up to the refused one landed; the marks after it are in all the same.
    expect(model.sheets[0].comments.map((c) => c.cell)).toEqual(['H6', 'H21', 'H16']);
    expect(cell(model, '自评表', 'J30')?.fill).toBe('#FFC7CE');
    expect(cell(model, '自评表', 'H16')?.fill).toBe('#FFEB9C');
    expect(cell(model, '自评表', 'I16')?.note).toBe('用户自己的批注');
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });

  it("keeps a user's own sheet named 审核意见: the table goes to 审核意见(2), and restore removes only that", async () => {
    const { host, model } = setup(workbook([seedSheet('自评表'), seedSheet(REVIEW_SHEET_NAME)]));
    const original = clone(model);
    await host.apply({ mode: 'check', edits: [edit('自评表', 'H6', 'info', '提示')] }, [review]);
    expect(model.sheets.map((s) => s.name)).toEqual(['自评表', REVIEW_SHEET_NAME, `${REVIEW_SHEET_NAME}(2)`]);
    expect(model.sheets[1]).toEqual(original.sheets[1]);
    expect(cell(model, `${REVIEW_SHEET_NAME}(2)`, 'A1')?.value).toBe('表单');
    await host.restore();
    expect(model).toEqual(original);
  });

  it('skips the edits on a protected sheet and goes on with the others', async () => {
    const locked = seedSheet('锁定');
    locked.protected = true;
    const { host, model } = setup(workbook([locked, seedSheet('自评表')]));
    const lockedBefore = clone(locked);
    const plan: WritePlan = {
      mode: 'check',
      edits: [edit('锁定', 'H6', 'error', '错误'), edit('自评表', 'H6', 'error', '错误')],
    };
    const result = await host.apply(plan, [review]);
    expect(result.skipped).toEqual([{ sheet: '锁定', cell: 'H6', reason: 'protected' }]);
    expect(result.cellsMarked).toBe(1);
    expect(model.sheets[0]).toEqual(lockedBefore);
    expect(cell(model, '自评表', 'H6')?.fill).toBe('#FFC7CE');
    expect(model.sheets.map((s) => s.name)).toContain(REVIEW_SHEET_NAME);
  });

  it.each([1, 10, 100])('uses the same syncs to mark and restore %i sheets', async (n) => {
    const sheets = Array.from({ length: n }, (_, i) => seedSheet(`表${i + 1}`));
    const { host, fake, model } = setup(workbook(sheets), { apiVersion: '1.18' });
    const original = clone(model);
    const plan: WritePlan = {
      mode: 'check',
      edits: sheets.flatMap((s) => [edit(s.name, 'H6', 'info', '提示'), edit(s.name, 'E6', 'info', '提示')]),
    };
    await host.apply(plan, [review]);
    expect(fake.stats.syncs).toBe(SYNCS.apply);
    fake.stats.reset();
    expect(await host.restore()).toEqual({ restored: 2 * n, kept: 0, blocked: 0 });
    expect(fake.stats.syncs).toBe(SYNCS.restore);
    expect(model).toEqual(original); // info marks leave the font colour alone: exactly the original
  });

  it('cuts writes over the payload limit into several syncs, with the same result', async () => {
    const plan = richPlan();
    const bigReview: SheetTable = {
      ...review,
      rows: Array.from({ length: 300 }, (_, i) => ({
        values: [`${i}`, '自评表!H6', '提示', 'X', '说明'.repeat(20)],
      })),
    };
    const whole = setup(workbook([richSeedSheet()]));
    await whole.host.apply(plan, [bigReview]);
    const cut = setup(workbook([richSeedSheet()]), { payloadLimitBytes: 30_000 }, 20_000);
    const original = clone(cut.model);
    await cut.host.apply(plan, [bigReview]);
    expect(whole.fake.stats.syncs).toBe(SYNCS.apply);
    expect(cut.fake.stats.syncs).toBeGreaterThan(SYNCS.apply);
    expect(cut.fake.stats.maxRequestBytes).toBeLessThanOrEqual(30_000);
    expect(cut.model).toEqual(whole.model);
    await cut.host.restore();
    expect(automaticFontAsBlack(cut.model)).toEqual(automaticFontAsBlack(original));
  });
});

describe('OfficeHost.restore', () => {
  it.each(['1.18', '1.14', '1.10', '1.9', '1.8', '1.5', '1.4'])(
    'gives back every value, formula, number format, fill, font colour and note (ExcelApi %s)',
    async (apiVersion) => {
      const { host, fake, model } = setup(workbook([richSeedSheet()]), { apiVersion });
      const original = clone(model);
      const h21 = original.sheets[0].cells.H21.value;
      await host.apply(richPlan(), [review, summary]);
      expect(await host.hasMarks()).toBe(true);
      fake.stats.reset();
      const result = await host.restore();
      expect(fake.stats.syncs).toBe(SYNCS.restore);
      expect(result).toEqual({ restored: 9, kept: 0, blocked: 0 });
      expect(await host.hasMarks()).toBe(false);

      // The only differences Excel's API leaves: an automatic font colour comes back as explicit black, and
      // below ExcelApi 1.9 (no RangeFill.pattern) a white fill cannot be told from no fill.
      const limits = [
        '自评表!H6: {"numberFormat":"0.00%","value":0.9735} → {"fontColor":"#000000","numberFormat":"0.00%","value":0.9735}',
        `自评表!H21: {"formula":"=I6+SUM(H13:H20)","value":${h21}} → {"fontColor":"#000000","formula":"=I6+SUM(H13:H20)","value":${h21}}`,
        '自评表!H16: {"value":9.7} → {"fontColor":"#000000","value":9.7}',
        '自评表!I16: {"note":"用户自己的批注","value":"疫情原因减少部分\\n工作培训。"} → {"fontColor":"#000000","note":"用户自己的批注","value":"疫情原因减少部分\\n工作培训。"}',
        '自评表!H14: {"value":"10%"} → {"fontColor":"#000000","value":"10%"}',
        '自评表!J30: undefined → {"fontColor":"#000000","value":null}',
      ];
      const oldExcel = apiVersion === '1.8' || apiVersion === '1.5' || apiVersion === '1.4';
      const gFont = oldExcel
        ? '自评表!G13: {"fill":"#FFFFFF","value":20} → {"fontColor":"#000000","value":20}'
        : '自评表!G13: {"fill":"#FFFFFF","value":20} → {"fill":"#FFFFFF","fontColor":"#000000","value":20}';
      expect(diff(original, model).sort()).toEqual([...limits, gFont].sort());
      if (!oldExcel) expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
      // The exact originals are back: the formula, the text "10%", the user's note, the explicit font colour.
      expect(cell(model, '自评表', 'H21')).toMatchObject({ value: h21, formula: '=I6+SUM(H13:H20)' });
      expect(cell(model, '自评表', 'H14')?.value).toBe('10%');
      expect(cell(model, '自评表', 'H13')).toEqual({ value: 20, fontColor: '#1F4E79', bold: true });
      expect(model.customXmlParts).toEqual([]);
      expect(model.settings).toEqual({});
    },
  );

  it('finds nothing to restore in a workbook never scored, in one sync, and changes nothing', async () => {
    const { host, fake, model } = setup(workbook([richSeedSheet()]));
    const original = clone(model);
    expect(await host.hasMarks()).toBe(false);
    fake.stats.reset();
    expect(await host.restore()).toEqual({ restored: 0, kept: 0, blocked: 0 });
    expect(fake.stats.syncs).toBe(1);
    expect(model).toEqual(original);
  });

  it('does not stack marks: restore, then apply again (as the app flow scores again), then one restore, gives the original back', async () => {
    const { host, model } = setup(workbook([richSeedSheet()]));
    const original = clone(model);
    await host.apply(richPlan(), [review]);
    const once = clone(model);
    expect(await host.restore()).toEqual({ restored: 9, kept: 0, blocked: 0 });
    const second = await host.apply(richPlan(), [review]);
    expect(second.tableSheets).toEqual([REVIEW_SHEET_NAME]);
    expect(model).toEqual(once);
    expect(model.customXmlParts).toHaveLength(1);
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });

  it('leaves a cell the user changed after scoring as the user left it, and counts it as kept', async () => {
    const { host, model } = setup(workbook([richSeedSheet()]));
    const original = clone(model);
    await host.apply(richPlan(), [review]);
    const sheet = model.sheets[0];
    sheet.cells.H6.value = 0.95; // over a value the add-in wrote
    sheet.cells.H16.value = 8; // over a cell the add-in only marked
    sheet.cells.E6.fill = '#00FF00'; // the user recoloured a marked cell
    const result = await host.restore();
    expect(result).toEqual({ restored: 7, kept: 2, blocked: 0 });
    // The user's values stay (with the format they were typed into); our marks on them come off.
    expect(sheet.cells.H6).toEqual({ value: 0.95, numberFormat: '0.00%', fontColor: '#000000' });
    expect(sheet.cells.H16).toEqual({ value: 8, fontColor: '#000000' });
    // The user's colour stays; our note comes off.
    expect(sheet.cells.E6).toEqual({ value: 991403, fill: '#00FF00' });
    // The formula is back, recalculated with the user's 8 in H16.
    expect(sheet.cells.H21).toEqual({
      formula: original.sheets[0].cells.H21.formula,
      value: 9.73 + (20 + 10 + 8 + 15 + 15 + 5 + 5),
      fontColor: '#000000',
    });
  });

  it('survives save and reopen: a new session restores from the record in the workbook', async () => {
    for (const apiVersion of ['1.18', '1.4']) {
      const first = setup(workbook([richSeedSheet()]), { apiVersion });
      const original = clone(first.model);
      await first.host.apply(richPlan(), [review]);
      if (apiVersion === '1.4') expect(Object.keys(first.model.settings)).toEqual([RESTORE_SETTING]);
      // Saved, closed, reopened: only what is in the file is left.
      const reopened = JSON.parse(JSON.stringify(first.model)) as FakeWorkbookModel;
      const fake = createFakeOffice(reopened, { apiVersion });
      const host = createOfficeHost({ excel: fake.Excel, office: fake.Office });
      expect(await host.hasMarks()).toBe(true);
      expect(await host.restore()).toEqual({ restored: 9, kept: 0, blocked: 0 });
      const limits = apiVersion === '1.4' ? ['G13'] : [];
      const a = automaticFontAsBlack(reopened);
      const b = automaticFontAsBlack(original);
      for (const addr of limits) delete b.sheets[0].cells[addr].fill;
      expect(a).toEqual(b);
    }
  });

  it('leaves the cells of a sheet protected since scoring marked, and restores them once it is not', async () => {
    const { host, model } = setup(workbook([seedSheet('自评表'), seedSheet('其他')]));
    const original = clone(model);
    const plan: WritePlan = {
      mode: 'check',
      edits: [edit('自评表', 'H6', 'info', '提示'), edit('其他', 'H6', 'info', '提示')],
    };
    await host.apply(plan, [review]);
    model.sheets[1].protected = true;
    expect(await host.restore()).toEqual({ restored: 1, kept: 0, blocked: 1 });
    expect(cell(model, '其他', 'H6')?.fill).toBe('#DDEBF7');
    expect(await host.hasMarks()).toBe(true);
    delete model.sheets[1].protected;
    expect(await host.restore()).toEqual({ restored: 1, kept: 0, blocked: 0 });
    expect(model).toEqual(original);
  });

  it.each(['1.18', '1.4'])(
    'keeps the record of a protected sheet when scoring again, so it is restored later (ExcelApi %s)',
    async (apiVersion) => {
      const { host, model } = setup(workbook([seedSheet('自评表'), seedSheet('其他')]), { apiVersion });
      const original = clone(model);
      const plan: WritePlan = {
        mode: 'check',
        edits: [edit('自评表', 'H6', 'info', '提示'), edit('其他', 'H6', 'info', '提示')],
      };
      await host.apply(plan, [review]);
      model.sheets[1].protected = true;
      expect(await host.restore()).toEqual({ restored: 1, kept: 0, blocked: 1 });
      const again = await host.apply(plan, [review]);
      expect(again.skipped).toEqual([{ sheet: '其他', cell: 'H6', reason: 'protected' }]);
      delete model.sheets[1].protected;
      expect(await host.restore()).toEqual({ restored: 2, kept: 0, blocked: 0 });
      expect(model).toEqual(original);
    },
  );
});

describe('OfficeHost selection, settings, capabilities', () => {
  it('selects a cell on its sheet in one sync', async () => {
    const { host, fake, model } = setup(workbook([seedSheet('自评表'), seedSheet('其他')]));
    await host.select('其他', 'H16');
    expect(model.activeSheet).toBe('其他');
    expect(model.selection).toEqual({ sheet: '其他', address: 'H16' });
    expect(fake.stats.syncs).toBe(SYNCS.select);
  });

  it('keeps settings in the document', async () => {
    const { host, model } = setup(workbook([seedSheet()]));
    expect(host.getSetting('mode')).toBeNull();
    await host.setSetting('mode', 'correct');
    expect(host.getSetting('mode')).toBe('correct');
    expect(model.settings).toEqual({ mode: 'correct' });
  });

  it('reports what the Excel it runs in can do', () => {
    expect(setup(workbook([seedSheet()]), { apiVersion: '1.8' }).host.capabilities()).toEqual({
      excelApi: '1.8',
      explanation: 'none',
      mergedAreas: false,
    });
    expect(setup(workbook([seedSheet()]), { apiVersion: '1.14' }).host.capabilities()).toEqual({
      excelApi: '1.14',
      explanation: 'comment',
      mergedAreas: true,
    });
    expect(setup(workbook([seedSheet()]), { apiVersion: '1.18' }).host.capabilities()).toEqual({
      excelApi: '1.18',
      explanation: 'note',
      mergedAreas: true,
    });
  });
});
