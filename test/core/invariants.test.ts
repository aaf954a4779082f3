// The core's own invariants on valid grids (issue 13, items 9, 12 and 13): each case is one the fuzzer found, and
// each test fails on the core before its fix.
import { getPreset, planWrites, scoreSheets, type Rulebook, type SheetGrid } from '../../src/core';
import { readCell } from '../../src/core/parse';
import { seedSheet } from '../fixtures/shanghai';
import { checkReport } from './fuzz-kit';

/** The seed form with some cells replaced (0-based row, column). */
function seedWith(cells: [number, number, string | number | null][]): SheetGrid {
  const s = seedSheet();
  for (const [r, c, v] of cells) s.values[r][c] = v;
  return s;
}

const codes = (s: SheetGrid, book?: Rulebook) =>
  scoreSheets([s], { rulebook: book }).forms[0].findings.map((f) => f.code);

describe('numbers of every size are read as they are', () => {
  test.each([
    [1e300, `1${'0'.repeat(300)}`],
    [1e21, '1000000000000000000000'],
    [-1e21, '-1000000000000000000000'],
  ])('%s', (n, text) => {
    const r = readCell(n);
    expect(r.kind === 'number' && r.number.value.toFixed()).toBe(text);
  });
});

describe('a score stays within 0 and its weight', () => {
  test('rounding does not lift a score above its weight (9.999 → 9.99, not 10.00)', () => {
    const report = scoreSheets([seedWith([[12, 6, 9.999]])]);
    const row = report.forms[0].indicators.find((i) => i.row === 13);
    expect(row?.score.computed).toBe('9.99');
    expect(checkReport(report)).toEqual([]);
  });

  test('a total is never negative and never holds a printed score above its weight', () => {
    // A row that cannot be scored (no actual) counts its printed score, kept within 0–分值: 110 counts as 20.
    const s = seedWith([
      [12, 5, null],
      [12, 7, 110],
    ]);
    expect(checkReport(scoreSheets([s]))).toEqual([]);
  });
});

describe('negative weights and budgets are findings of their own (item 9)', () => {
  test('a negative 分值: WEIGHT_NEGATIVE, no score, out of the sums, nothing written', () => {
    const s = seedWith([[12, 6, -1]]);
    const report = scoreSheets([s]);
    const form = report.forms[0];
    expect(form.findings.map((f) => f.code)).toContain('WEIGHT_NEGATIVE');
    expect(form.findings.map((f) => f.code)).not.toContain('FIELD_MISSING');
    const row = form.indicators.find((i) => i.row === 13);
    expect(row?.weight).toBe('-1');
    expect(row?.score.computed).toBeNull();
    expect(checkReport(report)).toEqual([]);
    for (const mode of ['fill', 'correct'] as const) {
      const edits = planWrites(report, mode).edits.filter((e) => e.value !== undefined);
      expect(edits.filter((e) => typeof e.value === 'number' && e.value < 0)).toEqual([]);
      expect(edits.find((e) => e.cell === 'H13')).toBeUndefined();
    }
  });

  test('a negative 执行率 分值: WEIGHT_NEGATIVE, no rate score', () => {
    const report = scoreSheets([seedWith([[5, 6, -10]])]);
    expect(report.forms[0].findings.map((f) => f.code)).toContain('WEIGHT_NEGATIVE');
    expect(report.forms[0].funds.score.computed).toBeNull();
    expect(checkReport(report)).toEqual([]);
  });

  test('a negative budget: BUDGET_NEGATIVE, no rate and no rate score, nothing negative written', () => {
    const report = scoreSheets([seedWith([[5, 4, -991403]])]);
    expect(codes(seedWith([[5, 4, -991403]]))).toContain('BUDGET_NEGATIVE');
    expect(report.forms[0].funds.rate.computed).toBeNull();
    expect(report.forms[0].funds.score.computed).toBeNull();
    for (const mode of ['fill', 'correct'] as const)
      expect(
        planWrites(report, mode).edits.filter((e) => typeof e.value === 'number' && e.value < 0),
      ).toEqual([]);
  });
});

test('a rescaling rulebook with every indicator 不适用 gives a finite total, not Infinity and 优', () => {
  const base = getPreset('mof-2020');
  const book: Rulebook = { ...base, id: 'rescale', scoring: { ...base.scoring, notApplicable: 'rescale' } };
  const s = seedSheet();
  for (let r = 12; r <= 19; r++) s.values[r][5] = '不适用';
  // Every weight not applicable: the rate's 10 and the rows' 90 make 100, nothing is left to rescale to.
  for (let r = 12; r <= 19; r++) s.values[r][4] = '不适用';
  s.values[5][6] = 0;
  s.values[12][6] = 30;
  const report = scoreSheets([s], { rulebook: book });
  const form = report.forms[0];
  expect(form.total.computed).toMatch(/^\d+(\.\d+)?$/);
  expect(form.grade.computed).not.toBe('优');
  expect(checkReport(report)).toEqual([]);
  expect(JSON.stringify(planWrites(report, 'fill'))).not.toMatch(/Infinity|NaN/);
});
