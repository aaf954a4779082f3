// The blank official form (src/core/template.ts): laid out like the sample, located and scored by the core without
// a finding about its own formulas, and — filled with the seed form's numbers, the formulas evaluated as Excel
// would (test/fixtures/excel-formula.ts, independent of the core) — scored to the sample's figures.
import {
  getPreset,
  loadRulebook,
  scoreSheets,
  type CellValue,
  type FormReport,
  type Rulebook,
} from '../../src/core';
import {
  blankTemplate,
  excelRound,
  fillTemplate,
  templateGrid,
  TemplateError,
  type FormTemplate,
} from '../../src/core/template';
import { evaluateFormula, excelResults, seedValues } from '../fixtures/template';
import { SEED_MERGES, seedSheet } from '../fixtures/shanghai';

/** Codes of findings about the form's own formulas and the figures they compute. */
const FORMULA_CODES = ['FORMULA_UNCALCULATED', 'RATE_MISMATCH', 'FUNDS_SCORE_MISMATCH', 'TOTAL_MISMATCH'];

function formOf(t: FormTemplate, book: Rulebook): FormReport {
  const report = scoreSheets([templateGrid(t)], { rulebook: book });
  expect(report.errors).toEqual([]);
  expect(report.forms).toHaveLength(1);
  return report.forms[0];
}

const codes = (f: FormReport): string[] => f.findings.map((x) => x.code);

describe('the blank form', () => {
  it.each(['mof-2020', 'shanghai', 'local-platform'])(
    '%s: is located and scored with no finding about its formulas',
    (id) => {
      const book = getPreset(id);
      const t = blankTemplate(book);
      const form = formOf(t, book);
      expect(codes(form).filter((c) => FORMULA_CODES.includes(c))).toEqual([]);
      // Only what a blank form lacks: the project, the amounts, the goals.
      expect(new Set(codes(form))).toEqual(new Set(['FIELD_MISSING']));
      // The spare rows ("……") are no indicators; the 总分 row is found.
      expect(form.indicators).toHaveLength(0);
      expect(form.total.cell).toBe(t.places.total.score);
      expect(form.unit).toBe('元');
      expect(form.funds.rate.cell).toBe(t.places.funds.rate);
      // The cached results are what Excel shows on an empty form.
      for (const [at, v] of excelResults(t)) expect(t.cells.find((c) => c.at === at)?.value).toBe(v);
    },
  );

  it('has the sample’s layout: nine columns, its labels and its merges', () => {
    const t = blankTemplate(getPreset('mof-2020'));
    const sample = seedSheet();
    const label = (grid: { values: CellValue[][] }, r: number, c: number): CellValue =>
      grid.values[r]?.[c] ?? null;
    const grid = templateGrid(t);
    // Identity, funds header, the goals header and the indicator header sit where the sample has them.
    for (const at of [
      'A3',
      'A4',
      'F4',
      'A5',
      'D5',
      'E5',
      'F5',
      'G5',
      'H5',
      'I5',
      'B6',
      'B7',
      'B8',
      'B9',
      'A10',
      'B10',
      'F10',
      'A12',
      'B12',
      'C12',
      'D12',
      'E12',
      'F12',
      'G12',
      'H12',
      'I12',
    ]) {
      const m = /^([A-Z])(\d+)$/.exec(at) as RegExpExecArray;
      const r = Number(m[2]) - 1;
      const c = m[1].charCodeAt(0) - 65;
      // The same words; line breaks may differ (项目 / 资金 / （元） fits the narrow column A).
      const words = (v: CellValue): string => String(v ?? '').replace(/\s/g, '');
      expect([at, words(label(grid, r, c))]).toEqual([at, words(label(sample, r, c))]);
    }
    // The merges of the sample above the indicator table are the template's, one for one.
    const bottom = (m: string): number => Number(/\d+$/.exec(m)?.[0]);
    expect(t.merges.filter((m) => bottom(m) <= 11).sort()).toEqual(
      SEED_MERGES.filter((m) => bottom(m) <= 11).sort(),
    );
    expect(t.columnWidths).toHaveLength(9);
    // 产出 8, 效益 6, 满意度 2 indicator rows.
    expect(t.places.indicators).toHaveLength(16);
    expect(t.merges).toEqual(expect.arrayContaining(['B13:B20', 'B21:B26', 'B27:B28', 'A12:A28', 'A29:F29']));
    const fmt = (at: string): string | undefined => t.cells.find((c) => c.at === at)?.style.numFmt;
    expect(fmt('H6')).toBe('0.00%');
    expect(fmt('E6')).toBe('#,##0.00');
    expect(
      t.cells.every((c) => c.at.match(/^[AB]\d$/) === null || Number(c.at.slice(1)) < 3 || c.style.border),
    ).toBe(true);
  });

  it('says how to add rows, and validates 分值, 得分 and 完成值', () => {
    const t = blankTemplate(getPreset('mof-2020'));
    expect(t.notes.map((n) => n.text).join('\n')).toMatch(/插入.*SUM/s);
    const by = (range: string) => t.validations.find((v) => v.range === range);
    expect(by('G6,G13:G28')).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: ['0'],
    });
    expect(by('H13:H28')).toMatchObject({ type: 'decimal', operator: 'between', formulae: ['0', 'G13'] });
    expect(by('F13:F28')).toMatchObject({ type: 'custom', formulae: ['OR(ISTEXT(F13),F13>=0)'] });
    // The 完成值 rule lets text through and refuses a negative number.
    const rule = (x: CellValue): unknown => evaluateFormula('OR(ISTEXT(F13),F13>=0)', () => x);
    expect([rule('及时'), rule(12000), rule(0), rule(-1)]).toEqual([true, true, true, false]);
    // The total's SUM covers every indicator row, so rows inserted inside the table are summed.
    expect(t.cells.find((c) => c.at === 'H29')?.formula).toContain('SUM(I6,H13:H28)');
  });

  it('takes 元 or 万元 and refuses anything else, in Chinese first', () => {
    expect(
      blankTemplate(getPreset('mof-2020'), { unit: '万元' }).cells.find((c) => c.at === 'A5')?.value,
    ).toBe('项目\n资金\n（万元）');
    const book = getPreset('mof-2020');
    expect(formOf(blankTemplate(book, { unit: '万元' }), book).unit).toBe('万元');
    expect(() => blankTemplate(getPreset('mof-2020'), { unit: '千元' as never })).toThrow(
      /^金额单位.*元 or 万元/,
    );
    expect(() =>
      blankTemplate(getPreset('mof-2020'), { rows: { output: 0, benefit: 6, satisfaction: 2 } }),
    ).toThrow(TemplateError);
    const t = blankTemplate(getPreset('mof-2020'));
    expect(() => fillTemplate(t, getPreset('mof-2020'), { H6: 1 })).toThrow(/^H6 是公式单元格/);
  });
});

describe('the rulebook in the formulas', () => {
  const formulaAt = (t: FormTemplate, at: string): string | undefined =>
    t.cells.find((c) => c.at === at)?.formula;

  it('mof-2020: the exact rate (0.00% shows it half-up), a half-up score capped at 100%, a plain sum', () => {
    const t = blankTemplate(getPreset('mof-2020'));
    expect(formulaAt(t, 'H6')).toBe('IF(OR(COUNT(F6)=0,N(E6)=0),0,F6/E6)');
    expect(formulaAt(t, 'I6')).toBe('IF(OR(COUNT(F6)=0,N(E6)=0,COUNT(G6)=0),0,ROUND(G6*MIN(F6/E6,1),2))');
    expect(formulaAt(t, 'H29')).toBe('ROUND(SUM(I6,H13:H28),2)');
  });

  it('shanghai: the shown rate rounded up at 0.01%, the score still from the exact rate', () => {
    const t = blankTemplate(getPreset('shanghai'));
    expect(formulaAt(t, 'H6')).toBe('IF(OR(COUNT(F6)=0,N(E6)=0),0,ROUNDUP(F6/E6,4))');
    expect(formulaAt(t, 'I6')).toContain('ROUND(G6*MIN(F6/E6,1),2)');
  });

  it('local-platform: the total capped below 80/70/60/50%', () => {
    const f = formulaAt(blankTemplate(getPreset('local-platform')), 'H29') as string;
    for (const [below, cap] of [
      ['80', '89'],
      ['70', '79'],
      ['60', '69'],
      ['50', '59'],
    ])
      expect(f).toContain(`F6/E6*100<${below},${cap}`);
  });

  it('a rulebook file: no cap, 年初预算数 as denominator, other roundings', () => {
    const book = loadRulebook({
      id: 'x',
      executionRate: { cap: null, denominator: 'initialBudget', displayRounding: 'down' },
      scoring: { rounding: 'half-even', decimals: 1 },
    });
    const t = blankTemplate(book);
    expect(formulaAt(t, 'H6')).toBe('IF(OR(COUNT(F6)=0,N(D6)=0),0,ROUNDDOWN(F6/D6,4))');
    expect(formulaAt(t, 'I6')).toBe(
      `IF(OR(COUNT(F6)=0,N(D6)=0,COUNT(G6)=0),0,${excelRound('G6*F6/D6', 1, 'half-even')})`,
    );
    // Half-even in Excel: a tie goes to the even digit, anything else rounds as ROUND does.
    const he = (x: number): unknown => evaluateFormula(excelRound(String(x), 1, 'half-even'), () => null);
    expect([he(9.25), he(9.35), he(9.26), he(9.24)]).toEqual([9.2, 9.4, 9.3, 9.2]);
  });
});

describe('filled with the sample’s numbers', () => {
  it.each([
    ['mof-2020', '97.34', 0.9734123964],
    ['shanghai', '97.35', 0.9735],
    ['local-platform', '97.34', 0.9734123964],
  ] as const)(
    '%s: scores to the sample’s figures, the formulas evaluated as Excel would',
    (id, rate, cached) => {
      const book = getPreset(id);
      const t = fillTemplate(blankTemplate(book), book, seedValues(blankTemplate(book)));
      // The results the core cached are those Excel computes from the formulas.
      const excel = excelResults(t);
      for (const [at, v] of excel) expect([at, t.cells.find((c) => c.at === at)?.value]).toEqual([at, v]);
      expect(excel.get('H6')).toBeCloseTo(cached, 9);
      expect(excel.get('I6')).toBe(9.73);
      expect(excel.get('H29')).toBe(99.43);
      const form = formOf(t, book);
      expect(form.funds.rate).toEqual({ computed: rate, printed: rate, cell: 'H6' });
      expect(form.funds.score).toEqual({ computed: '9.73', printed: '9.73', cell: 'I6' });
      expect(form.total).toMatchObject({
        computed: id === 'local-platform' ? '95.73' : '99.73',
        printed: '99.43',
      });
      expect(form.grade.computed).toBe('优');
      expect(form.indicators).toHaveLength(8);
      expect(codes(form).filter((c) => FORMULA_CODES.includes(c))).toEqual([]);
    },
  );

  it('finds what the sample has, less the mistyped rate the formula now computes', () => {
    const book = getPreset('mof-2020');
    const t = fillTemplate(blankTemplate(book), book, seedValues(blankTemplate(book)));
    const sample = scoreSheets([seedSheet()], { rulebook: book }).forms[0];
    expect(codes(formOf(t, book)).sort()).toEqual(
      codes(sample)
        .filter((c) => c !== 'RATE_MISMATCH')
        .sort(),
    );
  });

  it('local-platform: a low rate caps the total in the formula, and the core agrees (no TOTAL_MISMATCH)', () => {
    const book = getPreset('local-platform');
    const blank = blankTemplate(book);
    const values = { ...seedValues(blank), F6: 700000, F7: 700000 };
    const t = fillTemplate(blank, book, values);
    const excel = excelResults(t);
    expect(excel.get('H29')).toBe(89);
    expect(t.cells.find((c) => c.at === 'H29')?.value).toBe(89);
    const form = formOf(t, book);
    expect(form.total.printed).toBe('89');
    expect(codes(form)).toContain('TOTAL_CAPPED');
    expect(codes(form).filter((c) => FORMULA_CODES.includes(c))).toEqual([]);
  });

  it('an executed amount of 0 gives a rate of 0.00% and a score of 0 (not an empty form)', () => {
    const book = getPreset('mof-2020');
    const t = fillTemplate(blankTemplate(book), book, { E6: 1000, F6: 0 });
    expect(excelResults(t).get('H6')).toBe(0);
    expect(formOf(t, book).funds.rate.computed).toBe('0.00');
  });
});
