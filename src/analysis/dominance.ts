// Pareto dominance filters over utility vectors stored row by row in a Float64Array (`stride` numbers a row,
// the first `dims` of them compared). Larger is better in every coordinate.
import { TIE } from './limits.ts';

/** Lexicographically descending by the first `dims` coordinates; equal rows keep their index order. */
function sortDescending(rows: number[], vals: Float64Array, stride: number, dims: number): void {
  rows.sort((a, b) => {
    for (let k = 0; k < dims; k++) {
      const diff = vals[b * stride + k]! - vals[a * stride + k]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
}

export interface FilterCounter {
  /** dominance comparisons made (the cost of filtering in 4 or more dimensions) */
  comparisons: number;
}

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
  sortDescending(rows, vals, stride, dims);
  const kept: number[] = [];
  if (dims === 1) return [rows[0]!];
  // every earlier row has a ≥ first coordinate, so only the others are compared
  if (dims === 2) {
    let best = Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      const v = vals[r * stride + 1]!;
      if (v > best + slack) {
        kept.push(r);
        best = Math.max(best, v);
      }
    }
    return kept;
  }
  if (dims === 3) {
    const stairs = new Staircase();
    for (const r of rows) {
      const p1 = vals[r * stride + 1]!;
      const p2 = vals[r * stride + 2]!;
      if (stairs.covers(p1 - slack, p2 - slack)) continue;
      kept.push(r);
      stairs.insert(p1, p2, r);
    }
    return kept;
  }
  if (dims === 4) {
    // a Fenwick tree over the distinct values of v1 (largest first) whose nodes are (v2, v3) staircases
    const v1 = Float64Array.from(new Set(rows.map((r) => vals[r * stride + 1]!)))
      .sort()
      .reverse();
    const atLeast = (x: number) => {
      let lo = 0;
      let hi = v1.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v1[mid]! >= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const tree: (Staircase | undefined)[] = [];
    let last = -1; // the latest dominator: often dominates the next row too
    for (const r of rows) {
      const p1 = vals[r * stride + 1]! - slack;
      const p2 = vals[r * stride + 2]! - slack;
      const p3 = vals[r * stride + 3]! - slack;
      if (
        last >= 0 &&
        vals[last * stride + 1]! >= p1 &&
        vals[last * stride + 2]! >= p2 &&
        vals[last * stride + 3]! >= p3
      )
        continue;
      let dominated = false;
      for (let i = atLeast(p1); i > 0 && !dominated; i -= i & -i) {
        const by = tree[i]?.dominator(p2, p3) ?? -1;
        if (by >= 0) {
          dominated = true;
          last = by;
        }
      }
      if (dominated) continue;
      kept.push(r);
      const q2 = vals[r * stride + 2]!;
      const q3 = vals[r * stride + 3]!;
      for (let i = atLeast(vals[r * stride + 1]!); i <= v1.length; i += i & -i) {
        const node = tree[i] ?? new Staircase();
        tree[i] = node;
        node.insert(q2, q3, r);
      }
    }
    return kept;
  }
  let comparisons = 0;
  for (const r of rows) {
    const base = r * stride;
    let dominated = false;
    for (let q = kept.length - 1; q >= 0; q--) {
      const qb = kept[q]! * stride;
      comparisons++;
      let k = 1;
      while (k < dims && vals[qb + k]! >= vals[base + k]! - slack) k++;
      if (k === dims) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept.push(r);
  }
  if (counter) counter.comparisons += comparisons;
  return kept;
}

/**
 * The Pareto set with ties, from rows no row dominates exactly (and no two equal): drop the rows another row
 * dominates within TIE (q ≥ p − TIE everywhere and q > p + TIE somewhere), then keep one row of every group
 * within TIE of each other (the first in `rows` order). Such a pair differs, by at most TIE and not by 0, in some
 * coordinate (else one would dominate the other exactly), so only those near neighbours are compared.
 */
export function tieFreeRows(
  rows: readonly number[],
  vals: Float64Array,
  stride: number,
  dims: number,
): number[] {
  const m = rows.length;
  const at = (i: number, k: number) => vals[rows[i]! * stride + k]!;
  const strictlyBetter = (q: number, p: number): boolean => {
    let strict = false;
    for (let k = 0; k < dims; k++) {
      const diff = at(q, k) - at(p, k);
      if (diff < -TIE) return false;
      if (diff > TIE) strict = true;
    }
    return strict;
  };
  const near = (q: number, p: number): boolean => {
    for (let k = 0; k < dims; k++) if (Math.abs(at(q, k) - at(p, k)) > TIE) return false;
    return true;
  };
  const pairs: [number, number][] = [];
  for (let k = 0; k < dims; k++) {
    const byK = [...Array(m).keys()].sort((a, b) => at(a, k) - at(b, k) || a - b);
    let next = 0; // the first position holding a larger value than position i
    for (let i = 0; i < m; i++) {
      const v = at(byK[i]!, k);
      if (next <= i) next = i + 1;
      while (next < m && at(byK[next]!, k) === v) next++;
      for (let j = next; j < m && at(byK[j]!, k) - v <= TIE; j++) pairs.push([byK[i]!, byK[j]!]);
    }
  }
  const drop = new Uint8Array(m);
  for (const [a, b] of pairs) {
    if (strictlyBetter(a, b)) drop[b] = 1;
    if (strictlyBetter(b, a)) drop[a] = 1;
  }
  const twins: number[][] = Array.from({ length: m }, () => []);
  for (const [a, b] of pairs) if (near(a, b)) twins[Math.min(a, b)]!.push(Math.max(a, b));
  for (let p = 0; p < m; p++) if (!drop[p]) for (const q of twins[p]!) drop[q] = 1;
  return rows.filter((_, i) => !drop[i]);
}

/** The maximal points of a set of 2-D points: a ascending, b descending (each with the row it came from). */
class Staircase {
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly row: number[] = [];

  /** some point is ≥ (x, y) in both coordinates */
  covers(x: number, y: number): boolean {
    const i = this.firstAtLeast(x);
    return i < this.a.length && this.b[i]! >= y;
  }

  /** the row of a point ≥ (x, y) in both coordinates, or −1 */
  dominator(x: number, y: number): number {
    const i = this.firstAtLeast(x);
    return i < this.a.length && this.b[i]! >= y ? this.row[i]! : -1;
  }

  insert(x: number, y: number, row = -1): void {
    const i = this.firstAtLeast(x);
    if (i < this.a.length && this.b[i]! >= y) return;
    let end = i;
    while (end < this.a.length && this.a[end] === x && this.b[end]! <= y) end++;
    let start = i;
    while (start > 0 && this.b[start - 1]! <= y) start--;
    replaceRange(this.a, start, end, x);
    replaceRange(this.b, start, end, y);
    replaceRange(this.row, start, end, row);
  }

  private firstAtLeast(x: number): number {
    let lo = 0;
    let hi = this.a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.a[mid]! >= x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** arr[start, end) := [value], in place (splice without allocating the removed part) */
function replaceRange(arr: number[], start: number, end: number, value: number): void {
  const removed = end - start;
  if (removed === 1) {
    arr[start] = value;
    return;
  }
  if (removed === 0) {
    arr.push(value);
    for (let i = arr.length - 1; i > start; i--) arr[i] = arr[i - 1]!;
    arr[start] = value;
    return;
  }
  arr[start] = value;
  const shift = removed - 1;
  for (let i = start + 1; i + shift < arr.length; i++) arr[i] = arr[i + shift]!;
  arr.length -= shift;
}
