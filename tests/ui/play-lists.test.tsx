// Marks and counts under the play lists: the inject list shows six rows of fifteen and says which way the rest
// lie, never pointing down from the last; the setup form says what • beside a bot means, and marks the basis of each
// bot's strategy as the scenario gives it.
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import type { StrategyKind } from '../../src/domain/types.ts';
import { STRATEGY_WORDS } from '../../src/report/words.ts';
import { restWords } from '../../src/ui/components/choice-list.tsx';
import { playState } from '../../src/ui/state/app.ts';
import { startGame, step } from '../../src/ui/state/play.ts';
import { botActors, openSetup } from '../../src/ui/state/play-setup.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { basisText } from '../../src/ui/words.ts';
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

const botWords = (kind: StrategyKind) => (kind === 'human' ? 'played by a team' : STRATEGY_WORDS[kind]);

describe("the setup's bots", () => {
  // a bot's strategy is the scenario's reading of the actor's record (or the modeller's assumption): "Russia
  // boulware concedes late" unmarked read as a fact about Russia
  for (const id of shippedIds())
    it(`${id}: each bot playing the scenario's own strategy carries its basis mark`, async () => {
      const s = scenario(id);
      const ui = await explore(id, { columns: 120, rows: 40 });
      unmount = ui.unmount;
      await ui.press('p', KEY.enter);
      await ui.waitFor('choose a bot');
      const lines = ui.lines();
      const list = lines.slice(lines.findIndex((l) => l.includes('choose a bot')) + 1);
      const bots = botActors(s, openSetup(s));
      expect(bots.length).toBeGreaterThan(0);
      for (const [k, bot] of bots.entries()) {
        const a = s.actors[s.actorIndex.get(bot)!]!;
        const line = list[k]!;
        expect(line, a.id).toContain(a.name);
        expect(
          line.trimEnd().endsWith(`${botWords(a.strategy.kind)}${basisText(a.strategy.basis)}`),
          line,
        ).toBe(true);
      }
    });
});
