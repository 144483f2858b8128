// Running a negotiation without a person at the keyboard: STEP until a final state, firing planned injects at
// the start of their rounds and feeding supplied moves to the actors played by people. Every event sent is
// recorded: a session replays them.
import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { injectError } from './effects.ts';
import type { HumanMove, NegotiationEvent } from './events.ts';
import { humanMoveError } from './human.ts';
import { createNegotiationMachine, type NegotiationMachine } from './machine.ts';
import { type RunOptions, resolveOptions } from './options.ts';
import type { Run } from './runtime.ts';

export interface PlannedInject {
  readonly event: string;
  readonly round: number;
}

export interface SuppliedMove {
  readonly actor: string;
  readonly move: HumanMove;
}

export interface HeadlessPlan {
  readonly injects?: readonly PlannedInject[];
  readonly moves?: readonly SuppliedMove[];
}

export type NegotiationSnapshot = SnapshotFrom<NegotiationMachine>;

export interface HeadlessRun {
  readonly snapshot: NegotiationSnapshot;
  /** every event sent, in order (what a session stores) */
  readonly inputs: readonly NegotiationEvent[];
  /** set when the run stopped because a person's move was needed and none was left */
  readonly waitingFor: string | null;
}

/** The state value as a path, e.g. "live.running.tabling" or "signed". */
export function stateName(snapshot: NegotiationSnapshot): string {
  const walk = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}.${walk(x)}`)[0]!;
  return walk(snapshot.value);
}

/** Actors played by people who may be asked to move (parties, the mediator, controllers of issues). */
export function humanActors(scenario: Scenario, options: RunOptions): string[] {
  const resolved = resolveOptions(scenario, options);
  const involved = new Set([...scenario.protocol.parties, ...scenario.issues.flatMap((x) => x.controlledBy)]);
  if (scenario.protocol.kind === 'mediated-single-text' && scenario.protocol.mediator !== undefined)
    involved.add(scenario.protocol.mediator);
  return scenario.actors
    .filter((a) => involved.has(a.index) && resolved.strategies[a.index]!.kind === 'human')
    .map((a) => a.id);
}

/**
 * Sends the planned inputs to a started actor until it is done, or until it waits for a person's move that
 * `moves` does not supply (then `waitingFor` names the actor). `sent` collects every event sent.
 */
export function drive(
  scenario: Scenario,
  options: RunOptions,
  actor: Actor<NegotiationMachine>,
  plan: HeadlessPlan,
  sent: NegotiationEvent[],
): string | null {
  const run: Run = { scenario, options: resolveOptions(scenario, options) };
  const moves = [...(plan.moves ?? [])];
  const fired = new Set<number>();
  const send = (event: NegotiationEvent) => {
    sent.push(event);
    actor.send(event);
  };
  for (let guard = 0; guard < 100_000; guard++) {
    const snap = actor.getSnapshot();
    if (snap.status === 'done') return null;
    const ctx = snap.context;
    if (snap.matches({ live: 'paused' })) {
      send({ type: 'RESUME' });
      continue;
    }
    if (snap.matches({ live: { running: 'tabling' } }))
      (plan.injects ?? []).forEach((p, k) => {
        if (p.round !== ctx.round || fired.has(k)) return;
        fired.add(k);
        const inject = { type: 'INJECT', event: p.event } as const;
        const why = injectError(scenario, actor.getSnapshot().context, inject);
        if (why) throw new PeacesimError(`--inject ${p.event}@${p.round}: ${why}`);
        send(inject);
      });
    if (actor.getSnapshot().status === 'done') return null; // an inject ended the talks (a walk-out)
    const waiting = actor.getSnapshot().context.awaiting[0];
    if (waiting) {
      const id = scenario.actors[waiting.actor]!.id;
      const k = moves.findIndex((m) => m.actor === id);
      if (k < 0) return id;
      const { move } = moves.splice(k, 1)[0]!;
      const why = humanMoveError(run, actor.getSnapshot().context, id, move);
      if (why) throw new PeacesimError(`the move of ${id} in round ${ctx.round}: ${why}`);
      send({ type: 'HUMAN_MOVE', actor: id, move });
      continue;
    }
    send({ type: 'STEP' });
  }
  throw new Error('the negotiation did not end: the machine stopped advancing');
}

/** A fresh run from the start. */
export function runHeadless(
  scenario: Scenario,
  options: RunOptions = {},
  plan: HeadlessPlan = {},
): HeadlessRun {
  const actor = createActor(createNegotiationMachine(scenario, options)).start();
  const inputs: NegotiationEvent[] = [];
  const waitingFor = drive(scenario, options, actor, plan, inputs);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { snapshot, inputs, waitingFor };
}
