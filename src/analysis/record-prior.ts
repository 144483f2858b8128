// `--prior record`: draws of the uncertain preferences uniform over the region the record allows, instead of the
// independent boxes. The target is the sweep's own prior — every ranged raw weight and reservation uniform in its
// range — conditioned on reproducing every recorded reaction. It is sampled by hit-and-run along coordinate
// directions (a Gibbs sampler): along one coordinate each reaction is affine, so the chord is an interval.
//
// Every draw is a pure function of (scenario, prior, seed, draw index): draw k takes its generator from
// `drawRng(seed, k)` and runs its own chain from one fixed starting point inside the region (found by LP) for
// BURN_IN sweeps, so draws can run in any order, on any worker or shard, and give the same bytes. The prior itself
// is plain data (JSON and structured-clone safe): it travels to worker threads and into partial results.

import { brokenConstraints } from '../domain/evaluate.ts';
import { packedMap } from '../domain/packed.ts';
import { contributions, positionsAsOf } from '../domain/positions.ts';
import type { Rng } from '../domain/rng.ts';
import type { Actor, ActorEpoch, Scenario } from '../domain/types.ts';
import { calibrateActor, disposeActor, pointFit, type Unknowns } from './calibrate.ts';
import type { Judgement, Region } from './calibrate-region.ts';
import { drawRng } from './draws.ts';
import type { Centre } from './hinges.ts';
import type { Lp } from './lp.ts';

/** Full coordinate sweeps each draw's chain runs from the starting point. */
const BURN_IN = 64;

/** One recorded reaction as the sampler evaluates it: g(x) = Σ v·w − r·Σ w, ≥ 0 to accept, < 0 to reject. */
interface Constraint {
  readonly accept: boolean;
  /** per term: coordinate of its weight (or −1 with `raw`), its value */
  readonly terms: readonly { readonly coord: number; readonly raw: number; readonly value: number }[];
  /** coordinate of its reservation, or −1 with `fixed` */
  readonly rCoord: number;
  readonly fixed: number;
}

/**
 * One actor's chain, as plain data. Coordinates: its n top-level weights (issues `slots`), its m weights of dated
 * positions with ranges of their own, its reservation (coordinate n + m), then reservations of dated positions.
 */
interface ActorChain {
  readonly actor: number;
  readonly slots: readonly number[];
  readonly n: number;
  readonly m: number;
  /** "epoch/issue" → index among the dated weights; "epoch" → index among the dated reservations */
  readonly weightKeys: readonly (readonly [string, number])[];
  readonly reservationKeys: readonly (readonly [string, number])[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly start: readonly number[];
  readonly constraints: readonly Constraint[];
  /** the record constrains this actor (otherwise its draws are the box's) */
  readonly constrained: boolean;
}

export interface RecordPrior {
  readonly chains: readonly (ActorChain | null)[];
  /** recorded reactions that constrain the draws, by id */
  readonly reactions: readonly string[];
  /** recorded reactions set aside because they conflict (as calibrate reports them) */
  readonly setAside: readonly string[];
}

/** Coordinates of an actor's unknowns: top weights, dated weights, its reservation, dated reservations. */
function coordsOf(u: Unknowns) {
  const box = u.box;
  const n = box.weights.length;
  const m = box.extraWeights?.length ?? 0;
  const intervals = [
    ...box.weights,
    ...(box.extraWeights ?? []),
    box.reservation,
    ...(box.extraReservations ?? []),
  ];
  return { n, m, r: n + m, intervals };
}

function constraintOf(u: Unknowns, judged: Judgement, accept: boolean): Constraint {
  const { n, r } = coordsOf(u);
  const terms = judged.terms.map((t) =>
    t.weight.kind === 'slot'
      ? { coord: t.weight.index, raw: 0, value: t.value }
      : t.weight.kind === 'extra'
        ? { coord: n + t.weight.index, raw: 0, value: t.value }
        : { coord: -1, raw: t.weight.weight, value: t.value },
  );
  const res = judged.reservation;
  return {
    accept,
    terms,
    rCoord: res.kind === 'shared' ? r : res.kind === 'extra' ? r + 1 + res.index : -1,
    fixed: res.kind === 'fixed' ? res.value : 0,
  };
}

type Point = ArrayLike<number>;
const weightOf = (x: Point, t: Constraint['terms'][number]) => (t.coord < 0 ? t.raw : x[t.coord]!);
const reservationOf = (x: Point, c: Constraint) => (c.rCoord < 0 ? c.fixed : x[c.rCoord]!);

/** g(x) and Σw of a constraint at x. */
function evaluate(c: Constraint, x: Point): { g: number; total: number } {
  let num = 0;
  let total = 0;
  for (const t of c.terms) {
    const w = weightOf(x, t);
    num += t.value * w;
    total += w;
  }
  return { g: num - reservationOf(x, c) * total, total };
}

/** Does x reproduce every reaction (the domain's rule, u ≥ r − 1e-12 to accept)? */
function satisfies(chain: Pick<ActorChain, 'constraints'>, x: Point): boolean {
  return chain.constraints.every((c) => {
    const { g, total } = evaluate(c, x);
    const margin = total > 0 ? g / total : -reservationOf(x, c);
    return c.accept ? margin >= -1e-12 : margin < -1e-12;
  });
}

/**
 * The chains of every actor. The starting point of a constrained actor: the mean of the LP points that bound each
 * coordinate of its region and of the point deepest inside its strict rejects, checked against the exact rule.
 */
export function recordPrior(
  lp: Lp,
  scenario: Scenario,
  include: (actor: number) => boolean = () => true,
): RecordPrior {
  const reactions: string[] = [];
  const setAside: string[] = [];
  const chains = scenario.actors.map((a): ActorChain | null => {
    if (!include(a.index)) return null;
    const ar = calibrateActor(lp, scenario, a.index);
    if (!ar) return null;
    try {
      const u = ar.unknowns;
      const { intervals, n, m, r } = coordsOf(u);
      const kept = ar.calibration.constraining.filter((id) => !ar.calibration.setAside.includes(id));
      reactions.push(...kept);
      setAside.push(...ar.calibration.setAside);
      const constraints = kept.map((id) => {
        const e = scenario.record.find((x) => x.id === id)!;
        const pkg = scenario.documents.find((d) => d.id === e.document)!.package;
        return constraintOf(u, u.judge(pkg, e.date), e.reaction === 'accept');
      });
      const lo = intervals.map((x) => x[0]);
      const hi = intervals.map((x) => x[1]);
      const start = constraints.length
        ? startingPoint(ar.region, r, intervals.length, { lo, hi, constraints })
        : lo.map((l, i) => (l + hi[i]!) / 2);
      return {
        actor: a.index,
        slots: [...u.slots],
        n,
        m,
        weightKeys: [...u.weightKeys],
        reservationKeys: [...u.reservationKeys],
        lo,
        hi,
        start,
        constraints,
        constrained: constraints.length > 0,
      };
    } finally {
      disposeActor(ar);
    }
  });
  return { chains, reactions, setAside };
}

/**
 * For every actor whose own numbers contradict its record (and whose record holds together after conflicts are set
 * aside): its raw weights and reservation at the chains' starting point, inside what the record allows.
 */
export function calibratedCentres(lp: Lp, scenario: Scenario): Map<number, Centre> {
  const out = new Map<number, Centre>();
  const prior = recordPrior(lp, scenario, (a) => {
    const fit = pointFit(scenario, a);
    return !fit.inBox || fit.contradicts.length > 0;
  });
  prior.chains.forEach((chain) => {
    if (!chain?.constrained) return;
    out.set(chain.actor, {
      weights: new Map(chain.slots.map((i, k) => [i, chain.start[k]!])),
      reservation: chain.start[chain.n + chain.m]!,
    });
  });
  return out;
}

/** LP points (Charnes–Cooper coordinates) back to raw unknowns: weights ŵ/s, reservations as they are. */
function rawPoint(p: Float64Array, rCol: number, count: number): Float64Array {
  const s = p[count]!; // the column after the reservations is s (see calibrate-region.ts's layout)
  return Float64Array.from({ length: count }, (_, c) => (c < rCol ? p[c]! / s : p[c]!));
}

function startingPoint(
  region: Region,
  rCol: number,
  count: number,
  chain: Pick<ActorChain, 'lo' | 'hi' | 'constraints'>,
): number[] {
  const deepest = region.deepest();
  if (!deepest) throw new Error('no starting point: the region is empty');
  const points = [deepest];
  for (let c = 0; c <= rCol; c++) {
    const unit = Array.from({ length: c + 1 }, (_, j) => (j === c ? 1 : 0));
    for (const sense of ['min', 'max'] as const) {
      const p = region.point(unit, sense);
      if (p) points.push(p);
    }
  }
  const mean = new Float64Array(deepest.length);
  for (const p of points) p.forEach((v, i) => (mean[i]! += v / points.length));
  for (const candidate of [mean, deepest]) {
    // clamp the solver's last-digit overshoot of the box
    const x = [...rawPoint(candidate, rCol, count)].map((v, i) =>
      Math.min(chain.hi[i]!, Math.max(chain.lo[i]!, v)),
    );
    if (satisfies(chain, x)) return x;
  }
  throw new Error('the LP points of a relaxed region do not reproduce the record exactly: no starting point');
}

/** One coordinate move: the chord of the region along coordinate c at x, and a uniform point on it. */
function move(chain: ActorChain, x: Float64Array, c: number, rng: Rng): void {
  let a = chain.lo[c]!;
  let b = chain.hi[c]!;
  if (a === b) return;
  for (const k of chain.constraints) {
    const { g, total } = evaluate(k, x);
    // slope of g along c: Σ (v − r) over the terms weighted by c, or −Σw when c is the reservation
    let slope = 0;
    if (c === k.rCoord) slope = -total;
    else {
      const r = reservationOf(x, k);
      for (const t of k.terms) if (t.coord === c) slope += t.value - r;
    }
    if (slope === 0) continue;
    // accept: g + slope·(y − x_c) ≥ 0; reject: < 0
    const root = x[c]! - g / slope;
    if (k.accept === slope > 0) a = Math.max(a, root);
    else b = Math.min(b, root);
  }
  if (b < a) return; // rounding at a vertex: stay
  x[c] = rng.between(a, b);
}

/** The unknowns of every actor for draw k: each chain from its start, BURN_IN sweeps, with draw k's generator. */
export function drawUnknowns(prior: RecordPrior, seed: number, k: number): (Float64Array | null)[] {
  const rng = drawRng(seed, k);
  return prior.chains.map((chain) => {
    if (!chain) return null;
    const x = Float64Array.from(chain.start);
    // an unconstrained box needs one sweep: each coordinate is then uniform and independent
    const sweeps = chain.constrained ? BURN_IN : 1;
    for (let s = 0; s < sweeps; s++) for (let c = 0; c < x.length; c++) move(chain, x, c, rng);
    return x;
  });
}

/** The scenario with an actor's unknowns set: top-level weights and reservation, and dated ones in its epochs. */
function withUnknowns(scenario: Scenario, actor: Actor, chain: ActorChain, x: Float64Array): Actor {
  const { n, m } = chain;
  const weightKeys = new Map(chain.weightKeys);
  const reservationKeys = new Map(chain.reservationKeys);
  const preferences = actor.preferences.map((p, i) => {
    const slot = chain.slots.indexOf(i);
    return p && slot >= 0 ? { ...p, rawWeight: x[slot]! } : p;
  });
  const { weights, contrib } = contributions(scenario.issues, scenario.offsets, preferences);
  const epochs: ActorEpoch[] = actor.epochs.map((e) => ({
    ...e,
    preferences: e.preferences.map((o) => {
      const k = weightKeys.get(`${e.id}/${o.issue}`);
      return k === undefined ? o : { ...o, rawWeight: x[n + k]! };
    }),
    ...(e.reservation && reservationKeys.has(e.id)
      ? { reservation: { ...e.reservation, value: x[n + m + 1 + reservationKeys.get(e.id)!]! } }
      : {}),
  }));
  return {
    ...actor,
    preferences,
    weights,
    contrib,
    epochs,
    reservation: { ...actor.reservation, value: x[n + m]! },
  };
}

/** Draw k of the record prior as a scenario, like the sweep's `drawScenario` but pure in (seed, k). */
export function drawFromRecord(scenario: Scenario, prior: RecordPrior, seed: number, k: number): Scenario {
  const xs = drawUnknowns(prior, seed, k);
  return {
    ...scenario,
    actors: packedMap(scenario.actors, (a, i) => {
      const chain = prior.chains[i];
      return chain ? withUnknowns(scenario, a, chain, xs[i]!) : a;
    }),
  };
}

/** Does a drawn scenario reproduce every reaction the prior constrains by (the domain's own verdicts)? */
export function reproducesRecord(scenario: Scenario, prior: RecordPrior): boolean {
  return prior.reactions.every((id) => {
    const e = scenario.record.find((x) => x.id === id)!;
    const dated = positionsAsOf(scenario, e.date);
    const a = dated.actors[e.actor]!;
    const pkg = scenario.documents.find((d) => d.id === e.document)!.package;
    if (brokenConstraints(a.redLines, pkg).length) return e.reaction === 'reject';
    let u = 0;
    for (let i = 0; i < pkg.length; i++) u += a.contrib[scenario.offsets[i]! + pkg[i]!]!;
    return u >= a.reservation.value - 1e-12 === (e.reaction === 'accept');
  });
}
