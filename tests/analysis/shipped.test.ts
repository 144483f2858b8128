// The exact analysis on real data: random sub-spaces of every shipped scenario (a few issues free, the others
// held at their status quo) against brute force, through the domain's own verdicts.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { countFeasible } from '../../src/analysis/feasibility.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';
import { brute, strictlyDominates } from './oracle.ts';

const scenarios = readdirSync(resolve(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => loadScenarioFile(resolve(ROOT, 'scenarios', f)));

describe('shipped scenarios, random sub-spaces', () => {
  it('should agree with brute force on the count, the Nash product and the frontier', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (which, picks) => {
        const s = scenarios[which % scenarios.length]!;
        const free = new Set(picks.map((p) => p % s.issues.length));
        let space = 1;
        const restrict = s.issues.map((x, i) => {
          if (free.has(i) && space * x.options.length <= 4000) {
            space *= x.options.length;
            return null;
          }
          return Uint8Array.from(x.options, (_, o) => (o === x.statusQuo ? 1 : 0));
        });
        const all = brute(s, restrict);
        expect(countFeasible(s, restrict)).toBe(all.filter((p) => p.feasible).length);
        const a = analyzeAcceptable(s, { restrict });
        const acceptable = all.filter((p) => p.acceptable).map((p) => p.u);
        const r = Array.from(a.reservations);
        const nash = (u: ArrayLike<number>) =>
          Array.from(u).reduce((x, v, i) => x * Math.max(0, v - r[i]!), 1);
        if (acceptable.length === 0) expect(a.solutions.nash).toBeNull();
        else expect(nash(a.solutions.nash!.u)).toBeCloseTo(Math.max(...acceptable.map(nash)), 9);
        const pareto = acceptable.filter((p) => !acceptable.some((q) => strictlyDominates(q, p)));
        for (const v of pareto)
          expect(a.frontier.some((p) => v.every((x, k) => Math.abs(x - p.u[k]!) <= 3e-9))).toBe(true);
        for (const p of a.frontier)
          expect(acceptable.some((q) => strictlyDominates(q, Array.from(p.u)))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
