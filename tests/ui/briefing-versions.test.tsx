// A team's private view lists its red lines; where two are versions of one contested fact (Ukraine's stated line on
// withdrawal and the modeller's stricter reading of the same words, istanbul-2022), the later one says so, as the
// cards of `peacesim brief` do — from the data (versionAsides), never from the words.
import { afterEach, describe, expect, it } from 'vitest';
import { redLineOf } from '../../src/domain/evaluate.ts';
import { aboveRef, versionAsides } from '../../src/report/red-line-versions.ts';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe("a team's red lines that are two versions of one contested fact", () => {
  it('should carry the aside on the later one, in the briefing and in the term editor', async () => {
    const s = scenario('istanbul-2022');
    const ukraine = s.actors[s.actorIndex.get('ukraine')!]!;
    const asides = versionAsides(s, 'ukraine', ukraine.redLines.map(redLineOf), aboveRef);
    // the scenario holds such a pair, or the test proves nothing
    const k = asides.findIndex((a) => a !== null);
    expect(k).toBeGreaterThan(0);
    const game = startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } });
    const ui = await explore(
      'istanbul-2022',
      { columns: 120, rows: 40 },
      { initial: playState(s, openPlay(game, s.id, 0)) },
    );
    unmount = ui.unmount;
    const flat = () => ui.frame().replace(/[\s│]+/g, ' ');
    await ui.press('r');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('Your red lines');
    expect(flat()).toContain(`(${asides[k]})`);
    // once: only the later version says it
    expect(flat().split(`(${asides[k]})`).length).toBe(2);
    expect(asides.filter((a) => a !== null)).toHaveLength(1);
    // reject, and on Ukraine's turn to propose open the term editor: its list of red lines says it too
    await ui.press('x', KEY.enter);
    await ui.waitFor('Move recorded.');
    await ui.press(KEY.enter);
    await ui.press('r');
    await ui.waitFor('Pass the keyboard to the Ukraine team.');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('e opens it');
    await ui.press('e');
    expect(ui.frame()).toContain('Your red lines');
    // the editor's right-hand pane, read on its own: the terms share its rows
    const pane = ui
      .lines()
      .map((l) => l.split('│').at(-1)!)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(pane).toContain(`(${asides[k]})`);
  });
});
