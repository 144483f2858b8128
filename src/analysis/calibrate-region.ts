// The region of one actor's preferences that is consistent with its recorded reactions, as linear programs.
//
// Utility is linear in the normalised weights: u = Σ wᵢvᵢ / Σ wᵢ with raw weights w in their box. An accept says
// u ≥ r, a reject u < r. Homogenised with ρ = r·Σw, an accept is Σ wᵢvᵢ − ρ ≥ 0 and the reservation's range is
// r_lo·Σw ≤ ρ ≤ r_hi·Σw: linear in (w, ρ). This module divides that system by Σw (the Charnes–Cooper change of
// variables ŵ = w/Σw, s = 1/Σw), so that the normalised weights ŵ, the reservation r and every margin u − r are
// linear objectives too:
//   Σ ŵᵢ = 1,   loᵢ·s ≤ ŵᵢ ≤ hiᵢ·s,   r_lo ≤ r ≤ r_hi,   s ≥ 0,
//   accept: Σ vᵢŵᵢ − r ≥ 0,   reject: Σ vᵢŵᵢ − r < 0.
// A reject is strict; it is solved as Σ vᵢŵᵢ − r + t ≤ 0 with the slack t maximised: the record is consistent
// when the largest t is positive. Plain inputs only (numbers, boxes, reactions): the scenario side is calibrate.ts.
import type { Lp, LpRow, PreparedLp } from './lp.ts';

/** An actor's uncertain preferences: raw weight bounds per weighted issue (lo = hi when fixed), reservation bounds. */
export interface PreferenceBox {
  readonly weights: readonly (readonly [number, number])[];
  readonly reservation: readonly [number, number];
}

/** A recorded reaction as a constraint: the value of the document's option on each weighted issue, at its date. */
export interface ReactionConstraint {
  readonly accept: boolean;
  readonly values: readonly number[];
  /** the reservation in force at the reaction's date when a dated position fixes it; otherwise the box's */
  readonly reservation?: number;
}

export type Interval = readonly [number, number];

/** Margins this close to zero count as zero: the solver's tolerances are set well below. */
export const MARGIN_TOLERANCE = 1e-7;

/** Column layout: ŵ₀…ŵₙ₋₁, then r, s and the strictness slack t. */
const cols = (n: number) => ({ r: n, s: n + 1, t: n + 2, count: n + 3 });

function reactionRow(n: number, c: ReactionConstraint): LpRow {
  const k = cols(n);
  const coeffs = new Array<number>(k.count).fill(0);
  for (let i = 0; i < n; i++) coeffs[i] = c.values[i]!;
  // a fixed reservation ρ = r·Σw becomes r·Σŵ = r, a constant on the right-hand side
  let rhs = 0;
  if (c.reservation === undefined) coeffs[k.r] = -1;
  else rhs = c.reservation;
  if (c.accept) return { coeffs, lower: rhs, upper: Number.POSITIVE_INFINITY };
  coeffs[k.t] = 1;
  return { coeffs, lower: Number.NEGATIVE_INFINITY, upper: rhs };
}

/** The rows of the box and of the reactions, in that order (reaction j is row boxRows + j). */
function rowsOf(box: PreferenceBox, reactions: readonly ReactionConstraint[]): LpRow[] {
  const n = box.weights.length;
  const k = cols(n);
  const rows: LpRow[] = [];
  const sum = new Array<number>(k.count).fill(0);
  for (let i = 0; i < n; i++) sum[i] = 1;
  rows.push({ coeffs: sum, lower: 1, upper: 1 });
  box.weights.forEach(([lo, hi], i) => {
    const low = new Array<number>(k.count).fill(0);
    low[i] = 1;
    low[k.s] = -lo;
    rows.push({ coeffs: low, lower: 0, upper: Number.POSITIVE_INFINITY });
    const high = new Array<number>(k.count).fill(0);
    high[i] = 1;
    high[k.s] = -hi;
    rows.push({ coeffs: high, lower: Number.NEGATIVE_INFINITY, upper: 0 });
  });
  for (const c of reactions) rows.push(reactionRow(n, c));
  return rows;
}

const boxRows = (n: number) => 1 + 2 * n;

/** One actor's region, loaded into the solver; `dispose` frees it. */
export interface Region {
  readonly box: PreferenceBox;
  readonly reactions: readonly ReactionConstraint[];
  /** is some preference in the box consistent with the reactions switched on (all by default)? */
  consistent(active?: readonly boolean[]): boolean;
  /** the largest strictness slack over the active reactions, or null when even the closure is empty */
  slack(active?: readonly boolean[]): number | null;
  /** min and max of a linear objective over the closure of the region (all reactions on); null when empty */
  range(objective: readonly number[]): Interval | null;
  /** range of the margin u − r of a package with these option values (and reservation, when dated) */
  marginRange(values: readonly number[], reservation?: number): Interval | null;
  /** would the record stay consistent if it also said this reaction? */
  admits(extra: ReactionConstraint): boolean;
  /** a point of the closure: normalised weights, reservation and the Charnes–Cooper scale s = 1/Σw */
  point(objective: readonly number[], sense: 'min' | 'max'): Float64Array | null;
  dispose(): void;
}

export function openRegion(lp: Lp, box: PreferenceBox, reactions: readonly ReactionConstraint[]): Region {
  const n = box.weights.length;
  const k = cols(n);
  const colLower = new Array<number>(k.count).fill(Number.NEGATIVE_INFINITY);
  const colUpper = new Array<number>(k.count).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) colLower[i] = 0;
  colLower[k.r] = box.reservation[0];
  colUpper[k.r] = box.reservation[1];
  colLower[k.s] = 0;
  colLower[k.t] = 0;
  colUpper[k.t] = 0;
  const rows = rowsOf(box, reactions);
  const model: PreparedLp = lp.prepare({ cols: k.count, colLower, colUpper, rows });
  const base = boxRows(n);
  let switched: readonly boolean[] = reactions.map(() => true);
  const activate = (active: readonly boolean[]) => {
    reactions.forEach((_, j) => {
      if (active[j] === switched[j]) return;
      const row = rows[base + j]!;
      if (active[j]) model.setRowBounds(base + j, row.lower, row.upper);
      else model.setRowBounds(base + j, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    });
    switched = [...active];
  };
  const objectiveOf = (coeffs: readonly number[]) => {
    const full = new Array<number>(k.count).fill(0);
    coeffs.forEach((c, i) => {
      full[i] = c;
    });
    return full;
  };
  const all = reactions.map(() => true);

  const slack = (active: readonly boolean[] = all): number | null => {
    activate(active);
    model.setColBounds(k.t, 0, 1);
    const t = new Array<number>(k.count).fill(0);
    t[k.t] = 1;
    const res = model.optimize(t, 'max');
    model.setColBounds(k.t, 0, 0);
    return res.status === 'optimal' ? res.value : null;
  };
  const point = (objective: readonly number[], sense: 'min' | 'max') => {
    activate(all);
    const res = model.optimize(objectiveOf(objective), sense);
    return res.status === 'optimal' ? res.x : null;
  };
  const range = (objective: readonly number[]): Interval | null => {
    activate(all);
    const lo = model.optimize(objectiveOf(objective), 'min');
    const hi = model.optimize(objectiveOf(objective), 'max');
    return lo.status === 'optimal' && hi.status === 'optimal' ? [lo.value, hi.value] : null;
  };
  const marginObjective = (values: readonly number[], reservation?: number) => {
    const o = new Array<number>(k.count).fill(0);
    for (let i = 0; i < n; i++) o[i] = values[i]!;
    if (reservation === undefined) o[k.r] = -1;
    return o;
  };
  return {
    box,
    reactions,
    slack,
    consistent: (active) => (slack(active) ?? 0) > MARGIN_TOLERANCE,
    range,
    marginRange(values, reservation) {
      const r = range(marginObjective(values, reservation));
      return r && reservation !== undefined ? [r[0] - reservation, r[1] - reservation] : r;
    },
    admits(extra) {
      const more = openRegion(lp, box, [...reactions, extra]);
      try {
        return more.consistent();
      } finally {
        more.dispose();
      }
    },
    point,
    dispose: () => model.dispose(),
  };
}

/**
 * An irreducible inconsistent subset of the active reactions, by deletion filtering: drop each reaction in turn
 * and keep it out when the rest stay inconsistent. Every reaction left is needed for the conflict: without any
 * one of them the others hold together. Null when the active reactions are consistent.
 */
export function irreducibleConflict(region: Region, active: readonly boolean[]): number[] | null {
  if (region.consistent(active)) return null;
  const kept = [...active];
  for (let j = 0; j < kept.length; j++) {
    if (!kept[j]) continue;
    kept[j] = false;
    if (region.consistent(kept)) kept[j] = true;
  }
  return kept.flatMap((on, j) => (on ? [j] : []));
}

/**
 * Every conflict of the record, one irreducible set at a time: find one, set its reactions aside, look again in
 * what is left. Returns the sets found and the reactions left on (a consistent record).
 */
export function conflicts(region: Region): { sets: number[][]; active: boolean[] } {
  const active = region.reactions.map(() => true);
  const sets: number[][] = [];
  for (;;) {
    const set = irreducibleConflict(region, active);
    if (!set) return { sets, active };
    sets.push(set);
    for (const j of set) active[j] = false;
  }
}

export type RegionVerdict = 'accepts' | 'rejects' | 'depends';

/**
 * The verdict on a package over the whole region (a consistent one): accepts when every consistent preference accepts it (its
 * smallest margin is not below zero), rejects when none does (the record plus "it accepted this" is
 * inconsistent), depends otherwise. The margin range is taken over the region's closure.
 */
export function regionVerdict(
  region: Region,
  values: readonly number[],
  reservation?: number,
): { verdict: RegionVerdict; margin: Interval } | null {
  const margin = region.marginRange(values, reservation);
  if (!margin) return null;
  if (margin[0] >= -MARGIN_TOLERANCE) return { verdict: 'accepts', margin };
  if (margin[1] < -MARGIN_TOLERANCE) return { verdict: 'rejects', margin };
  // the region is dense in its closure, so a positive largest margin is reached by a consistent preference
  if (margin[1] > MARGIN_TOLERANCE) return { verdict: 'depends', margin };
  // about zero: it may sit only on the boundary of a strict reject; is a margin ≥ 0 consistent with the record?
  const accepting = { accept: true, values, ...(reservation === undefined ? {} : { reservation }) };
  return { verdict: region.admits(accepting) ? 'depends' : 'rejects', margin };
}

/** Per weighted issue, the range of its normalised weight; and the range of the reservation. */
export function regionRanges(region: Region): { weights: Interval[]; reservation: Interval } | null {
  const n = region.box.weights.length;
  const unit = (i: number) => Array.from({ length: n + 1 }, (_, j) => (j === i ? 1 : 0));
  const weights: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const r = region.range(unit(i));
    if (!r) return null;
    weights.push(r);
  }
  const reservation = region.range(unit(n));
  return reservation ? { weights, reservation } : null;
}
