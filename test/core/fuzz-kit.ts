// The core fuzzer's generators and invariants (issue 13): noise grids and mutations of real forms, checked against
// properties that need no oracle. Shared by test/core/fuzz.test.ts (a short fixed-seed run) and scripts/fuzz.ts.
import fc from 'fast-check';
import type { CellRange, CellValue, Report, Rulebook, SheetGrid, WriteMode } from '../../src/core';
import { getPreset, planWrites, scoreSheets } from '../../src/core';
import { seedSheet } from '../fixtures/shanghai';
import {
  anhuiWanYuan,
  labelVariants,
  numbersAsText,
  seedPrinted,
  shiftedSurrounded,
} from '../fixtures/forms';
import { levelLabelWeights, qualitativeRows, reverseIndicator, weightsOver } from '../fixtures/checks';

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const BASES: (() => SheetGrid)[] = [
  () => seedSheet(),
  () => seedPrinted(),
  () => anhuiWanYuan(),
  () => labelVariants(),
  () => numbersAsText().sheet,
  () => shiftedSurrounded().sheet,
  () => weightsOver().sheet,
  () => levelLabelWeights().sheet,
  () => qualitativeRows().sheet,
  () => reverseIndicator().sheet,
];

const EXTREMES: CellValue[] = [
  0,
  -0,
  -1,
  -20,
  1e21,
  1e300,
  -1e300,
  1e-300,
  5e-324,
  9.999,
  10.005,
  123456789.12345679,
  0.1 + 0.2,
  100,
  101,
  -100,
  99.995,
  1e15,
  2 ** 53 + 1,
  '1e300',
  '1e21',
  '-5',
  '—',
  '不适用',
  '',
  '  ',
  '100%',
  '-20%',
  '1,000,000',
  '99.999',
  '１２',
  'NaN',
  'Infinity',
  '=SUM(A1)',
  '满分',
  true,
  false,
  null,
];

const LABELS: string[] = [
  '分值',
  '得分',
  '权重',
  '总分',
  '年度指标值',
  '实际完成值',
  '全年预算数',
  '全年执行数',
  '执行率',
  '预算执行率',
  '不适用',
  '产出指标',
  '效益指标',
  '数量指标',
  '年初预算数',
  '资金总额',
  '偏差原因分析及改进措施',
  '满意度指标',
];

/** One edit to a sheet, by indices reduced modulo its size when applied. */
export type Mutation =
  | {
      op: 'deleteRow' | 'insertRow' | 'duplicateRow' | 'deleteCol' | 'insertCol' | 'duplicateCol';
      at: number;
    }
  | { op: 'set'; r: number; c: number; value: CellValue }
  | { op: 'asText'; r: number; c: number }
  | { op: 'swap'; r1: number; c1: number; r2: number; c2: number }
  | { op: 'merge'; r: number; c: number; h: number; w: number }
  | { op: 'far'; r: number; c: number; value: CellValue }
  | { op: 'formula'; r: number; c: number };

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...EXTREMES),
  fc.constantFrom(...LABELS),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ maxLength: 8 }),
);

const idx = fc.nat({ max: 200 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom(
      'deleteRow',
      'insertRow',
      'duplicateRow',
      'deleteCol',
      'insertCol',
      'duplicateCol' as const,
    ),
    at: idx,
  }) as fc.Arbitrary<Mutation>,
  fc.record({ op: fc.constant('set' as const), r: idx, c: idx, value: cellValue }),
  fc.record({ op: fc.constant('set' as const), r: idx, c: idx, value: fc.constantFrom(...EXTREMES) }),
  fc.record({ op: fc.constant('asText' as const), r: idx, c: idx }),
  fc.record({ op: fc.constant('swap' as const), r1: idx, c1: idx, r2: idx, c2: idx }),
  fc.record({
    op: fc.constant('merge' as const),
    r: idx,
    c: idx,
    h: fc.integer({ min: 1, max: 6 }),
    w: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    op: fc.constant('far' as const),
    r: fc.integer({ min: 0, max: MAX_ROWS - 1 }),
    c: fc.integer({ min: 0, max: MAX_COLS - 1 }),
    value: cellValue,
  }),
  fc.record({ op: fc.constant('formula' as const), r: idx, c: idx }),
);

function clone(sheet: SheetGrid): SheetGrid {
  return JSON.parse(JSON.stringify(sheet)) as SheetGrid;
}

/** Apply mutations to a copy of a sheet. Far cells go to the sheet's sparse edge only when small enough to keep
 *  the grid in memory: a far row is appended below (one cell), a far column widens one row. */
export function mutate(base: SheetGrid, muts: Mutation[]): SheetGrid {
  const s = clone(base);
  const rows = s.values;
  const width = () => Math.max(1, ...rows.map((r) => r.length));
  const formats = s.formats;
  for (const m of muts) {
    const h = Math.max(1, rows.length);
    const w = width();
    switch (m.op) {
      case 'deleteRow':
        rows.splice(m.at % h, 1);
        formats?.splice(m.at % h, 1);
        break;
      case 'insertRow':
        rows.splice(m.at % h, 0, []);
        formats?.splice(m.at % h, 0, []);
        break;
      case 'duplicateRow':
        rows.splice(m.at % h, 0, [...(rows[m.at % h] ?? [])]);
        formats?.splice(m.at % h, 0, [...(formats[m.at % h] ?? [])]);
        break;
      case 'deleteCol':
        for (const r of rows) r.splice(m.at % w, 1);
        break;
      case 'insertCol':
        for (const r of rows) if (r.length > m.at % w) r.splice(m.at % w, 0, null);
        break;
      case 'duplicateCol':
        for (const r of rows) if (r.length > m.at % w) r.splice(m.at % w, 0, r[m.at % w]);
        break;
      case 'set':
      case 'asText':
      case 'formula': {
        const r = m.r % h;
        const c = m.c % w;
        while (rows.length <= r) rows.push([]);
        while (rows[r].length <= c) rows[r].push(null);
        if (m.op === 'set') rows[r][c] = m.value;
        else if (m.op === 'asText') rows[r][c] = rows[r][c] === null ? null : String(rows[r][c]);
        else
          (s.formulas ??= []).push({
            row: r + (s.origin?.row ?? 0),
            col: c + (s.origin?.col ?? 0),
            formula: '=1',
          });
        break;
      }
      case 'swap': {
        const a = rows[m.r1 % h];
        const b = rows[m.r2 % h];
        if (!a || !b) break;
        const t = a[m.c1 % w] ?? null;
        a[m.c1 % w] = b[m.c2 % w] ?? null;
        b[m.c2 % w] = t;
        for (const row of [a, b])
          for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
        break;
      }
      case 'merge': {
        // Stale and overlapping merges: any rectangle, even over other merges or past the values.
        const range: CellRange = {
          top: m.r % (h + 3),
          left: m.c % (w + 3),
          bottom: (m.r % (h + 3)) + m.h - 1,
          right: (m.c % (w + 3)) + m.w - 1,
        };
        (s.merges ??= []).push(range);
        break;
      }
      case 'far': {
        // A stray value far away: a row below, bounded so the grid stays small in memory.
        const r = Math.min(m.r, 5000);
        const c = Math.min(m.c, 300);
        while (rows.length <= r) rows.push([]);
        while (rows[r].length <= c) rows[r].push(null);
        rows[r][c] = m.value;
        break;
      }
    }
  }
  return s;
}

const noise: fc.Arbitrary<SheetGrid> = fc
  .array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 30 })
  .map((values) => ({ name: 'noise', values }));

export interface FuzzCase {
  sheets: SheetGrid[];
  rulebook: 'mof-2020' | 'rescale';
  mode: WriteMode;
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  sheets: fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { maxLength: 8 }))
        .map(([b, muts]) => [mutate(BASES[b](), muts)]),
    },
    { weight: 1, arbitrary: noise.map((s) => [s]) },
  ),
  rulebook: fc.constantFrom('mof-2020' as const, 'rescale' as const),
  mode: fc.constantFrom<WriteMode>('check', 'fill', 'correct'),
});

export function rulebookOf(name: FuzzCase['rulebook']): Rulebook {
  const base = getPreset('mof-2020');
  if (name === 'mof-2020') return base;
  return { ...base, id: 'fuzz-rescale', scoring: { ...base.scoring, notApplicable: 'rescale' } };
}

const PLAIN = /^-?\d+(\.\d+)?$/;
const A1 = /^([A-Z]{1,3})(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function inBounds(cell: string): boolean {
  const m = A1.exec(cell);
  if (!m) return false;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROWS && colNumber(m[1]) <= MAX_COLS;
}

/** The invariants of one case; an empty list when all hold. Throws only if the core throws. */
export function check(c: FuzzCase): string[] {
  const fails: string[] = [];
  const book = rulebookOf(c.rulebook);
  const before = JSON.stringify(c.sheets);
  const report = scoreSheets(c.sheets, { rulebook: book });
  const again = scoreSheets(c.sheets, { rulebook: book });
  if (JSON.stringify(c.sheets) !== before) fails.push('input mutated');
  if (JSON.stringify(report) !== JSON.stringify(again)) fails.push('not deterministic');
  fails.push(...checkReport(report));
  const plan = planWrites(report, c.mode, 'zh-CN');
  if (JSON.stringify(plan) !== JSON.stringify(planWrites(report, c.mode, 'zh-CN')))
    fails.push('plan not deterministic');
  for (const e of plan.edits) {
    const sheet = c.sheets.find((s) => s.name === e.sheet);
    if (!sheet) {
      fails.push(`plan edits unknown sheet ${e.sheet}`);
      continue;
    }
    if (!inBounds(e.cell)) fails.push(`plan cell out of bounds ${e.cell}`);
    const m = A1.exec(e.cell);
    if (m && e.value !== undefined) {
      const row = Number(m[2]) - 1;
      const col = colNumber(m[1]) - 1;
      if (sheet.formulas?.some((f) => f.row === row && f.col === col))
        fails.push(`plan writes formula cell ${e.cell}`);
      if (typeof e.value === 'number' && !Number.isFinite(e.value))
        fails.push(`plan writes ${e.value} at ${e.cell}`);
      if (typeof e.value === 'number' && e.value < 0)
        fails.push(`plan writes negative ${e.value} at ${e.cell}`);
      if (typeof e.value === 'string' && /NaN|Infinity/.test(e.value)) fails.push(`plan writes ${e.value}`);
    }
  }
  return fails;
}

export function checkReport(report: Report): string[] {
  const fails: string[] = [];
  const num = (where: string, s: string | null | undefined) => {
    if (s !== null && s !== undefined && !PLAIN.test(s)) fails.push(`${where} not a plain decimal: ${s}`);
  };
  const cell = (where: string, s: string | null | undefined) => {
    if (s !== null && s !== undefined && !inBounds(s)) fails.push(`${where} cell out of bounds: ${s}`);
  };
  const within = (where: string, score: string | null, weight: string | null) => {
    if (score === null || weight === null || !PLAIN.test(score) || !PLAIN.test(weight)) return;
    if (Number(weight) < 0) return;
    if (Number(score) < 0) fails.push(`${where} negative score ${score}`);
    if (Number(score) > Number(weight)) fails.push(`${where} score ${score} above weight ${weight}`);
  };
  for (const f of report.forms) {
    const fu = f.funds;
    for (const [k, v] of [
      ['weight', fu.weight],
      ['rate', fu.rate.computed],
      ['score', fu.score.computed],
    ] as const)
      num(`funds.${k}`, v);
    cell('funds.rate', fu.rate.cell);
    cell('funds.score', fu.score.cell);
    within('funds', fu.score.computed, fu.weight);
    for (const ind of f.indicators) {
      num(`row ${ind.row} weight`, ind.weight);
      num(`row ${ind.row} score`, ind.score.computed);
      cell(`row ${ind.row}`, ind.score.cell);
      within(`row ${ind.row}`, ind.score.computed, ind.weight);
    }
    num('total.weight', f.total.weight);
    num('total.computed', f.total.computed);
    num('total.afterDeductions', f.total.afterDeductions);
    cell('total', f.total.cell);
    // The total: never above the sum of its parts' weights; equal to the sum of the parts when all are computed
    // (and no rule caps or rescales it).
    const parts = [fu, ...f.indicators].filter((p) => p.weight !== null && PLAIN.test(p.weight));
    const sumWeights = parts.reduce((a, p) => a + Math.max(0, Number(p.weight)), 0);
    const t = f.total.computed;
    if (t !== null && PLAIN.test(t)) {
      if (Number(t) < 0) fails.push(`total negative ${t}`);
      if (parts.length === f.indicators.length + 1 && Number(t) > sumWeights + 1e-9)
        fails.push(`total ${t} above the sum of weights ${sumWeights}`);
    }
    for (const x of f.findings) {
      cell(`finding ${x.code}`, x.cell);
      // The figures a finding states (a message may quote a cell's own text, "NaN" included).
      num(`finding ${x.code} expected`, x.expected && /^-?[\d.]+$/.test(x.expected) ? x.expected : null);
      if (/NaN|Infinity/.test(x.expected ?? '')) fails.push(`finding ${x.code} expects ${x.expected}`);
    }
  }
  return fails;
}
