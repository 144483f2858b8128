// The debrief question on a bot that accepted when its value of no deal had fallen must say what made it accept by
// its own numbers, as the came-round question does: the text it last rejected would have passed at the bar it accepted
// at (time alone), the text it accepted would have passed at the bar it rejected at (the text alone), either, or only
// both. Asked without that check, "how much did time, rather than the text, change its answer?" blamed time for an
// answer the text alone would have turned (tutorial-bilateral in 4 rounds: either would have done it). Read back
// against the report's numbers — the verdicts and the trajectories `report --json` gives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameAtStart } from '../../src/domain/actor-names.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { type RunOptions, resolveOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { n3 } from '../../src/report/format.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

const ACCEPTED = /^(.+?)(?:, which had also accepted in .+?,)? accepted (?:again )?from round (\d+)(.*)$/;
const EPS = 1e-9;
const FC_SEED = 20261207;

/** What decided it, read afresh from the two verdicts. */
function causeOf(rejected: Verdict, accepted: Verdict): 'time' | 'text' | 'either' | 'both' {
  if (accepted.aspiration >= rejected.aspiration - EPS) return 'text';
  const byText = accepted.utility >= rejected.aspiration - EPS;
  const byTime =
    !rejected.absent &&
    rejected.violations.length === 0 &&
    !rejected.wouldFail?.length &&
    rejected.utility >= accepted.aspiration - EPS;
  return byText ? (byTime ? 'either' : 'text') : byTime ? 'time' : 'both';
}

const WORDS = {
  time: /time alone decided it/,
  text: /the text decided it|what changed for it\?$/,
  either: /either alone would have done it|what changed for it\?$/,
  both: /it took both|what changed for it\?$/,
} as const;

/** What each cause claims, in the words no other uses. */
const CLAIMS = {
  time: 'time alone decided it',
  text: 'the text decided it',
  either: 'either alone would have done it',
  both: 'it took both',
} as const;

/** Every question on a bot whose value of no deal had fallen, with what its numbers say decided it. */
function noDealQuestions(id: string, options: RunOptions) {
  const s = openScenario(id);
  const { snapshot } = runHeadless(s, options);
  const r = afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, options) });
  const out: { question: string; cause: keyof typeof WORDS }[] = [];
  for (const q of r.debrief) {
    const m = q.match(ACCEPTED);
    if (!m || !/value of no deal had fallen/.test(m[3]!)) continue;
    const actor = s.actors.find((a) => nameAtStart(a) === m[1])!;
    const vs = snapshot.context.transcript.filter(
      (e): e is Verdict => e.kind === 'verdict' && e.actor === actor.id,
    );
    const i = vs.findLastIndex((v) => !v.accepts);
    const [rejected, accepted] = [vs[i]!, vs[i + 1]!];
    expect(accepted.round).toBe(Number(m[2]));
    // the fall it names is the trajectory's, round by round
    const noDeal = r.trajectories.find((t) => t.actor === actor.id)!.noDeal;
    expect(q).toContain(
      `fallen from ${n3(noDeal[rejected.round - 1]!)} to ${n3(noDeal[accepted.round - 1]!)}`,
    );
    // the worth it names is the verdicts'
    expect(q).toContain(n3(accepted.utility));
    out.push({ question: q, cause: causeOf(rejected, accepted) });
  }
  return out;
}

describe('the debrief question on a bot that accepted when its value of no deal had fallen', () => {
  it('should say either would have done it when both the text and time alone would (tutorial-bilateral, 4 rounds)', () => {
    const found = noDealQuestions('tutorial-bilateral', { seed: 1, maxRounds: 4 });
    expect(found.map((f) => f.cause)).toEqual(['either']);
    expect(found[0]!.question).toMatch(WORDS.either);
    expect(found[0]!.question).not.toMatch(/time, rather than the text/);
  });

  it('should say the text decided it when the text it rejected would not have passed even at the lower bar (boulware, 4 rounds)', () => {
    const found = noDealQuestions('tutorial-bilateral', {
      seed: 1,
      maxRounds: 4,
      strategies: { north: { kind: 'boulware' }, south: { kind: 'boulware' } },
    });
    expect(found.map((f) => f.cause)).toEqual(['text']);
    expect(found[0]!.question).toContain(CLAIMS.text);
  });

  it('should follow the numbers over strategies, rounds and seeds (property)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom('boulware', 'linear', 'conceder', 'tit-for-tat', 'zeuthen'),
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 1, max: 20 }),
        (kind, rounds, seed) => {
          const options: RunOptions = {
            seed,
            maxRounds: rounds,
            strategies: { north: { kind }, south: { kind } },
          };
          for (const f of noDealQuestions('tutorial-bilateral', options)) {
            seen.add(f.cause);
            expect(f.question, f.cause).toMatch(WORDS[f.cause]);
            // no other cause is claimed
            for (const [cause, words] of Object.entries(CLAIMS))
              if (cause !== f.cause) expect(f.question).not.toContain(words);
          }
        },
      ),
      { seed: FC_SEED, numRuns: 40 },
    );
    expect(seen.size).toBeGreaterThan(0);
  });
});
