// An event is a modelling choice like a red line: the scenario says what it rests on (stated, a reading of its
// sources, or the modeller's assumption). Wherever the run, the play screen's transcript and the report tell an
// event, its line carries that basis with its sources — read here from the scenario, for every event that fires on
// a shipped scenario (scheduled, blame-triggered, or injected at round 2). And the goodwill effect, which models one
// side's framing of a move (ukraine-peace's kyiv-drawdown: Moscow's, contested), is the model's category, not a fact
// the run asserts.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

type Inject = Extract<TranscriptEntry, { kind: 'inject' }>;

/** Every run of a shipped scenario that fires events: as it is, and with each manual event injected in round 2. */
function eventRuns(id: string) {
  const s = openScenario(id);
  const manual = s.events.filter((e) => 'manual' in e.trigger);
  const runs = [
    runHeadless(s, { seed: 1 }),
    ...manual.map((e) => runHeadless(s, { seed: 1 }, { injects: [{ event: e.id, round: 2 }] })),
  ];
  return {
    s,
    injects: runs.flatMap((r) =>
      r.snapshot.context.transcript.filter((e): e is Inject => e.kind === 'inject' && e.event !== undefined),
    ),
  };
}

describe('an event told in words', () => {
  for (const id of shippedIds())
    it(`should carry the scenario's basis of the event with its sources on ${id}`, () => {
      const { s, injects } = eventRuns(id);
      const voices = [
        new Narration(s),
        new Narration(s, { voice: 'report' }),
        new Narration(s, { voice: 'screen' }),
      ];
      // a scenario with manual or scheduled events fires some: the check reads them
      if (s.events.some((e) => !('blame' in e.trigger))) expect(injects.length).toBeGreaterThan(0);
      for (const e of injects) {
        const b = s.events.find((x) => x.id === e.event!.id)!.basis;
        // the transcript (run --json) carries the same basis the words say
        expect(e.event!.basis).toBe(b);
        const cited = e.event!.sources.length ? ` [${e.event!.sources.join(', ')}]` : '';
        for (const n of voices) {
          const first = lineText(n.entry(e)[0]!);
          if (b === 'stated')
            expect(first, `${e.event!.id}: ${first}`).not.toMatch(/ \[(reading|assumption)\]/);
          else expect(first, `${e.event!.id}: ${first}`).toContain(` [${b}]${cited}`);
        }
      }
    });

  it("should give the goodwill effect as the model's category, not as a finding, in the run, the report and the play screen", () => {
    const s = openScenario('ukraine-peace');
    const { snapshot } = runHeadless(s, { seed: 1 }, { injects: [{ event: 'kyiv-drawdown', round: 2 }] });
    const e = snapshot.context.transcript.find(
      (x): x is Inject => x.kind === 'inject' && x.effects.some((f) => f.kind === 'goodwill'),
    )!;
    const actor = s.actors.find((a) => a.id === e.effects.find((f) => f.kind === 'goodwill')!.actor)!.name;
    for (const n of [new Narration(s), new Narration(s, { voice: 'report' })]) {
      const words = n.entry(e).map(lineText).join('\n');
      expect(words).not.toContain(`${actor} makes a goodwill gesture`);
      expect(words).toContain(`${actor}'s gesture, which the model counts as goodwill`);
    }
    // the play screen's short words keep it the model's category too
    for (const n of [
      new Narration(s, { voice: 'screen' }),
      new Narration(s, { voice: 'screen', public: true }),
    ]) {
      const words = n.entry(e).map(lineText).join('\n');
      expect(words).not.toContain(`${actor} makes a goodwill gesture`);
      expect(words).toContain(`${actor}'s gesture, counted as goodwill`);
    }
  });
});
