// Runs of draws without history: `outcomes` reads only how each run ended (its last context), so it needs neither
// xstate's snapshot of every step nor the game's list of inputs (measured: a fifth of a draw). The statechart stays
// the one of machine.ts, which every interactive run, session and replay goes through; nothing here restates it.
// Which input each state takes, under which guard, with which actions, into which state, is read from the
// statechart's own definition, and the guards and actions called are the machine's (GUARDS, ACTIONS). What is
// taken over from xstate is only the order it takes a transition in: the first candidate whose guard holds, from
// the innermost state outwards; its actions, then the entry actions of the states it enters; then the eventless
// transitions until none holds. tests/engine/batch.test.ts checks that a batch run ends in the same state with the
// same context, byte for byte, as the machine's, over random scenarios, seeds, strategies and injects.
import type { StateNode } from 'xstate';
import type { Scenario } from '../domain/types.ts';
import { initialContext, type NegotiationContext, unguardedItems } from './context.ts';
import type { NegotiationEvent } from './events.ts';
import { idleReason, plannedInput, runHeadless } from './headless.ts';
import { FIRED, type IdlePolicy, type InjectFate, idleFate, NOT_REACHED } from './inject-fate.ts';
import type { PlannedInject } from './inject-text.ts';
import { ACTIONS, GUARDS, statechart } from './machine.ts';
import { type Run, type RunOptions, resolveOptions } from './options.ts';

type Node = StateNode<NegotiationContext, NegotiationEvent>;
type Call = (run: Run, ctx: NegotiationContext, event: NegotiationEvent, params?: unknown) => unknown;

/** A transition as the batch takes it: its guard, every action in order (entry actions included), the state after. */
interface Transition {
  readonly guard: Call | null;
  readonly actions: readonly { readonly call: Call; readonly params: unknown }[];
  /** the atomic state it leads to (the same state for a transition without a target) */
  readonly leaf: Node;
}

/** A named guard or action of the definition ('name' or { type, params }), looked up among the machine's own. */
function named(table: Readonly<Record<string, unknown>>, ref: unknown): { call: Call; params: unknown } {
  const { type, params } =
    typeof ref === 'string' ? { type: ref, params: undefined } : (ref as { type: string; params?: unknown });
  const call = table[type];
  if (typeof call !== 'function') throw new Error(`the batch run does not know the statechart's ${type}`);
  return { call: call as Call, params };
}

/** The atomic state a state leads to: itself, or its initial child's, down. */
function leafOf(node: Node): Node {
  let n = node;
  while (n.type === 'compound') n = n.initial.target[0]! as Node;
  return n;
}

/** The state and its ancestors, innermost first. */
function lineage(node: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | undefined = node; n; n = n.parent as Node | undefined) out.push(n);
  return out;
}

function compile(
  source: Node,
  t: { guard?: unknown; actions: readonly unknown[]; target?: readonly unknown[] },
): Transition {
  const target = t.target?.[0] as Node | undefined;
  const actions = t.actions.map((a) => named(ACTIONS, a));
  if (!target) return { guard: t.guard ? named(GUARDS, t.guard).call : null, actions, leaf: source };
  if ((t.target?.length ?? 0) > 1 || target.type === 'history' || target.type === 'parallel')
    throw new Error(`the batch run does not take a transition to ${target.id}`);
  const leaf = leafOf(target);
  const from = new Set(lineage(source));
  // the states left (none may have exit actions here) and those entered, outermost first
  for (const n of from)
    if (!lineage(leaf).includes(n) && n.exit.length) throw new Error(`exit actions of ${n.id}`);
  const entered = lineage(leaf)
    .filter((n) => !from.has(n))
    .reverse();
  for (const n of entered) for (const a of n.entry) actions.push(named(ACTIONS, a));
  return { guard: t.guard ? named(GUARDS, t.guard).call : null, actions, leaf };
}

/** Per atomic state, the candidates for an input (innermost state first), and the eventless ones. */
interface Candidates {
  readonly on: Map<string, readonly Transition[]>;
  readonly always: readonly Transition[];
}
const compiled = new Map<Node, Candidates>();

function candidatesAt(leaf: Node): Candidates {
  let c = compiled.get(leaf);
  if (!c) {
    const on = new Map<string, Transition[]>();
    const always: Transition[] = [];
    for (const n of lineage(leaf)) {
      for (const [type, list] of n.transitions) {
        if (!on.has(type)) on.set(type, []);
        on.get(type)!.push(...list.map((t) => compile(leaf, t)));
      }
      always.push(...(n.always ?? []).map((t) => compile(leaf, t)));
    }
    c = { on, always };
    compiled.set(leaf, c);
  }
  return c;
}

/** The first candidate whose guard holds, as xstate selects one (null: the input is not taken here). */
function select(
  run: Run,
  ctx: NegotiationContext,
  list: readonly Transition[] | undefined,
  event: NegotiationEvent,
) {
  for (const t of list ?? []) if (!t.guard || t.guard(run, ctx, event)) return t;
  return null;
}

interface At {
  leaf: Node;
  ctx: NegotiationContext;
}

/** Takes an input where the run stands, then every eventless transition that holds; false if it is not taken. */
function take(run: Run, at: At, event: NegotiationEvent): boolean {
  let t = select(run, at.ctx, candidatesAt(at.leaf).on.get(event.type), event);
  if (!t) return false;
  while (t) {
    for (const a of t.actions) at.ctx = a.call(run, at.ctx, event, a.params) as NegotiationContext;
    at.leaf = t.leaf;
    t = select(run, at.ctx, candidatesAt(at.leaf).always, event);
  }
  return true;
}

export interface BatchRun {
  /** the final state: signed, stalemate or collapsed */
  readonly state: string;
  readonly context: NegotiationContext;
  /** per planned inject, in plan order: what became of it (inject-fate.ts) */
  readonly fates: readonly InjectFate[];
}

/**
 * A run of bots to its end, the planned injects fired at the start of their rounds, as the headless driver plays
 * it (headless.ts: `runHeadless`); null when the batch does not play it — the machine waits for a person, or
 * refuses an inject — and the headless driver must (it says why).
 */
export function runBatch(
  scenario: Scenario,
  options: RunOptions,
  injects: readonly PlannedInject[],
  /** an inject with nothing to do (HeadlessPlan.idle): `refuse` declines the run (the headless driver says why) */
  idle: IdlePolicy = 'send',
): BatchRun | null {
  const run: Run = { scenario, options: resolveOptions(scenario, options) };
  const at: At = { leaf: leafOf(statechart() as Node), ctx: initialContext(scenario, run.options) };
  const fired = new Set<number>();
  const fates: InjectFate[] = injects.map(() => NOT_REACHED);
  const ended = (): BatchRun | null =>
    at.leaf.type === 'final' ? { state: at.leaf.key, context: at.ctx, fates } : null;
  for (let guard = 0; guard < 100_000; guard++) {
    if (ended()) return ended();
    if (at.leaf.path.join('.') === 'live.running.tabling')
      for (let k = 0; k < injects.length; k++) {
        const p = injects[k]!;
        if (p.round !== at.ctx.round || fired.has(k)) continue;
        fired.add(k);
        // an earlier inject of the round ended the talks: this one is not reached
        if (idle === 'pass-over' && at.leaf.type === 'final') continue;
        if (idle !== 'send' && idleReason(scenario, at.ctx, p)) {
          if (idle === 'refuse') return null;
          fates[k] = idleFate(scenario, at.ctx, p);
          continue;
        }
        const inject = plannedInput(scenario, at.ctx, p);
        if (!inject) {
          fates[k] = idleFate(scenario, at.ctx, p);
          continue;
        }
        if (!take(run, at, inject)) return null;
        fates[k] = FIRED;
      }
    // an inject ended the talks (a walk-out)
    if (ended()) return ended();
    if (at.ctx.awaiting.length > 0 || !take(run, at, { type: 'STEP' })) return null;
  }
  return null;
}

/** How a run of bots ended, and what became of each planned inject. */
export interface EndedRun {
  readonly context: NegotiationContext;
  readonly fates: readonly InjectFate[];
}

/**
 * The context a run of bots ends with, for those that read only its end (the draws of `outcomes`, the runs of
 * `hinges`): the batch's run, or the headless driver's where the batch declines it — which throws PlanError for a
 * refused inject, as a run does. Null when the run waits for a person's move.
 */
export function endOfRun(
  scenario: Scenario,
  options: RunOptions,
  injects: readonly PlannedInject[],
  /** an inject with nothing to do: see HeadlessPlan.idle */
  idle: IdlePolicy = 'send',
): EndedRun | null {
  // only the end is read, here and by the summaries: the entries need no freezing (context.ts)
  const batch = unguardedItems(() => runBatch(scenario, options, injects, idle));
  if (batch) return batch;
  const r = runHeadless(scenario, options, { injects, idle });
  return r.waitingFor ? null : { context: r.snapshot.context, fates: r.fates };
}
