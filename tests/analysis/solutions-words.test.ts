// analyze's bargaining solutions in words against --json: each objective weighs the parties alone (the JSON's
// objective is the parties' product, total or least gain), while the text prints every actor's utility beside it.
// The words must say so: "the largest total utility" over four printed utilities read as the US's and the
// Coalition's counting too.
import { describe, expect, it } from 'vitest';
import { cliOk as cli } from '../cli-in-process.ts';

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
});
