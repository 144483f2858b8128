// A facilitated session for the play screen: the engine's game (engine/game.ts — pure functions of the inputs,
// rewind = replay minus the last input), with what the screen asks of it in its own words: a refused input
// leaves the game as it was (the same object, so the screen can tell), and the facilitator's keys in the hints.
import type { NegotiationDocument, Scenario } from '../../domain/types.ts';
import type { NegotiationContext } from '../../engine/context.ts';
import type { HumanMove, InjectEvent, NegotiationEvent } from '../../engine/events.ts';
import {
  awaited,
  type Game,
  type GameOutcome,
  gameOutcome,
  isOver,
  isPaused,
  newGame,
  refusal,
  replay,
  send as sendInput,
  type Turn,
} from '../../engine/game.ts';
import { stateName } from '../../engine/machine.ts';
import type { RunOptions } from '../../engine/options.ts';
import { createSession, type Session } from '../../engine/session.ts';

export {
  isOver,
  isPaused,
  playableActors,
  rewind,
  scenarioNow,
  type Turn,
} from '../../engine/game.ts';

export type PlayGame = Game;
export type Outcome = GameOutcome;

/** A session from the start, or from saved inputs (an input the machine refuses is a RefusedInputError). */
export function startGame(
  scenario: Scenario,
  options: RunOptions,
  inputs: readonly NegotiationEvent[] = [],
): PlayGame {
  return inputs.length ? replay(scenario, options, inputs) : newGame(scenario, options);
}

/** Sends one input; the same game back when the machine refuses it (nothing is recorded then). */
function send(game: PlayGame, event: NegotiationEvent): PlayGame {
  const sent = sendInput(game, event);
  return sent.ok ? sent.game : game;
}

export function context(game: PlayGame): NegotiationContext {
  return game.snapshot.context;
}

/**
 * The tabled document whose text is on the table, or undefined when a party or the mediator wrote the text (or
 * there is none yet): the terms it lists are that document's, flagged where the record does not settle them.
 */
export function documentOnTable(game: PlayGame): NegotiationDocument | undefined {
  const ctx = context(game);
  if (ctx.author !== null) return undefined;
  const last = ctx.transcript.findLast(
    (e) => e.kind === 'tabled' || e.kind === 'proposal' || e.kind === 'revised',
  );
  return last?.kind === 'tabled' ? game.scenario.documents.find((d) => d.id === last.document) : undefined;
}

/** The person the machine waits for (the first of them), or null. */
export function waitingFor(game: PlayGame): Turn | null {
  return awaited(game)[0] ?? null;
}

/** One STEP (ignored while a person must move or the talks are paused). */
export function step(game: PlayGame): PlayGame {
  return send(game, { type: 'STEP' });
}

/** STEP until a person must move, the talks are paused, or they end. */
export function runToTurn(game: PlayGame): PlayGame {
  let g = game;
  for (let guard = 0; guard < 10_000; guard++) {
    if (isOver(g) || isPaused(g) || waitingFor(g)) return g;
    const next = step(g);
    if (next === g) return g;
    g = next;
  }
  return g;
}

export type MoveResult =
  | { readonly ok: true; readonly game: PlayGame }
  | { readonly ok: false; readonly error: string };

export function humanMove(game: PlayGame, actor: string, move: HumanMove): MoveResult {
  if (isPaused(game))
    return { ok: false, error: 'the talks are paused: the facilitator resumes them with z' };
  return sendInput(game, { type: 'HUMAN_MOVE', actor, move });
}

export function manualEvents(scenario: Scenario) {
  return scenario.events.filter((e) => 'manual' in e.trigger);
}

export function inject(game: PlayGame, event: string): PlayGame {
  return send(game, { type: 'INJECT', event, by: 'facilitator' });
}

/**
 * Fires an inject — a manual event or an ad-hoc effect — or says why not, in the engine's words. Every inject of
 * the play screen is the facilitator's, and its input records it.
 */
export function fireInject(game: PlayGame, event: InjectEvent): MoveResult {
  const input: InjectEvent = { ...event, by: 'facilitator' };
  if (game.snapshot.matches('setup') && refusal(game, input))
    return { ok: false, error: 'the talks have not started: space opens round 1' };
  return sendInput(game, input);
}

export function togglePause(game: PlayGame): PlayGame {
  return send(game, { type: isPaused(game) ? 'RESUME' : 'PAUSE' });
}

/** The session file's content: scenario identity, seed, options, the inputs (never the clock). */
export function sessionOf(game: PlayGame, source: string): Session {
  return createSession(game, source);
}

/** Where the statechart is, e.g. "tabling", "paused" or "signed". */
export function phaseName(game: PlayGame): string {
  return stateName(game.snapshot).split('.').at(-1)!;
}

/** Actor ids played by people in these options. */
export function teamsOf(game: PlayGame): string[] {
  return game.scenario.actors
    .filter((a) => game.resolved.strategies[a.index]!.kind === 'human')
    .map((a) => a.id);
}

/** The outcome on the screen, once the talks are over. */
export function outcomeOf(game: PlayGame): Outcome | null {
  return gameOutcome(game);
}
