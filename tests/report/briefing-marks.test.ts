// A briefing card's marks and its verdicts on the tabled texts, over every shipped scenario, from the data: the card
// says what an unmarked item is (stated) and what each flag it shows means; a text judged by the actor's positions of
// its own date says so, so that a red line it crosses that is no longer among the card's does not read as held now;
// and the value of no deal a verdict is compared with is the one of the text's date, as verdictOf compares it.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { epochsInForce, positionsAsOf } from '../../src/domain/positions.ts';
import { briefing } from '../../src/report/briefing.ts';
import { briefingHtml } from '../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';
import { cardLegend, judgedByWords } from '../../src/report/briefing-words.ts';
import { n3 } from '../../src/report/format.ts';
import { htmlErrors } from './html-check.ts';

const plainMd = (md: string) => md.replace(/\\([[\]*_`])/g, '$1');

describe('briefing cards: marks and dated verdicts', () => {
  for (const id of shippedIds())
    it(`${id}: every card keys its marks, and each text is judged by the positions of its date`, () => {
      const s = openScenario(id);
      const b = briefing(s);
      const cards = plainMd(briefingMarkdown(b)).split('\n---\n').slice(1);
      const html = briefingHtml(b);
      expect(cards).toHaveLength(s.actors.length);
      expect(htmlErrors(html)).toEqual([]);
      b.cards.forEach((card, k) => {
        const md = cards[k]!;
        const legend = cardLegend(card);
        expect(md).toContain(`*${legend}*`);
        expect(legend).toContain('unmarked: stated');
        expect(html).toContain(legend);
        // a flag the card shows is keyed; one it does not show is not
        expect(legend.includes('UNCONFIRMED:')).toBe(md.includes('**UNCONFIRMED**'));
        expect(html.includes(legend)).toBe(true);
        expect(legend.includes('RECALL:')).toBe(md.includes('**RECALL**'));
        const actor = s.actors.find((a) => a.id === card.actor.id)!;
        const own = new Set(card.redLines.map((c) => `${c.id}\n${c.text}`));
        for (const d of card.documents) {
          const doc = s.documents.find((x) => x.id === d.id)!;
          const judged = positionsAsOf(s, doc.date).actors[actor.index]!;
          expect(d.noDeal, `${actor.id} ${d.id}`).toBe(judged.reservation.value);
          expect(d.judgedBy.length > 0).toBe(epochsInForce(actor, doc.date).length > 0);
          // a red line crossed that the card does not list as the actor's is one of the text's date, and said so
          if (d.violations.some((v) => !own.has(`${v.id}\n${v.text}`)))
            expect(d.judgedBy.length, `${actor.id} ${d.id}`).toBeGreaterThan(0);
          const head = md
            .split('\n')
            .find((l) => l.startsWith(`- **${d.title}** `) && l.includes(` (${d.date}, tabled by `))!;
          expect(head, `${actor.id} ${d.id}`).toBeDefined();
          expect(head.includes(judgedByWords(d.judgedBy))).toBe(d.judgedBy.length > 0);
          // a text the record does not settle is flagged where it is listed, as a red line is
          expect(head.startsWith(`- **${d.title}** **UNCONFIRMED** (`)).toBe(!doc.confirmed);
          if (d.accepts) expect(head).toContain(`no deal (${n3(d.noDeal)})`);
        }
        // the question on a text that crosses a red line names one the actor holds now, where some text crosses one,
        // and says when the text is judged by the positions of its date
        const asked = card.questions.find((q) => q.includes(' crosses '));
        const blocked = card.documents.filter((d) => d.violations.length);
        expect(asked === undefined).toBe(blocked.length === 0);
        if (asked) {
          const d = blocked.find((x) => asked.includes(`"${x.title.replace(/"([^"]*)"/g, '‘$1’')}"`))!;
          expect(d, asked).toBeDefined();
          expect(asked.startsWith('By your positions on its date, ')).toBe(d.judgedBy.length > 0);
          expect(asked.includes('" (unconfirmed) crosses ')).toBe(!d.confirmed);
          const named = d.violations.find((v) => asked.includes(`— ${v.text.trim().replace(/\.$/, '')}`))!;
          expect(named, asked).toBeDefined();
          if (blocked.some((x) => x.violations.some((v) => own.has(`${v.id}\n${v.text}`))))
            expect(own.has(`${named.id}\n${named.text}`), asked).toBe(true);
        }
      });
    });
});
