// The scenario as it stands in a run: the compiled scenario with the context's reservations, weight edits and
// red-line edits applied. Agents and the domain's verdicts work on it like on any scenario; an agent's view is
// that scenario seen by one actor in the round.
import type { View } from '../agents/types.ts';
import { packedMap } from '../domain/packed.ts';
import type { Actor, Constraint, Scenario } from '../domain/types.ts';
import type { NegotiationContext } from './context.ts';
import type { Run } from './options.ts';

type State = Pick<NegotiationContext, 'reservations' | 'weightEdits' | 'redLineEdits'>;

/** The red line an `add` edit refers to. */
function addedRedLine(scenario: Scenario, event: string, effect: number): Constraint {
  const e = scenario.events.find((x) => x.id === event)?.effects[effect];
  if (e?.kind !== 'add-red-line') throw new Error(`event ${event} has no add-red-line effect #${effect}`);
  return e.redLine;
}

function actorAsOf(scenario: Scenario, actor: Actor, state: State): Actor {
  const edits = state.weightEdits.filter((w) => w.actor === actor.index);
  let { weights, contrib } = actor;
  if (edits.length) {
    const raw = actor.preferences.map((p) => p?.rawWeight ?? 0);
    for (const w of edits) raw[w.issue] = w.weight;
    const total = raw.reduce((s, w) => s + w, 0);
    weights = Float64Array.from(raw, (w) => (total > 0 ? w / total : 0));
    contrib = new Float64Array(actor.contrib.length);
    actor.preferences.forEach((p, i) => {
      if (!p) return;
      for (let o = 0; o < p.values.length; o++)
        contrib[scenario.offsets[i]! + o] = weights[i]! * p.values[o]!;
    });
  }
  let redLines = actor.redLines;
  for (const e of state.redLineEdits) {
    if (e.actor !== actor.index) continue;
    redLines =
      e.kind === 'add'
        ? [...redLines, addedRedLine(scenario, e.event, e.effect)]
        : redLines.filter((c) => c.id !== e.redLine);
  }
  return {
    ...actor,
    weights,
    contrib,
    redLines,
    reservation: { ...actor.reservation, value: state.reservations[actor.index]! },
  };
}

const MEMO_SIZE = 32;
const memo = new WeakMap<Scenario, Map<string, Scenario>>();

/**
 * The last state seen per scenario, by the identity of its three arrays. Contexts are frozen by immer and share
 * the arrays a step did not change, so most calls hit here without building the JSON key; only frozen arrays are
 * trusted this way (a draft's may still change).
 */
interface Last {
  readonly state: State;
  readonly out: Scenario;
}
const last = new WeakMap<Scenario, Last>();

const immutable = (s: State) =>
  Object.isFrozen(s.reservations) && Object.isFrozen(s.weightEdits) && Object.isFrozen(s.redLineEdits);

/** Memoised on the state, so analyses cached per scenario object (the Zeuthen frontier) are reused. */
export function effectiveScenario(scenario: Scenario, state: State): Scenario {
  const seen = last.get(scenario);
  if (
    seen &&
    seen.state.reservations === state.reservations &&
    seen.state.weightEdits === state.weightEdits &&
    seen.state.redLineEdits === state.redLineEdits
  )
    return seen.out;
  let byKey = memo.get(scenario);
  if (!byKey) {
    byKey = new Map();
    memo.set(scenario, byKey);
  }
  const key = JSON.stringify([state.reservations, state.weightEdits, state.redLineEdits]);
  let out = byKey.get(key);
  if (!out) {
    out = { ...scenario, actors: packedMap(scenario.actors, (a) => actorAsOf(scenario, a, state)) };
    if (byKey.size >= MEMO_SIZE) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, out);
  }
  if (immutable(state))
    last.set(scenario, {
      state: {
        reservations: state.reservations,
        weightEdits: state.weightEdits,
        redLineEdits: state.redLineEdits,
      },
      out,
    });
  return out;
}

export function currentScenario(run: Run, ctx: NegotiationContext): Scenario {
  return effectiveScenario(run.scenario, ctx);
}

/**
 * The text of a frozen context as the agents read it, made once: every actor answering a round reads the same text
 * (a typed array costs more to make than the rest of a view).
 */
const texts = new WeakMap<readonly number[], Int32Array>();

function textOf(text: readonly number[]): Int32Array {
  if (!Object.isFrozen(text)) return Int32Array.from(text); // a draft's may still change
  let out = texts.get(text);
  if (!out) {
    out = Int32Array.from(text);
    texts.set(text, out);
  }
  return out;
}

export function viewOf(run: Run, ctx: NegotiationContext, self: number): View {
  return {
    scenario: currentScenario(run, ctx),
    self,
    strategy: run.options.strategies[self]!,
    round: ctx.round,
    maxRounds: ctx.maxRounds,
    text: textOf(ctx.text),
    history: ctx.history,
    ...(run.options.anticipateRatification ? { anticipate: true } : {}),
  };
}
