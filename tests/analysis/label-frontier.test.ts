// The agents read a DP's frontier every round from what was worked out once per DP (which labels dominate which,
// which pairs are near ties): at any reservations it must be the frontier filtered afresh, order and ties included.
// Any list of packages will do as the labels here, and a list of them all has every kind of tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptanceProblem } from '../../src/analysis/acceptable.ts';
import { frontierOfLabels, tieFree, verifiedPareto } from '../../src/analysis/label-frontier.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { arbScenario } from './arbitraries.ts';
import { allPackages } from './oracle.ts';

/** Every actor's reservation moved by its own shift (weights, red lines and rules kept). */
function shifted(s: Scenario, by: readonly number[]): Scenario {
  return {
    ...s,
    actors: s.actors.map((a) => ({
      ...a,
      reservation: { ...a.reservation, value: a.reservation.value + by[a.index % by.length]! },
    })),
  };
}

/** The scenario with each party's utility table replaced by small multiples of 0.4 TIE. */
function nearTies(s: Scenario, picks: fc.Stream<number>): Scenario {
  const parties = new Set(s.protocol.parties);
  return {
    ...s,
    actors: s.actors.map((a) =>
      parties.has(a.index)
        ? { ...a, contrib: Float64Array.from([...picks.take(a.contrib.length)], (k) => (k % 4) * 0.4e-9) }
        : a,
    ),
  };
}

const view = (points: readonly { pkg: Int32Array; u: Float64Array }[]) =>
  points.map((p) => [...p.pkg, '|', ...p.u].join(' '));

describe("a DP's frontier at drifting reservations", () => {
  it('should be the agreeing labels filtered afresh: the Pareto set and the frontier without near ties', () => {
    fc.assert(
      fc.property(
        arbScenario(),
        fc.array(fc.array(fc.double({ min: -0.4, max: 0.2, noNaN: true }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        (drawn, shifts, picks, tiny) => {
          // tiny: the parties' utilities a few TIE apart (chains of near ties, twins of twins)
          const s = tiny ? nearTies(drawn, picks) : drawn;
          const problem = acceptanceProblem(s);
          // as labels: every package in some order, some twice (dominated ones, equal and near-equal vectors:
          // the weights are normalised, so sums the same on paper differ in their last bits)
          const all = allPackages(s);
          const order = [...picks.take(all.length + 3)];
          const labels = order.map((k) => ({ pkg: all[k % all.length]!, u: new Float64Array(0) }));
          const P = problem.parties.length;
          for (const by of shifts) {
            const next = shifted(s, by);
            const got = frontierOfLabels(next, problem.parties, labels);
            const pareto = verifiedPareto(next, problem.parties, labels);
            expect(view(got.pareto)).toEqual(view(pareto));
            expect(view(got.frontier)).toEqual(view(tieFree(pareto, P)));
            expect(got.index.map((k) => got.labels[k])).toEqual(got.frontier);
          }
        },
      ),
      { seed: 20260617, numRuns: 400 },
    );
  });
});
