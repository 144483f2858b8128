// Exact sums that merge: the same total, to the bit, in any order and any grouping; and the exact total where the
// naive sum loses it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawRng } from '../../src/analysis/draws.ts';
import { addExact, exactValue, mergeExact } from '../../src/analysis/exact-sum.ts';

const sumOf = (xs: readonly number[]) => {
  const p: number[] = [];
  for (const x of xs) addExact(p, x);
  return p;
};

describe('exact sums', () => {
  it('should give the same bits in any order and any grouping into merged parts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer(),
        (xs, cuts, shuffleSeed) => {
          const whole = exactValue(sumOf(xs));
          const order = [...xs].sort(
            (a, b) => ((a * 7919 + shuffleSeed) % 13) - ((b * 7919 + shuffleSeed) % 13),
          );
          expect(exactValue(sumOf(order)) === whole).toBe(true);
          const bounds = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...bounds, xs.length]
            .slice(1)
            .map((to, k, all) => xs.slice(k === 0 ? 0 : all[k - 1], to));
          const merged: number[] = [];
          for (const p of parts.reverse()) mergeExact(merged, sumOf(p));
          expect(exactValue(merged) === whole).toBe(true);
        },
      ),
      { seed: 31, numRuns: 500 },
    );
  });

  it('should be exact where a naive sum is not', () => {
    expect(exactValue(sumOf([1e100, 1, -1e100]))).toBe(1);
    expect(exactValue(sumOf(Array(10).fill(0.1)))).toBe(1);
    expect(exactValue(sumOf([1, 1e-16, 1e-16]))).toBe(1.0000000000000002);
    expect(exactValue([])).toBe(0);
  });

  it('should equal the exact integer sum of integers (brute force with BigInt)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 100 }), (xs) => {
        const exact = xs.reduce((s, x) => s + BigInt(x), 0n);
        expect(BigInt(exactValue(sumOf(xs)))).toBe(exact);
      }),
      { seed: 32, numRuns: 300 },
    );
  });
});

describe('draw generators', () => {
  it('should depend on the seed, the index and the stream, and on nothing else', () => {
    const first = (seed: number, index: number, stream = 0) => drawRng(seed, index, stream).float();
    expect(first(1, 5)).toBe(first(1, 5));
    const values = new Set<number>();
    for (let seed = 0; seed < 20; seed++)
      for (let index = 0; index < 50; index++)
        for (const stream of [0, 1]) values.add(first(seed, index, stream));
    expect(values.size).toBe(20 * 50 * 2);
  });
});
