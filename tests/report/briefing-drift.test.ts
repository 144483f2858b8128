// A drift of a value of no deal is a hypothesis (blame-and-pressure: for each side, commentary claims time is on its
// side). A briefing card says so where it gives the drift and where a question rests on it — with the basis the
// scenario gives the drift — and never tells a player as a fact that time works for it. Read from the scenario for
// every actor of a shipped scenario whose value of no deal drifts.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { briefing } from '../../src/report/briefing.ts';
import { briefingHtml } from '../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';

const drifting = shippedIds().filter((id) => openScenario(id).actors.some((a) => a.reservation.drift !== 0));

describe('a drift on a briefing card', () => {
  it('is found in the shipped scenarios that claim it', () => {
    expect(drifting).toEqual(expect.arrayContaining(['blame-and-pressure', 'tutorial-bilateral']));
  });

  for (const id of drifting)
    it(`should be the scenario's hypothesis, with its basis, on ${id}`, () => {
      const s = openScenario(id);
      let asked = 0;
      for (const a of s.actors.filter((x) => x.reservation.drift !== 0)) {
        const b = briefing(s, a.id);
        const card = b.cards[0]!;
        const basis = a.reservation.driftHypothesis?.basis ?? 'assumption';
        const mark = basis === 'stated' ? '' : ` [${basis}]`;
        // the card keeps three questions: the drift's may be cut by the ones before it
        const question = card.questions.find((q) => q.startsWith('Your value of no deal'));
        if (question) {
          asked++;
          expect(question, a.id).toContain(`a round — a hypothesis of the scenario${mark}`);
          expect(question).not.toMatch(/a round: time works/);
        }
        const md = briefingMarkdown(b);
        expect(md).toContain(`a round — a hypothesis of the scenario${mark.replace(/[[\]]/g, '\\$&')}`);
        expect(briefingHtml(b)).toContain('a round — a hypothesis of the scenario');
      }
      // the tutorial's North is asked about its drift
      if (id === 'tutorial-bilateral') expect(asked).toBeGreaterThan(0);
    });
});
