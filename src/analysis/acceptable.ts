// The packages every required actor accepts — every party, and every controller of an issue the package moves —
// and no rule forbids: their Pareto frontier (over the parties' utilities) and the bargaining solutions on it.
import { holds } from '../domain/condition.ts';
import { requiredActors, scenarioReservations } from '../domain/evaluate.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { buildDag, type Dag, liveOptions } from './dag.ts';
import { paretoRows, tieFreeRows } from './dominance.ts';
import { feasibilityConstraints, outcomeSpace } from './feasibility.ts';
import { type AcceptanceProblem, type Label, type LabelOptions, paretoLabels } from './labels.ts';
import {
  ACCEPT_TOL,
  AnalysisLimitError,
  MAX_PARETO_WORK,
  scenarioName,
  TIE,
  WorkBudgetExceeded,
} from './limits.ts';
import { identityKey, sharedStructure } from './shared.ts';
import {
  bargainingSolutions,
  type Candidate,
  egalitarianMin,
  lexCompare,
  nashProduct,
  type SolutionKind,
  type Solutions,
  utilitarianSum,
} from './solutions.ts';

export interface Point extends Candidate {
  readonly pkg: Int32Array;
  /** the parties' utilities, in protocol order */
  readonly u: Float64Array;
}

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
  /** work units the DP spent */
  readonly work: number;
}

export interface AcceptableOptions {
  /** work budget of the exact DP (candidate labels) before it falls back to ε-Pareto */
  readonly budget?: number;
  /** per issue: the options allowed at all (a sub-space); null = all */
  readonly restrict?: readonly (Uint8Array | null)[];
}

/** The problem the label DP solves: the diagram of hard constraints, with controllers' red lines on the side. */
export function acceptanceProblem(
  scenario: Scenario,
  restrict?: readonly (Uint8Array | null)[],
): AcceptanceProblem & { readonly dag: Dag } {
  const hit = restrict ? undefined : problems.get(scenario);
  if (hit) return hit;
  const parties = [...scenario.protocol.parties];
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
  const { dag, controllers } = restrict
    ? build()
    : sharedStructure(
        scenario.issues,
        'acceptance',
        `${parties.join(',')}|${identityKey(hard)}|${candidates.map((a) => `${a}:${identityKey(scenario.actors[a]!.redLines)}`).join(';')}`,
        build,
      );
  const problem = { scenario, dag, parties, controllers, reservations: scenarioReservations(scenario) };
  if (!restrict) problems.set(scenario, problem);
  return problem;
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
    work,
  };
}

/**
 * The frontier of the labels of an exact DP, as `analyzeAcceptable` reads them: the labels the domain's own
 * verdicts call an agreement, with the domain's utilities; `pareto` is what the bargaining solutions choose from
 * (`bargainingSolutions(pareto, reservations, frontier)`). Labels computed at lower party floors than the
 * scenario's reservations give the same frontier: the acceptable set at higher reservations is an upper part of
 * the one at lower reservations, so its Pareto points are the lower set's that reach them. Both lists are the
 * same objects whenever the same labels agree.
 */
export function frontierOfLabels(
  scenario: Scenario,
  parties: readonly number[],
  labels: readonly Label[],
): LabelFrontier {
  const all = judgeLabels(scenario, parties, labels);
  let known = frontiers.get(all);
  if (!known) {
    known = { labels: all.map((l) => l.point), byAgreeing: new Map(), agreeing: new Uint8Array(all.length) };
    frontiers.set(all, known);
  }
  // which labels agree at these reservations; most rounds, the same as last time
  const { agreeing } = known;
  let same = known.last !== undefined;
  for (let k = 0; k < all.length; k++) {
    const a = agrees(scenario, all[k]!) ? 1 : 0;
    if (a !== agreeing[k]) {
      agreeing[k] = a;
      same = false;
    }
  }
  if (same) return known.last!;
  const key = agreeing.join('');
  let hit = known.byAgreeing.get(key);
  if (!hit) {
    const { labels: points } = known;
    const pareto = paretoOf(points.filter((_, k) => agreeing[k] === 1));
    const frontier = tieFree(pareto, parties.length);
    const at = new Map(points.map((p, k) => [p, k]));
    hit = { pareto, frontier, labels: points, index: Int32Array.from(frontier, (p) => at.get(p)!) };
    known.byAgreeing.set(key, hit);
  }
  known.last = hit;
  return hit;
}

export interface LabelFrontier {
  /** Pareto-optimal acceptable packages, distinct vectors: what the bargaining solutions choose from */
  readonly pareto: readonly Point[];
  /** the same without near-ties (within TIE): the frontier */
  readonly frontier: readonly Point[];
  /** every label of the DP as a point, agreeing or not: the same list (and points) at any reservations */
  readonly labels: readonly Point[];
  /** per frontier point: its place in `labels` */
  readonly index: Int32Array;
}

/** Per judged label list: its points, and the frontier of each set of agreeing labels met so far. */
const frontiers = new WeakMap<readonly JudgedLabel[], KnownFrontiers>();

interface KnownFrontiers {
  readonly labels: readonly Point[];
  readonly byAgreeing: Map<string, LabelFrontier>;
  /** the labels that agreed last time (1), and the frontier then */
  readonly agreeing: Uint8Array;
  last?: LabelFrontier;
}

/**
 * A label as the domain judges it, apart from the reservations: the parties' utilities, whether the rules and the
 * red lines of every actor whose consent it needs hold, and those actors' utilities. Computed once per label, it
 * gives the domain's verdict at any reservations (`agrees`), which is all that moves from round to round.
 */
interface JudgedLabel extends Point {
  /** the label as a frontier point (one object per label, whatever the round) */
  readonly point: Point;
  readonly holds: boolean;
  readonly required: Int32Array;
  readonly requiredUtility: Float64Array;
}

const judged = new WeakMap<readonly Label[], readonly JudgedLabel[]>();

/** The labels judged (cached per label list: the labels of one DP always have the same weights and constraints). */
function judgeLabels(
  scenario: Scenario,
  parties: readonly number[],
  labels: readonly Label[],
): readonly JudgedLabel[] {
  let out = judged.get(labels);
  if (!out) {
    out = labels.map((l) => {
      const required = Int32Array.from(requiredActors(scenario, l.pkg));
      const actor = (a: number) => scenario.actors[a]!;
      const u = Float64Array.from(parties, (a) => utility(actor(a), scenario.offsets, l.pkg));
      return {
        pkg: l.pkg,
        u,
        point: { pkg: l.pkg, u },
        holds: keepsAll(scenario.rules, l.pkg) && required.every((a) => keepsAll(actor(a).redLines, l.pkg)),
        required,
        requiredUtility: Float64Array.from(required, (a) => utility(actor(a), scenario.offsets, l.pkg)),
      };
    });
    // in the order paretoRows sorts to (utilities descending, ties in label order: a stable sort), so that each
    // round's filter of them starts from sorted rows
    out = out
      .map((l, k) => ({ l, k }))
      .sort((a, b) => {
        for (let i = 0; i < a.l.u.length; i++) if (a.l.u[i] !== b.l.u[i]) return b.l.u[i]! - a.l.u[i]!;
        return a.k - b.k;
      })
      .map((x) => x.l);
    judged.set(labels, out);
  }
  return out;
}

function keepsAll(constraints: readonly Constraint[], pkg: Int32Array): boolean {
  for (const c of constraints) if (!holds(c.condition, pkg)) return false;
  return true;
}

/** evaluatePackage(…).agreement of a judged label, at the scenario's reservations. */
function agrees(scenario: Scenario, l: JudgedLabel): boolean {
  if (!l.holds) return false;
  for (let k = 0; k < l.required.length; k++)
    if (l.requiredUtility[k]! < scenario.actors[l.required[k]!]!.reservation.value - ACCEPT_TOL) return false;
  return true;
}

/** Keeps the labels the domain's own verdicts call an agreement, with utilities as the domain sums them. */
function verifiedPareto(scenario: Scenario, parties: readonly number[], labels: readonly Label[]): Point[] {
  return paretoOf(
    judgeLabels(scenario, parties, labels)
      .filter((l) => agrees(scenario, l))
      .map((l) => ({ pkg: l.pkg, u: l.u })),
  );
}

/** The points no other dominates, one per distinct vector, by utilities descending then package. */
function paretoOf(points: readonly Point[]): Point[] {
  const P = points[0]?.u.length ?? 0;
  const flat = new Float64Array(points.length * P);
  points.forEach((p, k) => {
    flat.set(p.u, k * P);
  });
  return paretoRows([...points.keys()], flat, P, P)
    .map((k) => points[k]!)
    .sort(byUtilitiesThenPackage);
}

function tieFree(pareto: readonly Point[], P: number): Point[] {
  const flat = new Float64Array(pareto.length * P);
  pareto.forEach((p, k) => {
    flat.set(p.u, k * P);
  });
  return tieFreeRows([...pareto.keys()], flat, P, P).map((k) => pareto[k]!);
}

/** Utilities descending (first party first), then the lexicographically smaller package. */
function byUtilitiesThenPackage(a: Point, b: Point): number {
  for (let i = 0; i < a.u.length; i++) if (a.u[i] !== b.u[i]) return b.u[i]! - a.u[i]!;
  return lexCompare(a.pkg, b.pkg);
}
