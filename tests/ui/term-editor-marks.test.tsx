// The term editor lists the team's red lines beside the terms it drafts; one the scenario applies before its
// earliest source carries the † note with that source there too, as the team's card, the transcript and `peacesim
// brief` give it (it read bare in the editor). From the data: which of istanbul-2022's Russian red lines are applied
// early is `appliedBeforeRecord`'s.
import { afterEach, describe, expect, it } from 'vitest';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { GLYPH } from '../../src/ui/theme.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe("the term editor's red lines", () => {
  it('should mark each red line applied before its earliest source with that source, and no other', async () => {
    const s = scenario('istanbul-2022');
    const russia = s.actors[s.actorIndex.get('russia')!]!;
    const early = appliedBeforeRecord(s, s.date).filter((e) => e.actor === 'russia' && e.kind === 'redLine');
    // Russia holds a red line applied early and others not, or the test proves nothing
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(russia.redLines.length);
    const game = startGame(s, { seed: 1, strategies: { russia: { kind: 'human' } } });
    const ui = await explore(
      'istanbul-2022',
      { columns: 160, rows: 60 },
      { initial: playState(s, openPlay(game, s.id, 0)) },
    );
    unmount = ui.unmount;
    // answer texts until it is Russia's turn to propose, then open the editor
    for (let round = 0; round < 4 && !ui.frame().includes('e opens it'); round++) {
      await ui.press('r');
      await ui.waitFor('Pass the keyboard to the Russia team.');
      await ui.press(KEY.enter);
      if (ui.frame().includes('e opens it')) break;
      await ui.press('x', KEY.enter);
      await ui.waitFor('Move recorded.');
      await ui.press(KEY.enter);
    }
    expect(ui.frame()).toContain('e opens it');
    await ui.press('e');
    expect(ui.frame()).toContain('Your red lines');
    // the editor's right-hand pane, read on its own: the terms share its rows
    const pane = ui.lines().map((l) => l.split('│').at(-1)!);
    for (const r of russia.redLines) {
      const at = pane.findIndex((l) => l.includes(r.text.slice(0, 30)));
      expect(at, r.id).toBeGreaterThanOrEqual(0);
      const next = pane.findIndex((l, k) => k > at && /^\s*[✓✗] /.test(l));
      const rows = pane
        .slice(at, next < 0 ? undefined : next)
        .join(' ')
        .replace(/\s+/g, ' ');
      const e = early.find((x) => x.id === r.id);
      if (e)
        expect(rows, r.id).toContain(
          `${GLYPH.before} before its earliest source (${e.earliest!.source}, ${e.earliest!.date})`,
        );
      else expect(rows, r.id).not.toContain(GLYPH.before);
    }
  });
});
