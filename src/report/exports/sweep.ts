// What `peacesim sweep` exports: the summary (one row per document × actor) and every draw (docs/export.md).
import type { SweepResult, SweepSample } from '../../analysis/sweep.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';

/** The tables `--csv` offers, the first the default. */
export const SWEEP_CSV = ['summary', 'draws'] as const;
export const DRAW_COLUMNS = ['sample', 'document', 'actor', 'utility', 'reservation', 'accepts'];

/** One draw of one actor's verdict on one document: a row under DRAW_COLUMNS. */
export function drawRow(s: SweepSample): Cell[] {
  return [s.sample, s.document, s.actor, s.utility, s.reservation, s.accepts];
}

/** One row per document × actor: how often it accepts, and the spread of its utility. */
export function sweepSummaryCsv(result: SweepResult): string {
  return toCsv(
    [
      'document',
      'agreement_rate',
      'actor',
      'accept_rate',
      'mean_utility',
      'min_utility',
      'max_utility',
      'red_lines',
    ],
    result.documents.flatMap((d) =>
      d.actors.map((a) => [
        d.id,
        d.agreementRate,
        a.actor,
        a.acceptRate,
        a.meanUtility,
        a.minUtility,
        a.maxUtility,
        joinIds(a.redLinesBroken),
      ]),
    ),
  );
}
