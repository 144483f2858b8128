// The four bargaining solutions, chosen among the Pareto-optimal packages every required actor accepts, with
// each party's reservation value as its disagreement point. Each objective is non-decreasing in every party's
// utility, so an optimum always lies on the Pareto set. Ties (within TIE) go to the lexicographically smallest
// package (option indices in scenario issue order).
import { TIE } from './limits.ts';

export type SolutionKind = 'nash' | 'kalaiSmorodinsky' | 'utilitarian' | 'egalitarian';
export const SOLUTION_KINDS: readonly SolutionKind[] = [
  'nash',
  'kalaiSmorodinsky',
  'utilitarian',
  'egalitarian',
];

export interface Candidate {
  readonly pkg: ArrayLike<number>;
  /** the parties' utilities */
  readonly u: ArrayLike<number>;
}

/** Π (u_i − r_i), each factor at least 0 */
export function nashProduct(u: ArrayLike<number>, r: ArrayLike<number>): number {
  let p = 1;
  for (let i = 0; i < u.length; i++) p *= Math.max(0, u[i]! - r[i]!);
  return p;
}

export function utilitarianSum(u: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]!;
  return s;
}

export function egalitarianMin(u: ArrayLike<number>, r: ArrayLike<number>): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < u.length; i++) m = Math.min(m, u[i]! - r[i]!);
  return m;
}

/**
 * Kalai–Smorodinsky: a_i = (u_i − r_i) / (best_i − r_i), best_i the party's best utility over the acceptable
 * packages; parties with best_i − r_i ≤ TIE (nothing to gain) are left out. spread = max a − min a.
 */
export function ksMeasures(
  u: ArrayLike<number>,
  r: ArrayLike<number>,
  best: ArrayLike<number>,
): { spread: number; min: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < u.length; i++) {
    const range = best[i]! - r[i]!;
    if (range <= TIE) continue;
    const a = (u[i]! - r[i]!) / range;
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
  }
  return lo === Number.POSITIVE_INFINITY ? { spread: 0, min: 1 } : { spread: hi - lo, min: lo };
}

export function lexCompare(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The candidate with the best score (lexicographic over the score list, larger first, ties within TIE). */
function argBest<T extends Candidate>(items: readonly T[], score: (c: T) => readonly number[]): T | null {
  let best: T | null = null;
  let bestScore: readonly number[] = [];
  for (const c of items) {
    const s = score(c);
    if (best === null) {
      best = c;
      bestScore = s;
      continue;
    }
    let verdict = 0;
    for (let k = 0; k < s.length && verdict === 0; k++) {
      if (s[k]! > bestScore[k]! + TIE) verdict = 1;
      else if (s[k]! < bestScore[k]! - TIE) verdict = -1;
    }
    if (verdict > 0 || (verdict === 0 && lexCompare(c.pkg, best.pkg) < 0)) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

export type Solutions<T> = Record<SolutionKind, T | null>;

/**
 * `pareto`: the Pareto set of the acceptable packages (every acceptable vector is weakly dominated by one of
 * them); `ksPool`: where Kalai–Smorodinsky chooses (the Pareto set without near-ties; default `pareto`).
 */
export function bargainingSolutions<T extends Candidate>(
  pareto: readonly T[],
  reservations: ArrayLike<number>,
  ksPool: readonly T[] = pareto,
): Solutions<T> {
  const score = solutionScores(pareto, reservations);
  return {
    nash: argBest(pareto, score.nash),
    kalaiSmorodinsky: argBest(ksPool, score.kalaiSmorodinsky),
    utilitarian: argBest(pareto, score.utilitarian),
    egalitarian: argBest(pareto, score.egalitarian),
  };
}

/** What each solution maximises (lexicographically, larger first), with `pareto` fixing each party's best utility. */
function solutionScores(
  pareto: readonly Candidate[],
  reservations: ArrayLike<number>,
): Record<SolutionKind, (c: Candidate) => readonly number[]> {
  const P = reservations.length;
  const best = new Float64Array(P).fill(Number.NEGATIVE_INFINITY);
  for (const c of pareto) for (let i = 0; i < P; i++) best[i] = Math.max(best[i]!, c.u[i]!);
  return {
    nash: (c) => [nashProduct(c.u, reservations)],
    kalaiSmorodinsky: (c) => {
      const m = ksMeasures(c.u, reservations, best);
      return [-m.spread, m.min];
    },
    utilitarian: (c) => [utilitarianSum(c.u)],
    egalitarian: (c) => [egalitarianMin(c.u, reservations)],
  };
}

/**
 * Per solution: how many points of `frontier` (distinct utility vectors, near-ties merged) score as well as the
 * chosen one, within TIE in every part of the score — 1 when it is the only one, more when the solution is not
 * unique and the package shown is only the first of them by package order. 0 when there is no solution.
 */
export function solutionTies(
  pareto: readonly Candidate[],
  reservations: ArrayLike<number>,
  frontier: readonly Candidate[],
  solutions: Solutions<Candidate>,
): Record<SolutionKind, number> {
  const score = solutionScores(pareto, reservations);
  const ties = (kind: SolutionKind): number => {
    const chosen = solutions[kind];
    if (!chosen) return 0;
    const target = score[kind](chosen);
    const n = frontier.filter((c) => score[kind](c).every((x, k) => Math.abs(x - target[k]!) <= TIE)).length;
    // the chosen package may stand for a near-tie the frontier merged into another point
    return Math.max(1, n);
  };
  return {
    nash: ties('nash'),
    kalaiSmorodinsky: ties('kalaiSmorodinsky'),
    utilitarian: ties('utilitarian'),
    egalitarian: ties('egalitarian'),
  };
}
