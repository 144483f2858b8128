// The words beside the engine's blame count are true of the run's numbers and single out no side. Under
// alternating offers only one actor answers each proposal, so each of its rejections counts it the lone holdout:
// the counts then differ by how many texts each side answered. The run and the report say so for every side
// (checked against the verdicts and tallies of the transcript, i.e. the run's --json), and the debrief asks about
// every actor that stood alone more than once, not only the one that did so most.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { type RunOptions, resolveOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { holdoutWhy } from '../../src/report/holdout-why.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';
import { readRounds } from './read-rounds.ts';

const FC_SEED = 20261205;

/** Per actor, the rounds in which it was the only actor giving an answer (read afresh: one text a round). */
function answeredAlone(transcript: readonly TranscriptEntry[]): Map<string, number[]> {
  const byRound = new Map<number, string[]>();
  for (const e of transcript)
    if (e.kind === 'verdict' || (e.kind === 'walk-out' && e.round > 0))
      byRound.set(e.round, [...(byRound.get(e.round) ?? []), e.actor]);
  const out = new Map<string, number[]>();
  for (const [round, actors] of byRound)
    if (actors.length === 1) out.set(actors[0]!, [...(out.get(actors[0]!) ?? []), round]);
  return out;
}

function outcomeText(id: string, options: RunOptions): { text: string; transcript: TranscriptEntry[] } {
  const s = openScenario(id);
  const { snapshot } = runHeadless(s, options);
  const transcript = [...snapshot.context.transcript];
  const text = new Narration(s).outcome(transcript, null).map(lineText).join(' ');
  return { text, transcript };
}

// the small scenarios, the two-party ones and one mediated one; ukraine-peace's runs are the slowest
const SCENARIOS = [
  'istanbul-2022',
  'june-2024-terms',
  'tutorial-bilateral',
  'divide-the-surplus',
  '28-point-path',
];
const KINDS = ['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat'];

describe('the words beside the blame count', () => {
  it('should give, for every side, the texts it answered alone and how many were counted (property)', () => {
    expect(shippedIds()).toEqual(expect.arrayContaining(SCENARIOS));
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.tuple(fc.constantFrom(...KINDS), fc.constantFrom(...KINDS)), { nil: undefined }),
        (id, seed, kinds) => {
          const s = openScenario(id);
          const parties = s.protocol.parties.map((p) => s.actors[p]!.id);
          const strategies = kinds
            ? Object.fromEntries(parties.map((p, k) => [p, { kind: kinds[k % 2]! }]))
            : undefined;
          const { text, transcript } = outcomeText(id, { seed, ...(strategies ? { strategies } : {}) });
          const blame = runOutcome(transcript)?.blame ?? [];
          const alone = answeredAlone(transcript);
          const counted = (actor: string) =>
            (blame.find((b) => b.actor === actor)?.holdouts ?? []).filter((r) =>
              (alone.get(actor) ?? []).includes(r),
            ).length;
          const due = [...alone.keys()].some((a) => counted(a) > 0);
          expect(text.includes('answered alone') || text.includes('texts alone'), text).toBe(due);
          if (!due) return;
          // every side that answered alone is named with its own numbers, not only the one counted most
          for (const [actor, rounds] of alone) {
            const name = s.actors.find((a) => a.id === actor)!.name;
            const n = rounds.length;
            expect(text, text).toContain(
              `${name} answered ${n} text${n === 1 ? '' : 's'} alone, ${counted(actor)} of them counted`,
            );
          }
        },
      ),
      { seed: FC_SEED, numRuns: 24 },
    );
  });

  it('should give, for each actor counted, why it rejected in the rounds it stood alone, as its verdicts say (property)', () => {
    // the reasons read afresh from each verdict: its red lines, a person's choice, below no deal, or holding out
    const PHRASES = {
      red: /the text crossed (?:its red lines|one of its red lines)/,
      person: /a person's choice/,
      below: /the text was worth less to it than no deal/,
      holds: /the text was worth no less than no deal to it yet short of what it held out for/,
    };
    let told = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.tuple(fc.constantFrom(...KINDS), fc.constantFrom(...KINDS)), { nil: undefined }),
        (id, seed, kinds) => {
          const s = openScenario(id);
          const parties = s.protocol.parties.map((p) => s.actors[p]!.id);
          const strategies = kinds
            ? Object.fromEntries(parties.map((p, k) => [p, { kind: kinds[k % 2]! }]))
            : undefined;
          const { text, transcript } = outcomeText(id, { seed, ...(strategies ? { strategies } : {}) });
          for (const b of runOutcome(transcript)?.blame ?? []) {
            if (!b.holdouts.length) continue;
            const name = s.actors.find((a) => a.id === b.actor)!.name;
            const at = text.indexOf(`${name}: ${b.count} (lone holdout in `);
            expect(at, text).toBeGreaterThanOrEqual(0);
            const said = text.slice(at).split(')')[0]!.split('; walked out')[0]!;
            const why = said.slice(said.indexOf(': ', name.length + 2) + 2);
            const verdicts = b.holdouts.map(
              (r) =>
                transcript.findLast(
                  (e): e is Extract<TranscriptEntry, { kind: 'verdict' }> =>
                    e.kind === 'verdict' && e.actor === b.actor && e.round === r,
                )!,
            );
            const kinds = new Set<string>(
              verdicts.map((v) =>
                v.violations.length
                  ? 'red'
                  : v.human
                    ? 'person'
                    : v.utility < v.reservation - 1e-9
                      ? 'below'
                      : 'holds',
              ),
            );
            for (const [k, re] of Object.entries(PHRASES))
              expect(re.test(why), `${k} in "${why}"`).toBe(kinds.has(k));
            if (/one of its red lines/.test(why))
              expect(
                verdicts.filter((v) => v.violations.length).every((v) => v.violations.length === 1),
              ).toBe(true);
            told++;
          }
        },
      ),
      { seed: FC_SEED, numRuns: 24 },
    );
    expect(told).toBeGreaterThan(0);
  });

  it('should give each reason with its rounds when the reasons differ', () => {
    // a hand-made transcript: Russia stands alone on a red line (round 2), below no deal (round 3), holding out for
    // more (round 4); each verdict followed by its round's tally
    const verdict = (round: number, utility: number, violations: number) =>
      ({
        seq: round * 10,
        round,
        phase: 'responding',
        kind: 'verdict',
        actor: 'russia',
        accepts: false,
        utility,
        reservation: 0.5,
        aspiration: 0.8,
        strategy: 'linear',
        violations: Array.from({ length: violations }, (_, k) => ({
          redLine: `r${k}`,
          text: 't',
          sources: [],
        })),
        asks: [],
      }) as unknown as TranscriptEntry;
    const tally = (round: number) =>
      ({
        seq: round * 10 + 1,
        round,
        phase: 'tallying',
        kind: 'tally',
        agreement: false,
        required: ['russia', 'ukraine'],
        accepting: ['ukraine'],
        rejecting: ['russia'],
        ruleViolations: [],
        holdout: 'russia',
      }) as unknown as TranscriptEntry;
    const entries = [
      verdict(2, 0.7, 1),
      tally(2),
      verdict(3, 0.4, 0),
      tally(3),
      verdict(4, 0.6, 0),
      tally(4),
    ];
    expect(holdoutWhy(entries, { actor: 'russia', count: 3, holdouts: [2, 3, 4], walkOut: null })).toBe(
      'the text crossed one of its red lines in round 2, the text was worth less to it than no deal in round 3, the text was worth no less than no deal to it yet short of what it held out for in round 4',
    );
    expect(holdoutWhy(entries, { actor: 'russia', count: 2, holdouts: [3], walkOut: null })).toBe(
      'the text was worth less to it than no deal',
    );
  });

  it('should show on Istanbul 2022 that each party rejected every text it answered alone', () => {
    const { text } = outcomeText('istanbul-2022', { seed: 1 });
    // the count is 5 against 4 only because Russia answered one text more
    expect(text).toContain('Russia answered 5 texts alone, 5 of them counted');
    expect(text).toContain('Ukraine answered 4 texts alone, 4 of them counted');
  });
});

describe('the debrief question on the lone holdout', () => {
  for (const id of ['istanbul-2022', 'june-2024-terms', '28-point-path'])
    it(`should ask about every actor that stood alone more than once (${id})`, () => {
      const s = openScenario(id);
      const { snapshot } = runHeadless(s, { seed: 1 });
      const r = afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, { seed: 1 }) });
      const twice = r.holdouts.filter((h) => h.rounds.length >= 2);
      const q = r.debrief.find((x) => x.startsWith("By the engine's count")) ?? '';
      expect(q === '').toBe(twice.length === 0);
      for (const h of twice) {
        const name = s.actors.find((a) => a.id === h.actor)!.name;
        const rounds =
          q
            .split(`${name}`)[1]
            ?.split(/[;:]/)[0]
            ?.replace(/^ was the lone holdout/, '') ?? '';
        expect(readRounds(rounds.replace(/^ in /, '')), q).toEqual(h.rounds);
      }
      if (id === 'istanbul-2022') expect(twice.length).toBe(2);
    });
});
