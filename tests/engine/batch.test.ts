// The runs of draws without history (engine/batch.ts) against the machine: the same final state and the same
// context — transcript, verdicts, blame, reservations — byte for byte, or, where the batch declines a run (a
// person at the table, an inject the machine refuses), the headless driver's answer for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawOf } from '../../src/analysis/sweep.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runBatch } from '../../src/engine/batch.ts';
import { unguardedItems } from '../../src/engine/context.ts';
import { PlanError, runHeadless } from '../../src/engine/headless.ts';
import { FATE_PATTERN } from '../../src/engine/inject-fate.ts';
import type { PlannedInject } from '../../src/engine/inject-text.ts';
import { stateName } from '../../src/engine/machine.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { arbRun, BOTS } from './arb-run.ts';
import { shipped } from './helpers.ts';

/**
 * The batch's run (its entries unfrozen, as `endOfRun` makes it) and the machine's (frozen deep: a step that wrote
 * into an entry would throw there), compared; a run the batch declines must be one the machine cannot finish.
 */
function sameEnd(
  s: Scenario,
  options: RunOptions,
  injects: readonly PlannedInject[] = [],
): 'batch' | 'declined' {
  const batch = unguardedItems(() => runBatch(s, options, injects));
  let machine: ReturnType<typeof runHeadless> | PlanError;
  try {
    machine = runHeadless(s, options, { injects });
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    machine = e;
  }
  if (batch === null) {
    expect(machine instanceof PlanError || machine.waitingFor !== null).toBe(true);
    return 'declined';
  }
  expect(machine).not.toBeInstanceOf(PlanError);
  const m = machine as ReturnType<typeof runHeadless>;
  expect(m.waitingFor).toBeNull();
  expect(batch.state).toBe(stateName(m.snapshot));
  expect(JSON.stringify(batch.context)).toBe(JSON.stringify(m.snapshot.context));
  return 'batch';
}

describe('runs of draws without history', () => {
  it('should end as the machine does on random scenarios, strategies and seeds', () => {
    fc.assert(
      fc.property(arbRun, ({ scenario, options }) => {
        expect(sameEnd(scenario, options)).toBe('batch');
      }),
      { numRuns: 150 },
    );
  });

  const SCENARIOS = ['ukraine-peace', 'blame-and-pressure', '28-point-path', 'tutorial-bilateral'];
  it('should end as the machine does on drawn shipped scenarios with injects, and decline what it refuses', () => {
    const seen = { batch: 0, declined: 0 };
    fc.assert(
      fc.property(
        fc.record({
          id: fc.constantFrom(...SCENARIOS),
          draw: fc.nat({ max: 10_000 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          kinds: fc.array(fc.option(fc.constantFrom(...BOTS), { freq: 2 }), { minLength: 5, maxLength: 5 }),
          maxRounds: fc.option(fc.integer({ min: 1, max: 12 })),
          // an event by its place among the scenario's (past the end: one it does not have) and a round (0: never)
          injects: fc.array(fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 8 })), { maxLength: 3 }),
        }),
        ({ id, draw, seed, kinds, maxRounds, injects }) => {
          const s = drawOf(shipped(id), undefined, seed, draw);
          const strategies = Object.fromEntries(
            s.actors.flatMap((a, k) => (kinds[k] ? [[a.id, { kind: kinds[k] }]] : [])),
          );
          const options: RunOptions = { seed, strategies, ...(maxRounds === null ? {} : { maxRounds }) };
          const planned = injects.map(([e, round]) => ({ event: s.events[e]?.id ?? 'no-such-event', round }));
          seen[sameEnd(s, options, planned)]++;
        },
      ),
      { numRuns: 60 },
    );
    // both sides of the comparison were exercised
    expect(seen.batch).toBeGreaterThan(0);
    expect(seen.declined).toBeGreaterThan(0);
  });

  it('should pass over an idle ad-hoc inject as the headless driver does, with the same fates (pass-over)', () => {
    const seen = new Set<string>();
    let compared = 0;
    fc.assert(
      fc.property(
        fc.record({
          id: fc.constantFrom('ukraine-peace', 'tutorial-bilateral'),
          draw: fc.nat({ max: 10_000 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          // a walk-out or a drop of a red line, of an actor by its place, at a round: often idle, twice over
          injects: fc.array(
            fc.tuple(fc.boolean(), fc.nat({ max: 4 }), fc.nat({ max: 6 }), fc.integer({ min: 1, max: 6 })),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        ({ id, draw, seed, injects }) => {
          const s = drawOf(shipped(id), undefined, seed, draw);
          const planned = injects.flatMap(([walk, a, r, round]): PlannedInject[] => {
            const actor = s.actors[a % s.actors.length]!;
            const redLine = actor.redLines[r % Math.max(1, actor.redLines.length)];
            if (walk) return [{ effect: { kind: 'walk-out' as const, actor: actor.id }, round }];
            return redLine
              ? [{ effect: { kind: 'drop-red-line' as const, actor: actor.id, redLine: redLine.id }, round }]
              : [];
          });
          const options: RunOptions = { seed, maxRounds: 6 };
          const batch = unguardedItems(() => runBatch(s, options, planned, 'pass-over'));
          const machine = runHeadless(s, options, { injects: planned, idle: 'pass-over' });
          expect(machine.fates.every((f) => FATE_PATTERN.test(f))).toBe(true);
          for (const f of machine.fates) seen.add(f.split(':').slice(0, 2).join(':'));
          if (batch === null) return;
          compared++;
          expect(batch.fates).toEqual(machine.fates);
          expect(JSON.stringify(batch.context)).toBe(JSON.stringify(machine.snapshot.context));
        },
      ),
      { seed: 20261206, numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(0);
    // every kind of fate came up
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'fired',
        'not-reached',
        'passed-over:red-line-dropped',
        'passed-over:walked-out',
      ]),
    );
  });

  it('should decline a run with a person at the table', () => {
    const s = shipped('tutorial-bilateral');
    const person = { strategies: { [s.actors[0]!.id]: { kind: 'human' } } };
    expect(runBatch(s, person, [])).toBeNull();
    expect(runHeadless(s, person).waitingFor).toBe(s.actors[0]!.id);
  });

  it('should end as the machine does with ad-hoc injects planned, a drop of a red line no longer held skipped by both', () => {
    const s = shipped('tutorial-bilateral');
    const redLines = s.actors.flatMap((a) => a.redLines.map((r) => ({ actor: a.id, redLine: r.id })));
    const effect = fc.oneof(
      // the same red line twice: the second finds it gone and is skipped; an actor the scenario lacks is refused
      fc
        .constantFrom(...redLines, { actor: 'no-such-actor', redLine: redLines[0]!.redLine })
        .map((r) => ({ kind: 'drop-red-line', ...r }) as const),
      fc.constantFrom(...s.documents.map((d) => ({ kind: 'table', document: d.id }) as const)),
      fc
        .record({ actor: fc.constantFrom(...s.actors.map((a) => a.id)), delta: fc.constantFrom(-0.1, 0.05) })
        .map((x) => ({ kind: 'shift-reservation', ...x }) as const),
      fc.constantFrom(...s.actors.map((a) => ({ kind: 'goodwill', actor: a.id }) as const)),
    );
    const seen = { batch: 0, declined: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.record({ effect, round: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
        (seed, injects) => {
          seen[sameEnd(s, { seed, maxRounds: 4 }, injects)]++;
        },
      ),
      { seed: 20261206, numRuns: 80 },
    );
    expect(seen.batch).toBeGreaterThan(0);
    expect(seen.declined).toBeGreaterThan(0);
  });

  it('should leave entries unfrozen only inside unguardedItems, and freeze them again after it, even after a throw', () => {
    const s = shipped('tutorial-bilateral');
    const options: RunOptions = { seed: 7 };
    const lastEntry = () => runBatch(s, options, [])!.context.transcript.at(-1)!;
    expect(Object.isFrozen(unguardedItems(lastEntry))).toBe(false);
    expect(() =>
      unguardedItems(() => {
        throw new Error('a step failed');
      }),
    ).toThrow('a step failed');
    expect(Object.isFrozen(lastEntry())).toBe(true);
    // the lists are frozen either way: the caches that key on them (memory.ts, effective.ts) still may
    expect(Object.isFrozen(unguardedItems(() => runBatch(s, options, [])!.context.transcript))).toBe(true);
  });
});
