// Monte Carlo sweeps: how robust is a verdict when the preference numbers are uncertain?
// Each sample draws every weight in its weightRange and every reservation in its range (uniformly, seeded);
// red lines do not depend on weights, so only the utility-versus-reservation part of a verdict can move. The draws
// start from the scenario's own positions, or with `asOf` from those in force on that date. When negotiators
// anticipate ratification (the modeller's assumption), an actor also rejects a text its body would vote down in
// the draw (its utility there below the drawn threshold of a hurdle the text meets).

import { brokenConstraints, requireDocument, requiredActors, type Violation } from '../domain/evaluate.ts';
import { packedMap } from '../domain/packed.ts';
import { positionsAsOf } from '../domain/positions.ts';
import { failedHurdles, type HurdleCheck } from '../domain/ratification.ts';
import type { Rng } from '../domain/rng.ts';
import type { Actor, BasisKind, NegotiationDocument, Scenario } from '../domain/types.ts';
import { drawRng } from './draws.ts';
import { addExact, exactValue, mergeExact } from './exact-sum.ts';
import { drawFromRecord, type RecordPrior } from './record-prior.ts';

export interface SweepOptions {
  readonly samples: number;
  readonly seed: number;
  /** document ids; all documents when empty */
  readonly documents?: readonly string[];
  /** `--prior record`: draw from the region the record allows (plain data, so it travels to workers and shards) */
  readonly prior?: RecordPrior;
  /** `--as-of DATE`: draw from the positions in force on this date instead of the scenario's own */
  readonly asOf?: string;
  /** negotiators anticipate ratification (the modeller's assumption); absent: off */
  readonly anticipateRatification?: true;
}

/** The positions every draw starts from: those in force on `asOf`, or the scenario's own (its top level). */
export function startingPositions(scenario: Scenario, asOf: string | undefined): Scenario {
  return asOf === undefined ? scenario : positionsAsOf(scenario, asOf);
}

/**
 * What an actor's numbers in a sweep or an outcome run rest on; the same in every draw. The format gives a range no
 * basis of its own, and an item without one counts as an assumption: so a drawn weight or reservation rests on an
 * assumption (the range), whatever the basis of the value written beside it.
 */
export interface DrawBasis {
  /** the basis of the actor's written reservation (its value of no deal) */
  readonly reservationBasis: BasisKind;
  /** 'assumption' when some number of the actor is drawn from a range; null when nothing of it is drawn */
  readonly rangesBasis: 'assumption' | null;
}

export function drawBasis(scenario: Scenario, actor: Actor): DrawBasis {
  return {
    reservationBasis: actor.reservation.basis,
    rangesBasis: drawnParameters(scenario, actor).length > 0 ? 'assumption' : null,
  };
}

interface ActorSweep extends DrawBasis {
  readonly actor: string;
  /** share of samples in which the actor accepts */
  readonly acceptRate: number;
  readonly meanUtility: number;
  readonly minUtility: number;
  readonly maxUtility: number;
  /** its acceptance is needed for an agreement (a party, or the controller of an issue the text moves) */
  readonly required: boolean;
  /** its red lines break in every sample alike: no draw can make it accept */
  readonly redLinesBroken: readonly string[];
  /** the same red lines with their text, sources and basis, as analyze's verdicts give them */
  readonly violations: readonly Violation[];
  /**
   * negotiators anticipating ratification: the share of samples in which the document meets a hurdle of the actor
   * and would fail it — its body would vote the text down, so it rejects there (absent when the assumption is off)
   */
  readonly wouldFailRate?: number;
}

interface DocumentSweep {
  readonly id: string;
  readonly agreementRate: number;
  /** the scenario's rules it breaks, in every sample alike: no draw can make it an agreement */
  readonly rulesBroken: readonly Violation[];
  readonly actors: readonly ActorSweep[];
}

export interface SweepSample {
  readonly sample: number;
  readonly document: string;
  readonly actor: string;
  readonly utility: number;
  readonly reservation: number;
  readonly accepts: boolean;
  /** negotiators anticipating ratification: the ids of the actor's hurdles the text fails in this draw */
  readonly wouldFail?: readonly string[];
}

export interface SweepResult {
  readonly scenario: string;
  readonly seed: number;
  readonly samples: number;
  /**
   * the date whose positions judge every document: the --as-of date, or the scenario's, whose top-level positions
   * the draws then start from (never a document's own date, as analyze judges it)
   */
  readonly asOf: string;
  /** the uncertain parameters drawn, e.g. "russia.weight.crimea", "ukraine.reservation" */
  readonly parameters: readonly string[];
  readonly documents: readonly DocumentSweep[];
  /** the modeller's assumption that negotiators anticipate ratification was on (absent: off) */
  readonly anticipateRatification?: true;
  /** under `--prior record` */
  readonly prior?: 'record';
  readonly reactions?: readonly string[];
  readonly setAside?: readonly string[];
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
  const actors = packedMap(scenario.actors, (a) => drawActor(scenario, a, rng));
  // thresholds after every actor, so a scenario's actor draws do not depend on whether it has ratification ranges
  const ratifications = scenario.ratifications.map((r) => {
    const range = r.threshold.range;
    return range ? { ...r, threshold: { ...r.threshold, value: rng.between(range[0], range[1]) } } : r;
  });
  return { ...scenario, actors, ratifications };
}

/**
 * Draw `index` of a run seeded with `seed`: from the ranges (`drawRng(seed, index)` through `drawScenario`), or,
 * under a record prior, from the region the record allows. `sweep` and `outcomes` draw through this one function.
 * With `asOf`, the draw is of the positions in force on that date: the ranges in force then are drawn; the record
 * prior draws every unknown of the file (its dated ones too) and the date's positions are then applied to the draw.
 */
export function drawOf(
  scenario: Scenario,
  prior: RecordPrior | undefined,
  seed: number,
  index: number,
  asOf?: string,
): Scenario {
  if (!prior) return drawScenario(startingPositions(scenario, asOf), drawRng(seed, index));
  return startingPositions(drawFromRecord(scenario, prior, seed, index), asOf);
}

/** What the JSON of a run under `--prior record` adds: the reactions its draws reproduce, and those set aside. */
export function priorReport(prior: RecordPrior | undefined) {
  return prior ? { prior: 'record' as const, reactions: prior.reactions, setAside: prior.setAside } : {};
}

/** The actor's numbers that have a range, and so are drawn: its weights in issue order, then its reservation. */
function drawnParameters(scenario: Scenario, a: Actor): string[] {
  const out: string[] = [];
  a.preferences.forEach((p, i) => {
    if (p?.weightRange) out.push(`${a.id}.weight.${scenario.issues[i]!.id}`);
  });
  if (a.reservation.range) out.push(`${a.id}.reservation`);
  return out;
}

export function uncertainParameters(scenario: Scenario): string[] {
  return scenario.actors.flatMap((a) => drawnParameters(scenario, a));
}

/** The ratification thresholds drawn too (they move no verdict, only whether a signed text clears its hurdle). */
export function thresholdParameters(scenario: Scenario): string[] {
  return scenario.ratifications.filter((r) => r.threshold.range).map((r) => `ratification.${r.id}.threshold`);
}

function pickDocuments(scenario: Scenario, ids: readonly string[] | undefined): NegotiationDocument[] {
  if (!ids || ids.length === 0) return [...scenario.documents];
  return ids.map((id) => requireDocument(scenario, id));
}

/** One document's tally over a range of samples, per actor in scenario order; JSON as it stands. */
interface DocumentTally {
  readonly accepts: number[];
  /** the exact sum of the utilities (see exact-sum.ts), so tallies merge to the same bits in any grouping */
  readonly sums: number[][];
  /** null: no sample yet */
  readonly mins: (number | null)[];
  readonly maxs: (number | null)[];
  agreements: number;
  /** negotiators anticipating ratification: per actor, the samples whose text its body would vote down */
  readonly wouldFail?: number[];
}

/** The tally of samples [from, to): what a worker or a shard computes, and what merges. */
export interface SweepPart {
  readonly from: number;
  readonly to: number;
  readonly documents: readonly DocumentTally[];
}

/**
 * Samples [from, to) of a sweep. Sample k is a pure function of (scenario, seed, k): its generator comes from
 * `drawRng`, so any split of the samples draws what one pass draws. `onSample` receives every sample's verdicts.
 */
export function sweepPart(
  scenario: Scenario,
  options: SweepOptions,
  from: number,
  to: number,
  onSample?: (s: SweepSample) => void,
): SweepPart {
  const docs = pickDocuments(scenario, options.documents);
  const { offsets } = scenario;
  const n = scenario.actors.length;
  const start = startingPositions(scenario, options.asOf);
  const anticipate = options.anticipateRatification === true;
  // anticipating ratification: the actors with a hurdle, whose verdicts the vote of their body may move
  const hurdled = scenario.actors.map(
    (a) => anticipate && scenario.ratifications.some((r) => r.actor === a.index),
  );
  const none: HurdleCheck[] = [];
  // what does not depend on the draw: red lines, rules, who must accept
  const fixed = docs.map((d) => ({
    redLinesHold: start.actors.map((a) => brokenConstraints(a.redLines, d.package).length === 0),
    rulesHold: brokenConstraints(scenario.rules, d.package).length === 0,
    required: requiredActors(scenario, d.package),
  }));
  const tallies: DocumentTally[] = docs.map(() => ({
    accepts: new Array<number>(n).fill(0),
    sums: Array.from({ length: n }, () => []),
    mins: new Array<number | null>(n).fill(null),
    maxs: new Array<number | null>(n).fill(null),
    agreements: 0,
    ...(anticipate ? { wouldFail: new Array<number>(n).fill(0) } : {}),
  }));
  for (let s = from; s < to; s++) {
    const drawn = drawOf(scenario, options.prior, options.seed, s, options.asOf);
    const draws = drawn.actors;
    docs.forEach((d, k) => {
      const f = fixed[k]!;
      const t = tallies[k]!;
      let agreed = f.rulesHold;
      for (let a = 0; a < n; a++) {
        const draw = draws[a]!;
        let u = 0;
        for (let i = 0; i < d.package.length; i++) u += draw.contrib[offsets[i]! + d.package[i]!]!;
        const reservation = draw.reservation.value;
        // the hurdles of its own the text meets and fails in this draw (its weights, the drawn thresholds)
        const fails = hurdled[a] ? failedHurdles(drawn, a, d.package) : none;
        if (fails.length) t.wouldFail![a]!++;
        const ok = f.redLinesHold[a]! && u >= reservation - 1e-12 && fails.length === 0;
        if (ok) t.accepts[a]!++;
        else if (f.required.includes(a)) agreed = false;
        addExact(t.sums[a]!, u);
        t.mins[a] = Math.min(t.mins[a] ?? u, u);
        t.maxs[a] = Math.max(t.maxs[a] ?? u, u);
        onSample?.({
          sample: s,
          document: d.id,
          actor: scenario.actors[a]!.id,
          utility: u,
          reservation,
          accepts: ok,
          ...(anticipate ? { wouldFail: fails.map((h) => h.id) } : {}),
        });
      }
      if (agreed) t.agreements++;
    });
  }
  return { from, to, documents: tallies };
}

/** The parts of one sweep, merged: they must follow each other (`from` of one is `to` of the one before). */
export function mergeSweepParts(parts: readonly SweepPart[]): SweepPart {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no sweep part to merge');
  const out: SweepPart = structuredClone(first);
  let to = first.to;
  for (const p of rest) {
    if (p.from !== to) throw new Error(`sweep parts do not follow each other: ${to} then ${p.from}`);
    p.documents.forEach((d, k) => {
      const t = out.documents[k]!;
      d.accepts.forEach((x, a) => {
        t.accepts[a]! += x;
        mergeExact(t.sums[a]!, d.sums[a]!);
        const lo = d.mins[a];
        const hi = d.maxs[a];
        if (lo !== null && lo !== undefined) t.mins[a] = Math.min(t.mins[a] ?? lo, lo);
        if (hi !== null && hi !== undefined) t.maxs[a] = Math.max(t.maxs[a] ?? hi, hi);
      });
      t.agreements += d.agreements;
      d.wouldFail?.forEach((x, a) => {
        t.wouldFail![a]! += x;
      });
    });
    to = p.to;
  }
  return { ...out, to };
}

/** The result of a sweep from the tally of all its samples. */
export function sweepResult(file: Scenario, options: SweepOptions, part: SweepPart): SweepResult {
  const docs = pickDocuments(file, options.documents);
  const samples = Math.max(1, options.samples);
  // the red lines, ranges and bases the samples were drawn with
  const scenario = startingPositions(file, options.asOf);
  return {
    scenario: scenario.id,
    seed: options.seed,
    samples: options.samples,
    asOf: options.asOf ?? scenario.date,
    // anticipating ratification, the drawn thresholds move verdicts too (the record prior draws none, as in outcomes)
    parameters: [
      ...uncertainParameters(scenario),
      ...(options.anticipateRatification && !options.prior ? thresholdParameters(scenario) : []),
    ],
    ...(options.anticipateRatification ? { anticipateRatification: true as const } : {}),
    ...priorReport(options.prior),
    documents: docs.map((d, k) => {
      const t = part.documents[k]!;
      // who must accept and the rules broken, as the draws judged them (sweepPart's `fixed`)
      const required = requiredActors(file, d.package);
      return {
        id: d.id,
        agreementRate: t.agreements / samples,
        rulesBroken: brokenConstraints(file.rules, d.package),
        actors: scenario.actors.map((a, i) => {
          const violations = brokenConstraints(a.redLines, d.package);
          return {
            actor: a.id,
            required: required.includes(i),
            acceptRate: t.accepts[i]! / samples,
            meanUtility: exactValue(t.sums[i]!) / samples,
            minUtility: t.mins[i] ?? Number.NaN,
            maxUtility: t.maxs[i] ?? Number.NaN,
            redLinesBroken: violations.map((v) => v.redLine),
            violations,
            ...drawBasis(scenario, a),
            ...(t.wouldFail ? { wouldFailRate: t.wouldFail[i]! / samples } : {}),
          };
        }),
      };
    }),
  };
}

/** Runs the sweep in one pass. `onSample` receives every sample's verdicts (for CSV export). */
export function sweep(
  scenario: Scenario,
  options: SweepOptions,
  onSample?: (s: SweepSample) => void,
): SweepResult {
  return sweepResult(scenario, options, sweepPart(scenario, options, 0, options.samples, onSample));
}
