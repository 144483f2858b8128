// The debrief question on an actor that rejected every text names its most frequent red line, and then "otherwise
// because …" the other reasons. Those reasons must be the verdicts' own: a text worth less to the actor than no
// deal is not one that "fell short of what it held out for". Read back against the verdicts (the run's --json).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { type RunOptions, resolveOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { readRounds } from './read-rounds.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;
const FC_SEED = 20261205;

/** Each verdict's reason, read afresh from its numbers. */
function reasonOf(v: Verdict): string {
  if (v.absent) return 'it had walked out';
  if (v.violations.length) return 'the text crossed another of its red lines';
  if (v.human) return "of a person's choice";
  return v.utility < v.reservation - 1e-9
    ? 'the text was worth less to it than no deal'
    : 'the text fell short of what it held out for';
}

/** The errors of every "otherwise because" clause of a run's debrief, against the verdicts. */
function otherwiseErrors(id: string, options: RunOptions): string[] {
  const s = openScenario(id);
  const { snapshot } = runHeadless(s, options);
  const r = afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, options) });
  const errors: string[] = [];
  for (const q of r.debrief) {
    const m = q.match(
      /^(.+?) rejected every text it answered \(.+?\): \d+ of \d+ times because of its red line "(.+?)", otherwise because (.+)\. Which/,
    );
    if (!m) continue;
    const actor = s.actors.find((a) => a.name === m[1])!.id;
    const top = m[2]!;
    const rest = snapshot.context.transcript.filter(
      (e): e is Verdict =>
        e.kind === 'verdict' &&
        e.actor === actor &&
        !e.violations.some((c) => c.text.replace(/\.\s*$/, '') === top),
    );
    // "A (rounds 1 and 11) or B (rounds 10 and 12)": each reason with the rounds it names
    const said = new Map<number, string>();
    for (const part of m[3]!.matchAll(/(?:^|, | or )(.+?) \((rounds? [^)]+)\)/g))
      for (const round of readRounds(part[2]!)) said.set(round, part[1]!);
    for (const v of rest)
      if (said.get(v.round) !== reasonOf(v))
        errors.push(
          `${id}: round ${v.round}: says "${said.get(v.round)}", the verdict says "${reasonOf(v)}" — ${q}`,
        );
    if (said.size !== rest.length)
      errors.push(`${id}: names ${said.size} rounds for ${rest.length} verdicts — ${q}`);
  }
  return errors;
}

describe('the other reasons of an actor that rejected every text', () => {
  it("should be its verdicts' own in the default Russia–Ukraine run (below no deal is not holding out)", () => {
    expect(otherwiseErrors('ukraine-peace', { seed: 1 })).toEqual([]);
  });

  it("should be its verdicts' own over scenarios, seeds and strategies (property)", () => {
    const kinds = ['boulware', 'linear', 'conceder', 'hardliner'];
    fc.assert(
      fc.property(
        fc.constantFrom('istanbul-2022', 'june-2024-terms', 'tutorial-bilateral', '28-point-path'),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(...kinds),
        fc.constantFrom(...kinds),
        (id, seed, a, b) => {
          const s = openScenario(id);
          const [p, q] = s.protocol.parties.map((k) => s.actors[k]!.id);
          const options: RunOptions = { seed, strategies: { [p!]: { kind: a }, [q!]: { kind: b } } };
          expect(otherwiseErrors(id, options)).toEqual([]);
        },
      ),
      { seed: FC_SEED, numRuns: 16 },
    );
  });
});
