// What keeps a run cheap keeps its promises (docs/engine.md, "Keeping a run cheap"): every part of every context
// is frozen, so caches may key on identity; the game's transitions, with the scope each machine keeps, are
// xstate's own; the mediator's memory read incrementally is the memory read afresh; and the scenario as it stands
// is the same found by identity or by key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { mediatorOf } from '../../src/domain/protocol.ts';
import type { Scenario } from '../../src/domain/types.ts';
import type { NegotiationContext } from '../../src/engine/context.ts';
import { effectiveScenario } from '../../src/engine/effective.ts';
import { newGame, replay, send } from '../../src/engine/game.ts';
import { playOn, runHeadless } from '../../src/engine/headless.ts';
import { createNegotiationMachine } from '../../src/engine/machine.ts';
import { mediatorMemory } from '../../src/engine/memory.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { shipped } from './helpers.ts';

const MEDIATED = ['ukraine-peace', '28-point-path', 'blame-and-pressure', 'security-triangle'];
const KINDS = ['boulware', 'linear', 'conceder', 'hardliner'] as const;

/** A mediated shipped scenario, options, and sometimes a manual event to inject (news for the mediator). */
const arbPlay = fc
  .record({
    id: fc.constantFrom(...MEDIATED),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    kind: fc.constantFrom(...KINDS),
    inject: fc.option(fc.record({ pick: fc.nat(), round: fc.integer({ min: 1, max: 6 }) })),
  })
  .map(({ id, seed, kind, inject }) => {
    const s = shipped(id);
    const manual = s.events.filter((e) => 'manual' in e.trigger);
    const event = inject && manual.length ? manual[inject.pick % manual.length]! : null;
    const party = s.actors[s.protocol.parties[0]!]!.id;
    const options: RunOptions = { seed, maxRounds: 8, strategies: { [party]: { kind, params: {} } } };
    return { id, options, injects: event && inject ? [{ event: event.id, round: inject.round }] : [] };
  });

/** Every object or array under `value` that is not frozen, by path. */
function unfrozen(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out = Object.isFrozen(value) ? [] : [path];
  for (const [k, v] of Object.entries(value)) out.push(...unfrozen(v, `${path}.${k}`));
  return out;
}

/** The scenario as it stands, computed afresh: a copy of the scenario has no memo, plain arrays no identity. */
function afresh(s: Scenario, ctx: NegotiationContext): Scenario {
  return effectiveScenario(
    { ...s },
    {
      reservations: [...ctx.reservations],
      weightEdits: ctx.weightEdits.map((w) => ({ ...w })),
      redLineEdits: ctx.redLineEdits.map((e) => ({ ...e })),
    },
  );
}

const standing = (s: Scenario) =>
  s.actors.map((a) => ({
    reservation: a.reservation.value,
    weights: Array.from(a.weights),
    contrib: Array.from(a.contrib),
    redLines: a.redLines.map((c) => c.id),
  }));

describe("the engine's bookkeeping", () => {
  it('should step as xstate’s own pure transitions, freeze every part of every context, and find the scenario as it stands by identity as by key', () => {
    fc.assert(
      fc.property(arbPlay, ({ id, options, injects }) => {
        const s = shipped(id);
        const run = runHeadless(s, options, { injects });
        let game = newGame(s, options);
        // a machine of its own, closed over the scenario, stepped by xstate itself beside the game's
        const machine = createNegotiationMachine(s, options);
        let [theirs] = initialTransition(machine);
        for (const input of run.inputs) {
          const sent = send(game, input);
          if (!sent.ok) throw new Error(sent.error);
          game = sent.game;
          [theirs] = transition(machine, theirs, input);
          const ctx = game.snapshot.context;
          expect(game.snapshot.value).toEqual(theirs.value);
          expect(game.snapshot.status).toBe(theirs.status);
          expect(JSON.stringify(ctx)).toBe(JSON.stringify(theirs.context));
          // the context object is xstate's fresh copy; each of its parts is frozen (the transcript's last entry
          // here, its whole at the end)
          const parts = Object.entries(ctx).filter(([k]) => k !== 'transcript');
          expect(parts.flatMap(([k, v]) => unfrozen(v, k))).toEqual([]);
          expect(Object.isFrozen(ctx.transcript)).toBe(true);
          expect(unfrozen(ctx.transcript.at(-1) ?? null, 'the last entry')).toEqual([]);
          expect(standing(effectiveScenario(s, ctx))).toEqual(standing(afresh(s, ctx)));
        }
        expect(unfrozen(game.snapshot.context.transcript, 'transcript')).toEqual([]);
        expect(JSON.stringify(game.snapshot.context)).toBe(JSON.stringify(run.snapshot.context));
      }),
      { seed: 20_261_206, numRuns: 8 },
    );
  });

  it('should remember the same whether it reads the transcript on from the last scan or afresh, in any order', () => {
    const picks = fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arbPlay, fc.nat(), picks, ({ id, options, injects }, cut, picks) => {
        const s = shipped(id);
        const run = runHeadless(s, options, { injects });
        // two branches from one game: played on as it is, and after a party's value of no deal is shifted;
        // their transcripts share the same entries up to the branch
        const start = replay(s, options, run.inputs.slice(0, 1 + (cut % run.inputs.length)));
        const party = s.actors[s.protocol.parties[0]!]!.id;
        const shifted = send(start, {
          type: 'INJECT',
          effect: { kind: 'shift-reservation', actor: party, delta: -0.1 },
        });
        const branches = [start, shifted.ok ? shifted.game : start].map(
          (g) => playOn(g, {}).snapshot.context.transcript,
        );
        const m = mediatorOf(s);
        // each branch whole, then prefixes of either in any order: a scan goes on only from a prefix it extends
        for (const [other, pick] of [[false, -1], [true, -1], ...picks] as const) {
          const transcript = branches[other ? 1 : 0]!;
          const k = pick < 0 ? transcript.length : pick % (transcript.length + 1);
          const kept = Object.freeze(transcript.slice(0, k));
          const fresh = structuredClone(transcript.slice(0, k));
          expect(mediatorMemory(s, kept, m)).toEqual(mediatorMemory(s, fresh, m));
        }
      }),
      { seed: 20_261_207, numRuns: 8 },
    );
  });
});
