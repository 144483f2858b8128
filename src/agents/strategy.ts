// The bots: answer a text (accept, reject with reasons and asks, or walk out) and make proposals. Every move
// keeps the actor's own red lines: it accepts nothing that breaks one and proposes nothing that breaks one.
import { brokenConstraints } from '../domain/evaluate.ts';
import { failedHurdles } from '../domain/ratification.ts';
import type { Rng } from '../domain/rng.ts';
import { costliestIssues, utility } from '../domain/utility.ts';
import { proposalClearingHurdles } from './anticipate.ts';
import { aspirationOf, effectiveKind } from './aspiration.ts';
import { agreementFrontier, bestAcceptable } from './frontier.ts';
import { bestFor, type Position, tradeOff } from './position.ts';
import { keepsAll } from './search.ts';
import type { Proposal, Response, View } from './types.ts';
import { zeuthenStep } from './zeuthen.ts';

/** Utilities closer than this count as equal (the domain's acceptance tolerance). */
const EPS = 1e-12;
/** How many of its costliest issues a rejecting actor names. */
const ASKS = 3;

type WalkOut = Extract<Response, { type: 'walk-out' }>;

/** A party walks out when nothing it could accept at this table is worth its value of no deal. */
function walkOut(view: View, best: Position | null): WalkOut | null {
  const { scenario, self, text } = view;
  if (!scenario.protocol.parties.includes(self)) return null;
  const actor = scenario.actors[self]!;
  const r = actor.reservation.value;
  if (best !== null && best.utility >= r - EPS) return null;
  return {
    type: 'walk-out',
    utility: utility(actor, scenario.offsets, text),
    aspiration: r,
    best: best?.utility ?? null,
  };
}

/**
 * Where an actor's aspiration starts: its best acceptable utility — the most it gets in any package every
 * required actor accepts (the exact frontier), or, when that is unavailable, the most its own red lines allow.
 */
export function ceilingOf(view: View, own: Position): number {
  const acceptable = bestAcceptable(view.scenario, view.self);
  return acceptable ? Math.min(own.utility, acceptable.utility) : own.utility;
}

export function respond(view: View, rng: Rng): Response {
  const { scenario, self, text } = view;
  const actor = scenario.actors[self]!;
  const best = bestFor(scenario, self, text);
  const out = walkOut(view, best);
  if (out) return out;
  const u = utility(actor, scenario.offsets, text);
  const aspiration = best ? aspirationOf(view, rng, ceilingOf(view, best)) : actor.reservation.value;
  const violations = brokenConstraints(actor.redLines, text);
  // the modeller's hypothesis, when on: a text its own domestic body would vote down is no text to accept
  const wouldFail = view.anticipate ? failedHurdles(scenario, self, text) : [];
  if (best && violations.length === 0 && u >= aspiration - EPS && wouldFail.length === 0)
    return { type: 'accept', utility: u, aspiration };
  const asks = costliestIssues(scenario, actor, text, ASKS);
  return {
    type: 'reject',
    utility: u,
    aspiration,
    violations,
    asks,
    ...(wouldFail.length ? { wouldFail } : {}),
  };
}

/** Zeuthen's offer: its next point of the frontier, or (having nothing left to concede) the best offer made. */
function zeuthenOffer(view: View): Int32Array | null {
  const frontier = agreementFrontier(view.scenario);
  const step = frontier && zeuthenStep(view, frontier);
  if (!step) return null;
  return step.next ? Int32Array.from(step.next.pkg) : (step.theirs[0] ?? null);
}

export function propose(view: View, rng: Rng): Proposal | WalkOut {
  const { scenario, self, text } = view;
  const actor = scenario.actors[self]!;
  const best = bestFor(scenario, self, text);
  const out = walkOut(view, best);
  if (out || !best)
    return out ?? { type: 'walk-out', utility: 0, aspiration: actor.reservation.value, best: null };
  const aspiration = aspirationOf(view, rng, ceilingOf(view, best));
  let pkg: Int32Array | null = null;
  if (effectiveKind(view) === 'zeuthen') pkg = zeuthenOffer(view);
  pkg ??= tradeOff(scenario, self, aspiration, text)?.pkg ?? null;
  // the invariant, whatever a search returned: never propose across its own red lines
  if (!pkg || !keepsAll(actor.redLines, pkg)) pkg = best.pkg;
  if (view.anticipate) {
    const clearing = proposalClearingHurdles(scenario, self, pkg, aspiration, text, best);
    // nothing it could table clears its own hurdles: it has nothing to offer that it would sign, and leaves
    if (!clearing)
      return {
        type: 'walk-out',
        utility: utility(actor, scenario.offsets, text),
        aspiration: actor.reservation.value,
        best: best.utility,
        wouldFail: failedHurdles(scenario, self, best.pkg),
      };
    pkg = clearing;
  }
  return { type: 'propose', pkg: Array.from(pkg), aspiration };
}
