// The diplomacy of the war on one page: every tabled document in date order, each judged by the positions in force
// on its own date — who accepts it, whether it is an agreement, and how many packages were feasible then.
import { compareDates } from '../domain/dates.ts';
import { evaluatePackage } from '../domain/evaluate.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../domain/on-record.ts';
import { epochIdsOn, positionsAsOf } from '../domain/positions.ts';
import type { Scenario } from '../domain/types.ts';
import { type ContestedTerm, contestedTerms } from './contested.ts';
import { countFeasible } from './feasibility.ts';

interface TimelineVerdict {
  readonly accepts: boolean;
  /** is its acceptance needed (a party, or the controller of an issue the text moves)? */
  readonly required: boolean;
}

export interface TimelineEntry {
  /** the date the document was tabled, and whose positions judge it */
  readonly date: string;
  readonly document: string;
  readonly title: string;
  /** false when the record does not settle the text (`confirmed: false` in the scenario) */
  readonly confirmed: boolean;
  readonly tabledBy: string;
  /** every actor, in scenario order */
  readonly verdicts: Readonly<Record<string, TimelineVerdict>>;
  /** every required actor accepts and no rule is broken */
  readonly agreement: boolean;
  /** the ids of the scenario's rules it breaks: with any, it is no agreement whoever accepts */
  readonly rulesBroken: readonly string[];
  /** packages that break no party's red line and no rule, with the positions of that date */
  readonly feasible: number;
  /** the epochs in force on the date (none: the top-level positions) */
  readonly epochs: readonly string[];
  /** the red lines and preferences that judge it though their earliest source is later (or undated) */
  readonly appliedBeforeRecord: readonly AppliedBeforeRecord[];
  /** each recorded variant of its terms, read so, and the verdicts it moves (none: no term is contested) */
  readonly contested: readonly ContestedTerm[];
}

export interface Timeline {
  readonly entries: readonly TimelineEntry[];
}

/** One entry per document, in date order (documents of the same date in file order). */
export function timeline(scenario: Scenario): Timeline {
  const order = scenario.documents.map((d, k) => ({ d, k }));
  order.sort((a, b) => compareDates(a.d.date, b.d.date) || a.k - b.k);
  // positionsAsOf memoises by the epochs in force, so one count per distinct set of positions
  const feasible = new Map<Scenario, number>();
  const entries = order.map(({ d }) => {
    const s = positionsAsOf(scenario, d.date);
    if (!feasible.has(s)) feasible.set(s, countFeasible(s));
    const ev = evaluatePackage(s, d.package);
    const verdicts: Record<string, TimelineVerdict> = {};
    for (const v of ev.verdicts)
      verdicts[v.actor] = { accepts: v.accepts, required: ev.required.includes(v.actor) };
    return {
      date: d.date,
      document: d.id,
      title: d.title,
      confirmed: d.confirmed,
      tabledBy: scenario.actors[d.tabledBy]!.id,
      verdicts,
      agreement: ev.agreement,
      rulesBroken: ev.ruleViolations.map((x) => x.redLine),
      feasible: feasible.get(s)!,
      epochs: epochIdsOn(scenario, d.date),
      appliedBeforeRecord: appliedBeforeRecord(scenario, d.date),
      contested: contestedTerms(s, d, ev),
    };
  });
  return { entries };
}
