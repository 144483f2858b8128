// What a candidate change to the mediator's text costs: the rules and red lines it breaks (counted, or checked
// against what the text broke before), and the utility it takes from the other required actors.
import { holds } from '../domain/condition.ts';
import { requiredActors } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';

/** How many rules and red lines of required actors a package breaks (counted, not listed: a repair asks this of
 * every candidate, and keys as strings were a tenth of a draw's garbage). */
export function brokenCount(scenario: Scenario, pkg: ArrayLike<number>): number {
  let n = 0;
  for (const c of scenario.rules) if (!holds(c.condition, pkg)) n++;
  for (const a of requiredActors(scenario, pkg))
    for (const c of scenario.actors[a]!.redLines) if (!holds(c.condition, pkg)) n++;
  return n;
}

/**
 * Whether `next` breaks only what `start` broke: no rule that held in `start`, and no red line of an actor required
 * in `next` that held in `start` or whose owner `start` did not need. `startRequired` is requiredActors of `start`.
 */
export function breaksNothingNew(
  scenario: Scenario,
  start: ArrayLike<number>,
  startRequired: readonly number[],
  next: ArrayLike<number>,
): boolean {
  for (const c of scenario.rules) if (!holds(c.condition, next) && holds(c.condition, start)) return false;
  for (const a of requiredActors(scenario, next)) {
    const wasRequired = startRequired.includes(a);
    for (const c of scenario.actors[a]!.redLines)
      if (!holds(c.condition, next) && (!wasRequired || holds(c.condition, start))) return false;
  }
  return true;
}

/** Each actor's utility of a text: the "before" of every candidate's cost, worked out once per text. */
export function utilitiesOf(scenario: Scenario, pkg: ArrayLike<number>): Float64Array {
  return Float64Array.from(scenario.actors, (actor) => utility(actor, scenario.offsets, pkg));
}

/** What a change costs the required actors other than `exempt`: the sum of their utility losses (`from`: each
 * actor's utility before it, utilitiesOf the text changed). */
export function costToOthers(
  scenario: Scenario,
  from: Float64Array,
  to: ArrayLike<number>,
  exempt: readonly number[],
) {
  let cost = 0;
  for (const a of requiredActors(scenario, to)) {
    if (exempt.includes(a)) continue;
    cost += Math.max(0, from[a]! - utility(scenario.actors[a]!, scenario.offsets, to));
  }
  return cost;
}
