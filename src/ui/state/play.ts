// A facilitated session as pure functions over its inputs: the machine is rebuilt from the scenario and the
// options, and every snapshot is the replay of the inputs so far (xstate's pure `transition`). Rewind is the
// replay minus the last input — the run is deterministic, so that is exactly where the session was before it.
import { initialTransition, transition } from 'xstate';
import type { Scenario } from '../../domain/types.ts';
import { utility } from '../../domain/utility.ts';
import type { NegotiationContext } from '../../engine/context.ts';
import { injectError } from '../../engine/effects.ts';
import type { HumanMove, InjectEvent, NegotiationEvent } from '../../engine/events.ts';
import { type NegotiationSnapshot, stateName } from '../../engine/headless.ts';
import { humanMoveError } from '../../engine/human.ts';
import { createNegotiationMachine, type NegotiationMachine } from '../../engine/machine.ts';
import { type ResolvedOptions, type RunOptions, resolveOptions } from '../../engine/options.ts';
import { currentScenario, type Run } from '../../engine/runtime.ts';
import { createSession, type Session } from '../../engine/session.ts';
import type { TermSheet } from '../../engine/terms.ts';

export interface PlayGame {
  readonly scenario: Scenario;
  readonly options: RunOptions;
  readonly resolved: ResolvedOptions;
  readonly machine: NegotiationMachine;
  /** every input the machine took, in order (what a session stores) */
  readonly inputs: readonly NegotiationEvent[];
  readonly snapshot: NegotiationSnapshot;
}

/** The snapshot the inputs lead to on a fresh machine. */
function replay(machine: NegotiationMachine, inputs: readonly NegotiationEvent[]): NegotiationSnapshot {
  let [snapshot] = initialTransition(machine);
  for (const event of inputs) [snapshot] = transition(machine, snapshot, event);
  return snapshot;
}

/** A session from the start, or from saved inputs. Throws (UnknownIdError) on an unknown actor or strategy. */
export function startGame(
  scenario: Scenario,
  options: RunOptions,
  inputs: readonly NegotiationEvent[] = [],
): PlayGame {
  const resolved = resolveOptions(scenario, options);
  const machine = createNegotiationMachine(scenario, options);
  return { scenario, options, resolved, machine, inputs: [...inputs], snapshot: replay(machine, inputs) };
}

/**
 * Sends one input. The machine ignores what its guards refuse; such an input is not recorded, so that every
 * recorded input changed something and rewind always undoes a step. Returns the game unchanged when refused.
 */
function send(game: PlayGame, event: NegotiationEvent): PlayGame {
  if (!game.snapshot.can(event)) return game;
  const [snapshot] = transition(game.machine, game.snapshot, event);
  return { ...game, inputs: [...game.inputs, event], snapshot };
}

/** The session minus its last input, replayed on a fresh machine. */
export function rewind(game: PlayGame): PlayGame {
  if (game.inputs.length === 0) return game;
  const inputs = game.inputs.slice(0, -1);
  return { ...game, inputs, snapshot: replay(game.machine, inputs) };
}

export function isOver(game: PlayGame): boolean {
  return game.snapshot.status === 'done';
}

export function isPaused(game: PlayGame): boolean {
  return game.snapshot.matches({ live: 'paused' });
}

export function context(game: PlayGame): NegotiationContext {
  return game.snapshot.context;
}

function run(game: PlayGame): Run {
  return { scenario: game.scenario, options: game.resolved };
}

/** The scenario as it stands now: reservations, weights and red lines after drift and events. */
export function scenarioNow(game: PlayGame): Scenario {
  return currentScenario(run(game), context(game));
}

export interface Turn {
  /** actor id */
  readonly actor: string;
  readonly move: 'respond' | 'propose' | 'revise';
}

/** The person the machine waits for (the first of them), or null. */
export function waitingFor(game: PlayGame): Turn | null {
  const w = context(game).awaiting[0];
  return w ? { actor: game.scenario.actors[w.actor]!.id, move: w.move } : null;
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

/** Why the machine would refuse the move, or null. */
function moveError(game: PlayGame, actor: string, move: HumanMove): string | null {
  if (isPaused(game)) return 'the talks are paused: the facilitator resumes them with z';
  return humanMoveError(run(game), context(game), actor, move);
}

export type MoveResult =
  | { readonly ok: true; readonly game: PlayGame }
  | { readonly ok: false; readonly error: string };

export function humanMove(game: PlayGame, actor: string, move: HumanMove): MoveResult {
  const error = moveError(game, actor, move);
  if (error) return { ok: false, error };
  const next = send(game, { type: 'HUMAN_MOVE', actor, move });
  return next === game ? { ok: false, error: 'the machine did not take the move' } : { ok: true, game: next };
}

export function manualEvents(scenario: Scenario) {
  return scenario.events.filter((e) => 'manual' in e.trigger);
}

export function inject(game: PlayGame, event: string): PlayGame {
  return send(game, { type: 'INJECT', event });
}

/**
 * Fires an inject — a manual event or an ad-hoc effect — or says why not: first the engine's reason
 * (`injectError`: an unknown id, a red line already dropped), then the statechart's (not started, over).
 */
export function fireInject(
  game: PlayGame,
  event: InjectEvent,
): { readonly ok: true; readonly game: PlayGame } | { readonly ok: false; readonly error: string } {
  const why = injectError(game.scenario, context(game), event);
  if (why) return { ok: false, error: why };
  const next = send(game, event);
  if (next !== game) return { ok: true, game: next };
  if (isOver(game)) return { ok: false, error: 'the session is over' };
  if (game.snapshot.matches('setup'))
    return { ok: false, error: 'the talks have not started: space opens round 1' };
  return { ok: false, error: 'the machine did not take it' };
}

export function togglePause(game: PlayGame): PlayGame {
  return send(game, { type: isPaused(game) ? 'RESUME' : 'PAUSE' });
}

/** The session file's content: scenario identity, seed, options, the inputs (never the clock). */
export function sessionOf(game: PlayGame, source: string): Session {
  return createSession(game.scenario, source, game.options, game.inputs);
}

/** Where the statechart is, e.g. "tabling", "paused" or "signed". */
export function phaseName(game: PlayGame): string {
  return stateName(game.snapshot).split('.').at(-1)!;
}

/** Actors a team may play: those the machine may ask to move (parties, the mediator, controllers of issues). */
export function playableActors(scenario: Scenario): string[] {
  const involved = new Set([...scenario.protocol.parties, ...scenario.issues.flatMap((x) => x.controlledBy)]);
  if (scenario.protocol.kind === 'mediated-single-text')
    involved.add(scenario.protocol.mediator ?? scenario.protocol.parties[0]!);
  return scenario.actors.filter((a) => involved.has(a.index)).map((a) => a.id);
}

/** Actor ids played by people in these options. */
export function teamsOf(game: PlayGame): string[] {
  return game.scenario.actors
    .filter((a) => game.resolved.strategies[a.index]!.kind === 'human')
    .map((a) => a.id);
}

export interface Outcome {
  readonly kind: 'signed' | 'stalemate' | 'collapsed';
  readonly round: number;
  readonly terms: TermSheet;
  /** per actor id, the final text's worth to it (as the scenario stands at the end) */
  readonly utilities: Readonly<Record<string, number>>;
  /** who walked out (collapsed) */
  readonly actors: readonly string[];
  /** the required actors that accepted the last text tallied (after ratification), and those that did not */
  readonly accepting: readonly string[];
  readonly rejecting: readonly string[];
}

/** Who said yes to the last text tallied, as the public saw it: the tally, then a failed ratification's turncoats. */
function lastVerdicts(transcript: NegotiationContext['transcript']): {
  accepting: string[];
  rejecting: string[];
} {
  let accepting: string[] = [];
  let rejecting: string[] = [];
  for (const e of transcript) {
    if (e.kind === 'tally') {
      accepting = [...e.accepting];
      rejecting = [...e.rejecting];
    } else if (e.kind === 'ratification' && !e.ratified) {
      accepting = accepting.filter((a) => !e.failing.includes(a));
      rejecting = [...rejecting, ...e.failing.filter((a) => !rejecting.includes(a))];
    }
  }
  return { accepting, rejecting };
}

export function outcomeOf(game: PlayGame): Outcome | null {
  if (!isOver(game)) return null;
  const ctx = context(game);
  const last = [...ctx.transcript]
    .reverse()
    .find((e) => e.kind === 'signed' || e.kind === 'stalemate' || e.kind === 'collapsed');
  if (!last) return null;
  const s = scenarioNow(game);
  const utilities: Record<string, number> = {};
  if (ctx.text.length) for (const a of s.actors) utilities[a.id] = utility(a, s.offsets, ctx.text);
  if (last.kind === 'signed') Object.assign(utilities, last.utilities);
  return {
    kind: last.kind as Outcome['kind'],
    round: last.round,
    terms: last.terms,
    utilities,
    actors: last.kind === 'collapsed' ? last.actors : [],
    ...lastVerdicts(ctx.transcript),
  };
}
