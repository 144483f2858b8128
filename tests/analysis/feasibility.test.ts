// Feasibility and ZOPA against brute force on random small scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFeasible, feasiblePackages } from '../../src/analysis/feasibility.ts';
import { zopa } from '../../src/analysis/zopa.ts';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import { arbScenario } from './arbitraries.ts';
import { allPackages, brute } from './oracle.ts';

const key = (p: ArrayLike<number>) => Array.from(p).join(',');

describe('feasibility', () => {
  it('should count exactly the packages that break no party red line and no rule', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const expected = brute(s).filter((p) => p.feasible);
        expect(countFeasible(s)).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('should enumerate each feasible package once, and stop at the limit', () => {
    fc.assert(
      fc.property(arbScenario(), fc.integer({ min: 0, max: 40 }), (s, limit) => {
        const expected = new Set(
          brute(s)
            .filter((p) => p.feasible)
            .map((p) => key(p.pkg)),
        );
        const all = [...feasiblePackages(s)].map(key);
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(expected);
        const some = [...feasiblePackages(s, { limit })].map(key);
        expect(some).toEqual(all.slice(0, Math.min(limit, all.length)));
      }),
      { numRuns: 150 },
    );
  });

  it('should count within a sub-space (some issues held at one option)', () => {
    fc.assert(
      fc.property(arbScenario(), fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const restrict = s.issues.map((x, i) =>
          (seed >> i) & 1 ? Uint8Array.from(x.options, (_, o) => (o === x.statusQuo ? 1 : 0)) : null,
        );
        const inside = (p: Int32Array) => restrict.every((m, i) => !m || m[p[i]!] === 1);
        const expected = brute(s).filter((p) => p.feasible && inside(p.pkg)).length;
        expect(countFeasible(s, restrict)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('per-issue ZOPA', () => {
  it("should keep exactly the options some package allows under each actor's red lines and the rules", () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const z = zopa(s);
        const packages = allPackages(s);
        const feasible = brute(s).filter((p) => p.feasible);
        s.issues.forEach((issue, i) => {
          s.actors.forEach((a, k) => {
            const ok = packages.filter((p) => brokenConstraints([...a.redLines, ...s.rules], p).length === 0);
            const expected = issue.options.map((_, o) => (ok.some((p) => p[i] === o) ? 1 : 0));
            expect(Array.from(z[i]!.byActor[k]!)).toEqual(expected);
          });
          const common = issue.options.map((_, o) => (feasible.some((p) => p.pkg[i] === o) ? 1 : 0));
          expect(Array.from(z[i]!.common)).toEqual(common);
        });
      }),
      { numRuns: 150 },
    );
  });
});
