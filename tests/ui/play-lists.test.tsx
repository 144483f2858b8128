// Marks and counts under the play lists: the inject list shows six rows of fifteen and says which way the rest
// lie, never pointing down from the last; the setup form says what • beside a bot means.
import { afterEach, describe, expect, it } from 'vitest';
import { restWords } from '../../src/ui/components/choice-list.tsx';
import { playState } from '../../src/ui/state/app.ts';
import { startGame, step } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount = () => {};
afterEach(() => unmount());

describe('the inject list', () => {
  it('should say where the rest of the list lies', () => {
    expect(restWords(15, 0, 6)).toBe('15 in all · ↓ for the rest');
    expect(restWords(15, 4, 6)).toBe('15 in all · ↑↓ for the rest');
    expect(restWords(15, 9, 6)).toBe('15 in all · ↑ for the ones above');
  });

  it('should not point down from the last entry', async () => {
    const s = scenario('ukraine-peace');
    const game = step(startGame(s, { seed: 1 }));
    const ui = await explore(
      'ukraine-peace',
      { columns: 100, rows: 30 },
      {
        initial: playState(s, openPlay(game, s.id, 0)),
      },
    );
    unmount = ui.unmount;
    await ui.press('i');
    await ui.waitFor('in all');
    expect(ui.frame()).toMatch(/\d+ in all · ↓ for the rest/);
    await ui.press(...Array.from({ length: 30 }, () => KEY.down));
    expect(ui.frame()).toContain('Ad hoc: a goodwill gesture');
    expect(ui.frame()).toMatch(/\d+ in all · ↑ for the ones above/);
    expect(ui.frame()).not.toContain('↓ for the rest');
  });
});

describe('the setup form', () => {
  it('should say what • marks beside a bot whose strategy was changed', async () => {
    const ui = await explore('security-triangle', { columns: 100, rows: 30 });
    unmount = ui.unmount;
    await ui.press('p', KEY.enter, KEY.right);
    await ui.waitFor('•');
    expect(ui.frame()).toContain("←→ change its strategy (•: not the scenario's own)");
  });
});
