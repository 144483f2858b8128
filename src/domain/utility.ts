// Additive utility: the sum over issues of weight × option value, read from a flat per-actor table.
import type { Actor, Package, Scenario } from './types.ts';

export function utility(actor: Actor, offsets: Int32Array, pkg: Package): number {
  const contrib = actor.contrib;
  let u = 0;
  for (let i = 0; i < pkg.length; i++) u += contrib[offsets[i]! + pkg[i]!]!;
  return u;
}

/**
 * Per issue, the actor's best contribution (never below 0): it depends on the actor's table alone, which a run keeps
 * for many rounds (a draw's tables are new), so it is worked out once per table and read by every answer.
 */
const bestByTable = new WeakMap<
  Float64Array,
  { readonly offsets: Int32Array; readonly best: Float64Array }
>();

function bestPerIssue(contrib: Float64Array, offsets: Int32Array): Float64Array {
  const hit = bestByTable.get(contrib);
  if (hit?.offsets === offsets) return hit.best;
  const best = new Float64Array(offsets.length - 1);
  for (let i = 0; i < best.length; i++) {
    let b = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) b = Math.max(b, contrib[k]!);
    best[i] = b;
  }
  bestByTable.set(contrib, { offsets, best });
  return best;
}

const byCost = (a: { issue: number; cost: number }, b: { issue: number; cost: number }) =>
  b.cost - a.cost || a.issue - b.issue;

/** What each issue costs the actor in this package: its weight × (best option value − this option's value). */
export function issueCosts(
  scenario: Scenario,
  actor: Actor,
  pkg: Package,
): { issue: number; cost: number }[] {
  const out: { issue: number; cost: number }[] = [];
  const { offsets } = scenario;
  const { contrib } = actor;
  const best = bestPerIssue(contrib, offsets);
  for (let i = 0; i < scenario.issues.length; i++) {
    const cost = best[i]! - contrib[offsets[i]! + pkg[i]!]!;
    if (cost > 1e-12) out.push({ issue: i, cost });
  }
  return out.sort(byCost);
}

/**
 * The `k` costliest terms, as `issueCosts(…).slice(0, k)` gives them: kept in order while the issues are read,
 * without a list of every term and its sort (every rejection asks for its three costliest, every round).
 */
export function costliestIssues(
  scenario: Scenario,
  actor: Actor,
  pkg: Package,
  k: number,
): { issue: number; cost: number }[] {
  const out: { issue: number; cost: number }[] = [];
  if (k <= 0) return out;
  const { offsets } = scenario;
  const { contrib } = actor;
  const best = bestPerIssue(contrib, offsets);
  for (let i = 0; i < scenario.issues.length; i++) {
    const cost = best[i]! - contrib[offsets[i]! + pkg[i]!]!;
    // issues come in index order, so a cost equal to the last kept one ranks after it
    if (!(cost > 1e-12) || (out.length === k && !(cost > out[k - 1]!.cost))) continue;
    let at = out.length === k ? k - 1 : out.length;
    while (at > 0 && cost > out[at - 1]!.cost) at--;
    if (out.length === k) out.pop();
    out.splice(at, 0, { issue: i, cost });
  }
  return out;
}

/** Two packages with the same option on every issue. */
export function samePackage(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The status-quo package: every issue at the option that holds with no deal. */
export function statusQuoPackage(scenario: Scenario): Int32Array {
  return Int32Array.from(scenario.issues, (issue) => issue.statusQuo);
}

export function outcomeSpaceSize(scenario: Scenario): bigint {
  return scenario.issues.reduce((n, issue) => n * BigInt(issue.options.length), 1n);
}
