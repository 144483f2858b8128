// Whole numbers typed by a person — a flag's value, a field of the play setup — read by one rule everywhere: an
// optional sign and digits, nothing else ("" is not 0, "1e3" and "0x10" are not numbers), within a range.

/** The seed of a run: what every way in accepts. */
export const SEED_RANGE = [0, 2 ** 31 - 1] as const;
/** The rounds of a run. */
export const ROUNDS_RANGE = [1, 1000] as const;

/** The number `text` writes, or why it is not a whole number from `min` to `max`. */
export function wholeNumber(text: string, min: number, max: number): number | string {
  const t = text.trim();
  const n = Number(t);
  if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(n) || n < min || n > max)
    return `expected a whole number from ${min} to ${max}${t === '' ? ', not nothing' : `, not "${t}"`}`;
  return n;
}
