// A mediator keeps the text when every change it could make would undo one of its own or table a text again, and
// nothing new has come since (engine/memory.ts): no event, inject or walk-out, and no actor answering the same text
// another way. A drift of the values of no deal is not new information to it — and blame-and-pressure drifts
// Russia's every round, in the same round as the kept text. So the words name what counts, and never say that
// "nothing has happened" after a drift the run has just told. Read off the transcripts of the shipped runs.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

type Revised = Extract<TranscriptEntry, { kind: 'revised' }>;

describe('a mediator that keeps the text with nothing new to offer', () => {
  it('should name what counts as new, and not deny a drift told in the same round, on every shipped run', () => {
    let kept = 0;
    let drifted = 0;
    for (const id of shippedIds()) {
      const s = openScenario(id);
      const transcript = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
      const voices = [new Narration(s), new Narration(s, { voice: 'report' })];
      transcript.forEach((e, k) => {
        if (e.kind !== 'revised' || !(e as Revised).nothingNew) return;
        kept++;
        // since the mediator last moved a term: no event, inject or walk-out (what the words say)
        const lastMove = transcript.findLastIndex(
          (x, j) => j < k && x.kind === 'revised' && x.changes.length > 0,
        );
        const between = transcript.slice(lastMove + 1, k);
        expect(
          between.some((x) => x.kind === 'inject' || x.kind === 'walk-out'),
          `${id} round ${e.round}`,
        ).toBe(false);
        const drift = transcript.some((x, j) => j < k && x.round === e.round && x.kind === 'drift');
        if (drift) drifted++;
        for (const n of voices) {
          const said = n.entry(e, transcript.slice(0, k)).map(lineText).join(' ');
          expect(said).toContain('no event, inject or walk-out');
          if (drift) expect(said, `${id} round ${e.round}`).not.toMatch(/nothing has happened/);
        }
      });
    }
    // the shipped runs keep texts so, and blame-and-pressure in rounds whose values of no deal drifted
    expect(kept).toBeGreaterThan(0);
    expect(drifted).toBeGreaterThan(0);
  });
});
