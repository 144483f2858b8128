// CSV for spreadsheets, pandas and R: RFC 4180 with LF line ends, a header row, UTF-8 without a byte-order mark.
// Numbers are printed as JavaScript prints them (the shortest text that reads back as the same double), so a
// cell equals the number in the --json output and the same inputs give the same bytes.
import { PeacesimError } from '../domain/errors.ts';

export type Cell = string | number | boolean | null | undefined;

/** One field: quoted when it holds a comma, a quote, CR or LF (quotes doubled); null and non-finite are empty. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function line(cells: readonly Cell[]): string {
  // a record of one empty field would be an empty line, which readers skip: quote it
  if (cells.length === 1 && csvCell(cells[0]) === '') return '""';
  return cells.map(csvCell).join(',');
}

/** The whole file: header, then one line per row, each ending in LF. Every row has the header's width. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const seen = new Set<string>();
  for (const h of header) {
    // a repeated name would make columns ambiguous in every reader (an actor or issue id equal to a fixed name)
    if (seen.has(h))
      throw new PeacesimError(
        `cannot write CSV: column "${h}" would appear twice (an id equals a column name)`,
      );
    seen.add(h);
  }
  const out = [line(header)];
  for (const r of rows) {
    if (r.length !== header.length)
      throw new Error(`CSV row of ${r.length} cells under a header of ${header.length}`);
    out.push(line(r));
  }
  return `${out.join('\n')}\n`;
}

/** Several ids in one cell. */
export const joinIds = (ids: readonly string[]): string => ids.join(';');
