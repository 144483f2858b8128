// `map` that builds its list with push. V8's optimised `map` makes a holey list where the interpreter makes a
// packed one; code that reads such lists millions of times (the analyses over a scenario's actors, the agents'
// frontier) was thrown away and compiled again each time the other kind reached it. Built with push, a list has
// one hidden class whatever tier of V8 runs the caller.
export function packedMap<T, U>(list: readonly T[], make: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(make(list[i]!, i));
  return out;
}
