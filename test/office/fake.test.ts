// The stand-in Excel API is strict where Excel is: these tests prove it, so that the host tests mean something.
// They read before load and before sync on purpose, which the Office add-in lint rules exist to forbid.
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */
import { createFakeOffice, FakeOfficeError, type FakeWorkbook } from '../../src/office-standin';
import { seedSheet, workbook } from './helpers';

type Ctx = { workbook: FakeWorkbook; sync(): Promise<void> };

function fake(apiVersion = '1.18', payloadLimitBytes?: number) {
  const model = workbook([seedSheet('自评表'), { name: 'Sheet2', cells: {}, merges: [], comments: [] }]);
  const f = createFakeOffice(model, { apiVersion, payloadLimitBytes });
  const run = <T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> =>
    f.Excel.run((context) => fn(context as unknown as Ctx));
  return { ...f, run, model };
}

async function rejects(p: Promise<unknown>, code: string): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).code).toBe(code);
    return e as FakeOfficeError;
  }
  throw new Error(`expected ${code}`);
}

describe('the stand-in Excel API', () => {
  it('throws PropertyNotLoaded for a property read without load, or after load but before sync', async () => {
    const { run } = fake();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('自评表').getRange('C3');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      const e = (() => {
        try {
          return range.values;
        } catch (err) {
          return err as FakeOfficeError;
        }
      })() as FakeOfficeError;
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.debugInfo.errorLocation).toBe('Range.values');
      range.load('values');
      expect(() => range.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(range.values).toEqual([['计生特殊家庭帮扶及权益维护']]);
      // Loading one property does not load another.
      expect(() => range.numberFormat).toThrow(FakeOfficeError);
      expect(() => range.format.fill.color).toThrow(FakeOfficeError);
    });
  });

  it('loads navigation paths and collection items, and nothing more', async () => {
    const { run } = fake();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const range = ctx.workbook.worksheets
        .getItem('自评表')
        .getRange('H6')
        .load('numberFormat,format/fill/color');
      expect(() => sheets.items).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['自评表', 'Sheet2']);
      expect(() => sheets.items[0].position).toThrow(FakeOfficeError);
      expect(range.numberFormat).toEqual([['0.00%']]);
      expect(range.format.fill.color).toBe('#FFFFFF'); // no fill reads as white, as in Excel
      expect(() => range.format.font.color).toThrow(FakeOfficeError);
    });
  });

  it('applies queued writes only at sync, and counts syncs', async () => {
    const { run, model, stats } = fake();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet2').getRange('A1:B1');
      r.values = [[1, 'x']];
      r.format.fill.color = '#ffc7ce';
      expect(model.sheets[1].cells).toEqual({});
      await ctx.sync();
      expect(model.sheets[1].cells).toEqual({
        A1: { value: 1, fill: '#FFC7CE' },
        B1: { value: 'x', fill: '#FFC7CE' },
      });
    });
    expect(stats.syncs).toBe(1);
    expect(stats.runs).toBe(1);
  });

  it('makes isNullObject known only at sync, and answers it without a load', async () => {
    const { run } = fake();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Sheet2');
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const empty = ctx.workbook.worksheets.getItem('Sheet2').getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      // A loaded null object's properties read as undefined, as in office.js.
      empty.load('address');
      await ctx.sync();
      expect(empty.address).toBeUndefined();
    });
  });

  it('throws PropertyNotLoaded for isNullObject of a plain proxy until it is loaded, as office.js does', async () => {
    const { run } = fake();
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet2');
      expect(() => sheet.isNullObject).toThrow(/PropertyNotLoaded|not available/);
      sheet.load('name');
      await ctx.sync();
      expect(sheet.isNullObject).toBe(false);
    });
  });

  it('fails a getItem on a missing sheet with ItemNotFound at sync', async () => {
    const { run } = fake();
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('没有').getRange('A1').load('values');
        await ctx.sync();
      }),
      'ItemNotFound',
    );
  });

  it('rejects APIs above the configured requirement set with ApiNotFound', async () => {
    const { run, Office } = fake('1.8');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('自评表').notes.add('A1', 'x');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
    await rejects(
      run(async (ctx) => {
        ctx.workbook.comments.add('自评表!A1', 'x');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('自评表').getRange().getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('自评表').getRange('A1').load('format/fill/pattern');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
  });

  it('rejects writes to a protected sheet with AccessDenied, and lets it be read', async () => {
    const { run, model } = fake();
    model.sheets[0].protected = true;
    const before = JSON.stringify(model);
    const err = await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('自评表').getRange('H6').format.fill.color = '#FFC7CE';
        await ctx.sync();
      }),
      'AccessDenied',
    );
    expect(err.message).toMatch(/protected sheet/);
    expect(JSON.stringify(model)).toBe(before);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('自评表').getRange('H6').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[0.9735]]);
    });
  });

  it('stops a batch at the first failing action, keeping what ran before it', async () => {
    const { run, model } = fake();
    model.sheets[0].protected = true;
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [[1]];
        ctx.workbook.worksheets.getItem('自评表').getRange('A1').values = [[2]];
        ctx.workbook.worksheets.getItem('Sheet2').getRange('A2').values = [[3]];
        await ctx.sync();
      }),
      'AccessDenied',
    );
    expect(model.sheets[1].cells).toEqual({ A1: { value: 1 } });
  });

  it('coerces written text the way Excel does, and keeps text behind an apostrophe', async () => {
    const { run, model } = fake();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet2').getRange('A1:E1').values = [
        ['97.35%', '1,234.5', "'97.35%", 'TRUE', 'abc'],
      ];
      await ctx.sync();
    });
    expect(model.sheets[1].cells).toEqual({
      A1: { value: 0.9735, numberFormat: '0.00%' },
      B1: { value: 1234.5 },
      C1: { value: '97.35%' },
      D1: { value: true },
      E1: { value: 'abc' },
    });
  });

  it('gives a ClientResult its value only after sync', async () => {
    const { run } = fake();
    await run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(count.value).toBe(2);
    });
  });

  it('keeps custom XML parts and saved settings in the model', async () => {
    const { run, model, Office } = fake('1.5');
    await run(async (ctx) => {
      ctx.workbook.customXmlParts.add('<r xmlns="urn:x">1</r>');
      await ctx.sync();
      const scoped = ctx.workbook.customXmlParts.getByNamespace('urn:x').load('items/id');
      await ctx.sync();
      expect(scoped.items).toHaveLength(1);
      const xml = scoped.items[0].getXml();
      await ctx.sync();
      expect(xml.value).toBe('<r xmlns="urn:x">1</r>');
    });
    expect(model.customXmlParts).toHaveLength(1);
    const settings = Office.context.document.settings;
    settings.set('k', 'v');
    expect(model.settings).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(model.settings).toEqual({ k: 'v' });
  });

  it('refuses a request or response over the payload limit', async () => {
    const { run } = fake('1.18', 2000);
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('自评表').getRange('A1:I21').load('values,numberFormat');
        await ctx.sync();
      }),
      'ResponsePayloadSizeLimitExceeded',
    );
    await rejects(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['x'.repeat(3000)]];
        await ctx.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
  });

  it('records activation and selection in the model', async () => {
    const { run, model } = fake();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet2');
      ws.activate();
      ws.getRange('C4').select();
      await ctx.sync();
    });
    expect(model.activeSheet).toBe('Sheet2');
    expect(model.selection).toEqual({ sheet: 'Sheet2', address: 'C4' });
  });

  it('reports used ranges and merged areas with their sheet-qualified addresses', async () => {
    const { run } = fake('1.13');
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('自评表');
      const used = ws.getUsedRangeOrNullObject(true).load('address');
      const merged = ws.getRange().getMergedAreasOrNullObject().load('address,areaCount');
      await ctx.sync();
      expect(used.address).toBe('自评表!A1:I21');
      expect(merged.areaCount).toBe(29);
      expect(merged.address.split(',')[0]).toBe('自评表!A1:I1');
    });
  });

  it('ignores writes to a null object, as the getItemOrNullObject(name).delete() idiom expects', async () => {
    const { run, model } = fake();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('没有').delete();
      ctx.workbook.worksheets.getItemOrNullObject('Sheet2').delete();
      await ctx.sync();
    });
    expect(model.sheets.map((s) => s.name)).toEqual(['自评表']);
  });

  it('finds a custom XML part by its namespace in either quote style', async () => {
    const { run } = fake('1.5');
    await run(async (ctx) => {
      ctx.workbook.customXmlParts.add("<?xml version='1.0'?><a:r xmlns:a='urn:y'/>");
      await ctx.sync();
      const part = ctx.workbook.customXmlParts
        .getByNamespace('urn:y')
        .getOnlyItemOrNullObject()
        .load('namespaceUri');
      await ctx.sync();
      expect(part.isNullObject).toBe(false);
      expect(part.namespaceUri).toBe('urn:y');
    });
  });

  it('has a setter only for properties Excel lets the add-in set', async () => {
    const { run, stats } = fake();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet2').getRange('A1');
      expect(() => {
        (range as unknown as { address: string }).address = 'B2';
      }).toThrow(TypeError);
      const sheet = ctx.workbook.worksheets.getItem('Sheet2');
      range.values = [[1]];
      sheet.visibility = 'Visible';
      // Worksheet.name can be set: it renames the sheet.
      sheet.name = 'Sheet2';
      range.load('address,values');
      await ctx.sync();
      expect(range.address).toBe('Sheet2!A1');
      expect(range.values).toEqual([[1]]);
    });
    expect(stats.actions).toBe(4);
  });

  it("counts the items of every collection, with getCount's own requirement set", async () => {
    const { run } = fake('1.18');
    await run(async (ctx) => {
      ctx.workbook.customXmlParts.add('<r xmlns="urn:x"/>');
      ctx.workbook.worksheets.getItem('Sheet2').notes.add('A1', 'n');
      await ctx.sync();
      const counts = [
        ctx.workbook.worksheets.getCount(),
        ctx.workbook.customXmlParts.getCount(),
        ctx.workbook.customXmlParts.getByNamespace('urn:x').getCount(),
        ctx.workbook.notes.getCount(),
        ctx.workbook.worksheets.getItem('Sheet2').notes.getCount(),
        ctx.workbook.comments.getCount(),
      ];
      await ctx.sync();
      expect(counts.map((c) => c.value)).toEqual([2, 1, 1, 1, 1, 0]);
    });
    await rejects(
      fake('1.2').run(async (ctx) => {
        ctx.workbook.worksheets.getCount();
        await ctx.sync();
      }),
      'ApiNotFound',
    );
  });

  it('ends proxies with their Excel.run', async () => {
    const { run } = fake();
    const range = await run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet2').getRange('A1'));
    expect(() => {
      range.values = [[1]];
    }).toThrow(/InvalidObjectPath|object path/);
  });
});
