// What `peacesim concessions` exports: the minimal sets of changes (or the closest misses) as JSON and as one CSV
// row per set (docs/export.md).
import type { ConcessionSet, ConcessionsResult, NearMiss } from '../../analysis/concessions-types.ts';
import { evaluatePackage, scenarioReservations, type Verdict } from '../../domain/evaluate.ts';
import type { NegotiationDocument, Scenario } from '../../domain/types.ts';
import { movesAny } from '../contested-terms.ts';
import { joinIds, toCsv } from '../csv.ts';
import {
  concessionsBeforeRecord,
  concessionsRejections,
  markedLine,
  type NamedBeforeRecord,
} from '../named-before-record.ts';
import { changeJson, changesCells } from './whatif.ts';

/** One set of changes as JSON: ids and values, the Nash product, every actor's utility and margin. */
function setJson(s: Scenario, doc: NegotiationDocument, x: ConcessionSet) {
  const res = scenarioReservations(s);
  return {
    changes: x.changes.map((c) => changeJson(s, c, doc)),
    nashProduct: x.nash,
    tablerLoss: x.tablerLoss,
    required: x.required.map((a) => s.actors[a]!.id),
    utilities: Object.fromEntries(s.actors.map((a) => [a.id, x.utilities[a.index]!])),
    margins: Object.fromEntries(s.actors.map((a) => [a.id, x.utilities[a.index]! - res[a.index]!])),
    // each contested term the set leaves, read so against the changed text (a term it changes is settled)
    contested: x.contested,
  };
}

/**
 * The required actors that reject a text, each with what the text gives as its reason: the red lines it breaks
 * (marked as the text marks them), its utility against its value of no deal with the costliest issues, and the
 * hurdles its body would vote the text down on when negotiators anticipate ratification.
 */
const rejectionsJson = (marks: NamedBeforeRecord, verdicts: readonly Verdict[]) =>
  verdicts.map((v) => ({
    actor: v.actor,
    redLines: v.violations.map((x) => markedLine(marks, v.actor, x)),
    utility: v.utility,
    reservation: v.reservation,
    reservationBasis: v.reservationBasis,
    costs: v.costs,
    ...(v.wouldFail ? { wouldFail: v.wouldFail } : {}),
  }));

/**
 * The result as `--json` prints it: ids, each set's changes, utilities and margins, the closest misses; the red
 * lines of the actors that reject the document as tabled and each closest set, a red line applied before its
 * earliest source on `asOf` carrying `appliedBeforeRecord`, with the reason's number the text cites.
 */
export function concessionsJson(s: Scenario, r: ConcessionsResult) {
  const rejections = concessionsRejections(s, r);
  const marks = concessionsBeforeRecord(s, rejections, r.asOf);
  return {
    scenario: s.id,
    document: r.document.id,
    date: r.document.date,
    // false when the record does not settle the text as a whole
    documentConfirmed: r.document.confirmed,
    asOf: r.asOf,
    tabledBy: s.actors[r.document.tabledBy]!.id,
    max: r.max,
    rank: r.rank,
    // the modeller's assumption that negotiators anticipate ratification: present only when on
    ...(r.anticipate ? { anticipateRatification: true } : {}),
    alreadyAgreement: r.alreadyAgreement,
    // the document's contested terms as tabled: each recorded variant read so, and what it moves
    contested: r.contested,
    rejectingAsTabled: rejectionsJson(marks, rejections.asTabled),
    // the scenario's rules the document breaks as tabled: the text's "a rule is broken"
    rulesBrokenAsTabled: evaluatePackage(s, r.document.package, undefined, r.anticipate).ruleViolations,
    size: r.size,
    count: r.count,
    solutions: r.solutions.map((x) => setJson(s, r.document, x)),
    closest: r.closest.map((x: NearMiss, k) => ({
      ...setJson(s, r.document, x),
      blockers: x.blockers,
      rejecting: x.rejecting.map((a) => s.actors[a]!.id),
      rejections: rejectionsJson(marks, rejections.closest[k] ?? []),
      rulesBroken: x.rulesBroken,
      minMargin: x.minMargin,
      // anticipating ratification: the hurdles of required actors the text would fail, each by its numbers
      ...(r.anticipate ? { wouldFail: x.wouldFail } : {}),
    })),
    stats: r.stats,
  };
}

/**
 * One row per set: the minimal sets best first (`kind` solution) or, when none works, the closest (`kind`
 * closest). Changes read `issue=from→to`, ids or numbers, joined by `;`, and what the document's term on each rests
 * on as --json says it (changesCells). When negotiators anticipate ratification,
 * a last column names the hurdles of required actors a closest set would fail.
 */
export function concessionsCsv(s: Scenario, r: ConcessionsResult): string {
  const actors = s.actors.map((a) => a.id);
  const res = scenarioReservations(s);
  const rejections = concessionsRejections(s, r);
  const marks = concessionsBeforeRecord(s, rejections, r.asOf);
  // the red lines a closest set still breaks that are applied before their earliest source: actor/red-line ids
  const early = (k: number) =>
    joinIds(
      (rejections.closest[k] ?? []).flatMap((v) =>
        v.violations.filter((x) => marks.of(v.actor, x.redLine)).map((x) => `${v.actor}/${x.redLine}`),
      ),
    );
  const row = (kind: string, rank: number, x: ConcessionSet, miss?: NearMiss) => {
    const [changes, fromConfirmed, fromRecall] = changesCells(s, x.changes, r.document);
    return [
      kind,
      rank,
      x.changes.length,
      changes,
      x.nash,
      x.tablerLoss,
      joinIds(x.required.map((a) => s.actors[a]!.id)),
      ...s.actors.map((a) => x.utilities[a.index]!),
      ...s.actors.map((a) => x.utilities[a.index]! - res[a.index]!),
      miss?.blockers,
      miss && joinIds(miss.rejecting.map((a) => s.actors[a]!.id)),
      miss && joinIds(miss.rulesBroken),
      miss?.minMargin,
      miss && early(rank - 1),
      joinIds(x.contested.filter(movesAny).map((c) => c.issue)),
      r.document.confirmed,
      fromConfirmed,
      fromRecall,
      ...(r.anticipate ? [miss && joinIds(miss.wouldFail.map((h) => h.id))] : []),
    ];
  };
  return toCsv(
    [
      'kind',
      'rank',
      'size',
      'changes',
      'nash_product',
      'tabler_loss',
      'required',
      ...actors.map((a) => `u_${a}`),
      ...actors.map((a) => `margin_${a}`),
      'blockers',
      'rejecting',
      'rules_broken',
      'min_margin',
      'red_lines_before_record',
      'contested_moves',
      'document_confirmed',
      'from_confirmed',
      'from_recall',
      ...(r.anticipate ? ['would_fail'] : []),
    ],
    [
      ...r.solutions.map((x, k) => row('solution', k + 1, x)),
      ...r.closest.map((x, k) => row('closest', k + 1, x, x)),
    ],
  );
}
