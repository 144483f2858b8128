// `--prior record`: every draw reproduces every recorded reaction it is conditioned on; a draw is a pure function
// of (scenario, seed, draw index); and the draws are spread like rejection sampling from the scenario's ranges.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import {
  drawFromRecord,
  drawUnknowns,
  type RecordPrior,
  recordPrior,
  reproducesRecord,
} from '../../src/analysis/record-prior.ts';
import { drawScenario } from '../../src/analysis/sweep.ts';
import { verdictOf } from '../../src/domain/evaluate.ts';
import { createRng } from '../../src/domain/rng.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { arbRecordScenario } from './record-arbitraries.ts';

let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

const bytes = (prior: RecordPrior, seed: number, k: number) =>
  JSON.stringify(drawUnknowns(prior, seed, k).map((x) => (x ? [...x] : null)));

describe('the record prior', () => {
  it('should draw only preferences that reproduce the record, the same bytes for the same seed and index', () => {
    fc.assert(
      fc.property(arbRecordScenario, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s, seed) => {
        const prior = recordPrior(lp, s);
        const draws = Array.from({ length: 30 }, (_, k) => drawFromRecord(s, prior, seed, k));
        for (const d of draws) expect(reproducesRecord(d, prior)).toBe(true);
        // the record prior reproduces every reaction calibrate keeps, by the domain's verdicts
        for (const id of prior.reactions) {
          const e = s.record.find((r) => r.id === id)!;
          const pkg = s.documents.find((d) => d.id === e.document)!.package;
          for (const d of draws)
            expect(verdictOf(d, d.actors[e.actor]!, pkg).accepts).toBe(e.reaction === 'accept');
        }
        // draw k alone, later, in another order: the same bytes
        expect(bytes(prior, seed, 17)).toBe(bytes(recordPrior(lp, s), seed, 17));
        expect(bytes(prior, seed, 3)).toBe(bytes(prior, seed, 3));
        expect(bytes(prior, seed, 3)).not.toBe(bytes(prior, seed, 4));
      }),
      { seed: 20261108, numRuns: 60 },
    );
  });

  it('should spread its draws like rejection sampling from the ranges', () => {
    // one actor, two ranged weights and a ranged reservation; it accepted one text and rejected another
    const input: ScenarioInput = {
      id: 'prior',
      title: 'Prior',
      summary: 'a two-issue check of the record prior',
      date: '2025-01-01',
      sources: [{ id: 'src', title: 'A source' }],
      issues: ['x', 'y'].map((id) => ({
        id,
        label: id,
        options: [
          { id: 'lo', label: 'low' },
          { id: 'hi', label: 'high' },
        ],
        statusQuo: 'lo',
      })),
      actors: ['a', 'b'].map((id) => ({
        id,
        name: id,
        preferences: {
          x: { weight: 2, weightRange: [1, 4], values: { lo: 0, hi: 1 }, rationale: 'test' },
          y: { weight: 2, weightRange: [1, 4], values: { lo: 0.2, hi: 0.9 }, rationale: 'test' },
        },
        reservation: { value: 0.5, range: [0.3, 0.8], rationale: 'test' },
      })),
      documents: [
        { id: 'p', title: 'P', date: '2025-01-01', tabledBy: 'a', terms: { x: 'hi', y: 'lo' } },
        { id: 'q', title: 'Q', date: '2025-01-01', tabledBy: 'a', terms: { x: 'lo', y: 'hi' } },
      ],
      record: [
        {
          id: 'acc',
          actor: 'a',
          document: 'p',
          reaction: 'accept',
          date: '2025-01-01',
          basis: 'stated',
          statement: 't',
          sources: ['src'],
        },
        {
          id: 'rej',
          actor: 'a',
          document: 'q',
          reaction: 'reject',
          date: '2025-01-01',
          basis: 'stated',
          statement: 't',
          sources: ['src'],
        },
      ],
      rules: [],
      events: [],
      protocol: { kind: 'alternating-offers', parties: ['a', 'b'], maxRounds: 5 },
    };
    const s: Scenario = compileScenario(input);
    const prior = recordPrior(lp, s);
    const mean = (xs: number[][]) => xs[0]!.map((_, i) => xs.reduce((t, x) => t + x[i]!, 0) / xs.length);
    const fromPrior = Array.from({ length: 3000 }, (_, k) => [...drawUnknowns(prior, 5, k)[0]!]);
    // rejection sampling: the sweep's box draws, kept when they reproduce both reactions
    const rng = createRng(9);
    const kept: number[][] = [];
    while (kept.length < 3000) {
      const d = drawScenario(s, rng).actors[0]!;
      const fits =
        verdictOf(s, d, s.documents[0]!.package).accepts && !verdictOf(s, d, s.documents[1]!.package).accepts;
      if (fits) kept.push([d.preferences[0]!.rawWeight, d.preferences[1]!.rawWeight, d.reservation.value]);
    }
    const [a, b] = [mean(fromPrior), mean(kept)];
    // within 3% of each range (about five standard errors of the difference of the means)
    expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(0.09);
    expect(Math.abs(a[1]! - b[1]!)).toBeLessThan(0.09);
    expect(Math.abs(a[2]! - b[2]!)).toBeLessThan(0.015);
    // the unconstrained actor is drawn from its box: its means sit in the middle of the ranges
    const free = mean(Array.from({ length: 3000 }, (_, k) => [...drawUnknowns(prior, 5, k)[1]!]));
    expect(Math.abs(free[0]! - 2.5)).toBeLessThan(0.09);
    expect(Math.abs(free[2]! - 0.55)).toBeLessThan(0.015);
  });
});
