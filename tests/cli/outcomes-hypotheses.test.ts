// outcomes says what its draws vary ("uncertain: …"); it also says what every run has on that is a hypothesis, not
// the record — blame-and-pressure's drifts (for each side, commentary claims time is on its side) and its
// blame-triggered US pressure, the tutorial's drift and inject — each with its basis, read here from the scenario.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { onByDefault } from '../../src/scenario/audit.ts';
import { cli } from '../helpers.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');
const mark = (b: string) => (b === 'stated' ? '' : ` [${b}]`);

describe('outcomes: the hypotheses every run has on', () => {
  for (const id of ['blame-and-pressure', 'tutorial-bilateral', 'ukraine-peace'])
    it(`should name each drift and each event a run fires by itself on an actor, with its basis: ${id}`, () => {
      const s = openScenario(id);
      const r = cli(['outcomes', id, '-n', '2']);
      expect(r.code).toBe(0);
      const text = flat(r.stdout);
      const drifts = s.actors.filter((a) => a.reservation.drift !== 0);
      const events = s.events.filter((e) => onByDefault(e) && e.effects.some((x) => 'actor' in x));
      if (!drifts.length && !events.length) {
        expect(text).not.toContain('hypotheses the scenario turns on');
        return;
      }
      expect(text).toContain('hypotheses the scenario turns on in every run: ');
      for (const a of drifts)
        expect(text).toContain(
          `${a.name}'s value of no deal ${a.reservation.drift > 0 ? '+' : '−'}${Math.abs(a.reservation.drift).toFixed(3)} a round${mark(a.reservation.driftHypothesis?.basis ?? 'assumption')}`,
        );
      for (const e of events) {
        expect(text).toContain(`"${e.title}"`);
        expect(text.split(`"${e.title}"`)[1]!.split(';')[0]).toContain(
          `${mark(e.basis)}${e.confirmed ? '' : ' (unconfirmed)'}`,
        );
      }
      if (id === 'blame-and-pressure') expect(drifts.length + events.length).toBe(4);
    });
});
