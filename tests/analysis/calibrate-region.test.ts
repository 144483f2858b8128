// The LP region of calibration against brute force: vertex enumeration of the homogenised polytope and the plain
// verdict rule on points drawn from the box, on random boxes and records of 2–4 weighted issues.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boxRanges,
  conflicts,
  irreducibleConflict,
  type Judgement,
  openRegion,
  type PreferenceBox,
  type ReactionConstraint,
  regionRanges,
  regionVerdict,
} from '../../src/analysis/calibrate-region.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { createRng } from '../../src/domain/rng.ts';
import {
  acceptsAt,
  exactFor,
  marginAt,
  type OracleReaction,
  oracleConsistent,
  oracleRanges,
  oracleVerdict,
} from './calibrate-oracle.ts';

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

type Judged = Omit<OracleReaction, 'accept'>;

/** A package as judged on some date: its values, sometimes a dated raw weight or a fixed reservation. */
const arbJudged = (n: number, dated: boolean): fc.Arbitrary<Judged> =>
  fc
    .record({
      values: arbValues(n),
      raw: dated
        ? fc.option(
            fc
              .tuple(fc.integer({ min: 0, max: n - 1 }), grid(0.5, 0.5, 4))
              .map(([i, w]) => Array.from({ length: n }, (_, k) => (k === i ? w : undefined))),
            { nil: undefined },
          )
        : fc.constant(undefined),
      reservation: dated ? fc.option(grid(0.05, 0.2, 0.8), { nil: undefined }) : fc.constant(undefined),
    })
    .map((j) => {
      const out: { -readonly [K in keyof Judged]: Judged[K] } = { values: j.values };
      if (j.raw) out.raw = j.raw;
      if (j.reservation !== undefined) out.reservation = j.reservation;
      return out;
    });

const judgementOf = (j: Judged): Judgement => ({
  terms: j.values.map((value, index) => {
    const raw = j.raw?.[index];
    return { value, weight: raw === undefined ? { kind: 'slot', index } : { kind: 'raw', weight: raw } };
  }),
  reservation: j.reservation === undefined ? { kind: 'shared' } : { kind: 'fixed', value: j.reservation },
});

const arbCaseOf = (dated: boolean) =>
  fc.integer({ min: 2, max: 4 }).chain((n) =>
    fc.record({
      box: arbBox(n),
      reactions: fc.array(
        fc.tuple(fc.boolean(), arbJudged(n, dated)).map(([accept, j]): OracleReaction => ({ accept, ...j })),
        { minLength: 1, maxLength: 5 },
      ),
      documents: fc.array(arbJudged(n, dated), { minLength: 1, maxLength: 3 }),
    }),
  );
const arbCase = arbCaseOf(false);

const constraintsOf = (rs: readonly OracleReaction[]): ReactionConstraint[] =>
  rs.map((r) => ({ accept: r.accept, judged: judgementOf(r) }));

/** Points drawn uniformly from the box: those that reproduce every reaction. */
function consistentSamples(box: PreferenceBox, reactions: readonly OracleReaction[], samples: number) {
  const rng = createRng(7);
  const out: { w: number[]; r: number }[] = [];
  for (let k = 0; k < samples; k++) {
    const w = box.weights.map(([lo, hi]) => rng.between(lo, hi));
    const r = rng.between(box.reservation[0], box.reservation[1]);
    if (reactions.every((c) => acceptsAt(w, r, c) === c.accept)) out.push({ w, r });
  }
  return out;
}

const close = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;

/**
 * The region's verdicts on the documents: against the vertex oracle where it is exact, and never contradicted by a
 * sampled preference that reproduces the record (its margin inside the reported range).
 */
function checkDocuments(
  region: ReturnType<typeof openRegion>,
  box: PreferenceBox,
  reactions: readonly OracleReaction[],
  documents: readonly Judged[],
  samples: readonly { w: number[]; r: number }[],
) {
  const exact = exactFor(reactions);
  for (const judged of documents) {
    const got = regionVerdict(region, judgementOf(judged))!;
    if (exact && exactFor([judged])) {
      const want = oracleVerdict(box, reactions, judged);
      expect(got.verdict).toBe(want.verdict);
      expect(close(got.margin, want.margin)).toBe(true);
    }
    for (const { w, r } of samples) {
      expect(got.verdict).not.toBe(acceptsAt(w, r, judged) ? 'rejects' : 'accepts');
      const m = marginAt(w, r, judged);
      expect(m).toBeGreaterThanOrEqual(got.margin[0] - 1e-9);
      expect(m).toBeLessThanOrEqual(got.margin[1] + 1e-9);
    }
  }
}

describe('the calibrated region', () => {
  it('should agree with vertex enumeration and box sampling on consistency, verdicts, margins and ranges', () => {
    fc.assert(
      fc.property(arbCase, ({ box, reactions, documents }) => {
        const region = openRegion(lp, box, constraintsOf(reactions));
        try {
          const consistent = region.consistent();
          expect(consistent).toBe(oracleConsistent(box, reactions));
          const samples = consistentSamples(box, reactions, 600);
          if (samples.length > 0) expect(consistent).toBe(true);
          if (!consistent) return;
          const ranges = regionRanges(region)!;
          const expected = oracleRanges(box, reactions);
          ranges.weights.forEach((r, i) => expect(close(r, expected.weights[i]!)).toBe(true));
          expect(close(ranges.reservation, expected.reservation)).toBe(true);
          checkDocuments(region, box, reactions, documents, samples);
        } finally {
          region.dispose();
        }
      }),
      { seed: 20261104, numRuns: 150 },
    );
  });

  it('should judge dated positions exactly where linear, and soundly where relaxed', () => {
    fc.assert(
      fc.property(arbCaseOf(true), ({ box, reactions, documents }) => {
        const region = openRegion(lp, box, constraintsOf(reactions));
        try {
          const exact = exactFor(reactions);
          const consistent = region.consistent();
          if (exact) expect(consistent).toBe(oracleConsistent(box, reactions));
          const samples = consistentSamples(box, reactions, 600);
          // the relaxation keeps every preference the exact region has
          if (samples.length > 0) expect(consistent).toBe(true);
          if (!consistent) return;
          checkDocuments(region, box, reactions, documents, samples);
        } finally {
          region.dispose();
        }
      }),
      { seed: 20261107, numRuns: 150 },
    );
  });

  it('should give the closed-form ranges of a box with no reactions the LP gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => arbBox(n)),
        (box) => {
          const region = openRegion(lp, box, []);
          try {
            const want = regionRanges(region)!;
            const got = boxRanges(box);
            got.weights.forEach((r, i) => expect(close(r, want.weights[i]!)).toBe(true));
            expect(close(got.reservation, want.reservation)).toBe(true);
          } finally {
            region.dispose();
          }
        },
      ),
      { seed: 20261111, numRuns: 100 },
    );
  });

  it('should report an irreducible conflict: inconsistent, and consistent without any one of its reactions', () => {
    fc.assert(
      fc.property(arbCase, ({ box, reactions }) => {
        const region = openRegion(lp, box, constraintsOf(reactions));
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
