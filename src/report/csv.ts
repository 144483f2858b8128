// CSV for spreadsheets, pandas and R: RFC 4180 with LF line ends, a header row, UTF-8 without a byte-order mark.
// Numbers are printed as JavaScript prints them (the shortest text that reads back as the same double), so a
// cell equals the number in the --json output and the same inputs give the same bytes.
import { didYouMean, PeacesimError } from '../domain/errors.ts';

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

/** The value of `--csv`, checked against the exports a command offers (exit 2 with a suggestion otherwise). */
export function csvKind<K extends string>(value: string, kinds: readonly K[], hint = ''): K {
  if ((kinds as readonly string[]).includes(value)) return value as K;
  throw new PeacesimError(
    `--csv: unknown export "${value}"${didYouMean(value, kinds)}; choose ${kinds.join(', ')}${hint}`,
    2,
  );
}

/**
 * An optional-value `--csv [table]`: undefined when absent, the first of `kinds` (the default table) when given
 * bare, else the named table (checked as csvKind does).
 */
export function optionalCsvKind<K extends string>(
  value: string | true | undefined,
  kinds: readonly [K, ...K[]],
  hint = '',
): K | undefined {
  if (value === undefined) return undefined;
  return value === true ? kinds[0] : csvKind(value, kinds, hint);
}

/** `--csv` and `--json` exclude each other; `--out` needs one of them (it writes that output, not the text). */
export function checkExportFlags(opts: { csv?: unknown; json?: boolean; out?: string }): void {
  if (opts.csv !== undefined && opts.csv !== false && opts.json)
    throw new PeacesimError('--csv and --json cannot be used together: choose one', 2);
  if (opts.out !== undefined && (opts.csv === undefined || opts.csv === false) && !opts.json)
    throw new PeacesimError('--out writes the --csv or --json output: add one of them', 2);
}
