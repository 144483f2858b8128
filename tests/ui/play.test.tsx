// The play screen as a facilitator and the teams drive it: keys in, frames out (ink-testing-library).

import { afterEach, describe, expect, it } from 'vitest';
import { actorInSentence } from '../../src/domain/actor-names.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { parseSession } from '../../src/engine/session.ts';
import { lastRejectionWords } from '../../src/report/holdout-why.ts';
import { listing } from '../../src/report/words.ts';
import type { PlayHost } from '../../src/ui/host.ts';
import { playState } from '../../src/ui/state/app.ts';
import { type PlayGame, startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

type Ui = Awaited<ReturnType<typeof explore>>;

/** The frame's words with every run of whitespace as one space: sentences the transcript wraps read whole. */
const words = (ui: Ui) => ui.frame().replace(/[\s│]+/g, ' ');

async function open(
  id: string,
  options: Parameters<typeof explore>[2] = {},
  size = { columns: 100, rows: 30 },
) {
  const ui = await explore(id, size, options);
  unmount = ui.unmount;
  return ui;
}

/** The setup form: pick the teams by their row, keep the bots, seed and rounds, set the time box, start. */
async function setUp(ui: Ui, teamRows: readonly number[], minutes = '0') {
  await ui.press('p');
  expect(ui.frame()).toContain('Play a session');
  // the protocol in words, never its id (on the heading's second row when it does not fit beside the title)
  expect(ui.lines().slice(0, 2).join(' ')).toMatch(/(single text, mediated by|alternating offers)/);
  for (let row = 0; row < 4; row++) {
    if (teamRows.includes(row)) await ui.press(' ');
    await ui.press(KEY.down);
  }
  await ui.press(KEY.enter); // teams
  await ui.press(KEY.enter); // bots
  await ui.press(KEY.enter); // seed
  await ui.press(KEY.enter); // rounds
  await ui.press(KEY.backspace, ...minutes.split(''), KEY.enter); // time box
  expect(ui.frame()).toContain('enter starts the session');
  await ui.press(KEY.enter);
}

/** A play session opened directly (as tui --session does). */
function session(game: PlayGame, minutes = 0) {
  return playState(game.scenario, openPlay(game, game.scenario.id, minutes));
}

/** What only the team on move may see. */
const PRIVATE = ["for this team's eyes only", 'Your red lines', 'no deal is worth'];

describe('play: setup and a team’s turn', () => {
  it('should start from the setup form and show the privacy gate before any private number', async () => {
    const ui = await open('tutorial-bilateral');
    await setUp(ui, [0]);
    expect(ui.frame()).toContain('Play — Tutorial');
    expect(ui.frame()).toContain('seed 1 · teams: North');
    expect(ui.frame()).toContain('space opens round 1');
    await ui.press('r');
    const gate = ui.frame();
    expect(gate).toContain('Pass the keyboard to the North (stylised Russia) team.');
    expect(gate).toContain('Press enter when only they can see the screen.');
    expect(gate).toContain('waits for the North team to answer');
    for (const p of PRIVATE) expect(gate).not.toContain(p);
    // keys of the private view do nothing at the gate
    await ui.press('a');
    expect(ui.frame()).toContain('Pass the keyboard');

    await ui.press(KEY.enter);
    const brief = ui.frame();
    // the private words, wherever the briefing's wrapping breaks them
    for (const p of PRIVATE) expect(brief.replace(/\s+/g, ' ')).toContain(p);
    // the opening compromise is a text the record does not settle at all: said once, as its title says it; North
    // tabled it, and is told so, as the run tells it ("rejects the text it tabled")
    expect(brief.replace(/\s+/g, ' ')).toContain(
      'The text on the table (unconfirmed) is the text you tabled; it is worth 0.688 to you; no deal is worth 0.550 [assumption].',
    );
    expect(brief).toContain('✓ kept');
    expect(brief).toContain('Ukraine must renounce NATO membership.');
    // esc hides the private view again
    await ui.press(KEY.esc);
    for (const p of PRIVATE) expect(ui.frame()).not.toContain(p);
    await ui.press(KEY.enter, 'a');
    const after = ui.frame();
    expect(after).toContain('Move recorded.');
    expect(after).toContain('Pass the keyboard back to the facilitator');
    for (const p of PRIVATE) expect(after).not.toContain(p);
    // the public view: the team's answer, not its numbers; the facilitator view (v) has them
    expect(words(ui)).toContain('✓ North (stylised Russia) (team) accepts.');
    expect(words(ui)).not.toContain('0.688');
    await ui.press(KEY.enter, 'v');
    expect(words(ui)).toContain(
      "✓ North (stylised Russia) (team) accepts: the team's choice — the text is worth 0.688 to it (no deal: 0.550).",
    );
    expect(ui.frame()).toContain('facilitator view — numbers shown');
  });

  it('should show why an illegal move is refused, and record nothing', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral', {
      initial: session(startGame(s, { seed: 1, strategies: { south: { kind: 'human' } } })),
    });
    await ui.press('r', KEY.enter);
    expect(ui.frame()).toContain('It is worth 0.025 less than no deal');
    await ui.press('a');
    // the reason wraps at 100 columns: read it whole
    expect(words(ui)).toContain(
      '✗ South (stylised Ukraine) cannot accept: the text is worth 0.425 to it, below its value of no deal 0.450',
    );
    // still the private view, nothing sent
    expect(ui.frame()).toContain("for this team's eyes only");
    await ui.press(KEY.esc);
    expect(ui.frame()).toContain('2 inputs · not saved');
  });

  it('should reject with asks picked from the team’s costliest issues', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral', {
      initial: session(startGame(s, { seed: 1, strategies: { south: { kind: 'human' } } })),
    });
    await ui.press('r', KEY.enter, 'x');
    expect(ui.frame()).toContain('Territory — costs you 0.200');
    await ui.press(' ', KEY.enter);
    expect(ui.frame()).toContain('Move recorded.');
    expect(words(ui)).toContain('It asks for changes to Territory.');
  });

  it('should table a proposal from the term editor, refusing one across the team’s red line', async () => {
    const s = scenario('tutorial-bilateral');
    // South proposes in round 2 of alternating offers
    let game = startGame(s, { seed: 1, strategies: { south: { kind: 'human' } } });
    const ui = await open('tutorial-bilateral', { initial: session(game) });
    await ui.press('r', KEY.enter, 'x', KEY.enter, KEY.enter, 'r');
    expect(ui.frame()).toContain('waits for the South team to propose');
    await ui.press(KEY.enter, 'e');
    expect(ui.frame()).toContain('Your proposal');
    // Territory → the four regions ceded: South's own red line
    await ui.press(KEY.right, KEY.enter);
    expect(ui.frame()).toContain('South (stylised Ukraine) cannot table a text that breaks its red line');
    await ui.press('u', KEY.down, KEY.down, KEY.down, KEY.right, KEY.enter);
    expect(ui.frame()).toContain('Move recorded.');
    expect(words(ui)).toContain('South (stylised Ukraine) (team) proposes a text:');
    await ui.press(KEY.enter, 'v');
    expect(words(ui)).toContain('South (stylised Ukraine) (team) proposes a text worth');
    game = startGame(s, { seed: 1 });
    expect(game.inputs).toEqual([]);
  });
});

describe('play: the facilitator', () => {
  it('should rewind one input: a recorded move goes back to the gate', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral', {
      initial: session(startGame(s, { seed: 1, strategies: { north: { kind: 'human' } } })),
    });
    await ui.press('r', KEY.enter, 'a', KEY.enter);
    expect(ui.frame()).toContain('3 inputs');
    await ui.press('u');
    expect(ui.frame()).toContain("rewound: North (stylised Russia)'s accept");
    expect(ui.frame()).toContain('Pass the keyboard to the North (stylised Russia) team.');
    expect(ui.frame()).not.toContain('(team) accepts');
    // q with unsaved inputs asks again (the explorer stays)
    await ui.press('q');
    expect(ui.frame()).toContain('the session is not saved: s saves it, q again quits without saving');
    await ui.press('u', 'u');
    expect(ui.frame()).toContain('Nothing has happened yet');
    await ui.press('u');
    expect(ui.frame()).toContain('nothing to rewind');
  });

  it('should show the outcome, the final terms and every actor’s utility, and save the session', async () => {
    const s = scenario('tutorial-bilateral');
    const saved: [string, string][] = [];
    const host: PlayHost = { sourceOf: (x) => x.id, save: (file, text) => void saved.push([file, text]) };
    const ui = await open('tutorial-bilateral', {
      host,
      initial: session(startGame(s, { seed: 1, maxRounds: 4 })),
    });
    await ui.press('r');
    const frame = ui.frame();
    expect(frame).toContain('✓ Signed in round 4');
    expect(frame).toContain('The agreed terms');
    expect(frame).toMatch(/• Peacetime army cap\s+250,000 troops/);
    expect(frame).toMatch(/North \(stylised Russia\)\s+\S+ 0\.700 no deal 0\.520/);
    expect(frame).toContain('South (stylised Ukraine)');
    await ui.press('s');
    expect(ui.frame()).toContain('file: tutorial-bilateral-seed1.session.json');
    await ui.press(KEY.enter);
    expect(saved.map(([f]) => f)).toEqual(['tutorial-bilateral-seed1.session.json']);
    const file = parseSession(saved[0]![1], 'x');
    expect(file.options).toEqual({ maxRounds: 4 });
    expect(file.inputs.length).toBeGreaterThan(10);
    expect(ui.frame()).toContain('saved to tutorial-bilateral-seed1.session.json');
    // a second s saves to the same file without asking
    await ui.press('s');
    expect(saved.length).toBe(2);
    // f forks: a new name, and saves go there from then on
    await ui.press('f');
    expect(ui.frame()).toContain('file: tutorial-bilateral-seed1-fork-r4-');
    await ui.press(KEY.enter);
    expect(saved[2]![0]).toMatch(/^tutorial-bilateral-seed1-fork-r4-\d+\.session\.json$/);
    expect(ui.frame()).toContain('forked');
    // enter returns to the explorer; the finished session ends
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('Documents');
    await ui.press('p');
    expect(ui.frame()).toContain('Play a session');
  });

  it('should inject a manual event and pause', async () => {
    const s = scenario('28-point-path');
    const ui = await open('28-point-path', { initial: session(startGame(s, { seed: 1 })) });
    await ui.press(' ', 'i');
    expect(ui.frame()).toContain('Inject an event, or one the scenario did not foresee');
    await ui.press(KEY.enter);
    // the list reports the choice from an effect: wait for the frame after it
    expect(await ui.waitFor('injected: ')).toMatch(/injected: /);
    expect(words(ui)).toContain('(injected by the facilitator)');
    await ui.press('z');
    expect(await ui.waitFor('paused by the facilitator')).toContain('paused by the facilitator');
    await ui.press(' ');
    expect(await ui.waitFor('paused: z resumes')).toContain('paused: z resumes');
    await ui.press('z', ' ');
    await ui.waitFor('responding');
    expect(ui.frame()).toContain('responding');
  });

  it('should time the team’s turn against the time box, red past it, and never move for it', async () => {
    const s = scenario('tutorial-bilateral');
    let now = 1_000_000;
    const ui = await open('tutorial-bilateral', {
      clock: () => now,
      initial: session(startGame(s, { seed: 1, strategies: { north: { kind: 'human' } } }), 1),
    });
    await ui.press('r');
    expect(ui.frame()).toContain('⏱ 0:00 / 1:00');
    now += 90_000;
    await new Promise((r) => setTimeout(r, 1100));
    expect(ui.frame()).toContain('⏱ 1:30 / 1:00 over');
    expect(ui.frame()).toContain('Pass the keyboard to the North');
  });

  it('should say at a stalemate who rejected the last text, as the outcome records it', async () => {
    const s = scenario('ukraine-peace');
    const ui = await open(
      'ukraine-peace',
      { initial: session(startGame(s, { seed: 1 })) },
      { columns: 120, rows: 40 },
    );
    await ui.press('r');
    const ended = runHeadless(s, { seed: 1 });
    const outcome = runOutcome(ended.snapshot.context.transcript)!;
    expect(outcome.kind).toBe('stalemate');
    expect(outcome.rejecting.length).toBeGreaterThan(0);
    // each with the reason its verdict gives (bots only: the facilitator view; tests/ui/outcome-why.test.tsx)
    const why = lastRejectionWords(ended.snapshot.context.transcript, outcome.rejecting);
    const names = outcome.rejecting.map((id) => `${actorInSentence(s, id)} (${why.get(id)!.words})`);
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(`The last text was rejected by ${listing(names)}.`);
  });

  it('should fit 80×24', async () => {
    const s = scenario('ukraine-peace');
    const ui = await open(
      'ukraine-peace',
      { initial: session(startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } })) },
      { columns: 80, rows: 24 },
    );
    const fits = () => {
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    };
    await ui.press('r');
    fits();
    expect(ui.frame()).toContain('Pass the keyboard to the Ukraine team.');
    await ui.press(KEY.enter);
    fits();
    expect(ui.frame()).toContain('Your red lines');
    await ui.press('x');
    fits();
    await ui.press(KEY.enter, KEY.enter, '?');
    fits();
    expect(ui.frame()).toContain('Play — the facilitator running the session');
  });
});
