// From the labels of the exact DP to the frontier as the domain judges it: each label's utilities and verdict as
// the domain's own functions give them, the labels that agree at the reservations of the moment, their Pareto set
// and that set without near-ties. `analyzeAcceptable` reads one DP once; the agents read theirs every round, as
// reservations drift, so for them what does not depend on the reservations is worked out once per DP.
import { holds } from '../domain/condition.ts';
import { requiredActors } from '../domain/evaluate.ts';
import { packedMap } from '../domain/packed.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { paretoInto } from './dominance.ts';
import type { Label } from './labels.ts';
import { ACCEPT_TOL, TIE } from './limits.ts';
import { tieFreeRows } from './near-ties.ts';
import { type Candidate, lexCompare } from './solutions.ts';

export interface Point extends Candidate {
  readonly pkg: Int32Array;
  /** the parties' utilities, in protocol order */
  readonly u: Float64Array;
}

/**
 * The frontier of the labels of an exact DP, as `analyzeAcceptable` reads them: the labels the domain's own
 * verdicts call an agreement, with the domain's utilities; `pareto` is what the bargaining solutions choose from
 * (`bargainingSolutions(pareto, reservations, frontier)`). Labels computed at lower party floors than the
 * scenario's reservations give the same frontier: the acceptable set at higher reservations is an upper part of
 * the one at lower reservations, so its Pareto points are the lower set's that reach them. Both lists are the
 * same objects whenever the same labels agree.
 */
export function frontierOfLabels(
  scenario: Scenario,
  parties: readonly number[],
  labels: readonly Label[],
): LabelFrontier {
  const all = judgeLabels(scenario, parties, labels);
  let known = frontiers.get(all);
  if (!known) {
    known = knownOf(all, scenario.actors.length);
    frontiers.set(all, known);
  }
  // which labels agree at these reservations (as `agrees` says); most rounds, the same as last time
  const { agreeing, holds, verdictStart, verdictActor, verdictUtility, threshold } = known;
  for (let a = 0; a < threshold.length; a++)
    threshold[a] = scenario.actors[a]!.reservation.value - ACCEPT_TOL;
  let same = known.last !== undefined;
  for (let k = 0; k < all.length; k++) {
    let a = holds[k]!;
    for (let j = verdictStart[k]!; a === 1 && j < verdictStart[k + 1]!; j++)
      if (verdictUtility[j]! < threshold[verdictActor[j]!]!) a = 0;
    if (a !== agreeing[k]) {
      agreeing[k] = a;
      same = false;
    }
  }
  if (same) return known.last!;
  const key = agreeing.join('');
  let hit = known.byAgreeing.get(key);
  if (!hit) {
    hit = known.relations ? fromRelations(known, known.relations) : fromScratch(known, parties.length);
    known.byAgreeing.set(key, hit);
  }
  known.last = hit;
  return hit;
}

export interface LabelFrontier {
  /** Pareto-optimal acceptable packages, distinct vectors: what the bargaining solutions choose from */
  readonly pareto: readonly Point[];
  /** the same without near-ties (within TIE): the frontier */
  readonly frontier: readonly Point[];
  /** every label of the DP as a point, agreeing or not: the same list (and points) at any reservations */
  readonly labels: readonly Point[];
  /** per frontier point: its place in `labels` */
  readonly index: readonly number[];
}

/** Per judged label list: its points, and the frontier of each set of agreeing labels met so far. */
const frontiers = new WeakMap<readonly JudgedLabel[], KnownFrontiers>();

interface KnownFrontiers {
  readonly labels: readonly Point[];
  /** per label: whether the rules and the red lines of every actor it needs hold (1) */
  readonly holds: Uint8Array;
  /** per label l, entries [verdictStart[l], verdictStart[l + 1]): each actor it needs, and that actor's utility */
  readonly verdictStart: Int32Array;
  readonly verdictActor: Int32Array;
  readonly verdictUtility: Float64Array;
  /** scratch: per actor, its reservation less the acceptance tolerance */
  readonly threshold: Float64Array;
  readonly byAgreeing: Map<string, LabelFrontier>;
  /** the labels that agreed last time (1), and the frontier then */
  readonly agreeing: Uint8Array;
  last?: LabelFrontier;
  /** null: too many labels to relate every pair */
  readonly relations: Relations | null;
}

function knownOf(all: readonly JudgedLabel[], actors: number): KnownFrontiers {
  const n = all.length;
  const holds = new Uint8Array(n);
  const verdictStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    holds[k] = all[k]!.holds ? 1 : 0;
    verdictStart[k + 1] = verdictStart[k]! + all[k]!.required.length;
  }
  const verdictActor = new Int32Array(verdictStart[n]!);
  const verdictUtility = new Float64Array(verdictStart[n]!);
  for (let k = 0; k < n; k++) {
    const { required, requiredUtility } = all[k]!;
    for (let j = 0; j < required.length; j++) {
      verdictActor[verdictStart[k]! + j] = required[j]!;
      verdictUtility[verdictStart[k]! + j] = requiredUtility[j]!;
    }
  }
  return {
    labels: packedMap(all, (l) => l.point),
    holds,
    verdictStart,
    verdictActor,
    verdictUtility,
    threshold: new Float64Array(actors),
    byAgreeing: new Map(),
    agreeing: new Uint8Array(n),
    relations: n <= MAX_RELATED ? relationsOf(all) : null,
  };
}

/** Most labels whose pairs are related once (n² / 2 pairs); beyond, each set of agreeing labels is filtered anew. */
const MAX_RELATED = 400;

/**
 * What `paretoOf` and `tieFree` decide about two labels, whatever else agrees (the labels in their sorted order,
 * so a subset keeps it): which earlier labels are ≥ a label everywhere (then it is not in a Pareto set with one of
 * them), and the pairs within TIE of each other in some coordinate, with what `tieFreeRows` makes of them.
 */
interface Relations {
  /** per label: the earlier labels ≥ it everywhere (none: no entry) */
  readonly dominators: readonly (readonly number[] | undefined)[];
  /** per pair within TIE: earlier label, later label, and bits: 1 the earlier beats it, 2 it beats the earlier, 4 near */
  readonly pairs: readonly number[];
}

function relationsOf(all: readonly JudgedLabel[]): Relations {
  const n = all.length;
  const P = n > 0 ? all[0]!.u.length : 0;
  const u = new Float64Array(n * P);
  all.forEach((l, k) => {
    u.set(l.u, k * P);
  });
  const dominators: number[][] = [];
  const pairs: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let geq = true;
      let close = false;
      for (let k = 0; k < P; k++) {
        const x = u[a * P + k]!;
        const y = u[b * P + k]!;
        if (!(x >= y)) geq = false;
        if ((x < y && y - x <= TIE) || (y < x && x - y <= TIE)) close = true;
      }
      if (geq) {
        dominators[b] ??= [];
        dominators[b]!.push(a);
      }
      if (!close) continue;
      const ua = all[a]!.u;
      const ub = all[b]!.u;
      pairs.push(
        a,
        b,
        (strictlyBetter(ua, ub) ? 1 : 0) | (strictlyBetter(ub, ua) ? 2 : 0) | (near(ua, ub) ? 4 : 0),
      );
    }
  }
  return { dominators, pairs };
}

/** As tieFreeRows judges a pair: q ≥ p − TIE everywhere and q > p + TIE somewhere. */
function strictlyBetter(q: Float64Array, p: Float64Array): boolean {
  let strict = false;
  for (let k = 0; k < q.length; k++) {
    const diff = q[k]! - p[k]!;
    if (diff < -TIE) return false;
    if (diff > TIE) strict = true;
  }
  return strict;
}

/** As tieFreeRows judges a pair: within TIE everywhere. */
function near(q: Float64Array, p: Float64Array): boolean {
  for (let k = 0; k < q.length; k++) if (Math.abs(q[k]! - p[k]!) > TIE) return false;
  return true;
}

/**
 * `paretoOf` then `tieFree` of the agreeing labels, read from the relations: a label is in the Pareto set when it
 * agrees and no earlier agreeing label is ≥ it everywhere (exactly paretoRows' rows, in its order: the labels
 * are sorted as it sorts); of the pairs within TIE, the one beaten goes, then each near twin of one kept.
 */
function fromRelations(known: KnownFrontiers, { dominators, pairs }: Relations): LabelFrontier {
  const { labels, agreeing } = known;
  const n = labels.length;
  const inPareto: number[] = new Array(n).fill(0);
  const pareto: Point[] = [];
  for (let k = 0; k < n; k++) {
    if (!agreeing[k] || dominators[k]?.some((d) => agreeing[d] === 1)) continue;
    inPareto[k] = 1;
    pareto.push(labels[k]!);
  }
  const drop: number[] = new Array(n).fill(0);
  for (let i = 0; i < pairs.length; i += 3) {
    const a = pairs[i]!;
    const b = pairs[i + 1]!;
    if (!inPareto[a] || !inPareto[b]) continue;
    if (pairs[i + 2]! & 1) drop[b] = 1;
    if (pairs[i + 2]! & 2) drop[a] = 1;
  }
  // pairs come earlier label first, in order: each twin is dropped by a kept earlier one
  for (let i = 0; i < pairs.length; i += 3) {
    const a = pairs[i]!;
    const b = pairs[i + 1]!;
    if (pairs[i + 2]! & 4 && inPareto[a] && inPareto[b] && !drop[a]) drop[b] = 1;
  }
  const index: number[] = [];
  for (let k = 0; k < n; k++) if (inPareto[k] && !drop[k]) index.push(k);
  return { pareto, frontier: packedMap(index, (k) => labels[k]!), labels, index };
}

function fromScratch(known: KnownFrontiers, P: number): LabelFrontier {
  const { labels, agreeing } = known;
  const pareto = paretoOf(labels.filter((_, k) => agreeing[k] === 1));
  const frontier = tieFree(pareto, P);
  const at = new Map(labels.map((p, k) => [p, k]));
  return { pareto, frontier, labels, index: packedMap(frontier, (p) => at.get(p)!) };
}

/**
 * A label as the domain judges it, apart from the reservations: the parties' utilities, whether the rules and the
 * red lines of every actor whose consent it needs hold, and those actors' utilities. Computed once per label, it
 * gives the domain's verdict at any reservations (`agrees`), which is all that moves from round to round.
 */
interface JudgedLabel extends Point {
  /** the label as a frontier point (one object per label, whatever the round) */
  readonly point: Point;
  readonly holds: boolean;
  readonly required: readonly number[];
  readonly requiredUtility: readonly number[];
}

const judged = new WeakMap<readonly Label[], readonly JudgedLabel[]>();

/** The labels judged (cached per label list: the labels of one DP always have the same weights and constraints). */
function judgeLabels(
  scenario: Scenario,
  parties: readonly number[],
  labels: readonly Label[],
): readonly JudgedLabel[] {
  let out = judged.get(labels);
  if (!out) {
    out = packedMap(labels, (l) => {
      const required = requiredActors(scenario, l.pkg);
      const actor = (a: number) => scenario.actors[a]!;
      const u = new Float64Array(parties.length);
      for (let i = 0; i < u.length; i++) u[i] = utility(actor(parties[i]!), scenario.offsets, l.pkg);
      return {
        pkg: l.pkg,
        u,
        point: { pkg: l.pkg, u },
        holds: keepsAll(scenario.rules, l.pkg) && required.every((a) => keepsAll(actor(a).redLines, l.pkg)),
        required,
        requiredUtility: required.map((a) => utility(actor(a), scenario.offsets, l.pkg)),
      };
    });
    // in the order paretoRows sorts to (utilities descending, ties in label order: a stable sort), so that each
    // round's filter of them starts from sorted rows
    const order = packedMap(out, (l, k) => ({ l, k })).sort((a, b) => {
      for (let i = 0; i < a.l.u.length; i++) if (a.l.u[i] !== b.l.u[i]) return b.l.u[i]! - a.l.u[i]!;
      return a.k - b.k;
    });
    out = packedMap(order, (x) => x.l);
    judged.set(labels, out);
  }
  return out;
}

function keepsAll(constraints: readonly Constraint[], pkg: Int32Array): boolean {
  for (const c of constraints) if (!holds(c.condition, pkg)) return false;
  return true;
}

/** evaluatePackage(…).agreement of a judged label, at the scenario's reservations. */
function agrees(scenario: Scenario, l: JudgedLabel): boolean {
  if (!l.holds) return false;
  for (let k = 0; k < l.required.length; k++)
    if (l.requiredUtility[k]! < scenario.actors[l.required[k]!]!.reservation.value - ACCEPT_TOL) return false;
  return true;
}

/** Keeps the labels the domain's own verdicts call an agreement, with utilities as the domain sums them. */
export function verifiedPareto(
  scenario: Scenario,
  parties: readonly number[],
  labels: readonly Label[],
): Point[] {
  return paretoOf(
    judgeLabels(scenario, parties, labels)
      .filter((l) => agrees(scenario, l))
      .map((l) => ({ pkg: l.pkg, u: l.u })),
  );
}

/** The points no other dominates, one per distinct vector, by utilities descending then package. */
function paretoOf(points: readonly Point[]): Point[] {
  const n = points.length;
  const P = points[0]?.u.length ?? 0;
  const flat = new Float64Array(n * P);
  const rows = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    rows[k] = k;
    flat.set(points[k]!.u, k * P);
  }
  const kept = new Int32Array(n);
  const out: Point[] = [];
  for (let i = 0, count = paretoInto(rows, 0, n, flat, P, P, kept, 0); i < count; i++)
    out.push(points[kept[i]!]!);
  return out.sort(byUtilitiesThenPackage);
}

export function tieFree(pareto: readonly Point[], P: number): Point[] {
  const flat = new Float64Array(pareto.length * P);
  pareto.forEach((p, k) => {
    flat.set(p.u, k * P);
  });
  return tieFreeRows([...pareto.keys()], flat, P, P).map((k) => pareto[k]!);
}

/** Utilities descending (first party first), then the lexicographically smaller package. */
function byUtilitiesThenPackage(a: Point, b: Point): number {
  for (let i = 0; i < a.u.length; i++) if (a.u[i] !== b.u[i]) return b.u[i]! - a.u[i]!;
  return lexCompare(a.pkg, b.pkg);
}
