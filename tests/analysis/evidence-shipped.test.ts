// calibrate on every shipped scenario: its record listed as written, every conflict with its sources, a verdict
// for every document and calibrated actor, and the scenario's own numbers inside the region or the reactions
// they contradict named — whatever the data says.
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';

let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

describe('calibrate on the shipped scenarios', () => {
  for (const id of shippedIds()) {
    it(`should weigh ${id}'s record and account for every reaction`, () => {
      const s = openScenario(id);
      const r = calibrateScenario(lp, s);
      expect(r.record.map((e) => e.id)).toEqual(s.record.map((e) => e.id));
      for (const e of r.record) expect(e.sources.length).toBeGreaterThan(0);
      expect(r.consistent).toBe(r.conflicts.length === 0);
      for (const c of r.conflicts) expect(c.sources.length).toBeGreaterThan(0);
      expect(r.documents.map((d) => d.id)).toEqual(s.documents.map((d) => d.id));
      for (const [actor, c] of Object.entries(r.actors)) {
        const mine = s.record.filter((e) => s.actors[e.actor]!.id === actor).map((e) => e.id);
        // every reaction of the actor either constrains it or is explained by a red line
        expect([...c.constraining, ...c.explainedByRedLine].sort()).toEqual(
          mine.filter((x) => !r.conflicts.some((k) => k.id === x && k.cause === 'red-line')).sort(),
        );
        if (c.pointInside) expect(c.contradicts).toEqual([]);
        for (const x of c.contradicts) expect(mine).toContain(x);
        for (const d of r.documents) expect(d.verdicts[actor]).toBeDefined();
        for (const [lo, hi] of Object.values(c.weights)) expect(lo).toBeLessThanOrEqual(hi + 1e-9);
      }
    });
  }
});
