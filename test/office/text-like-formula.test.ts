// Issue 13 item 5: 清除标记 put a text constant that starts with "=" (text "=20", kept as text by a leading
// apostrophe or an "@" format) back through Range.formulas, so it came back as the formula =20. Range.formulas
// gives a constant's value for a cell without a formula, so a text "=20" reads as "=20" there too; restore
// writes it back as a value, as text.
import { clone, cell, edit, seedSheet, setup, workbook } from './helpers';
import type { WritePlan } from '../../src/core';

describe('a text constant that looks like a formula', () => {
  it.each([
    ['=20', undefined],
    ['=SUM(A1:A2)', undefined],
    ['+1', undefined],
    ['=20', '@'],
  ])('%j (format %s) comes back as text after fill and restore', async (text, numberFormat) => {
    const extra = { H16: numberFormat ? { value: text, numberFormat } : { value: text } };
    const model = workbook([seedSheet('自评表', extra)]);
    const original = clone(model);
    const { host } = setup(model);
    const plan: WritePlan = { mode: 'fill', edits: [edit('自评表', 'H16', 'written', '已填写', 9)] };
    await host.apply(plan, []);
    expect(cell(model, '自评表', 'H16')?.value).toBe(9);
    const result = await host.restore();
    expect(result.restored).toBeGreaterThan(0);
    const h16 = cell(model, '自评表', 'H16');
    expect(h16?.formula).toBeUndefined();
    expect(h16?.value).toBe(text);
    expect(h16?.numberFormat).toEqual(original.sheets[0].cells.H16.numberFormat);
  });

  it('a real formula is still put back as a formula', async () => {
    const model = workbook([seedSheet('自评表', { H16: { value: 20, formula: '=20' } })]);
    const { host } = setup(model);
    await host.apply({ mode: 'fill', edits: [edit('自评表', 'H16', 'written', '已填写', 9)] }, []);
    await host.restore();
    expect(cell(model, '自评表', 'H16')).toMatchObject({ value: 20, formula: '=20' });
  });
});
