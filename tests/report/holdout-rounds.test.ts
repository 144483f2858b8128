// The rounds the report counts as each actor's lone holdouts — what the debrief asks about "by the engine's count" —
// are the engine's own count: a goodwill gesture that forgave a round takes it off, as the engine does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { holdoutRounds } from '../../src/report/outcome-notes.ts';

describe('the lone holdouts the report counts', () => {
  for (const id of ['tutorial-bilateral', 'security-triangle'])
    it(`${id}: should be the engine's blame marks, goodwill gestures forgiving rounds included`, () => {
      const s = openScenario(id);
      fc.assert(
        fc.property(
          fc.array(
            fc.record({ round: fc.integer({ min: 2, max: 8 }), actor: fc.constantFrom(...s.actors) }),
            {
              maxLength: 5,
            },
          ),
          (gestures) => {
            const injects = gestures.map((g) => ({
              effect: { kind: 'goodwill' as const, actor: g.actor.id },
              round: g.round,
            }));
            const ctx = runHeadless(s, { maxRounds: 8 }, { injects }).snapshot.context;
            const engine = new Map<string, number[]>();
            for (const m of ctx.blameMarks)
              if (m.cause === 'holdout') {
                const a = s.actors[m.actor]!.id;
                engine.set(a, [...(engine.get(a) ?? []), m.round]);
              }
            const counted = holdoutRounds(ctx.transcript);
            expect(new Map([...counted].sort())).toEqual(new Map([...engine].sort()));
            // and the debrief's question names only an actor the engine counts twice or more
            const run = runStateOf(s, runHeadless(s, { maxRounds: 8 }, { injects }).snapshot);
            const r = afterActionReport(s, run, { options: resolveOptions(s, { maxRounds: 8 }) });
            const asked = r.debrief.find((q) => q.startsWith("By the engine's count"));
            const twice = [...engine].filter(([, rounds]) => rounds.length >= 2);
            if (twice.length === 0) expect(asked).toBeUndefined();
          },
        ),
        { seed: 20261206, numRuns: 40 },
      );
    });
});
