// Ratification in the analysis: which packages would be signed subject to a domestic body's approval, and whether
// they clear it by the scenario's numbers. The feasible packages that meet some hurdle's condition are counted
// exactly (the condition is one more constraint on the diagram); clearing depends on utility, so it is reported for
// the packages the analysis names (documents, solutions, the Pareto frontier), not counted over the whole space.
import { anyCondition } from '../domain/condition.ts';
import { type HurdleCheck, ratificationOf } from '../domain/ratification.ts';
import type { Constraint, Package, Scenario } from '../domain/types.ts';
import { buildDag } from './dag.ts';
import { feasibilityConstraints } from './feasibility.ts';

/** A hurdle as the scenario states it: what a check of a text reports of it, and the threshold's range and grounds. */
interface HurdleReport
  extends Pick<HurdleCheck, 'id' | 'actor' | 'label' | 'text' | 'basis' | 'sources' | 'thresholdBasis'> {
  /** the first date it holds (documents dated earlier meet no such hurdle); null: at every date */
  readonly from: string | null;
  readonly threshold: number;
  readonly thresholdRange: readonly [number, number] | null;
  readonly thresholdSources: readonly string[];
}

export interface RatificationReport {
  readonly hurdles: readonly HurdleReport[];
  /** feasible packages that meet some hurdle's condition (exact): each would be signed subject to ratification */
  readonly feasible: number;
  /** Pareto points that meet some hurdle's condition, and how many of them clear every hurdle they meet */
  readonly frontier: { readonly needed: number; readonly cleared: number };
}

function hurdleReports(scenario: Scenario): HurdleReport[] {
  return scenario.ratifications.map((r) => ({
    id: r.id,
    actor: scenario.actors[r.actor]!.id,
    label: r.label,
    text: r.text,
    basis: r.basis,
    sources: [...r.sources],
    from: r.from ?? null,
    threshold: r.threshold.value,
    thresholdRange: r.threshold.range ? [r.threshold.range[0], r.threshold.range[1]] : null,
    thresholdBasis: r.threshold.basis,
    thresholdSources: [...r.threshold.sources],
  }));
}

/** "Some hurdle applies" as a constraint the diagram can hold to. */
function someHurdle(scenario: Scenario): Constraint {
  const condition = anyCondition(scenario.ratifications.map((r) => r.condition));
  return {
    id: 'ratification',
    text: 'the text meets a ratification hurdle',
    condition,
    scope: [...new Set(scenario.ratifications.flatMap((r) => r.scope))].sort((a, b) => a - b),
    sources: [],
    confirmed: true,
    recall: false,
    basis: 'assumption',
    basisGiven: false,
  };
}

/** The feasible packages (no party's red line or rule broken) that meet some hurdle's condition, counted exactly. */
export function countNeedingRatification(scenario: Scenario, feasible: number): number {
  if (scenario.ratifications.length === 0 || feasible === 0) return 0;
  return buildDag(scenario, { hard: [...feasibilityConstraints(scenario), someHurdle(scenario)] }).total;
}

/**
 * The scenario's hurdles and what they do to its feasible packages and frontier; null when it states none. The
 * scenario is the one the analysis judges by (its `asOf` positions).
 */
export function ratificationReport(
  scenario: Scenario,
  feasible: number,
  frontier: readonly Package[],
): RatificationReport | null {
  if (scenario.ratifications.length === 0) return null;
  let needed = 0;
  let cleared = 0;
  for (const pkg of frontier) {
    const r = ratificationOf(scenario, pkg);
    if (!r) continue;
    needed++;
    if (r.clears) cleared++;
  }
  return {
    hurdles: hurdleReports(scenario),
    feasible: countNeedingRatification(scenario, feasible),
    frontier: { needed, cleared },
  };
}
