// The agents' frontier reuses one DP while a run's reservations drift: at every reservation it must be the frontier
// a fresh analysis of the same scenario finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementFrontier } from '../../src/agents/frontier.ts';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

/** The scenario with the parties' reservations shifted (weights, red lines and issue list kept: the cache's key). */
function shifted(s: Scenario, by: readonly number[]): Scenario {
  return {
    ...s,
    actors: s.actors.map((a) => {
      const k = s.protocol.parties.indexOf(a.index);
      return k < 0 ? a : { ...a, reservation: { ...a.reservation, value: a.reservation.value + by[k]! } };
    }),
  };
}

const view = (points: readonly { pkg: Int32Array; u: Float64Array }[]) =>
  points.map((p) => ({ pkg: Array.from(p.pkg), u: Array.from(p.u) }));

describe("the agents' frontier", () => {
  it('should equal a fresh analysis at every reservation of a drifting run, up and down', () => {
    fc.assert(
      fc.property(
        arbScenario(),
        fc.array(fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (s, shifts) => {
          agreementFrontier(s);
          for (const by of shifts) {
            const next = shifted(s, by);
            const got = agreementFrontier(next);
            const fresh = analyzeAcceptable(next);
            expect(fresh.exact).toBe(true);
            if (fresh.frontier.length === 0) {
              expect(got).toBeNull();
              continue;
            }
            expect(got).not.toBeNull();
            expect(view(got!.points)).toEqual(view(fresh.frontier));
            expect(got!.nash && Array.from(got!.nash.pkg)).toEqual(
              fresh.solutions.nash && Array.from(fresh.solutions.nash.pkg),
            );
            expect(Array.from(got!.reservations)).toEqual(Array.from(fresh.reservations));
          }
        },
      ),
      { seed: 20261204, numRuns: 200 },
    );
  });
});
