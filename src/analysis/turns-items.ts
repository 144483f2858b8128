// Who proposes first under alternating offers, as the run's hinge items: each other party first, the parties'
// list rotated so that the scenario's cyclic order stays (two parties: the list reversed). The rotations are
// alternatives of one another, never made together.
import { nameInSentence } from '../domain/actor-names.ts';
import { firstTurn, proposerOf } from '../domain/protocol.ts';
import type { Scenario } from '../domain/types.ts';

/**
 * alternating offers: the parties' list, which is the order of their turns, rotated so that another party proposes
 * first (with two parties, the list reversed); `parties`: the list as the run has it (actor indices)
 */
export interface TurnsChange {
  readonly kind: 'turns';
  readonly parties: readonly number[];
}

/** A hinge item (hinge-items.ts) that makes another party propose first. */
interface TurnsItem {
  readonly id: string;
  readonly basis: 'assumption';
  readonly sources: readonly string[];
  readonly label: string;
  readonly change: TurnsChange;
  /** three or more parties: the order the rotation runs, as actor ids, the first proposer first */
  readonly order?: readonly string[];
}

/**
 * Who proposes when, under alternating offers, as items: the scenario lists its parties in an order and that order
 * is the turns (src/domain/protocol.ts), given with no basis or source — the modeller's assumption, and the first
 * proposer may gain by it. Each other party proposing first is an item: the list rotated so that it proposes in
 * the first round of proposals and the others follow in the scenario's cyclic order (who follows whom is kept; the
 * n! orderings are not tried). With two parties that rotation is the list reversed, and the one item keeps the
 * words it has always had. A mediated single text has no turns (the list order decides nothing there), so it has
 * no such item.
 */
export function turnsItems(s: Scenario): TurnsItem[] {
  const parties = s.protocol.parties;
  if (s.protocol.kind !== 'alternating-offers' || parties.length < 2) return [];
  const now = proposerOf(s, firstTurn(s));
  const name = (k: number) => nameInSentence(s.actors[k]!);
  return parties
    .filter((k) => k !== now)
    .map((k): TurnsItem => {
      const order = turnOrder(parties, k);
      const change = { kind: 'turns', parties: partiesFor(s, order) } as const;
      if (parties.length === 2)
        return {
          id: 'turns',
          basis: 'assumption',
          sources: [],
          label: `the parties take their turns the other way round (${name(k)} proposes first instead of ${name(now)})`,
          change,
        };
      return {
        id: `turns:${s.actors[k]!.id}`,
        basis: 'assumption',
        sources: [],
        label: `the turns rotated so that ${name(k)} proposes first instead of ${name(now)} (${order.map(name).join(', ')} in turn)`,
        change,
        order: order.map((j) => s.actors[j]!.id),
      };
    });
}

/** The parties in the order they propose when `party` proposes first, the scenario's cyclic order kept. */
function turnOrder(parties: readonly number[], party: number): number[] {
  const at = parties.indexOf(party);
  return parties.map((_, j) => parties[(at + j) % parties.length]!);
}

/** The parties' list that makes `order` the run's: round r's proposer is parties[(r − 1) mod n]. */
function partiesFor(s: Scenario, order: readonly number[]): number[] {
  const n = order.length;
  const first = (firstTurn(s) - 1) % n;
  return order.map((_, i) => order[(i - first + n) % n]!);
}

/** Two of the items are rotations of the turns: alternatives (one party proposes first), never made together. */
export function rivalTurns(items: readonly { readonly change: { readonly kind: string } }[]): boolean {
  return items.filter((x) => x.change.kind === 'turns').length > 1;
}
