// The statechart stepped purely (initialTransition / transition: no actor, no executed side effects), its
// persisted snapshots, and the reachability of every state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { createNegotiationMachine, stateName } from '../../src/engine/machine.ts';
import { entries, shipped } from './helpers.ts';

const STEP = { type: 'STEP' } as const;

describe('the negotiation machine, stepped purely', () => {
  const tutorial = shipped('tutorial-bilateral');
  const machine = createNegotiationMachine(tutorial, { seed: 3 });

  it('should start in setup and table the opening when the first round starts', () => {
    const [s0] = initialTransition(machine);
    expect(s0.value).toBe('setup');
    expect(s0.context.round).toBe(0);
    const [s1] = transition(machine, s0, STEP);
    expect(s1.value).toEqual({ live: { running: 'tabling' } });
    expect(s1.context.round).toBe(1);
    const opening = tutorial.documents.find((d) => d.id === 'mediator-text')!;
    expect(s1.context.text).toEqual(Array.from(opening.package));
    expect(s1.context.transcript[0]).toMatchObject({
      kind: 'tabled',
      document: 'mediator-text',
      trigger: 'opening',
    });
  });

  it('should go tabling → responding → tallying → the next round, firing round-triggered events at its start', () => {
    let [s] = initialTransition(machine);
    const seen: string[] = [];
    for (let k = 0; k < 10; k++) {
      [s] = transition(machine, s, STEP);
      seen.push(stateName(s));
    }
    expect(seen.slice(0, 7)).toEqual([
      'live.running.tabling',
      'live.running.responding',
      'live.running.tallying',
      'live.running.tabling',
      'live.running.responding',
      'live.running.tallying',
      'live.running.tabling',
    ]);
    expect(s.context.round).toBe(4);
    // pressure-on-south fires at the start of round 3: South's value of no deal drops by 0.1
    const inject = entries(s.context.transcript, 'inject')[0]!;
    expect(inject).toMatchObject({ round: 3, trigger: 'scheduled', event: { id: 'pressure-on-south' } });
    expect(s.context.reservations[1]).toBeCloseTo(0.35, 12);
  });

  it('should pause, ignore STEP while paused, accept an inject, and resume where it was', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, STEP);
    [s] = transition(machine, s, STEP);
    expect(stateName(s)).toBe('live.running.responding');
    [s] = transition(machine, s, { type: 'PAUSE' });
    expect(stateName(s)).toBe('live.paused');
    const [still] = transition(machine, s, STEP);
    expect(still.context).toEqual(s.context);
    [s] = transition(machine, s, {
      type: 'INJECT',
      effect: { kind: 'set-reservation', actor: 'north', value: 0.3 },
    });
    expect(s.context.reservations[0]).toBe(0.3);
    expect(s.context.transcript.at(-1)).toMatchObject({ kind: 'inject', trigger: 'manual', phase: 'paused' });
    [s] = transition(machine, s, { type: 'RESUME' });
    expect(stateName(s)).toBe('live.running.responding');
  });

  it('should refuse an unknown inject and a move nobody waits for, leaving the context as it was', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, STEP);
    for (const bad of [
      { type: 'INJECT', event: 'no-such-event' },
      { type: 'INJECT', effect: { kind: 'walk-out', actor: 'nobody' } },
      { type: 'HUMAN_MOVE', actor: 'north', move: { type: 'accept' } },
    ] as NegotiationEvent[]) {
      const [next] = transition(machine, s, bad);
      expect(next.context).toBe(s.context);
    }
  });

  it('should table an injected document at once while tabling', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, STEP);
    [s] = transition(machine, s, { type: 'INJECT', effect: { kind: 'table', document: 'north-opening' } });
    const doc = tutorial.documents.find((d) => d.id === 'north-opening')!;
    expect(s.context.text).toEqual(Array.from(doc.package));
    expect(s.context.transcript.at(-1)).toMatchObject({
      kind: 'tabled',
      trigger: 'inject',
      document: 'north-opening',
    });
  });

  it('should collapse at once when a party walks out', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, STEP);
    [s] = transition(machine, s, { type: 'INJECT', effect: { kind: 'walk-out', actor: 'south' } });
    expect(s.value).toBe('collapsed');
    expect(s.status).toBe('done');
    expect(s.context.transcript.at(-1)).toMatchObject({ kind: 'collapsed', actors: ['south'] });
  });

  it('should wait for a person, refuse a move across its red lines, and take a valid one', () => {
    const human = createNegotiationMachine(tutorial, { strategies: { south: { kind: 'human' } } });
    let [s] = initialTransition(human);
    [s] = transition(human, s, STEP);
    [s] = transition(human, s, STEP);
    expect(s.context.awaiting).toEqual([{ actor: 1, move: 'respond' }]);
    const [blocked] = transition(human, s, STEP);
    expect(stateName(blocked)).toBe('live.running.responding');
    // the opening gives South less than no deal: it may not accept
    const [refused] = transition(human, s, { type: 'HUMAN_MOVE', actor: 'south', move: { type: 'accept' } });
    expect(refused.context).toBe(s.context);
    [s] = transition(human, s, {
      type: 'HUMAN_MOVE',
      actor: 'south',
      move: { type: 'reject', asks: ['guarantee'] },
    });
    expect(s.context.awaiting).toEqual([]);
    expect(s.context.transcript.at(-1)).toMatchObject({
      kind: 'verdict',
      actor: 'south',
      accepts: false,
      human: true,
    });
    [s] = transition(human, s, STEP);
    [s] = transition(human, s, STEP);
    // round 2: South's turn to propose
    expect(s.context.awaiting).toEqual([{ actor: 1, move: 'propose' }]);
    const [crossing] = transition(human, s, {
      type: 'HUMAN_MOVE',
      actor: 'south',
      move: { type: 'propose', terms: { line: 'cede-four' } },
    });
    expect(crossing.context).toBe(s.context);
    [s] = transition(human, s, {
      type: 'HUMAN_MOVE',
      actor: 'south',
      move: { type: 'propose', terms: { guarantee: 'art5-like' } },
    });
    expect(s.context.transcript.at(-1)).toMatchObject({
      kind: 'proposal',
      actor: 'south',
      changes: [{ issue: 'guarantee', to: 'art5-like' }],
      human: true,
    });
  });
});

describe('persisted snapshots', () => {
  it('should round-trip through JSON at any point of a run and go on to the same end', () => {
    const s = shipped('tutorial-bilateral');
    const machine = createNegotiationMachine(s, { seed: 9 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.boolean(), (steps, pause) => {
        const a = createActor(machine).start();
        for (let k = 0; k < steps && a.getSnapshot().status !== 'done'; k++) a.send(STEP);
        if (pause && a.getSnapshot().status !== 'done') a.send({ type: 'PAUSE' });
        const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
        const b = createActor(machine, { snapshot: saved }).start();
        expect(b.getSnapshot().context).toEqual(a.getSnapshot().context);
        expect(b.getSnapshot().value).toEqual(a.getSnapshot().value);
        for (const actor of [a, b]) {
          if (actor.getSnapshot().status !== 'done') actor.send({ type: 'RESUME' });
          for (let k = 0; k < 100 && actor.getSnapshot().status !== 'done'; k++) actor.send(STEP);
        }
        expect(JSON.stringify(b.getSnapshot().context)).toBe(JSON.stringify(a.getSnapshot().context));
      }),
      { numRuns: 25 },
    );
  });
});

describe('reachability', () => {
  it('should reach every state of the chart', () => {
    const s = shipped('tutorial-bilateral');
    const machine = createNegotiationMachine(s, { maxRounds: 1 });
    const paths = getShortestPaths(machine, {
      events: (state) =>
        state.status === 'done'
          ? []
          : ([
              STEP,
              { type: 'PAUSE' },
              { type: 'RESUME' },
              { type: 'INJECT', effect: { kind: 'walk-out', actor: 'north' } },
              { type: 'INJECT', effect: { kind: 'set-reservation', actor: 'south', value: 0 } },
            ] as NegotiationEvent[]),
      // what decides the way on: the state, the round, the values of no deal, walk-outs and this round's answers
      serializeState: (state) => {
        const c = state.context;
        return JSON.stringify([state.value, c.round, c.reservations, c.walkedOut, c.answers, c.agreed]);
      },
    });
    const reached = new Set(paths.map((p) => stateName(p.state)));
    for (const state of [
      'setup',
      'live.running.tabling',
      'live.running.responding',
      'live.running.tallying',
      'live.running.agreed',
      'live.running.ratifying',
      'live.paused',
      'signed',
      'stalemate',
      'collapsed',
    ])
      expect(reached).toContain(state);
  });
});
