// How a basis is marked where people read: readings and assumptions say so, a stated item needs no mark.
import type { BasisKind } from './types.ts';

/** "[reading]", "[assumption]", or "" for a stated item. */
export function basisMark(basis: BasisKind): string {
  return basis === 'stated' ? '' : `[${basis}]`;
}

/** The text followed by its mark, when it has one: "No foreign troops. [reading]". */
export function withBasis(text: string, basis: BasisKind): string {
  const mark = basisMark(basis);
  return mark ? `${text} ${mark}` : text;
}

/** The legend of the marks, for outputs that print them. */
export const BASIS_LEGEND =
  '[reading] an inference from sources · [assumption] the modeller’s · unmarked: stated';
