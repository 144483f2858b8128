// A share of samples or runs as sweep and outcomes print it: a percentage with one decimal. "0.0%" and "100.0%"
// say none and all, so a share that is neither never prints as either: it is "<0.1%" or ">99.9%" (the count
// beside it, or --json, says how many). The width is that of "100.0%", so columns stay aligned.

/** `share` (0 to 1) as a percentage with one decimal; "0.0%" only for none, "100.0%" only for all. */
export function sharePercent(share: number): string {
  const text = (100 * share).toFixed(1);
  if (share > 0 && text === '0.0') return '<0.1%';
  if (share < 1 && text === '100.0') return '>99.9%';
  return `${text}%`;
}

/**
 * The shares of counts that make up one whole (the outcome table's signed, stalemate and collapsed), each with one
 * decimal, rounded so that they add up to 100.0% as printed: each share takes the tenths of a percent below it, and
 * the tenths left over go to the largest remainders (the first of equal ones). Each is within 0.1 of its exact share
 * (--json), and, as sharePercent, "0.0%" and "100.0%" only for none and all. Rounding each to the nearest alone can
 * print 100.1% or 99.9% in all (82.4 + 11.8 + 5.9 for 14, 2 and 1 of 17).
 */
export function apportionedPercents(counts: readonly number[]): string[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => '0.0%');
  const exact = counts.map((c) => (1000 * c) / total);
  const tenths = exact.map(Math.floor);
  let left = 1000 - tenths.reduce((s, t) => s + t, 0);
  const byRemainder = exact
    .map((x, k) => ({ k, r: x - Math.floor(x) }))
    .filter((x) => x.r > 0)
    .sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of byRemainder) {
    if (left <= 0) break;
    tenths[k]! += 1;
    left -= 1;
  }
  return tenths.map((t, k) => {
    const c = counts[k]!;
    if (c > 0 && t === 0) return '<0.1%';
    if (c < total && t === 1000) return '>99.9%';
    return `${(t / 10).toFixed(1)}%`;
  });
}
