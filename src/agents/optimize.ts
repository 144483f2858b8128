// Exact optimisation over the packages that keep a set of constraints: the analysis compiles the constraints
// into a layered decision diagram (see analysis/dag.ts), and a longest-path DP over it maximises an additive
// score. Nothing is enumerated: the work is the size of the diagram. When a diagram would be too large, callers
// fall back to local search (search.ts).
import { buildDag, type Dag } from '../analysis/dag.ts';
import { AnalysisLimitError } from '../analysis/limits.ts';
import { identityKey, sharedStructure } from '../analysis/shared.ts';
import type { Constraint, Issue, Scenario } from '../domain/types.ts';

/** Diagrams an agent builds stay small; beyond this it searches locally instead. */
const MAX_AGENT_STATES = 200_000;
/** Scores closer than this are a tie. */
const EPS = 1e-12;

// per issue list and constraints array: the arrays an actor asks with stay the same objects round after round
const byArray = new WeakMap<readonly Issue[], WeakMap<readonly Constraint[], Dag | null>>();

/** The diagram of the packages that keep every constraint; null when it would be too large (`constraints` must not change after). */
export function constrainedDag(scenario: Scenario, constraints: readonly Constraint[]): Dag | null {
  let known = byArray.get(scenario.issues);
  if (!known) {
    known = new WeakMap();
    byArray.set(scenario.issues, known);
  }
  let dag = known.get(constraints);
  if (dag === undefined) {
    // diagrams depend on the issues and the constraints only, not on weights or reservations
    dag = sharedStructure(scenario.issues, 'agent-dag', identityKey(constraints), () => {
      try {
        return buildDag(scenario, { hard: constraints, maxStates: MAX_AGENT_STATES });
      } catch (e) {
        if (!(e instanceof AnalysisLimitError)) throw e;
        return null;
      }
    });
    known.set(constraints, dag);
  }
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
  // a round calls this dozens of times on the same diagram: its value and choice arrays are allocated once
  const { valP, valS, choice } = workspaceOf(dag);
  for (let t = n - 1; t >= 0; t--) {
    const x = order[t]!;
    const dom = domains[x]!;
    const w = dom.length;
    const e = edges[t]!;
    const pick = choice[t]!;
    const vP = valP[t]!;
    const vS = valS[t]!;
    const belowP = valP[t + 1]!;
    const belowS = valS[t + 1]!;
    const base = offsets[x]!;
    for (let s = 0; s < sizes[t]!; s++) {
      let bp = Number.NEGATIVE_INFINITY;
      let bs = Number.NEGATIVE_INFINITY;
      let best = -1;
      for (let d = 0; d < w; d++) {
        const to = e[s * w + d]!;
        if (to < 0) continue;
        const k = base + dom[d]!;
        const p = primary[k]! + belowP[to]!;
        const q = secondary[k]! + belowS[to]!;
        if (p > bp + EPS || (p >= bp - EPS && q > bs + EPS)) {
          bp = p;
          bs = q;
          best = d;
        }
      }
      vP[s] = bp;
      vS[s] = bs;
      pick[s] = best;
    }
  }
  const pkg = new Int32Array(scenario.issues.length);
  scenario.issues.forEach((x, i) => {
    pkg[i] = x.statusQuo;
  });
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

interface Workspace {
  readonly valP: Float64Array[];
  readonly valS: Float64Array[];
  readonly choice: Int32Array[];
}
const workspaces = new WeakMap<Dag, Workspace>();

/** Scratch arrays for `bestPath` over a diagram (the last level stays 0: nothing is left to add). */
function workspaceOf(dag: Dag): Workspace {
  let w = workspaces.get(dag);
  if (!w) {
    w = {
      valP: Array.from(dag.sizes, (s) => new Float64Array(s)),
      valS: Array.from(dag.sizes, (s) => new Float64Array(s)),
      choice: Array.from(dag.sizes, (s) => new Int32Array(s)),
    };
    workspaces.set(dag, w);
  }
  return w;
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
