// The outcome screen, read out in the debrief: the terms named in full where the row has room, and the • mark
// explained where it stands (it marks a move from the status quo here, not from a tabled document).
import { afterEach, describe, expect, it } from 'vitest';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
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

  it('should say what • marks beside the terms', async () => {
    const ui = await outcomeAt({ columns: 80, rows: 24 });
    expect(ui.frame()).toMatch(/The last text on the table · • where they differ from the status quo/);
  });
});
