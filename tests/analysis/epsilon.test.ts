// Beyond the work budget: the ε-Pareto guarantee, and solutions that still claim exactness only when proven.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptanceProblem, analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { paretoLabels } from '../../src/analysis/labels.ts';
import { AnalysisLimitError } from '../../src/analysis/limits.ts';
import { egalitarianMin, nashProduct, utilitarianSum } from '../../src/analysis/solutions.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { arbScenario } from './arbitraries.ts';
import { brute, bruteOptima } from './oracle.ts';

describe('branch and bound on the label DP', () => {
  it('should still find each optimum when labels that cannot beat an incumbent are pruned', () => {
    fc.assert(
      fc.property(arbScenario(), fc.nat(), (s, pick) => {
        const all = brute(s);
        const acceptable = all.filter((p) => p.acceptable);
        const opt = bruteOptima(s, all);
        if (opt === null) return;
        const r = s.protocol.parties.map((a) => s.actors[a]!.reservation.value);
        const objectives = {
          nash: (u: ArrayLike<number>) => nashProduct(u, r),
          utilitarian: (u: ArrayLike<number>) => utilitarianSum(u),
          egalitarian: (u: ArrayLike<number>) => egalitarianMin(u, r),
        };
        const incumbent = acceptable[pick % acceptable.length]!;
        for (const [kind, f] of Object.entries(objectives)) {
          const floor = f(incumbent.u) - 1e-9;
          const { labels } = paretoLabels(acceptanceProblem(s), { prune: (best) => f(best) < floor });
          const found = Math.max(...labels.map((l) => f(l.u)));
          expect(found).toBeCloseTo(opt[kind as keyof typeof objectives], 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('ε-Pareto', () => {
  it('should match every package ε above the reservations it needs within ε, with acceptable packages only', () => {
    fc.assert(
      fc.property(arbScenario(), fc.constantFrom(0.02, 0.1, 0.3), (s, epsilon) => {
        const problem = acceptanceProblem(s);
        const { labels } = paretoLabels(problem, { epsilon });
        for (const l of labels) expect(evaluatePackage(s, l.pkg).agreement).toBe(true);
        for (const p of brute(s).filter((b) => b.acceptable)) {
          const ev = evaluatePackage(s, p.pkg);
          const margin = Math.min(
            ...ev.verdicts.filter((v) => ev.required.includes(v.actor)).map((v) => v.margin),
          );
          if (margin < epsilon) continue;
          expect(labels.some((l) => p.u.every((u, i) => l.u[i]! >= u - epsilon - 1e-9))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should fall back beyond the budget, and call a solution exact only when it is', () => {
    fc.assert(
      fc.property(arbScenario(), fc.constantFrom(3, 10, 30, 100), (s, budget) => {
        let a: ReturnType<typeof analyzeAcceptable>;
        try {
          a = analyzeAcceptable(s, { budget });
        } catch (e) {
          expect(e).toBeInstanceOf(AnalysisLimitError);
          expect((e as Error).message).not.toContain('\n');
          return;
        }
        const opt = bruteOptima(s, brute(s));
        const r = a.reservations;
        if (opt === null || a.solutions.nash === null) return;
        if (a.exactSolutions.nash)
          expect(
            Array.from(a.solutions.nash.u).reduce((x, v, i) => x * Math.max(0, v - r[i]!), 1),
          ).toBeGreaterThanOrEqual(opt.nash - 1e-9);
        if (a.exactSolutions.utilitarian)
          expect(Array.from(a.solutions.utilitarian!.u).reduce((x, v) => x + v, 0)).toBeGreaterThanOrEqual(
            opt.utilitarian - 1e-9,
          );
        if (a.exactSolutions.egalitarian)
          expect(
            Math.min(...Array.from(a.solutions.egalitarian!.u, (v, i) => v - r[i]!)),
          ).toBeGreaterThanOrEqual(opt.egalitarian - 1e-9);
        if (!a.exact) expect(a.epsilon).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
