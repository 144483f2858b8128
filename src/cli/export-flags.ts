// The export flags every command shares, checked the same way everywhere: `--csv [table]` against the tables a
// command offers, and `--csv`, `--json` and `--out` together. Usage errors (exit 2) that name the flag.
import { didYouMean, PeacesimError } from '../domain/errors.ts';

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
