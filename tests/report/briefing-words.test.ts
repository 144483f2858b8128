// The first question of a briefing card names what the actor weighs most and least: every issue tied at the top or
// at the bottom, not one of them picked by its name. Expected words come from the card's own weights.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { nestedQuotes } from '../../src/domain/text.ts';
import { briefing } from '../../src/report/briefing.ts';
import { briefingHtml } from '../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';

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

describe('the question on a document that crosses red lines', () => {
  it('should say how many of the red lines it crosses when it crosses more than the one it names', () => {
    const seen = { one: 0, more: 0 };
    for (const id of [
      'istanbul-2022',
      'june-2024-terms',
      'ukraine-peace',
      '28-point-path',
      'security-triangle',
    ])
      for (const card of briefing(openScenario(id)).cards) {
        const q = card.questions.find((x) => x.includes(' crosses '));
        if (!card.documents.some((x) => x.violations.length > 0)) continue;
        expect(q, `${id} ${card.actor.id}`).toBeDefined();
        // the text it names (one that crosses a red line the actor holds now, where there is one: briefing-marks)
        const d = card.documents.find(
          (x) => x.violations.length > 0 && q!.includes(`"${nestedQuotes(x.title)}"`),
        )!;
        expect(d, q).toBeDefined();
        const n = d.violations.length;
        expect(q).toContain(`crosses ${n > 1 ? `${n} of your red lines, among them` : 'your red line'} — `);
        seen[n > 1 ? 'more' : 'one']++;
      }
    expect(seen.one).toBeGreaterThan(0);
    expect(seen.more).toBeGreaterThan(0);
  });
});

describe('briefing role line', () => {
  // every role the shipped scenarios give: parties everywhere, the US as mediator and the stakeholders of
  // ukraine-peace, the stakeholders of june-2024-terms
  for (const id of ['ukraine-peace', 'june-2024-terms', 'tutorial-bilateral'])
    it(`should name each actor's role once, in one run of sentences (${id})`, () => {
      const b = briefing(openScenario(id));
      const md = briefingMarkdown(b).split('\n');
      const html = briefingHtml(b);
      const roles = new Set<string>();
      for (const card of b.cards) {
        roles.add(card.actor.role);
        const at = md.indexOf(`## ${card.actor.name} — private briefing`);
        const line = md.slice(at).find((l) => l.startsWith('**Role.** '))!;
        const text = line.slice('**Role.** '.length);
        // the role word comes once ("party. You are a party" said it twice), inside the first sentence
        expect(text.match(new RegExp(`\\b${card.actor.role}\\b`, 'g')), line).toHaveLength(1);
        expect(text, line).toMatch(new RegExp(`^You are (a|an|the) ${card.actor.role}\\b`));
        expect(html).toContain(`<p><strong>Role.</strong> ${text.replace(/'/g, '&#39;')}</p>`);
      }
      if (id === 'ukraine-peace') expect([...roles].sort()).toEqual(['mediator', 'party', 'stakeholder']);
    });
});

describe('the value of no deal and the reasons on a card', () => {
  it('should start the reason after the drift as a sentence, and give each basis once (every shipped scenario)', () => {
    for (const id of shippedIds()) {
      const b = briefing(openScenario(id));
      // the sentence after "it does not drift." or "it drifts by … a round — a hypothesis of the scenario [mark].", in
      // markdown and in HTML
      const drift = /(?:does not drift|a round — a hypothesis of the scenario[^.,]*)\. (\S)/g;
      const after = [...briefingMarkdown(b).matchAll(drift), ...briefingHtml(b).matchAll(drift)].map(
        (m) => m[1]!,
      );
      expect(after.length, id).toBe(2 * b.cards.length);
      for (const c of after) expect(c, id).toBe(c.toUpperCase());
      // a reason whose text ends in its own basis would read "…; assumption [assumption]"
      for (const card of b.cards)
        for (const x of [card.noDeal, ...card.issues])
          expect(x.rationale.endsWith(x.basis), `${id}/${card.actor.id}: ${x.rationale}`).toBe(false);
    }
  });
});

describe('the red line a question names', () => {
  it('should carry its basis mark, as the card lists it (every shipped scenario)', () => {
    let marked = 0;
    for (const id of shippedIds()) {
      const s = openScenario(id);
      // every red line a card lists by its words, with its basis: the questions name one of them
      const bases = new Map<string, string>();
      for (const card of briefing(s).cards)
        for (const c of [
          ...card.redLines,
          ...card.others.flatMap((o) => o.redLines),
          // a tabled text is judged by the positions of its own date
          ...card.documents.flatMap((d) => d.violations),
        ])
          bases.set(c.text.trim().replace(/\.$/, ''), c.basis);
      for (const card of briefing(s).cards)
        for (const q of card.questions) {
          const m = q.match(
            /(?:bears on .+?|your red lines?(?:, among them)?) — (.+?)(?: \[(reading|assumption)\])?\. (?:What|Which)/,
          );
          if (!m) continue;
          const basis = bases.get(m[1]!);
          expect(basis, `${id}: ${q}`).toBeDefined();
          expect(m[2] ?? 'stated', `${id}: ${q}`).toBe(basis);
          if (m[2]) marked++;
        }
    }
    // a question on a reading or an assumption is there to be read
    expect(marked).toBeGreaterThan(0);
  });
});

describe('a document an actor could accept', () => {
  it('should say it keeps red lines only to an actor that holds some on its date', () => {
    const seen = { none: 0, some: 0 };
    const count = (text: string, words: string) => text.split(words).length - 1;
    for (const id of shippedIds()) {
      const b = briefing(openScenario(id));
      const md = briefingMarkdown(b).split(' — private briefing').slice(1);
      const html = briefingHtml(b).split(' — private briefing').slice(1);
      b.cards.forEach((card, k) => {
        const accepted = card.documents.filter((d) => d.accepts);
        const none = accepted.filter((d) => d.redLines === 0).length;
        seen.none += none;
        seen.some += accepted.length - none;
        for (const text of [md[k]!, html[k]!]) {
          expect(count(text, 'you hold no red lines, and it is worth')).toBe(none);
          expect(count(text, 'it keeps your red lines and is worth')).toBe(accepted.length - none);
        }
      });
    }
    // divide-the-surplus: neither actor holds a red line; in the war scenarios most actors do
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.some).toBeGreaterThan(0);
  });
});
