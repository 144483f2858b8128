// Hinges against brute force: the minimal-set search against every subset; each document verdict's and
// agreement's hinges against the whole model rebuilt with the items changed and judged by the domain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyItems, conflicting, type HingeItem } from '../../src/analysis/hinge-items.ts';
import { minimalHinges } from '../../src/analysis/hinge-search.ts';
import { documentHinges, verdictHinges } from '../../src/analysis/hinges.ts';
import { evaluatePackage, verdictOf } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { arbRecordScenario } from './record-arbitraries.ts';

function* subsets(n: number, max: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length > 0) yield acc;
  if (acc.length === max) return;
  for (let i = start; i < n; i++) yield* subsets(n, max, i + 1, [...acc, i]);
}

/** Every flipping set that has no flipping proper subset, by brute force. */
function bruteMinimal(n: number, flips: (set: number[]) => boolean, max = 3): string[] {
  const all = [...subsets(n, max)].filter(flips);
  const key = (s: number[]) => s.join(',');
  const flipping = new Set(all.map(key));
  const minimal = all.filter(
    (s) => ![...subsets(s.length, s.length - 1)].some((sub) => flipping.has(key(sub.map((k) => s[k]!)))),
  );
  return minimal.map(key).sort();
}

const ids = (items: readonly HingeItem[], set: readonly number[]) => set.map((k) => items[k]!.id).join('+');

describe('the minimal-set search', () => {
  it('should find exactly the minimal flipping sets, skip their supersets, and count what it tried', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        (n, seeds) => {
          // flips when the set covers one of the seed sets (monotone), so minimal sets are the minimal seeds
          const targets = seeds.map((s) => [...new Set(s.filter((x) => x < n))]).filter((s) => s.length > 0);
          const flips = (set: readonly number[]) => targets.some((t) => t.every((x) => set.includes(x)));
          const got = minimalHinges(n, flips);
          expect(got.hinges.map((h) => h.join(',')).sort()).toEqual(bruteMinimal(n, (s) => flips(s)));
          for (const h of got.hinges)
            for (const g of got.hinges)
              if (g !== h) expect(g.every((x) => h.includes(x)) && g.length < h.length).toBe(false);
          expect(got.tried).toBe(got.sizes.reduce((t, c) => t + c.candidates, 0));
          expect(got.complete).toBe(true);
          const capped = minimalHinges(n, flips, { budget: 3 });
          expect(capped.tried).toBe(Math.min(3, got.tried));
          expect(capped.complete).toBe(got.tried <= 3);
        },
      ),
      { seed: 20261109, numRuns: 300 },
    );
  });

  it('should never try, count or find a set that holds two alternatives, and otherwise search as before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
        (n, seeds, group) => {
          // items in `group` are alternatives of one another (as the rotations of the turns are)
          const rivals = group.filter((x) => x < n);
          const admissible = (set: readonly number[]) => set.filter((x) => rivals.includes(x)).length < 2;
          const targets = seeds.map((s) => [...new Set(s.filter((x) => x < n))]).filter((s) => s.length > 0);
          const asked: number[][] = [];
          const flips = (set: readonly number[]) => {
            asked.push([...set]);
            return targets.some((t) => t.every((x) => set.includes(x)));
          };
          const got = minimalHinges(n, flips, { admissible });
          expect(asked.every(admissible)).toBe(true);
          for (const h of got.hinges) expect(admissible(h)).toBe(true);
          // the minimal flipping sets among the admissible ones, by brute force
          expect(got.hinges.map((h) => h.join(',')).sort()).toEqual(
            bruteMinimal(n, (s) => admissible(s) && flips(s)),
          );
          // every admissible set of each size that holds no smaller hinge is a candidate, and was tried
          for (const c of got.sizes) {
            const expected = [...subsets(n, c.size)].filter(
              (s) =>
                s.length === c.size &&
                admissible(s) &&
                !got.hinges.some((h) => h.length < c.size && h.every((x) => s.includes(x))),
            ).length;
            expect([c.candidates, c.tried]).toEqual([expected, expected]);
          }
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });
});

/**
 * The domain's verdict on a document, on its date, with the items' changes made to the whole model (a set that
 * reads one term two ways is no choice: the caller counts it as changing nothing).
 */
function acceptsWith(s: Scenario, items: readonly HingeItem[], actor: number, doc: number): boolean {
  const changed = applyItems(s, items);
  const d = changed.documents[doc]!;
  const dated = positionsAsOf(changed, d.date);
  return verdictOf(dated, dated.actors[actor]!, d.package).accepts;
}

describe('document hinges', () => {
  it("should match brute force over the whole model for every actor's verdict and every agreement", () => {
    fc.assert(
      fc.property(arbRecordScenario, (s) => {
        const all = new Map<string, HingeItem>();
        const docs = documentHinges(s, new Map(), all);
        s.documents.forEach((d, k) => {
          const pooled = new Map<string, HingeItem>();
          for (const a of s.actors) {
            const v = verdictHinges(s, a.index, d, undefined);
            // the document's variants are every actor's items: once in the pool
            for (const x of v.items) pooled.set(x.id, x);
            const base = acceptsWith(s, [], a.index, k);
            expect(v.accepts).toBe(base);
            const brute = bruteMinimal(v.items.length, (set) => {
              const chosen = set.map((j) => v.items[j]!);
              return !conflicting(chosen) && acceptsWith(s, chosen, a.index, k) !== base;
            }).map((key) => ids(v.items, key.split(',').map(Number)));
            expect(docs[k]!.verdicts[a.id]!.hinges.map((h) => h.join('+')).sort()).toEqual(brute.sort());
          }
          // the agreement, over every actor's items together
          const agreement = (items: readonly HingeItem[]) => {
            const changed = applyItems(s, items);
            const dated = positionsAsOf(changed, d.date);
            return evaluatePackage(dated, changed.documents[k]!.package).agreement;
          };
          const base = agreement([]);
          expect(docs[k]!.agreement).toBe(base);
          const pool = [...pooled.values()];
          const brute = bruteMinimal(pool.length, (set) => {
            const chosen = set.map((j) => pool[j]!);
            return !conflicting(chosen) && agreement(chosen) !== base;
          })
            .map((key) =>
              key
                .split(',')
                .map((j) => pool[Number(j)]!.id)
                .sort()
                .join('+'),
            )
            .sort();
          expect(docs[k]!.agreementHinges.map((h) => [...h].sort().join('+')).sort()).toEqual(brute);
        });
      }),
      { seed: 20261110, numRuns: 60 },
    );
  });
});
