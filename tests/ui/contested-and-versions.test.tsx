// What the explorer owes every reader of a verdict, checked against the data of every shipped scenario:
// - a verdict that rests on one report of a contested text names the other and what it would move, in `show`'s words
//   (the overview's detail, the timeline's, the sandbox under the selected term and the issue explained);
// - two versions of one contested red line (the words stated, the modeller's stricter reading) are told apart where
//   a text breaks both (the sandbox's verdicts, the minimal concessions' detail) and in the overview's actors, as
//   every command lists them, and a red line the scenario withholds on a reading is named there, as `show` names it;
// - a closest concession set gives every reason the actor still rejects it, not the first alone;
// - a rejection the evidence screen says a red line settles carries the mark of what that red line rests on;
// - the sandbox names the ratification hurdles the package meets and whether it clears each, as show does;
// - a text the record does not settle is (unconfirmed) wherever its title is given whole.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { concessions } from '../../src/analysis/concessions.ts';
import { contestedTerms } from '../../src/analysis/contested.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { evaluatePackage, redLineOf } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { ratificationOf } from '../../src/domain/ratification.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { contestedTermWords, movesAny } from '../../src/report/contested-terms.ts';
import { hurdleSentence } from '../../src/report/ratification.ts';
import { aboveRef, versionAsides } from '../../src/report/red-line-versions.ts';
import { issueLabel, withheldWords } from '../../src/report/words.ts';
import { initialState, shownDocuments } from '../../src/ui/state/app.ts';
import { viewOf } from '../../src/ui/state/evidence.ts';
import { displayOrder } from '../../src/ui/state/order.ts';
import { flat, leftPane, rightPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const LARGE = { columns: 160, rows: 60 } as const;

/** A document's contested terms as `show` judges them: by the positions of its date. */
function contestedOf(s: Scenario, d: NegotiationDocument) {
  const judged = positionsAsOf(s, d.date);
  return contestedTerms(judged, d, evaluatePackage(judged, d.package));
}

const moves = movesAny;

describe('contested terms in the explorer', () => {
  for (const id of shippedIds())
    it(`${id}: the overview's detail names every variant that moves a verdict, in show's words`, async () => {
      const s = scenario(id);
      const docs = shownDocuments(initialState(s));
      const ui = await explore(id, LARGE);
      unmount = ui.unmount;
      for (const [k, d] of docs.entries()) {
        if (k > 0) await ui.press(KEY.down);
        const pane = leftPane(ui.lines());
        const from = pane.findIndex((l, j) => j > 0 && l.trim() === '' && pane[j - 1]!.trim() !== '');
        const detail = flat(pane.slice(from));
        const terms = contestedOf(s, d);
        for (const c of terms.filter(moves)) expect(detail, d.id).toContain(contestedTermWords(s, c));
        if (!terms.some(moves)) expect(detail, d.id).not.toContain('contested term:');
        // the rest are named by their issue, so that a reader knows where to look
        for (const c of terms.filter((x) => !moves(x)))
          expect(detail, d.id).toContain(issueLabel(s, c.issue));
      }
    }, 60_000);

  it("at 80×24 the overview's detail scrolls to a variant it cannot show whole (pgdn), never cut", async () => {
    const s = scenario('ukraine-peace');
    const docs = shownDocuments(initialState(s));
    // the tallest detail: the most rows of contested words
    const words = docs.map((d) =>
      contestedOf(s, d)
        .filter(moves)
        .map((c) => contestedTermWords(s, c)),
    );
    const at = words.reduce(
      (best, w, k) => (w.join(' ').length > words[best]!.join(' ').length ? k : best),
      0,
    );
    const ui = await explore('ukraine-peace', SMALL);
    unmount = ui.unmount;
    await ui.press(...Array.from({ length: at }, () => KEY.down));
    const before = flat(leftPane(ui.lines()));
    expect(before).toContain('pgup/pgdn');
    const last = words[at]!.at(-1)!;
    // what the first page does not show, the next does
    await ui.press(KEY.pageDown);
    const after = flat(leftPane(ui.lines()));
    expect(after).toContain(last.slice(-40));
    expect(after).not.toBe(before);
  }, 60_000);

  it('the timeline gives the rows it has no document for to what is under the table: two documents need not scroll', async () => {
    const s = scenario('june-2024-terms');
    expect(s.documents.length).toBeLessThan(4);
    const ui = await explore('june-2024-terms', SMALL);
    unmount = ui.unmount;
    await ui.press('t');
    await ui.waitFor('Timeline —');
    for (const k of s.documents.keys()) {
      if (k > 0) await ui.press(KEY.down);
      expect(ui.frame(), `document ${k + 1}`).not.toContain('pgup/pgdn scroll');
    }
  }, 60_000);

  it('the sandbox names each variant of the selected term, on every contested document of every scenario', async () => {
    let checked = 0;
    for (const id of shippedIds()) {
      const s = scenario(id);
      const docs = shownDocuments(initialState(s));
      for (const [k, d] of docs.entries()) {
        const terms = contestedOf(s, d);
        if (!terms.length) continue;
        const ui = await explore(id, LARGE);
        await ui.press(...Array.from({ length: k }, () => KEY.down), KEY.enter);
        await ui.waitFor('Verdicts');
        let row = 0;
        for (const issue of [...new Set(terms.map((c) => s.issueIndex.get(c.issue)!))]) {
          const to = displayOrder(s).indexOf(issue);
          await ui.press(...Array.from({ length: Math.abs(to - row) }, () => (to > row ? KEY.down : KEY.up)));
          row = to;
          // the selected line is under the panes: the rows after the last that holds a pane border
          const lines = ui.lines();
          const under = lines.slice(lines.findLastIndex((l) => l.includes('│')) + 1);
          for (const c of terms.filter((x) => x.issue === s.issues[issue]!.id))
            expect(flat(under), `${id} ${d.id}`).toContain(contestedTermWords(s, c));
          // and the issue explained (i) names them above its red lines, each told apart from another version
          await ui.press('i');
          await ui.waitFor('● in the sandbox');
          const overlay = flat(ui.lines());
          for (const c of terms.filter((x) => x.issue === s.issues[issue]!.id))
            expect(overlay, `${id} ${d.id} i`).toContain(contestedTermWords(s, c));
          const judged = positionsAsOf(s, d.date);
          for (const a of judged.actors) {
            const here = a.redLines.filter((r) => r.scope.includes(issue));
            for (const x of versionAsides(judged, a.id, here.map(redLineOf), aboveRef))
              if (x) expect(overlay, `${id} ${d.id} ${a.id}`).toContain(`(${x})`);
          }
          await ui.press('i');
          checked++;
        }
        ui.unmount();
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 180_000);

  it('the timeline names the variant that moves a verdict of its table', async () => {
    const s = scenario('ukraine-peace');
    const d = s.documents.find((x) => contestedOf(s, x).some(moves))!;
    const ui = await explore('ukraine-peace', LARGE);
    unmount = ui.unmount;
    await ui.press('t');
    await ui.waitFor('Timeline —');
    const at = [...s.documents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).indexOf(d);
    await ui.press(...Array.from({ length: at }, () => KEY.down));
    const text = flat(ui.lines());
    for (const c of contestedOf(s, d).filter(moves)) expect(text).toContain(contestedTermWords(s, c));
  }, 60_000);
});

describe('two versions of one red line, and every reason', () => {
  for (const id of shippedIds())
    it(`${id}: the overview's actors say which red line is a reading of another, and which the scenario withholds`, async () => {
      const s = scenario(id);
      const ui = await explore(id, { columns: 160, rows: 100 });
      unmount = ui.unmount;
      const actors = flat(rightPane(ui.lines()));
      expect(actors).not.toContain('↓');
      let named = 0;
      for (const a of s.actors) {
        const asides = versionAsides(s, a.id, a.redLines.map(redLineOf), aboveRef);
        for (const x of asides) if (x) expect(actors, a.id).toContain(`(${x})`);
        for (const w of a.withheldRedLines) expect(actors, a.id).toContain(withheldWords(w));
        named += asides.filter((x) => x !== null).length + a.withheldRedLines.length;
      }
      // the shipped case: Kyiv's referendum red line and its stricter reading, Moscow's withheld referendum veto
      if (id === 'istanbul-2022') expect(named).toBeGreaterThanOrEqual(2);
    }, 60_000);

  it("the sandbox's verdicts say which of two broken red lines is a reading of the other, on every document", async () => {
    let checked = 0;
    for (const id of shippedIds()) {
      const s = scenario(id);
      for (const [k, d] of shownDocuments(initialState(s)).entries()) {
        const judged = positionsAsOf(s, d.date);
        const ev = evaluatePackage(judged, d.package);
        const asides = ev.verdicts.flatMap((v) =>
          versionAsides(judged, v.actor, v.violations, aboveRef).filter((x) => x !== null),
        );
        if (!asides.length) continue;
        const ui = await explore(id, LARGE);
        await ui.press(...Array.from({ length: k }, () => KEY.down), KEY.enter);
        await ui.waitFor('Verdicts');
        const verdicts = flat(rightPane(ui.lines()));
        for (const a of asides) expect(verdicts, `${id} ${d.id}`).toContain(`(${a})`);
        checked++;
        ui.unmount();
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 180_000);

  it("a closest concession set's detail gives every red line the actor still breaks, and how short of no deal", async () => {
    const s = scenario('ukraine-peace');
    const d = s.documents.find((x) => x.id === 'geneva-framework')!;
    const result = concessions(s, d.id, { limit: 10 });
    expect(result.size).toBeNull();
    const set = result.closest[0]!;
    const judged = positionsAsOf(s, d.date);
    const ev = evaluatePackage(judged, set.package);
    const still = set.rejecting.map((a) => ev.verdicts[a]!);
    // the case the detail cut: more than one red line still broken
    expect(still.some((v) => v.violations.length > 1)).toBe(true);
    const at = shownDocuments(initialState(s)).findIndex((x) => x.id === d.id);
    const ui = await explore('ukraine-peace', LARGE);
    unmount = ui.unmount;
    await ui.press(...Array.from({ length: at }, () => KEY.down), 'a', 'c');
    await ui.waitFor('still rejects —');
    const text = flat(ui.lines());
    for (const v of still) {
      for (const x of v.violations) expect(text).toContain(x.text);
      for (const a of versionAsides(judged, v.actor, v.violations, aboveRef))
        if (a) expect(text).toContain(`(${a})`);
      if (v.margin < 0) expect(text).toContain('short of no deal');
    }
  }, 60_000);
});

describe("the sandbox's ratification hurdles", () => {
  it('names every hurdle the document meets and whether it clears it, as show does, on every shipped scenario', async () => {
    let checked = 0;
    for (const id of shippedIds()) {
      const s = scenario(id);
      for (const [k, d] of shownDocuments(initialState(s)).entries()) {
        const judged = positionsAsOf(s, d.date);
        const hurdles = ratificationOf(judged, d.package)?.hurdles ?? [];
        if (!hurdles.length) continue;
        const ui = await explore(id, LARGE);
        await ui.press(...Array.from({ length: k }, () => KEY.down), KEY.enter);
        await ui.waitFor('Verdicts');
        const lines = ui.lines();
        const head = flat(
          lines.slice(
            0,
            lines.findIndex((l) => l.includes('│')),
          ),
        );
        for (const h of hurdles)
          expect(head, `${id} ${d.id}`).toContain(`if signed, subject to ${hurdleSentence(judged, h)}`);
        checked++;
        ui.unmount();
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 180_000);
});

describe('the evidence screen and unconfirmed texts', () => {
  let lp: Lp;
  beforeAll(async () => {
    lp = await loadLp();
  });

  it('marks a rejection by red lines with the basis of the most solid of them, and flags unconfirmed texts', () => {
    const s = scenario('ukraine-peace');
    const c = calibrateScenario(lp, s);
    const view = viewOf(s, c);
    let marked = 0;
    for (const d of view.documents) {
      const doc = s.documents.find((x) => x.id === d.id)!;
      expect(d.title).toBe(doc.confirmed ? doc.title : `${doc.title} (unconfirmed)`);
      for (const r of d.rows) {
        const v = c.documents.find((x) => x.id === d.id)!.verdicts[r.actor]!;
        if (v.decidedBy !== 'red-line') continue;
        const actor = positionsAsOf(s, doc.date).actors[s.actorIndex.get(r.actor)!]!;
        const broken = actor.redLines.filter((x) => v.redLines.includes(x.id));
        // any one broken red line settles the rejection: it is as solid as the most solid of them
        const stated = broken.some((x) => x.basis === 'stated');
        if (stated && broken.some((x) => x.basis === 'stated' && x.confirmed))
          expect(r.settledBy, `${d.id} ${r.actor}`).toBe('a red line');
        if (!stated) {
          const basis = broken.some((x) => x.basis === 'reading') ? 'reading' : 'assumption';
          expect(r.settledBy, `${d.id} ${r.actor}`).toContain(`a red line [${basis}]`);
          marked++;
        }
      }
    }
    // the shipped case: the coalition's rejection of the 28-point plan rests on a reading of its open-door line
    expect(marked).toBeGreaterThan(0);
  });

  it('flags an unconfirmed text in the sandbox heading and under the timeline', async () => {
    const s = scenario('ukraine-peace');
    const docs = shownDocuments(initialState(s));
    const at = docs.findIndex((d) => !d.confirmed);
    const d = docs[at]!;
    const ui = await explore('ukraine-peace', LARGE);
    unmount = ui.unmount;
    await ui.press(...Array.from({ length: at }, () => KEY.down), KEY.enter);
    await ui.waitFor('Verdicts');
    expect(flat(ui.lines().slice(0, 3))).toContain(`${d.title} (unconfirmed)`);
    await ui.press(KEY.esc, 't');
    await ui.waitFor('Timeline —');
    const byDate = [...s.documents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    await ui.press(...Array.from({ length: byDate.indexOf(d) }, () => KEY.down));
    expect(flat(ui.lines())).toContain(`${d.title} (unconfirmed)`);
  }, 60_000);
});
