// Monte Carlo sweeps: how robust is a verdict when the preference numbers are uncertain?
// Each sample draws every weight in its weightRange and every reservation in its range (uniformly, seeded);
// red lines do not depend on weights, so only the utility-versus-reservation part of a verdict can move.

import { brokenConstraints, requireDocument, requiredActors } from '../domain/evaluate.ts';
import { createRng, type Rng } from '../domain/rng.ts';
import type { Actor, NegotiationDocument, Scenario } from '../domain/types.ts';

export interface SweepOptions {
  readonly samples: number;
  readonly seed: number;
  /** document ids; all documents when empty */
  readonly documents?: readonly string[];
  /** draw k of another prior (`--prior record`); default: the ranges, drawn in sequence from `seed` */
  readonly draw?: (k: number) => Scenario;
}

export interface ActorSweep {
  readonly actor: string;
  /** share of samples in which the actor accepts */
  readonly acceptRate: number;
  readonly meanUtility: number;
  readonly minUtility: number;
  readonly maxUtility: number;
  /** its red lines break in every sample alike: no draw can make it accept */
  readonly redLinesBroken: readonly string[];
}

export interface DocumentSweep {
  readonly id: string;
  readonly agreementRate: number;
  readonly actors: readonly ActorSweep[];
}

export interface SweepSample {
  readonly sample: number;
  readonly document: string;
  readonly actor: string;
  readonly utility: number;
  readonly reservation: number;
  readonly accepts: boolean;
}

export interface SweepResult {
  readonly scenario: string;
  readonly seed: number;
  readonly samples: number;
  /** the uncertain parameters drawn, e.g. "russia.weight.crimea", "ukraine.reservation" */
  readonly parameters: readonly string[];
  readonly documents: readonly DocumentSweep[];
}

/**
 * One draw of an actor: every weight with a weightRange and its reservation if it has a range, drawn in that
 * order; the weights normalised again and the utility table rebuilt, as the compiler builds them.
 */
function drawActor(scenario: Scenario, actor: Actor, rng: Rng): Actor {
  const raw = actor.preferences.map((p) =>
    p ? (p.weightRange ? rng.between(p.weightRange[0], p.weightRange[1]) : p.rawWeight) : 0,
  );
  const total = raw.reduce((s, w) => s + w, 0);
  const weights = new Float64Array(raw.length);
  const contrib = new Float64Array(actor.contrib.length);
  const { offsets } = scenario;
  actor.preferences.forEach((p, i) => {
    if (!p || total <= 0) return;
    const w = raw[i]! / total;
    weights[i] = w;
    for (let o = 0; o < p.values.length; o++) contrib[offsets[i]! + o] = w * p.values[o]!;
  });
  const r = actor.reservation.range;
  return {
    ...actor,
    weights,
    contrib,
    // the drawn raw weight, so an event that edits a weight renormalises against the draw
    preferences: actor.preferences.map((p, i) => (p ? { ...p, rawWeight: raw[i]! } : p)),
    reservation: { ...actor.reservation, value: r ? rng.between(r[0], r[1]) : actor.reservation.value },
  };
}

/**
 * One sample of the scenario's uncertainty: a compiled scenario whose actors carry drawn weights and
 * reservations (actors in scenario order). `sweep` and the outcome runs draw through this one function.
 */
export function drawScenario(scenario: Scenario, rng: Rng): Scenario {
  return { ...scenario, actors: scenario.actors.map((a) => drawActor(scenario, a, rng)) };
}

export function uncertainParameters(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const a of scenario.actors) {
    a.preferences.forEach((p, i) => {
      if (p?.weightRange) out.push(`${a.id}.weight.${scenario.issues[i]!.id}`);
    });
    if (a.reservation.range) out.push(`${a.id}.reservation`);
  }
  return out;
}

function pickDocuments(scenario: Scenario, ids: readonly string[] | undefined): NegotiationDocument[] {
  if (!ids || ids.length === 0) return [...scenario.documents];
  return ids.map((id) => requireDocument(scenario, id));
}

/**
 * Runs the sweep. `onSample` receives every sample's verdicts (for CSV export) without the result holding them.
 */
export function sweep(
  scenario: Scenario,
  options: SweepOptions,
  onSample?: (s: SweepSample) => void,
): SweepResult {
  const docs = pickDocuments(scenario, options.documents);
  const rng = createRng(options.seed);
  const draw = options.draw ?? (() => drawScenario(scenario, rng));
  const { offsets } = scenario;
  const n = scenario.actors.length;
  // what does not depend on the draw: red lines, rules, who must accept
  const fixed = docs.map((d) => ({
    broken: scenario.actors.map((a) => brokenConstraints(a.redLines, d.package).map((v) => v.redLine)),
    rulesHold: brokenConstraints(scenario.rules, d.package).length === 0,
    required: requiredActors(scenario, d.package),
  }));
  const accepts = docs.map(() => new Float64Array(n));
  const sums = docs.map(() => new Float64Array(n));
  const mins = docs.map(() => new Float64Array(n).fill(Number.POSITIVE_INFINITY));
  const maxs = docs.map(() => new Float64Array(n).fill(Number.NEGATIVE_INFINITY));
  const agreements = new Float64Array(docs.length);

  for (let s = 0; s < options.samples; s++) {
    const draws = draw(s).actors;
    docs.forEach((d, k) => {
      const f = fixed[k]!;
      let agreed = f.rulesHold;
      for (let a = 0; a < n; a++) {
        const draw = draws[a]!;
        let u = 0;
        for (let i = 0; i < d.package.length; i++) u += draw.contrib[offsets[i]! + d.package[i]!]!;
        const reservation = draw.reservation.value;
        const ok = f.broken[a]!.length === 0 && u >= reservation - 1e-12;
        if (ok) accepts[k]![a]!++;
        else if (f.required.includes(a)) agreed = false;
        sums[k]![a]! += u;
        mins[k]![a] = Math.min(mins[k]![a]!, u);
        maxs[k]![a] = Math.max(maxs[k]![a]!, u);
        onSample?.({
          sample: s,
          document: d.id,
          actor: scenario.actors[a]!.id,
          utility: u,
          reservation,
          accepts: ok,
        });
      }
      if (agreed) agreements[k]!++;
    });
  }

  const samples = Math.max(1, options.samples);
  return {
    scenario: scenario.id,
    seed: options.seed,
    samples: options.samples,
    parameters: uncertainParameters(scenario),
    documents: docs.map((d, k) => ({
      id: d.id,
      agreementRate: agreements[k]! / samples,
      actors: scenario.actors.map((a, i) => ({
        actor: a.id,
        acceptRate: accepts[k]![i]! / samples,
        meanUtility: sums[k]![i]! / samples,
        minUtility: mins[k]![i]!,
        maxUtility: maxs[k]![i]!,
        redLinesBroken: fixed[k]!.broken[i]!,
      })),
    })),
  };
}
