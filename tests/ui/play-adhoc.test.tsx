// Ad-hoc injects (i, below the scenario's manual events): shift a value of no deal, drop a red line, table a
// document, walk out, a goodwill gesture. Each changes the context exactly as the engine says, is recorded as an input (so resume and
// report replay it), a refused one says why, and in the public view no list or line shows a number.

import { afterEach, describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { injectError } from '../../src/engine/effects.ts';
import type { InjectEvent } from '../../src/engine/events.ts';
import { createNegotiationMachine } from '../../src/engine/machine.ts';
import { parseSession, replaySession, sessionText } from '../../src/engine/session.ts';
import { playState } from '../../src/ui/state/app.ts';
import { injectStep, SHIFTS } from '../../src/ui/state/inject-menu.ts';
import {
  context,
  manualEvents,
  type PlayGame,
  runToTurn,
  scenarioNow,
  sessionOf,
  startGame,
  step,
} from '../../src/ui/state/play.ts';
import { closeTop, openPlay, type PlayView, playReducer } from '../../src/ui/state/play-view.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** a private number, or the words that come with one */
const PRIVATE = /\d\.\d{2}|holds out for|no deal:|no deal \(|worth \d|drift|costs it most/;

function view(game: PlayGame): PlayView {
  return openPlay(game, game.scenario.id, 0);
}

/** i, then the picks, one at a time, as the list sends them. */
function pick(v: PlayView, ...values: string[]): PlayView {
  let out = playReducer(v, { type: 'prompt', prompt: 'inject' });
  for (const value of values) out = playReducer(out, { type: 'inject-pick', value });
  return out;
}

/** The ad-hoc inject went in as the engine takes it: the same context as xstate's own transition, recorded last. */
function expectEngine(before: PlayView, after: PlayView, picked: InjectEvent) {
  // the play screen's input records who fired it
  const event: InjectEvent = { ...picked, by: 'facilitator' };
  expect(injectError(before.game.scenario, context(before.game), event)).toBeNull();
  // xstate's own transitions on a machine of its own (closed over the scenario): the inputs so far, then the inject
  const machine = createNegotiationMachine(before.game.scenario, before.game.options);
  let [theirs] = initialTransition(machine);
  for (const input of before.game.inputs) [theirs] = transition(machine, theirs, input);
  expect(theirs.context).toEqual(before.game.snapshot.context);
  const [engine] = transition(machine, theirs, event);
  expect(after.game.snapshot.context).toEqual(engine.context);
  expect(after.game.inputs).toEqual([...before.game.inputs, event]);
  expect(after.prompt).toBeNull();
  expect(after.notice).toMatch(/^injected: .*\(ad hoc\)$/);
}

const ukraine = () => scenario('ukraine-peace');
/** round 1 opened, bots only (the facilitator view) */
const started = () => view(step(startGame(ukraine(), { seed: 1 })));

describe('ad-hoc injects (state)', () => {
  it('should list the manual events first, then the five ad-hoc kinds', () => {
    const v = started();
    const root = injectStep(v.game, [], true);
    expect(root.kind).toBe('menu');
    if (root.kind !== 'menu') return;
    const values = root.choices.map((c) => c.value);
    const events = manualEvents(ukraine()).map((e) => `event:${e.id}`);
    expect(events.length).toBe(10);
    expect(values).toEqual([...events, 'shift', 'drop', 'table', 'walk-out', 'goodwill']);
    // a scenario without manual events still has the ad-hoc ones
    const tutorial = injectStep(startGame(scenario('tutorial-bilateral'), {}), [], false);
    expect(tutorial.kind === 'menu' && tutorial.choices.map((c) => c.value)).toEqual([
      'shift',
      'drop',
      'table',
      'walk-out',
      'goodwill',
    ]);
  });

  it('should shift a value of no deal by the picked delta', () => {
    const v = started();
    const after = pick(v, 'shift', 'russia', '-0.1');
    expectEngine(v, after, {
      type: 'INJECT',
      effect: { kind: 'shift-reservation', actor: 'russia', delta: -0.1 },
    });
    const r = ukraine().actorIndex.get('russia')!;
    expect(context(after.game).reservations[r]).toBeCloseTo(context(v.game).reservations[r]! - 0.1, 12);
    // the facilitator view says by how much
    expect(after.notice).toMatch(/Russia's value of no deal: 0\.\d{3} → 0\.\d{3}/);
  });

  it('should drop the picked red line', () => {
    const v = started();
    const after = pick(v, 'drop', 'russia', 'no-nato');
    expectEngine(v, after, {
      type: 'INJECT',
      effect: { kind: 'drop-red-line', actor: 'russia', redLine: 'no-nato' },
    });
    const russia = (g: PlayGame) => scenarioNow(g).actors.find((a) => a.id === 'russia')!;
    expect(russia(v.game).redLines.map((r) => r.id)).toContain('no-nato');
    expect(russia(after.game).redLines.map((r) => r.id)).not.toContain('no-nato');
    // the list offers only the red lines still standing
    const list = injectStep(after.game, ['drop', 'russia'], true);
    expect(list.kind === 'menu' && list.choices.map((c) => c.value)).not.toContain('no-nato');
  });

  it('should table the picked document', () => {
    const v = started();
    const doc = ukraine().documents.find((d) => d.id === 'istanbul-2022-ukraine')!;
    const after = pick(v, 'table', doc.id);
    expectEngine(v, after, { type: 'INJECT', effect: { kind: 'table', document: doc.id } });
    // while tabling it goes on the table at once
    expect(context(after.game).text).toEqual(Array.from(doc.package));
  });

  it('should make an actor walk out only once confirmed', () => {
    const v = started();
    const cancelled = pick(v, 'walk-out', 'coalition', 'no');
    expect(cancelled.game).toBe(v.game);
    expect(cancelled.prompt).toBeNull();
    const after = pick(v, 'walk-out', 'coalition', 'yes');
    expectEngine(v, after, { type: 'INJECT', effect: { kind: 'walk-out', actor: 'coalition' } });
    expect(context(after.game).walkedOut).toContain(ukraine().actorIndex.get('coalition'));
    // the walked-out are not offered again
    const list = injectStep(after.game, ['walk-out'], true);
    expect(list.kind === 'menu' && list.choices.map((c) => c.value)).not.toContain('coalition');
  });

  it('should make the picked actor’s goodwill gesture, renewing the mediator’s patience', () => {
    // without a patience setting the mediator never walks out: a gesture only forgives blame
    let plain = started().game;
    while (context(plain).round < 2) plain = step(plain);
    const unhurried = pick(view(plain), 'goodwill', 'russia');
    expect(context(unhurried.game).progress?.renewed).toBeUndefined();
    expect(unhurried.notice).not.toContain('patience');
    // with one, after round 1's tally the mediator has a record whose patience a gesture renews
    let game = view(
      step(
        startGame(ukraine(), { seed: 1, strategies: { us: { kind: 'conceder', params: { patience: 3 } } } }),
      ),
    ).game;
    while (context(game).round < 2) game = step(game);
    const round2 = view(game);
    expect(context(round2.game).progress).not.toBeNull();
    const after = pick(round2, 'goodwill', 'russia');
    expectEngine(round2, after, { type: 'INJECT', effect: { kind: 'goodwill', actor: 'russia' } });
    expect(context(after.game).progress).toMatchObject({ stale: 0, renewed: true });
    expect(after.notice).toBe(
      "injected: Russia's gesture, counted as goodwill: the mediator's patience renewed (ad hoc)",
    );
    // the list offers the actors still at the table, with their blame only in the facilitator view
    const list = injectStep(after.game, ['goodwill'], true);
    expect(list.kind === 'menu' && list.choices.map((c) => c.label)).toContain('Russia (blamed 0)');
    const open = injectStep(after.game, ['goodwill'], false);
    expect(open.kind === 'menu' && open.choices.map((c) => c.label)).toContain('Russia');
  });

  it('should record every ad-hoc inject in the session, so that resume replays them', () => {
    let v = started();
    v = pick(v, 'shift', 'ukraine', '0.05');
    v = pick(v, 'drop', 'us', 'no-us-troops');
    v = pick(v, 'table', 'us-28-point-plan');
    v = pick(v, 'goodwill', 'russia');
    v = playReducer(v, { type: 'step' });
    v = pick(v, 'walk-out', 'russia', 'yes');
    const file = sessionText(sessionOf(v.game, 'ukraine-peace'));
    const saved = parseSession(file, 'x');
    expect(saved.inputs.filter((e) => e.type === 'INJECT')).toEqual([
      {
        type: 'INJECT',
        effect: { kind: 'shift-reservation', actor: 'ukraine', delta: 0.05 },
        by: 'facilitator',
      },
      {
        type: 'INJECT',
        effect: { kind: 'drop-red-line', actor: 'us', redLine: 'no-us-troops' },
        by: 'facilitator',
      },
      { type: 'INJECT', effect: { kind: 'table', document: 'us-28-point-plan' }, by: 'facilitator' },
      { type: 'INJECT', effect: { kind: 'goodwill', actor: 'russia' }, by: 'facilitator' },
      { type: 'INJECT', effect: { kind: 'walk-out', actor: 'russia' }, by: 'facilitator' },
    ]);
    const replayed = replaySession(ukraine(), saved);
    expect(replayed.snapshot.context).toEqual(context(v.game));
    expect(replayed.snapshot.value).toBe('collapsed');
  });

  it('should refuse an inject the engine refuses, with its reason, and record nothing', () => {
    const v = started();
    const bad: InjectEvent = {
      type: 'INJECT',
      effect: { kind: 'drop-red-line', actor: 'russia', redLine: 'no-such-line' },
    };
    const why = injectError(v.game.scenario, context(v.game), bad)!;
    expect(why).toBeTruthy();
    const after = playReducer(v, {
      type: 'inject-effect',
      effect: { kind: 'drop-red-line', actor: 'russia', redLine: 'no-such-line' },
    });
    expect(after.notice).toBe(`cannot inject: ${why}`);
    expect(after.game).toBe(v.game);
    // before round 1 the statechart takes no inject: the list says so too
    const early = view(startGame(ukraine(), { seed: 1 }));
    const refused = pick(early, 'shift', 'russia', '0.1');
    expect(refused.notice).toBe('cannot inject: the talks have not started: space opens round 1');
    expect(refused.game.inputs).toEqual([]);
  });

  it('should step back one pick on esc, and close the list from its top', () => {
    const v = pick(started(), 'drop', 'russia');
    expect(v.injectPath).toEqual(['drop', 'russia']);
    const back = closeTop(v)!;
    expect(back.injectPath).toEqual(['drop']);
    const top = closeTop(closeTop(back)!)!;
    expect(top.prompt).toBeNull();
  });

  it('should show no number in the public view, and the numbers in the facilitator view', () => {
    const team = view(
      runToTurn(step(startGame(ukraine(), { seed: 1, strategies: { ukraine: { kind: 'human' } } }))),
    );
    expect(team.facilitator).toBe(false);
    for (const path of [
      [],
      ['shift'],
      ['shift', 'russia'],
      ['drop'],
      ['drop', 'russia'],
      ['table'],
      ['walk-out'],
      ['walk-out', 'russia'],
      ['goodwill'],
    ]) {
      const menu = injectStep(team.game, path, false);
      expect(menu.kind).toBe('menu');
      if (menu.kind === 'menu')
        for (const c of menu.choices) expect(`${menu.title} ${c.label}`, path.join('/')).not.toMatch(PRIVATE);
    }
    const open = injectStep(team.game, ['shift', 'russia'], true);
    expect(open.kind === 'menu' && open.choices.map((c) => c.label)).toEqual(
      SHIFTS.map((d) => expect.stringMatching(d < 0 ? /^−0\.\d\d: 0\.\d{3} → 0\.\d{3}$/ : /^\+0\.\d\d: /)),
    );
    const after = pick(team, 'shift', 'russia', '-0.05');
    expect(after.notice).toBe("injected: Russia's value of no deal falls: its position softens (ad hoc)");
  });
});

describe('ad-hoc injects (screen)', () => {
  it('should shift a value of no deal from the list, in the public view without a number, and fit 80×24', async () => {
    const s = ukraine();
    const size = { columns: 80, rows: 24 };
    const ui = await explore('ukraine-peace', size, {
      initial: playState(
        s,
        view(step(startGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } }))),
      ),
    });
    unmount = ui.unmount;
    const fits = (state: string) => {
      const lines = ui.lines();
      expect(lines.length, `${state}:\n${ui.frame()}`).toBeLessThanOrEqual(size.rows - 1);
      for (const l of lines) expect(Array.from(l).length, state).toBeLessThanOrEqual(size.columns);
      expect(lines[0], state).toMatch(/^Play — /);
    };
    await ui.press('i');
    fits('inject list');
    // the ten manual events, then the ad-hoc kinds
    const downs = (n: number) => Array.from({ length: n }, () => KEY.down);
    await ui.press(...downs(10));
    expect(ui.frame()).toContain("❯ Ad hoc: shift an actor's value of no deal");
    await ui.press(KEY.enter);
    await ui.waitFor('whose value of no deal moves?');
    fits('shift: actor');
    expect(ui.frame()).not.toMatch(PRIVATE);
    await ui.press(KEY.enter);
    await ui.waitFor("Russia's value of no deal…");
    fits('shift: delta');
    expect(ui.frame()).toContain('falls a lot: its position softens');
    expect(ui.frame()).not.toMatch(PRIVATE);
    await ui.press(KEY.enter);
    const done = await ui.waitFor('injected: ');
    expect(done).toContain("injected: Russia's value of no deal falls: its position softens (ad hoc)");
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(
      "Inject by the facilitator: Russia's value of no deal falls: its position softens",
    );
    expect(ui.frame()).not.toMatch(PRIVATE);
    fits('injected');

    // walk-out asks first; esc steps back a list at a time
    await ui.press('i', ...downs(13));
    expect(ui.frame()).toContain('❯ Ad hoc: an actor walks out');
    await ui.press(KEY.enter);
    await ui.waitFor('who walks out?');
    await ui.press(KEY.enter);
    await ui.waitFor('Russia walks out — sure? The talks collapse.');
    fits('walk-out: confirm');
    expect(ui.frame()).toContain('❯ No: cancel');
    await ui.press(KEY.esc);
    await ui.waitFor('who walks out?');
    await ui.press(KEY.esc);
    await ui.waitFor('Inject an event, or one the scenario did not foresee');
    // drop a red line: the actor, then its red lines in words
    await ui.press(...downs(11));
    expect(ui.frame()).toContain('❯ Ad hoc: an actor drops one of its red lines');
    await ui.press(KEY.enter);
    await ui.waitFor('who drops a red line?');
    await ui.press(KEY.enter);
    await ui.waitFor('which red line does Russia drop?');
    fits('drop: red line');
    // each red line whole as it is selected — in its row, or under the list when the row cuts it (its condition, or
    // a number, is at its end)
    const russia = s.actors.find((a) => a.id === 'russia')!;
    const words = () => ui.frame().replace(/\s+/g, ' ');
    expect(russia.redLines.slice(0, 3).some((r) => r.text.length > size.columns - 2)).toBe(true);
    for (const [k, r] of russia.redLines.slice(0, 3).entries()) {
      if (k > 0) await ui.press(KEY.down);
      fits(`drop: red line ${k + 1}`);
      expect(words()).toContain(r.text);
    }
    // Russia's third red line: keep-annexed-regions, donbas-withdrawal, then no-nato
    await ui.press(KEY.enter);
    // the red line in its words, never its id
    expect(await ui.waitFor('injected: ')).toContain(
      'injected: Russia drops its red line: Ukraine must renounce NATO membership.',
    );
    await ui.press('i', ...downs(12), KEY.enter);
    await ui.waitFor('which document goes on the table?');
    fits('table: document');
    expect(ui.frame()).toContain('2022-03-29');
    await ui.press(KEY.esc);
    await ui.waitFor('Inject an event, or one the scenario did not foresee');
    await ui.press(KEY.esc);

    // a goodwill gesture: the actor, then the line in words, no number
    await ui.press('i', ...downs(14));
    expect(ui.frame()).toContain('❯ Ad hoc: a goodwill gesture by … (concedes nothing)');
    await ui.press(KEY.enter);
    await ui.waitFor('who makes a goodwill gesture?');
    fits('goodwill: actor');
    expect(ui.frame()).not.toMatch(PRIVATE);
    await ui.press(KEY.enter);
    expect(await ui.waitFor('injected: ')).toContain("injected: Russia's gesture, counted as goodwill");
    expect(ui.frame()).not.toMatch(PRIVATE);
    fits('goodwill: injected');
  });
});
