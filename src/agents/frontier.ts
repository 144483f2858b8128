// The exact Pareto frontier of the acceptable packages (those every required actor accepts and no rule
// forbids), from the analysis, for the scenario as it stands; cached per scenario object. Agents use it only
// when it is exact and its DP stays within a small budget.
import { acceptanceProblem, frontierOfLabels, type Point } from '../analysis/acceptable.ts';
import { outcomeSpace } from '../analysis/feasibility.ts';
import { type Label, paretoLabels } from '../analysis/labels.ts';
import { AnalysisLimitError, WorkBudgetExceeded } from '../analysis/limits.ts';
import { identityKey, sharedStructure } from '../analysis/shared.ts';
import { holds } from '../domain/condition.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';

/** Work budget of the frontier DP an agent may spend; beyond it agents fall back to their own red lines. */
const FRONTIER_BUDGET = 2_000_000;
/**
 * When a party's reservation falls below the floors the labels were computed at, the DP runs again this much
 * lower, so that a reservation drifting down a little each round does not pay for a DP every round.
 */
const HEADROOM = 0.05;

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
    outcomeSpace(scenario);
    const parties = scenario.protocol.parties;
    const labels = labelsFor(scenario);
    if (labels) {
      const a = frontierOfLabels(scenario, parties, labels);
      if (a.frontier.length > 0)
        frontier = {
          parties,
          reservations: Float64Array.from(parties, (p) => scenario.actors[p]!.reservation.value),
          points: a.frontier,
          nash: a.solutions.nash,
        };
    }
  } catch (e) {
    if (!(e instanceof AnalysisLimitError)) throw e;
  }
  cache.set(scenario, frontier);
  return frontier;
}

/** The labels of the exact DP at some party floors, and those floors. */
interface Computed {
  floors: Float64Array;
  labels: readonly Label[] | null;
}

/**
 * The labels of the exact DP whose frontier is this scenario's: reused across rounds while the weights, the red
 * lines and the controllers' reservations stay and the parties' reservations do not fall below the floors they
 * were computed at (a run's reservations drift; a draw's weights are new, so each draw computes once). Null when
 * the DP is over budget.
 */
function labelsFor(scenario: Scenario): readonly Label[] | null {
  const problem = acceptanceProblem(scenario);
  const { parties, controllers } = problem;
  const actors = scenario.actors;
  const reservations = Float64Array.from(parties, (a) => actors[a]!.reservation.value);
  // everything the labels depend on besides the parties' floors; the issue list and the constraint diagram are
  // the shared cache's own key
  const key = [
    identityKey([problem.dag]),
    ...[...parties, ...controllers].map((a) => identityKey([actors[a]!.contrib])),
    ...controllers.map((a) => actors[a]!.reservation.value),
  ].join('|');
  const held = sharedStructure<Computed>(scenario.issues, 'agent-frontier', key, () => ({
    floors: reservations,
    labels: labelsAt(problem, reservations),
  }));
  const above = reservations.every((r, i) => r >= held.floors[i]!);
  if (above && held.labels) return held.labels;
  // over budget at the floors held: higher floors prune more, so they may fit
  if (above)
    return reservations.every((r, i) => r === held.floors[i]) ? null : labelsAt(problem, reservations);
  const lower = Float64Array.from(reservations, (r, i) => Math.min(r - HEADROOM, held.floors[i]!));
  const relaxed = labelsAt(problem, lower);
  if (relaxed) {
    held.floors = lower;
    held.labels = relaxed;
    return relaxed;
  }
  // lower floors can cost more than the budget where the reservations themselves do not
  return labelsAt(problem, reservations);
}

function labelsAt(
  problem: ReturnType<typeof acceptanceProblem>,
  floors: Float64Array,
): readonly Label[] | null {
  try {
    return paretoLabels(problem, { budget: FRONTIER_BUDGET, floors }).labels;
  } catch (e) {
    if (e instanceof WorkBudgetExceeded) return null;
    throw e;
  }
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
