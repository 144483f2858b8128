// What `peacesim whatif` exports: the result as JSON and one CSV row per actor (docs/export.md).
import { optionValue, type WhatIfResult } from '../../analysis/whatif.ts';
import type { Verdict, Violation } from '../../domain/evaluate.ts';
import type { NegotiationDocument, Scenario } from '../../domain/types.ts';
import { contestedTurns } from '../contested-terms.ts';
import { joinIds, toCsv } from '../csv.ts';
import { markedLine, whatIfBeforeRecord } from '../named-before-record.ts';
import { redLinesBasis } from './basis.ts';

/**
 * One term change of a tabled document as JSON: ids and values, not indices. `from` is the document's; when the
 * document states a term on the issue, `fromConfirmed` and `fromRecall` give that term's provenance as the scenario
 * records it (the text flags it only when the document itself is confirmed: documentTermFlag). `to` is the change's.
 */
export function changeJson(
  s: Scenario,
  c: { issue: number; from: number; to: number },
  doc: NegotiationDocument,
) {
  const issue = s.issues[c.issue]!;
  const term = doc.terms.find((t) => t.issue === c.issue);
  return {
    issue: issue.id,
    from: optionValue(issue, c.from),
    ...(term ? { fromConfirmed: term.confirmed, fromRecall: term.recall } : {}),
    to: optionValue(issue, c.to),
  };
}

/**
 * The CSV cells of the changes (`changes`: `issue=from→to`, as concessions writes them) and of what the document's
 * term on each rests on, from changeJson so that they say what `--json` says: `from_confirmed` and `from_recall`,
 * `issue=true|false` per change whose issue the document states a term on (`fromConfirmed`, `fromRecall`), in the
 * order of `changes`, joined by `;`; an issue the document leaves unstated has none.
 */
export function changesCells(
  s: Scenario,
  changes: readonly { issue: number; from: number; to: number }[],
  doc: NegotiationDocument,
): [changes: string, fromConfirmed: string, fromRecall: string] {
  const js = changes.map((c) => changeJson(s, c, doc));
  const of = (k: 'fromConfirmed' | 'fromRecall') =>
    joinIds(js.flatMap((j) => (j[k] === undefined ? [] : [`${j.issue}=${j[k]}`])));
  return [joinIds(js.map((j) => `${j.issue}=${j.from}→${j.to}`)), of('fromConfirmed'), of('fromRecall')];
}

/**
 * The result as `--json` prints it: ids, the verdicts before and after, what moved. A red line of an actor applied
 * before its earliest source on `asOf` carries `appliedBeforeRecord`, with the reason's number the text cites.
 */
export function whatIfJson(r: WhatIfResult) {
  const s = r.scenario;
  const marks = whatIfBeforeRecord(r);
  const marked = <V extends Violation>(actor: string, v: V) => markedLine(marks, actor, v);
  const verdict = (actor: string, v: Verdict) => ({
    utility: v.utility,
    reservation: v.reservation,
    margin: v.margin,
    accepts: v.accepts,
    violations: v.violations.map((x) => marked(actor, x)),
    costs: v.costs,
    reservationBasis: v.reservationBasis,
    // negotiators anticipating ratification: the hurdles its body would vote the text down on (absent: none, or off)
    ...(v.wouldFail ? { wouldFail: v.wouldFail } : {}),
  });
  return {
    scenario: s.id,
    document: r.document.id,
    date: r.document.date,
    // false when the record does not settle the text as a whole
    documentConfirmed: r.document.confirmed,
    asOf: r.asOf,
    epochs: r.epochs,
    // the modeller's assumption that negotiators anticipate ratification: present only when on
    ...(r.anticipate ? { anticipateRatification: true } : {}),
    changes: r.changes.map((c) => changeJson(s, c, r.document)),
    agreement: r.agreement,
    required: r.required,
    verdicts: Object.fromEntries(
      r.verdicts.map((v) => [
        v.actor,
        {
          required: v.required,
          before: verdict(v.actor, v.before),
          after: verdict(v.actor, v.after),
          utilityDelta: v.utilityDelta,
          changed: v.changed,
        },
      ]),
    ),
    rules: r.rules,
    moved: r.moved.map((m) =>
      m.kind === 'red-line-broken' || m.kind === 'red-line-cleared' ? marked(m.actor, m) : m,
    ),
    durability: r.durability,
    ratification: r.ratification,
    // the contested terms of the text as changed (a term the changes set has none): read so, what moves
    contested: r.contested,
  };
}

/**
 * One row per actor, before and after (see docs/export.md); of the red lines broken, those applied before their
 * earliest source on `as_of` (as the text and --json mark them); the changes, whether the record settles the text
 * and each term they change (the text's flags, --json's `documentConfirmed`, `fromConfirmed`, `fromRecall`). When
 * negotiators anticipate ratification, two last columns name the hurdles its body would vote the text down on,
 * before and after.
 */
export function whatIfCsv(r: WhatIfResult): string {
  const marks = whatIfBeforeRecord(r);
  const redLines = (v: Verdict) => joinIds(v.violations.map((x) => x.redLine));
  const early = (actor: string, v: Verdict) =>
    joinIds(v.violations.filter((x) => marks.of(actor, x.redLine)).map((x) => x.redLine));
  const wouldFail = (v: Verdict) => joinIds((v.wouldFail ?? []).map((h) => h.id));
  const changes = changesCells(r.scenario, r.changes, r.document);
  return toCsv(
    [
      'actor',
      'required_before',
      'required_after',
      'accepts_before',
      'accepts_after',
      'utility_before',
      'utility_after',
      'utility_delta',
      'reservation',
      'margin_before',
      'margin_after',
      'red_lines_before',
      'red_lines_after',
      'flipped',
      'changed',
      'as_of',
      'reservation_basis',
      'red_lines_before_basis',
      'red_lines_after_basis',
      'red_lines_before_ahead_of_record',
      'red_lines_after_ahead_of_record',
      'contested_turns',
      'changes',
      'document_confirmed',
      'from_confirmed',
      'from_recall',
      ...(r.anticipate ? ['would_fail_before', 'would_fail_after'] : []),
    ],
    r.verdicts.map((v) => [
      v.actor,
      v.required.before,
      v.required.after,
      v.before.accepts,
      v.after.accepts,
      v.before.utility,
      v.after.utility,
      v.utilityDelta,
      v.after.reservation,
      v.before.margin,
      v.after.margin,
      redLines(v.before),
      redLines(v.after),
      v.flipped,
      v.changed,
      r.asOf,
      v.after.reservationBasis,
      redLinesBasis(v.before.violations),
      redLinesBasis(v.after.violations),
      early(v.actor, v.before),
      early(v.actor, v.after),
      contestedTurns(r.contested, v.actor),
      changes[0],
      r.document.confirmed,
      changes[1],
      changes[2],
      ...(r.anticipate ? [wouldFail(v.before), wouldFail(v.after)] : []),
    ]),
  );
}
