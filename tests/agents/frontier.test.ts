// The agents' frontier reuses one DP while a run's reservations drift: at every reservation it must be the frontier
// a fresh analysis of the same scenario finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementFrontier, bestAcceptable } from '../../src/agents/frontier.ts';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { holds } from '../../src/domain/condition.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
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

  it('should give each actor the most it gets in a frontier package keeping its red lines, after its weights change too', () => {
    /** the actor's weights scaled down on its first issue and its table rebuilt (a weight edit) */
    const edited = (s: Scenario, a: number, by: number): Scenario => ({
      ...s,
      actors: s.actors.map((x) =>
        x.index !== a
          ? x
          : { ...x, contrib: Float64Array.from(x.contrib, (c, k) => (k < s.offsets[1]! ? c * by : c)) },
      ),
    });
    fc.assert(
      fc.property(
        arbScenario(),
        fc.array(
          fc.tuple(
            fc.double({ min: -0.3, max: 0.3, noNaN: true }),
            fc.nat(),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (s, steps) => {
          for (const [shift, who, by] of steps) {
            const next = edited(shifted(s, [shift, shift, shift]), who % s.actors.length, by);
            const fresh = analyzeAcceptable(next).frontier;
            for (const actor of next.actors) {
              const keeping = fresh.filter((p) => actor.redLines.every((c) => holds(c.condition, p.pkg)));
              const expected = keeping.length
                ? Math.max(...keeping.map((p) => utility(actor, next.offsets, p.pkg)))
                : null;
              const got = bestAcceptable(next, actor.index);
              if (fresh.length === 0 || expected === null) expect(got).toBeNull();
              else {
                expect(got!.utility).toBeCloseTo(expected, 12);
                expect(utility(actor, next.offsets, got!.pkg)).toBe(got!.utility);
              }
            }
          }
        },
      ),
      { seed: 20260616, numRuns: 200 },
    );
  });
});
