// Judging like a reviewer (issue 12): an explained self-deduction is information, not a fault; an empty result
// cell is reported in check mode with the value 填写 would write; a formula is the user's work and never
// overwritten; numbers are written as people read them. Expected figures worked out by hand on the seed form.
import {
  getPreset,
  loadRulebook,
  planWrites,
  reviewTable,
  scoreSheets,
  type CellEdit,
  type CellValue,
  type Finding,
  type FormReport,
  type SheetGrid,
} from '../../src/core';
import { cells, sheet } from '../fixtures/grid';
import { SEED_CELLS, SEED_MERGES } from '../fixtures/shanghai';

/** The seed form with some cells changed (null empties a cell), and formulas by address. */
function seedWith(changes: Record<string, CellValue> = {}, formulas: Record<string, string> = {}): SheetGrid {
  const grid = sheet('自评表', cells({ ...SEED_CELLS, ...changes }), SEED_MERGES);
  const list = Object.entries(formulas).map(([addr, formula]) => {
    const m = /^([A-Z]+)(\d+)$/.exec(addr) as RegExpExecArray;
    return { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65, formula };
  });
  if (list.length) grid.formulas = list;
  return grid;
}

const formOf = (grid: SheetGrid, rulebook = getPreset('mof-2020')): FormReport =>
  scoreSheets([grid], { rulebook }).forms[0];
const at = (form: FormReport, cell: string): Finding[] => form.findings.filter((f) => f.cell === cell);
const codesAt = (form: FormReport, cell: string): string[] =>
  at(form, cell).map((f) => `${f.code} ${f.severity}`);
const edits = (grid: SheetGrid, mode: 'check' | 'fill' | 'correct', rulebook = getPreset('mof-2020')) =>
  Object.fromEntries(
    planWrites(scoreSheets([grid], { rulebook }), mode).edits.map((e) => [e.cell, e]),
  ) as Record<string, CellEdit>;

// The seed: 年底之前预算执行率 (row 16) met its target, 分值 10, printed 9.7, reason "疫情原因减少部分工作培训。" in I16.

describe('explained self-deductions', () => {
  it('a score below the rule with a written reason is SCORE_MISMATCH at info, saying the deduction is explained', () => {
    const form = formOf(seedWith());
    expect(codesAt(form, 'H16')).toEqual(['SCORE_MISMATCH info']);
    const f = at(form, 'H16')[0];
    expect(f.message).toContain('自评扣分 0.30 分，已说明原因');
    expect(f.messageEn).toContain('self-deduction of 0.30 points, reason given');
    expect(f).toMatchObject({ expected: '10.00', found: '9.7' });
    expect(codesAt(form, 'I16')).toEqual([]);
    // total.computed keeps its meaning: by the rule.
    expect(form.total.computed).toBe('99.73');
  });

  it('without a reason it stays a warning, with REASON_MISSING', () => {
    const form = formOf(seedWith({ I16: null }));
    expect(codesAt(form, 'H16')).toEqual(['SCORE_MISMATCH warning']);
    expect(codesAt(form, 'I16')).toEqual(['REASON_MISSING warning']);
  });

  it('a score above the rule stays an error, reason or not', () => {
    // 暖心家园健康行服务场次: =90, actual 45 → 20 × 45 ÷ 90 = 10.00; printed 20.
    const form = formOf(seedWith({ F13: 45, I13: '已说明' }));
    expect(codesAt(form, 'H13')).toEqual(['SCORE_MISMATCH error']);
  });

  it('is a named rulebook option: reasons.acceptExplainedDeduction, on in mof-2020; off, the warning stays', () => {
    expect(getPreset('mof-2020').reasons.acceptExplainedDeduction).toBe(true);
    const strict = loadRulebook({ reasons: { acceptExplainedDeduction: false } });
    expect(codesAt(formOf(seedWith(), strict), 'H16')).toEqual(['SCORE_MISMATCH warning']);
    expect(edits(seedWith(), 'correct', strict).H16).toMatchObject({ kind: 'written', value: 10 });
  });

  it('改正 never raises an explained deduction, nor the total that includes it', () => {
    const e = edits(seedWith(), 'correct');
    expect(e.H16).toMatchObject({ kind: 'info' });
    expect(e.H16.value).toBeUndefined();
    // 99.43 printed = 9.73 + 20 + 10 + 10 + 9.7 + 15 + 15 + 5 + 5: right, with the explained 9.7 kept.
    expect(e.H21).toBeUndefined();
    expect(formOf(seedWith()).total.afterDeductions).toBe('99.43');
  });

  it('填写 writes the total with the explained deduction kept', () => {
    const e = edits(seedWith({ H21: null }), 'fill');
    expect(e.H21).toMatchObject({ kind: 'written', value: 99.43 });
  });
});

describe('blank results in check mode', () => {
  it('reports every empty 执行率, 得分 and 总分 cell at info, with the value 填写 writes', () => {
    const grid = seedWith({ H6: null, I6: null, H13: null, H21: null });
    const form = formOf(grid);
    expect(codesAt(form, 'H6')).toEqual(['RESULT_BLANK info']);
    expect(codesAt(form, 'I6')).toEqual(['RESULT_BLANK info']);
    expect(codesAt(form, 'H13')).toEqual(['RESULT_BLANK info']);
    expect(codesAt(form, 'H21')).toEqual(['RESULT_BLANK info']);
    expect(at(form, 'H6')[0]).toMatchObject({ expected: '97.34' });
    expect(at(form, 'H6')[0].message).toContain('97.34%');
    expect(at(form, 'H13')[0]).toMatchObject({ expected: '20.00' });
    expect(at(form, 'H21')[0]).toMatchObject({ expected: '99.43' });
    const check = edits(grid, 'check');
    expect(check.H21).toMatchObject({ kind: 'info' });
    const fill = edits(grid, 'fill');
    for (const [cell, value] of [
      ['H6', 0.9734],
      ['I6', 9.73],
      ['H13', 20],
      ['H21', 99.43],
    ] as const) {
      expect([cell, fill[cell].value]).toEqual([cell, value]);
    }
  });

  it('says nothing of a filled form', () => {
    expect(formOf(seedWith()).findings.filter((f) => f.code === 'RESULT_BLANK')).toEqual([]);
  });
});

describe('formulas are the user’s work', () => {
  it('改正 keeps a total formula that reads the right cells, and says which cells make the difference', () => {
    // 暖心家园健康行服务场次: actual 45 → 10.00, printed 20; the printed total is the formula's sum.
    const grid = seedWith({ F13: 45, I13: '疫情', H21: 99.43 }, { H21: '=I6+SUM(H13:H20)' });
    const form = formOf(grid);
    expect(form.total.formula).toBe('=I6+SUM(H13:H20)');
    const f = at(form, 'H21').find((x) => x.code === 'FORMULA_RESULT_DIFFERS') as Finding;
    expect(f).toMatchObject({ severity: 'info', expected: '89.43', found: '99.43' });
    expect(f.message).toContain('=I6+SUM(H13:H20)');
    expect(f.message).toContain('89.43');
    expect(f.message).toContain('H13');
    const e = edits(grid, 'correct');
    expect(e.H13).toMatchObject({ kind: 'written', value: 10 });
    expect(e.H21.value).toBeUndefined();
    expect(e.H21.note).toContain('89.43');
    const review = reviewTable(scoreSheets([grid])).rows.map((r) => r.values);
    expect(review.some((v) => v[1] === '自评表!H21' && String(v[4]).includes('89.43'))).toBe(true);
  });

  it('names the row a total formula leaves out', () => {
    // SUM(H13:H19) leaves out H20 (5 points): 94.43 printed, 99.43 by the rule with the deduction kept.
    const grid = seedWith({ H21: 94.43 }, { H21: '=I6+SUM(H13:H19)' });
    const form = formOf(grid);
    const f = at(form, 'H21').find((x) => x.code === 'FORMULA_RESULT_DIFFERS') as Finding;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/未计入 H20/);
    expect(f.messageEn).toMatch(/leaves out H20/);
    for (const mode of ['fill', 'correct'] as const) expect(edits(grid, mode).H21.value).toBeUndefined();
  });

  it('names the wrong column a rate formula reads, and 改正 leaves the formula', () => {
    // =F6/D6 divides by 年初预算数 1100000: 87.73%, not 97.34%.
    const grid = seedWith({ H6: 965043.97 / 1100000 }, { H6: '=F6/D6' });
    const form = formOf(grid);
    expect(form.funds.rate.formula).toBe('=F6/D6');
    const f = at(form, 'H6').find((x) => x.code === 'FORMULA_RESULT_DIFFERS') as Finding;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/D6/);
    expect(f.message).toMatch(/E6/);
    expect(f.message).toContain('97.34%');
    const e = edits(grid, 'correct');
    expect(e.H6.value).toBeUndefined();
    expect(e.H6.numberFormat).toBeUndefined();
  });

  it('填写 writes nothing into a formula whose result is empty', () => {
    const grid = seedWith({ H13: null }, { H13: '=IF(F13="","",G13)' });
    const form = formOf(grid);
    expect(codesAt(form, 'H13')).not.toContain('RESULT_BLANK info');
    expect(edits(grid, 'fill').H13?.value).toBeUndefined();
  });
});

describe('numbers as people read them', () => {
  it('an over-achievement ratio keeps its decimals: 50000 of 3000 is 1666.67%', () => {
    const form = formOf(seedWith());
    const over = at(form, 'F14').find((f) => f.code === 'OVER_ACHIEVED') as Finding;
    expect(over.message).toContain('1666.67%');
    expect(over.messageEn).toContain('1666.67%');
    // 120000 of 800 is a whole 15000%.
    expect(at(form, 'F18').find((f) => f.code === 'OVER_ACHIEVED')?.message).toContain('15000%（');
  });

  it('local-platform: a deducted over-achievement is not "full marks"', () => {
    const form = formOf(seedWith(), getPreset('local-platform'));
    const f = at(form, 'H14').find((x) => x.code === 'SCORE_MISMATCH') as Finding;
    expect(f.expected).toBe('8.00');
    expect(f.message).not.toContain('应得满分');
    expect(f.message).toContain('超额完成扣 2 分');
    expect(f.messageEn).not.toMatch(/: full 10\)/);
  });
});
