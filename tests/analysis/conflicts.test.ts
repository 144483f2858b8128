// The minimal conflicts among red lines and rules, against brute force over every subset of the constraints and
// every package of small random scenarios; and the conflict that empties the shipped default scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { findConflicts, hardConstraints } from '../../src/analysis/conflicts.ts';
import { countFeasible, feasibilityConstraints } from '../../src/analysis/feasibility.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { holds } from '../../src/domain/condition.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { arbScenario, type Shape, scenarioInput } from './arbitraries.ts';
import { allPackages } from './oracle.ts';

/**
 * 2–4 issues of 2–3 options, 2–3 actors, 1–3 red lines each and up to 3 rules: conflicts of every size occur.
 * Shrinking is capped: a scenario drawn by fc.gen otherwise shrinks for many minutes when a property fails.
 */
const small = fc.limitShrink(
  arbScenario({
    minIssues: 2,
    maxIssues: 4,
    maxOptions: 3,
    maxActors: 3,
    redLines: [1, 2, 3],
    rules: [0, 1, 2, 3],
  }),
  40,
);

interface Oracle {
  readonly m: number;
  /** bitmask of the constraints each package meets */
  readonly meets: readonly number[];
}

function oracle(s: Scenario): Oracle {
  const cs = hardConstraints(s);
  const meets = allPackages(s).map((pkg) =>
    cs.reduce((mask, c, i) => (holds(c.constraint.condition, pkg) ? mask | (1 << i) : mask), 0),
  );
  return { m: cs.length, meets };
}

const countMeeting = (o: Oracle, set: number) => o.meets.filter((p) => (p & set) === set).length;
const satisfiable = (o: Oracle, set: number) => o.meets.some((p) => (p & set) === set);
const maskOf = (members: readonly number[]) => members.reduce((m, i) => m | (1 << i), 0);
const bits = (mask: number) => [...Array(31).keys()].filter((i) => (mask >> i) & 1);

/** Every minimal unsatisfiable subset, by brute force over all 2^m subsets. */
function minimalConflicts(o: Oracle): number[] {
  const out: number[] = [];
  for (let set = 1; set < 1 << o.m; set++) {
    if (satisfiable(o, set)) continue;
    if (bits(set).every((i) => satisfiable(o, set & ~(1 << i)))) out.push(set);
  }
  return out;
}

describe('minimal conflicts among red lines and rules', () => {
  it('should list the hard constraints of feasibility, in its order', () => {
    fc.assert(
      fc.property(small, (s) => {
        expect(hardConstraints(s).map((c) => c.constraint)).toEqual(feasibilityConstraints(s));
      }),
      { numRuns: 50, seed: 4101 },
    );
  });

  it('should report exactly the brute-force minimal conflicts up to the bound, and every one when complete', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 1, max: 4 }), (s, maxSize) => {
        const o = oracle(s);
        const all = minimalConflicts(o);
        const r = findConflicts(s, { maxSize });
        const reported = r.conflicts.map(maskOf);
        expect(r.exhaustiveUpTo).toBe(maxSize);
        for (const set of reported) {
          expect(satisfiable(o, set)).toBe(false);
          for (const i of bits(set)) expect(satisfiable(o, set & ~(1 << i))).toBe(true);
        }
        expect(new Set(reported).size).toBe(reported.length);
        for (const set of all) if (bits(set).length <= maxSize) expect(reported).toContain(set);
        // with this budget the hitting-set loop always finishes: every conflict, of any size, is found
        expect(r.complete).toBe(true);
        expect(reported.sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
        const full = (1 << o.m) - 1;
        expect(r.conflicts.length === 0).toBe(satisfiable(o, full));
        for (const i of new Set(r.conflicts.flat()))
          expect(r.feasibleWithout.get(i)).toBe(countMeeting(o, full & ~(1 << i)));
        expect([...r.feasibleWithout.keys()].sort((a, b) => a - b)).toEqual(
          [...new Set(r.conflicts.flat())].sort((a, b) => a - b),
        );
      }),
      { numRuns: 300, seed: 4102 },
    );
  });

  it('should never claim completeness it has not proven when its budget is cut', () => {
    fc.assert(
      fc.property(
        small,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (s, maxSize, budget) => {
          const o = oracle(s);
          const all = minimalConflicts(o);
          const r = findConflicts(s, { maxSize, budget, maxHittingSets: 4 });
          const reported = r.conflicts.map(maskOf);
          for (const set of reported) expect(all).toContain(set);
          for (const set of all) if (bits(set).length <= maxSize) expect(reported).toContain(set);
          if (r.complete) expect(reported.length).toBe(all.length);
        },
      ),
      { numRuns: 200, seed: 4103 },
    );
  });

  it('should order conflicts by size, then by their members', () => {
    fc.assert(
      fc.property(small, (s) => {
        const r = findConflicts(s);
        const key = (c: readonly number[]) => [c.length, ...c];
        for (const c of r.conflicts) expect([...c]).toEqual([...c].sort((a, b) => a - b));
        for (let k = 1; k < r.conflicts.length; k++) {
          const [a, b] = [key(r.conflicts[k - 1]!), key(r.conflicts[k]!)];
          const at = a.findIndex((x, q) => x !== b[q]);
          expect(at >= 0 && a[at]! < b[at]!).toBe(true);
        }
      }),
      { numRuns: 100, seed: 4104 },
    );
  });
});

/** Until this date, each actor's epoch drops some of its red lines (ISO dates compare as strings). */
const CHANGE = '2024-06-01';
const DATES = ['2023-01-01', '2024-05-31', CHANGE, '2025-01-01'];
const datedShape: Shape = {
  minIssues: 2,
  maxIssues: 3,
  maxOptions: 3,
  maxActors: 3,
  redLines: [1, 2, 3],
  rules: [0, 1, 2],
};

/** A small random scenario whose actors each drop a random part of their red lines until CHANGE, and a date. */
const dated = fc.limitShrink(
  fc.gen().map((g) => {
    const input = scenarioInput(g, datedShape);
    const actors = input.actors.map((a) => {
      const drop = (a.redLines ?? []).filter(() => g(fc.boolean)).map((r) => r.id);
      return drop.length
        ? { ...a, epochs: [{ id: `${a.id}-before`, label: 'before', until: CHANGE, redLines: { drop } }] }
        : a;
    });
    return { input: { ...input, actors } as ScenarioInput, date: DATES[g(fc.integer, { min: 0, max: 3 })]! };
  }),
  40,
);

/** The oracle's scenario for a date: the red lines dropped before CHANGE removed by hand, no epochs left. */
function inForceByHand(input: ScenarioInput, date: string): Scenario {
  const actors = input.actors.map(({ epochs, ...a }) => {
    const dropped = date < CHANGE ? (epochs?.[0]?.redLines?.drop ?? []) : [];
    return { ...a, redLines: (a.redLines ?? []).filter((r) => !dropped.includes(r.id)) };
  });
  return compileScenario({ ...input, actors });
}

/** A conflict as its members' owners and ids, order-free: comparable across two compilations. */
const named = (members: readonly { actor: string | null; id: string }[]) =>
  members
    .map((m) => `${m.actor ?? 'rule'}/${m.id}`)
    .sort()
    .join(' + ');

describe('minimal conflicts on a date (--as-of)', () => {
  it('should be the brute-force minimal conflicts among the red lines in force on that date', () => {
    fc.assert(
      fc.property(dated, ({ input, date }) => {
        const oracleScenario = inForceByHand(input, date);
        const o = oracle(oracleScenario);
        const cs = hardConstraints(oracleScenario);
        const expected = minimalConflicts(o)
          .map((set) =>
            named(
              bits(set).map((i) => ({
                actor: cs[i]!.actor === null ? null : oracleScenario.actors[cs[i]!.actor!]!.id,
                id: cs[i]!.constraint.id,
              })),
            ),
          )
          .sort();
        const report = analyzeScenario(compileScenario(input), { asOf: date });
        expect(report.conflictSearch.complete).toBe(true);
        expect(report.conflicts.map((c) => named(c.members)).sort()).toEqual(expected);
      }),
      { numRuns: 80, seed: 4105 },
    );
  });
});

describe('the default scenario', () => {
  const s = openScenario('ukraine-peace');
  const redLine = (actor: string, id: string) =>
    hardConstraints(s).findIndex(
      (c) => c.actor !== null && s.actors[c.actor]!.id === actor && c.constraint.id === id,
    );
  /** the scenario without one party's red line */
  const without = (actor: string, id: string): Scenario => ({
    ...s,
    actors: s.actors.map((a) =>
      a.id === actor ? { ...a, redLines: a.redLines.filter((r) => r.id !== id) } : a,
    ),
  });

  it("should find that Russia's Donbas demand, Ukraine's referendum condition and Russia's refusal of a truce for it cannot all hold", () => {
    const three: [string, string][] = [
      ['russia', 'donbas-withdrawal'],
      ['ukraine', 'no-withdrawal'],
      ['russia', 'no-ceasefire-for-referendum'],
    ];
    const members = three.map(([a, id]) => redLine(a, id));
    expect(members.every((i) => i >= 0)).toBe(true);
    expect(countFeasible(s)).toBe(0);
    const r = findConflicts(s);
    expect(r.conflicts).toContainEqual([...members].sort((a, b) => a - b));
    // dropping any one of the three opens packages: the count is the feasible count of the scenario without it
    three.forEach(([a, id], k) => {
      const opened = countFeasible(without(a, id));
      expect(opened).toBeGreaterThan(0);
      expect(r.feasibleWithout.get(members[k]!)).toBe(opened);
    });
  });
});
