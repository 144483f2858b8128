// Choosing among scored candidates: the smallest score tuple wins, and exact ties are drawn with the seeded
// generator (so a run stays reproducible and no candidate is favoured by its place in a list).
import type { Rng } from '../domain/rng.ts';

const EPS = 1e-12;

/** Lexicographic comparison of score tuples (smaller is better); ties within EPS. */
export function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k]! < b[k]! - EPS) return -1;
    if (a[k]! > b[k]! + EPS) return 1;
  }
  return 0;
}

/** The candidate with the smallest score; exact ties are drawn with the seeded generator. */
export function cheapest<T>(
  candidates: readonly { item: T; score: readonly number[] }[],
  rng: Rng,
): T | null {
  let best: { item: T; score: readonly number[] }[] = [];
  for (const c of candidates) {
    const cmp = best.length ? compare(c.score, best[0]!.score) : -1;
    if (cmp < 0) best = [c];
    else if (cmp === 0) best.push(c);
  }
  if (best.length === 0) return null;
  return best[best.length === 1 ? 0 : rng.int(0, best.length - 1)]!.item;
}
