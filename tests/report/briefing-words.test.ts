// The first question of a briefing card names what the actor weighs most and least: every issue tied at the top or
// at the bottom, not one of them picked by its name. Expected words come from the card's own weights.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { briefing } from '../../src/report/briefing.ts';

const TIE = 1e-12;

describe('briefing questions', () => {
  for (const id of ['tutorial-bilateral', 'june-2024-terms', 'ukraine-peace', '28-point-path'])
    it(`should name every issue tied for most and for least (${id})`, () => {
      let ties = 0;
      for (const card of briefing(openScenario(id)).cards) {
        const ws = card.issues;
        if (ws.length < 2) continue;
        const q = card.questions[0]!;
        const top = ws.filter((x) => Math.abs(x.weight - ws[0]!.weight) < TIE);
        const low = ws.filter((x) => Math.abs(x.weight - ws.at(-1)!.weight) < TIE);
        if (top.length > 1 || low.length > 1) ties++;
        const [most, least] = q.split(' most to you');
        for (const x of top) expect(most).toContain(x.label);
        for (const x of low) expect(least).toContain(x.label);
        // an issue not tied at an end is not named as one
        for (const x of ws.filter((y) => !top.includes(y) && !low.includes(y)))
          expect(q.split('. What')[0]).not.toContain(`${x.label} `);
      }
      if (id !== 'ukraine-peace') expect(ties).toBeGreaterThan(0);
    });
});
