// The debrief questions say what happened in the run: the rounds an actor answered, and whether the text it came
// round on was a different text at all. Expected words come from the report's own data (verdicts, moved terms).
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { readRounds } from './read-rounds.ts';

// divide-the-surplus: B answers every second round of a long run, and rejects each
const CASES = ['tutorial-bilateral', '28-point-path', 'istanbul-2022', 'divide-the-surplus'];

function reportOf(id: string) {
  const s = openScenario(id);
  const { snapshot } = runHeadless(s, { seed: 1 });
  return afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, { seed: 1 }) });
}

describe('debrief questions', () => {
  for (const id of CASES)
    it(`should name the rounds answered and what changed before an actor came round (${id})`, () => {
      const r = reportOf(id);
      let cameRound = 0;
      let everySecondLists = 0;
      for (const a of r.actors) {
        const vs = r.timeline.flatMap((t) =>
          t.entries.flatMap((e) => (e.kind === 'verdict' && e.actor === a.id ? [e] : [])),
        );
        if (vs.length < 2) continue;
        const asked = r.debrief.find((q) => q.startsWith(`${a.name} `)) ?? '';
        if (vs.every((v) => !v.accepts)) {
          const rounds = vs.map((v) => v.round);
          expect(asked).toContain(`rejected every text it answered (round`);
          // exactly the rounds it answered, read back from the words: a span never covers a round it tabled in
          const named = asked.split('rejected every text it answered (')[1]!.split(')')[0]!;
          expect(readRounds(named), named).toEqual(rounds);
          // sixteen answers, one every second round, are not sixteen numbers in a sentence
          const everySecond = rounds.every((k, i) => i === 0 || k === rounds[i - 1]! + 2);
          if (everySecond && rounds.length >= 6) {
            expect(named.split(/, | and /).length, named).toBeLessThan(rounds.length);
            everySecondLists++;
          }
          continue;
        }
        const last = vs.findLastIndex((v) => !v.accepts);
        if (last < 0 || last === vs.length - 1 || !asked.includes('accepted')) continue;
        cameRound++;
        const before = vs[last]!;
        const from = vs[last + 1]!;
        const moved = r.timeline
          .filter((t) => t.round > before.round && t.round <= from.round)
          .flatMap((t) => t.moved.map((m) => m.label));
        if (moved.length === 0) {
          // the same text it rejected: the question must not ask which change of the text mattered
          expect(asked).not.toContain('which change mattered');
          expect(asked).toContain(`the text it rejected in round ${before.round}`);
          if (from.aspiration < before.aspiration)
            expect(asked).toContain(`${before.aspiration.toFixed(3)} to ${from.aspiration.toFixed(3)}`);
        } else {
          expect(asked).toContain('after the text changed on ');
          const named = asked.split('after the text changed on ')[1]!.split(':')[0]!;
          expect(moved.some((l) => named.includes(l))).toBe(true);
        }
      }
      if (id !== 'istanbul-2022') expect(cameRound).toBeGreaterThan(0);
      if (id === 'divide-the-surplus') expect(everySecondLists).toBeGreaterThan(0);
    });
});
