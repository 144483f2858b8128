// Reading term values back into options, and what each term costs an actor: the cached forms give what a scan of
// the options gives, on random scenarios and values (numbers written as strings, ids of other issues, unknowns).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionOf } from '../../src/domain/lookup.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { costliestIssues, issueCosts } from '../../src/domain/utility.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

/** The definition: the first option whose id (whose number, on a numeric issue) the value names. */
function scanned(s: Scenario, issue: number, value: string | number): number {
  const x = s.issues[issue]!;
  return x.options.findIndex((o) => (x.kind === 'numeric' ? o.value === Number(value) : o.id === value));
}

describe('optionOf', () => {
  it('should find the first option a value names, as a scan of the options does', () => {
    fc.assert(
      fc.property(arbScenario(), fc.gen(), (s, g) => {
        const ids = s.issues.flatMap((x) => x.options.map((o) => o.id));
        const numbers = s.issues.flatMap((x) =>
          x.options.flatMap((o) => (o.value === null ? [] : [o.value])),
        );
        for (const x of s.issues)
          for (let k = 0; k < 6; k++) {
            const value = g(() =>
              fc.oneof(
                fc.constantFrom(...ids),
                fc.constantFrom(...(numbers.length ? numbers : [0])),
                fc.constantFrom(...(numbers.length ? numbers : [0])).map(String),
                fc.constantFrom('NaN', 'nope', '', -0, Number.NaN),
                fc.integer({ min: -3, max: 100 }),
              ),
            );
            expect(optionOf(s, x.index, value)).toBe(scanned(s, x.index, value));
          }
      }),
    );
  });
});

describe('issueCosts', () => {
  it('should give each term its cost to the actor against the best option of its issue, and the k costliest in the same order', () => {
    fc.assert(
      fc.property(arbScenario(), fc.gen(), (s, g) => {
        const pkg = Int32Array.from(s.issues, (x) =>
          g(() => fc.integer({ min: 0, max: x.options.length - 1 })),
        );
        // each actor, and the same actor with its table rounded to quarters: equal costs, ranked by issue
        const coarse = s.actors.map((a) => ({ ...a, contrib: a.contrib.map((v) => Math.round(v * 4) / 4) }));
        for (const actor of [...s.actors, ...coarse]) {
          const expected: { issue: number; cost: number }[] = [];
          s.issues.forEach((x, i) => {
            let best = 0;
            for (let o = 0; o < x.options.length; o++)
              best = Math.max(best, actor.contrib[s.offsets[i]! + o]!);
            const cost = best - actor.contrib[s.offsets[i]! + pkg[i]!]!;
            if (cost > 1e-12) expected.push({ issue: i, cost });
          });
          expected.sort((a, b) => b.cost - a.cost || a.issue - b.issue);
          // twice: the second answer reads the actor's best options from the cache
          expect(issueCosts(s, actor, pkg)).toEqual(expected);
          expect(issueCosts(s, actor, pkg)).toEqual(expected);
          for (const k of [0, 1, 2, 3, 5, s.issues.length + 1])
            expect(costliestIssues(s, actor, pkg, k)).toEqual(expected.slice(0, k));
        }
      }),
    );
  });
});
