// Small descriptive statistics for Monte Carlo summaries: Wilson score intervals for shares, and quantiles.

/** The 0.975 quantile of the standard normal: a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a share of `k` successes in `n` trials. Unlike the textbook p ± z·se it stays
 * inside [0, 1] and is not empty when k is 0 or n, which is common here (a scenario that never collapses).
 * With no trials nothing is known: [0, 1].
 */
export function wilson(k: number, n: number, z = Z95): readonly [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // clamp the rounding of k = 0 or k = n onto the bounds they mathematically are
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** The p-quantile of sorted values, interpolating linearly between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

export interface Spread {
  readonly mean: number;
  readonly min: number;
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

export const SPREAD_STATS = ['mean', 'min', 'p10', 'median', 'p90', 'max'] as const;

/** Mean and quantiles of a sample; null when it is empty. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return {
    mean: s.reduce((t, x) => t + x, 0) / s.length,
    min: s[0]!,
    p10: quantile(s, 0.1),
    median: quantile(s, 0.5),
    p90: quantile(s, 0.9),
    max: s[s.length - 1]!,
  };
}
