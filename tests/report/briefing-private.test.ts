// What a card says of the other actors, over every shipped scenario, from the data: their public red lines (with the
// notes and sources that go with them), and nothing of the modeller's private picture of them — no rationale of
// their preferences, value of no deal or strategy, and no note that tells how their preferences value an option.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { briefing } from '../../src/report/briefing.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** a note that speaks of the actor's modelled preferences ("valued low in its preferences") rather than its words */
const PRIVATE_WORDS =
  /\b(its preferences?|valued (low|high)|its weights?|its value of no deal|its utility)\b/i;

describe('briefing cards: nothing private of another actor', () => {
  for (const id of shippedIds())
    it(`${id}: no card carries another actor's rationales, and no public red line's note its preferences`, () => {
      const s = openScenario(id);
      const b = briefing(s);
      const cards = briefingMarkdown(b).split('\n---\n').slice(1).map(flat);
      b.cards.forEach((card, k) => {
        const text = cards[k]!.replace(/\\/g, '');
        for (const other of s.actors.filter((a) => a.id !== card.actor.id)) {
          const own = s.actors.find((a) => a.id === card.actor.id)!;
          // an opening the card's own actor shares (two actors' rationales may begin alike) is its own words
          const shared = new Set(
            [...own.preferences.flatMap((p) => (p ? [p.rationale] : [])), own.reservation.rationale].map(
              (r) => flat(r).slice(0, 60),
            ),
          );
          const secrets = [
            ...other.preferences.flatMap((p) => (p ? [p.rationale] : [])),
            other.reservation.rationale,
            ...(other.strategy.rationale ? [other.strategy.rationale] : []),
            ...other.epochs.flatMap((e) => [
              ...(e.rationale ? [e.rationale] : []),
              ...e.preferences.flatMap((p) => (p.rationale ? [p.rationale] : [])),
            ]),
          ]
            .map(flat)
            .filter((r) => r.length >= 40 && !shared.has(r.slice(0, 60)));
          for (const r of secrets)
            expect(text, `${card.actor.id}'s card, ${other.id}`).not.toContain(r.slice(0, 60));
        }
        for (const o of card.others)
          for (const c of o.redLines)
            expect(c.note ?? '', `${card.actor.id}'s card, ${o.id}'s red line ${c.id}`).not.toMatch(
              PRIVATE_WORDS,
            );
      });
    });
});
