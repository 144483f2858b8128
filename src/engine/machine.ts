// The negotiation as a statechart (xstate v5). Guards and actions ask for the run (scenario and options) they act
// on: one machine serves every game (see `gameMachine`). The context is plain JSON. Every phase advances on STEP;
// guards and actions delegate to the phase modules, which use the agents and the domain.
//
//   setup → tabling → responding → tallying ─┬→ agreed → ratifying → signed (final)
//             ↑                               ├→ next round: tabling (the mediator revises / the next proposer)
//             │                               ├→ stalemate (the last round passed) (final)
//             └── PAUSE / RESUME, INJECT ─────┴→ collapsed (a party or the mediator walked out) (final)
import { type ActorScope, assertEvent, assign, createActor, type SnapshotFrom, setup } from 'xstate';
import type { Scenario } from '../domain/types.ts';
import { initialContext, type NegotiationContext, produceContext } from './context.ts';
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
  return produceContext(ctx, (draft) => {
    const doc = applyEffects(
      draft,
      run.scenario,
      mediatorHasPatience(run),
      phase,
      'manual',
      scenarioEvent,
      effects,
      undefined,
      event.by,
    );
    if (doc === null) return;
    if (phase === 'tabling') tableDocument(draft, run, doc, 'inject', scenarioEvent?.id);
    else draft.queued = doc;
  });
}

/**
 * A machine for one scenario and its options, closed over: what an xstate actor of its own runs (tests, and
 * anyone who drives the statechart with xstate directly).
 */
export function createNegotiationMachine(scenario: Scenario, options: RunOptions = {}) {
  const run: Run = { scenario, options: resolveOptions(scenario, options) };
  return negotiationMachine(() => run);
}

/**
 * The machine's guards and actions as plain functions of the run and the context, by the names the statechart
 * gives them: the machine calls them through xstate, and the runs of draws (batch.ts) call the same ones where
 * the statechart's definition names them.
 */
export const GUARDS = {
  nobodyAwaited: (_run: Run, context: NegotiationContext) => context.awaiting.length === 0,
  agreed: (_run: Run, context: NegotiationContext) => context.agreed,
  lastRound: (_run: Run, context: NegotiationContext) => context.round >= context.maxRounds,
  ratifies,
  collapsed: talksCollapsed,
  validInject: (run: Run, context: NegotiationContext, event: NegotiationEvent) =>
    event.type === 'INJECT' && injectError(run.scenario, context, event) === null,
  validHumanMove: (run: Run, context: NegotiationContext, event: NegotiationEvent) =>
    event.type === 'HUMAN_MOVE' && humanMoveError(run, context, event.actor, event.move) === null,
} as const;

export const ACTIONS = {
  openRound,
  collectAnswers,
  tally,
  recordAgreement,
  recordRatification,
  recordStalemate,
  recordCollapse,
  humanMove: (run: Run, context: NegotiationContext, event: NegotiationEvent) => {
    assertEvent(event, 'HUMAN_MOVE');
    return applyHumanMove(run, context, event.actor, event.move);
  },
  inject: (run: Run, context: NegotiationContext, event: NegotiationEvent, params: { phase: Phase }) =>
    inject(run, context, event, params.phase),
} as const;

/** The statechart, its guards and actions asking `runOf` for the scenario and options they act on. */
function negotiationMachine(runOf: () => Run) {
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
      nobodyAwaited: ({ context }) => GUARDS.nobodyAwaited(runOf(), context),
      agreed: ({ context }) => GUARDS.agreed(runOf(), context),
      lastRound: ({ context }) => GUARDS.lastRound(runOf(), context),
      ratifies: ({ context }) => GUARDS.ratifies(runOf(), context),
      collapsed: ({ context }) => GUARDS.collapsed(runOf(), context),
      validInject: ({ context, event }) => GUARDS.validInject(runOf(), context, event),
      validHumanMove: ({ context, event }) => GUARDS.validHumanMove(runOf(), context, event),
    },
    actions: {
      openRound: assign(({ context }) => ACTIONS.openRound(runOf(), context)),
      collectAnswers: assign(({ context }) => ACTIONS.collectAnswers(runOf(), context)),
      tally: assign(({ context }) => ACTIONS.tally(runOf(), context)),
      recordAgreement: assign(({ context }) => ACTIONS.recordAgreement(runOf(), context)),
      recordRatification: assign(({ context }) => ACTIONS.recordRatification(runOf(), context)),
      recordStalemate: assign(({ context }) => ACTIONS.recordStalemate(runOf(), context)),
      recordCollapse: assign(({ context }) => ACTIONS.recordCollapse(runOf(), context)),
      humanMove: assign(({ context, event }) => ACTIONS.humanMove(runOf(), context, event)),
      inject: assign(({ context, event }, params: { phase: Phase }) =>
        ACTIONS.inject(runOf(), context, event, params),
      ),
    },
  }).createMachine({
    id: 'negotiation',
    context: () => {
      const run = runOf();
      return initialContext(run.scenario, run.options);
    },
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

type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;
export type NegotiationSnapshot = SnapshotFrom<NegotiationMachine>;

/**
 * One machine for every game: its guards and actions act on the run of the transition in progress, which
 * `initialSnapshot` and `nextSnapshot` name. Built once, its state nodes and xstate's caches of their transitions
 * serve every game (a machine built per game cost an `outcomes` draw a tenth of its time, mostly in xstate working
 * out again what it had worked out for the game before). Transitions are synchronous and pure, so the run named
 * is the one every guard and action of the transition sees; a transition started inside another (none is today)
 * would find the outer run restored after it.
 */
let current: Run | null = null;
const gameMachine = negotiationMachine(() => {
  if (current === null) throw new Error('the negotiation machine was used outside a transition of a game');
  return current;
});

/** The statechart's root state node: its definition, which the runs of draws read (batch.ts). */
export function statechart() {
  return gameMachine.root;
}

function withRun<T>(run: Run, transition: () => T): T {
  const outer = current;
  current = run;
  try {
    return transition();
  } finally {
    current = outer;
  }
}

/**
 * The inert actor scope of the machine's pure transitions. xstate's `initialTransition`/`transition` build one for
 * every call — an unstarted actor (which computes the machine's initial snapshot), its system, no-op effects —
 * and hand it to the machine's own `transition`. Nothing in this machine writes to it (no spawned or invoked
 * actors, no delayed events, no effects but `assign`), so it is built once and every input reuses it: the same
 * `machine.transition` with the same kind of scope, hence the same snapshots (tests/engine/bookkeeping.test.ts).
 */
type Scope = ActorScope<NegotiationSnapshot, NegotiationEvent>;
let scope: Scope | null = null;

/** The scope, built at the first transition (its actor computes an initial snapshot, which needs a run). */
function scopeOf(): Scope {
  if (!scope) {
    const self = createActor(gameMachine);
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
  }
  return scope;
}

/** The initial snapshot of a run: xstate's pure `initialTransition`. */
export function initialSnapshot(run: Run): NegotiationSnapshot {
  return withRun(run, () => gameMachine.getInitialSnapshot(scopeOf()));
}

/** Whether the machine takes an input where the snapshot stands (xstate's `can`: its guards judge it). */
export function takes(run: Run, snapshot: NegotiationSnapshot, input: NegotiationEvent): boolean {
  return withRun(run, () => snapshot.can(input));
}

/** The snapshot an input leads to: xstate's pure `transition`. */
export function nextSnapshot(
  run: Run,
  snapshot: NegotiationSnapshot,
  input: NegotiationEvent,
): NegotiationSnapshot {
  return withRun(run, () => gameMachine.transition(snapshot, input, scopeOf()));
}

/** The state value as a path, e.g. "live.running.tabling" or "signed". */
export function stateName(snapshot: NegotiationSnapshot): string {
  const walk = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}.${walk(x)}`)[0]!;
  return walk(snapshot.value);
}
