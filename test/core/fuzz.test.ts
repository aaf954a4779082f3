// A short fixed-seed run of the core fuzzer (issue 13); `npm run fuzz -- --count 100000` runs the long one.
import fc from 'fast-check';
import { check, fuzzCase } from './fuzz-kit';

test('2,000 generated grids keep every invariant of the core', () => {
  fc.assert(
    fc.property(fuzzCase, (c) => {
      expect(check(c)).toEqual([]);
    }),
    { seed: 13, numRuns: 2000 },
  );
}, 120000);
