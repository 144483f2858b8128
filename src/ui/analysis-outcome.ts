// The analysis screen's numbers for a scenario as judged (the feasible count, why nothing is feasible, the bargaining
// solutions), worked out once per scenario object: the screen draws them, and the status line offers 1–4 only when
// there is a solution to load.
import { type AcceptableAnalysis, analyzeAcceptable } from '../analysis/acceptable.ts';
import { type ConflictReport, type ConflictSearchReport, conflictsOf } from '../analysis/conflict-report.ts';
import { countFeasible, outcomeSpace } from '../analysis/feasibility.ts';
import { SOLUTION_KINDS } from '../analysis/solutions.ts';
import type { Scenario } from '../domain/types.ts';

export type AnalysisOutcome =
  | {
      readonly ok: true;
      readonly size: number;
      readonly feasible: number;
      readonly acceptable: AcceptableAnalysis;
      /** when nothing is feasible: why (the minimal conflicts among red lines and rules) */
      readonly conflicts: readonly ConflictReport[];
      readonly search: ConflictSearchReport;
    }
  | { readonly ok: false; readonly message: string };

function analyse(scenario: Scenario): AnalysisOutcome {
  try {
    const feasible = countFeasible(scenario);
    const { conflicts, search } = conflictsOf(scenario, feasible);
    return {
      ok: true,
      size: outcomeSpace(scenario),
      feasible,
      acceptable: analyzeAcceptable(scenario),
      conflicts,
      search,
    };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

// the scenarios as judged are kept objects (positionsAsOf gives the same one for the same positions)
const outcomes = new WeakMap<Scenario, AnalysisOutcome>();

export function analysisOf(scenario: Scenario): AnalysisOutcome {
  let out = outcomes.get(scenario);
  if (!out) {
    out = analyse(scenario);
    outcomes.set(scenario, out);
  }
  return out;
}

/** Whether the screen lists a bargaining solution that 1–4 can load. */
export function hasSolutions(scenario: Scenario): boolean {
  const a = analysisOf(scenario);
  return a.ok && a.conflicts.length === 0 && SOLUTION_KINDS.some((k) => a.acceptable.solutions[k] != null);
}
