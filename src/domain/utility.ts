// Additive utility: the sum over issues of weight × option value, read from a flat per-actor table.
import type { Actor, Package, Scenario } from './types.ts';

export function utility(actor: Actor, offsets: Int32Array, pkg: Package): number {
  const contrib = actor.contrib;
  let u = 0;
  for (let i = 0; i < pkg.length; i++) u += contrib[offsets[i]! + pkg[i]!]!;
  return u;
}

/** What each issue costs the actor in this package: its weight × (best option value − this option's value). */
export function issueCosts(
  scenario: Scenario,
  actor: Actor,
  pkg: Package,
): { issue: number; cost: number }[] {
  const out: { issue: number; cost: number }[] = [];
  const { offsets } = scenario;
  for (let i = 0; i < scenario.issues.length; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    let best = 0;
    for (let k = start; k < end; k++) best = Math.max(best, actor.contrib[k]!);
    const cost = best - actor.contrib[start + pkg[i]!]!;
    if (cost > 1e-12) out.push({ issue: i, cost });
  }
  return out.sort((a, b) => b.cost - a.cost || a.issue - b.issue);
}

/** The status-quo package: every issue at the option that holds with no deal. */
export function statusQuoPackage(scenario: Scenario): Int32Array {
  return Int32Array.from(scenario.issues, (issue) => issue.statusQuo);
}

export function outcomeSpaceSize(scenario: Scenario): bigint {
  return scenario.issues.reduce((n, issue) => n * BigInt(issue.options.length), 1n);
}
