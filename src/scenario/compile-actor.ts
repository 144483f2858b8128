// An actor as written → the compiled actor: preferences as per-option values and a flat contribution table, red
// lines as conditions, the reservation with its drift, the default strategy, and the dated epochs that override them.
import { contributions } from '../domain/positions.ts';
import type {
  Actor,
  ActorEpoch,
  ActorRole,
  ActorStrategy,
  DriftHypothesis,
  Issue,
  IssuePreference,
  PreferenceOverride,
  Reservation,
  ReservationOverride,
} from '../domain/types.ts';
import { type ConditionContext, compileConstraint } from './compile-condition.ts';
import {
  groundsOf,
  heldEarlierOf,
  pairedOf,
  partialGroundsOf,
  provenanceOf,
  rationaleOf,
} from './grounds.ts';
import type {
  ActorInput,
  DriftInput,
  EpochInput,
  PreferenceInput,
  ScenarioInput,
  StrategyInput,
} from './schema.ts';

/** Piecewise-linear interpolation, flat beyond the end points. */
function interpolate(curve: readonly (readonly [number, number])[], x: number): number {
  const first = curve[0]!;
  if (x <= first[0]) return first[1];
  for (let k = 1; k < curve.length; k++) {
    const [x1, y1] = curve[k]!;
    if (x <= x1) {
      const [x0, y0] = curve[k - 1]!;
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return curve[curve.length - 1]![1];
}

function preferenceOf(issue: Issue, raw: PreferenceInput): IssuePreference {
  const values = Float64Array.from(issue.options, (o) =>
    issue.kind === 'numeric' ? interpolate(raw.curve ?? [[0, 0]], o.value!) : (raw.values?.[o.id] ?? 0),
  );
  return {
    rawWeight: raw.weight,
    ...(raw.weightRange ? { weightRange: raw.weightRange } : {}),
    values,
    rationale: raw.rationale,
    sources: raw.sources ?? [],
    ...groundsOf(raw),
    ...heldEarlierOf(raw),
  };
}

function roleOf(input: ScenarioInput, id: string, given: ActorRole | undefined): ActorRole {
  if (given) return given;
  if (input.protocol.parties.includes(id)) return 'party';
  return input.protocol.mediator === id ? 'mediator' : 'stakeholder';
}

const driftId = (actor: string) => `${actor}-drift`;

function driftOf(actor: string, raw: number | DriftInput | undefined): DriftHypothesis | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'number')
    return { id: driftId(actor), value: raw, sources: [], basis: 'assumption', basisGiven: false };
  return {
    id: driftId(actor),
    value: raw.value,
    sources: raw.sources ?? [],
    ...rationaleOf(raw),
    ...groundsOf(raw),
    ...pairedOf(raw),
  };
}

function strategyOf(raw: StrategyInput | undefined): ActorStrategy {
  return {
    kind: raw?.kind ?? 'linear',
    params: raw?.params ?? {},
    ...(raw?.rationale === undefined ? {} : { rationale: raw.rationale }),
    sources: raw?.sources ?? [],
    given: raw !== undefined,
    ...groundsOf(raw ?? {}),
  };
}

function reservationOf(actor: string, raw: ActorInput['reservation']): Reservation {
  const drift = driftOf(actor, raw.drift);
  return {
    value: raw.value,
    drift: drift?.value ?? 0,
    ...(raw.range ? { range: raw.range } : {}),
    rationale: raw.rationale,
    sources: raw.sources ?? [],
    ...groundsOf(raw),
    ...(drift ? { driftHypothesis: drift } : {}),
  };
}

function preferenceOverride(
  issue: Issue,
  raw: NonNullable<EpochInput['preferences']>[string],
  epochHeldEarlier: string | undefined,
): PreferenceOverride {
  const n = issue.options.length;
  const values = new Float64Array(n);
  const mask = new Uint8Array(n);
  issue.options.forEach((o, k) => {
    if (issue.kind === 'numeric' && raw.curve) {
      values[k] = interpolate(raw.curve, o.value!);
      mask[k] = 1;
    } else if (issue.kind === 'discrete' && raw.values?.[o.id] !== undefined) {
      values[k] = raw.values[o.id]!;
      mask[k] = 1;
    }
  });
  return {
    issue: issue.index,
    ...(raw.weight === undefined ? {} : { rawWeight: raw.weight }),
    ...(raw.weightRange ? { weightRange: raw.weightRange } : {}),
    values,
    mask,
    ...rationaleOf(raw),
    ...(raw.sources ? { sources: raw.sources } : {}),
    ...partialGroundsOf(raw),
    ...heldEarlierOf(raw, epochHeldEarlier),
  };
}

function reservationOverride(
  actor: string,
  raw: NonNullable<EpochInput['reservation']>,
): ReservationOverride {
  const drift = driftOf(actor, raw.drift);
  return {
    ...(raw.value === undefined ? {} : { value: raw.value }),
    ...(drift ? { drift: drift.value } : {}),
    ...(raw.range ? { range: raw.range } : {}),
    ...rationaleOf(raw),
    ...(raw.sources ? { sources: raw.sources } : {}),
    ...partialGroundsOf(raw),
  };
}

function epochOf(actor: string, raw: EpochInput, ctx: ConditionContext): ActorEpoch {
  const preferences: PreferenceOverride[] = [];
  for (const [issueId, p] of Object.entries(raw.preferences ?? {})) {
    const i = ctx.issueIndex.get(issueId);
    if (i !== undefined) preferences.push(preferenceOverride(ctx.issues[i]!, p, raw.heldEarlier)); // omitted issues stay fixed
  }
  return {
    id: raw.id,
    label: raw.label,
    ...(raw.from === undefined ? {} : { from: raw.from }),
    ...(raw.until === undefined ? {} : { until: raw.until }),
    ...rationaleOf(raw),
    ...groundsOf(raw),
    ...provenanceOf(raw),
    preferences,
    ...(raw.reservation ? { reservation: reservationOverride(actor, raw.reservation) } : {}),
    dropRedLines: raw.redLines?.drop ?? [],
    // what the epoch says of why it held earlier covers what it adds that says nothing itself
    addRedLines: (raw.redLines?.add ?? []).map((r) => ({
      ...compileConstraint(r, ctx),
      ...heldEarlierOf(r, raw.heldEarlier),
    })),
    ...(raw.strategy ? { strategy: strategyOf(raw.strategy) } : {}),
  };
}

export function compileActor(
  input: ScenarioInput,
  raw: ActorInput,
  index: number,
  ctx: ConditionContext,
  offsets: Int32Array,
): Actor {
  const preferences = ctx.issues.map((issue) => {
    const p = raw.preferences[issue.id];
    return p ? preferenceOf(issue, p) : undefined;
  });
  const { weights, contrib } = contributions(ctx.issues, offsets, preferences);
  return {
    id: raw.id,
    index,
    name: raw.name,
    ...(raw.inSentence === undefined ? {} : { inSentence: raw.inSentence }),
    role: roleOf(input, raw.id, raw.role),
    ...(raw.description === undefined ? {} : { description: raw.description }),
    weights,
    preferences,
    contrib,
    redLines: (raw.redLines ?? []).map((r) => compileConstraint(r, ctx)),
    withheldRedLines: (raw.withheldRedLines ?? []).map(({ withheld, ...r }) => ({
      redLine: compileConstraint(r, ctx),
      basis: withheld.basis,
      rationale: withheld.rationale,
      sources: withheld.sources ?? [],
    })),
    reservation: reservationOf(raw.id, raw.reservation),
    strategy: strategyOf(raw.strategy),
    epochs: (raw.epochs ?? []).map((e) => epochOf(raw.id, e, ctx)),
  };
}
