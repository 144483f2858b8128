// Per-issue ZOPA: the options each actor can live with (some package keeps that option and breaks none of
// the actor's red lines and no rule), and the options the parties can live with together (some package keeps
// that option and breaks no party's red line and no rule).
import type { Scenario } from '../domain/types.ts';
import { buildDag, type Dag, liveOptions } from './dag.ts';
import { feasibilityDag } from './feasibility.ts';

export interface IssueZopa {
  readonly issue: number;
  /** per actor, in scenario order: 1 for each option it can live with */
  readonly byActor: readonly Uint8Array[];
  /** 1 for each option of some feasible package (every party together, and the rules) */
  readonly common: Uint8Array;
}

export function zopa(scenario: Scenario, feasible: Dag = feasibilityDag(scenario)): IssueZopa[] {
  const perActor = scenario.actors.map((a) =>
    liveOptions(buildDag(scenario, { hard: [...a.redLines, ...scenario.rules] })),
  );
  const common = liveOptions(feasible);
  return scenario.issues.map((_, i) => ({
    issue: i,
    byActor: perActor.map((live) => live[i]!),
    common: common[i]!,
  }));
}
