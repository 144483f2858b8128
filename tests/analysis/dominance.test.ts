// The dominance filters against their definitions on random vectors with many ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoRows, tieFreeRows } from '../../src/analysis/dominance.ts';
import { strictlyDominates, TIE } from './oracle.ts';

const arbVectors = fc.integer({ min: 1, max: 5 }).chain((d) =>
  fc.array(
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 4 }).map((k) => k / 4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 4 }).map((k) => k / 4 + 1e-10),
      ),
      { minLength: d, maxLength: d },
    ),
    { maxLength: 60 },
  ),
);

const geq = (q: number[], p: number[]) => q.every((x, k) => x >= p[k]!);

describe('dominance filters', () => {
  it('should keep exactly one row per non-dominated vector (exact)', () => {
    fc.assert(
      fc.property(arbVectors, (vs) => {
        if (vs.length === 0) return;
        const d = vs[0]!.length;
        const kept = paretoRows([...vs.keys()], Float64Array.from(vs.flat()), d, d);
        const maximal = vs.filter((p) => !vs.some((q) => geq(q, p) && q.some((x, k) => x !== p[k])));
        const distinct = new Set(maximal.map((v) => v.join(',')));
        expect(new Set(kept.map((r) => vs[r]!.join(',')))).toEqual(distinct);
        expect(kept.length).toBe(distinct.size);
      }),
      { numRuns: 2000 },
    );
  });

  it('should keep, with a slack, a row within the slack of every row (ε-dominance)', () => {
    fc.assert(
      fc.property(arbVectors, fc.double({ min: 0, max: 0.3, noNaN: true }), (vs, slack) => {
        if (vs.length === 0) return;
        const d = vs[0]!.length;
        const kept = paretoRows([...vs.keys()], Float64Array.from(vs.flat()), d, d, undefined, slack);
        for (const p of vs) expect(kept.some((r) => vs[r]!.every((x, k) => x >= p[k]! - slack))).toBe(true);
        const exact = paretoRows([...vs.keys()], Float64Array.from(vs.flat()), d, d);
        expect(kept.length).toBeLessThanOrEqual(exact.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('should drop near-ties and near-dominated rows (TIE)', () => {
    fc.assert(
      fc.property(arbVectors, (vs) => {
        if (vs.length === 0) return;
        const d = vs[0]!.length;
        const flat = Float64Array.from(vs.flat());
        const exact = paretoRows([...vs.keys()], flat, d, d);
        const kept = tieFreeRows(exact, flat, d, d).map((r) => vs[r]!);
        for (const p of kept) expect(vs.some((q) => strictlyDominates(q, p))).toBe(false);
        for (const p of kept)
          for (const q of kept)
            if (p !== q) expect(p.every((x, k) => Math.abs(x - q[k]!) <= TIE)).toBe(false);
        for (const v of vs.filter((p) => !vs.some((q) => strictlyDominates(q, p))))
          expect(kept.some((p) => v.every((x, k) => Math.abs(x - p[k]!) <= 2 * TIE))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
