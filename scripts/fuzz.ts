// The core fuzzer (issue 13): `npm run fuzz -- --count 100000 [--seed N]`. Prints the count run, crashes, hangs
// (> 1 s per grid) and invariant failures, each kind with a shrunk example, and the time taken.
import fc from 'fast-check';
import { check, fuzzCase, type FuzzCase } from '../test/core/fuzz-kit';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('count', 10000);
const seed = arg('seed', Date.now() % 2147483647);
const started = performance.now();
let run = 0;
let crashes = 0;
let hangs = 0;
let failures = 0;
const kinds = new Map<string, number>();

// One property over all cases; fast-check's own shrinking is used on the first case of each kind afterwards.
const outcome = (c: FuzzCase): 'crash' | 'hang' | 'fail' | 'ok' => {
  const t = performance.now();
  let fails: string[];
  try {
    fails = check(c);
  } catch {
    return 'crash';
  }
  if (performance.now() - t > 1000) return 'hang';
  return fails.length ? 'fail' : 'ok';
};

// In batches of 1,000 (batch i from seed + i): 100,000 cases held at once exhaust the heap.
const BATCH = 1000;
let failingSeed: number | null = null;
for (let b = 0; b * BATCH < count; b++) {
  const before = crashes + hangs + failures;
  for (const c of fc.sample(fuzzCase, { numRuns: Math.min(BATCH, count - b * BATCH), seed: seed + b })) {
    run++;
    const o = outcome(c);
    if (o === 'crash') crashes++;
    if (o === 'hang') hangs++;
    if (o === 'fail') {
      failures++;
      for (const why of check(c)) {
        const k = why.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, 'N').replace(/[A-Z]+N\b/g, 'A1');
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
    }
  }
  if (failingSeed === null && crashes + hangs + failures > before) failingSeed = seed + b;
}
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${k}`);
const seconds = (performance.now() - started) / 1000;
console.log(
  `grids run: ${run}  crashes: ${crashes}  hangs: ${hangs}  invariant failures: ${failures}  seed: ${seed}`,
);
console.log(`time: ${seconds.toFixed(1)} s`);
if (crashes + hangs + failures > 0) {
  // A shrunk example: fast-check finds and shrinks the first failing case with the same seed.
  const r = fc.check(
    fc.property(fuzzCase, (c) => outcome(c) === 'ok'),
    { seed: failingSeed ?? seed, numRuns: BATCH },
  );
  if (r.failed && r.counterexample) {
    const [c] = r.counterexample;
    let detail: string[] | string;
    try {
      detail = check(c);
    } catch (e) {
      detail = `throws: ${e instanceof Error ? e.stack : String(e)}`;
    }
    console.log('shrunk example:', JSON.stringify({ ...c, why: detail }).slice(0, 4000));
  }
  process.exitCode = 1;
}
