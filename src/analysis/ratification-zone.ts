// The zone of agreement when negotiators anticipate ratification (the modeller's hypothesis of run
// --anticipate-ratification): how many packages every party accepts — its red lines and the rules kept, worth at
// least its value of no deal — and how many of those also clear every ratification hurdle they meet. Both are exact
// counts over the diagram of the parties' red lines and the rules (dag.ts), never an enumeration of packages: a pass
// over the diagram carries, per state, each distinct vector of partial utilities of the actors whose utility is
// bounded, settles a whole subtree at once when its bounds decide it, and counts its packages from the diagram's
// path counts. Packages that clear every hurdle are counted by inclusion and exclusion over the hurdles they fail.
import type { Constraint, Scenario } from '../domain/types.ts';
import { buildDag, type Dag } from './dag.ts';
import { feasibilityConstraints } from './feasibility.ts';
import { ACCEPT_TOL, AnalysisLimitError } from './limits.ts';

/** Most distinct utility vectors one level of the pass may carry before the counts are given up. */
const MAX_ENTRIES = 200_000;
/** A subtree is settled at once only when its bounds decide it by this margin. */
const SLACK = 1e-9;
/**
 * A package whose utility sits this close to a boundary could be judged either way by a sum taken in another order
 * (the diagram's order, the domain's issue order): the counts are then given up, not guessed.
 */
const NEAR = 1e-13;
/** Most hurdles the inclusion–exclusion goes through (2^k diagrams). */
const MAX_HURDLES = 8;

export interface RatificationZone {
  /** packages every party accepts (its red lines and the rules kept, worth at least its value of no deal) */
  readonly accepted: number | null;
  /** of those, the packages that clear every hurdle they meet */
  readonly clearing: number | null;
  /** why the counts are null (not counted exactly within the analysis' budget) */
  readonly notCounted?: string;
}

class NotCounted extends Error {}

/** An actor's utility must be at least `lo` and below `hi` (each ± the acceptance tolerance, as the domain judges). */
interface Bound {
  readonly actor: number;
  readonly lo: number;
  readonly hi: number;
}

/** The packages of the diagram whose tracked utilities keep every bound, counted exactly (NotCounted otherwise). */
function countWithin(scenario: Scenario, dag: Dag, bounds: readonly Bound[]): number {
  const { plan } = dag;
  const { n, order, domains } = plan;
  if (dag.total === 0) return 0;
  const k = bounds.length;
  const contrib = (j: number, issue: number, option: number) =>
    scenario.actors[bounds[j]!.actor]!.contrib[scenario.offsets[issue]! + option]!;
  // per level t and bound j: the least and most the issues still to assign can add
  const minRest = Array.from({ length: n + 1 }, () => new Float64Array(k));
  const maxRest = Array.from({ length: n + 1 }, () => new Float64Array(k));
  for (let t = n - 1; t >= 0; t--)
    for (let j = 0; j < k; j++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const o of domains[order[t]!]!) {
        const c = contrib(j, order[t]!, o);
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      minRest[t]![j] = minRest[t + 1]![j]! + lo;
      maxRest[t]![j] = maxRest[t + 1]![j]! + hi;
    }
  // per level: how many complete packages each state leads to
  const below = Array.from(dag.sizes, (size) => new Float64Array(size));
  below[n]!.fill(1);
  for (let t = n - 1; t >= 0; t--) {
    const w = domains[order[t]!]!.length;
    const e = dag.edges[t]!;
    for (let s = 0; s < dag.sizes[t]!; s++)
      for (let d = 0; d < w; d++) {
        const to = e[s * w + d]!;
        if (to >= 0) below[t]![s]! += below[t + 1]![to]!;
      }
  }
  /** in: every completion keeps the bounds; out: none does; null: undecided */
  const settle = (t: number, v: readonly number[]): 'in' | 'out' | null => {
    let surely = true;
    for (let j = 0; j < k; j++) {
      const { lo, hi } = bounds[j]!;
      const least = v[j]! + minRest[t]![j]!;
      const most = v[j]! + maxRest[t]![j]!;
      if (most < lo - ACCEPT_TOL - SLACK || least >= hi - ACCEPT_TOL + SLACK) return 'out';
      if (!(least >= lo - ACCEPT_TOL + SLACK && most < hi - ACCEPT_TOL - SLACK)) surely = false;
    }
    return surely ? 'in' : null;
  };
  let total = 0;
  let level = [new Map<string, { v: number[]; c: number }>([['', { v: new Array(k).fill(0), c: 1 }]])];
  for (let t = 0; t < n; t++) {
    const x = order[t]!;
    const dom = domains[x]!;
    const e = dag.edges[t]!;
    const next = Array.from(
      { length: dag.sizes[t + 1]! },
      () => new Map<string, { v: number[]; c: number }>(),
    );
    let entries = 0;
    level.forEach((map, s) => {
      for (const { v, c } of map.values()) {
        const decided = settle(t, v);
        if (decided === 'in') total += c * below[t]![s]!;
        if (decided !== null) continue;
        for (let d = 0; d < dom.length; d++) {
          const to = e[s * dom.length + d]!;
          if (to < 0) continue;
          const w = v.map((u, j) => u + contrib(j, x, dom[d]!));
          const key = w.join(',');
          const had = next[to]!.get(key);
          if (had) had.c += c;
          else {
            next[to]!.set(key, { v: w, c });
            if (++entries > MAX_ENTRIES)
              throw new NotCounted(
                `more than ${MAX_ENTRIES.toLocaleString('en-US')} distinct utility vectors at one step (the exact pass's budget)`,
              );
          }
        }
      }
    });
    level = next;
  }
  for (const map of level)
    for (const { v, c } of map.values()) {
      const on = bounds.some(
        (b, j) =>
          Math.abs(v[j]! - (b.lo - ACCEPT_TOL)) < NEAR || Math.abs(v[j]! - (b.hi - ACCEPT_TOL)) < NEAR,
      );
      if (on) throw new NotCounted('a package sits on a threshold, within rounding');
      if (bounds.every((b, j) => v[j]! >= b.lo - ACCEPT_TOL && v[j]! < b.hi - ACCEPT_TOL)) total += c;
    }
  return total;
}

/** Hurdle `k`'s condition as a constraint the diagram can hold to. */
function meetsHurdle(scenario: Scenario, k: number): Constraint {
  const r = scenario.ratifications[k]!;
  return {
    id: `ratification:${r.id}`,
    text: `the text meets ${r.label}`,
    condition: r.condition,
    scope: r.scope,
    sources: [],
    confirmed: true,
    recall: false,
    basis: 'assumption',
    basisGiven: false,
  };
}

/** The packages every party accepts that also fail every hurdle of `failed` (indices), counted exactly. */
function acceptedFailing(scenario: Scenario, failed: readonly number[]): number {
  const dag = buildDag(scenario, {
    hard: [...feasibilityConstraints(scenario), ...failed.map((k) => meetsHurdle(scenario, k))],
  });
  const byActor = new Map<number, { lo: number; hi: number }>();
  const at = (a: number) =>
    byActor.get(a) ?? byActor.set(a, { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY }).get(a)!;
  for (const p of scenario.protocol.parties) at(p).lo = scenario.actors[p]!.reservation.value;
  for (const k of failed) {
    const r = scenario.ratifications[k]!;
    at(r.actor).hi = Math.min(at(r.actor).hi, r.threshold.value);
  }
  return countWithin(
    scenario,
    dag,
    [...byActor].map(([actor, b]) => ({ actor, ...b })),
  );
}

/**
 * How many packages every party accepts, and how many of them clear every hurdle they meet (exact); null when the
 * scenario states no hurdle.
 */
export function ratificationZone(scenario: Scenario): RatificationZone | null {
  const k = scenario.ratifications.length;
  if (k === 0) return null;
  if (k > MAX_HURDLES)
    return { accepted: null, clearing: null, notCounted: `more than ${MAX_HURDLES} hurdles to combine` };
  try {
    const accepted = acceptedFailing(scenario, []);
    let clearing = accepted;
    // the packages that fail some hurdle, by inclusion and exclusion over the sets of hurdles failed together
    for (let mask = 1; mask < 1 << k && accepted > 0; mask++) {
      const failed = [...Array(k).keys()].filter((i) => mask & (1 << i));
      clearing += (failed.length % 2 ? -1 : 1) * acceptedFailing(scenario, failed);
    }
    return { accepted, clearing };
  } catch (e) {
    if (e instanceof NotCounted || e instanceof AnalysisLimitError)
      return { accepted: null, clearing: null, notCounted: e.message };
    throw e;
  }
}
