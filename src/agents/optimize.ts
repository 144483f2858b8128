// Exact optimisation over the packages that keep a set of constraints: the analysis compiles the constraints
// into a layered decision diagram (see analysis/dag.ts), and a longest-path DP over it maximises an additive
// score. Nothing is enumerated: the work is the size of the diagram. When a diagram would be too large, callers
// fall back to local search (search.ts).
import { buildDag, type Dag } from '../analysis/dag.ts';
import { AnalysisLimitError } from '../analysis/limits.ts';
import type { Constraint, Issue, Scenario } from '../domain/types.ts';

/** Diagrams an agent builds stay small; beyond this it searches locally instead. */
const MAX_AGENT_STATES = 200_000;
/** Scores closer than this are a tie. */
const EPS = 1e-12;

const ids = new WeakMap<Constraint, number>();
let nextId = 0;
function idOf(c: Constraint): number {
  let id = ids.get(c);
  if (id === undefined) {
    id = nextId++;
    ids.set(c, id);
  }
  return id;
}

// diagrams depend on the issues and the constraints only, not on weights or reservations
const cache = new WeakMap<readonly Issue[], Map<string, Dag | null>>();

/** The diagram of the packages that keep every constraint; null when it would be too large. */
export function constrainedDag(scenario: Scenario, constraints: readonly Constraint[]): Dag | null {
  let byKey = cache.get(scenario.issues);
  if (!byKey) {
    byKey = new Map();
    cache.set(scenario.issues, byKey);
  }
  const key = [...new Set(constraints.map(idOf))].sort((a, b) => a - b).join(',');
  if (byKey.has(key)) return byKey.get(key)!;
  let dag: Dag | null;
  try {
    dag = buildDag(scenario, { hard: constraints, maxStates: MAX_AGENT_STATES });
  } catch (e) {
    if (!(e instanceof AnalysisLimitError)) throw e;
    dag = null;
  }
  byKey.set(key, dag);
  return dag;
}

/** A per-option score laid out like `contrib`: score[offsets[issue] + option]. */
export type OptionScores = Float64Array;

/**
 * The package of the diagram with the largest total `primary` score; ties (within 1e-12) go to the larger total
 * `secondary`, then to lower option indices. Null when the diagram holds no package.
 */
export function bestPath(
  scenario: Scenario,
  dag: Dag,
  primary: OptionScores,
  secondary: OptionScores,
): Int32Array | null {
  if (dag.total === 0) return null;
  const { plan, sizes, edges } = dag;
  const { n, order, domains } = plan;
  const { offsets } = scenario;
  const valP = Array.from(sizes, (s) => new Float64Array(s));
  const valS = Array.from(sizes, (s) => new Float64Array(s));
  const choice: Int32Array[] = [];
  for (let t = n - 1; t >= 0; t--) {
    const x = order[t]!;
    const dom = domains[x]!;
    const w = dom.length;
    const e = edges[t]!;
    const pick = new Int32Array(sizes[t]!).fill(-1);
    for (let s = 0; s < sizes[t]!; s++) {
      let bp = Number.NEGATIVE_INFINITY;
      let bs = Number.NEGATIVE_INFINITY;
      for (let d = 0; d < w; d++) {
        const to = e[s * w + d]!;
        if (to < 0) continue;
        const k = offsets[x]! + dom[d]!;
        const p = primary[k]! + valP[t + 1]![to]!;
        const q = secondary[k]! + valS[t + 1]![to]!;
        if (p > bp + EPS || (p >= bp - EPS && q > bs + EPS)) {
          bp = p;
          bs = q;
          pick[s] = d;
        }
      }
      valP[t]![s] = bp;
      valS[t]![s] = bs;
    }
    choice[t] = pick;
  }
  const pkg = Int32Array.from(scenario.issues, (x) => x.statusQuo);
  let s = 0;
  for (let t = 0; t < n; t++) {
    const x = order[t]!;
    const dom = domains[x]!;
    const d = choice[t]![s]!;
    pkg[x] = dom[d]!;
    s = edges[t]![s * dom.length + d]!;
  }
  return pkg;
}

/** Sum of actors' contribution tables, each with a weight. */
export function combinedScores(
  scenario: Scenario,
  terms: readonly { readonly actor: number; readonly weight: number }[],
): Float64Array {
  const out = new Float64Array(scenario.offsets[scenario.issues.length]!);
  for (const { actor, weight } of terms) {
    const c = scenario.actors[actor]!.contrib;
    for (let k = 0; k < out.length; k++) out[k]! += weight * c[k]!;
  }
  return out;
}

/** 1 for the option a reference package takes on each issue: as a secondary score, "change as little as possible". */
export function closenessScores(scenario: Scenario, reference: ArrayLike<number>): Float64Array {
  const out = new Float64Array(scenario.offsets[scenario.issues.length]!);
  scenario.issues.forEach((_, i) => {
    out[scenario.offsets[i]! + reference[i]!] = 1;
  });
  return out;
}
