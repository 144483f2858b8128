// A ratification hurdle in plain words, shared by analyze, whatif, run and the reports. Whether a body approves is
// the scenario's threshold applied to the actor's utility: every wording says it is the model's assumption and
// none reads as a forecast of the vote.

import { actorInSentence, nameInSentence } from '../domain/actor-names.ts';
import { withBasis } from '../domain/basis.ts';
import type { BasisKind, Scenario } from '../domain/types.ts';
import { belowPair } from './comparison-figures.ts';
import { dateWords } from './date-words.ts';
import { n3 } from './format.ts';
import { listing } from './words.ts';

export const RATIFICATION_CAVEAT =
  "whether the body approves is the scenario's threshold applied to the actor's utility: the model's assumption, not a forecast of the vote";

/** What the words need of one hurdle a text meets (the domain's HurdleCheck fits). */
export interface HurdleLike {
  readonly id: string;
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

/**
 * "a referendum in Ukraine [reading]" — the bodies a text goes to, each with the basis of the hurdle; given the
 * scenario, each also says since when it holds (where no sentence per hurdle follows to say it).
 */
export function bodies(r: RatificationLike, s?: Scenario): string {
  return listing(r.hurdles.map((h) => (s ? hurdleName(s, h) : withBasis(h.label, h.basis))));
}

/** Since when a hurdle holds: "in force from 28 Jun 1996"; "in force at every date" when the scenario gives none. */
export function hurdleSince(from: string | null | undefined): string {
  return from ? `in force from ${dateWords(from)}` : 'in force at every date';
}

/**
 * "a referendum in Ukraine (in force from 28 Jun 1996)", with the hurdle's basis: what the hurdle is, since when it
 * holds and on what — the start rests on the hurdle's own sources.
 */
export function hurdleName(s: Scenario, h: Pick<HurdleLike, 'id' | 'label' | 'basis'>): string {
  const stated = s.ratifications.find((r) => r.id === h.id);
  // a hurdle the scenario does not hold (a text judged elsewhere) has no date to give
  return withBasis(stated ? `${h.label} (${hurdleSince(stated.from)})` : h.label, h.basis);
}

/**
 * "a referendum in Ukraine (in force from 28 Jun 1996): worth 0.555 to Ukraine, below the 0.600 its approval needs
 * [assumption] — it falls short". True of the numbers: `clears` is utility ≥ threshold.
 */
export function hurdleSentence(s: Scenario, h: HurdleLike): string {
  const who = actorInSentence(s, h.actor);
  // below the threshold by less than the last printed decimal: more decimals, so the figures say what the words do
  const [worth, threshold] = h.clears ? [n3(h.utility), n3(h.threshold)] : belowPair(h.utility, h.threshold);
  const needs = withBasis(`the ${threshold} its approval needs`, h.thresholdBasis);
  const name = hurdleName(s, h);
  return h.clears
    ? `${name}: worth ${worth} to ${who}, at or above ${needs} — it clears the hurdle`
    : `${name}: worth ${worth} to ${who}, below ${needs} — it falls short`;
}

/**
 * The zone of agreement if negotiators anticipate ratification, in words, from the exact counts of
 * analysis/ratification-zone.ts: "N packages every party accepts …; M of them clear every hurdle they meet".
 */
export function anticipatedZoneWords(
  z: { readonly accepted: number | null; readonly clearing: number | null; readonly notCounted?: string },
  /** one screen line: the counts first, what they mean after */
  short = false,
): string {
  const count = (k: number) => k.toLocaleString('en-US');
  if (z.accepted === null || z.clearing === null)
    return `not counted exactly: ${z.notCounted ?? 'over budget'}`;
  if (z.accepted === 0) return 'no package every party accepts, hurdles or not';
  if (short)
    return `${count(z.clearing)} of the ${count(z.accepted)} packages every party accepts clear every hurdle they meet (the modeller's assumption)`;
  return `${count(z.accepted)} ${z.accepted === 1 ? 'package' : 'packages'} every party accepts (its red lines and the rules kept, worth its value of no deal); ${count(z.clearing)} of them clear every hurdle they meet — the zone of agreement if negotiators anticipate ratification (the modeller's assumption)`;
}

/** The short mark of the run option where a header has one line's room (the play screen, its setup form). */
export const ANTICIPATION_MARK = "negotiators anticipate ratification (the modeller's assumption)";

/**
 * Why an actor rejects a text it would otherwise take, or also rejects it, when negotiators anticipate ratification:
 * "its body would vote the text down, as negotiators anticipate ratification (the modeller's assumption): <each
 * hurdle it fails, by its numbers>". True of the numbers: `failed` holds the hurdles whose threshold the text misses.
 */
export function anticipatedVoteWords(s: Scenario, failed: readonly HurdleLike[]): string {
  return `its body would vote the text down, as ${ANTICIPATION_MARK}: ${failed.map((h) => hurdleSentence(s, h)).join('; ')}`;
}

/**
 * The run option that negotiators anticipate ratification, as every output's header says it: what it does, to
 * whom (every actor the scenario gives a hurdle), and that it is the modeller's assumption. An output that only
 * judges texts says only what the assumption does to a verdict.
 */
export function anticipationWords(
  s: Scenario,
  /** the output judges texts and proposes none (sweep, whatif, concessions): only the rule of the verdicts */
  verdictsOnly = false,
): string {
  const who = listing(
    s.ratifications.map(
      (r) =>
        `${r.label}, which needs the text to be worth ${n3(r.threshold.value)} to ${nameInSentence(s.actors[r.actor]!)}`,
    ),
  );
  const rule = s.ratifications.length
    ? verdictsOnly
      ? `each actor facing a hurdle (${who}) rejects a text that meets the hurdle and would fail it`
      : `each actor facing a hurdle (${who}) rejects, and does not propose, a text that meets the hurdle and would fail it, and the mediator's redraft counts such a text against the actor as a broken red line`
    : 'the scenario states no ratification hurdle, so it changes nothing here';
  return `negotiators anticipate ratification: ${rule} — the modeller's assumption`;
}
