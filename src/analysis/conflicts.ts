// Why nothing is feasible: the minimal conflicts among the hard constraints of feasibility (the parties' red lines
// and the rules) — every set of them that no package meets together while any smaller part of it can hold (a
// minimal unsatisfiable subset). Every check is an exact count on the decision diagram of the set checked.
import { holds } from '../domain/condition.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import { buildDag, paths } from './dag.ts';
import { outcomeSpace } from './feasibility.ts';
import { AnalysisLimitError } from './limits.ts';

/** A red line of a party, or a rule of the scenario. */
export interface HardConstraint {
  readonly constraint: Constraint;
  /** the party whose red line it is (actor index); null for a rule */
  readonly actor: number | null;
}

export interface ConflictAnalysis {
  /** the constraints of feasibility, in the order `feasibilityConstraints` gives them */
  readonly constraints: readonly HardConstraint[];
  /** each conflict: ascending indices into `constraints`; conflicts by size, then by their members */
  readonly conflicts: readonly (readonly number[])[];
  /** per constraint in some conflict: the feasible packages with it alone dropped (null: beyond the state bound) */
  readonly feasibleWithout: ReadonlyMap<number, number | null>;
  /** the size bound asked for: every conflict of at most this many members is searched for exhaustively */
  readonly maxSize: number;
  /** every conflict of at most this many members is listed (maxSize, unless the diagram's state bound cut in) */
  readonly exhaustiveUpTo: number;
  /** proven: the list holds every conflict, of any size */
  readonly complete: boolean;
  /** feasibility checks run (each an exact count on a decision diagram) */
  readonly checks: number;
}

export interface ConflictOptions {
  /** the largest conflict searched for exhaustively (default 4) */
  readonly maxSize?: number;
  /** most checks spent beyond the exhaustive search, to find larger conflicts and prove the list complete */
  readonly budget?: number;
  /** most minimal hitting sets of the conflicts found that the completeness proof will go through */
  readonly maxHittingSets?: number;
}

export const DEFAULT_MAX_CONFLICT_SIZE = 4;
const DEFAULT_BUDGET = 400;
const DEFAULT_MAX_HITTING_SETS = 256;

/** The parties' red lines, then the rules: the constraints and the order of `feasibilityConstraints`. */
export function hardConstraints(scenario: Scenario): HardConstraint[] {
  return [
    ...scenario.protocol.parties.flatMap((a) =>
      scenario.actors[a]!.redLines.map((constraint) => ({ constraint, actor: a })),
    ),
    ...scenario.rules.map((constraint) => ({ constraint, actor: null })),
  ];
}

type Set_ = readonly number[];
const keyOf = (set: Set_) => set.join(',');
const contains = (big: Set_, small: Set_) => small.every((x) => big.includes(x));
/** smaller sets first, then by their members */
function bySizeThenMembers(a: Set_, b: Set_): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** Budgeted, cached satisfiability of sets of constraints, with witnesses that settle subsets for free. */
class Checker {
  checks = 0;
  private readonly counts = new Map<string, number>();
  /** per package found: which constraints it meets (any subset of those is satisfiable) */
  private readonly witnesses: Uint8Array[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly all: readonly HardConstraint[],
  ) {}

  /** The exact number of packages meeting every constraint of the set (one diagram, cached). */
  count(set: Set_): number {
    const key = keyOf(set);
    const known = this.counts.get(key);
    if (known !== undefined) return known;
    this.checks++;
    const dag = buildDag(this.scenario, { hard: set.map((i) => this.all[i]!.constraint) });
    for (const pkg of paths(dag, 1))
      this.witnesses.push(Uint8Array.from(this.all, (c) => (holds(c.constraint.condition, pkg) ? 1 : 0)));
    this.counts.set(key, dag.total);
    return dag.total;
  }

  satisfiable(set: Set_): boolean {
    const known = this.counts.get(keyOf(set));
    if (known !== undefined) return known > 0;
    if (this.witnesses.some((w) => set.every((i) => w[i] === 1))) return true;
    return this.count(set) > 0;
  }
}

/** Which constraints share an issue: the pairs whose scopes meet. */
function sharedIssues(all: readonly HardConstraint[]): Uint8Array[] {
  return all.map((a) =>
    Uint8Array.from(all, (b) => (a.constraint.scope.some((x) => b.constraint.scope.includes(x)) ? 1 : 0)),
  );
}

/** Do the scopes of the set form one connected piece? (If not, each piece can be met on its own issues.) */
function connected(set: Set_, near: readonly Uint8Array[]): boolean {
  if (set.length <= 1) return true;
  const reached = new Uint8Array(set.length);
  reached[0] = 1;
  let count = 1;
  for (let grew = true; grew; ) {
    grew = false;
    for (let a = 0; a < set.length; a++) {
      if (reached[a]) continue;
      const row = near[set[a]!]!;
      for (let b = 0; b < set.length; b++)
        if (reached[b] && row[set[b]!]) {
          reached[a] = 1;
          count++;
          grew = true;
          break;
        }
    }
  }
  return count === set.length;
}

/**
 * The key of a set with the member at position `skip` left out (−1: none), for the level's lookups: the sum of
 * the members' powers of two while every sum is an exact double (52 constraints or fewer), else the members joined.
 */
function setKeys(n: number): (set: Set_, skip: number) => number | string {
  if (n > 52) return (set, skip) => set.filter((_, q) => q !== skip).join(',');
  const bit = Array.from({ length: n }, (_, i) => 2 ** i);
  return (set, skip) => {
    let key = 0;
    for (let q = 0; q < set.length; q++) if (q !== skip) key += bit[set[q]!]!;
    return key;
  };
}

/**
 * Every conflict of at most `maxSize` members, level by level (Apriori over a downward-closed property): a set is
 * a candidate only when every subset one smaller is satisfiable, so it is a conflict exactly when it is
 * unsatisfiable. A candidate whose scopes fall apart is satisfiable (its pieces are, on disjoint issues), and one
 * inside a witness's constraints is satisfiable; the rest take one check each.
 */
function smallConflicts(
  checker: Checker,
  all: readonly HardConstraint[],
  maxSize: number,
): { found: number[][]; upTo: number } {
  const found: number[][] = [];
  const near = sharedIssues(all);
  const key = setKeys(all.length);
  let level: number[][] = [[]];
  for (let size = 1; size <= maxSize; size++) {
    const below = new Set(level.map((set) => key(set, -1)));
    const next: number[][] = [];
    try {
      for (const base of level) {
        for (let j = (base.at(-1) ?? -1) + 1; j < all.length; j++) {
          const set = [...base, j];
          let candidate = true;
          for (let k = 0; k < set.length && candidate; k++) candidate = below.has(key(set, k));
          if (!candidate) continue;
          if (!connected(set, near) || checker.satisfiable(set)) next.push(set);
          else found.push(set);
        }
      }
    } catch (e) {
      // the conflicts found so far are genuine; only the search of this size is cut short
      if (e instanceof AnalysisLimitError) return { found, upTo: size - 1 };
      throw e;
    }
    level = next;
  }
  return { found, upTo: maxSize };
}

/** Adds a set to the minimal hitting sets of a family (Berge's step), keeping them minimal and sorted. */
function hitAlso(hitting: number[][], set: Set_): number[][] {
  const out = hitting.filter((h) => h.some((x) => set.includes(x)));
  for (const h of hitting) {
    if (h.some((x) => set.includes(x))) continue;
    for (const x of set) out.push([...h, x].sort((a, b) => a - b));
  }
  const unique = [...new Map(out.map((h) => [keyOf(h), h])).values()];
  const minimal = unique.filter((h) => !unique.some((g) => g.length < h.length && contains(h, g)));
  return minimal.sort(bySizeThenMembers);
}

/** Deletion filter: drops every member whose removal leaves the set unsatisfiable; what is left is minimal. */
function shrink(checker: Checker, set: Set_): number[] {
  let rest = [...set];
  for (const x of set) {
    const without = rest.filter((y) => y !== x);
    if (!checker.satisfiable(without)) rest = without;
  }
  return rest;
}

/**
 * The minimal conflicts among the scenario's hard constraints of feasibility (judge a dated scenario with
 * `positionsAsOf` first). Guarantee: every conflict of at most `exhaustiveUpTo` members is listed. Beyond, a
 * hitting-set loop looks for larger ones — the constraints outside a minimal hitting set of the conflicts found
 * either can all hold, or contain a new conflict, found by a deletion filter — until every minimal hitting set
 * leaves a satisfiable rest (`complete`: no other conflict exists, of any size) or its budget runs out.
 */
export function findConflicts(scenario: Scenario, options: ConflictOptions = {}): ConflictAnalysis {
  outcomeSpace(scenario);
  const all = hardConstraints(scenario);
  const maxSize = options.maxSize ?? DEFAULT_MAX_CONFLICT_SIZE;
  const checker = new Checker(scenario, all);
  const everything = all.map((_, i) => i);
  if (checker.count(everything) > 0)
    return {
      constraints: all,
      conflicts: [],
      feasibleWithout: new Map(),
      maxSize,
      exhaustiveUpTo: maxSize,
      complete: true,
      checks: checker.checks,
    };
  const { found, upTo } = smallConflicts(checker, all, maxSize);
  const complete = upTo === maxSize && findLarger(checker, everything, found, options);
  const members = [...new Set(found.flat())].sort((a, b) => a - b);
  const feasibleWithout = new Map<number, number | null>();
  for (const i of members) {
    try {
      feasibleWithout.set(i, checker.count(everything.filter((j) => j !== i)));
    } catch (e) {
      if (!(e instanceof AnalysisLimitError)) throw e;
      feasibleWithout.set(i, null);
    }
  }
  found.sort(bySizeThenMembers);
  return {
    constraints: all,
    conflicts: found,
    feasibleWithout,
    maxSize,
    exhaustiveUpTo: upTo,
    complete,
    checks: checker.checks,
  };
}

/** The hitting-set loop: adds the larger conflicts it finds to `found`; true when the list is proven complete. */
function findLarger(
  checker: Checker,
  everything: Set_,
  found: number[][],
  options: ConflictOptions,
): boolean {
  const stop = checker.checks + (options.budget ?? DEFAULT_BUDGET);
  const maxHitting = options.maxHittingSets ?? DEFAULT_MAX_HITTING_SETS;
  let hitting: number[][] = [[]];
  for (const set of found) hitting = hitAlso(hitting, set);
  try {
    // each round adds one conflict or ends; the budget bounds the rounds too, whatever the checks cost
    for (let round = 0; round <= (options.budget ?? DEFAULT_BUDGET); round++) {
      if (hitting.length > maxHitting) return false;
      let fresh: number[] | null = null;
      for (const h of hitting) {
        if (checker.checks >= stop) return false;
        const rest = everything.filter((i) => !h.includes(i));
        if (!checker.satisfiable(rest)) {
          fresh = shrink(checker, rest);
          break;
        }
      }
      if (fresh === null) return true;
      found.push(fresh);
      hitting = hitAlso(hitting, fresh);
    }
    return false;
  } catch (e) {
    if (e instanceof AnalysisLimitError) return false;
    throw e;
  }
}
