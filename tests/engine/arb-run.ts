// Random whole runs for properties: a small random scenario, sometimes a mediated single text, random bot
// strategies (with or without noise), a random seed and round limit.
import fc from 'fast-check';
import type { Scenario, StrategyKind } from '../../src/domain/types.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

/** The scenario as a mediated single text, `mediator` (an actor index) holding the pen. */
export function mediatedBy(scenario: Scenario, mediator: number): Scenario {
  return { ...scenario, protocol: { ...scenario.protocol, kind: 'mediated-single-text', mediator } };
}

/** Run options with every actor's strategy chosen by `strategy` (from the actor and its place). */
export function botOptions(
  s: Scenario,
  seed: number,
  maxRounds: number,
  strategy: (
    actor: Scenario['actors'][number],
    k: number,
  ) => { kind: string; params: Record<string, number> },
): RunOptions {
  return { seed, maxRounds, strategies: Object.fromEntries(s.actors.map((a, k) => [a.id, strategy(a, k)])) };
}

export const BOTS: StrategyKind[] = ['boulware', 'linear', 'conceder', 'tit-for-tat', 'hardliner', 'zeuthen'];

/** A random small scenario, sometimes turned into a mediated single text, with random bot strategies. */
export const arbRun = fc
  .record({
    scenario: arbScenario({ maxIssues: 4, maxPackages: 300 }),
    mediated: fc.boolean(),
    kinds: fc.array(fc.constantFrom(...BOTS), { minLength: 4, maxLength: 4 }),
    noise: fc.constantFrom(0, 0, 0.05),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    maxRounds: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ scenario, mediated, kinds, noise, seed, maxRounds }) => {
    const mediator =
      scenario.actors.find((a) => !scenario.protocol.parties.includes(a.index)) ?? scenario.actors[0]!;
    const s = mediated ? mediatedBy(scenario, mediator.index) : scenario;
    const options = botOptions(s, seed, maxRounds, (_, k) => ({
      kind: kinds[k]!,
      params: (noise ? { noise } : {}) as Record<string, number>,
    }));
    return { scenario: s, options };
  });
