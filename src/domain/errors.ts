// Errors a user can cause. The CLI prints `message` on one line and exits with `exitCode`; never a stack trace.
import { closest, distance } from 'fastest-levenshtein';
import { quote } from './text.ts';

export class PeacesimError extends Error {
  override name = 'PeacesimError';
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * " (did you mean "x"?)" when a valid id is close to the wrong one: a few letters off, or the start of one
 * ("us-28-point" for "us-28-point-plan") when only one begins so.
 */
export function didYouMean(wrong: string, valid: readonly string[]): string {
  if (valid.length === 0 || wrong === '') return '';
  const starting = valid.filter((v) => v.startsWith(wrong));
  if (starting.length === 1) return ` (did you mean "${starting[0]}"?)`;
  const near = closest(wrong, [...valid]);
  const limit = Math.max(2, Math.floor(wrong.length / 3));
  return distance(wrong, near) <= limit ? ` (did you mean "${near}"?)` : '';
}

/** "strategy" → "strategies", "document" → "documents". */
function plural(word: string): string {
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

export class UnknownIdError extends PeacesimError {
  override name = 'UnknownIdError';
  constructor(what: string, id: string, valid: readonly string[], where = '') {
    // every valid id: a list cut short hides the one the user wanted
    const list = valid.length
      ? `valid ${plural(what)}: ${valid.join(', ')}`
      : `there are no ${plural(what)} here`;
    super(`${where}unknown ${what} ${quote(id)}${didYouMean(id, valid)}; ${list}`, 1);
  }
}
