// Sessions replay to the same snapshot; term-sheet patches replay and reverse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { PeacesimError } from '../../src/domain/errors.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { scenarioHash } from '../../src/engine/canonical.ts';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { newGame } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { createNegotiationMachine } from '../../src/engine/machine.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import {
  checkSession,
  createSession,
  parseSession,
  replaySession,
  sessionText,
} from '../../src/engine/session.ts';
import { applyTermPatches, termPatches, termSheet } from '../../src/engine/terms.ts';
import { arbScenario } from '../analysis/arbitraries.ts';
import { shipped } from './helpers.ts';

/** The snapshot of a live actor that was sent these inputs. */
function persisted(s: Scenario, options: RunOptions, inputs: readonly NegotiationEvent[]) {
  const actor = createActor(createNegotiationMachine(s, options)).start();
  for (const e of inputs) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return snap;
}

describe('sessions', () => {
  it('should replay the saved inputs to the same persisted snapshot', () => {
    const s = shipped('ukraine-peace');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(6, 12), (seed, maxRounds) => {
        const options = {
          seed,
          maxRounds,
          strategies: { coalition: { kind: 'linear', params: { noise: 0.05 } } },
        };
        const run = runHeadless(s, options, { injects: [{ event: 'us-pressure-on-ukraine', round: 2 }] });
        const file = parseSession(sessionText(createSession(run.game, 'ukraine-peace')), 'x.json');
        const replayed = replaySession(s, file);
        // the pure replay reaches the snapshot a live actor reaches on the same inputs
        const live = persisted(s, options, run.inputs);
        expect(JSON.stringify(replayed.snapshot.context)).toBe(JSON.stringify(live.context));
        expect(replayed.snapshot.value).toEqual(live.value);
        expect(JSON.stringify(replayed.snapshot.context)).toBe(JSON.stringify(run.snapshot.context));
      }),
      { numRuns: 6 },
    );
  });

  it('should refuse a session saved for another version of the scenario, naming the file', () => {
    const s = shipped('tutorial-bilateral');
    const session = createSession(newGame(s, { seed: 1 }), 'tutorial-bilateral');
    const changed = {
      ...s,
      actors: s.actors.map((a) => ({ ...a, reservation: { ...a.reservation, value: 0.1 } })),
    };
    expect(scenarioHash(changed)).not.toBe(scenarioHash(s));
    expect(() => checkSession(s, session, 'old.json')).not.toThrow();
    expect(() => checkSession(changed, session, 'old.json')).toThrow(
      /^old\.json: saved for another version of scenario "tutorial-bilateral"/,
    );
    // and says what to do: with this peacesim the scenario's data was edited; a session of another peacesim
    // replays with that one; either way a new session can start
    expect(() => checkSession(changed, session, 'old.json')).toThrow(
      /the scenario's data changed since it was saved: replay it with the scenario as it was then, or start a new session \(peacesim run, or p in peacesim tui\)$/,
    );
    if (session.format !== 2) throw new Error('createSession writes format 2');
    expect(() => checkSession(changed, { ...session, engine: '0.0.9' }, 'old.json')).toThrow(
      /; replay it with peacesim 0\.0\.9, which saved it, or start a new session \(peacesim run, or p in peacesim tui\)$/,
    );
    // the name it was saved by now opens another scenario: both ids, not two hashes
    const other = shipped('istanbul-2022');
    expect(() => checkSession(other, session, 'old.json')).toThrow(
      `old.json: saved for scenario "${s.id}", but ${session.scenario.source} now opens scenario "${other.id}"`,
    );
  });

  it('should hash the scenario data, not where it was loaded from', () => {
    const s = shipped('tutorial-bilateral');
    expect(scenarioHash({ ...s, file: '/elsewhere/tutorial.yaml' })).toBe(scenarioHash(s));
  });

  it('should reject a file that is not a session with a one-line error naming it', () => {
    for (const text of ['{', '{"format": 2}', '[]']) {
      let error: unknown;
      try {
        parseSession(text, 'bad.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PeacesimError);
      // the file, with the line and column where the JSON breaks when the parser names it
      expect((error as Error).message).toMatch(/^bad\.json(:\d+:\d+)?: /);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('term-sheet patches', () => {
  it('should replay forward and reverse exactly (immer produceWithPatches / applyPatches)', () => {
    const arb = arbScenario().chain((s) => {
      const pkg = fc.tuple(...s.issues.map((x) => fc.integer({ min: 0, max: x.options.length - 1 })));
      return fc.tuple(fc.constant(s), pkg, pkg);
    });
    fc.assert(
      fc.property(arb, ([s, a, b]) => {
        const { patches, inverse } = termPatches(s, a, b);
        expect(applyTermPatches(termSheet(s, a), patches)).toEqual(termSheet(s, b));
        expect(applyTermPatches(termSheet(s, b), inverse)).toEqual(termSheet(s, a));
        const moved = a.filter((o, i) => o !== b[i]).length;
        expect(patches).toHaveLength(moved);
      }),
    );
  });

  it('should undo a whole run back to the status quo through the inverse patches', () => {
    const s = shipped('ukraine-peace');
    const { snapshot } = runHeadless(s, { seed: 2 });
    let sheet = termSheet(s, snapshot.context.text);
    const changes = snapshot.context.transcript.filter((e) => 'inverse' in e);
    for (const e of [...changes].reverse()) if ('inverse' in e) sheet = applyTermPatches(sheet, e.inverse);
    expect(sheet).toEqual(
      termSheet(
        s,
        s.issues.map((x) => x.statusQuo),
      ),
    );
  });
});
