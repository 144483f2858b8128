// The dominance filters against their definitions on random vectors with many ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoRows } from '../../src/analysis/dominance.ts';
import { tieFreeRows } from '../../src/analysis/near-ties.ts';
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

/**
 * The filter by its definition, row against kept row: rows lexicographically descending (ties: the smaller row
 * number first); a row is kept when no kept row is ≥ it minus `slack` in every coordinate after the first (in two
 * dimensions: when it beats the largest kept second coordinate by more than `slack`). Counts, in 5 or more
 * dimensions, the kept rows looked at (latest first) until one dominates.
 */
function byDefinition(rows: number[], vals: Float64Array, stride: number, dims: number, slack: number) {
  const at = (r: number, k: number) => vals[r * stride + k]!;
  const sorted = [...rows].sort((a, b) => {
    for (let k = 0; k < dims; k++) if (at(a, k) !== at(b, k)) return at(b, k) - at(a, k);
    return a - b;
  });
  const kept: number[] = [];
  let comparisons = 0;
  for (const r of sorted) {
    if (dims === 2) {
      const best = Math.max(Number.NEGATIVE_INFINITY, ...kept.map((q) => at(q, 1)));
      if (at(r, 1) > best + slack) kept.push(r);
      continue;
    }
    let dominated = false;
    for (let q = kept.length - 1; q >= 0 && !dominated; q--) {
      comparisons++;
      dominated = [...Array(dims).keys()].slice(1).every((k) => at(kept[q]!, k) >= at(r, k) - slack);
    }
    if (!dominated) kept.push(r);
  }
  return { kept, comparisons: dims >= 5 && rows.length > 1 ? comparisons : 0 };
}

/** Rows of 1–6 coordinates (some equal in every row, some −0), a stride beyond them, a subset in any order. */
const arbRows = fc
  .record({
    dims: fc.integer({ min: 1, max: 6 }),
    pad: fc.integer({ min: 0, max: 2 }),
    constant: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    table: fc.array(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 3 }).map((k) => k / 4),
          fc.integer({ min: 0, max: 3 }).map((k) => k / 4 + 1e-10),
          fc.constant(-0),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        { minLength: 8, maxLength: 8 },
      ),
      { maxLength: 150, size: 'large' },
    ),
    picks: fc.array(fc.nat(), { maxLength: 150, size: 'large' }),
  })
  .map(({ dims, pad, constant, table, picks }) => {
    const stride = dims + pad;
    const vals = Float64Array.from({ length: table.length * stride }, (_, i) =>
      constant[i % stride] ? 0.5 : table[Math.floor(i / stride)]![i % stride]!,
    );
    const rows = [...new Set(picks.map((o) => o % Math.max(table.length, 1)))].filter(
      (r) => r < table.length,
    );
    return { dims, stride, vals, rows };
  });

describe('dominance filters', () => {
  it('should keep exactly the rows, in the order, and count the comparisons its definition does', () => {
    fc.assert(
      fc.property(arbRows, fc.constantFrom(0, 0, 0.01, 0.3), ({ dims, stride, vals, rows }, slack) => {
        const counter = { comparisons: 0 };
        const kept = paretoRows([...rows], vals, stride, dims, counter, slack);
        const expected = byDefinition(rows, vals, stride, dims, slack);
        expect(kept).toEqual(expected.kept);
        expect(counter.comparisons).toBe(expected.comparisons);
      }),
      { seed: 20260611, numRuns: 3000 },
    );
  });

  it('should keep the rows its definition keeps when most rows are kept (the tree, not row against row)', () => {
    // points of a plane x + y + z + w = 60 (none dominates another) with repeats, and a few below it
    const arbPlane = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
      ),
      { minLength: 150, maxLength: 400 },
    );
    fc.assert(
      fc.property(arbPlane, fc.constantFrom(0, 0.5), (points, slack) => {
        const vals = Float64Array.from(
          points.flatMap(([x, y, z, below]) => [x, y, z, 60 - x - y - z - (below ? 1 : 0)]),
        );
        const rows = [...points.keys()].reverse();
        expect(paretoRows([...rows], vals, 4, 4, undefined, slack)).toEqual(
          byDefinition(rows, vals, 4, 4, slack).kept,
        );
      }),
      { seed: 20260615, numRuns: 60 },
    );
  });

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
      { seed: 20260612, numRuns: 2000 },
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
      { seed: 20260613, numRuns: 1000 },
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
      { seed: 20260614, numRuns: 1000 },
    );
  });
});
