// A team's private briefing is read by the team alone, once, before it moves: its red lines must be whole (a line
// cut at "…ceasefire of…" loses the very condition it sets), its issues named in full where the row has room, and
// its value of no deal marked with its basis, as the overview marks it.

import { afterEach, describe, expect, it } from 'vitest';
import { withBasis } from '../../src/domain/basis.ts';
import { splitRedRows } from '../../src/ui/components/briefing.tsx';
import { fitRows } from '../../src/ui/components/folded-row.tsx';
import { playState } from '../../src/ui/state/app.ts';
import { type PlayGame, startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount = () => {};
afterEach(() => unmount());

function session(game: PlayGame) {
  return playState(game.scenario, openPlay(game, game.scenario.id, 0));
}

/** The briefing of the Ukraine team on the opening text of ukraine-peace, at `size`. */
async function ukraineBriefing(size: { columns: number; rows: number }) {
  const s = scenario('ukraine-peace');
  const ui = await explore('ukraine-peace', size, {
    initial: session(startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } })),
  });
  unmount = ui.unmount;
  await ui.press('r');
  await ui.waitFor('Pass the keyboard');
  await ui.press(KEY.enter);
  await ui.waitFor("for this team's eyes only");
  return { s, ui };
}

/** The screen's words with the line breaks and the indents of wrapped lines taken out. */
const flat = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');

describe('the team briefing', () => {
  it('should show every red line whole, wrapped, at 120×36', async () => {
    const { s, ui } = await ukraineBriefing({ columns: 120, rows: 36 });
    const words = flat(ui.frame());
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    for (const r of ukraine.redLines) expect(words, r.text).toContain(r.text);
    expect(ui.frame()).not.toMatch(/kept .*…$/m);
  });

  it('should name the issues in full where the row has room, at 120×36', async () => {
    const { ui } = await ukraineBriefing({ columns: 120, rows: 36 });
    expect(ui.frame()).toContain("Cap on Ukraine's armed forces ");
    expect(ui.frame()).toContain('Security guarantee for Ukraine ');
  });

  it('should mark the value of no deal with its basis', async () => {
    const { s, ui } = await ukraineBriefing({ columns: 120, rows: 36 });
    const basis = s.actors.find((a) => a.id === 'ukraine')!.reservation.basis;
    expect(basis).toBe('assumption');
    expect(ui.frame()).toMatch(/no deal is worth \d\.\d{3} \[assumption\]\./);
  });

  it('should fit 80×24 and say how many red lines it cut, never cutting one mid-sentence', async () => {
    const { ui } = await ukraineBriefing({ columns: 80, rows: 24 });
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    expect(ui.frame()).not.toMatch(/(kept|broken) .*…$/m);
  });
});

describe('the briefing rows', () => {
  it('should give both lists their rows when they fit, and else the red lines first, the list a few', () => {
    expect(splitRedRows(10, [1, 2], 20, false)).toEqual([10, 4]);
    expect(splitRedRows(20, [2, 2, 2], 12, false)).toEqual([5, 7]);
    expect(splitRedRows(20, [2, 2, 2, 2, 2, 2], 12, false)).toEqual([4, 8]);
    expect(splitRedRows(3, [2, 2, 2, 2, 2, 2], 12, false)).toEqual([3, 9]);
    expect(splitRedRows(20, [2, 2, 2, 2, 2, 2], 12, true)).toEqual([6, 6]);
    expect(splitRedRows(20, [], 12, false)).toEqual([12, 0]);
  });

  it('should fit whole items and keep a row for the rest', () => {
    expect(fitRows([1, 2, 1], 4)).toEqual({ shown: 3, more: 0 });
    expect(fitRows([2, 2, 2], 5)).toEqual({ shown: 2, more: 1 });
    expect(fitRows([2, 2, 2], 4)).toEqual({ shown: 1, more: 2 });
    expect(fitRows([3], 2)).toEqual({ shown: 0, more: 1 });
  });
});

describe('the team briefing on a narrow screen', () => {
  it('should wrap what the text and no deal are worth rather than cut the basis', async () => {
    const { ui } = await ukraineBriefing({ columns: 80, rows: 24 });
    expect(flat(ui.frame())).toMatch(/no deal is worth \d\.\d{3} \[assumption\]\./);
  });
});

describe("the briefing's issues at 60 columns", () => {
  it('should give what the text says of each issue shown whole, wrapped in its column', async () => {
    const { s, ui } = await ukraineBriefing({ columns: 60, rows: 40 });
    const lines = ui.lines();
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(60);
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    // the issues by weight, as the briefing lists them; as many as it shows ("+N more issues" counts the rest)
    const issues = s.issues
      .filter((x) => (ukraine.weights[x.index] ?? 0) > 0)
      .sort((a, b) => ukraine.weights[b.index]! - ukraine.weights[a.index]! || a.index - b.index);
    const more = Number(/\+(\d+) more issues/.exec(ui.frame())?.[1] ?? 0);
    const shown = issues.slice(0, issues.length - more);
    expect(shown.length).toBeGreaterThan(2);
    // each row: the label's column (2–28), the weight's, what the text says (34–53) and its worth; a row's later lines
    // have no weight
    const head = lines.findIndex((l) => l.startsWith('Your issues'));
    const rows: string[][] = [];
    for (const l of lines.slice(head + 1)) {
      if (/^ {2}\S.{24} *\d+%/.test(l)) rows.push([l]);
      else if (/^ {2}(?! *\+\d+ more)\s*\S/.test(l) && rows.length) rows.at(-1)!.push(l);
      else break;
    }
    expect(rows).toHaveLength(shown.length);
    let wider = 0;
    for (const [k, x] of shown.entries()) {
      const part = (from: number, to: number) =>
        rows[k]!.map((l) => l.slice(from, to).trim())
          .filter((t) => t !== '')
          .join(' ');
      // the issue's name, with the basis mark of the preference its weight rests on
      expect(part(2, 28), x.id).toBe(withBasis(x.label, ukraine.preferences[x.index]!.basis));
      // whole: one of the issue's options, word for word
      const option = part(34, 53);
      expect(
        x.options.map((o) => o.label),
        `${x.id}: ${option}`,
      ).toContain(option);
      if (option.length > 53 - 34) wider++;
    }
    // some were wider than their column: they wrapped
    expect(wider).toBeGreaterThan(0);
  });
});

/** security-triangle with the US played by a team, at 100×30, on the term editor of its first revision. */
async function usTermEditor() {
  const s = scenario('security-triangle');
  const ui = await explore(
    'security-triangle',
    { columns: 100, rows: 30 },
    { initial: session(startGame(s, { seed: 1, strategies: { us: { kind: 'human' } } })) },
  );
  unmount = ui.unmount;
  for (let k = 0; k < 12 && !ui.frame().includes('e edit the terms'); k++) {
    await ui.press('r');
    await ui.press(KEY.enter);
    if (!ui.frame().includes('e edit the terms')) await ui.press('a', KEY.enter);
  }
  await ui.press('e');
  await ui.waitFor('Revise the text');
  return { s, ui };
}

describe('the term editor of a team', () => {
  it('should show its red lines whole when the pane has the rows, at 100×30', async () => {
    const { s, ui } = await usTermEditor();
    const words = flat(ui.frame().replace(/^.*│ ?/gm, ''));
    for (const r of s.actors.find((a) => a.id === 'us')!.redLines) expect(words, r.text).toContain(r.text);
  });
});

describe('a refused proposal in the term editor', () => {
  it('should name the red line it breaks in full', async () => {
    const { ui } = await usTermEditor();
    // US troops in Ukraine: across the team's own red line
    for (let k = 0; k < 12 && !ui.frame().includes('‹ US troops in Ukraine ›'); k++) {
      await ui.press(KEY.down);
      if (ui.frame().includes('❯ • US backstop') || ui.frame().includes('❯   US backstop'))
        await ui.press(KEY.right);
    }
    await ui.press(KEY.enter);
    await ui.waitFor('cannot table');
    expect(flat(ui.frame())).toContain(
      // the red line in the scenario's words, after a dash: not in quotation marks, as if they were the actor's
      'breaks its red line — No US troops will deploy to Ukraine as part of any guarantee',
    );
  });
});
