// Pareto dominance filters over utility vectors stored row by row in a Float64Array (`stride` numbers a row,
// the first `dims` of them compared). Larger is better in every coordinate.
//
// The filters run thousands of times a run (every level of every label DP), so they work on typed arrays and
// reuse one scratch space (they never call each other or themselves). A coordinate equal in every row decides
// nothing — not the order, not dominance — so it is left out, which often leaves fewer coordinates to compare.

export interface FilterCounter {
  /** dominance comparisons made (the cost of filtering in 5 or more dimensions) */
  comparisons: number;
}

/** Scratch arrays shared by every call, grown on demand. */
let merge = new Int32Array(256);
let runs = new Int32Array(256);
let cols = new Int32Array(8);
let values = new Float64Array(256);
let stairA = new Float64Array(256);
let stairB = new Float64Array(256);
let stairRow = new Int32Array(256);
let nodeOff = new Int32Array(256);
let nodeLen = new Int32Array(256);

/**
 * The rows no other row dominates (q ≥ p in every compared coordinate), one row per distinct vector (the
 * earliest), in lexicographically descending order. Exact with `slack` 0. With `slack` > 0 it also drops a row
 * when a kept row is ≥ it minus `slack` in every coordinate (ε-dominance): every dropped row is then within
 * `slack` of a kept one.
 */
export function paretoRows(
  rows: number[],
  vals: Float64Array,
  stride: number,
  dims: number,
  counter?: FilterCounter,
  slack = 0,
): number[] {
  if (rows.length <= 1) return rows;
  const from = Int32Array.from(rows);
  const out = new Int32Array(rows.length);
  const n = paretoInto(from, 0, from.length, vals, stride, dims, out, 0, counter, slack);
  return Array.from(out.subarray(0, n));
}

/**
 * `paretoRows` of `rows[from, to)` (which it reorders), written to `out` from `at`; returns how many it kept.
 * "Earliest" is the smallest row number.
 */
export function paretoInto(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  dims: number,
  out: Int32Array,
  at: number,
  counter?: FilterCounter,
  slack = 0,
): number {
  const n = to - from;
  if (n <= 0) return 0;
  if (n === 1) {
    out[at] = rows[from]!;
    return 1;
  }
  const nc = varyingColumns(rows, from, to, vals, stride, dims);
  sortRows(rows, from, to, vals, stride, nc);
  // every earlier row is ≥ in the first varying coordinate, so only the others are compared
  if (dims >= 5) return naive(rows, from, to, vals, stride, nc, out, at, counter, slack);
  if (nc <= 1) {
    out[at] = rows[from]!;
    return 1;
  }
  if (nc === 2) return maxima(rows, from, to, vals, stride, out, at, slack, dims === 2);
  if (nc === 3) return staircase(rows, from, to, vals, stride, out, at, slack);
  // row against kept row is quicker on the few hundred rows a DP level has; a bound on its comparisons keeps it
  // within a small factor of the tree where kept rows pile up
  const kept = fewKept(rows, from, to, vals, stride, out, at, slack, 8 * n * Math.log2(n) + 64);
  return kept >= 0 ? kept : fenwick(rows, from, to, vals, stride, out, at, slack);
}

/** Writes the coordinates (of the first `dims`) not equal in every row to `cols`; returns how many. */
function varyingColumns(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  dims: number,
): number {
  if (cols.length < dims) cols = new Int32Array(dims);
  const first = rows[from]! * stride;
  let nc = 0;
  for (let k = 0; k < dims; k++) {
    const v = vals[first + k]!;
    for (let i = from + 1; i < to; i++)
      if (vals[rows[i]! * stride + k] !== v) {
        cols[nc++] = k;
        break;
      }
  }
  return nc;
}

/** Row a comes before row b: lexicographically larger in the first `nc` of `cols`, then the smaller row number. */
function before(vals: Float64Array, stride: number, nc: number, a: number, b: number): boolean {
  for (let k = 0; k < nc; k++) {
    const x = vals[a * stride + cols[k]!]!;
    const y = vals[b * stride + cols[k]!]!;
    if (x !== y) return x > y;
  }
  return a < b;
}

/**
 * Sorts rows[from, to) with `before`: a natural merge sort (a DP state's candidates come in a few sorted runs, one
 * per state and option they grew from), merging neighbouring runs until one is left.
 */
function sortRows(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  nc: number,
) {
  if (to - from < 2) return;
  if (runs.length < to - from + 1) runs = new Int32Array(Math.max(to - from + 1, 2 * runs.length));
  if (merge.length < to - from) merge = new Int32Array(Math.max(to - from, 2 * merge.length));
  let r = 0; // runs: [runs[p], runs[p + 1]) for p < r
  runs[r++] = from;
  for (let i = from + 1; i < to; i++) if (before(vals, stride, nc, rows[i]!, rows[i - 1]!)) runs[r++] = i;
  runs[r] = to;
  while (r > 1) {
    let w = 0;
    let p = 0;
    for (; p + 1 < r; p += 2) {
      const lo = runs[p]!;
      const mid = runs[p + 1]!;
      const hi = runs[p + 2]!;
      runs[w++] = lo;
      if (!before(vals, stride, nc, rows[mid]!, rows[mid - 1]!)) continue;
      let i = lo;
      let j = mid;
      let k = 0;
      while (i < mid && j < hi)
        merge[k++] = before(vals, stride, nc, rows[j]!, rows[i]!) ? rows[j++]! : rows[i++]!;
      while (i < mid) merge[k++] = rows[i++]!;
      while (j < hi) merge[k++] = rows[j++]!;
      rows.set(merge.subarray(0, k), lo);
    }
    if (p < r) runs[w++] = runs[p]!;
    runs[w] = to;
    r = w;
  }
}

/**
 * Three coordinates to compare, row against kept row (their values packed together), the latest dominator first:
 * quicker than the tree on the few hundred rows of a DP level. −1 when the comparisons would exceed `most`.
 */
function fewKept(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  out: Int32Array,
  at: number,
  slack: number,
  most: number,
): number {
  const c1 = cols[1]!;
  const c2 = cols[2]!;
  const c3 = cols[3]!;
  if (values.length < 3 * (to - from))
    values = new Float64Array(Math.max(3 * (to - from), 2 * values.length));
  const kv = values;
  let kept = 0;
  let comparisons = 0;
  let last = -1;
  for (let i = from; i < to; i++) {
    if (comparisons > most) return -1;
    const r = rows[i]!;
    const b = r * stride;
    const p1 = vals[b + c1]! - slack;
    const p2 = vals[b + c2]! - slack;
    const p3 = vals[b + c3]! - slack;
    if (last >= 0 && kv[last]! >= p1 && kv[last + 1]! >= p2 && kv[last + 2]! >= p3) continue;
    let j = 3 * (kept - 1);
    for (; j >= 0; j -= 3) {
      comparisons++;
      if (kv[j]! >= p1 && kv[j + 1]! >= p2 && kv[j + 2]! >= p3) break;
    }
    if (j >= 0) {
      last = j;
      continue;
    }
    kv[3 * kept] = vals[b + c1]!;
    kv[3 * kept + 1] = vals[b + c2]!;
    kv[3 * kept + 2] = vals[b + c3]!;
    out[at + kept++] = r;
  }
  return kept;
}

/** Dominance over every varying coordinate but the first, row against kept row, counting the comparisons. */
function naive(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  nc: number,
  out: Int32Array,
  at: number,
  counter: FilterCounter | undefined,
  slack: number,
): number {
  let kept = 0;
  let comparisons = 0;
  for (let i = from; i < to; i++) {
    const base = rows[i]! * stride;
    let dominated = false;
    for (let q = at + kept - 1; q >= at; q--) {
      const qb = out[q]! * stride;
      comparisons++;
      let k = 1;
      while (k < nc && vals[qb + cols[k]!]! >= vals[base + cols[k]!]! - slack) k++;
      if (k >= nc) {
        dominated = true;
        break;
      }
    }
    if (!dominated) out[at + kept++] = rows[i]!;
  }
  if (counter) counter.comparisons += comparisons;
  return kept;
}

/**
 * One coordinate to compare: a row is dominated when the largest kept value is at least its own (less the slack).
 * Two dimensions in all keep a row that beats the largest by more than the slack (the same test, rounded alike).
 */
function maxima(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  out: Int32Array,
  at: number,
  slack: number,
  twoDims: boolean,
): number {
  const c = cols[1]!;
  let kept = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const v = vals[rows[i]! * stride + c]!;
    if (twoDims ? v > best + slack : !(best >= v - slack)) {
      out[at + kept++] = rows[i]!;
      best = Math.max(best, v);
    }
  }
  return kept;
}

/** Two coordinates to compare: the maximal (x, y) points of the kept rows, a staircase. */
function staircase(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  out: Int32Array,
  at: number,
  slack: number,
): number {
  const c1 = cols[1]!;
  const c2 = cols[2]!;
  reserveStairs(to - from, 1);
  nodeOff[0] = 0;
  nodeLen[0] = 0;
  let kept = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    const x = vals[r * stride + c1]!;
    const y = vals[r * stride + c2]!;
    if (dominatorIn(0, x - slack, y - slack) >= 0) continue;
    out[at + kept++] = r;
    insertInto(0, x, y, r);
  }
  return kept;
}

/** Three coordinates to compare: a Fenwick tree over the distinct first ones (largest first) of staircases. */
function fenwick(
  rows: Int32Array,
  from: number,
  to: number,
  vals: Float64Array,
  stride: number,
  out: Int32Array,
  at: number,
  slack: number,
): number {
  const n = to - from;
  const c1 = cols[1]!;
  const c2 = cols[2]!;
  const c3 = cols[3]!;
  if (values.length < n) values = new Float64Array(Math.max(n, 2 * values.length));
  for (let i = 0; i < n; i++) values[i] = vals[rows[from + i]! * stride + c1]!;
  values.subarray(0, n).sort();
  let m = 0; // the distinct values, then largest first, in values[0, m)
  for (let i = 0; i < n; i++) if (m === 0 || values[i] !== values[m - 1]) values[m++] = values[i]!;
  values.subarray(0, m).reverse();
  // how many distinct values are ≥ x (the position of x's node path)
  const atLeast = (x: number) => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! >= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // node i holds at most the rows whose position falls in (i − lowbit(i), i]
  reserveStairs(0, m + 1);
  nodeLen.fill(0, 0, m + 1);
  for (let i = from; i < to; i++) nodeLen[atLeast(vals[rows[i]! * stride + c1]!)]!++;
  let total = 0;
  for (let i = 1; i <= m; i++) {
    let cap = 0;
    for (let p = i - (i & -i) + 1; p <= i; p++) cap += nodeLen[p]!;
    nodeOff[i] = total;
    total += cap;
  }
  reserveStairs(total, m + 1);
  nodeLen.fill(0, 0, m + 1);
  let kept = 0;
  let last = -1; // the latest dominator: often dominates the next row too
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    const p1 = vals[r * stride + c1]! - slack;
    const p2 = vals[r * stride + c2]! - slack;
    const p3 = vals[r * stride + c3]! - slack;
    if (
      last >= 0 &&
      vals[last * stride + c1]! >= p1 &&
      vals[last * stride + c2]! >= p2 &&
      vals[last * stride + c3]! >= p3
    )
      continue;
    let by = -1;
    for (let j = atLeast(p1); j > 0 && by < 0; j -= j & -j) by = dominatorIn(j, p2, p3);
    if (by >= 0) {
      last = by;
      continue;
    }
    out[at + kept++] = r;
    const q2 = vals[r * stride + c2]!;
    const q3 = vals[r * stride + c3]!;
    for (let j = atLeast(vals[r * stride + c1]!); j <= m; j += j & -j) insertInto(j, q2, q3, r);
  }
  return kept;
}

/** Room for `points` staircase points in all and `nodes` staircases. */
function reserveStairs(points: number, nodes: number): void {
  if (stairA.length < points) {
    const size = Math.max(points, 2 * stairA.length);
    stairA = new Float64Array(size);
    stairB = new Float64Array(size);
    stairRow = new Int32Array(size);
  }
  if (nodeOff.length < nodes) {
    const size = Math.max(nodes, 2 * nodeOff.length);
    nodeOff = new Int32Array(size);
    nodeLen = new Int32Array(size);
  }
}

// A staircase: the maximal points of a set of (x, y) points, x ascending and y descending, each with its row;
// staircase `node` occupies [nodeOff[node], nodeOff[node] + nodeLen[node]) of stairA, stairB and stairRow.

/** The first point of the staircase whose x is ≥ x (an index into the shared arrays). */
function firstAtLeast(node: number, x: number): number {
  let lo = nodeOff[node]!;
  let hi = lo + nodeLen[node]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stairA[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The row of a point ≥ (x, y) in both coordinates, or −1. */
function dominatorIn(node: number, x: number, y: number): number {
  const i = firstAtLeast(node, x);
  return i < nodeOff[node]! + nodeLen[node]! && stairB[i]! >= y ? stairRow[i]! : -1;
}

function insertInto(node: number, x: number, y: number, row: number): void {
  const off = nodeOff[node]!;
  const endAll = off + nodeLen[node]!;
  const i = firstAtLeast(node, x);
  if (i < endAll && stairB[i]! >= y) return;
  let end = i;
  while (end < endAll && stairA[end] === x && stairB[end]! <= y) end++;
  let start = i;
  while (start > off && stairB[start - 1]! <= y) start--;
  // [start, end) gives way to the one new point
  if (end !== start + 1) {
    stairA.copyWithin(start + 1, end, endAll);
    stairB.copyWithin(start + 1, end, endAll);
    stairRow.copyWithin(start + 1, end, endAll);
  }
  stairA[start] = x;
  stairB[start] = y;
  stairRow[start] = row;
  nodeLen[node] = nodeLen[node]! + 1 - (end - start);
}
