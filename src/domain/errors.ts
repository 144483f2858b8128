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

/** " (did you mean "x"?)" when a valid id is close to the wrong one. */
export function didYouMean(wrong: string, valid: readonly string[]): string {
  if (valid.length === 0) return '';
  const near = closest(wrong, [...valid]);
  const limit = Math.max(2, Math.floor(wrong.length / 3));
  return distance(wrong, near) <= limit ? ` (did you mean "${near}"?)` : '';
}

export class UnknownIdError extends PeacesimError {
  override name = 'UnknownIdError';
  constructor(what: string, id: string, valid: readonly string[], where = '') {
    const list =
      valid.length > 12 ? `${valid.slice(0, 12).join(', ')}, … (${valid.length} in all)` : valid.join(', ');
    super(`${where}unknown ${what} ${quote(id)}${didYouMean(id, valid)}; valid ${what}s: ${list}`, 1);
  }
}
