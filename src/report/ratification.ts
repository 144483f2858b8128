// A ratification hurdle in plain words, shared by analyze, whatif, run and the reports. Whether a body approves is
// the scenario's threshold applied to the actor's utility: every wording says it is the model's assumption and
// none reads as a forecast of the vote.

import { withBasis } from '../domain/basis.ts';
import type { BasisKind, Scenario } from '../domain/types.ts';
import { belowPair } from './comparison-figures.ts';
import { n3 } from './format.ts';
import { actorName, listing } from './words.ts';

export const RATIFICATION_CAVEAT =
  "whether the body approves is the scenario's threshold applied to the actor's utility: the model's assumption, not a forecast of the vote";

/** What the words need of one hurdle a text meets (the domain's HurdleCheck fits). */
export interface HurdleLike {
  readonly actor: string;
  readonly label: string;
  readonly basis: BasisKind;
  readonly utility: number;
  readonly threshold: number;
  readonly thresholdBasis: BasisKind;
  readonly clears: boolean;
}

export interface RatificationLike {
  readonly clears: boolean;
  readonly hurdles: readonly HurdleLike[];
}

/** "a referendum in Ukraine [reading]" — the bodies a text goes to, each with the basis of the hurdle. */
export function bodies(r: RatificationLike): string {
  return listing(r.hurdles.map((h) => withBasis(h.label, h.basis)));
}

/**
 * "a referendum in Ukraine: worth 0.555 to Ukraine, below the 0.600 its approval needs [assumption] — it falls
 * short". True of the numbers: `clears` is utility ≥ threshold.
 */
export function hurdleSentence(s: Scenario, h: HurdleLike): string {
  const who = actorName(s, h.actor);
  // below the threshold by less than the last printed decimal: more decimals, so the figures say what the words do
  const [worth, threshold] = h.clears ? [n3(h.utility), n3(h.threshold)] : belowPair(h.utility, h.threshold);
  const needs = withBasis(`the ${threshold} its approval needs`, h.thresholdBasis);
  return h.clears
    ? `${h.label}: worth ${worth} to ${who}, at or above ${needs} — it clears the hurdle`
    : `${h.label}: worth ${worth} to ${who}, below ${needs} — it falls short`;
}
