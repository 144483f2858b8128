// Nash and Kalai–Smorodinsky do not depend on the units of a party's utility; the divide-the-surplus classic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { arbScenario } from './arbitraries.ts';
import { allPackages, ksOf } from './oracle.ts';

/** u ↦ αu + β for one actor: every contribution × α, β added to each option of the first issue. */
function rescale(s: Scenario, actor: number, alpha: number, beta: number): Scenario {
  const actors = s.actors.map((a) => {
    if (a.index !== actor) return a;
    const contrib = a.contrib.map((c, k) => alpha * c + (k < s.offsets[1]! ? beta : 0));
    return { ...a, contrib, reservation: { ...a.reservation, value: alpha * a.reservation.value + beta } };
  });
  return { ...s, actors };
}

/**
 * Acceptance is judged with an absolute tolerance (1e-12), which a rescaling stretches; invariance is claimed
 * only where no utility sits inside that band of a reservation without being an exact tie.
 */
function clearOfTheTolerance(s: Scenario): boolean {
  return allPackages(s).every((pkg) =>
    s.actors.every((a) => {
      const gap = Math.abs(utility(a, s.offsets, pkg) - a.reservation.value);
      return gap < 1e-14 || gap > 1e-9;
    }),
  );
}

const partyUtilities = (s: Scenario, pkg: Int32Array) =>
  s.protocol.parties.map((a) => utility(s.actors[a]!, s.offsets, pkg));

describe('invariance under a positive affine rescaling of one actor', () => {
  it('should keep the Nash and Kalai–Smorodinsky solutions optimal', () => {
    fc.assert(
      fc.property(
        arbScenario(),
        fc.nat(),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (s, who, alpha, beta) => {
          fc.pre(clearOfTheTolerance(s));
          const actor = who % s.actors.length;
          const before = analyzeAcceptable(s);
          const after = analyzeAcceptable(rescale(s, actor, alpha, beta));
          expect(after.solutions.nash === null).toBe(before.solutions.nash === null);
          if (before.solutions.nash === null) return;
          const r = Array.from(before.reservations);
          const nash = (u: number[]) => u.reduce((x, v, i) => x * Math.max(0, v - r[i]!), 1);
          // judged in the original units, the rescaled scenario's choices are as good as the original ones
          const u = (p: { pkg: Int32Array }) => partyUtilities(s, p.pkg);
          expect(nash(u(after.solutions.nash!))).toBeCloseTo(nash(u(before.solutions.nash)), 9);
          const best = r.map((_, i) => Math.max(...before.frontier.map((p) => p.u[i]!)));
          const ksBefore = ksOf(u(before.solutions.kalaiSmorodinsky!), r, best);
          const ksAfter = ksOf(u(after.solutions.kalaiSmorodinsky!), r, best);
          expect(Math.abs(ksAfter.spread - ksBefore.spread)).toBeLessThanOrEqual(1e-8);
          expect(Math.abs(ksAfter.min - ksBefore.min)).toBeLessThanOrEqual(1e-8);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function divideTheSurplus(d1: number, d2: number): Scenario {
  const share = Array.from({ length: 101 }, (_, k) => k / 100);
  return compileScenario({
    id: 'divide',
    title: 'Divide the surplus',
    summary: 'one unit to share',
    date: '2025',
    sources: [],
    issues: [
      {
        id: 'share',
        label: 'Share of A',
        kind: 'numeric',
        unit: 'of the surplus',
        range: [0, 1],
        candidates: share,
        statusQuo: 0,
      },
    ],
    actors: [
      {
        id: 'a',
        name: 'A',
        preferences: {
          share: {
            weight: 1,
            curve: [
              [0, 0],
              [1, 1],
            ],
            rationale: 'its share',
          },
        },
        reservation: { value: d1, rationale: 'd1' },
      },
      {
        id: 'b',
        name: 'B',
        preferences: {
          share: {
            weight: 1,
            curve: [
              [0, 1],
              [1, 0],
            ],
            rationale: 'the rest',
          },
        },
        reservation: { value: d2, rationale: 'd2' },
      },
    ],
    rules: [],
    documents: [],
    events: [],
    protocol: { kind: 'alternating-offers', parties: ['a', 'b'], maxRounds: 10 },
  });
}

describe('divide the surplus', () => {
  it('should give A the Nash share (1 + d1 − d2) / 2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 0, max: 98 }), (a, b) => {
        fc.pre(a + b <= 98);
        const s = divideTheSurplus(a / 100, b / 100);
        const nash = analyzeAcceptable(s).solutions.nash!;
        const x = s.issues[0]!.options[nash.pkg[0]!]!.value!;
        const expected = (1 + a / 100 - b / 100) / 2;
        // on the grid when a − b is even; otherwise the two neighbours tie and the smaller share is taken
        if ((a - b) % 2 === 0) expect(x).toBeCloseTo(expected, 9);
        else expect(x).toBeCloseTo(expected - 0.005, 9);
        const ks = analyzeAcceptable(s).solutions.kalaiSmorodinsky!;
        // with linear utilities Kalai–Smorodinsky splits the surplus in the same proportion: the same point
        expect(Math.abs(s.issues[0]!.options[ks.pkg[0]!]!.value! - expected)).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      }),
      { numRuns: 200 },
    );
  });
});
