// Issue 8's first finding, as a property of every shipped scenario: each reason the narration states (the
// mediator's, each verdict's, the tally's) is true of the numbers of the run it tells, under several strategies
// and seeds.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { frozenRun, goldenScenario } from './golden/frozen.ts';
import { reasonErrors } from './reasons.ts';

/** Strategy mixes: the scenario's own, everyone conceding at a steady pace with noise, everyone holding out. */
function mixes(actors: readonly string[]): RunOptions['strategies'][] {
  const all = (kind: string, params?: Record<string, number>) =>
    Object.fromEntries(actors.map((a) => [a, { kind, ...(params ? { params } : {}) }]));
  return [undefined, all('linear', { noise: 0.05 }), all('boulware', { e: 0.3 }), all('conceder')];
}

describe('the reasons the narration states', () => {
  for (const id of shippedIds())
    it(`should be true of the numbers on ${id}, under several strategies and seeds`, () => {
      const s = openScenario(id);
      const errors: string[] = [];
      for (const strategies of mixes(s.actors.map((a) => a.id)))
        for (const seed of [1, 7]) {
          const options: RunOptions = { seed, ...(strategies ? { strategies } : {}) };
          const { snapshot } = runHeadless(s, options);
          for (const e of reasonErrors(s, snapshot.context.transcript))
            errors.push(`${JSON.stringify(strategies ?? 'default')} seed ${seed}: ${e}`);
        }
      expect(errors.slice(0, 12)).toEqual([]);
    });
});

describe('the reasons the narration states of people, injects and ad-hoc effects', () => {
  for (const c of GOLDEN_CASES)
    it(`should be true of the numbers of the frozen run ${c.name}`, () => {
      const s = goldenScenario(c.scenario);
      const people = Object.entries(c.options.strategies ?? {})
        .filter(([, x]) => x.kind === 'human')
        .map(([id]) => id);
      expect(reasonErrors(s, frozenRun(c.name).run.transcript, people)).toEqual([]);
    });
});
