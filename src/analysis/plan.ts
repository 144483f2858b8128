// The elimination plan shared by every exact analysis: split red lines and rules into conjuncts, fold the
// single-issue ones into per-issue option domains (unary propagation), and order the issues so that the DP
// "frontier" — the assigned issues that a not-yet-checked conjunct still reads — stays small.
import { holds, scopeOf } from '../domain/condition.ts';
import type { Condition, Constraint, Scenario } from '../domain/types.ts';
import { AnalysisLimitError, MAX_STATES, scenarioName } from './limits.ts';

/** The one-line error for a scenario whose exact analysis would need too many DP states. */
export function tooManyStates(
  scenario: Scenario,
  linked: ArrayLike<number>,
  limit = MAX_STATES,
): AnalysisLimitError {
  return new AnalysisLimitError(
    `${scenarioName(scenario.file, scenario.id)}: exact analysis needs more than ${limit.toLocaleString('en-US')} DP states: red lines and rules link the issues ${Array.from(linked, (i) => scenario.issues[i]!.id).join(', ')} together; split conditions that read many issues into smaller ones, or drop candidate values of numeric issues`,
  );
}

/** A conjunct the DP checks when the last issue it reads is assigned. owner −1: it must hold. */
interface Check {
  readonly condition: Condition;
  readonly scope: readonly number[];
  /** −1: a hard constraint; otherwise the actor whose acceptance it conditions (a controller's red line) */
  readonly owner: number;
}

export interface PlanInput {
  /** must hold (the parties' red lines and the rules, or one actor's red lines and the rules) */
  readonly hard: readonly Constraint[];
  /** red lines that matter only if their owner's acceptance is needed (non-party controllers) */
  readonly conditional?: readonly { readonly constraint: Constraint; readonly owner: number }[];
  /** a sub-space: per issue, the options allowed at all (null = all) */
  readonly restrict?: readonly (Uint8Array | null)[];
  /** most DP states the diagram may build (default MAX_STATES) */
  readonly maxStates?: number;
}

export interface Plan {
  readonly scenario: Scenario;
  readonly n: number;
  /** order[t] = the issue assigned at step t + 1 (level t → level t + 1) */
  readonly order: Int32Array;
  /** position[issue] = its index in order */
  readonly position: Int32Array;
  /** per issue: the options left after unary propagation, ascending */
  readonly domains: readonly Int32Array[];
  /** per issue: option → its index in the domain, or −1 */
  readonly domainIndex: readonly Int32Array[];
  /** per level 0..n: the frontier issues whose values make up the DP state (levels 0 and n: none) */
  readonly frontiers: readonly Int32Array[];
  /** per level: the place value of each frontier issue's digit (mixed radix over domain sizes) */
  readonly multipliers: readonly Float64Array[];
  /** per step 1..n (index = level reached): the hard conjuncts checked there */
  readonly hardAt: readonly (readonly Condition[])[];
  /** per step 1..n: the conditional conjuncts checked there */
  readonly conditionalAt: readonly (readonly Check[])[];
  /** a hard conjunct can never hold: nothing is feasible */
  readonly infeasible: boolean;
  readonly maxStates: number;
}

/** A condition as a list of conjuncts: `all` flattened, `not any` and `not not` pushed down. */
function conjuncts(c: Condition): Condition[] {
  switch (c.kind) {
    case 'all':
      return c.items.flatMap(conjuncts);
    case 'not': {
      const x = c.item;
      if (x.kind === 'any') return x.items.flatMap((y) => conjuncts({ kind: 'not', item: y }));
      if (x.kind === 'not') return conjuncts(x.item);
      if (x.kind === 'const') return [{ kind: 'const', value: !x.value }];
      return [c];
    }
    default:
      return [c];
  }
}

interface Split {
  readonly masks: Uint8Array[];
  readonly multi: Check[];
  readonly unaryConditional: Check[];
  readonly infeasible: boolean;
}

function split(scenario: Scenario, input: PlanInput): Split {
  const { issues } = scenario;
  const masks = issues.map((issue, i) => {
    const r = input.restrict?.[i];
    return r ? Uint8Array.from(r) : new Uint8Array(issue.options.length).fill(1);
  });
  const probe = Int32Array.from(issues, (x) => x.statusQuo);
  const multi: Check[] = [];
  const unaryConditional: Check[] = [];
  let infeasible = false;
  const add = (constraint: Constraint, owner: number) => {
    for (const condition of conjuncts(constraint.condition)) {
      const scope = scopeOf(condition);
      if (scope.length === 0 && owner === -1) {
        if (!holds(condition, probe)) infeasible = true;
      } else if (scope.length === 1 && owner === -1) {
        const i = scope[0]!;
        const mask = masks[i]!;
        const keep = probe[i]!;
        for (let o = 0; o < mask.length; o++) {
          probe[i] = o;
          if (mask[o] && !holds(condition, probe)) mask[o] = 0;
        }
        probe[i] = keep;
      } else if (scope.length <= 1) {
        unaryConditional.push({ condition, scope, owner });
      } else {
        multi.push({ condition, scope, owner });
      }
    }
  };
  for (const c of input.hard) add(c, -1);
  for (const c of input.conditional ?? []) add(c.constraint, c.owner);
  if (masks.some((m) => !m.includes(1))) infeasible = true;
  return { masks, multi, unaryConditional, infeasible };
}

/** log2 of the state count of each level's frontier, for a given order. */
function frontierSets(order: readonly number[], checks: readonly Check[], n: number): number[][] {
  const position = new Int32Array(n);
  order.forEach((x, t) => {
    position[x] = t;
  });
  const last = checks.map((c) => Math.max(...c.scope.map((i) => position[i]!)));
  const out: number[][] = [[]];
  for (let t = 1; t <= n; t++) {
    const f = new Set<number>();
    checks.forEach((c, k) => {
      if (last[k]! >= t) for (const i of c.scope) if (position[i]! < t) f.add(i);
    });
    out.push([...f].sort((a, b) => position[a]! - position[b]!));
  }
  return out;
}

/** log2 of the work of a DP over this order: Σ_t |states before step t| × |domain of the issue assigned|. */
function workOf(order: readonly number[], frontiers: readonly number[][], logSize: Float64Array): number {
  let total = 0;
  for (let t = 0; t < order.length; t++) {
    let w = logSize[order[t]!]!;
    for (const i of frontiers[t]!) w += logSize[i]!;
    total += 2 ** w;
  }
  return Math.log2(Math.max(1, total));
}

/** Greedy min-width order: at each step the issue whose assignment leaves the smallest frontier. */
function greedyOrder(checks: readonly Check[], n: number, logSize: Float64Array): number[] {
  const byIssue: number[][] = Array.from({ length: n }, () => []);
  checks.forEach((c, k) => {
    for (const i of c.scope) byIssue[i]!.push(k);
  });
  const open = Int32Array.from(checks, (c) => c.scope.length);
  const assigned = new Uint8Array(n);
  const order: number[] = [];
  for (let t = 0; t < n; t++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestClosed = -1;
    for (let x = 0; x < n; x++) {
      if (assigned[x]) continue;
      let cost = 0;
      let closed = 0;
      for (const k of byIssue[x]!) if (open[k] === 1) closed++;
      for (let i = 0; i < n; i++) {
        if (!(assigned[i] || i === x)) continue;
        const stays = byIssue[i]!.some((k) => open[k]! - (checks[k]!.scope.includes(x) ? 1 : 0) > 0);
        if (stays) cost += logSize[i]!;
      }
      if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) <= 1e-9 && closed > bestClosed)) {
        best = x;
        bestCost = cost;
        bestClosed = closed;
      }
    }
    assigned[best] = 1;
    order.push(best);
    for (const k of byIssue[best]!) open[k]!--;
  }
  return order;
}

export function buildPlan(scenario: Scenario, input: PlanInput): Plan {
  const n = scenario.issues.length;
  const { masks, multi, unaryConditional, infeasible } = split(scenario, input);
  const domains = masks.map((m) => Int32Array.from([...m.keys()].filter((o) => m[o] === 1)));
  const domainIndex = masks.map((m, i) => {
    const idx = new Int32Array(m.length).fill(-1);
    domains[i]!.forEach((o, d) => {
      idx[o] = d;
    });
    return idx;
  });
  const logSize = Float64Array.from(domains, (d) => Math.log2(Math.max(1, d.length)));

  const natural = [...Array(n).keys()];
  const greedy = greedyOrder(multi, n, logSize);
  const fNatural = frontierSets(natural, multi, n);
  const fGreedy = frontierSets(greedy, multi, n);
  const useNatural = workOf(natural, fNatural, logSize) <= workOf(greedy, fGreedy, logSize) + 1e-9;
  const order = useNatural ? natural : greedy;
  const frontierList = useNatural ? fNatural : fGreedy;

  const position = new Int32Array(n);
  order.forEach((x, t) => {
    position[x] = t;
  });
  const width = (f: readonly number[]) => f.reduce((s, i) => s + logSize[i]!, 0);
  const widest = frontierList.reduce((a, f) => (width(f) > width(a) ? f : a), []);
  // states are numbered in mixed radix over the frontier's domains: that must stay an exact double
  if (!infeasible && width(widest) > 52) throw tooManyStates(scenario, widest);
  const frontiers = frontierList.map((f) => Int32Array.from(f));
  const multipliers = frontiers.map((f) => {
    const m = new Float64Array(f.length);
    let place = 1;
    for (let k = 0; k < f.length; k++) {
      m[k] = place;
      place *= domains[f[k]!]!.length;
    }
    return m;
  });
  const hardAt: Condition[][] = Array.from({ length: n + 1 }, () => []);
  const conditionalAt: Check[][] = Array.from({ length: n + 1 }, () => []);
  const stepOf = (c: Check) => (c.scope.length === 0 ? 1 : Math.max(...c.scope.map((i) => position[i]!)) + 1);
  for (const c of multi) {
    if (c.owner === -1) hardAt[stepOf(c)]!.push(c.condition);
    else conditionalAt[stepOf(c)]!.push(c);
  }
  for (const c of unaryConditional) if (n > 0) conditionalAt[stepOf(c)]!.push(c);
  return {
    scenario,
    n,
    order: Int32Array.from(order),
    position,
    domains,
    domainIndex,
    frontiers,
    multipliers,
    hardAt,
    conditionalAt,
    infeasible,
    maxStates: input.maxStates ?? MAX_STATES,
  };
}
