// The test oracle of calibration, independent of the LP formulation: exact vertex enumeration of the record's
// polytope in the issue's own homogenised coordinates (raw weights w and ρ = r·Σw), and the plain verdict rule
// u = Σ wᵢvᵢ / Σ wᵢ ≥ r evaluated on points drawn from the box.

export interface OracleActor {
  /** raw weight bounds per weighted issue */
  readonly weights: readonly (readonly [number, number])[];
  readonly reservation: readonly [number, number];
}

export interface OracleReaction {
  readonly accept: boolean;
  readonly values: readonly number[];
  /** dated positions: a constant raw weight in place of a slot's unknown one */
  readonly raw?: readonly (number | undefined)[];
  /** dated positions: a fixed reservation in place of the uncertain one */
  readonly reservation?: number;
}

/** The reaction's constraint Σ aᵢwᵢ + a_ρ·ρ + c ≥ 0 (margin × Σw'); exact only when linear. */
function linear(r: {
  values: readonly number[];
  raw?: readonly (number | undefined)[];
  reservation?: number;
}) {
  const raws = r.values.map((_, i) => r.raw?.[i]);
  if (r.reservation === undefined && raws.some((x) => x !== undefined))
    throw new Error('bilinear: a dated weight against an uncertain reservation');
  const c = r.reservation;
  const a = r.values.map((v, i) => (raws[i] === undefined ? v - (c ?? 0) : 0));
  const constant = r.values.reduce(
    (sum, v, i) => sum + (raws[i] === undefined ? 0 : (v - (c ?? 0)) * raws[i]!),
    0,
  );
  return { a: [...a, c === undefined ? -1 : 0], constant };
}

/** Is the oracle exact for these judgements (no dated weight against an uncertain reservation)? */
export function exactFor(
  items: readonly { raw?: readonly (number | undefined)[]; reservation?: number }[],
): boolean {
  return items.every((r) => r.reservation !== undefined || !(r.raw ?? []).some((x) => x !== undefined));
}

const EPS = 1e-9;

/** a·x ≥ b */
interface Half {
  readonly a: number[];
  readonly b: number;
}

function halfSpaces(actor: OracleActor, reactions: readonly OracleReaction[]): Half[] {
  const n = actor.weights.length;
  const d = n + 1;
  const unit = (i: number, c: number) => Array.from({ length: d }, (_, j) => (j === i ? c : 0));
  const out: Half[] = [];
  actor.weights.forEach(([lo, hi], i) => {
    out.push({ a: unit(i, 1), b: lo });
    out.push({ a: unit(i, -1), b: -hi });
  });
  const [rlo, rhi] = actor.reservation;
  // ρ − r_lo Σw ≥ 0 and r_hi Σw − ρ ≥ 0
  out.push({ a: [...actor.weights.map(() => -rlo), 1], b: 0 });
  out.push({ a: [...actor.weights.map(() => rhi), -1], b: 0 });
  for (const r of reactions) {
    const g = linear(r);
    out.push(r.accept ? { a: g.a, b: -g.constant } : { a: g.a.map((x) => -x), b: g.constant });
  }
  return out;
}

/** Solves the square system A x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

function* combinations(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i < n; i++) yield* combinations(n, k, i + 1, [...acc, i]);
}

/** Every vertex of { x : a·x ≥ b for all half-spaces } (bounded here by the weight box). */
function vertices(halves: readonly Half[], d: number): number[][] {
  const out: number[][] = [];
  for (const idx of combinations(halves.length, d)) {
    const x = solve(
      idx.map((i) => halves[i]!.a),
      idx.map((i) => halves[i]!.b),
    );
    if (!x) continue;
    if (halves.every((h) => h.a.reduce((s, c, j) => s + c * x[j]!, 0) >= h.b - EPS)) out.push(x);
  }
  return out;
}

const dot = (a: readonly number[], x: readonly number[]) => a.reduce((s, c, j) => s + c * x[j]!, 0);
const total = (x: readonly number[]) => x.slice(0, -1).reduce((s, w) => s + w, 0);

function centroid(points: readonly number[][]): number[] {
  const c = points[0]!.map(() => 0);
  for (const p of points) p.forEach((v, j) => (c[j]! += v / points.length));
  return c;
}

/** Is some point of the closure strictly inside every reject? (The centroid of the vertices is, if any is.) */
function strictlyFeasible(
  actor: OracleActor,
  reactions: readonly OracleReaction[],
  extra: Half[] = [],
): boolean {
  const vs = vertices([...halfSpaces(actor, reactions), ...extra], actor.weights.length + 1);
  if (vs.length === 0) return false;
  const c = centroid(vs);
  return reactions.every((r) => {
    if (r.accept) return true;
    const g = linear(r);
    return dot(g.a, c) + g.constant < -EPS * total(c);
  });
}

export function oracleConsistent(actor: OracleActor, reactions: readonly OracleReaction[]): boolean {
  return strictlyFeasible(actor, reactions);
}

export type OracleVerdict = 'accepts' | 'rejects' | 'depends';

/** The verdict on a package over the region, and its margin range, from the vertices. */
export function oracleVerdict(
  actor: OracleActor,
  reactions: readonly OracleReaction[],
  judged: Omit<OracleReaction, 'accept'>,
): { verdict: OracleVerdict; margin: [number, number] } {
  const vs = vertices(halfSpaces(actor, reactions), actor.weights.length + 1);
  const margins = vs.map((x) => marginAt(x.slice(0, -1), x.at(-1)! / total(x), judged));
  const margin: [number, number] = [Math.min(...margins), Math.max(...margins)];
  if (margin[0] >= -1e-7) return { verdict: 'accepts', margin };
  const g = linear(judged);
  const accepting: Half = { a: g.a, b: -g.constant };
  return { verdict: strictlyFeasible(actor, reactions, [accepting]) ? 'depends' : 'rejects', margin };
}

/** u − r at raw weights w and reservation r, with the judgement's dated weights and reservation. */
export function marginAt(w: readonly number[], r: number, judged: Omit<OracleReaction, 'accept'>): number {
  const ws = w.map((x, i) => judged.raw?.[i] ?? x);
  const sum = ws.reduce((s, x) => s + x, 0);
  return dot(judged.values, ws) / sum - (judged.reservation ?? r);
}

/** Ranges of each normalised weight and of the reservation over the region's closure. */
export function oracleRanges(
  actor: OracleActor,
  reactions: readonly OracleReaction[],
): { weights: [number, number][]; reservation: [number, number] } {
  const vs = vertices(halfSpaces(actor, reactions), actor.weights.length + 1);
  const span = (f: (x: number[]) => number): [number, number] => {
    const v = vs.map(f);
    return [Math.min(...v), Math.max(...v)];
  };
  return {
    weights: actor.weights.map((_, i) => span((x) => x[i]! / total(x))),
    reservation: span((x) => x.at(-1)! / total(x)),
  };
}

/** The plain verdict rule at one point of the box. */
export function acceptsAt(w: readonly number[], r: number, judged: Omit<OracleReaction, 'accept'>): boolean {
  return marginAt(w, r, judged) >= -1e-12;
}
