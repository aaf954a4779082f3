// The stand-in's workbook-level behaviours as Excel documents them (excel-behaviours.md F5, F8, F9, F10, F12, F13,
// F14), and the list of UNVERIFIED behaviours a host's tests run through.
// A write, a load and a sync in that order; the lint rules take the write for a read.
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
import ExcelJS from 'exceljs';
import { applyModelToWorkbook, workbookToModel } from '../../src/harness/xlsx-model';
import {
  DEFAULT_BEHAVIOURS,
  FOCUS_LOSS_OPERATIONS,
  UNVERIFIED_BEHAVIOURS,
  behaviourCombinations,
  createFakeOffice,
  formatValue,
  resolveBehaviours,
  type AsyncResultLike,
  type FakeBehaviours,
} from '../../src/office-standin';
import { rejects, sheet, standIn, type Ctx } from './standin-helpers';

describe('the UNVERIFIED behaviours of the stand-in', () => {
  it('lists at least two answers for each, the first its default, and every combination of them', () => {
    const names = Object.keys(UNVERIFIED_BEHAVIOURS) as (keyof typeof UNVERIFIED_BEHAVIOURS)[];
    for (const name of names) {
      expect(UNVERIFIED_BEHAVIOURS[name].length).toBeGreaterThanOrEqual(2);
      expect(DEFAULT_BEHAVIOURS[name]).toBe(UNVERIFIED_BEHAVIOURS[name][0]);
    }
    const all = behaviourCombinations();
    const product = names.reduce((n, k) => n * UNVERIFIED_BEHAVIOURS[k].length, 1);
    expect(all).toHaveLength(product);
    expect(new Set(all.map((b) => JSON.stringify(b))).size).toBe(product);
    expect(behaviourCombinations(['noFillPattern'])).toEqual([
      { ...DEFAULT_BEHAVIOURS, noFillPattern: 'null' },
      { ...DEFAULT_BEHAVIOURS, noFillPattern: 'None' },
    ]);
  });

  it('refuses an unknown behaviour or answer, so a typo cannot silently test the default', () => {
    expect(() => resolveBehaviours({ noFill: 'None' } as unknown as Partial<FakeBehaviours>)).toThrow(
      /unknown/,
    );
    expect(() => resolveBehaviours({ noFillPattern: 'white' } as unknown as Partial<FakeBehaviours>)).toThrow(
      /no answer/,
    );
  });
});

describe('stand-in fills', () => {
  const cells = { A1: { value: 1 }, A2: { value: 2, fill: '#FFFFFF' }, A3: { value: 3, fill: '#FF0000' } };

  it.each<[FakeBehaviours['noFillPattern'], (string | null)[]]>([
    ['None', ['None', 'Solid', 'Solid']],
    ['null', [null, null, 'Solid']],
  ])('[F5] reports no fill through pattern and tintAndShade (pattern %s)', async (answer, patterns) => {
    const f = standIn([sheet('S', { cells })], { behaviours: { noFillPattern: answer } });
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const fills = ['A1', 'A2', 'A3'].map((a) =>
        ws.getRange(a).format.fill.load('color,pattern,tintAndShade'),
      );
      await ctx.sync();
      expect(fills.map((x) => x.color)).toEqual(['#FFFFFF', '#FFFFFF', '#FF0000']);
      expect(fills.map((x) => x.pattern)).toEqual(patterns);
      // Either way tintAndShade tells No Fill (null) from white (a number).
      expect(fills.map((x) => x.tintAndShade)).toEqual([null, 0, 0]);
      ws.getRange('A3').format.fill.clear();
      const cleared = ws.getRange('A3').format.fill.load('tintAndShade');
      await ctx.sync();
      expect(cleared.tintAndShade).toBeNull();
    });
  });
});

describe('stand-in workbook structure', () => {
  it.each(UNVERIFIED_BEHAVIOURS.structureProtectionError)(
    '[F8] refuses to add, delete, rename, hide or show sheets of a structure-protected workbook (%s)',
    async (code) => {
      const f = standIn([sheet('A'), sheet('B', { visibility: 'Hidden' })], {
        behaviours: { structureProtectionError: code },
      });
      await f.run(async (ctx) => {
        ctx.workbook.protection.protect();
        const p = ctx.workbook.protection.load('protected');
        await ctx.sync();
        expect(p.protected).toBe(true);
      });
      const attempts: ((ctx: Ctx) => void)[] = [
        (ctx) => ctx.workbook.worksheets.add('审核意见'),
        (ctx) => ctx.workbook.worksheets.getItem('A').delete(),
        (ctx) => {
          ctx.workbook.worksheets.getItem('A').name = 'renamed';
        },
        (ctx) => {
          ctx.workbook.worksheets.getItem('B').visibility = 'Visible';
        },
      ];
      for (const attempt of attempts) {
        await rejects(
          f.run(async (ctx) => {
            attempt(ctx);
            await ctx.sync();
          }),
          code,
        );
      }
      expect(f.model.sheets.map((s) => [s.name, s.visibility])).toEqual([
        ['A', undefined],
        ['B', 'Hidden'],
      ]);
      // Cells can still be written; unprotecting lets the structure change again.
      await f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[1]];
        ctx.workbook.protection.unprotect();
        ctx.workbook.worksheets.add('审核意见');
        await ctx.sync();
      });
      expect(f.model.sheets.map((s) => s.name)).toEqual(['A', 'B', '审核意见']);
    },
  );

  it('[F8] needs ExcelApi 1.7 for workbook protection', async () => {
    const f = standIn([sheet('A')], { apiVersion: '1.5' });
    await rejects(
      f.run(async (ctx) => {
        ctx.workbook.protection.load('protected');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
  });

  it.each(FOCUS_LOSS_OPERATIONS)('[F8] fails %s when another workbook takes focus', async (operation) => {
    const f = standIn([sheet('A'), sheet('B')], {
      faults: { focusLoss: { operations: [operation], times: 1 } },
    });
    const act = (ctx: Ctx): void => {
      const ws = ctx.workbook.worksheets;
      if (operation === 'WorksheetCollection.add') ws.add('C');
      else if (operation === 'Worksheet.activate') ws.getItem('B').activate();
      else if (operation === 'Worksheet.delete') ws.getItem('B').delete();
      else ws.getItem('B').getRange('A1').select();
    };
    const e = await rejects(
      f.run(async (ctx) => {
        act(ctx);
        await ctx.sync();
      }),
      operation === 'Worksheet.delete' ? 'InvalidSelection' : 'GeneralException',
    );
    expect(e.debugInfo.errorLocation).toBe(operation);
    expect(f.model.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    // Only the first time (times: 1): a retry succeeds.
    await f.run(async (ctx) => {
      act(ctx);
      await ctx.sync();
    });
  });

  it('[F14] keeps a very hidden sheet, refuses to delete it until it is only hidden', async () => {
    const f = standIn([sheet('A'), sheet('selfeval_restore')]);
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('selfeval_restore').visibility = 'VeryHidden';
      await ctx.sync();
      const s = ctx.workbook.worksheets.getItem('selfeval_restore').load('visibility');
      await ctx.sync();
      expect(s.visibility).toBe('VeryHidden');
    });
    expect(f.model.sheets[1].visibility).toBe('VeryHidden');
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('selfeval_restore').delete();
        await ctx.sync();
      }),
      'InvalidOperation',
    );
    expect(e.debugInfo.errorLocation).toBe('Worksheet.delete');
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('selfeval_restore');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(f.model.sheets.map((s) => s.name)).toEqual(['A']);
  });

  it('[F14] renames a sheet; the proxy follows it, a clash or a bad name fails', async () => {
    const f = standIn([sheet('A'), sheet('B')]);
    await f.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('A');
      a.name = '自评表';
      a.load('name');
      await ctx.sync();
      expect(a.name).toBe('自评表');
    });
    expect(f.model.sheets.map((s) => s.name)).toEqual(['自评表', 'B']);
    await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').name = '自评表';
        await ctx.sync();
      }),
      'ItemAlreadyExists',
    );
    await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').name = 'a/b';
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });
});

describe('stand-in dates', () => {
  // 31 December 2023 is serial 45291 in the 1900 date system and 43829 in the 1904 one.
  const formats: [string, string][] = [
    ['yyyy"年"m"月"d"日"', '2023年12月31日'],
    ['m"月"d"日"', '12月31日'],
    ['yyyy"年"m"月"', '2023年12月'],
    ['yyyy/m/d', '2023/12/31'],
    ['yyyy-mm-dd', '2023-12-31'],
    ['[$-804]yyyy"年"m"月"d"日";@', '2023年12月31日'],
    ['mm-dd', '12-31'],
    ['d-mmm', '31-Dec'],
    ['e"年"m"月"d"日"', '2023年12月31日'],
  ];

  it.each(formats)(
    '[F9] gives a date as its serial in values and as %s shows it in text',
    async (fmt, shown) => {
      const f = standIn([sheet('S', { cells: { A1: { value: 45291, numberFormat: fmt } } })]);
      await f.run(async (ctx) => {
        const r = ctx.workbook.worksheets
          .getItem('S')
          .getRange('A1')
          .load('values,text,numberFormat,valueTypes');
        await ctx.sync();
        expect(r.values).toEqual([[45291]]);
        expect(r.numberFormat).toEqual([[fmt]]);
        expect(r.text).toEqual([[shown]]);
        expect(r.valueTypes).toEqual([['Double']]);
      });
    },
  );

  it('[F9] counts serials from 1904 in a 1904 workbook', async () => {
    const cells = {
      A1: { value: 43829, numberFormat: 'yyyy-mm-dd' },
      A2: { value: 0, numberFormat: 'yyyy-mm-dd' },
    };
    const f = standIn([sheet('S', { cells })], {}, { date1904: true });
    await f.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:A2').load('values,text');
      await ctx.sync();
      expect(r.values).toEqual([[43829], [0]]);
      expect(r.text).toEqual([['2023-12-31'], ['1904-01-01']]);
    });
    expect(formatValue(1, 'yyyy-mm-dd')).toBe('1900-01-01');
    expect(formatValue(61, 'yyyy-mm-dd')).toBe('1900-03-01');
  });

  it('[F9] shows numbers, percentages, text and booleans in their formats', () => {
    expect(formatValue(0.9735, '0.00%')).toBe('97.35%');
    expect(formatValue(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatValue(-3, '0.0')).toBe('-3.0');
    expect(formatValue(97.35, 'General')).toBe('97.35');
    expect(formatValue('文本', '@')).toBe('文本');
    expect(formatValue(true, undefined)).toBe('TRUE');
    expect(formatValue(0.5, 'h:mm')).toBe('12:00');
    expect(formatValue(0.75, 'h:mm AM/PM')).toBe('6:00 PM');
    expect(formatValue(45291, 'aaaa')).toBe('星期日');
    expect(formatValue(12.5, '[Red]General')).toBe('12.5');
    expect(formatValue(1e12, 'General')).toBe('1E+12');
    expect(formatValue(12, '0.00"元"')).toBe('12.00元');
  });
});

describe('stand-in values, parts and settings', () => {
  it.each<[FakeBehaviours['numberIntoTextCell'], unknown, string]>([
    ['number', 10, 'Double'],
    ['text', '10', 'String'],
  ])('[F12] stores a number written into an "@" cell as %s', async (answer, stored, type) => {
    const f = standIn([sheet('S', { cells: { D1: { value: 'x', numberFormat: '@' } } })], {
      behaviours: { numberIntoTextCell: answer },
    });
    await f.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('D1');
      r.values = [[10]];
      r.load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[stored]]);
      expect(r.valueTypes).toEqual([[type]]);
    });
  });

  it('[F10] fails every sync that touches custom XML parts, as on an iPad with an unsaved file', async () => {
    const parts = [{ id: 'p1', xml: '<r xmlns="urn:selfeval"/>' }];
    const ok = standIn([sheet('S')], {}, { customXmlParts: parts });
    await ok.run(async (ctx) => {
      const found = ctx.workbook.customXmlParts.getByNamespace('urn:selfeval').load('items/id');
      await ctx.sync();
      expect(found.items.map((p) => p.id)).toEqual(['p1']);
    });
    const ipad = standIn(
      [sheet('S')],
      { faults: { customXmlParts: 'GeneralException' } },
      { customXmlParts: parts },
    );
    for (const touch of [
      (ctx: Ctx) => ctx.workbook.customXmlParts.getByNamespace('urn:selfeval').load('items/id'),
      (ctx: Ctx) => ctx.workbook.customXmlParts.add('<r xmlns="urn:x"/>'),
      (ctx: Ctx) => ctx.workbook.customXmlParts.getItem('p1').getXml(),
    ]) {
      await rejects(
        ipad.run(async (ctx) => {
          touch(ctx);
          await ctx.sync();
        }),
        'GeneralException',
      );
    }
    expect(ipad.model.customXmlParts).toEqual(parts);
    // The rest of the workbook still reads.
    await ipad.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      expect(r.values).toEqual([['']]);
    });
  });

  async function save(settings: {
    set(n: string, v: unknown): void;
    saveAsync(cb: (r: AsyncResultLike<void>) => void): void;
  }) {
    settings.set('mode', 'note');
    return new Promise<AsyncResultLike<void>>((resolve) => settings.saveAsync(resolve));
  }

  it.each<['fails' | 'fails-but-saves', Record<string, string>]>([
    ['fails', {}],
    ['fails-but-saves', { mode: 'note' }],
  ])('[F13] reports a failing settings.saveAsync (%s)', async (fault, saved) => {
    const f = standIn([sheet('S')], { faults: { settingsSave: fault } });
    const result = await save(f.Office.context.document.settings);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(5001);
    expect(f.model.settings).toEqual(saved);
  });

  it('[F13] keeps settings per add-in: another manifest id sees none of them', async () => {
    const model = { name: 'b.xlsx', sheets: [sheet('S')], settings: {}, customXmlParts: [] };
    const ours = createFakeOffice(model, { addinId: 'ours' });
    expect((await save(ours.Office.context.document.settings)).status).toBe('succeeded');
    expect(model).toMatchObject({ settings: {}, addinSettings: { ours: { mode: 'note' } } });
    const theirs = createFakeOffice(model, { addinId: 'theirs' });
    expect(theirs.Office.context.document.settings.get('mode')).toBeNull();
    expect(createFakeOffice(model, { addinId: 'ours' }).Office.context.document.settings.get('mode')).toBe(
      'note',
    );
  });
});

describe('the harness feeds dates to the stand-in as Excel does', () => {
  async function build(date1904: boolean): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('A1').numFmt = 'm"月"d"日"';
    ws.getCell('A2').value = { formula: 'A1+1', result: new Date(Date.UTC(2024, 0, 1)) };
    ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    // Through a saved file, as the demo opens one.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    return again;
  }

  it.each([
    [false, 45291],
    [true, 43829],
  ])('[F9] gives a date cell its serial and format (1904 system: %s)', async (date1904, serial) => {
    const wb = await build(date1904);
    const model = workbookToModel(wb, 'dates.xlsx');
    expect(model.date1904 === true).toBe(date1904);
    expect(model.sheets[0].cells.A1).toMatchObject({ value: serial, numberFormat: 'm"月"d"日"' });
    expect(model.sheets[0].cells.A2).toMatchObject({ value: serial + 1, formula: '=A1+1' });
    const f = createFakeOffice(model);
    await f.Excel.run(async (context) => {
      const r = (context as unknown as Ctx).workbook.worksheets.getItem('S').getRange('A1:A2');
      r.load('values,text');
      await context.sync();
      expect(r.values).toEqual([[serial], [serial + 1]]);
      expect(r.text).toEqual([['12月31日'], ['2024年1月1日']]);
    });
    // Saving the model back leaves the dates as they were.
    applyModelToWorkbook(model, wb);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await wb.xlsx.writeBuffer());
    expect(saved.getWorksheet('S')?.getCell('A1').value).toEqual(new Date(Date.UTC(2023, 11, 31)));
  });
});
