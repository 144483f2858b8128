// The columns that say what a CSV row rests on, named and filled alike in every export (docs/export.md): the date
// whose positions judge, the basis of the reservation, of each red line listed, and of the drawn numbers.
import type { DrawBasis } from '../../analysis/sweep.ts';
import type { BasisKind } from '../../domain/types.ts';
import { type Cell, joinIds } from '../csv.ts';

type Based = { readonly basis: BasisKind };

/** The basis of each red line listed, in the list's order, as one cell: "stated;reading". */
export function redLinesBasis(redLines: readonly Based[]): string {
  return joinIds(redLines.map((x) => x.basis));
}

/** `as_of`, `reservation_basis` and the basis of the row's red-line column (`redLines` names it). */
export function verdictBasisColumns(redLines = 'red_lines'): string[] {
  return ['as_of', 'reservation_basis', `${redLines}_basis`];
}

/** The cells under verdictBasisColumns. */
export function verdictBasisCells(
  asOf: string,
  reservationBasis: BasisKind,
  redLines: readonly Based[],
): Cell[] {
  return [asOf, reservationBasis, redLinesBasis(redLines)];
}

/** verdictBasisColumns, then `ranges_basis`: what the drawn numbers of a sweep or an outcome run rest on. */
export function drawnBasisColumns(redLines = 'red_lines'): string[] {
  return [...verdictBasisColumns(redLines), 'ranges_basis'];
}

/** The cells under drawnBasisColumns; without an actor (`b` null), the date alone. */
export function drawnBasisCells(asOf: string, b: DrawBasis | null, redLines: readonly Based[]): Cell[] {
  return b
    ? [...verdictBasisCells(asOf, b.reservationBasis, redLines), b.rangesBasis]
    : [asOf, null, null, null];
}
