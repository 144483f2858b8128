// `calibrate` on random small scenarios (2–4 issues, 2 actors, random ranges, red lines and records) against
// brute force: vertex enumeration of each actor's polytope, and the domain's own verdicts on dense draws from the
// scenario's ranges (the sweep's draws).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { drawScenario } from '../../src/analysis/sweep.ts';
import { brokenConstraints, verdictOf } from '../../src/domain/evaluate.ts';
import { createRng } from '../../src/domain/rng.ts';
import type { Actor, Scenario } from '../../src/domain/types.ts';
import {
  type OracleActor,
  type OracleReaction,
  oracleConsistent,
  oracleVerdict,
} from './calibrate-oracle.ts';
import { arbRecordScenario as arbScenario } from './record-arbitraries.ts';

let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

const slotsOf = (a: Actor) => a.preferences.flatMap((p, i) => (p ? [i] : []));

function oracleActor(a: Actor): OracleActor {
  return {
    weights: slotsOf(a).map((i) => {
      const p = a.preferences[i]!;
      return p.weightRange ?? [p.rawWeight, p.rawWeight];
    }),
    reservation: a.reservation.range ?? [a.reservation.value, a.reservation.value],
  };
}

const docIndex = (s: Scenario, id: string) => s.documents.findIndex((d) => d.id === id);
const valuesOf = (s: Scenario, a: Actor, d: number) =>
  slotsOf(a).map((i) => a.preferences[i]!.values[s.documents[d]!.package[i]!]!);
const breaks = (s: Scenario, a: Actor, d: number | string) =>
  brokenConstraints(a.redLines, s.documents[typeof d === 'number' ? d : docIndex(s, d)]!.package).length > 0;

describe('calibrate on random scenarios', () => {
  it("should agree with vertex enumeration and the domain's verdicts on dense draws", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const report = calibrateScenario(lp, s);
        let consistent = true;
        for (const a of s.actors) {
          const mine = s.record.filter((r) => r.actor === a.index);
          const calib = report.actors[a.id]!;
          // rejects explained by a red line constrain nothing; accepts of a text that breaks one are conflicts
          const redLineConflicts = mine.filter((r) => r.reaction === 'accept' && breaks(s, a, r.document));
          const constraining = mine.filter((r) => !breaks(s, a, r.document));
          expect(calib.constraining).toEqual(constraining.map((r) => r.id));
          const reactions: OracleReaction[] = constraining.map((r) => ({
            accept: r.reaction === 'accept',
            values: valuesOf(s, a, docIndex(s, r.document)),
          }));
          const box = oracleActor(a);
          const actorConsistent = redLineConflicts.length === 0 && oracleConsistent(box, reactions);
          expect(calib.consistent).toBe(actorConsistent);
          consistent &&= actorConsistent;
          // every reported conflict set cannot hold, and holds without any one member
          const sets = [...new Set(report.conflicts.filter((c) => c.actor === a.id).map((c) => c.set))];
          for (const set of sets) {
            const members = report.conflicts.filter((c) => c.set === set);
            if (members[0]!.cause === 'red-line') {
              expect(redLineConflicts.map((r) => r.id)).toContain(members[0]!.id);
              continue;
            }
            const pick = (ids: readonly string[]) =>
              ids.map((id) => reactions[constraining.findIndex((r) => r.id === id)]!);
            const ids = members.map((c) => c.id);
            expect(oracleConsistent(box, pick(ids))).toBe(false);
            for (const drop of ids)
              expect(oracleConsistent(box, pick(ids.filter((x) => x !== drop)))).toBe(true);
          }
          // the region is that of the reactions not set aside
          const kept = constraining.filter((r) => !calib.setAside.includes(r.id));
          const keptReactions = kept.map((r) => reactions[constraining.indexOf(r)]!);
          expect(oracleConsistent(box, keptReactions)).toBe(true);
          s.documents.forEach((_, k) => {
            const got = report.documents[k]!.verdicts[a.id]!;
            if (breaks(s, a, k)) {
              expect(got.verdict).toBe('rejects');
              expect(got.decidedBy).toBe('red-line');
            } else {
              const want = oracleVerdict(box, keptReactions, { values: valuesOf(s, a, k) });
              expect(got.verdict).toBe(want.verdict);
              expect(got.margin[0]).toBeCloseTo(want.margin[0], 6);
              expect(got.margin[1]).toBeCloseTo(want.margin[1], 6);
            }
          });
          // dense draws from the ranges: a draw that reproduces the kept record never contradicts a settled verdict
          const rng = createRng(11);
          for (let k = 0; k < 300; k++) {
            const drawn = drawScenario(s, rng).actors[a.index]!;
            const fits = kept.every(
              (r) =>
                verdictOf(s, drawn, s.documents[docIndex(s, r.document)]!.package).accepts ===
                (r.reaction === 'accept'),
            );
            if (!fits) continue;
            s.documents.forEach((d, j) => {
              const accepts = verdictOf(s, drawn, d.package).accepts;
              expect(report.documents[j]!.verdicts[a.id]!.verdict).not.toBe(accepts ? 'rejects' : 'accepts');
            });
          }
        }
        expect(report.consistent).toBe(consistent);
        expect(report.record.map((r) => r.id)).toEqual(s.record.map((r) => r.id));
      }),
      { seed: 20261106, numRuns: 100 },
    );
  });
});
