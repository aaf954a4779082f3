import { PALETTE, planWrites, reviewTable, scoreSheets, summaryTable, type CellEdit } from '../../src/core';
import { shiftPercent } from '../../src/core/plan';
import { cells, sheet } from '../fixtures/grid';
import { SEED_CELLS, SEED_MERGES, seedSheet } from '../fixtures/shanghai';

const seed = scoreSheets([seedSheet()], { source: 'seed.xlsx' });
const byCell = (edits: CellEdit[]): Record<string, CellEdit> =>
  Object.fromEntries(edits.map((e) => [e.cell, e]));

describe('write plan', () => {
  it('check mode marks each finding cell once, in the colour of its worst finding, with a note', () => {
    const plan = planWrites(seed, 'check');
    const at = byCell(plan.edits);
    expect(plan.mode).toBe('check');
    expect(new Set(plan.edits.map((e) => e.cell)).size).toBe(plan.edits.length);
    expect(plan.edits.every((e) => e.value === undefined)).toBe(true);
    expect(at.H6).toMatchObject({ kind: 'info', fill: PALETTE.info.fill });
    expect(at.H6.fontColor).toBeUndefined();
    expect(at.H6.note).toContain('执行率应为 97.34%');
    // The explained self-deduction 9.7 of 10 is information.
    expect(at.H16).toMatchObject({ kind: 'info', fill: PALETTE.info.fill });
    expect(at.F14).toMatchObject({ kind: 'warning', fill: '#FFEB9C', fontColor: '#9C5700' });
    expect(at.I14.note).toContain('应分析原因');
    expect(Object.keys(at).sort()).toEqual(
      ['E6', 'F14', 'F16', 'F18', 'F19', 'F20', 'H16', 'H6', 'I14', 'I18'].sort(),
    );
  });

  it('English notes when asked', () => {
    const at = byCell(planWrites(seed, 'check', 'en').edits);
    expect(at.H6.note).toMatch(/^selfeval review\nInfo: The execution rate should be 97.34%/);
  });

  it('fill mode writes computed values only into empty cells', () => {
    const c = { ...SEED_CELLS, H6: null, I6: null, H13: null, H21: null };
    const report = scoreSheets([sheet('S', cells(c), SEED_MERGES)]);
    const at = byCell(planWrites(report, 'fill').edits);
    expect(at.H6).toMatchObject({
      kind: 'written',
      value: 0.9734,
      numberFormat: '0.00%',
      fill: '#C6EFCE',
      fontColor: '#006100',
    });
    expect(at.I6).toMatchObject({ kind: 'written', value: 9.73 });
    expect(at.H13).toMatchObject({ kind: 'written', value: 20 });
    // The total with the explained self-deduction 9.7 kept: 99.73 − 0.3.
    expect(at.H21).toMatchObject({ kind: 'written', value: 99.43 });
    expect(at.H21.note).toContain('已填写：99.43');
    // The printed 9.7 is kept in fill mode, only marked.
    expect(at.H16).toMatchObject({ kind: 'info' });
    expect(at.H16.value).toBeUndefined();
  });

  it('correct mode also overwrites wrong printed values, but not an info-level rate display', () => {
    // Without its reason, the seed's 9.7 of 10 is a deduction to correct.
    const report = scoreSheets([sheet('自评表', cells({ ...SEED_CELLS, I16: null }), SEED_MERGES)]);
    const at = byCell(planWrites(report, 'correct').edits);
    expect(at.H16).toMatchObject({ kind: 'written', value: 10 });
    expect(at.H16.note).toContain('已改正：原值 9.7，改为 10.00');
    expect(at.H21).toMatchObject({ kind: 'written', value: 99.73 });
    expect(at.H6).toMatchObject({ kind: 'info' });
    expect(at.H6.value).toBeUndefined();
  });

  it('moves a percent to a fraction without floating point', () => {
    expect(shiftPercent('97.34')).toBe('0.9734');
    expect(shiftPercent('100.00')).toBe('1');
    expect(shiftPercent('5')).toBe('0.05');
    expect(shiftPercent('0.5')).toBe('0.005');
    expect(shiftPercent('123.4')).toBe('1.234');
  });
});

describe('tables', () => {
  it('审核意见 lists every finding with a link to its cell', () => {
    const t = reviewTable(seed);
    expect(t.name).toBe('审核意见');
    expect(t.header).toEqual(['表单', '单元格', '级别', '代码', '说明']);
    expect(t.rows).toHaveLength(seed.forms[0].findings.length);
    const first = t.rows.find((r) => r.values[3] === 'RATE_MISMATCH');
    expect(first?.values.slice(0, 3)).toEqual(['1. 计生特殊家庭帮扶及权益维护', '自评表!H6', '提示']);
    expect(first?.links).toEqual([{ column: 1, sheet: '自评表', cell: 'H6' }]);
  });

  it('评分汇总 has one row per form', () => {
    const t = summaryTable([seed, seed]);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0].values).toEqual([
      'seed.xlsx',
      '自评表',
      '计生特殊家庭帮扶及权益维护',
      '991403',
      '965043.97',
      '97.34%',
      '9.73',
      '99.43',
      '99.73',
      '优',
      0,
      7, // F14, I14, F16, F18, I18, F19, F20 (H16 is an explained deduction: info)
    ]);
  });
});
