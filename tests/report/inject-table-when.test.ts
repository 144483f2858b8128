// A document an inject tables goes on the table at once while tabling, else at the next round (the machine's rule):
// the screen, the run and the report say which of the two it is, and the transcript bears it out.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { replay } from '../../src/engine/game.ts';
import { Narration } from '../../src/report/narration/narration.ts';

const s = openScenario('istanbul-2022');
const doc = s.documents.at(-1)!;
const table: NegotiationEvent = {
  type: 'INJECT',
  effect: { kind: 'table', document: doc.id },
  by: 'facilitator',
};
const STEP: NegotiationEvent = { type: 'STEP' };

describe('when an injected text goes on the table', () => {
  for (const [when, phase, inputs] of [
    ['while tabling', 'tabling', [STEP, STEP, STEP, STEP, table, STEP]],
    ['after the verdicts', 'responding', [STEP, STEP, table, STEP, STEP]],
    [
      'while paused after the tally',
      'paused',
      [STEP, STEP, STEP, { type: 'PAUSE' }, table, { type: 'RESUME' }, STEP],
    ],
  ] as const)
    it(`should say when, ${when}`, () => {
      const transcript = replay(s, { seed: 1 }, inputs).snapshot.context.transcript;
      const at = transcript.findIndex((e) => e.kind === 'inject');
      const fired = transcript[at]!;
      expect(fired.phase).toBe(phase);
      const next = transcript.slice(at + 1).find((e) => e.kind === 'tabled' && e.document === doc.id);
      expect(next).toBeDefined();
      const now = next!.round === fired.round;
      expect(now).toBe(fired.phase === 'tabling');
      for (const voice of ['screen', 'run'] as const) {
        const text = new Narration(s, { voice })
          .entry(fired)
          .flatMap((l) => l.spans.map((x) => x.text))
          .join('');
        expect(text).toContain(now ? 'goes on the table now' : 'next round');
        expect(text).not.toContain(now ? 'next round' : 'goes on the table now');
      }
      // the report: "goes on the table", and when it waits, "at the next round"
      const report = new Narration(s, { voice: 'report' })
        .entry(fired)
        .flatMap((l) => l.spans.map((x) => x.text))
        .join('');
      expect(report.includes('goes on the table at the next round')).toBe(!now);
    });
});
