// The layered decision diagram of a plan: level t holds the distinct frontier assignments reachable after the
// first t issues of the order with every hard conjunct checked so far holding; edges are option choices.
// Dead ends (states from which no complete package survives) are pruned, so every remaining path is a package
// that satisfies every hard constraint, and every state lies on one.

import { holds } from '../domain/condition.ts';
import type { Scenario } from '../domain/types.ts';
import { buildPlan, type Plan, type PlanInput, tooManyStates } from './plan.ts';

export interface Dag {
  readonly plan: Plan;
  /** per level 0..n: the number of states */
  readonly sizes: Int32Array;
  /** per level: the frontier issues' option indices, state after state (frontiers[t].length per state) */
  readonly values: readonly Int32Array[];
  /** per step t = 0..n−1: edges[t][state × |domain of order[t]| + d] = the state reached at level t + 1, or −1 */
  readonly edges: readonly Int32Array[];
  /** per level: how many partial packages reach each state (exact while the total is below 2^53) */
  readonly counts: readonly Float64Array[];
  /** the number of complete packages (paths) */
  readonly total: number;
}

export function buildDag(scenario: Scenario, input: PlanInput): Dag {
  return dagOf(buildPlan(scenario, input));
}

function dagOf(plan: Plan): Dag {
  const { n, order, domains, domainIndex, frontiers, multipliers, hardAt } = plan;
  const cur = Int32Array.from(plan.scenario.issues, (x) => x.statusQuo);
  let sizes: number[] = [plan.infeasible ? 0 : 1];
  let values: Int32Array[] = [new Int32Array(0)];
  let edges: Int32Array[] = [];
  let built = 1;
  for (let t = 0; t < n; t++) {
    const x = order[t]!;
    const dom = domains[x]!;
    const fr = frontiers[t]!;
    const next = frontiers[t + 1]!;
    const mult = multipliers[t + 1]!;
    const checks = hardAt[t + 1]!;
    const size = sizes[t]!;
    const vals = values[t]!;
    const out = new Int32Array(size * dom.length).fill(-1);
    const index = new Map<number, number>();
    const nextVals: number[] = [];
    for (let s = 0; s < size; s++) {
      for (let k = 0; k < fr.length; k++) cur[fr[k]!] = vals[s * fr.length + k]!;
      for (let d = 0; d < dom.length; d++) {
        cur[x] = dom[d]!;
        let ok = true;
        for (const c of checks) {
          if (!holds(c, cur)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        let code = 0;
        for (let k = 0; k < next.length; k++) code += domainIndex[next[k]!]![cur[next[k]!]!]! * mult[k]!;
        let target = index.get(code);
        if (target === undefined) {
          target = index.size;
          index.set(code, target);
          for (let k = 0; k < next.length; k++) nextVals.push(cur[next[k]!]!);
          if (++built > plan.maxStates) throw tooManyStates(plan.scenario, next, plan.maxStates);
        }
        out[s * dom.length + d] = target;
      }
    }
    edges.push(out);
    sizes.push(index.size);
    values.push(Int32Array.from(nextVals));
  }
  ({ sizes, values, edges } = prune(plan, sizes, values, edges));
  const counts = countPaths(plan, sizes, edges);
  return {
    plan,
    sizes: Int32Array.from(sizes),
    values,
    edges,
    counts,
    total: n === 0 ? sizes[0]! : (counts[n]![0] ?? 0),
  };
}

/** Drops the states from which no complete package survives, and renumbers the rest in order. */
function prune(plan: Plan, sizes: number[], values: Int32Array[], edges: Int32Array[]) {
  const { n, order, domains, frontiers } = plan;
  const alive: Uint8Array[] = sizes.map((s) => new Uint8Array(s));
  if (sizes[n]! > 0) alive[n]!.fill(1);
  for (let t = n - 1; t >= 0; t--) {
    const w = domains[order[t]!]!.length;
    const e = edges[t]!;
    const a = alive[t]!;
    const below = alive[t + 1]!;
    for (let s = 0; s < sizes[t]!; s++) {
      for (let d = 0; d < w; d++) {
        const to = e[s * w + d]!;
        if (to >= 0 && below[to]) {
          a[s] = 1;
          break;
        }
      }
    }
  }
  const renumber = alive.map((a) => {
    const map = new Int32Array(a.length).fill(-1);
    let k = 0;
    for (let s = 0; s < a.length; s++) if (a[s]) map[s] = k++;
    return { map, size: k };
  });
  const newValues = values.map((v, t) => {
    const f = frontiers[t]!.length;
    const { map, size } = renumber[t]!;
    const out = new Int32Array(size * f);
    for (let s = 0; s < map.length; s++) {
      const to = map[s]!;
      if (to >= 0) out.set(v.subarray(s * f, s * f + f), to * f);
    }
    return out;
  });
  const newEdges = edges.map((e, t) => {
    const w = domains[order[t]!]!.length;
    const { map, size } = renumber[t]!;
    const below = renumber[t + 1]!.map;
    const out = new Int32Array(size * w).fill(-1);
    for (let s = 0; s < map.length; s++) {
      const to = map[s]!;
      if (to < 0) continue;
      for (let d = 0; d < w; d++) {
        const target = e[s * w + d]!;
        out[to * w + d] = target >= 0 ? below[target]! : -1;
      }
    }
    return out;
  });
  return { sizes: renumber.map((r) => r.size), values: newValues, edges: newEdges };
}

function countPaths(plan: Plan, sizes: number[], edges: Int32Array[]): Float64Array[] {
  const { n, order, domains } = plan;
  const counts = sizes.map((s) => new Float64Array(s));
  if (sizes[0]! > 0) counts[0]![0] = 1;
  for (let t = 0; t < n; t++) {
    const w = domains[order[t]!]!.length;
    const e = edges[t]!;
    const from = counts[t]!;
    const to = counts[t + 1]!;
    for (let s = 0; s < sizes[t]!; s++) {
      const c = from[s]!;
      for (let d = 0; d < w; d++) {
        const target = e[s * w + d]!;
        if (target >= 0) to[target]! += c;
      }
    }
  }
  return counts;
}

/** Per issue: 1 for each option that some complete package of the diagram takes. */
export function liveOptions(dag: Dag): Uint8Array[] {
  const { plan } = dag;
  const live = plan.scenario.issues.map((x) => new Uint8Array(x.options.length));
  for (let t = 0; t < plan.n; t++) {
    const x = plan.order[t]!;
    const dom = plan.domains[x]!;
    const e = dag.edges[t]!;
    for (let s = 0; s < dag.sizes[t]!; s++) {
      for (let d = 0; d < dom.length; d++) if (e[s * dom.length + d]! >= 0) live[x]![dom[d]!] = 1;
    }
  }
  return live;
}

/** The complete packages of the diagram, depth first in the plan's order, at most `limit` of them. */
export function* paths(dag: Dag, limit = Number.POSITIVE_INFINITY): Generator<Int32Array> {
  const { plan } = dag;
  const { n, order, domains } = plan;
  if (limit <= 0 || dag.total === 0) return;
  const pkg = Int32Array.from(plan.scenario.issues, (x) => x.statusQuo);
  const state = new Int32Array(n + 1);
  const next = new Int32Array(n + 1);
  let yielded = 0;
  let t = 0;
  next[0] = 0;
  while (t >= 0) {
    if (t === n) {
      yield Int32Array.from(pkg);
      if (++yielded >= limit) return;
      t--;
      continue;
    }
    const dom = domains[order[t]!]!;
    const e = dag.edges[t]!;
    let d = next[t]!;
    while (d < dom.length && e[state[t]! * dom.length + d]! < 0) d++;
    if (d === dom.length) {
      t--;
      continue;
    }
    next[t] = d + 1;
    pkg[order[t]!] = dom[d]!;
    state[t + 1] = e[state[t]! * dom.length + d]!;
    next[t + 1] = 0;
    t++;
  }
}
