// How a basis is marked where people read: readings and assumptions say so, a stated item needs no mark.
import type { BasisKind } from './types.ts';

/** "[reading]", "[assumption]", or "" for a stated item. */
export function basisMark(basis: BasisKind): string {
  return basis === 'stated' ? '' : `[${basis}]`;
}
