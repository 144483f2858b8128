// How many points of the Pareto frontier share a bargaining solution's best value. The solution picks one of them
// (ties go to the first package in the issues' option order, docs/analysis.md), so a reader must learn when the
// one shown is one of many: in divide-the-surplus every split has the same total, and "Utilitarian" printing
// A 0.200 · B 0.800 says nothing about the measure favouring B. Counted from the report's own frontier and the
// parties' reservations on its date, with the objectives the solutions use.
import type { AnalysisReport } from '../analysis/analyze.ts';
import { TIE } from '../analysis/limits.ts';
import { egalitarianMin, nashProduct, type SolutionKind, utilitarianSum } from '../analysis/solutions.ts';
import { positionsAsOf } from '../domain/positions.ts';
import type { Scenario } from '../domain/types.ts';

/** Per solution with a single-number objective: how many frontier points reach its value (within TIE). */
export function tiedOnFrontier(s: Scenario, report: AnalysisReport): Partial<Record<SolutionKind, number>> {
  if (!report.pareto.exact) return {};
  const dated = positionsAsOf(s, report.asOf);
  const r = report.parties.map((id) => dated.actors.find((a) => a.id === id)!.reservation.value);
  const objectives: Partial<Record<SolutionKind, (u: number[]) => number>> = {
    nash: (u) => nashProduct(u, r),
    utilitarian: (u) => utilitarianSum(u),
    egalitarian: (u) => egalitarianMin(u, r),
  };
  const out: Partial<Record<SolutionKind, number>> = {};
  for (const [kind, objective] of Object.entries(objectives) as [SolutionKind, (u: number[]) => number][]) {
    const sol = report.solutions[kind];
    if (!sol) continue;
    const best = objective(report.parties.map((id) => sol.utilities[id]!));
    out[kind] = report.pareto.points.filter(
      (p) => Math.abs(objective(report.parties.map((id) => p.utilities[id]!)) - best) <= TIE,
    ).length;
  }
  return out;
}
