// Neutrality of the mediated single text: the order a scenario happens to list its parties in decides nothing.
// The mediator takes up the actors that rejected by how badly the text serves them (mediator.ts, hearingOrder),
// not by their place in `protocol.parties`; so listing the parties the other way round changes only the order the
// answers are written in. (In alternating offers the list order is the protocol itself: who proposes when.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { runOutcome } from '../../src/engine/game.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { arbScenario } from '../analysis/arbitraries.ts';
import { BOTS, botOptions, mediatedBy } from './arb-run.ts';
import { runToEnd, shipped } from './helpers.ts';

const reversedParties = (s: Scenario): Scenario => ({
  ...s,
  protocol: { ...s.protocol, parties: [...s.protocol.parties].reverse() },
});

/** A list of actor ids, or of entries about actors, in one order whatever order they answered in. */
function byActor(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const key = (x: unknown) => (typeof x === 'string' ? x : String((x as { actor: unknown }).actor));
  if (v.every((x) => typeof x === 'string' || (typeof x === 'object' && x !== null && 'actor' in x)))
    return [...v].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return v;
}

/** What a run did, without the order its answers were written in (their place in the transcript, `seq`, and the
 * order of lists of actors): every text put on the table, and how it ended. */
function course(transcript: readonly TranscriptEntry[]) {
  const unplaced = (x: unknown) =>
    JSON.parse(JSON.stringify(x, (k, v) => (k === 'seq' ? undefined : byActor(v))));
  return unplaced({
    moves: transcript.filter((e) => e.kind === 'tabled' || e.kind === 'revised'),
    outcome: runOutcome(transcript),
  });
}

describe('the order of the parties in a mediated single text', () => {
  it('should change neither the texts tabled nor the outcome when the parties are listed the other way round', () => {
    fc.assert(
      fc.property(
        arbScenario({ maxIssues: 4, maxPackages: 300 }),
        fc.array(fc.constantFrom(...BOTS), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 8 }),
        (scenario, kinds, seed, maxRounds) => {
          const mediator = scenario.actors.find((a) => !scenario.protocol.parties.includes(a.index));
          fc.pre(mediator !== undefined && scenario.protocol.parties.length >= 2);
          const s = mediatedBy(scenario, mediator!.index);
          // no noise: a noisy answer draws from the run's generator in the order the actors answer
          const options = botOptions(s, seed, maxRounds, (_, k) => ({ kind: kinds[k]!, params: {} }));
          const a = runToEnd(s, options);
          const b = runToEnd(reversedParties(s), options);
          expect(course(b.snapshot.context.transcript)).toEqual(course(a.snapshot.context.transcript));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should run ukraine-peace to the same texts with Ukraine listed before Russia', () => {
    const s = shipped('ukraine-peace');
    expect(s.protocol.parties.map((p) => s.actors[p]!.id)).toEqual(['russia', 'ukraine']);
    const a = runToEnd(s);
    const b = runToEnd(reversedParties(s));
    expect(course(b.snapshot.context.transcript)).toEqual(course(a.snapshot.context.transcript));
  });
});
