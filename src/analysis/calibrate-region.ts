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
// when the largest t is positive.
//
// Dated positions may replace a weight on a date by a constant or by an unknown of its own (an "extra" weight, in
// its own box, scaled by the same s), and the reservation likewise. A reaction whose weights are not the top-level
// ones, judged against an uncertain reservation, is bilinear (r × Σw); it is relaxed to a copy ρ of r·Σw in
// [r_lo·Σw, r_hi·Σw], which keeps every "accepts" and "rejects" sound and may widen a "depends" (`relaxed`).
// Plain inputs only (numbers, boxes, reactions): the scenario side is calibrate.ts.
import type { LinearProgram, Lp, LpRow, PreparedLp } from './lp.ts';

export type Interval = readonly [number, number];

/** An actor's uncertain preferences: raw weight bounds per top-level weighted issue (lo = hi when fixed). */
export interface PreferenceBox {
  readonly weights: readonly Interval[];
  readonly reservation: Interval;
  /** unknown weights of dated positions, each in its own box */
  readonly extraWeights?: readonly Interval[];
  /** unknown reservations of dated positions, each in its own box */
  readonly extraReservations?: readonly Interval[];
}

export type WeightRef =
  | { readonly kind: 'slot'; readonly index: number }
  | { readonly kind: 'extra'; readonly index: number }
  | { readonly kind: 'raw'; readonly weight: number };

export type ReservationRef =
  | { readonly kind: 'shared' }
  | { readonly kind: 'extra'; readonly index: number }
  | { readonly kind: 'fixed'; readonly value: number };

/** How a package is judged on a date: the value × weight terms of its utility, and the reservation. */
export interface Judgement {
  readonly terms: readonly { readonly value: number; readonly weight: WeightRef }[];
  readonly reservation: ReservationRef;
}

export interface ReactionConstraint {
  readonly accept: boolean;
  readonly judged: Judgement;
}

/** Margins this close to zero count as zero: the solver's tolerances are set well below. */
const MARGIN_TOLERANCE = 1e-7;

/** Column layout: top weights, extra weights, r, extra reservations, s, the strictness slack t, then copies ρ. */
function layout(box: PreferenceBox) {
  const n = box.weights.length;
  const m = box.extraWeights?.length ?? 0;
  const q = box.extraReservations?.length ?? 0;
  const r = n + m;
  const s = r + 1 + q;
  return { n, m, q, r, extraR: (k: number) => r + 1 + k, s, t: s + 1, base: s + 2 };
}
type Layout = ReturnType<typeof layout>;

/** Is the package judged by exactly the top-level weight vector (so Σŵ = 1 is its denominator)? */
function topLevel(j: Judgement, n: number): boolean {
  if (j.terms.length !== n) return false;
  const seen = new Set<number>();
  for (const t of j.terms)
    if (t.weight.kind !== 'slot' || seen.has(t.weight.index)) return false;
    else seen.add(t.weight.index);
  return true;
}

/** Needs a relaxed copy ρ of r·Σw: an uncertain reservation against another weight vector than the top level's. */
const needsCopy = (j: Judgement, n: number) => j.reservation.kind !== 'fixed' && !topLevel(j, n);

function weightColumn(k: Layout, w: WeightRef): number | null {
  return w.kind === 'slot' ? w.index : w.kind === 'extra' ? k.n + w.index : null;
}

/** Numerator N (Σ v·ŵ) and denominator D (Σ ŵ) of a judgement, as coefficient vectors over `width` columns. */
function sums(k: Layout, j: Judgement, width: number): { num: number[]; den: number[] } {
  const num = new Array<number>(width).fill(0);
  const den = new Array<number>(width).fill(0);
  for (const t of j.terms) {
    const c = weightColumn(k, t.weight);
    if (c === null) {
      const raw = (t.weight as { weight: number }).weight;
      num[k.s]! += t.value * raw;
      den[k.s]! += raw;
    } else {
      num[c]! += t.value;
      den[c]! += 1;
    }
  }
  return { num, den };
}

/** Box of the reservation a judgement uses (its copy ρ ranges over box × Σw). */
function reservationBox(box: PreferenceBox, r: ReservationRef): Interval {
  return r.kind === 'extra' ? box.extraReservations![r.index]! : box.reservation;
}

const rowOf = (coeffs: number[], lower: number, upper: number): LpRow => ({ coeffs, lower, upper });
const INF = Number.POSITIVE_INFINITY;

/**
 * The margin's numerator N − R of a judgement (a positive multiple of u − r), with the rows of its copy ρ when it
 * needs one (`copy` is then its column); `width` columns in all.
 */
function marginRow(box: PreferenceBox, k: Layout, j: Judgement, width: number, copy: number | null) {
  const { num, den } = sums(k, j, width);
  const coeffs = [...num];
  const extra: LpRow[] = [];
  const r = j.reservation;
  if (r.kind === 'fixed') coeffs.forEach((_, c) => (coeffs[c]! -= r.value * den[c]!));
  else if (copy === null) coeffs[r.kind === 'shared' ? k.r : k.extraR(r.index)]! -= 1;
  else {
    coeffs[copy]! -= 1;
    const [lo, hi] = reservationBox(box, r);
    const low = den.map((d) => -lo * d);
    low[copy] = 1;
    const high = den.map((d) => -hi * d);
    high[copy] = 1;
    extra.push(rowOf(low, 0, INF), rowOf(high, -INF, 0));
  }
  return { coeffs, extra, den };
}

/** The program of a box and reactions (plus more judgements to copy ρ for); reaction j's row is `reactionRow[j]`. */
function programOf(box: PreferenceBox, reactions: readonly ReactionConstraint[]) {
  const k = layout(box);
  const copies = reactions.map((c) => needsCopy(c.judged, k.n));
  const width = k.base + copies.filter(Boolean).length;
  const colLower = new Array<number>(width).fill(-INF);
  const colUpper = new Array<number>(width).fill(INF);
  for (let i = 0; i < k.n + k.m; i++) colLower[i] = 0;
  [colLower[k.r], colUpper[k.r]] = box.reservation;
  box.extraReservations?.forEach(([lo, hi], q) => {
    colLower[k.extraR(q)] = lo;
    colUpper[k.extraR(q)] = hi;
  });
  colLower[k.s] = 0;
  colLower[k.t] = 0;
  colUpper[k.t] = 0;
  const rows: LpRow[] = [];
  const unit = (c: number, x = 1) => {
    const v = new Array<number>(width).fill(0);
    v[c] = x;
    return v;
  };
  const sum = new Array<number>(width).fill(0);
  for (let i = 0; i < k.n; i++) sum[i] = 1;
  rows.push(rowOf(sum, 1, 1));
  [...box.weights, ...(box.extraWeights ?? [])].forEach(([lo, hi], i) => {
    const low = unit(i);
    low[k.s] = -lo;
    const high = unit(i);
    high[k.s] = -hi;
    rows.push(rowOf(low, 0, INF), rowOf(high, -INF, 0));
  });
  let next = k.base;
  const reactionRow: number[] = [];
  const pending: LpRow[] = [];
  reactions.forEach((c, j) => {
    const m = marginRow(box, k, c.judged, width, copies[j] ? next++ : null);
    pending.push(...m.extra);
    if (c.accept) reactionRow.push(rows.push(rowOf(m.coeffs, 0, INF)) - 1);
    else {
      m.coeffs[k.t] = 1;
      reactionRow.push(rows.push(rowOf(m.coeffs, -INF, 0)) - 1);
    }
  });
  rows.push(...pending);
  const program: LinearProgram = { cols: width, colLower, colUpper, rows };
  return { k, program, reactionRow, relaxed: copies.some(Boolean) };
}

/**
 * Charnes–Cooper: the range of num·x / den·x over a bounded program where den·x > 0, as the range of num·y over
 * y = x/(den·x), τ = 1/(den·x): every row and bound scaled by τ, den·y = 1.
 */
function fractionalRange(
  lp: Lp,
  p: LinearProgram,
  num: readonly number[],
  den: readonly number[],
): Interval | null {
  const w = p.cols + 1;
  const tau = p.cols;
  const rows: LpRow[] = [];
  const scaled = (coeffs: readonly number[], rhs: number) => {
    const v = [...coeffs, 0];
    v[tau] = -rhs;
    return v;
  };
  for (const r of p.rows) {
    if (r.lower === r.upper) rows.push(rowOf(scaled(r.coeffs, r.lower), 0, 0));
    else {
      if (Number.isFinite(r.lower)) rows.push(rowOf(scaled(r.coeffs, r.lower), 0, INF));
      if (Number.isFinite(r.upper)) rows.push(rowOf(scaled(r.coeffs, r.upper), -INF, 0));
    }
  }
  for (let c = 0; c < p.cols; c++) {
    const e = new Array<number>(p.cols).fill(0);
    e[c] = 1;
    if (Number.isFinite(p.colLower[c]!)) rows.push(rowOf(scaled(e, p.colLower[c]!), 0, INF));
    if (Number.isFinite(p.colUpper[c]!)) rows.push(rowOf(scaled(e, p.colUpper[c]!), -INF, 0));
  }
  rows.push(rowOf([...den, 0], 1, 1));
  const colLower = new Array<number>(w).fill(-INF);
  colLower[tau] = 0;
  const model = lp.prepare({ cols: w, colLower, colUpper: new Array<number>(w).fill(INF), rows });
  try {
    const lo = model.optimize([...num, 0], 'min');
    const hi = model.optimize([...num, 0], 'max');
    return lo.status === 'optimal' && hi.status === 'optimal' ? [lo.value, hi.value] : null;
  } finally {
    model.dispose();
  }
}

/** One actor's region, loaded into the solver; `dispose` frees it. */
export interface Region {
  readonly box: PreferenceBox;
  readonly reactions: readonly ReactionConstraint[];
  /** some reaction needed the relaxed copy of r·Σw: "depends" may be wider than the exact region's */
  readonly relaxed: boolean;
  /** is some preference in the box consistent with the reactions switched on (all by default)? */
  consistent(active?: readonly boolean[]): boolean;
  /** the largest strictness slack over the active reactions, or null when even the closure is empty */
  slack(active?: readonly boolean[]): number | null;
  /** min and max over the closure of the region (all reactions on) of a linear objective on the first columns */
  range(objective: readonly number[]): Interval | null;
  /** range of the margin u − r of a package judged so, over the closure; null when empty */
  marginRange(judged: Judgement): Interval | null;
  /** its smallest margin, up to a positive factor: only its sign is meant */
  marginSignFloor(judged: Judgement): number | null;
  /** would the record stay consistent if it also said this reaction? */
  admits(extra: ReactionConstraint): boolean;
  /** a point of the closure optimising an objective on the first columns (see `columns`) */
  point(objective: readonly number[], sense: 'min' | 'max'): Float64Array | null;
  /** the point of largest strictness slack (rejects as strict as they can be), or null when empty */
  deepest(): Float64Array | null;
  readonly columns: Layout;
  dispose(): void;
}

export function openRegion(lp: Lp, box: PreferenceBox, reactions: readonly ReactionConstraint[]): Region {
  const { k, program, reactionRow, relaxed } = programOf(box, reactions);
  const model: PreparedLp = lp.prepare(program);
  let switched: readonly boolean[] = reactions.map(() => true);
  const activate = (active: readonly boolean[]) => {
    reactions.forEach((_, j) => {
      if (active[j] === switched[j]) return;
      const at = reactionRow[j]!;
      const row = program.rows[at]!;
      if (active[j]) model.setRowBounds(at, row.lower, row.upper);
      else model.setRowBounds(at, -INF, INF);
    });
    switched = [...active];
  };
  const full = (coeffs: readonly number[]) => {
    const o = new Array<number>(program.cols).fill(0);
    coeffs.forEach((c, i) => {
      o[i] = c;
    });
    return o;
  };
  const all = reactions.map(() => true);
  const solveSlack = (active: readonly boolean[]) => {
    activate(active);
    model.setColBounds(k.t, 0, 1);
    const res = model.optimize(
      full([]).map((_, c) => (c === k.t ? 1 : 0)),
      'max',
    );
    model.setColBounds(k.t, 0, 0);
    return res;
  };
  const slack = (active: readonly boolean[] = all) => {
    const res = solveSlack(active);
    return res.status === 'optimal' ? res.value : null;
  };
  const range = (objective: readonly number[]): Interval | null => {
    activate(all);
    const lo = model.optimize(full(objective), 'min');
    const hi = model.optimize(full(objective), 'max');
    return lo.status === 'optimal' && hi.status === 'optimal' ? [lo.value, hi.value] : null;
  };
  /** the program with the judgement's copy ρ appended when it needs one, and its margin row */
  const withJudgement = (judged: Judgement) => {
    const copy = needsCopy(judged, k.n);
    const width = program.cols + (copy ? 1 : 0);
    const pad = (r: LpRow): LpRow => ({ ...r, coeffs: [...r.coeffs, ...(copy ? [0] : [])] });
    const m = marginRow(box, k, judged, width, copy ? program.cols : null);
    const p: LinearProgram = {
      cols: width,
      colLower: [...program.colLower, ...(copy ? [-INF] : [])],
      colUpper: [...program.colUpper, ...(copy ? [INF] : [])],
      rows: [...program.rows.map(pad), ...m.extra],
    };
    return { p, m };
  };
  return {
    box,
    reactions,
    relaxed,
    columns: k,
    slack,
    consistent: (active) => (slack(active) ?? 0) > MARGIN_TOLERANCE,
    range,
    marginRange(judged) {
      if (!needsCopy(judged, k.n) && topLevel(judged, k.n)) {
        const m = marginRow(box, k, judged, program.cols, null);
        return range(m.coeffs);
      }
      const { p, m } = withJudgement(judged);
      return fractionalRange(lp, p, m.coeffs, m.den);
    },
    marginSignFloor(judged) {
      const { p, m } = withJudgement(judged);
      const model2 = lp.prepare(p);
      try {
        const lo = model2.optimize(m.coeffs, 'min');
        return lo.status === 'optimal' ? lo.value : null;
      } finally {
        model2.dispose();
      }
    },
    admits(extra) {
      const more = openRegion(lp, box, [...reactions, extra]);
      try {
        return more.consistent();
      } finally {
        more.dispose();
      }
    },
    point(objective, sense) {
      activate(all);
      const res = model.optimize(full(objective), sense);
      return res.status === 'optimal' ? res.x : null;
    },
    deepest() {
      const res = solveSlack(all);
      return res.status === 'optimal' ? res.x : null;
    },
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
 * The verdict on a package over the whole region (a consistent one): accepts when every consistent preference
 * accepts it (its smallest margin is not below zero), rejects when none does (the record plus "it accepted this"
 * is inconsistent), depends otherwise. The margin range is taken over the region's closure.
 */
export function regionVerdict(
  region: Region,
  judged: Judgement,
): { verdict: RegionVerdict; margin: Interval } | null {
  const margin = region.marginRange(judged);
  if (!margin) return null;
  if (margin[0] >= -MARGIN_TOLERANCE) return { verdict: 'accepts', margin };
  if (margin[1] < -MARGIN_TOLERANCE) return { verdict: 'rejects', margin };
  // the region is dense in its closure, so a positive largest margin is reached by a consistent preference
  if (margin[1] > MARGIN_TOLERANCE) return { verdict: 'depends', margin };
  // about zero: it may sit only on the boundary of a strict reject; is a margin ≥ 0 consistent with the record?
  return { verdict: region.admits({ accept: true, judged }) ? 'depends' : 'rejects', margin };
}

/** Per top-level weighted issue, the range of its normalised weight; and the range of the reservation. */
export function regionRanges(region: Region): { weights: Interval[]; reservation: Interval } | null {
  const k = region.columns;
  const unit = (c: number) => Array.from({ length: c + 1 }, (_, j) => (j === c ? 1 : 0));
  const weights: Interval[] = [];
  for (let i = 0; i < k.n; i++) {
    const r = region.range(unit(i));
    if (!r) return null;
    weights.push(r);
  }
  const reservation = region.range(unit(k.r));
  return reservation ? { weights, reservation } : null;
}

/**
 * The same ranges over the box alone, in closed form: a normalised weight is smallest with its own raw weight low
 * and every other high, largest the other way round; the reservation spans its range.
 */
export function boxRanges(box: PreferenceBox): { weights: Interval[]; reservation: Interval } {
  const lo = box.weights.reduce((t, w) => t + w[0], 0);
  const hi = box.weights.reduce((t, w) => t + w[1], 0);
  const share = (own: number, others: number) => (own + others > 0 ? own / (own + others) : 0);
  return {
    weights: box.weights.map(([l, h]) => [share(l, hi - h), share(h, lo - l)] as const),
    reservation: box.reservation,
  };
}
