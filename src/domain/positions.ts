// Dated positions: an actor's top-level preferences, reservation, red lines and strategy are its positions on the
// scenario's date; its epochs override them over spans of dates. `positionsAsOf` gives the scenario as every actor
// stood on a date, with the ratification hurdles that held then — what a document of that date is judged by.
import { inSpan } from './dates.ts';
import type {
  Actor,
  ActorEpoch,
  Constraint,
  Grounded,
  Issue,
  IssuePreference,
  Ratification,
  Scenario,
} from './types.ts';

/** Normalised weights and the flat contribution table (weight × value per option) of a set of preferences. */
export function contributions(
  issues: readonly Issue[],
  offsets: Int32Array,
  preferences: readonly (IssuePreference | undefined)[],
): { weights: Float64Array; contrib: Float64Array } {
  const total = preferences.reduce((s, p) => s + (p?.rawWeight ?? 0), 0);
  const weights = Float64Array.from(preferences, (p) => (p && total > 0 ? p.rawWeight / total : 0));
  const contrib = new Float64Array(offsets[issues.length]!);
  issues.forEach((issue, i) => {
    const p = preferences[i];
    if (!p) return;
    for (let o = 0; o < issue.options.length; o++) contrib[offsets[i]! + o] = weights[i]! * p.values[o]!;
  });
  return { weights, contrib };
}

/** The actor's epochs whose [from, until) contains the date, in file order. */
export function epochsInForce(actor: Actor, date: string): ActorEpoch[] {
  return actor.epochs.filter((e) => inSpan(date, e));
}

/** An override's own basis when it gives one, else its epoch's. */
function groundsOf(e: ActorEpoch, o: Partial<Grounded>): Grounded {
  const g = o.basis !== undefined ? o : e;
  return {
    basis: g.basis ?? 'assumption',
    basisGiven: g.basisGiven ?? true,
    ...(g.statement === undefined ? {} : { statement: g.statement }),
  };
}

function applyEpoch(s: Scenario, a: Actor, e: ActorEpoch): Actor {
  const preferences = [...a.preferences];
  for (const o of e.preferences) {
    const prev = preferences[o.issue];
    const values = prev ? Float64Array.from(prev.values) : new Float64Array(o.values.length);
    for (let k = 0; k < values.length; k++) if (o.mask[k] === 1) values[k] = o.values[k]!;
    // a weight the epoch sets without a range of its own is fixed on its dates: the range written for another
    // weight says nothing of it (as calibrate's unknowns and the record prior read it)
    const weightRange = o.weightRange ?? (o.rawWeight === undefined ? prev?.weightRange : undefined);
    preferences[o.issue] = {
      rawWeight: o.rawWeight ?? prev?.rawWeight ?? 0,
      ...(weightRange ? { weightRange } : {}),
      values,
      rationale: o.rationale ?? e.rationale ?? prev?.rationale ?? '',
      sources: o.sources ?? e.sources,
      ...groundsOf(e, o),
      // the override's own (or its epoch's), never the preference it replaces: its sources are new too
      ...(o.heldEarlier === undefined ? {} : { heldEarlier: o.heldEarlier }),
    };
  }
  const { weights, contrib } = contributions(s.issues, s.offsets, preferences);
  const dropped = new Set(e.dropRedLines);
  const redLines: Constraint[] = a.redLines.filter((r) => !dropped.has(r.id));
  for (const r of e.addRedLines) {
    const at = redLines.findIndex((x) => x.id === r.id);
    if (at >= 0) redLines[at] = r;
    else redLines.push(r);
  }
  const o = e.reservation;
  // likewise a reservation the epoch sets without a range of its own
  const range = o?.range ?? (o?.value === undefined ? a.reservation.range : undefined);
  const reservation = o
    ? {
        value: o.value ?? a.reservation.value,
        drift: o.drift ?? a.reservation.drift,
        ...(range ? { range } : {}),
        rationale: o.rationale ?? e.rationale ?? a.reservation.rationale,
        sources: o.sources ?? e.sources,
        ...groundsOf(e, o),
      }
    : a.reservation;
  return { ...a, preferences, weights, contrib, redLines, reservation, strategy: e.strategy ?? a.strategy };
}

/** derived scenario → the scenario it was derived from, so dating a dated scenario starts from its base */
const baseOf = new WeakMap<Scenario, Scenario>();
const derived = new WeakMap<Scenario, Map<string, Scenario>>();

/** The ratification hurdles that hold on a date: those without a `from`, and those from that date or earlier. */
export function hurdlesInForce(scenario: Scenario, date: string): Ratification[] {
  return scenario.ratifications.filter((r) => inSpan(date, r.from === undefined ? {} : { from: r.from }));
}

/**
 * The scenario with every actor's positions as they stood on `date`: the top level, with each epoch whose
 * [from, until) contains the date applied in file order, and only the ratification hurdles that held then (the
 * format puts no hurdle's `from` after the scenario's date, so the scenario itself has them all). The scenario
 * itself when no epoch applies and every hurdle holds (its date). Memoised by the set of epochs and hurdles in
 * force, so documents of the same period share one scenario.
 */
export function positionsAsOf(scenario: Scenario, date: string): Scenario {
  const base = baseOf.get(scenario) ?? scenario;
  const inForce = base.actors.map((a) => epochsInForce(a, date));
  const hurdles = hurdlesInForce(base, date);
  const allHurdles = hurdles.length === base.ratifications.length;
  if (inForce.every((list) => list.length === 0) && allHurdles) return base;
  const key = `${inForce.map((list) => list.map((e) => e.id).join(',')).join('|')}#${hurdles.map((r) => r.id).join(',')}`;
  let byKey = derived.get(base);
  if (!byKey) {
    byKey = new Map();
    derived.set(base, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const actors = base.actors.map((a, k) => inForce[k]!.reduce((x, e) => applyEpoch(base, x, e), a));
  const out: Scenario = { ...base, actors, ...(allHurdles ? {} : { ratifications: hurdles }) };
  baseOf.set(out, base);
  byKey.set(key, out);
  return out;
}

/** Every epoch in force on a date, by actor id (actors with none left out). */
function epochsOn(scenario: Scenario, date: string): { actor: string; epochs: ActorEpoch[] }[] {
  const base = baseOf.get(scenario) ?? scenario;
  return base.actors
    .map((a) => ({ actor: a.id, epochs: epochsInForce(a, date) }))
    .filter((x) => x.epochs.length > 0);
}

/** The ids of the epochs in force on a date, in actor then file order. */
export function epochIdsOn(scenario: Scenario, date: string): string[] {
  return epochsOn(scenario, date).flatMap((x) => x.epochs.map((e) => e.id));
}
