// Numbers beside a comparison the text states — "utility 0.425 < reservation 0.450", a margin's sign — printed
// with as many decimals as the comparison needs to be true of the printed figures: to three places a utility of
// 0.4996 against a reservation of 0.5 reads "0.500 < 0.500", and its margin of −0.0004 reads "+0.000" beside
// "rejects". Every other figure keeps its usual decimals.
import { fixed, signed } from './format.ts';

/** How far below its reservation a utility may be and still meet it: the accept rule's (domain/evaluate.ts). */
const TOLERANCE = 1e-12;
const MOST_DIGITS = 15;

/** `a` and `b`, when `a` is below `b`: `digits` decimals, or more when those print them equal. */
export function belowPair(a: number, b: number, digits = 3): readonly [string, string] {
  let d = digits;
  while (d < MOST_DIGITS && a < b - TOLERANCE && fixed(a, d) === fixed(b, d)) d++;
  return [fixed(a, d), fixed(b, d)];
}

/** A margin, always signed: one that fails the reservation keeps its minus, with more decimals if it needs them. */
export function marginText(margin: number, digits = 3): string {
  let d = digits;
  while (d < MOST_DIGITS && margin < -TOLERANCE && signed(margin, d).startsWith('+')) d++;
  return signed(margin, d);
}
