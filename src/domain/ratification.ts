// Ratification hurdles (a two-level game, Putnam 1988): a signed text that meets a hurdle's condition takes effect
// only if the actor's domestic body approves it, and the body approves a text worth at least the hurdle's threshold
// to the actor. The threshold is the scenario's assumption, so a verdict here is arithmetic, never a forecast.
import { holds } from './condition.ts';
import type { BasisKind, Package, Ratification, Scenario } from './types.ts';
import { utility } from './utility.ts';

/** Acceptance and ratification compare utilities with the same tolerance. */
const TOL = 1e-12;

/** One hurdle a text meets, and whether the text clears it. */
export interface HurdleCheck {
  readonly id: string;
  /** the actor whose body ratifies */
  readonly actor: string;
  readonly label: string;
  readonly text: string;
  /** what the hurdle (that such a text goes to this body) rests on */
  readonly basis: BasisKind;
  readonly sources: readonly string[];
  /** the actor's utility for the text */
  readonly utility: number;
  /** the utility the body's approval needs */
  readonly threshold: number;
  /** what the threshold rests on */
  readonly thresholdBasis: BasisKind;
  /** utility − threshold */
  readonly margin: number;
  /** utility ≥ threshold: the body approves, by the scenario's numbers */
  readonly clears: boolean;
}

/** The hurdles a text meets; null when it meets none (it takes effect when signed). */
export interface RatificationCheck {
  /** every hurdle it meets is cleared */
  readonly clears: boolean;
  /** the hurdles it meets, in scenario order */
  readonly hurdles: readonly HurdleCheck[];
}

/** Does the text meet the hurdle's condition (is it signed subject to this ratification)? */
function needsRatification(r: Ratification, pkg: Package): boolean {
  return holds(r.condition, pkg);
}

function hurdleCheck(scenario: Scenario, r: Ratification, pkg: Package): HurdleCheck {
  const actor = scenario.actors[r.actor]!;
  const u = utility(actor, scenario.offsets, pkg);
  const threshold = r.threshold.value;
  return {
    id: r.id,
    actor: actor.id,
    label: r.label,
    text: r.text,
    basis: r.basis,
    sources: r.sources,
    utility: u,
    threshold,
    thresholdBasis: r.threshold.basis,
    margin: u - threshold,
    clears: u >= threshold - TOL,
  };
}

/**
 * The ratification a text would go through under the scenario's positions (the caller passes the scenario as the
 * text is judged: dated, or drawn); null when the text meets no hurdle's condition.
 */
export function ratificationOf(scenario: Scenario, pkg: Package): RatificationCheck | null {
  const hurdles = scenario.ratifications
    .filter((r) => needsRatification(r, pkg))
    .map((r) => hurdleCheck(scenario, r, pkg));
  if (hurdles.length === 0) return null;
  return { clears: hurdles.every((h) => h.clears), hurdles };
}

/**
 * The hurdles of actor `self` that `pkg` meets and would not clear, in scenario order: under the modeller's
 * hypothesis that negotiators anticipate ratification (agents/anticipate.ts), the actor's body would vote the text
 * down, so the actor rejects it. The one test of that, for the agents, the engine and the analyses alike.
 */
export function failedHurdles(scenario: Scenario, self: number, pkg: Package): HurdleCheck[] {
  if (!scenario.ratifications.some((r) => r.actor === self)) return [];
  const check = ratificationOf(scenario, pkg);
  const id = scenario.actors[self]!.id;
  return check ? check.hurdles.filter((h) => h.actor === id && !h.clears) : [];
}
