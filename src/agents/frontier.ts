// The exact Pareto frontier of the acceptable packages (those every required actor accepts and no rule
// forbids), from the analysis, for the scenario as it stands; cached per scenario object. Agents use it only
// when it is exact and its DP stays within a small budget.
import { analyzeAcceptable, type Point } from '../analysis/acceptable.ts';
import { AnalysisLimitError } from '../analysis/limits.ts';
import { holds } from '../domain/condition.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';

/** Work budget of the frontier DP an agent may spend; beyond it agents fall back to their own red lines. */
const FRONTIER_BUDGET = 2_000_000;

export interface Frontier {
  /** actor indices, protocol order */
  readonly parties: readonly number[];
  readonly reservations: Float64Array;
  readonly points: readonly Point[];
  readonly nash: Point | null;
}

const cache = new WeakMap<Scenario, Frontier | null>();

/** The exact frontier of the packages every required actor accepts; null when not exact, empty, or too large. */
export function agreementFrontier(scenario: Scenario): Frontier | null {
  if (cache.has(scenario)) return cache.get(scenario)!;
  let frontier: Frontier | null = null;
  try {
    const a = analyzeAcceptable(scenario, { budget: FRONTIER_BUDGET });
    if (a.exact && a.frontier.length > 0)
      frontier = {
        parties: a.parties,
        reservations: a.reservations,
        points: a.frontier,
        nash: a.solutions.nash,
      };
  } catch (e) {
    if (!(e instanceof AnalysisLimitError)) throw e;
  }
  cache.set(scenario, frontier);
  return frontier;
}

/**
 * An actor's best acceptable utility: the most it gets in a frontier package that keeps its red lines; null
 * when the frontier is unavailable or has none.
 */
export function bestAcceptable(
  scenario: Scenario,
  self: number,
): { pkg: Int32Array; utility: number } | null {
  const frontier = agreementFrontier(scenario);
  if (!frontier) return null;
  const actor = scenario.actors[self]!;
  let best: Point | null = null;
  let bestU = Number.NEGATIVE_INFINITY;
  for (const p of frontier.points) {
    if (!actor.redLines.every((c) => holds(c.condition, p.pkg))) continue;
    const u = utility(actor, scenario.offsets, p.pkg);
    if (u > bestU + 1e-12) {
      best = p;
      bestU = u;
    }
  }
  return best ? { pkg: best.pkg, utility: bestU } : null;
}
