// run's header and show list the hypotheses every run of the scenario has on — the drifts of the values of no deal
// and the events acting on an actor — as outcomes does. Expected words come from the scenario.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { hypothesesOnWords } from '../../src/report/hypotheses-words.ts';
import { possessive } from '../../src/report/words.ts';

async function cli(argv: string[]): Promise<string> {
  const io = memoryIo();
  expect(await run(argv, io)).toBe(0);
  return io.stdout().replace(/\s+/g, ' ');
}

describe('the hypotheses a run has on, in run and show', () => {
  for (const id of ['blame-and-pressure', 'divide-the-surplus'])
    it(`should list the drifts and the events acting on an actor as outcomes does (${id})`, async () => {
      const s = openScenario(id);
      const words = hypothesesOnWords(s);
      const drifts = s.actors.filter((a) => a.reservation.drift !== 0).length;
      const blame = s.events.filter((e) => 'blame' in e.trigger).length;
      // blame-and-pressure: both parties' drifts and a blame event for each; divide-the-surplus: none
      expect(words === null).toBe(drifts + blame === 0);
      const runText = await cli(['run', id]);
      const header = runText.slice(0, runText.indexOf('Round 1'));
      const show = await cli(['show', id]);
      if (words === null) {
        expect(header).not.toContain('hypotheses the scenario turns on');
        expect(show).not.toContain('Hypotheses the scenario turns on');
        return;
      }
      expect(drifts).toBeGreaterThan(0);
      expect(blame).toBeGreaterThan(0);
      const flat = words.replace(/\s+/g, ' ');
      expect(header).toContain(flat);
      expect(show).toContain(`H${flat.slice(1)}.`);
      for (const a of s.actors.filter((x) => x.reservation.drift !== 0))
        expect(show).toContain(`${possessive(nameInSentence(a))} value of no deal`);
    });

  it('should name an actor as a sentence does, whatever its drift or blame', () => {
    const s = openScenario('ukraine-peace');
    const us = s.actors.findIndex((a) => a.id === 'us');
    const drifting = {
      ...s,
      actors: s.actors.map((a, k) =>
        k === us ? { ...a, reservation: { ...a.reservation, drift: 0.01 } } : a,
      ),
    };
    const words = hypothesesOnWords(drifting) ?? '';
    expect(words).toContain(`${possessive(nameInSentence(s.actors[us]!))} value of no deal +0.010 a round`);
    expect(nameInSentence(s.actors[us]!)).not.toBe(s.actors[us]!.name);
  });
});
