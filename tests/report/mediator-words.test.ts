// A mediator stands by a text that keeps its red lines and is worth no less than no deal to it (the engine's test,
// domain/evaluate.ts). Its verdict's words compare the two as the numbers do: "more than no deal" only when the text
// is worth more, "as much as no deal" at equality — read off each verdict of the shipped mediated runs, as they are
// and with the value of no deal raised to the text's worth, where the engine still accepts.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;
const EPS = 1e-12;

/** The comparison with no deal that a verdict's numbers make. */
const expected = (v: Verdict) =>
  v.utility > v.reservation + EPS ? 'more than no deal' : 'as much as no deal';

describe("a mediator's verdict against no deal", () => {
  const mediated = shippedIds().filter((id) => openScenario(id).protocol.kind === 'mediated-single-text');

  it('should be said as the numbers compare, with the text worth more and worth exactly its value of no deal', () => {
    let read = 0;
    for (const id of mediated) {
      const s = openScenario(id);
      const { snapshot } = runHeadless(s, { seed: 1 });
      const mediator = snapshot.context.transcript.filter(
        (e): e is Verdict =>
          e.kind === 'verdict' && e.strategy === 'mediator' && (e.accepts || e.violations.length > 0),
      );
      const voices = [new Narration(s), new Narration(s, { voice: 'report' })];
      for (const v of mediator) {
        for (const w of [v, { ...v, reservation: v.utility }]) {
          const words = voices.map((n) => n.entry(w).map(lineText).join(' '));
          for (const said of words) {
            if (!/no deal/.test(said)) continue;
            read++;
            expect(said, `${id} round ${w.round}`).toContain(expected(w));
          }
        }
      }
    }
    expect(read).toBeGreaterThan(0);
  });
});
