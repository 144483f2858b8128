// The negotiation as a statechart (xstate v5). The scenario and options are closed over; the context is plain
// JSON. Every phase advances on STEP; guards and actions delegate to the phase modules, which use the agents
// and the domain.
//
//   setup → tabling → responding → tallying ─┬→ agreed → ratifying → signed (final)
//             ↑                               ├→ next round: tabling (the mediator revises / the next proposer)
//             │                               ├→ stalemate (the last round passed) (final)
//             └── PAUSE / RESUME, INJECT ─────┴→ collapsed (a party or the mediator walked out) (final)
import { produce } from 'immer';
import { type ActorScope, assertEvent, assign, createActor, type SnapshotFrom, setup } from 'xstate';
import type { Scenario } from '../domain/types.ts';
import { initialContext, type NegotiationContext } from './context.ts';
import { applyEffects, injectError, resolveInject } from './effects.ts';
import type { NegotiationEvent } from './events.ts';
import { applyHumanMove, humanMoveError } from './human.ts';
import { type Run, type RunOptions, resolveOptions } from './options.ts';
import { mediatorHasPatience } from './patience.ts';
import { collectAnswers } from './responding.ts';
import { openRound, tableDocument } from './tabling.ts';
import {
  ratifies,
  recordAgreement,
  recordCollapse,
  recordRatification,
  recordStalemate,
  talksCollapsed,
  tally,
} from './tallying.ts';
import type { Phase } from './transcript.ts';

/** Fires an inject: a document it tables goes on the table at once while tabling, else at the next round. */
function inject(
  run: Run,
  ctx: NegotiationContext,
  event: NegotiationEvent,
  phase: Phase,
): NegotiationContext {
  assertEvent(event, 'INJECT');
  const { event: scenarioEvent, effects } = resolveInject(run.scenario, ctx, event);
  return produce(ctx, (draft) => {
    const doc = applyEffects(
      draft,
      run.scenario,
      mediatorHasPatience(run),
      phase,
      'manual',
      scenarioEvent,
      effects,
    );
    if (doc === null) return;
    if (phase === 'tabling') tableDocument(draft, run, doc, 'inject', scenarioEvent?.id);
    else draft.queued = doc;
  });
}

export function createNegotiationMachine(scenario: Scenario, options: RunOptions = {}) {
  const run: Run = { scenario, options: resolveOptions(scenario, options) };
  const injectIn = (phase: Phase) => ({
    guard: 'validInject' as const,
    actions: { type: 'inject' as const, params: { phase } },
  });
  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as NegotiationEvent,
    },
    guards: {
      nobodyAwaited: ({ context }) => context.awaiting.length === 0,
      agreed: ({ context }) => context.agreed,
      lastRound: ({ context }) => context.round >= context.maxRounds,
      ratifies: ({ context }) => ratifies(run, context),
      collapsed: ({ context }) => talksCollapsed(run, context),
      validInject: ({ context, event }) =>
        event.type === 'INJECT' && injectError(run.scenario, context, event) === null,
      validHumanMove: ({ context, event }) =>
        event.type === 'HUMAN_MOVE' && humanMoveError(run, context, event.actor, event.move) === null,
    },
    actions: {
      openRound: assign(({ context }) => openRound(run, context)),
      collectAnswers: assign(({ context }) => collectAnswers(run, context)),
      tally: assign(({ context }) => tally(run, context)),
      recordAgreement: assign(({ context }) => recordAgreement(run, context)),
      recordRatification: assign(({ context }) => recordRatification(run, context)),
      recordStalemate: assign(({ context }) => recordStalemate(run, context)),
      recordCollapse: assign(({ context }) => recordCollapse(run, context)),
      humanMove: assign(({ context, event }) => {
        assertEvent(event, 'HUMAN_MOVE');
        return applyHumanMove(run, context, event.actor, event.move);
      }),
      inject: assign(({ context, event }, params: { phase: Phase }) =>
        inject(run, context, event, params.phase),
      ),
    },
  }).createMachine({
    id: 'negotiation',
    context: () => initialContext(scenario, run.options),
    initial: 'setup',
    states: {
      setup: { on: { STEP: { target: 'live', actions: 'openRound' } } },
      live: {
        always: { guard: 'collapsed', target: 'collapsed' },
        initial: 'running',
        states: {
          running: {
            initial: 'tabling',
            on: { PAUSE: 'paused' },
            states: {
              tabling: {
                on: {
                  STEP: { guard: 'nobodyAwaited', target: 'responding', actions: 'collectAnswers' },
                  HUMAN_MOVE: { guard: 'validHumanMove', actions: 'humanMove' },
                  INJECT: injectIn('tabling'),
                },
              },
              responding: {
                on: {
                  STEP: { guard: 'nobodyAwaited', target: 'tallying', actions: 'tally' },
                  HUMAN_MOVE: { guard: 'validHumanMove', actions: 'humanMove' },
                  INJECT: injectIn('responding'),
                },
              },
              tallying: {
                on: {
                  STEP: [
                    { guard: 'agreed', target: 'agreed', actions: 'recordAgreement' },
                    { guard: 'lastRound', target: '#negotiation.stalemate', actions: 'recordStalemate' },
                    { target: 'tabling', actions: 'openRound' },
                  ],
                  INJECT: injectIn('tallying'),
                },
              },
              agreed: { on: { STEP: 'ratifying', INJECT: injectIn('agreed') } },
              ratifying: {
                on: {
                  STEP: [
                    { guard: 'ratifies', target: '#negotiation.signed', actions: 'recordRatification' },
                    {
                      guard: 'lastRound',
                      target: '#negotiation.stalemate',
                      actions: ['recordRatification', 'recordStalemate'],
                    },
                    { target: 'tabling', actions: ['recordRatification', 'openRound'] },
                  ],
                  INJECT: injectIn('ratifying'),
                },
              },
              hist: { type: 'history' },
            },
          },
          paused: { on: { RESUME: 'running.hist', INJECT: injectIn('paused') } },
        },
      },
      collapsed: { type: 'final', entry: 'recordCollapse' },
      stalemate: { type: 'final' },
      signed: { type: 'final' },
    },
  });
}

export type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;
export type NegotiationSnapshot = SnapshotFrom<NegotiationMachine>;

/**
 * The inert actor scope of a machine's pure transitions. xstate's `initialTransition`/`transition` build one for
 * every call — an unstarted actor (which computes the machine's initial snapshot), its system, no-op effects —
 * and hand it to the machine's own `transition`. Nothing in this machine writes to it (no spawned or invoked
 * actors, no delayed events, no effects but `assign`), so a game builds it once per machine and every input
 * reuses it: the same `machine.transition` with the same kind of scope, hence the same snapshots.
 */
type Scope = ActorScope<NegotiationSnapshot, NegotiationEvent>;
const scopes = new WeakMap<NegotiationMachine, Scope>();

function scopeOf(machine: NegotiationMachine): Scope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const none = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: none,
      defer: none,
      emit: none,
      system: self.system,
      stopChild: none,
      actionExecutor: none,
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/** The machine's initial snapshot: xstate's pure `initialTransition`, with the machine's scope. */
export function initialSnapshot(machine: NegotiationMachine): NegotiationSnapshot {
  return machine.getInitialSnapshot(scopeOf(machine));
}

/** The snapshot an input leads to: xstate's pure `transition`, with the machine's scope. */
export function nextSnapshot(
  machine: NegotiationMachine,
  snapshot: NegotiationSnapshot,
  input: NegotiationEvent,
): NegotiationSnapshot {
  return machine.transition(snapshot, input, scopeOf(machine));
}

/** The state value as a path, e.g. "live.running.tabling" or "signed". */
export function stateName(snapshot: NegotiationSnapshot): string {
  const walk = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}.${walk(x)}`)[0]!;
  return walk(snapshot.value);
}
