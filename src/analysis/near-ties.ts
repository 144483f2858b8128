// Near ties: of Pareto rows that differ by at most TIE in every coordinate, one stays; a row another beats by more
// than TIE somewhere while losing at most TIE everywhere goes. What the frontier shows once exact ties are merged.
import { TIE } from './limits.ts';

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
  // every pair within TIE (and not equal) in some coordinate, found on the positions sorted by that coordinate
  const drop = new Uint8Array(m);
  const twins: number[][] = [];
  const byK = new Int32Array(m);
  const key = new Float64Array(m);
  for (let k = 0; k < dims; k++) {
    for (let i = 0; i < m; i++) {
      byK[i] = i;
      key[i] = at(i, k);
    }
    byK.sort((a, b) => key[a]! - key[b]!);
    let next = 0; // the first position holding a larger value than position i
    for (let i = 0; i < m; i++) {
      const v = key[byK[i]!]!;
      if (next <= i) next = i + 1;
      while (next < m && key[byK[next]!] === v) next++;
      for (let j = next; j < m && key[byK[j]!]! - v <= TIE; j++) {
        const a = byK[i]!;
        const b = byK[j]!;
        if (strictlyBetter(a, b)) drop[b] = 1;
        if (strictlyBetter(b, a)) drop[a] = 1;
        if (!near(a, b)) continue;
        const first = Math.min(a, b);
        twins[first] ??= [];
        twins[first]!.push(Math.max(a, b));
      }
    }
  }
  // of near twins, the first stays (one dropped already leaves its twins to the next)
  for (let p = 0; p < m; p++) if (!drop[p]) for (const q of twins[p] ?? []) drop[q] = 1;
  return rows.filter((_, i) => !drop[i]);
}
