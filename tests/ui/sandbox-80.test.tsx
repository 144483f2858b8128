// The sandbox at 80×24 (and any width from 70 to 120): every actor's reasons whole in the verdict pane — each red
// line broken with its basis mark, sources, (unconfirmed) and † with its earliest source and the scenario's reason,
// how far short of no deal, each rule broken — read by scrolling the pane (tab, then ↓) when it does not fit; the
// heading (the document's title, date and who tabled it) and who rejects whole; and the concessions' title whole on
// the analysis screen. Each was cut at 80 columns ("red line: Any response… [reading]", "Ukraine's position at
// Istanbul (29 Mar 2022 pro…", "rejected by Ukraine, United States, European Union, Coalition …").

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { appReducer, initialState } from '../../src/ui/state/app.ts';
import { agreementLine, basisText, beside, gap } from '../../src/ui/words.ts';
import { flat, rightPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

const IDS = ['ukraine-peace', '28-point-path', 'istanbul-2022'] as const;

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The explorer opened on `doc` in the sandbox. */
async function sandboxOn(id: string, doc: NegotiationDocument, size: { columns: number; rows: number }) {
  const initial = appReducer(initialState(scenario(id)), { type: 'open-document', document: doc.id });
  const ui = await explore(id, size, { initial });
  unmount = ui.unmount;
  await ui.waitFor('Verdicts as of');
  return ui;
}

/** The scroll line a pane ends with when its content does not fit ("↓ 18% · tab, then ↑↓"). */
const SCROLL_LINE = /^\s*[↑ ][↓ ] \d+%/;

/** The verdict pane's rows on screen: right of the term sheet, under its title (and its legend's row). */
function verdictRows(lines: readonly string[]): { rows: string[]; more: boolean } {
  const pane = rightPane(lines.filter((l) => l.includes('│'))).map((l) => l.replace(/^ /, ''));
  const title = pane.findIndex((l) => l.startsWith('Verdicts as of'));
  const from = title + (pane[title + 1]?.startsWith('┃ = no deal') ? 2 : 1);
  const rows = pane.slice(from);
  const last = rows.at(-1) ?? '';
  if (!SCROLL_LINE.test(last)) return { rows, more: false };
  return { rows: rows.slice(0, -1), more: /^\s*[↑ ]↓/.test(last) };
}

/** Every row of the verdict pane, scrolled line by line to its end when it does not fit (tab gives it the arrows). */
async function readVerdicts(ui: Awaited<ReturnType<typeof sandboxOn>>): Promise<string[]> {
  let { rows, more } = verdictRows(ui.lines());
  if (more) {
    await ui.press(KEY.tab);
    expect(flat(ui.lines().slice(-3))).toContain('↑↓ scroll tab terms');
    // the status line may take a row fewer now: the pane a row more
    ({ rows, more } = verdictRows(ui.lines()));
  }
  const seen = [...rows];
  for (let k = 0; more && k < 400; k++) {
    await ui.press(KEY.down);
    ({ rows, more } = verdictRows(ui.lines()));
    seen.push(rows.at(-1)!);
  }
  expect(more).toBe(false);
  return seen;
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each actor's name whole: it wraps in its column, beside the verdict on its first row ("Coalition of the" /
 * "willing"), so the verdict words are taken out first. */
function expectNames(s: Scenario, pane: string, what: string) {
  const names = pane.replace(/ (accepts|rejects)( · not needed)?/g, '');
  for (const a of s.actors) expect(names, what).toContain(`${a.name} `);
}

/** What the pane must show whole for each actor: built from the domain's verdicts, not from the pane's own spans. */
function expectedReasons(s: Scenario, doc: NegotiationDocument): string[] {
  const judged = positionsAsOf(s, doc.date);
  const ev = evaluatePackage(judged, doc.package);
  const early = appliedBeforeRecord(s, doc.date);
  const out: string[] = [];
  for (const v of ev.verdicts) {
    out.push(beside(v.utility, v.reservation).join(' no deal '));
    for (const x of v.violations) {
      const sources = x.sources.length ? ` [${x.sources.join(', ')}]` : '';
      out.push(`red line: ${x.text}${basisText(x.basis)}${sources}${x.confirmed ? '' : ' (unconfirmed)'}`);
      const e = early.find((b) => b.actor === v.actor && b.kind === 'redLine' && b.id === x.redLine);
      if (e) {
        const source = e.earliest ? `${e.earliest.source}, ${e.earliest.date}` : 'no source of it dated';
        out.push(
          `† before its earliest source (${source}); ${e.heldEarlier === undefined ? 'no reason given' : `held earlier: ${e.heldEarlier}`}`,
        );
      }
    }
    if (v.margin < 0) out.push(`${gap(-v.margin)} short of no deal${basisText(v.reservationBasis)}`);
    if (!v.accepts && !v.violations.length && v.costs.length) {
      const labels = v.costs
        .slice(0, 3)
        .map((c) => `${judged.issues[judged.issueIndex.get(c.issue)!]!.label}${basisText(c.basis)}`);
      out.push(`costs it most: ${labels.join(', ')}`);
    }
  }
  for (const r of ev.ruleViolations) {
    const sources = r.sources.length ? ` [${r.sources.join(', ')}]` : '';
    out.push(`rule broken: ${r.text}${basisText(r.basis)}${sources}`);
  }
  return out.map(words);
}

/** Every document of the three scenarios, with its scenario's id. */
const documents = IDS.flatMap((id) => scenario(id).documents.map((d) => ({ id, d })));
/** A document by its scenario's id and its own: what a property draws, short in a counterexample. */
const documentOf = (id: string, doc: string) => scenario(id).documents.find((d) => d.id === doc)!;

describe('the sandbox at 80×24', () => {
  it('should show, for every document of ukraine-peace, 28-point-path and istanbul-2022, every reason whole', async () => {
    let scrolled = 0;
    for (const { id, d } of documents) {
      const ui = await sandboxOn(id, d, SMALL);
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
      if (verdictRows(lines).more) scrolled++;
      const pane = words(flat(await readVerdicts(ui)));
      for (const reason of expectedReasons(scenario(id), d)) expect(pane, `${id} ${d.id}`).toContain(reason);
      expectNames(scenario(id), pane, `${id} ${d.id}`);
      // no reason in the pane is cut short
      expect(pane, `${id} ${d.id}`).not.toContain('…');
      ui.unmount();
    }
    // at 80×24 most of them need the pane scrolled: the property is about something
    expect(scrolled).toBeGreaterThan(documents.length / 2);
  }, 240_000);

  it('should show the heading and who rejects whole: the title, its date, who tabled it', async () => {
    for (const { id, d } of documents) {
      const ui = await sandboxOn(id, d, SMALL);
      const lines = ui.lines();
      const s = scenario(id);
      const judged = positionsAsOf(s, d.date);
      // the rows above the panes
      const top = lines.slice(
        0,
        lines.findIndex((l) => l.includes('│')),
      );
      expect(
        top.every((l) => !l.endsWith('…')),
        `${id} ${d.id}`,
      ).toBe(true);
      const head = flat(top);
      expect(head).toContain(d.title);
      expect(head).toContain(`${d.date} · tabled by ${nameInSentence(s.actors[d.tabledBy]!)}`);
      expect(head).toContain(agreementLine(judged, evaluatePackage(judged, d.package)));
      ui.unmount();
    }
  }, 120_000);

  it('should give the arrows back to the terms on tab: ↑↓ move through the issues again', async () => {
    const s = scenario('istanbul-2022');
    const d = s.documents.find((x) => x.id === 'istanbul-2022-russia')!;
    const ui = await sandboxOn('istanbul-2022', d, SMALL);
    expect(ui.lines().at(-2)).toContain('tab verdicts');
    await ui.press(KEY.tab, KEY.down);
    // the verdicts scrolled; the issue did not move
    expect(ui.frame()).toContain('Terms 1 of');
    expect(verdictRows(ui.lines()).rows[0]).not.toMatch(/^[✓✗] /);
    await ui.press(KEY.tab, KEY.down);
    expect(ui.frame()).toContain('Terms 2 of');
  });
});

describe('the sandbox from 70 to 120 columns', () => {
  it('should show every reason whole, the heading whole, within the screen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...documents.map(({ id, d }) => [id, d.id] as const)),
        fc.integer({ min: 70, max: 120 }),
        fc.constantFrom(24, 30),
        async ([id, doc], columns, rows) => {
          const d = documentOf(id, doc);
          const ui = await sandboxOn(id, d, { columns, rows });
          try {
            const lines = ui.lines();
            expect(lines.length).toBeLessThanOrEqual(rows);
            expect(lines.every((l) => Array.from(l).length <= columns)).toBe(true);
            const top = lines.slice(
              0,
              lines.findIndex((l) => l.includes('│')),
            );
            expect(top.every((l) => !l.endsWith('…'))).toBe(true);
            expect(flat(top)).toContain(d.title);
            const pane = words(flat(await readVerdicts(ui)));
            for (const reason of expectedReasons(scenario(id), d)) expect(pane).toContain(reason);
            expectNames(scenario(id), pane, `${id} ${d.id} at ${columns}×${rows}`);
          } finally {
            ui.unmount();
          }
        },
      ),
      { seed: 80_24, numRuns: 8 },
    );
  }, 240_000);
});

describe('the minimal concessions at 80×24', () => {
  it("should name the date judged and the document's title whole", async () => {
    for (const { id, d } of documents) {
      const ui = await sandboxOn(id, d, SMALL);
      await ui.press('a');
      await ui.waitFor('Minimal concessions');
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      const from = lines.findIndex((l) => l.startsWith('Minimal concessions'));
      const title = lines.slice(from, from + 2);
      expect(title.every((l) => !l.endsWith('…'))).toBe(true);
      expect(flat(title)).toContain(`Minimal concessions · positions of ${d.date} · for ${d.title}`);
      ui.unmount();
    }
  }, 120_000);
});
