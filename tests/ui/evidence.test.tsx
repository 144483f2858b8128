// The evidence screen (e on the overview): each document's verdicts as the record settles them or as the model's
// numbers decide them, with what flips each; the same numbers as `peacesim calibrate` and `peacesim hinges`.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { documentHinges } from '../../src/analysis/hinges.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { actorAtStart } from '../../src/domain/actor-names.ts';
import { restsOnFor } from '../../src/report/evidence-of.ts';
import { keySituation } from '../../src/ui/app.tsx';
import { offeredHints } from '../../src/ui/key-binding.ts';
import { GLOBAL_KEYS, KEY_TABLES } from '../../src/ui/keys.ts';
import { appReducer, initialState } from '../../src/ui/state/app.ts';
import { flipsHead, restsOnLine, viewOf } from '../../src/ui/state/evidence.ts';
import { signedGap } from '../../src/ui/words.ts';
import { flat, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});
let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

describe('what the evidence screen says settles a verdict', () => {
  // as calibrate says it: a verdict the ranges settle is settled by the scenario's own numbers when it gives none
  for (const id of ['divide-the-surplus', 'tutorial-bilateral'])
    it(`should call numbers given without a range what they are: ${id}`, () => {
      const s = scenario(id);
      const c = calibrateScenario(lp, s);
      const view = viewOf(s, c);
      for (const d of view.documents)
        for (const r of d.rows) {
          const v = c.documents.find((x) => x.id === d.id)!.verdicts[r.actor]!;
          const a = c.actors[r.actor];
          const point =
            a !== undefined &&
            a.reservation[0] === a.reservation[1] &&
            Object.values(a.weights).every(([lo, hi]) => lo === hi);
          if (v.decidedBy === 'ranges')
            expect(r.settledBy).toBe(
              point ? "the scenario's numbers (given without a range)" : 'the ranges alone',
            );
        }
      const none =
        c.record.length === 0 &&
        Object.values(c.actors).every(
          (a) =>
            a.reservation[0] === a.reservation[1] && Object.values(a.weights).every(([lo, hi]) => lo === hi),
        );
      expect(view.summary.includes('the ranges alone settle')).toBe(c.record.length === 0 && !none);
    });
});

describe('the evidence screen summary', () => {
  // the count calibrate closes on: a verdict settled by numbers given without a range rests on them, and is not
  // among those that depend on where the modeller's numbers fall
  for (const id of ['divide-the-surplus', 'tutorial-bilateral', 'ukraine-peace'])
    it(`should count the verdicts as calibrate does: ${id}`, () => {
      const s = scenario(id);
      const c = calibrateScenario(lp, s);
      const verdicts = c.documents.flatMap((d) => Object.entries(d.verdicts));
      const settled = verdicts.filter(([, v]) => v.verdict !== 'depends');
      const fixed = (a: string) => {
        const r = c.actors[a];
        return (
          r !== undefined &&
          r.reservation[0] === r.reservation[1] &&
          Object.values(r.weights).every(([lo, hi]) => lo === hi)
        );
      };
      const unranged = settled.filter(([a, v]) => v.decidedBy === 'ranges' && fixed(a)).length;
      const summary = viewOf(s, c).summary;
      expect(summary).toContain(`${settled.length} verdict${settled.length === 1 ? '' : 's'} settled`);
      expect(summary).toContain(`, ${verdicts.length - settled.length} depend`);
      expect(summary).toMatch(/ depends? on the ranges · /);
      if (unranged) expect(summary).toContain(`(${unranged} of them by numbers given without a range:`);
      else expect(summary).not.toContain('given without a range:');
      // divide-the-surplus: every verdict settled rests on the modeller's numbers
      if (id === 'divide-the-surplus') expect(unranged).toBe(settled.length);
    });
});

describe('the evidence screen', () => {
  it('should open on e, say what the record settles, and show what flips the selected document', async () => {
    const s = scenario('tutorial-bilateral');
    const view = viewOf(s, calibrateScenario(lp, s));
    const ui = await explore('tutorial-bilateral', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('e');
    await ui.waitFor(view.summary.slice(0, 30));
    expect(ui.frame()).toContain('Evidence');
    // under it, the default run's outcome and what it rests on, as `peacesim show` computes it
    const rests = await restsOnFor(s, {}, [], false);
    expect(rests.computed).toBe(true);
    expect(ui.frame()).toContain(restsOnLine(rests));
    // North's opening: South rejects by its red lines
    expect(ui.frame()).toMatch(/South\s+rejects\s+by a red line/);
    await ui.press(KEY.down);
    // the mediator's text: South's verdict depends on the model, and its value of no deal flips it
    const mediator = view.documents.find((d) => d.id === 'mediator-text')!;
    const south = mediator.rows.find((r) => r.actor === 'south')!;
    expect(south.verdict).toBe('depends');
    expect(ui.frame()).toMatch(/South\s+depends\s+by the modeller's numbers/);
    expect(ui.frame()).toContain('An agreement if:');
    expect(ui.frame().replace(/\s+/g, ' ')).toContain('value of no deal at the other end of its range');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
    expect(lines.at(-1)).toContain('q quit');
    // the status line offers the screen's keys whole, none clashing with the explorer's (one table per screen)
    const situation = keySituation(appReducer(initialState(s), { type: 'go', screen: 'evidence' }));
    for (const hint of offeredHints([...KEY_TABLES.evidence, ...GLOBAL_KEYS], situation))
      expect(lines.slice(-2).join('\n')).toContain(hint);
    const ids = KEY_TABLES.evidence.flatMap((b) => b.keys.split(/\s+/));
    expect(GLOBAL_KEYS.flatMap((b) => b.keys.split(/\s+/)).filter((k) => ids.includes(k))).toEqual([]);
    // ↑ goes back to the first document, whose verdicts show again
    await ui.press(KEY.up);
    expect(ui.frame()).toMatch(/South\s+rejects\s+by a red line/);
    await ui.press(KEY.esc);
    expect(ui.frame()).toContain(s.title);
  });

  it('should fit 80×24 on the default scenario', async () => {
    const s = scenario('ukraine-peace');
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('e');
    await ui.waitFor('verdicts settled');
    // the default's stalemate: no reading or assumption alone changes it, said in so many words
    expect(ui.frame()).toMatch(
      /Default run: stalemate · no reading or assumption alone changes it \(\d+ tried\)/,
    );
    for (let k = 0; k < s.documents.length; k++) {
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(23);
      expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
      await ui.press(KEY.down);
    }
  });
});

describe('what settles each verdict on the evidence screen at 80×24', () => {
  // cut to one row, "South rejects by a red line…" lost the basis mark the verdict rests on, and "by the scenario's…"
  // what qualifies the numbers
  for (const id of ['tutorial-bilateral', 'divide-the-surplus'])
    it(`should be whole, basis mark and margin included: ${id}`, async () => {
      const s = scenario(id);
      const view = viewOf(s, calibrateScenario(lp, s));
      const ui = await explore(id, SMALL);
      unmount = ui.unmount;
      await ui.press('e');
      await ui.waitFor(view.summary.slice(0, 30));
      for (const d of view.documents) {
        const shown = flat(ui.lines());
        for (const r of d.rows)
          expect(shown, `${d.id} ${r.actor}`).toContain(
            `by ${r.settledBy} · margin ${signedGap(r.margin[0])} … ${signedGap(r.margin[1])}`,
          );
        await ui.press(KEY.down);
      }
      expect(
        view.documents.some((d) => d.rows.some((r) => /\[(reading|assumption)\]$|\)$/.test(r.settledBy))),
      ).toBe(true);
    });
});

describe('the evidence screen documents', () => {
  it('should list the documents by date, as the overview and the timeline do, each once', () => {
    const s = scenario('ukraine-peace');
    const view = viewOf(s, calibrateScenario(lp, s));
    const dates = view.documents.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(view.documents.map((d) => d.id).sort()).toEqual(s.documents.map((d) => d.id).sort());
    // the file's order is not the date order on the default scenario, so this can fail
    expect(s.documents.map((d) => d.date)).not.toEqual(dates);
  });

  it("should say which way each verdict's flips go: from the verdict at the model's numbers, as peacesim hinges says", () => {
    const s = scenario('ukraine-peace');
    const view = viewOf(s, calibrateScenario(lp, s));
    const hinges = documentHinges(s);
    let depends = 0;
    for (const d of view.documents) {
      const h = hinges.find((x) => x.id === d.id)!;
      for (const r of d.rows) {
        const accepts = h.verdicts[r.actor]!.accepts;
        const head = flipsHead(r);
        expect(head).toContain(`would ${accepts ? 'reject' : 'accept'} if:`);
        // a verdict the model's numbers decide one way is named with them when the row shows another word
        if (r.verdict === 'depends') {
          depends++;
          expect(head).toContain(`(${accepts ? 'accepts' : 'rejects'} at the model's numbers)`);
        } else if (r.verdict === (accepts ? 'accepts' : 'rejects'))
          expect(head).toBe(`${actorAtStart(s, r.actor)} would ${accepts ? 'reject' : 'accept'} if:`);
      }
    }
    // the default scenario has verdicts that depend on the model, among them some the model accepts
    expect(depends).toBeGreaterThan(0);
    expect(
      view.documents.some((d) =>
        d.rows.some(
          (r) => r.verdict === 'depends' && hinges.find((x) => x.id === d.id)!.verdicts[r.actor]!.accepts,
        ),
      ),
    ).toBe(true);
  });
});

describe('the evidence screen line on the default run', () => {
  it('should count what alone changes the outcome before naming it (the line is cut at the width)', () => {
    const item = (label: string) => ({
      id: label,
      label,
      basis: 'reading' as const,
      sources: [],
      outcomeIfReversed: 'stalemate' as const,
    });
    const base = {
      computed: true as const,
      outcome: 'signed' as const,
      tried: 5,
      unranged: 0,
      unrangedThresholds: 0,
      stated: 1,
      fixedStrategies: [],
      beforeRecord: { date: '2025-01-01', positions: [] },
    };
    expect(restsOnLine({ ...base, items: [item('A'), item('B')] })).toBe(
      'Default run: signed · 2 readings or assumptions alone change it: [reading] A; [reading] B',
    );
    expect(restsOnLine({ ...base, items: [] })).toBe(
      'Default run: signed · no reading or assumption alone changes it (5 tried)',
    );
  });
});
