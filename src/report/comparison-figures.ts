// Numbers beside a comparison the text states — "utility 0.425 < reservation 0.450" — printed with as many
// decimals as the comparison needs to be true of the printed figures: to three places a utility of 0.4996 against
// a reservation of 0.5 reads "0.500 < 0.500". Every other figure keeps its usual decimals. (A margin's sign is
// `signed`'s own: a margin below zero never reads "+0.000".)
import { digitsApart, fixed } from './format.ts';

/** `a` and `b`, when `a` is below `b`: `digits` decimals, or more when those print them equal. */
export function belowPair(a: number, b: number, digits = 3): readonly [string, string] {
  const d = a < b ? digitsApart([[a, b]], digits) : digits;
  return [fixed(a, d), fixed(b, d)];
}
