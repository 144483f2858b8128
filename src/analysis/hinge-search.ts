// Every minimal set of items (up to a size) whose change alone flips an answer: exact enumeration by size, in
// lexicographic order, skipping every superset of a set already found (it would not be minimal) and every set that is
// no choice one can make (`admissible`). The count of sets tried is kept, and an optional budget stops the search
// early, saying so.

export interface SearchOptions {
  /** the largest set tried (default 3) */
  readonly maxSize?: number;
  /** the most sets to try in all (default: no limit) */
  readonly budget?: number;
}

/** The search's options and, for a search whose items include alternatives, which sets are choices one can make. */
interface SearchSettings extends SearchOptions {
  /** false: the set holds two alternatives (neither a candidate nor tried; default: every set is admissible) */
  readonly admissible?: (set: readonly number[]) => boolean;
}

export interface SizeCount {
  readonly size: number;
  /** admissible sets of this size that contain no smaller hinge: the candidates */
  readonly candidates: number;
  readonly tried: number;
  /** sets of this size left out: holding a smaller hinge found, or not admissible (rival choices together) */
  readonly supersets: number;
  readonly rivals: number;
}

export interface SearchResult {
  /** minimal flipping sets, as item indices in increasing order, by size then lexicographically */
  readonly hinges: readonly (readonly number[])[];
  readonly sizes: readonly SizeCount[];
  readonly tried: number;
  /** every candidate up to maxSize was tried */
  readonly complete: boolean;
}

export function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

const contains = (set: readonly number[], sub: readonly number[]) => sub.every((x) => set.includes(x));

/** Minimal sets of `n` items (indices) for which `flips` holds, up to `maxSize`, within `budget` trials. */
export function minimalHinges(
  n: number,
  flips: (set: readonly number[]) => boolean,
  options: SearchSettings = {},
): SearchResult {
  const maxSize = options.maxSize ?? 3;
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const hinges: number[][] = [];
  const sizes: SizeCount[] = [];
  let tried = 0;
  let complete = true;
  for (let k = 1; k <= maxSize; k++) {
    let candidates = 0;
    let triedHere = 0;
    let supersets = 0;
    let rivals = 0;
    const found: number[][] = [];
    for (const set of combinations(n, k)) {
      if (hinges.some((h) => contains(set, h))) {
        supersets++;
        continue;
      }
      if (options.admissible?.(set) === false) {
        rivals++;
        continue;
      }
      candidates++;
      if (tried >= budget) {
        complete = false;
        continue;
      }
      tried++;
      triedHere++;
      if (flips(set)) found.push(set);
    }
    hinges.push(...found);
    sizes.push({ size: k, candidates, tried: triedHere, supersets, rivals });
  }
  return { hinges, sizes, tried, complete };
}
