// What `peacesim sweep` exports: the summary (one row per document × actor) and every draw (docs/export.md).
import { termVariants } from '../../analysis/contested.ts';
import type { SweepResult, SweepSample } from '../../analysis/sweep.ts';
import type { Scenario } from '../../domain/types.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';
import { judgedOn } from '../judged-on.ts';
import { markedLine, type NamedBeforeRecord, sweepBeforeRecord } from '../named-before-record.ts';
import { drawnBasisCells, drawnBasisColumns } from './basis.ts';

/** The tables `--csv` offers, the first the default. */
export const SWEEP_CSV = ['summary', 'draws'] as const;

/**
 * The result as `--json` prints it: a red line an actor's row names that is applied before its earliest source on
 * `asOf` carries `appliedBeforeRecord`, with the reason's number the text cites.
 */
export function sweepJson(s: Scenario, result: SweepResult) {
  const marks = sweepBeforeRecord(s, result);
  return {
    ...result,
    documents: result.documents.map((d) => ({
      ...d,
      // what the shares judge: the issues the scenario models, the terms the text has (the text's line under it)
      judgedOn: judgedOn(s, s.documents.find((x) => x.id === d.id)!),
      // the shares read the text as tabled: each recorded variant of its terms, named (not read)
      contested: termVariants(s, s.documents.find((x) => x.id === d.id)!),
      actors: d.actors.map((a) => ({
        ...a,
        violations: a.violations.map((v) => markedLine(marks, a.actor, v)),
      })),
    })),
  };
}

/** Of the red lines an actor's row names, those applied before their earliest source (ids, in that order). */
const earlyIds = (marks: NamedBeforeRecord, actor: string, ids: readonly string[]) =>
  joinIds(ids.filter((id) => marks.of(actor, id)));

/**
 * One row per document × actor: how often it accepts, the spread of its utility, what that rests on, and which of
 * the red lines it breaks are applied before their earliest source (as the text and --json mark them). When
 * negotiators anticipate ratification, a last column gives how often its body would vote the text down.
 */
export function sweepSummaryCsv(s: Scenario, result: SweepResult): string {
  const anticipate = result.anticipateRatification === true;
  const marks = sweepBeforeRecord(s, result);
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
      'red_lines_before_record',
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
        earlyIds(marks, a.actor, a.redLinesBroken),
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
export function sweepDrawsCsv(s: Scenario, result: SweepResult, samples: readonly SweepSample[]): string {
  const anticipate = result.anticipateRatification === true;
  const marks = sweepBeforeRecord(s, result);
  const fixed = new Map<string, Map<string, Cell[]>>(
    result.documents.map((d) => [
      d.id,
      new Map(
        d.actors.map((a) => [
          a.actor,
          [
            joinIds(a.redLinesBroken),
            ...drawnBasisCells(result.asOf, a, a.violations),
            earlyIds(marks, a.actor, a.redLinesBroken),
          ],
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
      'red_lines_before_record',
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
