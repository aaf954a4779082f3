// The stand-in's size limits as Excel documents them (excel-behaviours.md F4, F7, F11): 512 merged areas, five
// million cells for a get, the payload of a request and of its response.
import { MAX_GET_CELLS, MAX_MERGED_AREAS } from '../../src/office-standin';
import { rejects, sheet, standIn } from './standin-helpers';

/** `n` merged row pairs down column A. */
function merged(n: number) {
  return sheet('S', { merges: Array.from({ length: n }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`) });
}

describe('stand-in limits', () => {
  it('[F4] reads 512 merged areas, and fails to over 512 (throws)', async () => {
    expect(MAX_MERGED_AREAS).toBe(512);
    const ok = standIn([merged(512)]);
    await ok.run(async (ctx) => {
      const areas = ctx.workbook.worksheets
        .getItem('S')
        .getRange()
        .getMergedAreasOrNullObject()
        .load('areaCount');
      await ctx.sync();
      expect(areas.areaCount).toBe(512);
    });
    const over = standIn([merged(600)]);
    const e = await rejects(
      over.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange().getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
      'GeneralException',
    );
    expect(e.debugInfo.errorLocation).toBe('Range.getMergedAreasOrNullObject');
    // A smaller range with fewer areas still reads.
    await over.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('S').getRange('A1:A100').getMergedAreasOrNullObject();
      areas.load('areaCount');
      await ctx.sync();
      expect(areas.areaCount).toBe(50);
    });
  });

  it('[F4] gives a null object over 512 merged areas (null-object)', async () => {
    const f = standIn([merged(600)], { behaviours: { mergedAreasOver512: 'null-object' } });
    await f.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('S').getRange().getMergedAreasOrNullObject();
      await ctx.sync();
      expect(areas.isNullObject).toBe(true);
    });
  });

  /** A value at XFD400: a used range of 16,384 × 400 = 6.5 million cells. */
  const stray = () => sheet('S', { cells: { A1: { value: 'x' }, XFD400: { value: 1 } } });

  it('[F7] fails a get over five million cells with RangeExceedsLimit (RangeExceedsLimit)', async () => {
    expect(MAX_GET_CELLS).toBe(5_000_000);
    const f = standIn([stray()], { payloadLimitBytes: Number.MAX_SAFE_INTEGER });
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getUsedRange(true).load('values');
        await ctx.sync();
      }),
      'RangeExceedsLimit',
    );
    expect(e.debugInfo.errorLocation).toBe('Range.values');
    // The address of the same range is not a get of its cells.
    await f.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true).load('address,cellCount');
      await ctx.sync();
      expect(used.address).toBe('S!A1:XFD400');
      expect(used.cellCount).toBe(16_384 * 400);
    });
  });

  it('[F7] answers values === null over five million cells (values-null)', async () => {
    const f = standIn([stray()], { behaviours: { overFiveMillionCells: 'values-null' } });
    await f.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true).load('values,numberFormat');
      await ctx.sync();
      expect(used.values).toBeNull();
      expect(used.numberFormat).toBeNull();
      // A chunk under the limit reads as usual.
      const chunk = ctx.workbook.worksheets.getItem('S').getRange('XFD399:XFD400').load('values');
      await ctx.sync();
      expect(chunk.values).toEqual([[''], [1]]);
    });
  });

  it('[F11] counts a request by its serialised bytes: Chinese text three bytes a character', async () => {
    const ascii = standIn([sheet('S')]);
    const chinese = standIn([sheet('S')]);
    const write = (f: typeof ascii, text: string) =>
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[text]];
        await ctx.sync();
      });
    await write(ascii, 'x'.repeat(300));
    await write(chinese, '说'.repeat(300));
    expect(chinese.stats.maxRequestBytes - ascii.stats.maxRequestBytes).toBe(600);
  });

  it('[F11] counts every object a request uses, not only its values', async () => {
    const one = standIn([sheet('S')]);
    const many = standIn([sheet('S')]);
    await one.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      for (let i = 0; i < 20; i++) r.format.fill.color = '#FF0000';
      await ctx.sync();
    });
    await many.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      for (let i = 1; i <= 20; i++) ws.getRange(`A${i}`).format.fill.color = '#FF0000';
      await ctx.sync();
    });
    // Same number of actions; 19 more Range, RangeFormat and RangeFill object paths.
    expect(many.stats.log[0].actions).toBe(one.stats.log[0].actions);
    expect(many.stats.maxRequestBytes - one.stats.maxRequestBytes).toBeGreaterThan(19 * 3 * 60);
  });

  it('[F11] fails a response over the limit by the JSON length of the values it carries', async () => {
    const cells: Record<string, { value: string }> = {};
    for (let r = 1; r <= 100; r++) cells[`A${r}`] = { value: '绩效'.repeat(50) };
    const f = standIn([sheet('S', { cells })], { payloadLimitBytes: 30_000 });
    // 100 cells × 100 Chinese characters × 3 bytes = 30,000 bytes of text, plus the JSON around it.
    await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A100').load('values');
        await ctx.sync();
      }),
      'ResponsePayloadSizeLimitExceeded',
    );
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A50').load('values');
      await ctx.sync();
    });
    expect(f.stats.log.map((l) => l.responseBytes > 30_000)).toEqual([true, false]);
  });
});
