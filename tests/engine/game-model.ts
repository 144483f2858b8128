// The model-based test of the game API (fast-check `commands`): random sequences of steps, people's moves, injects,
// pauses, resumes, rewinds and save-and-resume on shipped scenarios with people at the table. After every command:
// rewinding what was just sent gives back the game before it; a saved session loads and replays to the same bytes;
// no accepted or signed text breaks the red lines of those who accepted it; once the talks end, their outcome
// never changes. `npm test` runs a few hundred sequences with a fixed seed, `npm run fuzz:game` ten thousand.
import fc from 'fast-check';
import { expect } from 'vitest';
import { holds } from '../../src/domain/condition.ts';
import type { Scenario } from '../../src/domain/types.ts';
import type { AdHocEffect, HumanMove, NegotiationEvent } from '../../src/engine/events.ts';
import {
  awaited,
  type Game,
  isOver,
  newGame,
  rewind,
  runOutcome,
  scenarioNow,
  send,
} from '../../src/engine/game.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { createSession, parseSession, replaySession, sessionText } from '../../src/engine/session.ts';
import { packageOf, termValue } from '../../src/engine/terms.ts';
import { shipped } from './helpers.ts';

interface Table {
  readonly id: string;
  readonly options: RunOptions;
}

/** Scenarios and who people play in them: alternating offers and a mediated text, one or two teams. */
const TABLES: readonly Table[] = [
  { id: 'tutorial-bilateral', options: { seed: 3, maxRounds: 5, strategies: { south: { kind: 'human' } } } },
  {
    id: 'tutorial-bilateral',
    options: { seed: 7, maxRounds: 4, strategies: { north: { kind: 'human' }, south: { kind: 'human' } } },
  },
  {
    id: '28-point-path',
    options: { seed: 1, maxRounds: 4, strategies: { ukraine: { kind: 'human' }, us: { kind: 'human' } } },
  },
  { id: 'tutorial-bilateral', options: { seed: 5, maxRounds: 2, strategies: { south: { kind: 'human' } } } },
  { id: 'divide-the-surplus', options: { seed: 2, maxRounds: 6, strategies: { a: { kind: 'human' } } } },
];

/** What the model remembers: the outcome the talks ended with, and after how many inputs. */
interface Model {
  ended: { readonly at: number; readonly outcome: string } | null;
}

interface Real {
  readonly scenario: Scenario;
  game: Game;
}

const same = (a: Game, b: Game) => {
  expect(b.inputs).toEqual(a.inputs);
  expect(b.snapshot.value).toEqual(a.snapshot.value);
  expect(JSON.stringify(b.snapshot.context)).toBe(JSON.stringify(a.snapshot.context));
};

/** Every check that must hold whatever was done: called after each command. */
function invariants(model: Model, real: Real): void {
  const { game } = real;
  if (model.ended && game.inputs.length < model.ended.at) model.ended = null; // rewound past the end
  const outcome = runOutcome(game.snapshot.context.transcript);
  expect(outcome !== null).toBe(isOver(game));
  if (outcome) {
    if (model.ended) expect(JSON.stringify(outcome)).toBe(model.ended.outcome);
    else model.ended = { at: game.inputs.length, outcome: JSON.stringify(outcome) };
    if (outcome.kind === 'signed') {
      const s = scenarioNow(game);
      const pkg = packageOf(s, outcome.terms, game.snapshot.context.text);
      expect(s.rules.every((c) => holds(c.condition, pkg))).toBe(true);
      for (const id of outcome.accepting)
        expect(s.actors.find((a) => a.id === id)!.redLines.every((c) => holds(c.condition, pkg))).toBe(true);
    }
  }
}

/** Sends one input; when taken, rewinding it must give back the game before it, and the new verdicts hold. */
function sendChecked(real: Real, input: NegotiationEvent): void {
  const before = real.game;
  const sent = send(before, input);
  if (!sent.ok) {
    expect(sent.error).toMatch(/^\S.*$/); // a reason, on one line
    return;
  }
  same(before, rewind(sent.game));
  // an actor accepts only a text that keeps its red lines as they stand
  const s = scenarioNow(sent.game);
  const text = sent.game.snapshot.context.text;
  for (const e of sent.game.snapshot.context.transcript.slice(before.snapshot.context.transcript.length))
    if (e.kind === 'verdict' && e.accepts)
      expect(s.actors.find((a) => a.id === e.actor)!.redLines.every((c) => holds(c.condition, text))).toBe(
        true,
      );
  real.game = sent.game;
}

abstract class Base implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    this.act(real);
    invariants(model, real);
  }
  abstract act(real: Real): void;
  abstract toString(): string;
}

class Step extends Base {
  act(real: Real) {
    sendChecked(real, { type: 'STEP' });
  }
  toString() {
    return 'STEP';
  }
}

/** RESUME if paused, then STEP until the machine refuses (a person must move) or the talks end. */
class RunOn extends Base {
  act(real: Real) {
    if (real.game.snapshot.matches({ live: 'paused' })) sendChecked(real, { type: 'RESUME' });
    for (let k = 0; k < 200; k++) {
      const sent = send(real.game, { type: 'STEP' });
      if (!sent.ok) return;
      if (isOver(sent.game) || awaited(sent.game).length || k === 199) {
        sendChecked(real, { type: 'STEP' }); // the last step checked like any other
        return;
      }
      real.game = sent.game;
    }
  }
  toString() {
    return 'RUN-ON';
  }
}

/** PAUSE or RESUME: the one that applies, or (`blind`) the one given, which the machine may refuse. */
class Toggle extends Base {
  constructor(
    readonly type: 'PAUSE' | 'RESUME',
    readonly blind: boolean,
  ) {
    super();
  }
  act(real: Real) {
    const type = this.blind ? this.type : real.game.snapshot.matches({ live: 'paused' }) ? 'RESUME' : 'PAUSE';
    sendChecked(real, { type });
  }
  toString() {
    return this.blind ? this.type : 'TOGGLE';
  }
}

/** A person's move built from numbers: for whoever is awaited (or, with `stray`, for someone else). */
class Move extends Base {
  constructor(
    readonly pick: number,
    readonly asks: readonly number[],
    readonly terms: readonly number[],
    readonly stray: boolean,
  ) {
    super();
  }
  act(real: Real) {
    const s = real.scenario;
    const turn = awaited(real.game)[0];
    const actor = this.stray || !turn ? s.actors[this.pick % s.actors.length]!.id : turn.actor;
    const kind = turn?.move ?? 'respond';
    let move: HumanMove;
    if (kind === 'respond')
      move =
        this.pick % 2 === 0
          ? { type: 'accept' }
          : { type: 'reject', asks: this.asks.map((k) => s.issues[k % s.issues.length]!.id) };
    else {
      const terms: Record<string, string | number> = {};
      this.terms.forEach((k, j) => {
        const i = (k + j) % s.issues.length;
        terms[s.issues[i]!.id] = termValue(s, i, k % s.issues[i]!.options.length);
      });
      move = { type: kind, terms };
    }
    sendChecked(real, { type: 'HUMAN_MOVE', actor, move });
  }
  toString() {
    return `MOVE(${this.pick}, asks ${this.asks}, terms ${this.terms}${this.stray ? ', stray' : ''})`;
  }
}

/** A manual event of the scenario, or an ad-hoc effect built from numbers. */
class Inject extends Base {
  constructor(
    readonly pick: number,
    readonly x: number,
  ) {
    super();
  }
  act(real: Real) {
    const s = real.scenario;
    const manual = s.events.filter((e) => 'manual' in e.trigger);
    const actor = s.actors[this.pick % s.actors.length]!;
    const issue = s.issues[this.pick % s.issues.length]!;
    const effects: AdHocEffect[] = [
      { kind: 'set-reservation', actor: actor.id, value: this.x },
      { kind: 'shift-reservation', actor: actor.id, delta: this.x - 0.5 },
      { kind: 'set-weight', actor: actor.id, issue: issue.id, weight: this.x * 3 },
      { kind: 'drop-red-line', actor: actor.id, redLine: actor.redLines[0]?.id ?? 'none' },
      { kind: 'table', document: s.documents[this.pick % s.documents.length]?.id ?? 'none' },
      { kind: 'goodwill', actor: actor.id },
      // a walk-out ends most talks at once: rarely
      ...(this.x < 0.15 ? [{ kind: 'walk-out', actor: actor.id } as const] : []),
    ];
    const k = this.pick % (effects.length + manual.length);
    sendChecked(
      real,
      k < manual.length
        ? { type: 'INJECT', event: manual[k]!.id }
        : { type: 'INJECT', effect: effects[k - manual.length]! },
    );
  }
  toString() {
    return `INJECT(${this.pick}, ${this.x})`;
  }
}

class Rewind extends Base {
  act(real: Real) {
    const back = rewind(real.game);
    expect(back.inputs).toEqual(real.game.inputs.slice(0, -1));
    real.game = back;
  }
  toString() {
    return 'REWIND';
  }
}

/** Save, load and replay: the same bytes again, the same game; the play goes on from the loaded one. */
class SaveAndResume extends Base {
  act(real: Real) {
    const text = sessionText(createSession(real.game, real.scenario.id));
    const loaded = replaySession(real.scenario, parseSession(text, 'model.json'), 'model.json');
    expect(sessionText(createSession(loaded, real.scenario.id))).toBe(text);
    same(real.game, loaded);
    real.game = loaded;
  }
  toString() {
    return 'SAVE+RESUME';
  }
}

const move = fc
  .record({
    pick: fc.nat(20),
    asks: fc.array(fc.nat(30), { maxLength: 3 }),
    terms: fc.array(fc.nat(30), { maxLength: 4 }),
    stray: fc.nat(5).map((n) => n === 0),
  })
  .map((m) => new Move(m.pick, m.asks, m.terms, m.stray));

const commands = [
  fc.constant(new Step()),
  fc.constant(new Step()),
  fc.constant(new RunOn()),
  fc.constant(new RunOn()),
  move,
  move,
  move,
  fc.constantFrom(new Toggle('PAUSE', false), new Toggle('PAUSE', true), new Toggle('RESUME', true)),
  fc.tuple(fc.nat(40), fc.double({ min: 0, max: 1, noNaN: true })).map(([pick, x]) => new Inject(pick, x)),
  fc.constant(new Rewind()),
  fc.constant(new SaveAndResume()),
];

/** The property: any sequence of commands on any of the tables. */
export function gameModelProperty() {
  return fc.property(
    fc.nat(TABLES.length - 1),
    fc.commands(commands, { maxCommands: 40, size: 'medium' }),
    (t, cmds) => {
      const table = TABLES[t]!;
      const scenario = shipped(table.id);
      fc.modelRun(
        () => ({ model: { ended: null }, real: { scenario, game: newGame(scenario, table.options) } }),
        cmds,
      );
    },
  );
}
