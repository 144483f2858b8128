// Why nothing is feasible, as the reports print it: each conflict among the red lines and rules in ids, with each
// member's basis, sources and what dropping it alone would open, and how far the search went. Apart from analyze.ts
// so that a command that needs only this (outcomes' "no run can sign", run's heading) loads none of the rest.
import type { BasisKind, Scenario } from '../domain/types.ts';
import { type ConflictAnalysis, DEFAULT_MAX_CONFLICT_SIZE, findConflicts } from './conflicts.ts';
import { AnalysisLimitError } from './limits.ts';

/** A red line or rule of a conflict: no package meets all of its conflict's members, any smaller part can hold. */
export interface ConflictMemberReport {
  readonly kind: 'redLine' | 'rule';
  readonly id: string;
  /** the party whose red line it is; null for a rule */
  readonly actor: string | null;
  readonly text: string;
  readonly basis: BasisKind;
  readonly sources: readonly string[];
  /** false when the record does not settle it (`confirmed: false` in the scenario) */
  readonly confirmed: boolean;
  /** how many packages are feasible with this one alone dropped (null: beyond the diagram's state bound) */
  readonly feasibleWithout: number | null;
}

export interface ConflictReport {
  readonly members: readonly ConflictMemberReport[];
}

/** How far the search for conflicts went (see conflicts.ts). */
export interface ConflictSearchReport {
  /** every conflict of up to this many members is searched for exhaustively */
  readonly maxSize: number;
  /** every conflict of up to this many members is listed (maxSize unless the state bound cut the search short) */
  readonly exhaustiveUpTo: number;
  /** proven: the conflicts listed are all there are, of any size */
  readonly complete: boolean;
  /** feasibility checks run, each an exact count on a decision diagram */
  readonly checks: number;
}

/** The conflicts in ids, each member with its basis, sources and what dropping it alone would open. */
function conflictReports(scenario: Scenario, c: ConflictAnalysis): ConflictReport[] {
  return c.conflicts.map((members) => ({
    members: members.map((i) => {
      const { constraint, actor } = c.constraints[i]!;
      return {
        kind: actor === null ? ('rule' as const) : ('redLine' as const),
        id: constraint.id,
        actor: actor === null ? null : scenario.actors[actor]!.id,
        text: constraint.text,
        basis: constraint.basis,
        sources: [...constraint.sources],
        confirmed: constraint.confirmed,
        feasibleWithout: c.feasibleWithout.get(i) ?? null,
      };
    }),
  }));
}

/**
 * Why nothing is feasible, for a scenario judged on one date: the conflicts and how far the search went. With a
 * feasible package there is none, and nothing is searched (`feasible`: the count, when the caller has it).
 */
export function conflictsOf(
  scenario: Scenario,
  feasible?: number,
): { conflicts: ConflictReport[]; search: ConflictSearchReport } {
  if (feasible !== undefined && feasible > 0)
    return {
      conflicts: [],
      search: {
        maxSize: DEFAULT_MAX_CONFLICT_SIZE,
        exhaustiveUpTo: DEFAULT_MAX_CONFLICT_SIZE,
        complete: true,
        checks: 0,
      },
    };
  const c = findConflicts(scenario);
  const { maxSize, exhaustiveUpTo, complete, checks } = c;
  return { conflicts: conflictReports(scenario, c), search: { maxSize, exhaustiveUpTo, complete, checks } };
}

/** The conflicts that leave nothing feasible; none when something is feasible, or when the scenario is too big to judge. */
export function conflictsOrNone(scenario: Scenario): ConflictReport[] {
  try {
    return conflictsOf(scenario).conflicts;
  } catch (e) {
    if (e instanceof AnalysisLimitError) return [];
    throw e;
  }
}
