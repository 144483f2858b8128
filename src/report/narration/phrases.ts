// Words the narration says in more than one place or voice, written once.

import type { InjectOrigin } from '../../engine/events.ts';
import { fixed, n3 } from '../format.ts';
import { listing, possessive } from '../words.ts';

/** The mark of an actor a person plays, in the run and the report. */
export const PERSON = ' (played by a person)';

const ORIGIN: Readonly<Record<InjectOrigin, string>> = {
  facilitator: 'by the facilitator',
  analyst: 'by the analyst, on the command line',
};

/**
 * Who fired a manual inject, as its input records it: "by the facilitator" (the play screen), "by the analyst, on
 * the command line" (`run --inject`). A session saved before inputs recorded it names no one.
 */
export const injectedBy = (by: InjectOrigin | undefined): string =>
  by ? ORIGIN[by] : 'by hand — the session file does not say by whom';

/** utilities this close are equal: sums of floats differ in the last bits */
export const EPS = 1e-12;

export const plural = (k: number, word: string): string => `${word}${k === 1 ? '' : 's'}`;

/** "the 0.700 it holds out for" (`digits`: as many as the sentence's comparisons need; format.ts digitsApart) */
export const holdsOutFor = (aspiration: number, digits = 3): string =>
  `the ${fixed(aspiration, digits)} it holds out for`;

/** "(it holds out for 0.700)" */
export const holdingOut = (aspiration: number): string => ` (it holds out for ${n3(aspiration)})`;

/**
 * Why the mediator moved a term one step an actor's way: the text left that actor below no deal, and the term cost
 * it this much. `cost` null: the public view, which keeps both numbers to the actor.
 */
export function stepTowards(who: string, cost: number | null): string {
  if (cost === null) return `a step ${possessive(who)} way`;
  return `a step ${possessive(who)} way, which the text left below no deal (this term cost it ${n3(cost)})`;
}

export const lastRound = (round: number): string =>
  `round ${round} was the last and no text won every required consent.`;

/** Each move of "Values of no deal drift: Russia 0.400 → 0.380 [reading], …": "Russia 0.400 → 0.380". */
export function driftMoves(
  changes: readonly { readonly actor: string; readonly from: number; readonly to: number }[],
  name: (id: string) => string,
): string[] {
  return changes.map((c) => `${name(c.actor)} ${n3(c.from)} → ${n3(c.to)}`);
}

/**
 * The engine's ratification — a re-check of consent at the table before signing — as its label and the rest
 * ("Ratification at the table fails", ": Russia no longer accepts …"). "At the table": a scenario's hurdle (a
 * referendum, a parliament) is ratification at home, and the outcome speaks of it apart.
 */
export function ratificationWords(
  ratified: boolean,
  failing: readonly string[],
  name: (id: string) => string,
): { readonly label: string; readonly rest: string } {
  if (ratified)
    return {
      label: 'Ratified at the table',
      rest: ': under the values of no deal and red lines as they stand now, every required actor still accepts.',
    };
  const who = failing.length
    ? `${listing(failing.map(name))} no longer accept${failing.length > 1 ? '' : 's'}`
    : 'a rule is broken';
  return {
    label: 'Ratification at the table fails',
    rest: `: ${who} under the values of no deal and red lines as they stand now.`,
  };
}

/** A value of no deal that moved, without the numbers: a higher one hardens a position, a lower one softens it. */
export function publicShift(who: string, from: number, to: number): string {
  if (Math.abs(to - from) < EPS) return `${possessive(who)} value of no deal is unchanged`;
  return to > from
    ? `${possessive(who)} value of no deal rises: its position hardens`
    : `${possessive(who)} value of no deal falls: its position softens`;
}

/**
 * A goodwill gesture and what it did, without numbers (it moves no value anyone keeps private). `short`: the play
 * screen's line (src/ui's to word).
 */
export function goodwillWords(who: string, renewed: boolean, forgiven: boolean, short = false): string {
  const patience = short ? "the mediator's patience renewed" : "the mediator's patience is renewed";
  const blame = short ? 'one round of blame forgiven' : 'one round of blame is forgiven';
  const did = [...(renewed ? [patience] : []), ...(forgiven ? [blame] : [])];
  // the effect is the model's category, not a finding: whether a move was goodwill is often what the sides dispute
  const head = short
    ? `${possessive(who)} gesture, counted as goodwill`
    : `${possessive(who)} gesture, which the model counts as goodwill`;
  if (did.length) return `${head}: ${did.join('; ')}`;
  return `${head}: it concedes nothing on the table${short ? '' : ', and there is no patience to renew and no blame to forgive'}`;
}
