// Blame: the lone holdout of each round (and every walk-out) is counted, the count rides in the context as plain
// JSON, the final entry carries the tally, and events triggered by blame fire once, at the start of the next round.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Scenario } from '../../src/domain/types.ts';
import type { SuppliedMove } from '../../src/engine/headless.ts';
import { createNegotiationMachine, stateName } from '../../src/engine/machine.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { arbScenario } from '../analysis/arbitraries.ts';
import { memoryFiles } from '../helpers.ts';
import { BOTS, botOptions, mediatedBy } from './arb-run.ts';
import { entries, runToEnd } from './helpers.ts';

/** A mediator and two parties played by people, so each round's answers are scripted. */
const CRAFTED = [
  'id: crafted',
  'title: Crafted',
  'summary: Two parties played by people and a bot mediator.',
  'date: 2025-01-01',
  'issues:',
  '  - { id: a, label: A, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: x }',
  'actors:',
  '  - { id: m, name: M, preferences: { a: { weight: 1, values: { x: 1, y: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: p, name: P, strategy: { kind: human }, preferences: { a: { weight: 1, values: { x: 1, y: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: q, name: Q, strategy: { kind: human }, preferences: { a: { weight: 1, values: { y: 1, x: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  'events:',
  '  - id: q-blamed-twice',
  '    title: Q is blamed twice',
  '    trigger: { blame: { actor: q, atLeast: 2 } }',
  '    effects: [{ kind: shift-reservation, actor: m, delta: 0.1 }]',
  'protocol: { kind: mediated-single-text, mediator: m, parties: [p, q], maxRounds: 6 }',
].join('\n');

function crafted(): Scenario {
  return loadScenarioFile('/mem/crafted.yaml', memoryFiles({ '/mem/crafted.yaml': CRAFTED }));
}

const accept = (actor: string): SuppliedMove => ({ actor, move: { type: 'accept' } });
const reject = (actor: string): SuppliedMove => ({ actor, move: { type: 'reject' } });

describe('lone holdouts', () => {
  // round 1: q alone; 2: both reject; 3: q alone (second blame); 4: event fires, p alone; 5, 6: both reject
  const moves = [
    [accept('p'), reject('q')],
    [reject('p'), reject('q')],
    [accept('p'), reject('q')],
    [reject('p'), accept('q')],
    [reject('p'), reject('q')],
    [reject('p'), reject('q')],
  ].flat();
  const run = runToEnd(crafted(), {}, { moves });
  const t = run.snapshot.context.transcript;

  it('should count a lone holdout per round and nobody when several reject', () => {
    expect(stateName(run.snapshot)).toBe('stalemate');
    expect(entries(t, 'tally').map((e) => e.holdout ?? null)).toEqual(['q', null, 'q', 'p', null, null]);
    expect(run.snapshot.context.blame).toEqual([0, 1, 2]);
  });

  it('should fire a blame-triggered event exactly once, at the start of the round after the count reaches it', () => {
    const fired = entries(t, 'inject').filter((e) => e.event?.id === 'q-blamed-twice');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      round: 4,
      phase: 'tabling',
      trigger: 'scheduled',
      blame: { actor: 'q', count: 2 },
    });
    expect(run.snapshot.context.blameFired).toEqual(['q-blamed-twice']);
    expect(run.snapshot.context.reservations[0]).toBeCloseTo(0.1, 12);
  });

  it('should end with the blame tally, most blamed first', () => {
    expect(t.at(-1)).toMatchObject({
      kind: 'stalemate',
      blame: [
        { actor: 'q', count: 2, holdouts: [1, 3], walkOut: null },
        { actor: 'p', count: 1, holdouts: [4], walkOut: null },
      ],
    });
  });

  it('should refuse to inject a blame-triggered event by hand', () => {
    const s = crafted();
    const actor = createActor(createNegotiationMachine(s)).start();
    actor.send({ type: 'STEP' });
    const before = actor.getSnapshot().context.transcript.length;
    actor.send({ type: 'INJECT', event: 'q-blamed-twice' });
    expect(actor.getSnapshot().context.transcript.length).toBe(before);
    actor.stop();
  });

  it('should count a walk-out, and carry it in the collapse', () => {
    const s = crafted();
    const walked = runToEnd(s, {}, { moves: [accept('p'), reject('q')], injects: [] });
    expect(walked.waitingFor).toBe('p'); // the moves ran out in round 2
    const actor = createActor(createNegotiationMachine(s)).start();
    for (const e of walked.inputs) actor.send(e);
    actor.send({ type: 'INJECT', effect: { kind: 'walk-out', actor: 'q' } });
    const snap = actor.getSnapshot();
    expect(stateName(snap)).toBe('collapsed');
    expect(snap.context.blame).toEqual([0, 0, 2]);
    expect(snap.context.transcript.at(-1)).toMatchObject({
      kind: 'collapsed',
      blame: [{ actor: 'q', count: 2, holdouts: [1], walkOut: 2 }],
    });
    actor.stop();
  });
});

const arbRun = fc
  .record({
    scenario: arbScenario({ maxIssues: 4, maxPackages: 300 }),
    mediated: fc.boolean(),
    kinds: fc.array(fc.constantFrom(...BOTS), { minLength: 4, maxLength: 4 }),
    patience: fc.option(fc.integer({ min: 1, max: 3 })),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    maxRounds: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ scenario, mediated, kinds, patience, seed, maxRounds }) => {
    const mediator = scenario.actors.find((a) => !scenario.protocol.parties.includes(a.index));
    const s = mediated && mediator ? mediatedBy(scenario, mediator.index) : scenario;
    const options = botOptions(s, seed, maxRounds, (a, k) => ({
      kind: kinds[k]!,
      params: (s !== scenario && a.index === mediator?.index && patience !== null
        ? { patience }
        : {}) as Record<string, number>,
    }));
    return { scenario: s, options };
  });

describe('blame on random runs', () => {
  it('should never decrease and sum to at most the failed rounds plus the walk-outs', () => {
    fc.assert(
      fc.property(arbRun, ({ scenario, options }) => {
        const actor = createActor(createNegotiationMachine(scenario, options)).start();
        let prev = actor.getSnapshot().context.blame;
        for (let k = 0; k < 500 && actor.getSnapshot().status !== 'done'; k++) {
          actor.send({ type: 'STEP' });
          const now = actor.getSnapshot().context.blame;
          now.forEach((b, a) => expect(b).toBeGreaterThanOrEqual(prev[a]!));
          prev = now;
        }
        const ctx = actor.getSnapshot().context;
        actor.stop();
        const failed = entries(ctx.transcript, 'tally').filter((e) => !e.agreement).length;
        const walkOuts = entries(ctx.transcript, 'walk-out').length;
        const total = ctx.blame.reduce((x, y) => x + y, 0);
        expect(total).toBeLessThanOrEqual(failed + walkOuts);
        expect(total).toBe(entries(ctx.transcript, 'tally').filter((e) => e.holdout).length + walkOuts);
        expect(JSON.parse(JSON.stringify(ctx.blame))).toEqual(ctx.blame);
      }),
      { numRuns: 60 },
    );
  });
});
