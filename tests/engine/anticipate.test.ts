// Negotiators who anticipate ratification (the run option anticipateRatification, agents/anticipate.ts), on random
// small scenarios with random hurdles: off, or on where no hurdle can bind, the run is the same entry for entry; on,
// no signed text fails a hurdle of an actor whose consent it needed, and every "would fail" reason a verdict gives
// is true of the numbers beside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { statusQuoPackage, utility } from '../../src/domain/utility.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { applyTermPatches, packageOf, termSheet } from '../../src/engine/terms.ts';
import { arbCase, meets, SEED } from '../analysis/ratified-arbitraries.ts';
import { BOTS, botOptions, mediatedBy } from './arb-run.ts';

/** A random case, sometimes a mediated single text, with random bot strategies, a seed and a round limit. */
const arbHurdleRun = fc
  .record({
    c: arbCase,
    mediated: fc.boolean(),
    kinds: fc.array(fc.constantFrom(...BOTS), { minLength: 4, maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    maxRounds: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ c, mediated, kinds, seed, maxRounds }) => {
    const { scenario } = c;
    const mediator =
      scenario.actors.find((a) => !scenario.protocol.parties.includes(a.index)) ?? scenario.actors[0]!;
    const s = mediated ? mediatedBy(scenario, mediator.index) : scenario;
    const options = botOptions(s, seed, maxRounds, (_, k) => ({ kind: kinds[k]!, params: {} }));
    return { scenario: s, conditions: c.conditions, options };
  });

const transcriptOf = (s: Scenario, options: RunOptions) =>
  JSON.stringify(runHeadless(s, options).snapshot.context.transcript);

describe('anticipated ratification, off or unable to bind', () => {
  it('should leave a run as it is: off by default, and on where no hurdle exists or every text clears them', () => {
    fc.assert(
      fc.property(arbHurdleRun, ({ scenario: s, options }) => {
        const off = transcriptOf(s, options);
        // off: no verdict carries the hypothesis' reason
        expect(off).not.toContain('wouldFail');
        expect(transcriptOf(s, { ...options, anticipateRatification: false })).toBe(off);
        // on, but nothing to anticipate: no hurdle at all, or thresholds every text reaches (utilities are ≥ 0)
        const none: Scenario = { ...s, ratifications: [] };
        expect(transcriptOf(none, { ...options, anticipateRatification: true })).toBe(
          transcriptOf(none, options),
        );
        const low: Scenario = {
          ...s,
          ratifications: s.ratifications.map((r) => ({ ...r, threshold: { ...r.threshold, value: 0 } })),
        };
        expect(transcriptOf(low, { ...options, anticipateRatification: true })).toBe(
          transcriptOf(low, options),
        );
      }),
      { seed: SEED, numRuns: 60, verbose: true },
    );
  });
});

describe('anticipated ratification, on', () => {
  it('should sign no text that fails a hurdle of an actor whose consent it needed, and give reasons true of its numbers', () => {
    let reasons = 0;
    let differs = 0;
    fc.assert(
      fc.property(arbHurdleRun, ({ scenario: s, conditions, options }) => {
        const on = { ...options, anticipateRatification: true };
        const r = runHeadless(s, on);
        const transcript = r.snapshot.context.transcript;
        if (JSON.stringify(transcript) !== transcriptOf(s, options)) differs++;
        // every "would fail" reason: the text on the table meets the hurdle (the test's own reading of its
        // condition), and the actor's utility there is below the threshold, as the entry says
        const sq = statusQuoPackage(s);
        let sheet = termSheet(s, sq);
        for (const e of transcript) {
          if ('patches' in e) sheet = applyTermPatches(sheet, e.patches);
          // a walk-out for want of any text it would sign: its best text fails its own hurdle, by these numbers
          if (e.kind === 'walk-out')
            for (const f of e.wouldFail ?? []) {
              reasons++;
              expect(f.utility).toBe(e.best);
              expect(f.utility).toBeLessThan(f.threshold - 1e-12);
            }
          if (e.kind !== 'verdict') continue;
          const text = packageOf(s, sheet, sq);
          const actor = s.actors.find((a) => a.id === e.actor)!;
          for (const f of e.wouldFail ?? []) {
            reasons++;
            const k = s.ratifications.findIndex((h) => h.id === f.hurdle);
            expect(s.ratifications[k]!.actor).toBe(actor.index);
            expect(meets(s, conditions[k]!, text)).toBe(true);
            expect(f.utility).toBe(utility(actor, s.offsets, text));
            expect(f.threshold).toBe(s.ratifications[k]!.threshold.value);
            expect(f.utility).toBeLessThan(f.threshold - 1e-12);
            expect(e.accepts).toBe(false);
          }
          // a bot that accepts clears every hurdle of its own the text meets
          if (e.accepts)
            for (const [k, h] of s.ratifications.entries())
              if (h.actor === actor.index && meets(s, conditions[k]!, text))
                expect(e.utility).toBeGreaterThanOrEqual(h.threshold.value - 1e-12);
        }
        const end = runOutcome(transcript);
        if (end?.kind !== 'signed' || !end.ratification) return;
        const tally = transcript.findLast((e) => e.kind === 'tally');
        const required = tally?.kind === 'tally' ? tally.required : [];
        for (const h of end.ratification.hurdles) if (!h.clears) expect(required).not.toContain(h.actor);
      }),
      { seed: SEED, numRuns: 400, verbose: true },
    );
    // the property saw the hypothesis act: reasons given, and runs it changed
    expect(reasons).toBeGreaterThan(2);
    expect(differs).toBeGreaterThan(5);
  });
});
