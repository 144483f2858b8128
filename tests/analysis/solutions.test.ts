// Bargaining solutions and the Pareto frontier of the exact DP against brute force on random small scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { arbScenario } from './arbitraries.ts';
import { brute, bruteOptima, brutePareto, ksOf, strictlyDominates } from './oracle.ts';

const TOL = 1e-9;

describe('bargaining solutions', () => {
  it.each([
    ['small', {}, 300],
    ['larger (up to 7 issues, 3,000 packages)', { maxIssues: 7, maxPackages: 3000 }, 40],
  ] as const)(
    'should reach the brute-force optimum of every objective on %s scenarios',
    (_, shape, numRuns) => {
      fc.assert(
        fc.property(arbScenario(shape), (s) => {
          const all = brute(s);
          const opt = bruteOptima(s, all);
          const a = analyzeAcceptable(s);
          expect(a.exact).toBe(true);
          const sol = a.solutions;
          if (opt === null) {
            expect(sol).toEqual({ nash: null, kalaiSmorodinsky: null, utilitarian: null, egalitarian: null });
            expect(a.frontier).toEqual([]);
            return;
          }
          for (const p of Object.values(sol)) {
            expect(p).not.toBeNull();
            expect(evaluatePackage(s, p!.pkg).agreement).toBe(true);
          }
          const r = a.reservations;
          const u = (k: keyof typeof sol) => Array.from(sol[k]!.u);
          expect(u('nash').reduce((x, v, i) => x * Math.max(0, v - r[i]!), 1)).toBeGreaterThanOrEqual(
            opt.nash - TOL,
          );
          expect(u('utilitarian').reduce((x, v) => x + v, 0)).toBeGreaterThanOrEqual(opt.utilitarian - TOL);
          expect(Math.min(...u('egalitarian').map((v, i) => v - r[i]!))).toBeGreaterThanOrEqual(
            opt.egalitarian - TOL,
          );
          const ks = ksOf(u('kalaiSmorodinsky'), Array.from(r), opt.best);
          expect(Math.abs(ks.spread - opt.ks.spread)).toBeLessThanOrEqual(1e-8);
          expect(ks.min).toBeGreaterThanOrEqual(opt.ks.min - 1e-8);
        }),
        { numRuns },
      );
    },
  );
});

describe('Pareto frontier', () => {
  it('should be acceptable, mutually non-dominated, distinct, and complete against brute force', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const all = brute(s);
        const acceptable = all.filter((p) => p.acceptable).map((p) => p.u);
        const front = analyzeAcceptable(s).frontier;
        for (const p of front) {
          expect(evaluatePackage(s, p.pkg).agreement).toBe(true);
          const u = Array.from(p.u);
          expect(acceptable.some((q) => strictlyDominates(q, u))).toBe(false);
        }
        for (let i = 0; i < front.length; i++)
          for (let j = 0; j < front.length; j++) {
            if (i === j) continue;
            const [a, b] = [Array.from(front[i]!.u), Array.from(front[j]!.u)];
            expect(strictlyDominates(a, b)).toBe(false);
            expect(a.every((x, k) => Math.abs(x - b[k]!) <= TOL)).toBe(false);
          }
        for (const v of brutePareto(all))
          expect(front.some((p) => v.every((x, k) => Math.abs(x - p.u[k]!) <= 3e-9))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should never let an actor accept a package that breaks one of its red lines', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const a = analyzeAcceptable(s);
        const pkgs = [...brute(s).map((p) => p.pkg), ...a.frontier.map((p) => p.pkg)];
        for (const pkg of pkgs)
          for (const v of evaluatePackage(s, pkg).verdicts) if (v.accepts) expect(v.violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
