// A scenario's actors rebuilt one by one (a draw, the run's edits). Built with push, the list keeps one hidden
// class whatever tier of V8 runs the caller: `map` in optimised code makes a holey list, in the interpreter a packed
// one, and the analyses that read `scenario.actors` millions of times were thrown away and compiled again each time
// the other kind reached them.
import type { Actor, Scenario } from './types.ts';

export function actorsOf(scenario: Scenario, make: (actor: Actor, index: number) => Actor): Actor[] {
  const out: Actor[] = [];
  for (let i = 0; i < scenario.actors.length; i++) out.push(make(scenario.actors[i]!, i));
  return out;
}
