// The red lines `whatif`, `sweep` and `concessions` name that are applied before their earliest source, marked as `run` marks
// them: each judged on the date the command judges by (appliedBeforeRecord decides), the scenario's reasons numbered
// in the order the text names the lines, so that a number means the same reason in the words and in --json, and
// listed once at the text's end.
import type { ConcessionsResult } from '../analysis/concessions-types.ts';
import type { SweepResult } from '../analysis/sweep.ts';
import type { VerdictChange, WhatIfResult } from '../analysis/whatif.ts';
import { evaluatePackage, type Verdict, type Violation } from '../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../domain/on-record.ts';
import type { Scenario } from '../domain/types.ts';
import {
  beforeRecordFlag,
  type ReasonEntry,
  type Reasons,
  reasonEntries,
  reasons,
  redLinesBeforeRecord,
} from './before-record.ts';

export interface NamedBeforeRecord {
  /** the date whose positions are judged */
  readonly date: string;
  /** the actor's red line of that id, when it is applied before its earliest source on `date` */
  of(actor: string, redLine: string): AppliedBeforeRecord | undefined;
  /** the reasons, numbered as the text meets the lines it marks (then those only --json names) */
  readonly numbered: Reasons;
  /** the reasons of the lines the text names, in number order: what it lists at its end */
  readonly listed: readonly ReasonEntry[];
}

/** A command's marks: `walk` meets each red line the text names in the text's order, `more` those only --json names. */
function named(
  s: Scenario,
  date: string,
  walk: (meet: (actor: string, v: Violation) => void) => void,
  more: (meet: (actor: string, v: Violation) => void) => void = () => {},
): NamedBeforeRecord {
  const of = redLinesBeforeRecord(s, date);
  const numbered = reasons();
  const meet = (actor: string, v: Violation) => {
    const e = of(actor, v.redLine);
    if (e) numbered.numberOf(e);
  };
  walk(meet);
  const listed = reasonEntries(s, numbered);
  more(meet);
  return { date, of, numbered, listed };
}

/** An actor's red line as --json carries it: with `appliedBeforeRecord` when it is marked, as run's. */
export function markedLine<V extends Violation>(marks: NamedBeforeRecord, actor: string, v: V) {
  const e = marks.of(actor, v.redLine);
  return e ? { ...v, appliedBeforeRecord: beforeRecordFlag(e, marks.numbered) } : v;
}

/** The required actors that reject the changed text: whatif's "Who says no, and why". */
export const saysNo = (r: WhatIfResult): VerdictChange[] =>
  r.verdicts.filter((v) => v.required.after && !v.after.accepts);

/** The actors the changes won over: whatif's "Won over", each with why it said no before. */
export const wonOver = (r: WhatIfResult): VerdictChange[] =>
  r.verdicts.filter((v) => v.flipped && v.after.accepts);

/**
 * whatif's marks, judged by the positions of `r.asOf` (the document's date, or --as-of): the text names red lines
 * in What moved (broken or cleared), then under Who says no (after the changes), then under Won over (before them);
 * --json also carries every actor's red lines broken before and after.
 */
export function whatIfBeforeRecord(r: WhatIfResult): NamedBeforeRecord {
  return named(
    r.scenario,
    r.asOf,
    (meet) => {
      for (const m of r.moved)
        if (m.kind === 'red-line-broken' || m.kind === 'red-line-cleared') meet(m.actor, m);
      for (const v of saysNo(r)) for (const x of v.after.violations) meet(v.actor, x);
      for (const v of wonOver(r)) for (const x of v.before.violations) meet(v.actor, x);
    },
    (meet) => {
      for (const v of r.verdicts)
        for (const x of [...v.before.violations, ...v.after.violations]) meet(v.actor, x);
    },
  );
}

/**
 * sweep's marks, judged by the positions its draws start from: those in force on --as-of, or else the scenario's
 * top level — the positions of the scenario's date, since the format lets no epoch cover that date
 * (scenario/crosscheck-dated.ts) — so `result.asOf` is the date either way. The text and --json name the same lines,
 * document by document, actor by actor.
 */
export function sweepBeforeRecord(s: Scenario, result: SweepResult): NamedBeforeRecord {
  return named(s, result.asOf, (meet) => {
    for (const d of result.documents)
      for (const a of d.actors) for (const v of a.violations) meet(a.actor, v);
  });
}

/**
 * The verdicts `concessions` gives the reasons of, in the text's order: the required actors that reject the document
 * as tabled, then — when no set of changes works — those that still reject each closest set; none when the document
 * is already an agreement. `s` holds the positions the search judged by (those of `r.asOf`).
 */
export interface ConcessionsRejections {
  readonly asTabled: readonly Verdict[];
  /** one list per closest set, in `r.closest`'s order (empty when a set of changes works) */
  readonly closest: readonly (readonly Verdict[])[];
}

export function concessionsRejections(s: Scenario, r: ConcessionsResult): ConcessionsRejections {
  if (r.alreadyAgreement) return { asTabled: [], closest: [] };
  const ev = evaluatePackage(s, r.document.package, undefined, r.anticipate);
  const asTabled = ev.verdicts.filter((v) => ev.required.includes(v.actor) && !v.accepts);
  const closest =
    r.size !== null
      ? []
      : r.closest.map((x) => {
          const ev1 = evaluatePackage(s, x.package, undefined, r.anticipate);
          return x.rejecting.map((a) => ev1.verdicts[a]!);
        });
  return { asTabled, closest };
}

/**
 * concessions' marks, judged by the positions of `r.asOf` (the document's date): the text and --json name the same
 * red lines — those the document as tabled breaks for the actors that reject it, then those each closest set still
 * breaks.
 */
export function concessionsBeforeRecord(
  s: Scenario,
  rejections: ConcessionsRejections,
  asOf: string,
): NamedBeforeRecord {
  return named(s, asOf, (meet) => {
    for (const v of rejections.asTabled) for (const x of v.violations) meet(v.actor, x);
    for (const set of rejections.closest) for (const v of set) for (const x of v.violations) meet(v.actor, x);
  });
}
