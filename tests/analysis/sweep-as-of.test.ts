// sweep and outcomes with `asOf`: every draw starts from the positions in force on the date. Checked against analyze
// on the same date (its verdicts are what the positions give when nothing is drawn) on every document, at every date
// where ukraine-peace's positions change and on each document's date.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, documentReports } from '../../src/analysis/analyze.ts';
import { loadLp } from '../../src/analysis/lp.ts';
import { recordPrior } from '../../src/analysis/record-prior.ts';
import { drawOf, sweep, uncertainParameters } from '../../src/analysis/sweep.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { outcomesPart } from '../../src/engine/outcomes.ts';
import { outcomesResult } from '../../src/engine/outcomes-result.ts';

const file = openScenario('ukraine-peace');

/** The scenario with no range anywhere, its epochs' included: every draw is then the written numbers. */
function withoutRanges(s: Scenario): Scenario {
  return {
    ...s,
    actors: s.actors.map((a) => ({
      ...a,
      reservation: { ...a.reservation, range: undefined },
      preferences: a.preferences.map((p) => (p ? { ...p, weightRange: undefined } : p)),
      epochs: a.epochs.map((e) => ({
        ...e,
        preferences: e.preferences.map((o) => ({ ...o, weightRange: undefined })),
        ...(e.reservation ? { reservation: { ...e.reservation, range: undefined } } : {}),
      })),
    })),
  };
}

/** Every date where some position changes, each document's date, and dates outside the scenario. */
const DATES = [
  ...new Set([
    ...file.actors.flatMap((a) => a.epochs.flatMap((e) => [e.from, e.until])),
    ...file.documents.map((d) => d.date),
    '1990',
    '2030-05',
  ]),
].filter((d): d is string => d !== undefined);

describe('sweep with asOf', () => {
  it("should count, with nothing drawn, exactly analyze's verdicts on that date, on every document", () => {
    const plain = withoutRanges(file);
    expect(DATES.length).toBeGreaterThan(10);
    for (const date of DATES) {
      const swept = sweep(plain, { samples: 2, seed: 1, asOf: date });
      expect(swept.asOf).toBe(date);
      expect(swept.parameters).toEqual([]);
      const reports = documentReports(plain, { asOf: date });
      for (const d of swept.documents) {
        const r = reports.find((x) => x.id === d.id)!;
        expect(d.agreementRate, `${d.id} on ${date}`).toBe(r.agreement ? 1 : 0);
        for (const a of d.actors) {
          const v = r.verdicts[a.actor]!;
          expect(a.acceptRate, `${a.actor} on ${d.id}, ${date}`).toBe(v.accepts ? 1 : 0);
          expect(a.meanUtility).toBeCloseTo(v.utility, 12);
          expect(a.redLinesBroken).toEqual(v.violations.map((x) => x.redLine));
        }
      }
    }
  });

  it("should differ from the scenario's own positions where the epochs say so (spring 2022)", () => {
    const date = '2022-04-15';
    const own = sweep(file, { samples: 200, seed: 3 });
    const dated = sweep(file, { samples: 200, seed: 3, asOf: date });
    const analysis = analyzeScenario(file, { asOf: date });
    // the red lines broken are those analyze finds in force on the date, whatever the draws
    for (const d of dated.documents) {
      const r = analysis.documents.find((x) => x.id === d.id)!;
      for (const a of d.actors) {
        expect(a.redLinesBroken).toEqual(r.verdicts[a.actor]!.violations.map((x) => x.redLine));
        if (a.redLinesBroken.length) expect(a.acceptRate).toBe(0);
      }
    }
    const broken = (r: typeof own) =>
      r.documents.flatMap((d) => d.actors.map((a) => a.redLinesBroken.join()));
    expect(broken(dated)).not.toEqual(broken(own));
    // Russia's spring-2022 weights on Zaporizhzhia and Kherson are the epoch's, not drawn from the 2026 ranges
    expect(own.parameters).toContain('russia.weight.zaporizhzhia');
    expect(dated.parameters).not.toContain('russia.weight.zaporizhzhia');
    expect(dated.parameters).toEqual(uncertainParameters(positionsAsOf(file, date)));
    const z = file.issues.findIndex((x) => x.id === 'zaporizhzhia');
    for (let k = 0; k < 20; k++)
      expect(drawOf(file, undefined, 3, k, date).actors[0]!.preferences[z]!.rawWeight).toBe(
        positionsAsOf(file, date).actors[0]!.preferences[z]!.rawWeight,
      );
  });

  it('should date each draw of the record prior: a number the epoch fixes is not drawn', async () => {
    const prior = recordPrior(await loadLp(), file);
    const date = '2022-04-15';
    const z = file.issues.findIndex((x) => x.id === 'zaporizhzhia');
    const fixed = positionsAsOf(file, date).actors[0]!.preferences[z]!.rawWeight;
    const drawn = new Set<number>();
    for (let k = 0; k < 10; k++) {
      const own = drawOf(file, prior, 2, k);
      drawn.add(own.actors[0]!.preferences[z]!.rawWeight);
      // the dated draw is the file's draw, dated: the same unknowns, the epoch's numbers where it sets them
      const dated = drawOf(file, prior, 2, k, date);
      expect(dated.actors[0]!.preferences[z]!.rawWeight).toBe(fixed);
      expect(dated.actors.map((a) => a.redLines.map((r) => r.id))).toEqual(
        positionsAsOf(file, date).actors.map((a) => a.redLines.map((r) => r.id)),
      );
      expect(dated.actors[1]!.reservation.value).toBe(own.actors[1]!.reservation.value);
    }
    expect(drawn.size).toBeGreaterThan(1);
  });

  it('should draw, on a date no epoch covers, what the scenario itself draws', () => {
    const own = sweep(file, { samples: 50, seed: 9 });
    const later = sweep(file, { samples: 50, seed: 9, asOf: '2030-05' });
    expect({ ...later, asOf: own.asOf }).toEqual(own);
  });
});

describe('outcomes with asOf', () => {
  it('should run each draw from the positions in force on the date', () => {
    const date = '2022-04-15';
    const options = { draws: 2, seed: 4, run: { maxRounds: 3 } };
    const dated = outcomesPart(file, { ...options, asOf: date }, 0, 2);
    // by construction: the scenario dated first, then drawn and run as any scenario
    expect(dated).toEqual(outcomesPart(positionsAsOf(file, date), options, 0, 2));
    const result = outcomesResult(file, { ...options, asOf: date }, dated);
    expect(result.asOf).toBe(date);
    const inForce = analyzeScenario(file, { asOf: date }).actors;
    for (const b of result.bases)
      expect(b.redLines.map((r) => r.redLine)).toEqual(
        inForce.find((a) => a.id === b.actor)!.redLines.map((r) => r.id),
      );
    const own = outcomesResult(file, options, outcomesPart(file, options, 0, 2));
    expect(own.bases).not.toEqual(result.bases);
  });
});
