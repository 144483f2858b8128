// A drift of the values of no deal is a hypothesis (blame-and-pressure: for each side, commentary claims time is on
// its side; the tutorial: North grows more willing). Wherever the run, the play screen and the report tell the
// drift, each actor's move carries the basis the scenario gives its drift — read here from the scenario, for every
// shipped scenario whose run drifts — as an event's line carries its own.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

type Drift = Extract<TranscriptEntry, { kind: 'drift' }>;

describe('a drift told in words', () => {
  const drifting = shippedIds().filter((id) =>
    openScenario(id).actors.some((a) => a.reservation.drift !== 0),
  );

  it('is found in the shipped scenarios that claim it', () => {
    expect(drifting).toEqual(expect.arrayContaining(['blame-and-pressure', 'tutorial-bilateral']));
  });

  for (const id of drifting)
    it(`should mark each actor's drift with the scenario's basis on ${id}`, () => {
      const s = openScenario(id);
      const drifts = runHeadless(s, { seed: 1 }).snapshot.context.transcript.filter(
        (e): e is Drift => e.kind === 'drift',
      );
      expect(drifts.length).toBeGreaterThan(0);
      const voices = [
        new Narration(s),
        new Narration(s, { voice: 'report' }),
        new Narration(s, { voice: 'screen' }),
      ];
      for (const e of drifts)
        for (const n of voices) {
          const words = n.entry(e).map(lineText).join('\n');
          for (const c of e.changes) {
            const a = s.actors[s.actorIndex.get(c.actor)!]!;
            // a drift given as a bare number is the modeller's assumption (docs/scenario-format.md)
            const b = a.reservation.driftHypothesis?.basis ?? 'assumption';
            const move = `${a.name} ${c.from.toFixed(3)} → ${c.to.toFixed(3)}`;
            if (b === 'stated') expect(words).toContain(move);
            else expect(words, words).toContain(`${move} [${b}]`);
          }
        }
    });
});
