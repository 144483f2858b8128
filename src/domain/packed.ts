// `map` that builds its list with push. V8's optimised `map` makes a holey list where the interpreter makes a
// packed one; code that reads such lists millions of times (the analyses over a scenario's actors, the agents'
// frontier) was thrown away and compiled again each time the other kind reached it. Built with push, a list has
// one hidden class whatever tier of V8 runs the caller.
export function packedMap<T, U>(list: readonly T[], make: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(make(list[i]!, i));
  return out;
}

/**
 * A plain list of a package's options (a typed array's, or a list's). `Array.from` walks a typed array through
 * its iterator, which baseline code does step by step with an object per step: it was 4% of what an `outcomes`
 * draw allocated (docs/performance.md).
 */
export function plainPackage(pkg: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < pkg.length; i++) out.push(pkg[i]!);
  return out;
}
