// The play session as pure functions over its inputs: stepping, people's moves, and rewind — which must equal a
// replay of the inputs minus the last one, on a fresh actor, whatever was sent before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Scenario } from '../../src/domain/types.ts';
import type { HumanMove } from '../../src/engine/events.ts';
import { createNegotiationMachine } from '../../src/engine/machine.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { parseSession, replaySession, sessionText } from '../../src/engine/session.ts';
import { termValue } from '../../src/engine/terms.ts';
import {
  humanMove,
  inject,
  isOver,
  isPaused,
  manualEvents,
  outcomeOf,
  type PlayGame,
  phaseName,
  rewind,
  runToTurn,
  sessionOf,
  startGame,
  step,
  togglePause,
  waitingFor,
} from '../../src/ui/state/play.ts';
import { scenario } from './render.tsx';

/** The snapshot's context as a fresh actor reaches it by sending the inputs one by one. */
function actorContext(s: Scenario, options: RunOptions, game: PlayGame) {
  const actor = createActor(createNegotiationMachine(s, options)).start();
  for (const e of game.inputs) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return { value: snap.value, context: snap.context };
}

const NORTH_PLAYS: RunOptions = { seed: 1, maxRounds: 4, strategies: { north: { kind: 'human' } } };
const SOUTH_PLAYS: RunOptions = { seed: 1, maxRounds: 4, strategies: { south: { kind: 'human' } } };

describe('a play session', () => {
  it('should step one phase at a time, and run to the next person’s turn', () => {
    const s = scenario('tutorial-bilateral');
    let g = startGame(s, NORTH_PLAYS);
    expect(phaseName(g)).toBe('setup');
    g = step(g);
    expect(phaseName(g)).toBe('tabling');
    expect(g.inputs).toEqual([{ type: 'STEP' }]);
    g = runToTurn(g);
    expect(waitingFor(g)).toEqual({ actor: 'north', move: 'respond' });
    // a step while a person must move is refused, and not recorded
    expect(step(g)).toBe(g);
    expect(runToTurn(g)).toBe(g);
  });

  it('should refuse an illegal move with the engine’s reason, and take a legal one', () => {
    const s = scenario('tutorial-bilateral');
    const g = runToTurn(startGame(s, SOUTH_PLAYS));
    expect(waitingFor(g)?.actor).toBe('south');
    const refused = humanMove(g, 'south', { type: 'accept' });
    expect(refused).toEqual({
      ok: false,
      error:
        'South (stylised Ukraine) cannot accept: the text is worth 0.425 to it, below its value of no deal 0.450',
    });
    expect(humanMove(g, 'north', { type: 'reject' }).ok).toBe(false);
    const taken = humanMove(g, 'south', { type: 'reject', asks: ['line'] });
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(taken.game.inputs.at(-1)).toEqual({
      type: 'HUMAN_MOVE',
      actor: 'south',
      move: { type: 'reject', asks: ['line'] },
    });
    const verdict = taken.game.snapshot.context.transcript.at(-1);
    expect(verdict).toMatchObject({ kind: 'verdict', actor: 'south', accepts: false, human: true });
  });

  it('should pause, refuse steps while paused, take injects, and resume', () => {
    const s = scenario('28-point-path');
    let g = step(startGame(s, { seed: 1 }));
    g = togglePause(g);
    expect(isPaused(g)).toBe(true);
    expect(step(g)).toBe(g);
    const event = manualEvents(s)[0]!.id;
    g = inject(g, event);
    // the play screen's input records who fired it
    expect(g.inputs.at(-1)).toEqual({ type: 'INJECT', event, by: 'facilitator' });
    g = togglePause(g);
    expect(isPaused(g)).toBe(false);
    expect(g.inputs.map((e) => e.type)).toEqual(['STEP', 'PAUSE', 'INJECT', 'RESUME']);
  });

  it('should reach an outcome with the final terms and every actor’s utility', () => {
    const s = scenario('tutorial-bilateral');
    const g = runToTurn(startGame(s, { seed: 1, maxRounds: 4 }));
    expect(isOver(g)).toBe(true);
    const outcome = outcomeOf(g)!;
    expect(outcome.kind).toBe('signed');
    expect(outcome.round).toBe(4);
    expect(Object.keys(outcome.utilities).sort()).toEqual(['north', 'south']);
    expect(outcome.utilities.north).toBeCloseTo(0.7, 3);
    expect(outcome.terms['army-cap']).toBe(250000);
  });

  it('should save a session that replays to the same snapshot, without any clock in it', () => {
    const s = scenario('tutorial-bilateral');
    let g = runToTurn(startGame(s, SOUTH_PLAYS));
    const r = humanMove(g, 'south', { type: 'reject' });
    if (r.ok) g = runToTurn(r.game);
    const text = sessionText(sessionOf(g, 'tutorial-bilateral'));
    expect(text).not.toMatch(/time|clock|minutes/i);
    const session = parseSession(text, 'x.json');
    expect(replaySession(s, session).snapshot.context).toEqual(g.snapshot.context);
  });
});

type Command =
  | { readonly kind: 'step' }
  | { readonly kind: 'run' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'inject'; readonly pick: number }
  | { readonly kind: 'rewind' }
  | {
      readonly kind: 'move';
      readonly pick: number;
      readonly asks: readonly number[];
      readonly terms: readonly number[];
    };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'step' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'run' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' } as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('inject' as const), pick: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'rewind' } as const) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      pick: fc.nat(3),
      asks: fc.array(fc.nat(30), { maxLength: 3 }),
      terms: fc.array(fc.nat(30), { maxLength: 4 }),
    }),
  },
);

/** A person's move built from the command's numbers: accept, reject with asks, or a proposal of changed terms. */
function moveOf(s: Scenario, g: PlayGame, c: Extract<Command, { kind: 'move' }>): HumanMove {
  const w = waitingFor(g)!;
  if (w.move === 'respond')
    return c.pick % 2 === 0
      ? { type: 'accept' }
      : { type: 'reject', asks: c.asks.map((k) => s.issues[k % s.issues.length]!.id) };
  const terms: Record<string, string | number> = {};
  c.terms.forEach((k, j) => {
    const issue = (k + j) % s.issues.length;
    terms[s.issues[issue]!.id] = termValue(s, issue, k % s.issues[issue]!.options.length);
  });
  return { type: w.move, terms };
}

function apply(s: Scenario, g: PlayGame, c: Command): PlayGame {
  switch (c.kind) {
    case 'step':
      return step(g);
    case 'run':
      return runToTurn(g);
    case 'pause':
      return togglePause(g);
    case 'inject': {
      const events = manualEvents(s);
      return events.length ? inject(g, events[c.pick % events.length]!.id) : g;
    }
    case 'rewind':
      return rewind(g);
    case 'move': {
      const w = waitingFor(g);
      if (!w) return g;
      const r = humanMove(g, w.actor, moveOf(s, g, c));
      return r.ok ? r.game : g;
    }
  }
}

describe('rewind', () => {
  const cases: readonly [string, RunOptions, number][] = [
    ['tutorial-bilateral', { seed: 3, maxRounds: 5, strategies: { south: { kind: 'human' } } }, 40],
    [
      'tutorial-bilateral',
      { seed: 7, maxRounds: 3, strategies: { north: { kind: 'human' }, south: { kind: 'human' } } },
      30,
    ],
    [
      '28-point-path',
      { seed: 1, maxRounds: 4, strategies: { ukraine: { kind: 'human' }, us: { kind: 'human' } } },
      12,
    ],
  ];
  for (const [id, options, runs] of cases) {
    it(`should equal a replay of the inputs minus the last one (${id}, ${Object.keys(options.strategies ?? {}).join(' and ')} played)`, () => {
      const s = scenario(id);
      fc.assert(
        fc.property(fc.array(command, { maxLength: 18 }), (commands) => {
          let g = startGame(s, options);
          for (const c of commands) g = apply(s, g, c);
          // the pure snapshot is the one a live actor reaches on the same inputs
          expect({ value: g.snapshot.value, context: g.snapshot.context }).toEqual(
            actorContext(s, options, g),
          );
          const back = rewind(g);
          const expected = startGame(s, options, g.inputs.slice(0, -1));
          expect(back.inputs).toEqual(expected.inputs);
          expect(back.snapshot.value).toEqual(expected.snapshot.value);
          expect(back.snapshot.context).toEqual(expected.snapshot.context);
        }),
        { numRuns: runs },
      );
    });
  }
});
