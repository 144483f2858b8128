// analyze's bargaining solutions in words against --json: each objective weighs the parties alone (the JSON's
// objective is the parties' product, total or least gain), while the text prints every actor's utility beside it.
// The words must say so: "the largest total utility" over four printed utilities read as the US's and the
// Coalition's counting too.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  expect(io.stderr()).toBe('');
  expect(code).toBe(0);
  return io.stdout();
}

interface Solution {
  utilities: Record<string, number>;
  objective: number;
}

const NOT_WEIGHED = "each weighs the parties' utilities only (the other actors' are shown, not weighed)";

describe('analyze, the bargaining solutions in words', () => {
  for (const id of ['security-triangle', 'tutorial-bilateral'])
    it(`should say the objectives weigh the parties only, as --json computes them: ${id}`, async () => {
      const json = JSON.parse(await cli('analyze', id, '--json'));
      const text = (await cli('analyze', id)).replace(/\s+/g, ' ');
      const parties = json.parties as string[];
      const actors = (json.actors as { id: string }[]).map((a) => a.id);
      const reservation = (a: string) => json.documents[0].verdicts[a].reservation as number;
      const sol = json.solutions as Record<string, Solution>;
      const sum = (s: Solution, who: string[]) => who.reduce((t, a) => t + s.utilities[a]!, 0);
      // the objectives are the parties' own
      expect(sol.utilitarian!.objective).toBeCloseTo(sum(sol.utilitarian!, parties), 9);
      expect(sol.nash!.objective).toBeCloseTo(
        parties.reduce((t, a) => t * (sol.nash!.utilities[a]! - reservation(a)), 1),
        9,
      );
      expect(sol.egalitarian!.objective).toBeCloseTo(
        Math.min(...parties.map((a) => sol.egalitarian!.utilities[a]! - reservation(a))),
        9,
      );
      expect(text).toContain("Nash — the largest product of the parties' gains over their reservations");
      expect(text).toContain("Utilitarian — the largest total of the parties' utilities");
      expect(text).toContain("Kalai–Smorodinsky — the parties' gains most nearly in proportion");
      expect(text).toContain("disagreement point: the parties' reservations");
      const others = actors.filter((a) => !parties.includes(a));
      expect(text.includes(NOT_WEIGHED)).toBe(others.length > 0);
      if (id === 'security-triangle') {
        // the other actors' utilities are printed, and they would change the total
        expect(others.length).toBeGreaterThan(0);
        expect(sum(sol.utilitarian!, actors)).not.toBeCloseTo(sol.utilitarian!.objective, 3);
      }
    });

  for (const id of ['divide-the-surplus', 'tutorial-bilateral'])
    it(`should say when the frontier holds other points with a solution's best value, as many as --json has: ${id}`, async () => {
      const json = JSON.parse(await cli('analyze', id, '--json'));
      const text = (await cli('analyze', id)).replace(/\s+/g, ' ');
      const parties = json.parties as string[];
      const r = (a: string) => json.documents[0].verdicts[a].reservation as number;
      const measures: Record<string, (u: Record<string, number>) => number> = {
        nash: (u) => parties.reduce((t, a) => t * Math.max(0, u[a]! - r(a)), 1),
        utilitarian: (u) => parties.reduce((t, a) => t + u[a]!, 0),
        egalitarian: (u) => Math.min(...parties.map((a) => u[a]! - r(a))),
      };
      const points = json.pareto.points as { utilities: Record<string, number> }[];
      let tiedSomewhere = false;
      for (const [kind, measure] of Object.entries(measures)) {
        const sol = json.solutions[kind] as Solution;
        const best = measure(sol.utilities);
        const tied = points.filter((p) => Math.abs(measure(p.utilities) - best) <= 1e-9).length;
        const heads = ['Nash —', 'Kalai–Smorodinsky —', 'Utilitarian —', 'Egalitarian —', 'Pareto frontier:'];
        const head = { nash: 0, utilitarian: 2, egalitarian: 3 }[kind]!;
        const block = text.slice(text.indexOf(heads[head]!), text.indexOf(heads[head + 1]!));
        if (tied > 1) {
          tiedSomewhere = true;
          expect(block).toContain(`${tied} points of the Pareto frontier share this best value`);
        } else expect(block, kind).not.toContain('share this best value');
      }
      expect(tiedSomewhere).toBe(true);
    });
});
