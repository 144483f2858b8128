// Random whole runs for properties: a small random scenario, sometimes a mediated single text, random bot
// strategies (with or without noise), a random seed and round limit.
import fc from 'fast-check';
import type { Scenario, StrategyKind } from '../../src/domain/types.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

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
    const s: Scenario = mediated
      ? {
          ...scenario,
          protocol: { ...scenario.protocol, kind: 'mediated-single-text', mediator: mediator.index },
        }
      : scenario;
    const options: RunOptions = {
      seed,
      maxRounds,
      strategies: Object.fromEntries(
        s.actors.map((a, k) => [
          a.id,
          { kind: kinds[k]!, params: (noise ? { noise } : {}) as Record<string, number> },
        ]),
      ),
    };
    return { scenario: s, options };
  });
