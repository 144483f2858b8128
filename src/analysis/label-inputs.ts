// What the label DP (labels.ts) reads of the scenario and the problem, read once before it starts: the actors'
// utility tables, the floors, the suffix bounds and caps, the controllers' steps — all as typed arrays.

import type { Scenario } from '../domain/types.ts';
import type { Dag } from './dag.ts';
import { ACCEPT_TOL, MAX_PARETO_WORK } from './limits.ts';

/**
 * What the DP reads of the scenario and the problem, read once before it starts. The DP's loops then meet typed
 * arrays and the diagram only, never scenario, actor or issue objects: their hidden classes differ between draws
 * and runs, and each new one threw the compiled DP away (about 100 ms of compiling again, docs/performance.md).
 */
export interface AcceptanceProblem {
  /** whose weights count: the diagram may have been built (and shared) for another scenario with the same issues */
  readonly scenario: Scenario;
  readonly dag: Dag;
  /** actor indices whose acceptance every package needs */
  readonly parties: readonly number[];
  /** non-party actor indices that control some issue */
  readonly controllers: readonly number[];
  /** per actor: its reservation value */
  readonly reservations: ArrayLike<number>;
}

export interface LabelOptions {
  /** 0: exact */
  readonly epsilon?: number;
  /**
   * most work units before giving up: a candidate label costs 1 in at most 2 dimensions, 3 in 3, 6 in 4 or more
   * (what filtering it costs, roughly); in 5 or more dimensions each 32 dominance comparisons cost 1 more
   */
  readonly budget?: number;
  /** per party (in `parties` order): the utility it must reach; default its reservation */
  readonly floors?: ArrayLike<number>;
  /** drop a label when this says its best completion (per party, an upper bound) cannot matter */
  readonly prune?: (best: Float64Array) => boolean;
}

export interface Prep {
  readonly n: number;
  /** parties, controllers, both */
  readonly P: number;
  readonly K: number;
  readonly dim: number;
  /** work units a candidate costs */
  readonly unit: number;
  readonly budget: number;
  readonly slackPerLevel: number;
  readonly order: Int32Array;
  readonly domains: readonly Int32Array[];
  readonly offsets: Int32Array;
  readonly statusQuo: Int32Array;
  /** per dimension (parties, then controllers): its actor's utility table */
  readonly contrib: readonly Float64Array[];
  readonly floors: Float64Array;
  /** the thresholds a label's best completion must reach, per party and per controller */
  readonly partyFloor: Float64Array;
  readonly controllerFloor: Float64Array;
  /** per controller: its reservation */
  readonly controllerReservation: Float64Array;
  /** per dimension k and level t, at [k * (n + 1) + t]: the suffix bound and the cap (see `bounds`) */
  readonly rest: Float64Array;
  readonly cap: Float64Array;
  /** at [k * n + t]: whether step t moves an issue controller k controls; per controller, the last such step */
  readonly controls: Uint8Array;
  readonly lastStep: Int32Array;
  readonly pow3: Float64Array;
  /** per actor: its controller slot, or −1 */
  readonly slotOf: Int32Array;
  readonly prune: ((best: Float64Array) => boolean) | undefined;
}

export function prepare(problem: AcceptanceProblem, options: LabelOptions): Prep {
  const { scenario, dag, parties, controllers, reservations } = problem;
  const { n, order, domains } = dag.plan;
  const { offsets } = scenario;
  const P = parties.length;
  const K = controllers.length;
  const dim = P + K;
  const epsilon = options.epsilon ?? 0;
  const floors = new Float64Array(P);
  for (let i = 0; i < P; i++) floors[i] = options.floors?.[i] ?? reservations[parties[i]!]!;
  const actors = Int32Array.from([...parties, ...controllers]);
  // pushed one by one: a list of one hidden class in every call (see domain/packed.ts)
  const contrib: Float64Array[] = [];
  for (let k = 0; k < dim; k++) contrib.push(scenario.actors[actors[k]!]!.contrib);
  const slack = ACCEPT_TOL + 1e-11;
  const partyFloor = new Float64Array(P);
  for (let i = 0; i < P; i++) partyFloor[i] = floors[i]! - slack;
  const controllerFloor = new Float64Array(K);
  const controllerReservation = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    controllerReservation[k] = reservations[controllers[k]!]!;
    controllerFloor[k] = controllerReservation[k]! - slack;
  }
  const slotOf = new Int32Array(scenario.actors.length).fill(-1);
  for (let k = 0; k < K; k++) slotOf[controllers[k]!] = k;
  // controllers: which steps move an issue they control, and the last such step
  const controls = new Uint8Array(K * n);
  const lastStep = new Int32Array(K);
  for (let k = 0; k < K; k++) {
    for (let t = 0; t < n; t++) {
      const moves = scenario.issues[order[t]!]!.controlledBy.includes(controllers[k]!);
      controls[k * n + t] = moves ? 1 : 0;
      if (moves) lastStep[k] = t + 1;
    }
  }
  const pow3 = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) pow3[k] = 3 ** k;
  const statusQuo = new Int32Array(scenario.issues.length);
  for (let i = 0; i < statusQuo.length; i++) statusQuo[i] = scenario.issues[i]!.statusQuo;
  const { rest, cap } = bounds(n, P, order, domains, offsets, contrib, controllerReservation);
  return {
    n,
    P,
    K,
    dim,
    unit: dim <= 2 ? 1 : dim === 3 ? 3 : 6,
    budget: options.budget ?? MAX_PARETO_WORK,
    // n levels and the final filter
    slackPerLevel: epsilon > 0 ? epsilon / (n + 1) : 0,
    order,
    domains,
    offsets,
    statusQuo,
    contrib,
    floors,
    partyFloor,
    controllerFloor,
    controllerReservation,
    rest,
    cap,
    controls,
    lastStep,
    pow3,
    slotOf,
    prune: options.prune,
  };
}

/**
 * Per dimension k and level t, at [k * (n + 1) + t]: the best remaining utility after level t (a suffix bound)
 * and, for a controller, its cap: every value ≥ its reservation minus the worst remaining utility passes
 * whatever follows, so its utility only matters up to there (more labels tie); +∞ for a party.
 */
function bounds(
  n: number,
  P: number,
  order: Int32Array,
  domains: readonly Int32Array[],
  offsets: Int32Array,
  contrib: readonly Float64Array[],
  controllerReservation: Float64Array,
): { rest: Float64Array; cap: Float64Array } {
  const dim = contrib.length;
  const rest = new Float64Array(dim * (n + 1));
  const cap = new Float64Array(dim * (n + 1));
  for (let k = 0; k < dim; k++) {
    const row = k * (n + 1);
    const c = contrib[k]!;
    let worst = 0;
    cap[row + n] = k < P ? Number.POSITIVE_INFINITY : controllerReservation[k - P]! - worst;
    for (let t = n - 1; t >= 0; t--) {
      const x = order[t]!;
      const dom = domains[x]!;
      let hi = dom.length > 0 ? c[offsets[x]! + dom[0]!]! : 0;
      let lo = hi;
      for (const o of dom) {
        hi = Math.max(hi, c[offsets[x]! + o]!);
        lo = Math.min(lo, c[offsets[x]! + o]!);
      }
      rest[row + t] = rest[row + t + 1]! + hi;
      worst += lo;
      cap[row + t] = k < P ? Number.POSITIVE_INFINITY : controllerReservation[k - P]! - worst;
    }
  }
  return { rest, cap };
}
