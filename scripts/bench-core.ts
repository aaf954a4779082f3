// Benchmark of the pure core: prints figures, asserts nothing (machines here are shared and noisy; compare the
// ratios printed in one run). Usage: npx tsx scripts/bench-core.ts [forms]. scripts/bench.ts uses its
// workbooks (stacked, noise).
import { scoreSheets, planWrites, type CellValue, type SheetGrid } from '../src/core';
import { SEED_CELLS, SEED_MERGES } from '../test/fixtures/shanghai';
import { cells } from '../test/fixtures/grid';
import { parseRangeA1 } from '../src/core';

const seedRows = cells(SEED_CELLS);
const height = seedRows.length + 3;

/** `n` seed forms stacked on one sheet, three blank rows apart. */
export function stacked(n: number): SheetGrid {
  const values: CellValue[][] = [];
  const merges = [];
  for (let i = 0; i < n; i++) {
    const top = i * height;
    seedRows.forEach((row, r) => (values[top + r] = [...row]));
    for (let r = seedRows.length; r < height; r++) values[top + r] = [];
    for (const m of SEED_MERGES) {
      const range = parseRangeA1(m);
      merges.push({ ...range, top: range.top + top, bottom: range.bottom + top });
    }
  }
  return { name: 'stacked', values, merges };
}

/** A large sheet with no form: numbers and prose, to measure the cost of looking. */
export function noise(rows: number, cols: number): SheetGrid {
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(
      Array.from({ length: cols }, (_, c) => ((r + c) % 3 === 0 ? `备注 ${r}-${c}` : r * cols + c)),
    );
  }
  return { name: 'noise', values };
}

function time<T>(label: string, fn: () => T, repeat = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(1).padStart(9)} ms (best of ${repeat})`);
  return { ms: best, result };
}

function mainBench(count: number): void {
  const one = time('1 seed form', () => scoreSheets([stacked(1)]));
  const many = time(`${count} seed forms stacked on one sheet`, () => scoreSheets([stacked(count)]));
  const sheets = time(`${count} sheets with one form each`, () =>
    scoreSheets(Array.from({ length: count }, (_, i) => ({ ...stacked(1), name: `S${i}` }))),
  );
  const big = noise(10000, 30);
  const look = time('10,000 × 30 cells with no form', () => scoreSheets([big]));
  time(`plan (check) for ${count} forms`, () => planWrites(many.result, 'check'));

  console.log('');
  console.log(`forms found: ${many.result.forms.length} stacked, ${sheets.result.forms.length} on sheets`);
  console.log(
    `per form: ${(many.ms / count).toFixed(2)} ms stacked, ${(sheets.ms / count).toFixed(2)} ms one per sheet`,
  );
  console.log(
    `scaling: ${count} forms take ${(many.ms / one.ms).toFixed(1)}× the time of 1 (linear would be ${count}×)`,
  );
  console.log(
    `looking through 300,000 cells: ${look.ms.toFixed(0)} ms, ${((look.ms * 1000) / 300000).toFixed(2)} µs per cell`,
  );
}

if (require.main === module) mainBench(Number(process.argv[2] ?? 200));
