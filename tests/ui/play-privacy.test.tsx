// The public view: while the facilitator has the keyboard the teams see the shared screen, so no actor's private
// numbers are on it — unless the facilitator asks (v), and never once a team's gate opens. And every play state
// fits the terminal, heading first.
import { afterEach, describe, expect, it } from 'vitest';
import { firstTurn, proposerOf } from '../../src/domain/protocol.ts';
import { playState } from '../../src/ui/state/app.ts';
import { inject, type PlayGame, runToTurn, startGame, step } from '../../src/ui/state/play.ts';
import { openPlay, playReducer, showsNumbers } from '../../src/ui/state/play-view.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { type Line, publicShift, TranscriptWords } from '../../src/ui/transcript-words.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const text = (lines: readonly Line[]) => lines.map((l) => l.spans.map((s) => s.text).join('')).join('\n');
/** a private number or the words that come with one */
const PRIVATE = /\d\.\d{3}|holds out for|no deal:|no deal \(|worth \d|drift|costs it most/;
/** what only the team on move may see */
const BRIEFING = /for this team's eyes only/;

function session(game: PlayGame) {
  return playState(game.scenario, openPlay(game, game.scenario.id, 0));
}

describe('the transcript in the public view', () => {
  it('should keep verdicts, red lines and asks, and drop every utility, reservation, cost and drift', () => {
    const s = scenario('tutorial-bilateral');
    const game = runToTurn(startGame(s, { seed: 1, maxRounds: 6 }));
    const entries = game.snapshot.context.transcript;
    expect(entries.some((e) => e.kind === 'drift')).toBe(true);
    const full = text(new TranscriptWords(s, MONO_THEME).transcript(entries));
    const open = text(new TranscriptWords(s, MONO_THEME, [], { public: true }).transcript(entries));
    expect(full).toContain('Values of no deal drift');
    expect(full).toContain('holds out for');
    expect(open).not.toMatch(PRIVATE);
    expect(open).toContain('✗ South (stylised Ukraine) rejects. It asks for changes to');
    expect(open).toContain('✓ South (stylised Ukraine) accepts.');
    expect(open).toContain('Signed in round');
    // the same events, the same rounds: only the numbers go
    expect(open.match(/^Round \d+$/gm)).toEqual(full.match(/^Round \d+$/gm));
  });

  it('should tell an inject that moves a value of no deal without its numbers', () => {
    const s = scenario('28-point-path');
    let game = step(startGame(s, { seed: 1 }));
    game = inject(game, 'us-pressure-on-ukraine');
    game = inject(game, 'us-oil-sanctions-threat');
    game = runToTurn(game);
    const entries = game.snapshot.context.transcript;
    const full = text(new TranscriptWords(s, MONO_THEME).transcript(entries));
    const open = text(new TranscriptWords(s, MONO_THEME, [], { public: true }).transcript(entries));
    expect(full).toMatch(/Ukraine's value of no deal: 0\.\d{3} → 0\.\d{3}/);
    expect(open).toContain("Ukraine's value of no deal falls: its position softens");
    expect(open).toContain("Russia's value of no deal falls: its position softens");
    expect(open).not.toMatch(PRIVATE);
    // red lines are public statements: they keep their sources
    expect(open).toMatch(
      /• NATO alone decides on its members; no bar on Ukraine written into NATO's rules\.( \[\w+\])? \[s37, s40, nato-open-door-feb-2022\]/,
    );
    expect(publicShift('Russia', 0.5, 0.6)).toBe("Russia's value of no deal rises: its position hardens");
  });

  it('should default to the public view when a team plays, and switch back to it when a gate opens', () => {
    const s = scenario('tutorial-bilateral');
    const bots = openPlay(startGame(s, { seed: 1 }), s.id, 0);
    expect(showsNumbers(bots)).toBe(true);
    let v = openPlay(startGame(s, { seed: 1, strategies: { north: { kind: 'human' } } }), s.id, 0);
    expect(showsNumbers(v)).toBe(false);
    v = playReducer(v, { type: 'view' });
    expect(showsNumbers(v)).toBe(true);
    v = playReducer(v, { type: 'run' });
    expect(v.turn?.stage).toBe('gate');
    expect(v.facilitator).toBe(false);
    // no numbers while the turn is open, whatever is pressed
    v = playReducer(v, { type: 'view' });
    expect(showsNumbers(v)).toBe(false);
    expect(v.notice).toContain("a team's turn is open");
  });
});

describe('the play screen in the public view', () => {
  it('should show no private number while the facilitator has the keyboard, through a whole session', async () => {
    const s = scenario('28-point-path');
    const ui = await explore(
      '28-point-path',
      { columns: 100, rows: 30 },
      { initial: session(startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } })) },
    );
    unmount = ui.unmount;
    await ui.press(' ', 'i');
    await ui.press(KEY.enter);
    await ui.waitFor('injected: ');
    for (let turn = 0; turn < 12 && !ui.frame().includes('The last text'); turn++) {
      await ui.press('r');
      if (!ui.frame().includes('Pass the keyboard to the Ukraine team.')) continue;
      expect(ui.frame()).toContain('public view');
      // v does nothing at the gate
      await ui.press('v');
      expect(ui.frame()).not.toMatch(PRIVATE);
      await ui.press(KEY.enter);
      expect(ui.frame()).toMatch(BRIEFING);
      await ui.press('x', KEY.enter);
      expect(ui.frame()).toContain('Move recorded.');
      await ui.press(KEY.enter);
    }
    const end = ui.frame();
    expect(end).toContain('Stalemate');
    expect(end).toContain('Who accepted the last text tallied');
    expect(end).toMatch(/Ukraine\s+✗ rejects/);
    let seen = 0;
    for (const frame of ui.frames) {
      if (BRIEFING.test(frame)) continue;
      seen++;
      expect(frame).not.toMatch(PRIVATE);
    }
    expect(seen).toBeGreaterThan(20);
    // the facilitator view on the outcome: each actor's worth, and the marker
    await ui.press('v');
    expect(ui.frame()).toContain('facilitator view — numbers shown');
    expect(ui.frame()).toContain('Worth to each actor');
    expect(ui.frame()).toMatch(/no deal 0\.\d{3}/);
  });

  it('should show the numbers on v, mark the status line, and hide them again when a gate opens', async () => {
    const s = scenario('28-point-path');
    const ui = await explore(
      '28-point-path',
      { columns: 100, rows: 30 },
      { initial: session(startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } })) },
    );
    unmount = ui.unmount;
    await ui.press('r', KEY.enter, 'x', KEY.enter, KEY.enter);
    expect(ui.frame()).toContain('public view · v numbers');
    expect(ui.frame()).toContain('✓ The United States accepts.');
    expect(ui.frame()).toContain('✗ Russia rejects.');
    await ui.press('v');
    const full = ui.frame().replace(/\s+/g, ' ');
    expect(full).toContain('facilitator view — numbers shown');
    expect(full).toContain(
      '✗ Russia rejects: worth 0.734 to it, short of the 0.974 it holds out for (no deal: 0.580).',
    );
    await ui.press('r');
    expect(ui.frame()).toContain('Pass the keyboard to the Ukraine team.');
    expect(ui.frame()).not.toContain('facilitator view');
    expect(ui.frame()).not.toMatch(PRIVATE);
  });
});

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 120, rows: 40 },
] as const;

describe('every play state fits the terminal', () => {
  for (const size of SIZES) {
    it(`should fit ${size.columns}×${size.rows}, the heading on the first line`, async () => {
      const fits = (state: string, heading = true) => {
        const lines = ui.lines();
        expect(lines.length, `${state}:\n${ui.frame()}`).toBeLessThanOrEqual(size.rows - 1);
        for (const l of lines) expect(Array.from(l).length, state).toBeLessThanOrEqual(size.columns);
        if (heading) expect(lines[0], `${state}:\n${ui.frame()}`).toMatch(/^Play — /);
      };
      const s = scenario('ukraine-peace');
      // Ukraine answers, the US revises as mediator: every kind of turn
      const ui = await explore('ukraine-peace', size, {
        initial: session(
          startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' }, us: { kind: 'human' } } }),
        ),
      });
      unmount = ui.unmount;
      fits('not started');
      await ui.press(' ', ' ', ' ');
      fits('running');
      await ui.press('i');
      fits('inject');
      // the ad-hoc lists below the manual events: walk-out's confirmation is the deepest
      // below the manual events come shift, drop, table, then walk-out
      const toWalkOut = s.events.filter((e) => 'manual' in e.trigger).length + 3;
      await ui.press(...Array.from({ length: toWalkOut }, () => KEY.down), KEY.enter);
      await ui.waitFor('who walks out?');
      fits('inject: who walks out');
      await ui.press(KEY.enter);
      await ui.waitFor('sure?');
      fits('inject: confirm a walk-out');
      await ui.press(KEY.esc, KEY.esc, KEY.esc, 's');
      fits('save');
      await ui.press(KEY.esc, 'w');
      expect(ui.frame()).toContain('Write the after-action report');
      fits('report');
      await ui.press(KEY.esc, 'r');
      expect(ui.frame()).toContain('Pass the keyboard');
      fits('gate');
      for (let k = 0; k < 8 && !ui.frame().includes('Revise the text'); k++) {
        await ui.press(KEY.enter);
        fits('briefing');
        if (ui.frame().includes('e edit the terms')) {
          await ui.press('e');
          break;
        }
        await ui.press('a');
        fits('briefing with a refused move');
        await ui.press('x');
        fits('reject with asks');
        await ui.press(KEY.enter);
        fits('moved');
        await ui.press(KEY.enter, 'r');
      }
      expect(ui.frame()).toContain('Revise the text');
      fits('term editor');
      await ui.press('?');
      fits('help', false);
    });

    it(`should fit the setup form and the outcome at ${size.columns}×${size.rows}`, async () => {
      const s = scenario('ukraine-peace');
      const setup = await explore('ukraine-peace', size);
      unmount = setup.unmount;
      await setup.press('p', ' ', KEY.down, ' ');
      const form = setup.lines();
      expect(form.length).toBeLessThanOrEqual(size.rows - 1);
      expect(form[0]).toMatch(/^Play a session — /);
      setup.unmount();
      // under alternating offers the protocol names who proposes first, whole, however narrow the screen
      const turns = await explore('istanbul-2022', size);
      unmount = turns.unmount;
      await turns.press('p');
      const taken = turns.lines();
      expect(taken.length, turns.frame()).toBeLessThanOrEqual(size.rows - 1);
      const first = scenario('istanbul-2022');
      const who = first.actors[proposerOf(first, firstTurn(first))]!.name;
      expect(taken.slice(0, 2).join(' ')).toContain(
        `alternating offers · ${who} proposes first${firstTurn(first) === 2 ? ' · after the opening text' : ''}`,
      );
      expect(taken.join('\n')).toMatch(/Start/);
      turns.unmount();
      const ui = await explore('ukraine-peace', size, { initial: session(startGame(s, { seed: 1 })) });
      unmount = ui.unmount;
      await ui.press('r');
      for (const view of ['facilitator', 'public']) {
        const lines = ui.lines();
        expect(lines.length, `${view}:\n${ui.frame()}`).toBeLessThanOrEqual(size.rows - 1);
        expect(lines[0]).toMatch(/^Play — /);
        expect(ui.frame()).toContain(view === 'public' ? 'Who accepted' : 'Worth to each actor');
        await ui.press('v');
      }
    });
  }
});
