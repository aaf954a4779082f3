// Judging like a reviewer (issue 12): an explained self-deduction is information, not a fault; an empty result
// cell is reported in check mode with the value 填写 would write; a formula is the user's work and never
// overwritten; numbers are written as people read them. Expected figures worked out by hand on the seed form.
import {
  getPreset,
  scoreSheets,
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
