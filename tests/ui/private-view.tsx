// A team's private view on the play screen, opened as a facilitator opens it: teams for the actors named, bots for
// the rest, round 1 started (r), the keyboard passed to the first team (enter).
import type { Scenario } from '../../src/domain/types.ts';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, KEY } from './render.tsx';

/** `id` is what `explore` opens (a shipped id or a file); `s` is that scenario, compiled. */
export async function openPrivateView(
  id: string,
  s: Scenario,
  teams: readonly string[],
  size: { columns: number; rows: number },
) {
  const game = startGame(s, {
    seed: 1,
    strategies: Object.fromEntries(teams.map((a) => [a, { kind: 'human' }])),
  });
  const ui = await explore(id, size, { initial: playState(s, openPlay(game, id, 0)) });
  await ui.press('r');
  await ui.waitFor('Pass the keyboard to the');
  await ui.press(KEY.enter);
  await ui.waitFor('Your issues');
  return ui;
}
