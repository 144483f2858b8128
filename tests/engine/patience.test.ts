// The mediator's patience: after `patience` rounds in a row without progress (no more required actors accepting
// than ever, no smaller total shortfall than ever) a bot mediator walks out and the talks collapse.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import type { SuppliedMove } from '../../src/engine/headless.ts';
import { stateName } from '../../src/engine/machine.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryFiles } from '../helpers.ts';
import { entries, runToEnd, shipped } from './helpers.ts';

const TEXT = [
  'id: stuck',
  'title: Stuck',
  'summary: Two parties played by people who never accept, and a bot mediator.',
  'date: 2025-01-01',
  'issues:',
  '  - { id: a, label: A, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: x }',
  'actors:',
  '  - { id: m, name: M, preferences: { a: { weight: 1, values: { x: 1, y: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: p, name: P, strategy: { kind: human }, preferences: { a: { weight: 1, values: { x: 1, y: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: q, name: Q, strategy: { kind: human }, preferences: { a: { weight: 1, values: { y: 1, x: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  'protocol: { kind: mediated-single-text, mediator: m, parties: [p, q], maxRounds: 10 }',
].join('\n');

function stuck(): Scenario {
  return loadScenarioFile('/mem/stuck.yaml', memoryFiles({ '/mem/stuck.yaml': TEXT }));
}

const noes: SuppliedMove[] = Array.from({ length: 10 }, () => [
  { actor: 'p', move: { type: 'reject' } } as const,
  { actor: 'q', move: { type: 'reject' } } as const,
]).flat();

const withPatience = (patience: number) => ({ strategies: { m: { kind: 'linear', params: { patience } } } });

describe('the mediator’s patience', () => {
  it.each([1, 2, 3, 5])('should walk out after %i rounds without progress', (k) => {
    const run = runToEnd(stuck(), withPatience(k), { moves: noes });
    expect(stateName(run.snapshot)).toBe('collapsed');
    const t = run.snapshot.context.transcript;
    // round 1 sets the record; rounds 2 … k + 1 bring nothing new
    expect(run.snapshot.context.round).toBe(k + 1);
    expect(entries(t, 'walk-out')).toEqual([
      expect.objectContaining({ actor: 'm', cause: 'strategy', stalled: k, round: k + 1, phase: 'tallying' }),
    ]);
    expect(t.at(-1)).toMatchObject({
      kind: 'collapsed',
      actors: ['m'],
      blame: [{ actor: 'm', count: 1, holdouts: [], walkOut: k + 1 }],
    });
  });

  it('should never walk out without patience, nor when the clock ends the talks first', () => {
    const never = runToEnd(stuck(), {}, { moves: noes });
    expect(stateName(never.snapshot)).toBe('stalemate');
    expect(entries(never.snapshot.context.transcript, 'walk-out')).toEqual([]);
    const late = runToEnd(stuck(), withPatience(9), { moves: noes });
    expect(stateName(late.snapshot)).toBe('stalemate');
  });

  it('should reset its count on progress: a round where more parties accept than ever', () => {
    const moves: SuppliedMove[] = [
      ...noes.slice(0, 4), // rounds 1, 2: nothing
      { actor: 'p', move: { type: 'accept' } }, // round 3: one accepts, a new best
      { actor: 'q', move: { type: 'reject' } },
      ...noes,
    ];
    const run = runToEnd(stuck(), withPatience(2), { moves });
    expect(stateName(run.snapshot)).toBe('collapsed');
    expect(run.snapshot.context.round).toBe(5);
  });

  it('should give the same transcript for the same seed', () => {
    const s = shipped('ukraine-peace');
    const options = { seed: 3, strategies: { us: { kind: 'linear', params: { patience: 2 } } } };
    const a = runToEnd(s, options);
    const b = runToEnd(s, options);
    expect(JSON.stringify(a.snapshot.context.transcript)).toBe(JSON.stringify(b.snapshot.context.transcript));
  });

  it('should refuse a patience that is not a whole number of rounds ≥ 1', () => {
    for (const patience of [0, -1, 1.5])
      expect(() => resolveOptions(stuck(), withPatience(patience))).toThrow(
        /^the strategy of m: patience \(rounds without progress before it leaves\) must be a whole number from 1 to 1000, not /,
      );
  });
});
