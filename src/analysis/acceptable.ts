// The packages every required actor accepts — every party, and every controller of an issue the package moves —
// and no rule forbids: their Pareto frontier (over the parties' utilities) and the bargaining solutions on it.
import type { Constraint, Scenario } from '../domain/types.ts';
import { buildDag, type Dag, liveOptions } from './dag.ts';
import { feasibilityConstraints, outcomeSpace } from './feasibility.ts';
import { type Point, tieFree, verifiedPareto } from './label-frontier.ts';
import type { AcceptanceProblem, LabelOptions } from './label-inputs.ts';
import { paretoLabels } from './labels.ts';
import { AnalysisLimitError, MAX_PARETO_WORK, scenarioName, TIE, WorkBudgetExceeded } from './limits.ts';
import { identityKey, sameInputs, sharedStructure } from './shared.ts';
import {
  bargainingSolutions,
  egalitarianMin,
  nashProduct,
  type SolutionKind,
  type Solutions,
  solutionTies,
  utilitarianSum,
} from './solutions.ts';

export type { Point };

export interface AcceptableAnalysis {
  /** actor indices, protocol order */
  readonly parties: readonly number[];
  /** non-party actors whose consent some package needs (they control an issue that can move) */
  readonly controllers: readonly number[];
  /** the parties' reservations, in protocol order */
  readonly reservations: Float64Array;
  /** false: the frontier is an ε-Pareto set (see `epsilon`) */
  readonly exact: boolean;
  readonly epsilon: number;
  /** Pareto-optimal acceptable packages, distinct vectors, ties within TIE merged; by utilities, descending */
  readonly frontier: readonly Point[];
  readonly solutions: Solutions<Point>;
  /** per solution: proven optimal (always, unless the frontier is an ε-frontier and branch and bound ran out) */
  readonly exactSolutions: Readonly<Record<SolutionKind, boolean>>;
  /**
   * per solution: the frontier points that tie with it on its measure (1: unique; more: the package shown is the
   * first of them by package order); null when the frontier is an ε-frontier, where ties cannot be counted
   */
  readonly solutionTies: Readonly<Record<SolutionKind, number>> | null;
  /** work units the DP spent */
  readonly work: number;
}

export interface AcceptableOptions {
  /** work budget of the exact DP (candidate labels) before it falls back to ε-Pareto */
  readonly budget?: number;
  /** per issue: the options allowed at all (a sub-space); null = all */
  readonly restrict?: readonly (Uint8Array | null)[];
}

/** What the label DP's problem has that weights and reservations do not change. */
export interface AcceptanceStructure {
  /** the diagram of the hard constraints */
  readonly dag: Dag;
  /** non-party actor indices that control some issue a package of the diagram can move */
  readonly controllers: readonly number[];
}

/** The problem the label DP solves: the diagram of hard constraints, with controllers' red lines on the side. */
export function acceptanceProblem(
  scenario: Scenario,
  restrict?: readonly (Uint8Array | null)[],
): AcceptanceProblem & { readonly dag: Dag } {
  const hit = restrict ? undefined : problems.get(scenario);
  if (hit) return hit;
  const { dag, controllers } = restrict ? structureOf(scenario, restrict) : acceptanceStructure(scenario);
  const reservations = new Float64Array(scenario.actors.length);
  scenario.actors.forEach((a, i) => {
    reservations[i] = a.reservation.value;
  });
  const problem = { scenario, dag, parties: [...scenario.protocol.parties], controllers, reservations };
  if (!restrict) problems.set(scenario, problem);
  return problem;
}

/**
 * The structure of a scenario's problem: by the arrays its constraints come in first (every draw and round that
 * edits no red line keeps them; the same arrays hold the same constraints), then by the constraints themselves.
 */
export function acceptanceStructure(scenario: Scenario): AcceptanceStructure {
  const inputs = [scenario.protocol.parties, scenario.rules, ...scenario.actors.map((a) => a.redLines)];
  return sameInputs(scenario.issues, 'acceptance', inputs, () => structureOf(scenario));
}

function structureOf(scenario: Scenario, restrict?: readonly (Uint8Array | null)[]): AcceptanceStructure {
  const parties = scenario.protocol.parties;
  const isParty = new Set(parties);
  const candidates = scenario.actors
    .filter((a) => !isParty.has(a.index) && scenario.issues.some((x) => x.controlledBy.includes(a.index)))
    .map((a) => a.index);
  const conditional: { constraint: Constraint; owner: number }[] = candidates.flatMap((a) =>
    scenario.actors[a]!.redLines.map((constraint) => ({ constraint, owner: a })),
  );
  const hard = feasibilityConstraints(scenario);
  // the diagram and who can be asked to consent depend on the constraints only, not on weights or reservations
  const build = () => {
    const dag = buildDag(scenario, { hard, conditional, ...(restrict ? { restrict } : {}) });
    const live = liveOptions(dag);
    const controllers = candidates.filter((a) =>
      scenario.issues.some(
        (x) => x.controlledBy.includes(a) && live[x.index]!.some((v, o) => v === 1 && o !== x.statusQuo),
      ),
    );
    return { dag, controllers };
  };
  return restrict
    ? build()
    : sharedStructure(
        scenario.issues,
        'acceptance',
        `${parties.join(',')}|${identityKey(hard)}|${candidates.map((a) => `${a}:${identityKey(scenario.actors[a]!.redLines)}`).join(';')}`,
        build,
      );
}

// a run asks for the problem of each round's scenario several times
const problems = new WeakMap<Scenario, AcceptanceProblem & { readonly dag: Dag }>();

/** ε values tried, smallest first, when the exact DP is over budget. */
const EPSILONS = [0.01, 0.05];

function labelsOrNull(
  problem: AcceptanceProblem,
  options: LabelOptions,
): ReturnType<typeof paretoLabels> | null {
  try {
    return paretoLabels(problem, options);
  } catch (e) {
    if (e instanceof WorkBudgetExceeded) return null;
    throw e;
  }
}

export function analyzeAcceptable(scenario: Scenario, options: AcceptableOptions = {}): AcceptableAnalysis {
  outcomeSpace(scenario);
  const problem = acceptanceProblem(scenario, options.restrict);
  const budget = options.budget ?? MAX_PARETO_WORK;
  const { parties } = problem;
  const reservations = Float64Array.from(parties, (a) => problem.reservations[a]!);
  let result = labelsOrNull(problem, { budget });
  let epsilon = 0;
  for (const eps of EPSILONS) {
    if (result) break;
    result = labelsOrNull(problem, { budget, epsilon: eps });
    epsilon = eps;
  }
  if (result === null)
    throw new AnalysisLimitError(
      `${scenarioName(scenario.file, scenario.id)}: the Pareto frontier of the acceptable packages is too large to compute even within ε = ${EPSILONS.at(-1)} (work budget ${budget.toLocaleString('en-US')}); analyse a sub-scenario with fewer issues or parties`,
    );
  const pareto = verifiedPareto(scenario, parties, result.labels);
  const frontier = tieFree(pareto, parties.length);
  let solutions = bargainingSolutions(pareto, reservations, frontier);
  const ties = epsilon === 0 ? solutionTies(pareto, reservations, frontier, solutions) : null;
  const exactSolutions: Record<SolutionKind, boolean> = {
    nash: epsilon === 0,
    kalaiSmorodinsky: epsilon === 0,
    utilitarian: epsilon === 0,
    egalitarian: epsilon === 0,
  };
  let work = result.work;
  if (epsilon > 0) {
    // the ε-frontier gives incumbents; branch and bound over the exact DP then proves or improves each optimum
    const bounds: Record<'nash' | 'utilitarian' | 'egalitarian', (u: ArrayLike<number>) => number> = {
      nash: (u) => nashProduct(u, reservations),
      utilitarian: (u) => utilitarianSum(u),
      egalitarian: (u) => egalitarianMin(u, reservations),
    };
    for (const kind of ['nash', 'utilitarian', 'egalitarian'] as const) {
      const incumbent = solutions[kind];
      if (incumbent === null) continue;
      const objective = bounds[kind];
      const floor = objective(incumbent.u) - TIE;
      const exact = labelsOrNull(problem, { budget, prune: (best) => objective(best) < floor });
      if (exact === null) continue;
      work += exact.work;
      const candidates = verifiedPareto(scenario, parties, exact.labels);
      const better = bargainingSolutions([incumbent, ...candidates], reservations)[kind];
      solutions = { ...solutions, [kind]: better };
      exactSolutions[kind] = true;
    }
  }
  return {
    parties,
    controllers: problem.controllers,
    reservations,
    exact: epsilon === 0,
    epsilon,
    frontier,
    solutions,
    exactSolutions,
    solutionTies: ties,
    work,
  };
}
