// A tabled document is answered by every actor whose consent it needs, the one that tabled it too. When that actor
// rejects it, the words say it is the text it tabled — and only then: while the text on the table is that document
// as tabled (its `tabled` entry is the last text of the transcript before the verdict, with the actor as `by`).
// Checked against the transcript of every shipped scenario, in every voice.
import { describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';
import { shipped } from '../engine/helpers.ts';

const TEXTS = new Set<TranscriptEntry['kind']>(['tabled', 'proposal', 'revised']);

/** The actor that tabled the text a verdict answers, if that text is a tabled document as tabled; else null. */
function tabledBy(before: readonly TranscriptEntry[]): string | null {
  const last = before.findLast((e) => TEXTS.has(e.kind));
  return last?.kind === 'tabled' ? last.by : null;
}

describe('an actor rejecting a document it tabled', () => {
  it('should be said in every voice exactly when the text on the table is its own document as tabled', () => {
    let said = 0;
    for (const id of shippedIds()) {
      const s = shipped(id);
      const transcript = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
      const voices = [
        new Narration(s),
        new Narration(s, { voice: 'report' }),
        new Narration(s, { voice: 'screen' }),
        new Narration(s, { voice: 'screen', public: true }),
      ];
      transcript.forEach((e, k) => {
        if (e.kind !== 'verdict') return;
        const before = transcript.slice(0, k);
        const own = !e.accepts && !e.absent && tabledBy(before) === e.actor;
        if (own) said++;
        for (const n of voices) {
          const words = n.entry(e, before).map(lineText).join(' ');
          expect(words.includes('the text it tabled'), `${id} #${k} ${e.actor}: ${words}`).toBe(own);
          // without the transcript before it, nothing is claimed
          expect(n.entry(e).map(lineText).join(' ')).not.toContain('the text it tabled');
        }
      });
    }
    // the case occurs on the shipped scenarios (Russia's own Istanbul draft in istanbul-2022, round 1, among them)
    expect(said).toBeGreaterThan(0);
  });
});
