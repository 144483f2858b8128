// Negotiators who anticipate ratification (Putnam's two-level game, 1988): the modeller's hypothesis, off unless a
// run asks for it. Under it every actor that faces a ratification hurdle treats a text that meets the hurdle and
// would fail it (worth less to the actor than the vote needs) as unacceptable and proposes none; the mediator's
// redraft counts such a text against the actor as it counts a broken red line. The rule names no actor: it binds
// whoever the scenario gives a hurdle to. A person playing an actor decides for itself.
import { anyCondition } from '../domain/condition.ts';
import { failedHurdles } from '../domain/ratification.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import type { OnFrontier } from './frontier.ts';
import { bestUnder, type Position, tradeOff } from './position.ts';
import { keepsAll } from './search.ts';

/** Actor `self` keeps its red lines in a package and, when it anticipates them, clears its hurdles there. */
export function keepsWithHurdles(
  scenario: Scenario,
  anticipate: boolean | undefined,
  self: number,
  pkg: ArrayLike<number>,
  keeps: boolean,
): boolean {
  return keeps && (!anticipate || failedHurdles(scenario, self, pkg).length === 0);
}

/** An actor on the frontier's points with "keeps" meaning also "clears its hurdles there" (when anticipated). */
export function frontierWithHurdles(
  scenario: Scenario,
  anticipate: boolean | undefined,
  points: readonly { readonly pkg: Int32Array }[],
  self: number,
  on: OnFrontier,
): OnFrontier {
  if (!anticipate || !scenario.ratifications.some((r) => r.actor === self)) return on;
  return {
    utility: on.utility,
    keeps: on.keeps.map((k, i) =>
      k === 1 && failedHurdles(scenario, self, points[i]!.pkg).length === 0 ? 1 : 0,
    ),
  };
}

/** "The text meets none of the actor's hurdles" as a constraint the diagram can hold to. */
function avoidsHurdles(scenario: Scenario, self: number): Constraint {
  const condition = anyCondition(
    scenario.ratifications.filter((r) => r.actor === self).map((r) => r.condition),
  );
  return {
    id: 'no-ratification',
    text: 'the text meets none of its ratification hurdles',
    condition: { kind: 'not', item: condition },
    scope: [...new Set(scenario.ratifications.filter((r) => r.actor === self).flatMap((r) => r.scope))].sort(
      (a, b) => a - b,
    ),
    sources: [],
    confirmed: true,
    recall: false,
    basis: 'assumption',
    basisGiven: false,
  };
}

/**
 * A proposal that clears the proposer's own hurdles: `pkg` when it does; else the trade-off at the highest
 * threshold it failed (a text worth that much clears the hurdle, whatever it meets); else its best package; else
 * its best package that meets no hurdle of its own, if worth its value of no deal. Null when none does: nothing it
 * could table would it accept.
 */
export function proposalClearingHurdles(
  scenario: Scenario,
  self: number,
  pkg: Int32Array,
  aspiration: number,
  reference: ArrayLike<number>,
  best: Position,
): Int32Array | null {
  const fails = failedHurdles(scenario, self, pkg);
  if (fails.length === 0) return pkg;
  const actor = scenario.actors[self]!;
  const clears = (p: Int32Array | null | undefined): p is Int32Array =>
    !!p && keepsAll(actor.redLines, p) && failedHurdles(scenario, self, p).length === 0;
  const target = Math.max(aspiration, ...fails.map((h) => h.threshold));
  const raised = tradeOff(scenario, self, target, reference)?.pkg;
  if (clears(raised)) return raised;
  if (clears(best.pkg)) return best.pkg;
  const avoid = bestUnder(
    scenario,
    self,
    [...actor.redLines, ...scenario.rules, avoidsHurdles(scenario, self)],
    reference,
  );
  return avoid && clears(avoid.pkg) && avoid.utility >= actor.reservation.value - 1e-12 ? avoid.pkg : null;
}
