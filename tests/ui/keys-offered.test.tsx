// At 80×24, on every screen and in every state of a play session: the status line shows every key that does
// something there (none cut off the line, help always one key away), and every key it offers does something —
// pressed, the screen changes and no refusal appears.
import { afterEach, describe, expect, it } from 'vitest';
import { keyContext, keySituation } from '../../src/ui/app.tsx';
import { type KeyBinding, offeredHints, type Situation } from '../../src/ui/key-binding.ts';
import { GLOBAL_KEYS, KEY_TABLES } from '../../src/ui/keys.ts';
import {
  type AppAction,
  type AppState,
  appReducer,
  initialState,
  playState,
} from '../../src/ui/state/app.ts';
import { type PlayGame, startGame } from '../../src/ui/state/play.ts';
import { openPlay, type PlayAction, type PlayView, playReducer } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

const ID = 'tutorial-bilateral';
const SIZE = { columns: 80, rows: 24 };

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const app = (s: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, s);
const view = (v: PlayView, ...actions: PlayAction[]) => actions.reduce(playReducer, v);
const playing = (game: PlayGame, ...actions: PlayAction[]) =>
  playState(game.scenario, view(openPlay(game, ID, 0), ...actions));

/** A play view with `team` played by people, run until that team must `move`. */
function turnOf(team: string, move: 'respond' | 'propose'): PlayView {
  let v = view(openPlay(startGame(scenario(ID), { strategies: { [team]: { kind: 'human' } } }), ID, 0));
  for (let k = 0; k < 40; k++) {
    v = view(v, { type: 'run' });
    if (v.turn?.move === move) return v;
    // answer and go on: a rejection keeps the talks going
    v = view(v, { type: 'enter' }, { type: 'ask' }, { type: 'reject', asks: [] }, { type: 'enter' });
  }
  throw new Error(`${team} never had to ${move}`);
}

function states(): [string, AppState][] {
  const s = initialState(scenario(ID));
  const doc = scenario(ID).documents[0]!.id;
  const sandbox = app(s, { type: 'open-document', document: doc });
  const changed = app(sandbox, { type: 'sandbox', action: { type: 'step-option', delta: -1 } });
  const analysis = app(s, { type: 'go', screen: 'analysis' });
  const setup = app(s, { type: 'open-play' });
  const next = { type: 'setup', action: { type: 'next' } } as const;
  const bots = startGame(scenario(ID), {});
  const answer = turnOf('north', 'respond');
  const propose = turnOf('south', 'propose');
  const stepped = playing(bots, { type: 'step' });
  return [
    ['overview', s],
    ['overview, the actors in focus', app(s, { type: 'toggle-overview-focus' })],
    ['sandbox', sandbox],
    ['sandbox with a change', changed],
    ['sandbox with a change undone', app(changed, { type: 'sandbox', action: { type: 'undo' } })],
    ['an issue explained', app(sandbox, { type: 'overlay', overlay: 'issue' })],
    ['analysis', analysis],
    ['analysis with concessions', app(analysis, { type: 'compute-concessions', document: doc })],
    ['the scenario picker', app(s, { type: 'go', screen: 'picker' })],
    ['setup: teams', setup],
    ['setup: bots', app(setup, next)],
    ['setup: seed', app(setup, next, next)],
    ['setup: start', app(setup, next, next, next, next, next)],
    ['help', app(s, { type: 'overlay', overlay: 'help' })],
    ['play, not started', playing(bots)],
    ['play, running', stepped],
    ['play, paused', playing(bots, { type: 'step' }, { type: 'pause' })],
    ['play, the inject list', playing(bots, { type: 'step' }, { type: 'prompt', prompt: 'inject' })],
    ['play, the save prompt', playing(bots, { type: 'step' }, { type: 'prompt', prompt: 'save' })],
    ['play, a privacy gate', playState(scenario(ID), answer)],
    ['play, a team answers', playState(scenario(ID), view(answer, { type: 'enter' }))],
    [
      'play, a team names its asks',
      playState(scenario(ID), view(answer, { type: 'enter' }, { type: 'ask' })),
    ],
    ['play, a move recorded', playState(scenario(ID), view(answer, { type: 'enter' }, { type: 'accept' }))],
    ['play, a team proposes', playState(scenario(ID), view(propose, { type: 'enter' }))],
    ['play, the term editor', playState(scenario(ID), view(propose, { type: 'enter' }, { type: 'edit' }))],
    ['play, the outcome', playing(bots, { type: 'run' })],
  ];
}

/** The keystrokes a binding answers to: the first key its help names; both ways for a pair (↑↓, ←→). */
function keystrokes(b: KeyBinding, situation: Situation): string[] {
  const hint = typeof b.hint === 'function' ? b.hint(situation) : (b.hint ?? '');
  if (hint.startsWith('↑↓')) return [KEY.down, KEY.up];
  if (hint.startsWith('←→')) return [KEY.right, KEY.left];
  const key = keystroke(b);
  return key === null ? [] : [key];
}

function keystroke(b: KeyBinding): string | null {
  const first = b.keys.split(/\s+/)[0]!;
  const named: Record<string, string> = {
    '↑': KEY.up,
    '↓': KEY.down,
    '←': KEY.left,
    '→': KEY.right,
    enter: KEY.enter,
    tab: KEY.tab,
    space: ' ',
    esc: KEY.esc,
    pgup: '\u001B[5~',
    pgdn: '\u001B[6~',
    '1–4': '1',
    '0–9': '5',
    text: 'x',
  };
  if (b.id === 'quit') return null; // quitting ends the explorer: covered by the e2e tests
  return named[first] ?? (Array.from(first).length === 1 ? first : null);
}

/** Words that mean a key did nothing. */
const REFUSALS = [
  'nothing to',
  'cannot',
  'a team must move first',
  'paused: z resumes',
  'did not move',
  'the session is over:',
  'already the document',
  'no option further',
  'you answer the text this turn',
  'this turn: e edits',
  "a team's turn is open",
  'no term changes',
];

describe('the keys at 80×24', () => {
  for (const [name, state] of states()) {
    it(`should offer every key that works, whole, and each does something: ${name}`, async () => {
      const context = keyContext(state);
      const situation = keySituation(state);
      const offered = [...KEY_TABLES[context], ...GLOBAL_KEYS].filter(
        (b) => b.hint !== undefined && (!b.offered || b.offered(situation)),
      );
      const ui = await explore(ID, SIZE, { initial: state });
      unmount = ui.unmount;
      const before = ui.frame();
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(SIZE.rows);
      // the status line is the frame's last rows: each hint there whole
      const status = lines.slice(-3).join('\n');
      for (const hint of offeredHints([...KEY_TABLES[context], ...GLOBAL_KEYS], situation))
        expect(status, `${name}: "${hint}" is not on the status line`).toContain(hint);
      // every other key is one key away: the help, or (typing) esc out of the field
      expect(status).toContain(situation.typing ? 'esc back' : '? help');
      unmount();

      for (const b of offered) {
        const tried: string[] = [];
        for (const key of keystrokes(b, situation)) {
          const fresh = await explore(ID, SIZE, { initial: state });
          unmount = fresh.unmount;
          await fresh.press(key);
          const after = fresh.frame();
          const refused = REFUSALS.find((r) => after.includes(r) && !before.includes(r));
          unmount();
          if (after !== before && !refused) break;
          tried.push(
            refused
              ? `${JSON.stringify(key)} was refused: ${refused}`
              : `${JSON.stringify(key)} changed nothing`,
          );
        }
        expect(tried.length, `${name}: ${b.keys} (${b.id}): ${tried.join('; ')}`).toBeLessThan(
          keystrokes(b, situation).length || 1,
        );
      }
      unmount = undefined;
    }, 60_000);
  }
});
