// Under alternating offers the order of the parties is the protocol: who proposes when. The run's heading says it
// in words; these tests hold those words to what the engine then does, round by round.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { protocolWords } from '../../src/report/words.ts';
import { arbScenario } from '../analysis/arbitraries.ts';
import { runToEnd, shipped } from '../engine/helpers.ts';

/** The rounds the words give each actor name: "A proposes in round 2, B in round 3" → [[A, 2], [B, 3]]. */
function saidTurns(words: string): [string, number][] {
  return [...words.matchAll(/(?:: |, )([^,:]+?) (?:proposes )?in round (\d+)/g)].map((m) => [
    m[1]!,
    Number(m[2]),
  ]);
}

describe('who proposes when, in words', () => {
  it('should name, for each round it mentions, the party the engine lets propose in that round', () => {
    fc.assert(
      fc.property(
        arbScenario({ maxIssues: 3, maxPackages: 100 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (generated, withOpening, maxRounds) => {
          const s: Scenario = {
            ...generated,
            events: [],
            protocol: {
              ...generated.protocol,
              kind: 'alternating-offers',
              opening: withOpening ? generated.documents[0]?.id : undefined,
            },
          };
          const words = protocolWords(s, false, maxRounds);
          const turns = saidTurns(words);
          const { snapshot } = runToEnd(s, { maxRounds, seed: 1 });
          const proposals = snapshot.context.transcript.flatMap((e) => (e.kind === 'proposal' ? [e] : []));
          // every proposal the run made in a round the words name was made by the party they name (a round the
          // talks did not reach proposes nothing: the words state the rule)
          for (const [name, round] of turns) {
            const made = proposals.find((p) => p.round === round);
            if (made) expect(s.actors.find((a) => a.id === made.actor)!.name).toBe(name);
          }
          // one turn named per party, from the first round a party proposes in, as far as the rounds go
          const first = s.protocol.opening ? 2 : 1;
          expect(turns.map(([, round]) => round)).toEqual(
            Array.from(
              { length: Math.max(0, Math.min(s.protocol.parties.length, maxRounds - first + 1)) },
              (_, k) => first + k,
            ),
          );
          if (turns.length) expect(words.includes('round 1 holds the opening text')).toBe(first === 2);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("should say the tutorial's turns: South proposes first, after North's opening text", () => {
    expect(protocolWords(shipped('tutorial-bilateral'), false, 12)).toBe(
      "alternating offers: South (stylised Ukraine) proposes in round 2, North (stylised Russia) in round 3, and so on (turns in the order of the scenario's parties; round 1 holds the opening text)",
    );
    expect(protocolWords(shipped('tutorial-bilateral'), false, 2)).toBe(
      "alternating offers: South (stylised Ukraine) proposes in round 2 (turns in the order of the scenario's parties; round 1 holds the opening text)",
    );
    expect(protocolWords(shipped('tutorial-bilateral'), true)).toBe(
      'alternating offers, South (stylised Ukraine) proposes first, after the opening text',
    );
  });
});
