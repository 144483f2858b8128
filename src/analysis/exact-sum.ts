// Exact floating-point sums that merge: a sum is kept as a list of non-overlapping partials (Shewchuk's
// expansion, as Python's math.fsum keeps it), so adding the same numbers in any order or grouping — draw by draw,
// per worker, per shard — gives the same correctly rounded total. Sweeps need this to be byte-identical whatever
// the number of workers or shards.

/** Adds `x` to the expansion `partials` in place (finite numbers only). */
export function addExact(partials: number[], x: number): void {
  let i = 0;
  for (const p of partials) {
    let y = p;
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

/** Adds every partial of another sum (the merge of two sums). */
export function mergeExact(into: number[], other: readonly number[]): void {
  for (const p of other) addExact(into, p);
}

/** The sum, correctly rounded to the nearest double (ties to even), as math.fsum rounds it. */
export function exactValue(partials: readonly number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // the rounding of hi may be off by half an ulp when the rest has the same sign: correct it, as fsum does
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
