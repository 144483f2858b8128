// The game: a negotiation as pure functions of its inputs. A game is the scenario, the options and every input
// the machine took; its snapshot is their replay with xstate's pure transitions (`initialSnapshot`/`nextSnapshot`
// in machine.ts). Sending an input, rewinding (the replay minus the last input), who is awaited, who people play,
// and the outcome of a run are all asked here — by the headless driver, sessions, the outcome statistics and the
// play screen alike.

import { actorInSentence, nameInSentence } from '../domain/actor-names.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { actorsAtTheTable } from '../domain/protocol.ts';
import type { RatificationCheck } from '../domain/ratification.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import type { NegotiationContext } from './context.ts';
import { currentScenario } from './effective.ts';
import { injectError } from './effects.ts';
import type { NegotiationEvent } from './events.ts';
import { humanMoveError } from './human.ts';
import { describeInput } from './input-words.ts';
import { initialSnapshot, type NegotiationSnapshot, nextSnapshot, stateName, takes } from './machine.ts';
import { type ResolvedOptions, type Run, type RunOptions, resolveOptions } from './options.ts';
import type { TermSheet } from './terms.ts';
import type { BlameCount, DurabilityNote, TranscriptEntry } from './transcript.ts';

export interface Game {
  readonly scenario: Scenario;
  /** the options as given (what a session stores) */
  readonly options: RunOptions;
  readonly resolved: ResolvedOptions;
  /** every input the machine took, in order */
  readonly inputs: readonly NegotiationEvent[];
  readonly snapshot: NegotiationSnapshot;
}

/** An input the machine refuses where it stands, located by its place among the inputs (0-based `index`). */
export class RefusedInputError extends PeacesimError {
  override name = 'RefusedInputError';
  constructor(
    readonly index: number,
    readonly input: NegotiationEvent,
    readonly reason: string,
  ) {
    super(`input ${index + 1}: ${describeInput(input)} is not allowed: ${reason}`);
  }
}

/** A game at its start. Throws OptionError / UnknownIdError for options the scenario cannot run with. */
export function newGame(scenario: Scenario, options: RunOptions = {}): Game {
  const resolved = resolveOptions(scenario, options);
  return {
    scenario,
    options,
    resolved,
    inputs: [],
    snapshot: initialSnapshot({ scenario, options: resolved }),
  };
}

export type Sent =
  | { readonly ok: true; readonly game: Game }
  | { readonly ok: false; readonly error: string };

/** Sends one input: the game with it taken, or why the machine refuses it (then nothing is recorded). */
export function send(game: Game, input: NegotiationEvent): Sent {
  const error = refusal(game, input);
  if (error !== null) return { ok: false, error };
  const snapshot = nextSnapshot(runOf(game), game.snapshot, input);
  return { ok: true, game: { ...game, inputs: [...game.inputs, input], snapshot } };
}

/** The game the inputs lead to from the start; an input the machine refuses is a RefusedInputError. */
export function replay(scenario: Scenario, options: RunOptions, inputs: readonly NegotiationEvent[]): Game {
  let game = newGame(scenario, options);
  inputs.forEach((input, k) => {
    const sent = send(game, input);
    if (!sent.ok) throw new RefusedInputError(k, input, sent.error);
    game = sent.game;
  });
  return game;
}

/** The game minus its last input: the same replay, one input shorter (the run is deterministic). */
export function rewind(game: Game): Game {
  if (game.inputs.length === 0) return game;
  return replay(game.scenario, game.options, game.inputs.slice(0, -1));
}

export function isOver(game: Game): boolean {
  return game.snapshot.status === 'done';
}

export function isPaused(game: Game): boolean {
  return game.snapshot.matches({ live: 'paused' });
}

function runOf(game: Game): Run {
  return { scenario: game.scenario, options: game.resolved };
}

/** The scenario as it stands now: reservations, weights and red lines after drift and events. */
export function scenarioNow(game: Game): Scenario {
  return currentScenario(runOf(game), game.snapshot.context);
}

export interface Turn {
  /** actor id */
  readonly actor: string;
  readonly move: 'respond' | 'propose' | 'revise';
}

/** The people the machine waits for, first to move first. */
export function awaited(game: Game): Turn[] {
  return game.snapshot.context.awaiting.map((w) => ({
    actor: game.scenario.actors[w.actor]!.id,
    move: w.move,
  }));
}

/** Actor ids a team may play: those the protocol may ask to move (parties, the mediator, controllers). */
export function playableActors(scenario: Scenario): string[] {
  return actorsAtTheTable(scenario).map((a) => scenario.actors[a]!.id);
}

/** Actor ids played by people in these options, among those the protocol may ask to move. */
export function peopleAtTheTable(scenario: Scenario, options: RunOptions): string[] {
  const { strategies } = resolveOptions(scenario, options);
  return actorsAtTheTable(scenario)
    .filter((a) => strategies[a]!.kind === 'human')
    .map((a) => scenario.actors[a]!.id);
}

/**
 * Why the machine refuses this input where the game stands, or null when it takes it. The machine decides
 * (`takes`: xstate's `can`); the reasons only say why, first the specific ones (the engine's own checks), then the state.
 */
export function refusal(game: Game, input: NegotiationEvent): string | null {
  const snap = game.snapshot;
  if (takes(runOf(game), snap, input)) return null;
  if (snap.status === 'done') return `the talks are over (${stateName(snap)})`;
  const ctx = snap.context;
  const s = game.scenario;
  const notStarted = snap.matches('setup');
  const paused = isPaused(game);
  switch (input.type) {
    case 'STEP': {
      if (paused) return 'the talks are paused (RESUME goes on)';
      const w = awaited(game)[0];
      if (w) return `the talks wait for ${actorInSentence(s, w.actor)} (played by a person) to ${w.move}`;
      break;
    }
    case 'PAUSE':
      if (notStarted) return 'the talks have not started (STEP opens round 1)';
      if (paused) return 'the talks are already paused';
      break;
    case 'RESUME':
      return 'the talks are not paused';
    case 'INJECT': {
      if (notStarted) return 'the talks have not started (STEP opens round 1)';
      const why = injectError(s, ctx, input);
      if (why) return why;
      break;
    }
    case 'HUMAN_MOVE': {
      const a = s.actorIndex.get(input.actor);
      if (a === undefined)
        return new UnknownIdError(
          'actor',
          input.actor,
          s.actors.map((x) => x.id),
        ).message;
      const kind = game.resolved.strategies[a]!.kind;
      if (kind !== 'human')
        return `${nameInSentence(s.actors[a]!)} is played by a bot (${kind}), not by a person`;
      if (paused) return 'the talks are paused (RESUME goes on)';
      const why = humanMoveError(runOf(game), ctx, input.actor, input.move);
      if (why) return why;
      break;
    }
  }
  return `the machine does not take it in state ${stateName(snap)}`;
}

type WalkOutEntry = Extract<TranscriptEntry, { kind: 'walk-out' }>;

/** How a run ended, read from its transcript: the one derivation every report, screen and statistic uses. */
export interface RunOutcome {
  readonly kind: 'signed' | 'stalemate' | 'collapsed';
  /** the round it ended in */
  readonly round: number;
  /** the signed terms, or the last text on the table (the status quo if none was tabled) */
  readonly terms: TermSheet;
  /** signed: each actor's utility of the signed terms, as the scenario stood at signing */
  readonly utilities: Readonly<Record<string, number>> | null;
  /** signed: the estimated durability, when the scenario has a durability section */
  readonly durability: DurabilityNote | null;
  /**
   * signed: the ratification hurdles the signed terms meet, each cleared or not by the scenario's threshold; null
   * when they meet none (the text takes effect when signed) or the run did not sign
   */
  readonly ratification: RatificationCheck | null;
  /** collapsed: the parties or mediator that walked out, and the entry of each walk-out */
  readonly actors: readonly string[];
  readonly walkOuts: readonly WalkOutEntry[];
  /** stalemate and collapse: the blame tally, most blamed first */
  readonly blame: readonly BlameCount[] | null;
  /** the required actors that accepted the last text tallied, and those that did not — a failed
   * ratification's turncoats moved to the latter — as the public saw them */
  readonly accepting: readonly string[];
  readonly rejecting: readonly string[];
}

/** Who said yes to the last text tallied: the tally, then a failed ratification's turncoats. */
function lastVerdicts(transcript: readonly TranscriptEntry[]) {
  let accepting: readonly string[] = [];
  let rejecting: readonly string[] = [];
  for (const e of transcript) {
    if (e.kind === 'tally') {
      accepting = e.accepting;
      rejecting = e.rejecting;
    } else if (e.kind === 'ratification' && !e.ratified) {
      accepting = accepting.filter((a) => !e.failing.includes(a));
      rejecting = [...rejecting, ...e.failing.filter((a) => !rejecting.includes(a))];
    }
  }
  return { accepting, rejecting };
}

/** The outcome of a run from its transcript, or null while it has not ended (its last entry says how it ended). */
export function runOutcome(transcript: readonly TranscriptEntry[]): RunOutcome | null {
  const last = transcript.at(-1);
  if (!last || (last.kind !== 'signed' && last.kind !== 'stalemate' && last.kind !== 'collapsed'))
    return null;
  const actors = last.kind === 'collapsed' ? last.actors : [];
  return {
    kind: last.kind,
    round: last.round,
    terms: last.terms,
    utilities: last.kind === 'signed' ? last.utilities : null,
    durability: last.kind === 'signed' ? (last.durability ?? null) : null,
    ratification: last.kind === 'signed' ? (last.ratification ?? null) : null,
    actors,
    walkOuts: actors.flatMap((a) => {
      const w = transcript.findLast((e): e is WalkOutEntry => e.kind === 'walk-out' && e.actor === a);
      return w ? [w] : [];
    }),
    blame: last.kind === 'signed' ? null : (last.blame ?? null),
    ...lastVerdicts(transcript),
  };
}

/** A game's outcome for the screen: the run's, with every actor's worth of the final text as things stand. */
export interface GameOutcome extends Omit<RunOutcome, 'utilities'> {
  /** per actor id: the signed terms' utility at signing, else the final text's as the scenario stands now */
  readonly utilities: Readonly<Record<string, number>>;
}

export function gameOutcome(game: Game): GameOutcome | null {
  const outcome = isOver(game) ? runOutcome(game.snapshot.context.transcript) : null;
  if (!outcome) return null;
  const ctx: NegotiationContext = game.snapshot.context;
  const s = scenarioNow(game);
  const utilities: Record<string, number> = {};
  if (ctx.text.length) for (const a of s.actors) utilities[a.id] = utility(a, s.offsets, ctx.text);
  if (outcome.utilities) Object.assign(utilities, outcome.utilities);
  return { ...outcome, utilities };
}
