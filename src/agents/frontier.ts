// The exact Pareto frontier of the acceptable packages (those every required actor accepts and no rule
// forbids), from the analysis, for the scenario as it stands; cached per scenario object. Agents use it only
// when it is exact and its DP stays within a small budget.
import { type AcceptanceStructure, acceptanceProblem, acceptanceStructure } from '../analysis/acceptable.ts';
import { outcomeSpace } from '../analysis/feasibility.ts';
import { frontierOfLabels, type LabelFrontier, type Point } from '../analysis/label-frontier.ts';
import { type Label, paretoLabels } from '../analysis/labels.ts';
import { AnalysisLimitError, WorkBudgetExceeded } from '../analysis/limits.ts';
import { sameInputs } from '../analysis/shared.ts';
import { bargainingSolutions } from '../analysis/solutions.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { keepsAll } from './search.ts';

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
  /** where the points come from: the DP's labels (the same list all run long), and each point's place there */
  readonly labels: readonly Point[];
  readonly index: readonly number[];
}

/** A frontier whose Nash point is found when first asked for (only Zeuthen asks). */
class FrontierAt implements Frontier {
  #nash: Point | null | undefined;
  readonly points: readonly Point[];
  readonly labels: readonly Point[];
  readonly index: readonly number[];
  readonly #pareto: readonly Point[];
  constructor(
    readonly parties: readonly number[],
    readonly reservations: Float64Array,
    of: LabelFrontier,
  ) {
    this.points = of.frontier;
    this.labels = of.labels;
    this.index = of.index;
    this.#pareto = of.pareto;
  }
  get nash(): Point | null {
    if (this.#nash === undefined)
      this.#nash = bargainingSolutions(this.#pareto, this.reservations, this.points).nash;
    return this.#nash;
  }
}

const cache = new WeakMap<Scenario, Frontier | null>();

/** The exact frontier of the packages every required actor accepts; null when not exact, empty, or too large. */
export function agreementFrontier(scenario: Scenario): Frontier | null {
  const hit = cache.get(scenario);
  if (hit !== undefined) return hit;
  let frontier: Frontier | null = null;
  try {
    outcomeSpace(scenario);
    const parties = scenario.protocol.parties;
    const labels = labelsFor(scenario);
    if (labels) {
      const a = frontierOfLabels(scenario, parties, labels);
      if (a.frontier.length > 0)
        frontier = new FrontierAt(
          parties,
          Float64Array.from(parties, (p) => scenario.actors[p]!.reservation.value),
          a,
        );
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
  const parties = scenario.protocol.parties;
  const reservations = new Float64Array(parties.length);
  for (let i = 0; i < parties.length; i++) reservations[i] = scenario.actors[parties[i]!]!.reservation.value;
  // the full problem (with this scenario's weights and reservations) only when a DP runs
  const problem = () => acceptanceProblem(scenario);
  const held = heldFor(scenario, acceptanceStructure(scenario), reservations, problem);
  const above = reservations.every((r, i) => r >= held.floors[i]!);
  if (above && held.labels) return held.labels;
  // over budget at the floors held: higher floors prune more, so they may fit
  if (above)
    return reservations.every((r, i) => r === held.floors[i]) ? null : labelsAt(problem(), reservations);
  const lower = Float64Array.from(reservations, (r, i) => Math.min(r - HEADROOM, held.floors[i]!));
  const relaxed = labelsAt(problem(), lower);
  if (relaxed) {
    held.floors = lower;
    held.labels = relaxed;
    return relaxed;
  }
  // lower floors can cost more than the budget where the reservations themselves do not
  return labelsAt(problem(), reservations);
}

/** The labels computed for what this scenario's labels depend on besides the parties' floors, or new ones. */
function heldFor(
  scenario: Scenario,
  structure: AcceptanceStructure,
  reservations: Float64Array,
  problem: () => Problem,
): Computed {
  const parties = scenario.protocol.parties;
  const { dag, controllers } = structure;
  const actors = scenario.actors;
  const inputs = [
    scenario.issues,
    dag,
    ...[...parties, ...controllers].map((a) => actors[a]!.contrib),
    ...controllers.map((a) => actors[a]!.reservation.value),
  ];
  // kept with the first party's utility table: new every draw, kept by every round of its run
  return sameInputs(actors[parties[0] ?? 0]!.contrib, 'agent-frontier', inputs, () => ({
    floors: reservations,
    labels: labelsAt(problem(), reservations),
  }));
}

type Problem = ReturnType<typeof acceptanceProblem>;

function labelsAt(problem: Problem, floors: Float64Array): readonly Label[] | null {
  try {
    return paretoLabels(problem, { budget: FRONTIER_BUDGET, floors }).labels;
  } catch (e) {
    if (e instanceof WorkBudgetExceeded) return null;
    throw e;
  }
}

/**
 * An actor on a list of frontier points: its utility at each, whether its red lines hold there (1). Plain arrays:
 * a small typed array costs more to make than these lists of a few dozen numbers, made every few rounds.
 */
export interface OnFrontier {
  readonly utility: readonly number[];
  readonly keeps: readonly number[];
}

interface Table extends OnFrontier {
  // what the table was computed from (an event can edit an actor's weights or red lines mid-run)
  readonly contrib: Float64Array;
  readonly redLines: readonly Constraint[];
  readonly offsets: Int32Array;
}

// per list of points and actor: the DP's labels last the whole run (a draw), a frontier while the same labels agree
const tables = new WeakMap<readonly Point[], Map<number, Table>>();

function tableOf(scenario: Scenario, points: readonly Point[], self: number, make: () => OnFrontier): Table {
  let byActor = tables.get(points);
  if (!byActor) {
    byActor = new Map();
    tables.set(points, byActor);
  }
  const actor = scenario.actors[self]!;
  let t = byActor.get(self);
  if (!t || t.contrib !== actor.contrib || t.redLines !== actor.redLines || t.offsets !== scenario.offsets) {
    t = { contrib: actor.contrib, redLines: actor.redLines, offsets: scenario.offsets, ...make() };
    byActor.set(self, t);
  }
  return t;
}

/** Actor `self` on the frontier's points: read from its table over the DP's labels, made once per run. */
export function onFrontier(scenario: Scenario, frontier: Frontier, self: number): OnFrontier {
  return tableOf(scenario, frontier.points, self, () => {
    const all = tableOf(scenario, frontier.labels, self, () => {
      const actor = scenario.actors[self]!;
      const { labels } = frontier;
      const at = { utility: [] as number[], keeps: [] as number[] };
      for (const l of labels) {
        at.utility.push(utility(actor, scenario.offsets, l.pkg));
        at.keeps.push(keepsAll(actor.redLines, l.pkg) ? 1 : 0);
      }
      return at;
    });
    const at = { utility: [] as number[], keeps: [] as number[] };
    for (const k of frontier.index) {
      at.utility.push(all.utility[k]!);
      at.keeps.push(all.keeps[k]!);
    }
    return at;
  });
}

const bests = new WeakMap<OnFrontier, BestAcceptable | null>();

/**
 * An actor's best acceptable utility: the most it gets in a frontier package that keeps its red lines; null
 * when the frontier is unavailable or has none.
 */
export function bestAcceptable(scenario: Scenario, self: number): BestAcceptable | null {
  // every answer and aspiration of a round asks: per scenario object (a round's) and actor first
  let mine = bestByScenario.get(scenario);
  if (!mine) {
    mine = [];
    bestByScenario.set(scenario, mine);
  }
  let found = mine[self];
  if (found === undefined) {
    found = bestOnFrontier(scenario, self);
    mine[self] = found;
  }
  return found;
}

type BestAcceptable = { readonly pkg: Int32Array; readonly utility: number };

const bestByScenario = new WeakMap<Scenario, (BestAcceptable | null | undefined)[]>();

function bestOnFrontier(scenario: Scenario, self: number): BestAcceptable | null {
  const frontier = agreementFrontier(scenario);
  if (!frontier) return null;
  const t = onFrontier(scenario, frontier, self);
  let found = bests.get(t);
  if (found === undefined) {
    let best = -1;
    let bestU = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < t.utility.length; k++) {
      if (!t.keeps[k]) continue;
      const u = t.utility[k]!;
      if (u > bestU + 1e-12) {
        best = k;
        bestU = u;
      }
    }
    found = best < 0 ? null : { pkg: frontier.points[best]!.pkg, utility: bestU };
    bests.set(t, found);
  }
  return found;
}
