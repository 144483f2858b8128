// What `peacesim sweep` exports: the summary (one row per document × actor) and every draw (docs/export.md).
import type { SweepResult, SweepSample } from '../../analysis/sweep.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';
import { drawnBasisCells, drawnBasisColumns } from './basis.ts';

/** The tables `--csv` offers, the first the default. */
export const SWEEP_CSV = ['summary', 'draws'] as const;

/**
 * One row per document × actor: how often it accepts, the spread of its utility, and what that rests on. When
 * negotiators anticipate ratification, a last column gives how often its body would vote the text down.
 */
export function sweepSummaryCsv(result: SweepResult): string {
  const anticipate = result.anticipateRatification === true;
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
      ...drawnBasisColumns(),
      ...(anticipate ? ['would_fail_rate'] : []),
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
        ...drawnBasisCells(result.asOf, a, a.violations),
        ...(anticipate ? [a.wouldFailRate ?? 0] : []),
      ]),
    ),
  );
}

/**
 * One row per draw × document × actor. What a row rests on does not change from draw to draw: it is the summary's
 * document × actor, so its cells are made once per pair and repeated. When negotiators anticipate ratification, a
 * last column names the actor's hurdles the text fails in the draw.
 */
export function sweepDrawsCsv(result: SweepResult, samples: readonly SweepSample[]): string {
  const anticipate = result.anticipateRatification === true;
  const fixed = new Map<string, Map<string, Cell[]>>(
    result.documents.map((d) => [
      d.id,
      new Map(
        d.actors.map((a) => [
          a.actor,
          [joinIds(a.redLinesBroken), ...drawnBasisCells(result.asOf, a, a.violations)],
        ]),
      ),
    ]),
  );
  return toCsv(
    [
      'sample',
      'document',
      'actor',
      'utility',
      'reservation',
      'accepts',
      'red_lines',
      ...drawnBasisColumns(),
      ...(anticipate ? ['would_fail'] : []),
    ],
    samples.map((s) => [
      s.sample,
      s.document,
      s.actor,
      s.utility,
      s.reservation,
      s.accepts,
      ...fixed.get(s.document)!.get(s.actor)!,
      ...(anticipate ? [joinIds(s.wouldFail ?? [])] : []),
    ]),
  );
}
