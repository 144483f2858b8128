// Zeuthen's monotone concession over the exact Pareto frontier of the acceptable packages. Each party's
// willingness to risk conflict is risk_i = (u_i(own offer) − u_i(other's offer)) / (u_i(own offer) − r_i); the
// party with the smaller risk concedes, just enough that the other's risk becomes the smaller. With two parties,
// risk_i ≤ risk_j exactly when the Nash product Π (u − r) of i's offer is at most that of j's offer (Harsanyi),
// so a concession moves to the offer best for the conceder among those with a larger Nash product, and the
// process ends at the Nash point. With more parties the same rule on the Nash product is a generalisation.
import type { Point } from '../analysis/acceptable.ts';
import { lexCompare, nashProduct } from '../analysis/solutions.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import type { Frontier } from './frontier.ts';
import type { View } from './types.ts';

/** Nash products closer than this are a tie. */
const TIE = 1e-9;
function utilities(scenario: Scenario, parties: readonly number[], pkg: ArrayLike<number>): Float64Array {
  return Float64Array.from(parties, (a) => utility(scenario.actors[a]!, scenario.offsets, pkg));
}

/** Each party's last own offer, or its ideal point of the frontier when it has made none. */
function lastOffer(view: View, frontier: Frontier, party: number): ArrayLike<number> {
  for (let k = view.history.length - 1; k >= 0; k--) {
    const past = view.history[k]!;
    if (past.author === party) return past.text;
  }
  const i = frontier.parties.indexOf(party);
  let best = frontier.points[0]!;
  for (const p of frontier.points) {
    const better = p.u[i]! - best.u[i]!;
    if (
      better > TIE ||
      (better >= -TIE && nashProduct(p.u, frontier.reservations) > nashProduct(best.u, frontier.reservations))
    )
      best = p;
  }
  return best.pkg;
}

export interface ZeuthenStep {
  /** the offer it makes next: its last offer (it holds) or a concession; null: it accepts the best offer made */
  readonly next: Point | null;
  /** the other parties' offers, the one with the largest Nash product first */
  readonly theirs: readonly Int32Array[];
}

/** The Zeuthen party's next offer given everyone's last offers; null outside the frontier's parties. */
export function zeuthenStep(view: View, frontier: Frontier): ZeuthenStep | null {
  const { scenario, self } = view;
  const i = frontier.parties.indexOf(self);
  if (i < 0) return null;
  const r = frontier.reservations;
  const np = (pkg: ArrayLike<number>) => nashProduct(utilities(scenario, frontier.parties, pkg), r);
  const mine = lastOffer(view, frontier, self);
  const mineU = utility(scenario.actors[self]!, scenario.offsets, mine);
  const theirs = frontier.parties
    .filter((a) => a !== self)
    .map((a) => Int32Array.from(lastOffer(view, frontier, a)))
    .sort((a, b) => np(b) - np(a) || lexCompare(a, b));
  // a lone party has nobody to concede to: it holds its ideal
  const z = theirs.length > 0 ? np(theirs[0]!) : Number.NEGATIVE_INFINITY;
  let next: Point | null = null;
  for (const p of frontier.points) {
    if (nashProduct(p.u, r) <= z + TIE || p.u[i]! > mineU + TIE) continue;
    if (
      next === null ||
      p.u[i]! > next.u[i]! + TIE ||
      (p.u[i]! >= next.u[i]! - TIE && nashProduct(p.u, r) > nashProduct(next.u, r) + TIE)
    )
      next = p;
  }
  return { next, theirs };
}
