// Briefing cards and the versions of one contested fact (report/red-line-versions.ts): where a card lists both an
// actor's stated red line and the modeller's stricter reading of the same statements, the later of the two carries
// the aside that says so, in the model and in markdown and HTML alike; its own red lines, the others' and the red
// lines a tabled text crosses. Every other word of the card stays as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import type { BasisKind, Constraint, Scenario } from '../../src/domain/types.ts';
import { type Briefing, briefing, type CardRedLine } from '../../src/report/briefing.ts';
import { briefingHtml } from '../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';

const SEED = 20261206;

const READING = 'a reading of statements that a red line above rests on';

/** The lines of the markdown from `heading` to the next heading of its level or above. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, k) => k > at && /^#{1,3} /.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).filter((l) => l.trim());
}

/** The card's markdown alone (one actor). */
const cardMd = (s: Scenario, actor: string) => briefingMarkdown(briefing(s, actor));

/** The briefing with every aside taken out of the model: what the cards were before. */
function withoutVersions(b: Briefing): Briefing {
  const bare = (l: readonly CardRedLine[]) => l.map(({ version: _, ...c }) => c);
  return {
    ...b,
    cards: b.cards.map((c) => ({
      ...c,
      redLines: bare(c.redLines),
      documents: c.documents.map((d) => ({ ...d, violations: bare(d.violations) })),
      others: c.others.map((o) => ({ ...o, redLines: bare(o.redLines) })),
    })),
  };
}

describe('briefing cards: the aside on the later of two versions of one contested fact', () => {
  it("gives Ukraine's own card in istanbul-2022 the aside on its reading, the later one, and on no other line", () => {
    const s = openScenario('istanbul-2022');
    const card = briefing(s, 'ukraine').cards[0]!;
    const stated = card.redLines.findIndex((c) => c.id === 'withdrawal-only-by-referendum');
    const reading = card.redLines.findIndex((c) => c.id === 'no-withdrawal-at-all');
    expect(stated).toBeGreaterThanOrEqual(0);
    expect(reading).toBeGreaterThan(stated);
    expect(card.redLines.map((c) => c.version ?? null)).toEqual(
      card.redLines.map((_, k) => (k === reading ? READING : null)),
    );
    // markdown: on the reading's item, after its mark and sources, before anything else
    const items = section(cardMd(s, 'ukraine'), '### Your red lines');
    expect(items).toHaveLength(card.redLines.length);
    const r = card.redLines[reading]!;
    expect(items[reading]).toBe(`- ${r.text} \\[reading\\] (sources: ${r.sources.join(', ')}) (${READING})`);
    items.forEach((l, k) => {
      if (k !== reading) expect(l, l).not.toContain(READING);
    });
    // HTML: the same words on the same item, after its source links
    const html = briefingHtml(briefing(s, 'ukraine'));
    const own = html.slice(
      html.indexOf('<h3>Your red lines</h3>'),
      html.indexOf('<h3>Your value of no deal</h3>'),
    );
    const lis = own.split('<li>').slice(1);
    expect(lis).toHaveLength(card.redLines.length);
    expect(lis[reading]).toMatch(
      new RegExp(
        `<span class="flag">\\[reading\\]</span> <span class="cite">\\[.*\\]</span> \\(${READING}\\)</li>`,
      ),
    );
    lis.forEach((l, k) => {
      if (k !== reading) expect(l).not.toContain(READING);
    });
  });

  it("gives the others' list on Russia's card the same aside, on Ukraine's reading", () => {
    const s = openScenario('istanbul-2022');
    const b = briefing(s, 'russia');
    const ukraine = b.cards[0]!.others.find((o) => o.id === 'ukraine')!;
    expect(ukraine.redLines.filter((c) => c.version).map((c) => [c.id, c.version])).toEqual([
      ['no-withdrawal-at-all', READING],
    ]);
    const items = section(briefingMarkdown(b), "### The others' public red lines").filter((l) =>
      l.startsWith('  - '),
    );
    expect(items.filter((l) => l.includes(READING))).toEqual([
      expect.stringMatching(/^ {2}- No withdrawal .* \\\[reading\\\] \(sources: .*\) \(a reading of .*\)$/),
    ]);
    expect(briefingHtml(b).split(`(${READING})`)).toHaveLength(2);
  });

  it('says on the 28-point plan, among the texts Ukraine would reject, that its second line is a reading in force until 2025-12-23', () => {
    for (const id of ['ukraine-peace', '28-point-path']) {
      const s = openScenario(id);
      const b = briefing(s, 'ukraine');
      const doc = b.cards[0]!.documents.find((d) => d.id === 'us-28-point-plan')!;
      expect(doc.violations.map((c) => [c.id, c.version ?? null])).toEqual([
        ['no-withdrawal', null],
        ['no-withdrawal-at-all', `${READING}, in force until 2025-12-23`],
      ]);
      const md = briefingMarkdown(b).split('\n');
      const at = md.findIndex((l) => l.startsWith(`- **${doc.title.replace(/"/g, '"')}**`));
      expect(at, id).toBeGreaterThanOrEqual(0);
      expect(md[at + 1]).not.toContain('(a reading');
      expect(md[at + 2]).toContain(`(${READING}, in force until 2025-12-23) — `);
      expect(briefingHtml(b)).toContain(`(${READING}, in force until 2025-12-23) — <span class="cite">`);
    }
  });

  it('changes nothing but the asides: the cards without them are the cards as they were, in markdown and HTML', () => {
    for (const id of [
      'ukraine-peace',
      '28-point-path',
      'istanbul-2022',
      'june-2024-terms',
      'tutorial-bilateral',
    ]) {
      const b = briefing(openScenario(id));
      const asides = new Set(
        b.cards.flatMap((c) =>
          [...c.redLines, ...c.documents.flatMap((d) => d.violations), ...c.others.flatMap((o) => o.redLines)]
            .map((x) => x.version)
            .filter((v) => v !== undefined),
        ),
      );
      if (id !== 'tutorial-bilateral') expect(asides.size, id).toBeGreaterThan(0);
      const cut = (text: string) => [...asides].reduce((t, a) => t.replaceAll(` (${a})`, ''), text);
      const bare = withoutVersions(b);
      expect(cut(briefingMarkdown(b))).toBe(briefingMarkdown(bare));
      expect(cut(briefingHtml(b))).toBe(briefingHtml(bare));
      // a card with no pair is byte for byte the card it was
      for (const c of b.cards)
        if (
          ![
            ...c.redLines,
            ...c.documents.flatMap((d) => d.violations),
            ...c.others.flatMap((o) => o.redLines),
          ].some((x) => x.version)
        )
          expect(briefingMarkdown({ ...b, cards: [c] })).toBe(
            briefingMarkdown({ ...bare, cards: bare.cards.filter((x) => x.actor.id === c.actor.id) }),
          );
    }
  });
});

interface LineSpec {
  readonly words: readonly string[];
  readonly basis: BasisKind;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly apart: boolean;
}

describe('briefing cards over random sets of red lines', () => {
  const word = fc.constantFrom('no', 'land', 'troops', 'guarantee', 'cap', 'vote', 'withdrawal', 'Kyiv');
  const basis = fc.constantFrom<BasisKind>('stated', 'reading', 'assumption');
  const KEYS = ['hegseth-2025', 'putin-2024', 'kyiv-rejects-2024'];
  const line: fc.Arbitrary<LineSpec> = fc.record({
    words: fc.array(word, { minLength: 1, maxLength: 12 }),
    basis,
    // a subset of three keys, so that readings of stated lines come up often
    sources: fc.subarray(KEYS, { minLength: 0 }),
    confirmed: fc.boolean(),
    // on South's own issues, or on none of them
    apart: fc.boolean(),
  });
  const mdMark = (b: BasisKind) => (b === 'stated' ? '' : ` \\[${b}\\]`);
  const count = (text: string, part: string) => text.split(part).length - 1;

  /** tutorial-bilateral with South's red lines replaced by these (each a copy of its first). */
  function withLines(lines: readonly LineSpec[]) {
    const s = openScenario('tutorial-bilateral');
    const south = s.actors.find((a) => a.id === 'south')!;
    const model = south.redLines[0]!;
    const elsewhere = s.issues.map((_, i) => i).filter((i) => !model.scope.includes(i));
    const redLines: Constraint[] = lines.map((l, k) => {
      const { note: _, ...rest } = model;
      return {
        ...rest,
        id: `line-${k}`,
        text: `Line ${String.fromCharCode(65 + k)}: ${l.words.join(' ')}.`,
        sources: l.sources,
        basis: l.basis,
        confirmed: l.confirmed,
        scope: l.apart && elsewhere.length ? elsewhere : model.scope,
      };
    });
    return { ...s, actors: s.actors.map((a) => (a === south ? { ...a, redLines } : a)) };
  }

  it("prints each red line once, in order, with its mark and its source keys, on South's card and North's", () => {
    let paired = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 7 }), (lines) => {
        const s = withLines(lines);
        const cs = s.actors.find((a) => a.id === 'south')!.redLines;
        const b = briefing(s);
        const md = briefingMarkdown(b);
        const html = briefingHtml(b);
        const south = b.cards.find((c) => c.actor.id === 'south')!;
        const north = b.cards.find((c) => c.actor.id === 'north')!;
        const lists = [
          { items: section(md.slice(md.indexOf('## South')), '### Your red lines'), model: south.redLines },
          {
            items: section(md.slice(md.indexOf('## North')), "### The others' public red lines").slice(1),
            model: north.others.find((o) => o.id === 'south')!.redLines,
          },
        ];
        for (const { items, model } of lists) {
          expect(items).toHaveLength(cs.length);
          cs.forEach((c, k) => {
            const item = items[k]!.trim();
            // its text once, its mark right after, its sources right after the mark, each key once
            expect(item.startsWith(`- ${c.text}${mdMark(c.basis)}`), item).toBe(true);
            expect(count(item, c.text)).toBe(1);
            const after = item.slice(2 + c.text.length + mdMark(c.basis).length);
            expect(
              after.startsWith(c.sources.length ? ` (sources: ${c.sources.join(', ')})` : ''),
              item,
            ).toBe(true);
            for (const key of c.sources) expect(count(item, key), key).toBe(1);
            expect(count(item, '**UNCONFIRMED**')).toBe(c.confirmed ? 0 : 1);
            // the aside where the model has one, and only there; a reading after a stated line whose every
            // source it cites, on a common issue (or the stated one after such a reading)
            const v = model[k]!.version;
            const tied = cs.slice(0, k).some((e) => {
              const [r, st] = c.basis === 'reading' ? [c, e] : [e, c];
              return (
                r.basis === 'reading' &&
                st.basis === 'stated' &&
                r.sources.length > 0 &&
                r.sources.every((x) => st.sources.includes(x)) &&
                r.scope.some((i) => st.scope.includes(i))
              );
            });
            expect(v !== undefined, item).toBe(tied);
            if (v) paired++;
            expect(count(item, ' (a reading of') + count(item, ' (stated; ')).toBe(v ? 1 : 0);
            if (v) expect(item).toContain(` (${v})`);
          });
        }
        // HTML: the same items, each its text once, then its mark and its source links, the aside where it has one
        const htmlLists = [
          {
            from: '<section class="card" id="card-south">',
            head: '<h3>Your red lines</h3>',
            model: lists[0]!.model,
          },
          {
            from: '<section class="card" id="card-north">',
            head: "<h3>The others' public red lines</h3>",
            model: lists[1]!.model,
          },
        ];
        for (const { from, head, model } of htmlLists) {
          const part = html.slice(html.indexOf(from));
          const list = part.slice(part.indexOf(head), part.indexOf('<h3>', part.indexOf(head) + 1));
          const lis = list.split('<li>').slice(head.includes('others') ? 2 : 1);
          expect(lis).toHaveLength(cs.length);
          cs.forEach((c, k) => {
            const li = lis[k]!;
            expect(li.startsWith(`<span class="paraphrase">${c.text}</span>`), li).toBe(true);
            expect(count(li, c.text)).toBe(1);
            expect(count(li, '[reading]') + count(li, '[assumption]')).toBe(c.basis === 'stated' ? 0 : 1);
            for (const key of c.sources) expect(count(li, `>${key}</a>`), key).toBe(1);
            const v = model[k]!.version;
            expect(count(li, ' (a reading of') + count(li, ' (stated; ')).toBe(v ? 1 : 0);
            if (v) expect(li).toContain(` (${v})`);
          });
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    // the property saw asides, not only lists without one
    expect(paired).toBeGreaterThan(0);
  });
});
