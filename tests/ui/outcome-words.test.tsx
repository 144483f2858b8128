// The outcome screen, read out in the debrief: the terms named in full where the row has room, and the • mark
// explained where it stands (it marks a move from the status quo here, not from a tabled document).
import { afterEach, describe, expect, it } from 'vitest';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { flat, SMALL } from './panes.ts';
import { explore, scenario } from './render.tsx';

let unmount = () => {};
afterEach(() => unmount());

async function outcomeAt(size: { columns: number; rows: number }) {
  const s = scenario('ukraine-peace');
  const game = startGame(s, { seed: 1 });
  const ui = await explore('ukraine-peace', size, { initial: playState(s, openPlay(game, s.id, 0)) });
  unmount = ui.unmount;
  await ui.press('r');
  await ui.waitFor('The last text on the table');
  return ui;
}

describe('the outcome screen', () => {
  it('should name each term in full at 120 columns', async () => {
    const ui = await outcomeAt({ columns: 120, rows: 40 });
    expect(ui.frame()).toContain("Cap on Ukraine's armed forces ");
    expect(ui.frame()).toContain('Frozen Russian sovereign assets ');
    expect(ui.frame()).not.toMatch(/^. \S.*…\s{2,}/m);
  });

  it('should keep whole, at 80×24, where the facilitator view is and what enter does', async () => {
    const ui = await outcomeAt(SMALL);
    const fits = (lines: readonly string[]) => {
      expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
      expect(lines.every((l) => Array.from(l).length <= SMALL.columns)).toBe(true);
      // the terms give up rows for the wrapped lines, and say so
      expect(lines.join('\n')).toMatch(/… \d+ more terms \(peacesim report for all\)/);
    };
    fits(ui.lines());
    expect(flat(ui.lines())).toContain('u rewinds into it · enter returns to the explorer');
    // the public view the teams see
    await ui.press('v');
    await ui.waitFor('Who accepted');
    fits(ui.lines());
    expect(flat(ui.lines())).toContain(
      'Who accepted the last text tallied · v shows what it is worth to each (facilitator view)',
    );
  });

  it('should say what • marks beside the terms', async () => {
    const ui = await outcomeAt({ columns: 80, rows: 24 });
    expect(ui.frame()).toMatch(/The last text on the table · • where they differ from the status quo/);
  });
});
