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
