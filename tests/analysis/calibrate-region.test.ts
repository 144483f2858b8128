// The LP region of calibration against brute force: vertex enumeration of the homogenised polytope and the plain
// verdict rule on points drawn from the box, on random boxes and records of 2–4 weighted issues.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conflicts,
  irreducibleConflict,
  openRegion,
  type PreferenceBox,
  type ReactionConstraint,
  regionRanges,
  regionVerdict,
} from '../../src/analysis/calibrate-region.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { createRng } from '../../src/domain/rng.ts';
import { acceptsAt, oracleConsistent, oracleRanges, oracleVerdict } from './calibrate-oracle.ts';

let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

const grid = (step: number, min: number, max: number) =>
  fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((k) => k * step);

const arbBox = (n: number): fc.Arbitrary<PreferenceBox> =>
  fc.record({
    weights: fc.array(
      fc.tuple(grid(0.5, 0.5, 4), grid(0.5, 0, 3), fc.boolean()).map(([lo, width, fixed]) => {
        const hi = fixed ? lo : lo + width;
        return [lo, hi] as const;
      }),
      { minLength: n, maxLength: n },
    ),
    reservation: fc.tuple(grid(0.05, 0.2, 0.7), grid(0.05, 0, 0.3)).map(([lo, w]) => [lo, lo + w] as const),
  });

const arbValues = (n: number) => fc.array(grid(0.1, 0, 1), { minLength: n, maxLength: n });

const arbCase = fc.integer({ min: 2, max: 4 }).chain((n) =>
  fc.record({
    box: arbBox(n),
    reactions: fc.array(
      fc.record({ accept: fc.boolean(), values: arbValues(n) }).map((r): ReactionConstraint => r),
      { minLength: 1, maxLength: 5 },
    ),
    documents: fc.array(arbValues(n), { minLength: 1, maxLength: 3 }),
  }),
);

/** Points drawn uniformly from the box: those that reproduce every reaction. */
function consistentSamples(box: PreferenceBox, reactions: readonly ReactionConstraint[], samples: number) {
  const rng = createRng(7);
  const out: { w: number[]; r: number }[] = [];
  for (let k = 0; k < samples; k++) {
    const w = box.weights.map(([lo, hi]) => rng.between(lo, hi));
    const r = rng.between(box.reservation[0], box.reservation[1]);
    if (reactions.every((c) => acceptsAt(w, r, c.values) === c.accept)) out.push({ w, r });
  }
  return out;
}

const close = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;

describe('the calibrated region', () => {
  it('should agree with vertex enumeration and box sampling on consistency, verdicts, margins and ranges', () => {
    fc.assert(
      fc.property(arbCase, ({ box, reactions, documents }) => {
        const region = openRegion(lp, box, reactions);
        try {
          const consistent = region.consistent();
          expect(consistent).toBe(oracleConsistent(box, reactions));
          const samples = consistentSamples(box, reactions, 2000);
          if (samples.length > 0) expect(consistent).toBe(true);
          if (!consistent) return;
          const ranges = regionRanges(region)!;
          const expected = oracleRanges(box, reactions);
          ranges.weights.forEach((r, i) => expect(close(r, expected.weights[i]!)).toBe(true));
          expect(close(ranges.reservation, expected.reservation)).toBe(true);
          for (const values of documents) {
            const got = regionVerdict(region, values)!;
            const want = oracleVerdict(box, reactions, values);
            expect(got.verdict).toBe(want.verdict);
            expect(close(got.margin, want.margin)).toBe(true);
            for (const { w, r } of samples) {
              const accepts = acceptsAt(w, r, values);
              expect(got.verdict).not.toBe(accepts ? 'rejects' : 'accepts');
              const m = values.reduce((s, v, i) => s + v * w[i]!, 0) / w.reduce((s, x) => s + x, 0) - r;
              expect(m).toBeGreaterThanOrEqual(got.margin[0] - 1e-9);
              expect(m).toBeLessThanOrEqual(got.margin[1] + 1e-9);
            }
          }
        } finally {
          region.dispose();
        }
      }),
      { seed: 20261104, numRuns: 250 },
    );
  });

  it('should report an irreducible conflict: inconsistent, and consistent without any one of its reactions', () => {
    fc.assert(
      fc.property(arbCase, ({ box, reactions }) => {
        const region = openRegion(lp, box, reactions);
        try {
          const set = irreducibleConflict(
            region,
            reactions.map(() => true),
          );
          expect(set === null).toBe(oracleConsistent(box, reactions));
          if (!set) return;
          const pick = (idx: readonly number[]) => idx.map((j) => reactions[j]!);
          expect(oracleConsistent(box, pick(set))).toBe(false);
          for (const drop of set)
            expect(oracleConsistent(box, pick(set.filter((j) => j !== drop)))).toBe(true);
          // setting every conflict aside leaves a consistent record
          const { active } = conflicts(region);
          expect(
            oracleConsistent(
              box,
              reactions.filter((_, j) => active[j]),
            ),
          ).toBe(true);
        } finally {
          region.dispose();
        }
      }),
      { seed: 20261105, numRuns: 200 },
    );
  });
});
