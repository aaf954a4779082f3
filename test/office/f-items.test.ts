// The Office host against what real Excel may do (../shared/reference/excel-behaviours.md F2–F13): each test
// runs under every answer of the UNVERIFIED behaviours it depends on (behaviourCombinations), so it passes
// whatever Excel turns out to do. A test title starts with its item's id.
import { RESTORE_NAMESPACE, RESTORE_SETTING } from '../../src/hosts/office';
import { recordFromXml } from '../../src/hosts/record';
import { REVIEW_SHEET_NAME, type SheetGrid, type SheetTable, type WritePlan } from '../../src/core';
import { readValue } from '../../src/core/parse';
import {
  behaviourCombinations,
  type FakeBehaviours,
  type UnverifiedBehaviour,
} from '../../src/office-standin';
import type { FakeSheet, FakeWorkbookModel } from '../../src/office-standin/model';
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
    { values: ['1. 项目', '自评表!H6', '提示', 'RATE_MISMATCH', '执行率应为 97.34%'], severity: 'info' },
  ],
  widths: [28, 16, 8, 26, 90],
  columns: [{ kind: 'text' }, { kind: 'text' }, { kind: 'severity' }, { kind: 'text' }, { kind: 'text' }],
};

/** Every combination of `names`, as [label, behaviours] rows for it.each. */
function under(...names: UnverifiedBehaviour[]): [string, FakeBehaviours][] {
  return behaviourCombinations(names).map((b) => [names.map((n) => `${n}=${b[n]}`).join(' '), b]);
}

/** The records in the workbook's custom XML parts. */
function recordsIn(model: FakeWorkbookModel) {
  return model.customXmlParts
    .filter((p) => p.xml.includes(RESTORE_NAMESPACE))
    .map((p) => recordFromXml(p.xml))
    .filter((r) => r !== null);
}

describe('[F2] note mode on a cell with a threaded comment', () => {
  it.each(under('noteOnCommentedCell', 'failedBatch', 'lineEndings'))(
    '[F2] colours the commented cell, gives it no note, and completes (%s)',
    async (_, behaviours) => {
      const form = richSeedSheet();
      form.comments.push({ cell: 'H16', content: '审核人：请核实', replies: [{ content: '已核实' }] });
      const { host, model } = setup(workbook([form]), { apiVersion: '1.18', behaviours });
      const original = clone(model);
      const result = await host.apply(richPlan(), [review]);
      expect(result.explanation).toBe('note');
      expect(cell(model, '自评表', 'H16')?.fill).toBe('#FFEB9C');
      expect(cell(model, '自评表', 'H16')?.note).toBeUndefined();
      expect(model.sheets[0].comments).toEqual(original.sheets[0].comments);
      // Everything queued after it is in: E6's mark and note, the 审核意见 sheet.
      expect(cell(model, '自评表', 'E6')?.note).toContain('提示');
      expect(model.sheets.map((s) => s.name)).toContain(REVIEW_SHEET_NAME);
      await host.restore();
      expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
    },
  );
});

describe('[F3] replies to the add-in’s comments', () => {
  it.each(under('lineEndings', 'failedBatch'))(
    '[F3] restore keeps a thread that has replies (%s)',
    async (_, behaviours) => {
      const { host, model } = setup(workbook([seedSheet()]), { apiVersion: '1.14', behaviours });
      const plan: WritePlan = {
        mode: 'check',
        edits: [
          edit('自评表', 'H6', 'info', '提示：执行率\n请核对'),
          edit('自评表', 'H16', 'warning', '警告'),
        ],
      };
      await host.apply(plan, [review]);
      const thread = model.sheets[0].comments.find((c) => c.cell === 'H6');
      expect(thread).toBeDefined();
      thread!.replies = [{ content: '已改，请复核', author: '财务' }];
      const result = await host.restore();
      const left = model.sheets[0].comments;
      expect(left.map((c) => c.cell)).toEqual(['H6']);
      expect(left[0].replies).toEqual([{ content: '已改，请复核', author: '财务' }]);
      expect(result.kept).toBeGreaterThanOrEqual(1);
      // The marks come off all the same.
      expect(cell(model, '自评表', 'H6')?.fill).toBeUndefined();
    },
  );
});

describe('[F4] more than 512 merged areas on a sheet', () => {
  it.each(under('mergedAreasOver512'))(
    '[F4] the read succeeds and reports every merge (%s)',
    async (_, behaviours) => {
      const form = seedSheet();
      const extra = Array.from({ length: 600 }, (_, i) => `M${40 + 2 * i}:N${41 + 2 * i}`);
      form.merges.push(...extra);
      form.cells.M1239 = { value: 'x' };
      const { host } = setup(workbook([form]), { apiVersion: '1.13', behaviours });
      const read = await host.read();
      expect(read.sheets[0].merges).toHaveLength(form.merges.length);
      expect(read.sheets[0].values[2][2]).toBe('计生特殊家庭帮扶及权益维护');
    },
  );
});

describe('[F5] no fill', () => {
  it.each(under('noFillPattern'))(
    '[F5] restore clears an unfilled cell and keeps a white one (%s)',
    async (_, b) => {
      const { host, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.18', behaviours: b });
      await host.apply(richPlan(), [review]);
      await host.restore();
      expect(cell(model, '自评表', 'J30')?.fill).toBeUndefined();
      expect(cell(model, '自评表', 'H16')?.fill).toBeUndefined();
      expect(cell(model, '自评表', 'G13')?.fill).toBe('#FFFFFF');
    },
  );
});

describe('[F6] notes read back changed', () => {
  it.each(under('lineEndings', 'failedBatch'))(
    "[F6] restore puts the user's own note back (%s)",
    async (_, behaviours) => {
      const { host, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.18', behaviours });
      await host.apply(richPlan(), [review]);
      expect(cell(model, '自评表', 'I16')?.note).toContain('警告');
      await host.restore();
      expect(cell(model, '自评表', 'I16')?.note).toBe('用户自己的批注');
      expect(model.customXmlParts).toEqual([]);
    },
  );

  it.each(under('lineEndings'))(
    "[F6] a user's note that cannot be put back stays in the record (%s)",
    async (_, behaviours) => {
      const { host, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.18', behaviours });
      await host.apply(richPlan(), [review]);
      // The user rewrote the add-in's note since: theirs stays, and their first note is not lost.
      model.sheets[0].cells.I16.note = '用户改过的批注';
      await host.restore();
      expect(cell(model, '自评表', 'I16')?.note).toBe('用户改过的批注');
      const kept = recordsIn(model).flatMap((r) => r!.cells);
      expect(kept.map((c) => [c.cell, c.before.note])).toEqual([['I16', '用户自己的批注']]);
    },
  );

  it.each(under('lineEndings'))(
    '[F6] comments come off with changed line ends (%s)',
    async (_, behaviours) => {
      const { host, model } = setup(workbook([seedSheet()]), { apiVersion: '1.14', behaviours });
      await host.apply({ mode: 'check', edits: [edit('自评表', 'H6', 'info', '提示\n第二行')] }, []);
      expect(model.sheets[0].comments).toHaveLength(1);
      await host.restore();
      expect(model.sheets[0].comments).toEqual([]);
    },
  );
});

describe('[F7] more than five million cells', () => {
  it.each(under('overFiveMillionCells'))('[F7] the read falls back to blocks (%s)', async (_, behaviours) => {
    const form = seedSheet();
    // One stray value far away: a used range of 5.1 million cells.
    form.cells.XFD312 = { value: '远处' };
    const { host } = setup(workbook([form]), { apiVersion: '1.13', behaviours });
    const read = await host.read();
    const grid = read.sheets[0];
    expect(grid.values).toHaveLength(312);
    expect(grid.values[311][16383]).toBe('远处');
    expect(grid.values[2][2]).toBe('计生特殊家庭帮扶及权益维护');
  });
});

describe('[F8] structure protection and focus loss', () => {
  it.each(under('structureProtectionError'))(
    '[F8] a structure-protected workbook gets a clear message and nothing is written (%s)',
    async (_, behaviours) => {
      const model = workbook([seedSheet()]);
      model.structureProtected = true;
      const { host } = setup(model, { apiVersion: '1.18', behaviours });
      const original = clone(model);
      await expect(host.apply(richPlan(), [review])).rejects.toThrow(
        /^工作簿结构受保护.*\/ The workbook structure/,
      );
      expect(model).toEqual(original);
    },
  );

  it.each(under('failedBatch'))(
    '[F8] focus loss while adding 审核意见: a clear message, no record names it, and a user sheet of that name survives restore (%s)',
    async (_, behaviours) => {
      const model = workbook([seedSheet()]);
      const { host } = setup(model, {
        apiVersion: '1.18',
        behaviours,
        faults: { focusLoss: { operations: ['WorksheetCollection.add'], times: 1 } },
      });
      await expect(host.apply(richPlan(), [review])).rejects.toThrow(
        /^另一个工作簿.*焦点.*\/ Another workbook/,
      );
      for (const r of recordsIn(model)) expect(r!.sheets).toEqual([]);
      // The user now makes a sheet of that name; restore must leave it.
      const mine: FakeSheet = { ...seedSheet(REVIEW_SHEET_NAME), cells: { A1: { value: '我的' } } };
      model.sheets.push(mine);
      await host.restore();
      expect(model.sheets.map((s) => s.name)).toContain(REVIEW_SHEET_NAME);
      expect(cell(model, REVIEW_SHEET_NAME, 'A1')?.value).toBe('我的');
    },
  );

  it('[F8] focus loss while deleting our sheet in restore gives a clear message', async () => {
    const model = workbook([seedSheet()]);
    await setup(model, { apiVersion: '1.18' }).host.apply(richPlan(), [review]);
    const { host } = setup(model, {
      apiVersion: '1.18',
      faults: { focusLoss: { operations: ['Worksheet.delete'], times: 1 } },
    });
    await expect(host.restore()).rejects.toThrow(/^另一个工作簿.*\/ Another workbook/);
    // The record still names the sheet, so the next restore removes it.
    await host.restore();
    expect(model.sheets.map((s) => s.name)).toEqual(['自评表']);
  });
});

describe('[F9] dates as serial numbers', () => {
  const formats = [
    'yyyy"年"m"月"d"日"',
    'm"月"d"日"',
    'yyyy/m/d',
    'e"年"m"月"d"日"',
    'mm-dd',
    '[$-804]yyyy"年"m"月"d"日"',
    'yyyy"年"m"月"',
  ];

  function dateAt(grid: SheetGrid, addr: string) {
    const origin = grid.origin ?? { row: 0, col: 0 };
    const row = Number(addr.slice(1)) - 1 - origin.row;
    const col = addr.charCodeAt(0) - 65 - origin.col;
    return readValue(grid.values[row][col], grid.formats?.[row][col] ?? null, grid.date1904 ?? false).date;
  }

  it.each(formats)('[F9] a completion date in %s reads as a date', async (format) => {
    const form = seedSheet('自评表', { J17: { value: 45291, numberFormat: format } });
    const { host } = setup(workbook([form]));
    const read = await host.read();
    const date = dateAt(read.sheets[0], 'J17');
    expect(date?.month).toBe(12);
    if (!format.startsWith('yyyy"年"m"月"') || format.includes('d')) expect(date?.day).toBe(31);
  });

  it('[F9] a 1904 workbook reads its serials in its own date system', async () => {
    const model = workbook([seedSheet('自评表', { J17: { value: 43829, numberFormat: 'yyyy/m/d' } })]);
    model.date1904 = true;
    const { host } = setup(model);
    const read = await host.read();
    expect(read.sheets[0].date1904).toBe(true);
    expect(dateAt(read.sheets[0], 'J17')).toMatchObject({ year: 2023, month: 12, day: 31 });
  });
});

describe('[F10] custom XML parts failing', () => {
  it('[F10] read scores, apply keeps the record in the document settings, restore puts it all back', async () => {
    const { host, model } = setup(workbook([richSeedSheet()]), {
      apiVersion: '1.18',
      faults: { customXmlParts: 'GeneralException' },
    });
    const original = clone(model);
    const read = await host.read();
    expect(read.sheets).toHaveLength(1);
    expect(await host.hasMarks()).toBe(false);
    await host.apply(richPlan(), [review]);
    expect(model.settings[RESTORE_SETTING]).toBeDefined();
    expect(await host.hasMarks()).toBe(true);
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });
});

describe('[F11] a block still too large', () => {
  it('[F11] is split again until it fits', async () => {
    const long = '长'.repeat(300);
    const cells: FakeSheet['cells'] = {};
    for (let r = 1; r <= 400; r++) for (const c of 'ABCDEFGH') cells[`${c}${r}`] = { value: `${long}${r}` };
    // Excel's limit far below the host's estimate of it: 900 bytes a cell where the host counts 48.
    const { host } = setup(
      workbook([{ name: '长文本', cells, merges: [], comments: [] }]),
      {
        apiVersion: '1.13',
        payloadLimitBytes: 400_000,
      },
      1_000_000,
    );
    const read = await host.read();
    expect(read.sheets[0].values).toHaveLength(400);
    expect(read.sheets[0].values[399][7]).toBe(`${long}400`);
  });
});

describe('[F12] a number into a Text cell', () => {
  it.each(under('numberIntoTextCell'))('[F12] a corrected score is a number (%s)', async (_, behaviours) => {
    const form = seedSheet('自评表', { H16: { value: '9.7', numberFormat: '@' } });
    const { host, model } = setup(workbook([form]), { apiVersion: '1.18', behaviours });
    const original = clone(model);
    await host.apply({ mode: 'correct', edits: [edit('自评表', 'H16', 'written', '已改正', 10)] }, []);
    expect(cell(model, '自评表', 'H16')?.value).toBe(10);
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });
});

describe('[F13] document settings that fail to save', () => {
  it.each(['fails', 'fails-but-saves'] as const)(
    '[F13] a restore on the ExcelApi 1.4 path completes when saveAsync reports failure (%s)',
    async (fault) => {
      // A white fill is taken for no fill below ExcelApi 1.9 (RangeFill.pattern): the plain form here.
      const model = workbook([seedSheet()]);
      const original = clone(model);
      await setup(model, { apiVersion: '1.4' }).host.apply(richPlan(), [review]);
      const { host } = setup(model, { apiVersion: '1.4', faults: { settingsSave: fault } });
      const result = await host.restore();
      expect(result.restored).toBeGreaterThan(0);
      expect(automaticFontAsBlack({ ...model, settings: {} })).toEqual(automaticFontAsBlack(original));
    },
  );
});
