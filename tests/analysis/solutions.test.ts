// Bargaining solutions and the Pareto frontier of the exact DP against brute force on random small scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
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

describe('solutions that are not unique', () => {
  /** The brute-force Pareto vectors, near-ties (within TOL in every coordinate) kept once. */
  const distinct = (vs: readonly number[][]) =>
    vs.filter((v, i) => !vs.slice(0, i).some((w) => w.every((x, k) => Math.abs(x - v[k]!) <= TOL)));

  it('should count the frontier points that do as well as each solution, as brute force does', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const all = brute(s);
        const opt = bruteOptima(s, all);
        const a = analyzeAcceptable(s);
        if (opt === null) {
          expect(a.solutionTies).toEqual({ nash: 0, kalaiSmorodinsky: 0, utilitarian: 0, egalitarian: 0 });
          return;
        }
        const r = Array.from(a.reservations);
        const pareto = distinct(brutePareto(all));
        const near = (x: number, y: number) => Math.abs(x - y) <= TOL;
        const count = (tie: (u: number[]) => boolean) => pareto.filter(tie).length;
        expect(a.solutionTies).toEqual({
          nash: count((u) =>
            near(
              u.reduce((x, v, i) => x * Math.max(0, v - r[i]!), 1),
              opt.nash,
            ),
          ),
          kalaiSmorodinsky: count((u) => {
            const k = ksOf(u, r, opt.best);
            return near(k.spread, opt.ks.spread) && near(k.min, opt.ks.min);
          }),
          utilitarian: count((u) =>
            near(
              u.reduce((x, v) => x + v, 0),
              opt.utilitarian,
            ),
          ),
          egalitarian: count((u) => near(Math.min(...u.map((v, i) => v - r[i]!)), opt.egalitarian)),
        });
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });

  it('should say the utilitarian split of a surplus is one of many, and Nash unique', async () => {
    // divide-the-surplus: linear utilities that sum to 1, so every split of the frontier has the same total
    const s = openScenario('divide-the-surplus');
    const a = analyzeAcceptable(s);
    expect(a.frontier.length).toBeGreaterThan(1);
    expect(a.solutionTies!.utilitarian).toBe(a.frontier.length);
    expect(a.solutionTies!.nash).toBe(1);
    const json = memoryIo();
    expect(await run(['analyze', 'divide-the-surplus', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout()).solutions.utilitarian.tied).toBe(a.frontier.length);
    const text = memoryIo();
    expect(await run(['analyze', 'divide-the-surplus'], text)).toBe(0);
    expect(text.stdout()).toContain(
      `not unique: ${a.frontier.length} points of the frontier do as well; shown, the first by package order`,
    );
    expect(text.stdout().match(/not unique/g)).toHaveLength(1);
  });
});
