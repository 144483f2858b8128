// `--as-of DATE`: judge every document by the positions in force on one date, and the words that say which date
// an output judges by.
import { InvalidArgumentError } from 'commander';
import { BASIS_LEGEND, basisMark } from '../domain/basis.ts';
import { compareDates, dayOf } from '../domain/dates.ts';
import { epochIdsOn } from '../domain/positions.ts';
import type { BasisKind, Scenario } from '../domain/types.ts';
import { epochLabel } from './labels.ts';

export const AS_OF_HELP =
  "judge every document by the positions in force on this date (YYYY, YYYY-MM or YYYY-MM-DD); default: each document's own date";

/** `--as-of` of the commands that draw (sweep, outcomes): what starts from the date's positions, and the default. */
export function drawnAsOfHelp(what: string): string {
  return `${what} from the positions in force on this date (YYYY, YYYY-MM or YYYY-MM-DD); default: the scenario's date`;
}

/** commander parser: a calendar date, or a usage error naming the flag's format. */
export function parseAsOf(value: string): string {
  if (!dayOf(value))
    throw new InvalidArgumentError(`expected a date YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-04-15.`);
  return value;
}

/** "situation of 2025-12-24 · record ends 2026-02-18" */
export function datesLine(s: Scenario): string {
  return `situation of ${s.date}${s.recordEnds ? ` · record ends ${s.recordEnds}` : ''}`;
}

/** The sentence that says which positions judge the documents. */
export function judgedBy(s: Scenario, asOf: string | undefined): string {
  if (asOf !== undefined)
    return `every document judged by the positions in force on ${asOf}${asOfFlag(s, asOf)}`;
  const dated = s.actors.some((a) => a.epochs.length > 0);
  return dated
    ? `each document judged by the positions in force on its own date; anything undated by those of ${s.date}`
    : `every document judged by the positions of ${s.date} (the scenario states no earlier positions)`;
}

/**
 * The words that say which positions judge one document, for the commands that judge one (whatif, concessions):
 * "judged by the positions in force on its own date, 2022-03-29: East: Before …", or "… on 2025-06-01 (--as-of)".
 */
export function documentJudgedBy(s: Scenario, documentDate: string, asOf: string): string {
  const by = asOf === documentDate ? `its own date, ${asOf}` : `${asOf}${asOfFlag(s, asOf)}`;
  const epochs = epochIdsOn(s, asOf).map((id) => epochLabel(s, id));
  return `judged by the positions in force on ${by}${epochs.length ? `: ${epochs.join('; ')}` : ''}`;
}

/**
 * " (--as-of)", or " (--as-of; after the scenario's date, 2026-02-18)" for a date outside what the scenario dates:
 * such a date is taken as analyze takes it (the epochs in force on it apply), and the words say it lies outside.
 */
function asOfFlag(s: Scenario, asOf: string): string {
  if (compareDates(asOf, s.date) > 0) return ` (--as-of; after the scenario's date, ${s.date})`;
  const first = s.documents.map((d) => d.date).sort(compareDates)[0];
  if (first !== undefined && compareDates(asOf, first) < 0)
    return ` (--as-of; before the scenario's first document, of ${first})`;
  return ' (--as-of)';
}

/**
 * The sentence that says which positions judge the documents of a sweep: those of the --as-of date, or the
 * scenario's own (its top-level positions) — from which every sample is drawn; never a document's own date, as
 * `analyze` and the explorer judge it.
 */
export function sweptBy(s: Scenario, asOf: string | undefined): string {
  if (asOf !== undefined)
    return `every document judged by the positions in force on ${asOf}${asOfFlag(s, asOf)}, every sample drawn from them`;
  const dated = s.actors.some((a) => a.epochs.length > 0);
  return dated
    ? `every document judged by the positions of ${s.date} (the scenario's date), not by those of its own date as analyze judges it`
    : `every document judged by the positions of ${s.date}`;
}

/** The sentence that says which positions the runs of `outcomes` start from, or null for the scenario's undated own. */
export function startedFrom(s: Scenario, asOf: string | undefined): string | null {
  if (asOf !== undefined)
    return `every run starts from the positions in force on ${asOf}${asOfFlag(s, asOf)}`;
  return s.actors.some((a) => a.epochs.length > 0)
    ? `every run starts from the positions of ${s.date} (the scenario's date)`
    : null;
}

/** The legend of the marks (domain/basis.ts), kept here for the commands that print it with the dates line. */
export { BASIS_LEGEND };

/** " [reading]" or " [assumption]", or "" for a stated item: to append to a text. */
export function mark(basis: BasisKind): string {
  const m = basisMark(basis);
  return m ? ` ${m}` : '';
}
