// Playing a game without a person at the keyboard: STEP until a final state, firing planned injects at the start
// of their rounds and feeding supplied moves to the actors played by people. Every input goes through the game
// API (game.ts), so the game it returns holds them all: a session replays them.
import { nameInSentence } from '../domain/actor-names.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import type { NegotiationContext } from './context.ts';
import { effectiveScenario } from './effective.ts';
import type { HumanMove, InjectEvent, NegotiationEvent } from './events.ts';
import { awaited, type Game, isOver, isPaused, newGame, refusal, send } from './game.ts';
import { FIRED, type IdlePolicy, type InjectFate, idleFate, NOT_REACHED } from './inject-fate.ts';
import { injectText, type PlannedInject } from './inject-text.ts';
import type { NegotiationSnapshot } from './machine.ts';
import type { RunOptions } from './options.ts';

/**
 * The input a planned inject sends where the run stands, or null when there is nothing for it to do: an ad-hoc
 * drop of a red line the actor does not hold — a run with a reversed choice may have dropped it already, and the
 * facilitator's list offers only the red lines still standing. Every other plan is sent as it is (and refused as
 * the machine refuses it).
 */
export function plannedInput(
  scenario: Scenario,
  ctx: NegotiationContext,
  p: PlannedInject,
): InjectEvent | null {
  const by = p.by === undefined ? {} : { by: p.by };
  if ('event' in p) return { type: 'INJECT', event: p.event, ...by };
  const e = p.effect;
  if (e.kind === 'drop-red-line') {
    const actor = effectiveScenario(scenario, ctx).actors.find((a) => a.id === e.actor);
    if (actor && !actor.redLines.some((r) => r.id === e.redLine)) return null;
  }
  return { type: 'INJECT', effect: e, ...by };
}

/**
 * Why an ad-hoc inject has nothing to do where the run stands, or null: a drop of a red line the actor does not
 * hold (plannedInput skips it), a walk-out of an actor already gone (the engine logs it and changes nothing). A
 * run planned by the user (`--inject`) refuses both rather than pass over them in silence; the draws of `outcomes`
 * pass over them and count why (inject-fate.ts).
 */
export function idleReason(scenario: Scenario, ctx: NegotiationContext, p: PlannedInject): string | null {
  if ('event' in p) return null;
  const e = p.effect;
  const actor = scenario.actors.find((a) => a.id === ('actor' in e ? e.actor : ''));
  if (!actor) return null; // the machine names the unknown id
  if (e.kind === 'drop-red-line') {
    const held = effectiveScenario(scenario, ctx).actors[actor.index]!.redLines.map((r) => r.id);
    if (held.includes(e.redLine)) return null;
    return `${nameInSentence(actor)} does not hold the red line ${e.redLine} in round ${ctx.round} (its red lines then: ${held.join(', ') || 'none'}); drop one it holds, or pick another round`;
  }
  if (e.kind === 'walk-out' && ctx.walkedOut.includes(actor.index))
    return `${nameInSentence(actor)} has already walked out by round ${ctx.round}; a walk-out would change nothing`;
  return null;
}

export interface SuppliedMove {
  readonly actor: string;
  readonly move: HumanMove;
}

export interface HeadlessPlan {
  readonly injects?: readonly PlannedInject[];
  /**
   * an inject with nothing to do where the run stands (IdlePolicy): `refuse` (PlanError) when the user planned
   * the run (`--inject`); `send` (the default) for a plan rebuilt from a session, or run again with a reversed
   * choice (hinges); `pass-over` for the draws of `outcomes`, which count it
   */
  readonly idle?: IdlePolicy;
  readonly moves?: readonly SuppliedMove[];
}

/**
 * A planned inject or supplied move the engine refuses where the run stands, with the data to locate it: the
 * CLI names the flag or file it came from.
 */
export class PlanError extends PeacesimError {
  override name = 'PlanError';
  constructor(
    readonly item:
      | { readonly kind: 'inject'; readonly inject: PlannedInject }
      | ({ readonly kind: 'move' } & SuppliedMove),
    /** the round the run was in */
    readonly round: number,
    readonly reason: string,
  ) {
    super(
      `${item.kind === 'inject' ? `inject ${injectText(item.inject)}` : `the move of ${item.actor} in round ${round}`}: ${reason}`,
    );
  }
}

export interface HeadlessRun {
  readonly game: Game;
  readonly snapshot: NegotiationSnapshot;
  /** every input sent, in order (what a session stores) */
  readonly inputs: readonly NegotiationEvent[];
  /** set when the run stopped because a person's move was needed and none was left */
  readonly waitingFor: string | null;
  /** per planned inject, in plan order: what became of it (inject-fate.ts) */
  readonly fates: readonly InjectFate[];
}

function taken(sent: ReturnType<typeof send>): Game {
  // the loop sends only what it checked first: a refusal here is a bug of the driver, not bad input
  if (!sent.ok) throw new Error(`the headless driver sent an input the machine refused: ${sent.error}`);
  return sent.game;
}

/**
 * Sends the planned inputs until the game is over, or until it waits for a person's move that `moves` does not
 * supply (then `waitingFor` names the actor). Throws PlanError for an inject or move the engine refuses.
 */
export function playOn(start: Game, plan: HeadlessPlan): HeadlessRun {
  const moves = [...(plan.moves ?? [])];
  // a move for an actor no person plays would wait unread while the run stopped for another: refused at once
  const s = start.scenario;
  const people = s.actors.filter((x) => start.resolved.strategies[x.index]!.kind === 'human');
  for (const m of moves) {
    const a = s.actorIndex.get(m.actor);
    const kind = a === undefined ? undefined : start.resolved.strategies[a]!.kind;
    if (kind === 'human') continue;
    const played = people.length
      ? `only the moves of ${people.map(nameInSentence).join(', ')} (played by a person) are read`
      : 'no actor is played by a person in this run';
    const why =
      a === undefined
        ? new UnknownIdError(
            'actor',
            m.actor,
            s.actors.map((x) => x.id),
          ).message
        : `${nameInSentence(s.actors[a]!)} is played by a bot (${kind}), not by a person: ${played}`;
    throw new PlanError({ kind: 'move', ...m }, start.snapshot.context.round, why);
  }
  const fired = new Set<number>();
  const fates: InjectFate[] = (plan.injects ?? []).map(() => NOT_REACHED);
  let game = start;
  const done = (waitingFor: string | null): HeadlessRun => ({
    game,
    snapshot: game.snapshot,
    inputs: game.inputs,
    waitingFor,
    fates,
  });
  for (let guard = 0; guard < 100_000; guard++) {
    if (isOver(game)) return done(null);
    const round = game.snapshot.context.round;
    if (isPaused(game)) {
      game = taken(send(game, { type: 'RESUME' }));
      continue;
    }
    if (game.snapshot.matches({ live: { running: 'tabling' } }))
      (plan.injects ?? []).forEach((p, k) => {
        if (p.round !== round || fired.has(k)) return;
        fired.add(k);
        const policy = plan.idle ?? 'send';
        // an earlier inject of the round ended the talks: this one is not reached
        if (policy === 'pass-over' && isOver(game)) return;
        const idle = policy === 'send' ? null : idleReason(game.scenario, game.snapshot.context, p);
        if (idle && policy === 'refuse') throw new PlanError({ kind: 'inject', inject: p }, round, idle);
        if (idle) {
          fates[k] = idleFate(game.scenario, game.snapshot.context, p);
          return;
        }
        const inject = plannedInput(game.scenario, game.snapshot.context, p);
        if (!inject) {
          fates[k] = idleFate(game.scenario, game.snapshot.context, p);
          return;
        }
        fates[k] = FIRED;
        const why = refusal(game, inject);
        if (why) throw new PlanError({ kind: 'inject', inject: p }, round, why);
        game = taken(send(game, inject));
      });
    if (isOver(game)) return done(null); // an inject ended the talks (a walk-out)
    const waiting = awaited(game)[0];
    if (waiting) {
      const k = moves.findIndex((m) => m.actor === waiting.actor);
      if (k < 0) return done(waiting.actor);
      const supplied = moves.splice(k, 1)[0]!;
      const input = { type: 'HUMAN_MOVE', actor: supplied.actor, move: supplied.move } as const;
      const why = refusal(game, input);
      if (why) throw new PlanError({ kind: 'move', ...supplied }, round, why);
      game = taken(send(game, input));
      continue;
    }
    game = taken(send(game, { type: 'STEP' }));
  }
  throw new Error('the negotiation did not end: the machine stopped advancing');
}

/** A fresh run from the start. */
export function runHeadless(
  scenario: Scenario,
  options: RunOptions = {},
  plan: HeadlessPlan = {},
): HeadlessRun {
  return playOn(newGame(scenario, options), plan);
}
