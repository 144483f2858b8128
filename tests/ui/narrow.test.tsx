// Every screen at 80×24 (the default size of most terminal apps) shows whole what its answers rest on: a basis mark,
// a source key, a number, a date, a legend. Each case here was cut at that size ("[s89, s90, s93] † befor…",
// "United…" for three actors' counts, "over no deal: … European Uni…", "✓ agreement…").
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { timeline } from '../../src/analysis/timeline.ts';
import { basisMark, withBasis } from '../../src/domain/basis.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { BEFORE_RECORD_LEAD, beforeRecordCounts } from '../../src/report/before-record.ts';
import { cells } from '../../src/report/format.ts';
import { fitParts, fitSpans, type Span, wrapSpans } from '../../src/ui/layout.ts';
import { playState } from '../../src/ui/state/app.ts';
import { viewOf } from '../../src/ui/state/evidence.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { basisText, shortName } from '../../src/ui/words.ts';
import { flat, rightPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const text = (line: readonly Span[]) => line.map((s) => s.text).join('');

/** The lines of a scrolled page that the pages before did not show: it starts where they end, overlapping. */
function mergePage(seen: readonly string[], page: readonly string[]): string[] {
  for (let k = Math.min(seen.length, page.length); k > 0; k--)
    if (seen.slice(-k).every((l, j) => l === page[j])) return page.slice(k);
  return [...page];
}

async function open(id: string, size: { columns: number; rows: number } = SMALL) {
  const ui = await explore(id, size);
  unmount = ui.unmount;
  return ui;
}

describe('fitSpans', () => {
  const word = fc.stringMatching(/^[a-z,.;:'0-9-]{1,12}$/);
  const prose = fc
    .array(word, { minLength: 1, maxLength: 25 })
    .map((ws): Span => ({ text: ` ${ws.join(' ')}` }));
  const aside = prose.map((s): Span => ({ ...s, give: 'first' }));
  const sources = fc
    .constantFrom('[s89, s90, s93]', '[referendum-march-2022, s12]')
    .map((t): Span => ({ text: ` ${t}`, give: 'last' }));
  const mark = fc
    .constantFrom('[reading]', '[assumption]', '(s90, 2024-03-01)', '0.35')
    .map((t): Span => ({ text: ` ${t}`, give: 'never' }));
  /** The least the spans can be cut to: every mark, the prose's first two words, a … for each aside and source. */
  const least = (spans: readonly Span[]): Span[] =>
    spans.map((s) => {
      if (s.give === 'never') return s;
      if (s.give) return { text: ' …' };
      const ws = s.text.trim().split(/ +/);
      return ws.length <= 2 ? s : { text: ` ${ws.slice(0, 2).join(' ')}…` };
    });
  it('should cut asides, prose and sources, never a mark, whenever the least they can be cut to fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(prose, aside, sources, mark), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 12, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (spans, width, maxLines) => {
          const got = fitSpans(spans, width, maxLines);
          expect(got.length).toBeLessThanOrEqual(maxLines);
          const whole = wrapSpans(spans, width);
          // a text that fits is left as it is
          if (whole.length <= maxLines) expect(got.map(text)).toEqual(whole.map(text));
          if (wrapSpans(least(spans), width).length <= maxLines) {
            for (const line of got) expect(cells(text(line))).toBeLessThanOrEqual(width);
            const shown = got.map(text).join(' ').replace(/\s+/g, ' ');
            for (const s of spans.filter((x) => x.give === 'never')) expect(shown).toContain(s.text.trim());
            // the prose keeps at least its first two words
            for (const s of spans.filter((x) => x.give === undefined))
              expect(shown).toContain(s.text.trim().split(/ +/).slice(0, 2).join(' '));
          }
        },
      ),
      { seed: 80_24, numRuns: 300 },
    );
  });

  it("should cut a red line's words before its sources, and its sources before its basis mark", () => {
    const line = (width: number, rows: number) =>
      fitSpans(
        [
          { text: 'red line: ' },
          { text: "Any response by the guarantors needs every guarantor's consent, Russia's included." },
          { text: ' [reading]', give: 'never' },
          { text: ' [s89, s90, s93]', give: 'last' },
        ],
        width,
        rows,
      ).map(text);
    expect(line(36, 2)).toEqual(['red line: Any response by the…', '[reading] [s89, s90, s93]']);
    expect(line(36, 1)).toEqual(['red line: Any response… [reading] …']);
  });
});

describe('fitParts, counting what it leaves out', () => {
  it('should show leading parts whole and count the rest, within the width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z: ]{1,24}$/), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 12, max: 90 }),
        (parts, width) => {
          const got = fitParts(parts, width, (n) => `+${n} more`);
          expect(cells(got)).toBeLessThanOrEqual(width);
          const more = /(?:^| · )\+(\d+) more$/.exec(got);
          if (got === parts.join(' · ')) return;
          if (!more) {
            // only a note too long for the width is cut
            expect(got.endsWith('…')).toBe(true);
            return;
          }
          const left = Number(more[1]);
          const shown = parts.length - left;
          expect(left).toBeGreaterThan(0);
          expect(got).toBe([...parts.slice(0, shown), `+${left} more`].join(' · '));
        },
      ),
      { seed: 24_80, numRuns: 300 },
    );
  });
});

describe('the overview, narrow', () => {
  it('should show the documents legend and every actor’s basis marks whole at any width from 60 to 120', async () => {
    const s = scenario('tutorial-bilateral');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 120 }), async (columns) => {
        const ui = await explore('tutorial-bilateral', { columns, rows: 40 });
        try {
          const lines = ui.lines();
          expect(flat(lines.map((l) => l.split('│')[0] ?? ''))).toContain('✓ agreement ✗ none');
          const actors = flat(rightPane(lines));
          for (const a of s.actors) {
            const mark = basisMark(a.reservation.basis) ? basisText(a.reservation.basis) : '';
            expect(actors).toContain(`no deal worth ${a.reservation.value.toFixed(2)}${mark}`);
            for (const r of a.redLines) expect(actors).toContain(`${r.text}${basisText(r.basis)}`);
          }
        } finally {
          ui.unmount();
        }
      }),
      { seed: 60_120, numRuns: 6 },
    );
  }, 60_000);
});

describe('the sandbox at 80×24', () => {
  it('should keep a cut red line’s basis mark, sources, † and earliest source whole', async () => {
    const s = scenario('ukraine-peace');
    const ui = await open('ukraine-peace');
    await ui.press(KEY.enter);
    await ui.waitFor('Verdicts');
    // the first document by date, judged by the positions of its date
    const doc = [...s.documents].sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const judged = positionsAsOf(s, doc.date);
    const russia = evaluatePackage(judged, doc.package).verdicts[0]!;
    const broken = russia.violations[0]!;
    const early = appliedBeforeRecord(s, doc.date).find(
      (e) => e.actor === russia.actor && e.kind === 'redLine' && e.id === broken.redLine,
    );
    expect(early?.earliest).toBeDefined();
    const pane = flat(rightPane(ui.lines()));
    // the bars' legend, whole, on a row of its own
    expect(pane).toContain('Verdicts as of 2022-03-29 ┃ = no deal');
    expect(pane).toContain(`${basisText(broken.basis)} [${broken.sources.join(', ')}] †`);
    expect(pane).toContain(
      `† before its earliest source (${early!.earliest!.source}, ${early!.earliest!.date})`,
    );
  });
});

describe('the timeline at 80×24', () => {
  it('should give, for every document, its dated positions with their marks and each actor’s counts of positions applied before their sources whole (pgdn)', async () => {
    const s = scenario('ukraine-peace');
    const entries = timeline(s).entries;
    const ui = await open('ukraine-peace');
    await ui.press('t');
    await ui.waitFor('Timeline —');
    let counted = 0;
    let scrolled = 0;
    // the selected title's rows under the table: as many as the longest title takes
    const titleLines = Math.max(...entries.map((e) => wrapSpans([{ text: e.title }], SMALL.columns).length));
    for (const e of entries) {
      // what is under the table, page by page: from the row under the selected title to the line above the status
      const seen: string[] = [];
      for (let k = 0; k < 10; k++) {
        const lines = ui.lines();
        expect(lines.length).toBeLessThanOrEqual(24);
        const table = lines.findLastIndex((l) => /^[❯ ] \d{4}-\d\d-\d\d /.test(l));
        const end = lines.findIndex((l) => /% · pgup\/pgdn scroll/.test(l));
        const page = lines.slice(table + 1 + titleLines, end < 0 ? -1 : end);
        seen.push(...mergePage(seen, page));
        if (!/↓ \d+%/.test(lines[end] ?? '')) break;
        scrolled++;
        await ui.press(KEY.pageDown);
      }
      const below = flat(seen);
      // every dated position that judges it, with its basis mark (as timeline --json names them)
      for (const a of s.actors)
        for (const ep of a.epochs.filter((x) => e.epochs.includes(x.id)))
          expect(below).toContain(withBasis(`${shortName(a.name)}: ${ep.label}`, ep.basis));
      if (e.appliedBeforeRecord.length) {
        counted++;
        expect(below).toContain(
          `${BEFORE_RECORD_LEAD} (the reasons: peacesim show): ${beforeRecordCounts(s, e.appliedBeforeRecord)}`,
        );
      }
      await ui.press(KEY.down);
    }
    expect(counted).toBeGreaterThan(0);
    expect(scrolled, 'no document needed a page down').toBeGreaterThan(0);
  }, 120_000);
});

describe('the minimal concessions at 80×24', () => {
  it('should show every margin over no deal and who still rejects, with the red line’s marks, whole (pgdn)', async () => {
    const s = scenario('ukraine-peace');
    const ui = await open('ukraine-peace');
    await ui.press('a', 'c');
    await ui.waitFor('over no deal:');
    // the detail scrolls: read it to its end, page by page (a page overlaps the last by a line or more)
    const seen: string[] = [];
    for (let k = 0; k < 10; k++) {
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      const list = lines.findIndex((l) => l.includes('the closest · enter applies'));
      const from = lines.findIndex((l, j) => j > list && l === '') + 1;
      const end = lines.findIndex((l) => /% · pgup\/pgdn scroll/.test(l));
      seen.push(...mergePage(seen, lines.slice(from, end)));
      if (!/↓ \d+%/.test(lines[end] ?? '')) break;
      await ui.press(KEY.pageDown);
    }
    const detail = flat(seen);
    // each actor's margin, its name and number on one line (joined by no-break spaces)
    for (const a of s.actors) {
      const margin = new RegExp(`${shortName(a.name).replace(/ /g, '\u00a0')}\u00a0[+−]\\d\\.\\d\\d`);
      expect(seen.some((l) => margin.test(l))).toBe(true);
    }
    expect(detail).toMatch(/still rejects — † red line: .+ \[reading\] \[s\d+(, s\d+)*\]/);
    expect(detail).toMatch(/† before its earliest source \(s\d+, \d{4}-\d\d-\d\d\); held earlier: /);
  }, 60_000);
});

describe('the evidence at 80×24', () => {
  let lp: Lp;
  beforeAll(async () => {
    lp = await loadLp();
  });
  it('should let every set that flips the selected document be read whole (pgdn)', async () => {
    const s = scenario('ukraine-peace');
    const doc = viewOf(s, calibrateScenario(lp, s)).documents[0]!;
    const sets = [...doc.agreementFlips, ...doc.rows.flatMap((r) => r.flips)];
    expect(sets.length).toBeGreaterThan(3);
    const ui = await open('ukraine-peace');
    await ui.press('e');
    await ui.waitFor('verdicts settled');
    const seen: string[] = [];
    for (let k = 0; k < 30; k++) {
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      const end = lines.findIndex((l) => /% · pgup\/pgdn scroll/.test(l));
      // the sets start after the blank row under the verdicts (the last of them, the coalition's, on two rows)
      const coalition = lines.findIndex((l) => l.startsWith('Coalition'));
      const from = lines.findIndex((l, j) => j > coalition && l === '') + 1;
      seen.push(...mergePage(seen, lines.slice(from, end)));
      if (!/↓ \d+%/.test(lines[end] ?? '')) break;
      await ui.press(KEY.pageDown);
    }
    const shown = flat(seen);
    for (const set of sets) expect(shown).toContain(set);
  }, 60_000);
});

describe('the issue explained at 80×24', () => {
  it('should say what the table’s numbers are and keep the tabled option’s mark', async () => {
    const ui = await open('ukraine-peace');
    await ui.press(KEY.enter, 'i');
    await ui.waitFor('With no deal');
    const frame = ui.frame();
    expect(frame).toContain('option · value (0–1), verdict');
    expect(frame).toMatch(/ US +EU /);
    expect(frame).toContain('(tabled)');
  });
});

describe('the play setup at 80×24', () => {
  it('should show each bot whole with its strategy, and count the ones left out', async () => {
    const ui = await open('ukraine-peace');
    await ui.press('p');
    await ui.waitFor('Play a session');
    const bots = ui.lines().find((l) => l.includes('Bots'))!;
    expect(bots).not.toContain('…');
    expect(bots).toMatch(/^ {2}Bots {6}Russia: boulware · Ukraine: linear · \+3 more$/);
  });

  // cut at two rows, the intro hid that until one saves only a recovery copy is kept
  for (const id of ['ukraine-peace', 'istanbul-2022'])
    it(`should give the intro whole and keep the keys' line (${id})`, async () => {
      const ui = await open(id);
      await ui.press('p');
      await ui.waitFor('Play a session');
      const lines = ui.lines();
      expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('until then only a recovery copy is kept.');
      expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
      expect(lines.at(-1)).toContain('q quit');
    });
});

describe('the term editor at 80×24', () => {
  it('should mark the team’s red lines and its value of no deal with their basis', async () => {
    const s = scenario('tutorial-bilateral');
    const game = startGame(s, { seed: 1, strategies: { south: { kind: 'human' } } });
    const ui = await explore('tutorial-bilateral', SMALL, {
      initial: playState(s, openPlay(game, s.id, 0)),
    });
    unmount = ui.unmount;
    // South proposes in round 2 of alternating offers
    await ui.press('r', KEY.enter, 'x', KEY.enter, KEY.enter, 'r', KEY.enter, 'e');
    await ui.waitFor('Your proposal');
    const pane = flat(rightPane(ui.lines()));
    const south = s.actors.find((a) => a.id === 'south')!;
    expect(pane).toContain(
      `no deal ${south.reservation.value.toFixed(3)}${basisText(south.reservation.basis)}`,
    );
    for (const r of south.redLines) expect(pane).toContain(`${r.text}${basisText(r.basis)}`);
  });
});
