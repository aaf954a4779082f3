// The blank form's formulas as the core computes them: the Excel rounding of a rulebook rule, the template filled
// with values (and its formulas' cached results recomputed, exactly, as Excel shows them), and the template as a
// SheetGrid for scoring in memory. The layout is src/core/template.ts.
import { parseA1, parseRangeA1 } from './a1';
import { Decimal, roundBy } from './decimal';
import type { CellValue, SheetGrid } from './grid';
import type { RoundingRule, Rulebook } from './rulebook';
import { TemplateError, type FormTemplate, type TemplateCell } from './template-types';

/** An Excel rounding of `x` to `d` places by a rulebook rule (R14): ROUND is half-up, ROUNDUP/ROUNDDOWN away
 *  from / toward zero; half-even rounds a tie to the even digit (for x ≥ 0, as amounts and scores are). */
export function excelRound(x: string, d: number, rule: RoundingRule): string {
  switch (rule) {
    case 'half-up':
      return `ROUND(${x},${d})`;
    case 'up':
      return `ROUNDUP(${x},${d})`;
    case 'down':
      return `ROUNDDOWN(${x},${d})`;
    case 'half-even':
      return `IF(MOD(${x}*10^${d},2)=0.5,ROUNDDOWN(${x},${d}),ROUND(${x},${d}))`;
  }
}

/** The template with values typed into it (address → value) and every formula's cached result recomputed. */
export function fillTemplate(
  template: FormTemplate,
  book: Rulebook,
  values: Readonly<Record<string, CellValue>>,
): FormTemplate {
  const byAt = new Map(template.cells.map((c) => [c.at, c]));
  for (const [at, value] of Object.entries(values)) {
    const cell = byAt.get(at);
    if (!cell) {
      throw new TemplateError(`模板中没有单元格 ${at}`, `the template has no cell ${at}`);
    }
    if (cell.formula !== undefined) {
      throw new TemplateError(`${at} 是公式单元格，不能填写`, `${at} holds a formula and cannot be filled`);
    }
    byAt.set(at, { ...cell, value });
  }
  return withResults({ ...template, cells: template.cells.map((c) => byAt.get(c.at) as TemplateCell) }, book);
}

function numberIn(v: CellValue | undefined): Decimal | null {
  return typeof v === 'number' && Number.isFinite(v) ? new Decimal(v) : null;
}

/** What Excel computes for the formulas, on the values typed in (0 where the inputs are missing). */
export function withResults(template: FormTemplate, book: Rulebook): FormTemplate {
  const value = new Map(template.cells.map((c) => [c.at, c.value]));
  const p = template.places;
  const executed = numberIn(value.get(p.funds.executed));
  const denominatorAt =
    book.executionRate.denominator === 'annualBudget' ? p.funds.annualBudget : p.funds.initialBudget;
  const denominator = numberIn(value.get(denominatorAt));
  const weight = numberIn(value.get(p.funds.weight));
  // R2–R4, R14 on exact decimals, as excelRound's functions round.
  const rate =
    executed !== null && denominator !== null && !denominator.isZero() ? executed.div(denominator) : null;
  const { displayDecimals, displayRounding } = book.executionRate;
  const shownRate =
    rate === null
      ? null
      : displayRounding === 'half-up'
        ? rate
        : roundBy(rate, displayDecimals + 2, displayRounding);
  const { decimals, rounding } = book.scoring;
  const cap = book.executionRate.cap;
  const fundsScore =
    rate === null || weight === null
      ? null
      : roundBy(weight.times(cap !== null && rate.gt(cap) ? cap : rate), decimals, rounding);
  const parts = [fundsScore, ...p.indicators.map((ind) => numberIn(value.get(ind.score)))].filter(
    (d): d is Decimal => d !== null,
  );
  // R11 / R14 / L2: the sum of the scores, rounded, capped by a low rate (the lowest cap that applies).
  let total = roundBy(
    parts.reduce((a, b) => a.plus(b), new Decimal(0)),
    decimals,
    rounding,
  );
  for (const c of book.totalCaps) {
    if (rate !== null && rate.times(100).lt(c.rateBelowPercent) && total.gt(c.maxTotal)) {
      total = new Decimal(c.maxTotal);
    }
  }
  const results = new Map<string, Decimal | null>([
    [p.funds.rate, shownRate],
    [p.funds.score, fundsScore],
    [p.total.score, total],
  ]);
  return {
    ...template,
    cells: template.cells.map((c) =>
      c.formula !== undefined && results.has(c.at)
        ? { ...c, value: (results.get(c.at) as Decimal | null)?.toNumber() ?? 0 }
        : c,
    ),
  };
}

/** The template as the core reads a sheet (formula cells carry their computed results), for scoring in memory. */
export function templateGrid(template: FormTemplate): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const c of template.cells) {
    const { row, col } = parseA1(c.at);
    (values[row] ??= [])[col] = c.value;
    (formats[row] ??= [])[col] = c.style.numFmt ?? null;
  }
  const dense = <T>(rows: T[][]): T[][] =>
    Array.from(rows, (r) => Array.from(r ?? [], (v) => (v === undefined ? (null as T) : v)));
  return {
    name: template.sheetName,
    values: dense(values),
    formats: dense(formats),
    merges: template.merges.map(parseRangeA1),
  };
}
