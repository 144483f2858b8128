// Feasibility: the packages that break no party's red line and no rule — counted exactly without enumerating
// the outcome space (a DP over the decision diagram), and listed on demand, streamed and bounded.
import type { Constraint, Issue, Scenario } from '../domain/types.ts';
import { outcomeSpaceSize } from '../domain/utility.ts';
import { buildDag, type Dag, paths } from './dag.ts';
import { AnalysisLimitError, MAX_EXACT_COUNT, scenarioName } from './limits.ts';

/** The red lines of every party, then the scenario's rules. */
export function feasibilityConstraints(scenario: Scenario): Constraint[] {
  return [...scenario.protocol.parties.flatMap((a) => scenario.actors[a]!.redLines), ...scenario.rules];
}

// the size depends on the issue list only: every draw and round of a run shares it
const sizes = new WeakMap<readonly Issue[], bigint>();

/** The number of packages (options per issue multiplied); refuses a space beyond exact doubles. */
export function outcomeSpace(scenario: Scenario): number {
  let size = sizes.get(scenario.issues);
  if (size === undefined) {
    size = outcomeSpaceSize(scenario);
    sizes.set(scenario.issues, size);
  }
  if (size > BigInt(MAX_EXACT_COUNT))
    throw new AnalysisLimitError(
      `${scenarioName(scenario.file, scenario.id)}: ${size.toLocaleString('en-US')} packages is beyond exact counting (2^53); drop candidate values of numeric issues or options nobody asks for`,
    );
  return Number(size);
}

/** The diagram of the feasible packages (optionally within a sub-space: per issue, the options allowed). */
export function feasibilityDag(scenario: Scenario, restrict?: readonly (Uint8Array | null)[]): Dag {
  outcomeSpace(scenario);
  return buildDag(scenario, { hard: feasibilityConstraints(scenario), ...(restrict ? { restrict } : {}) });
}

/** The exact number of feasible packages. */
export function countFeasible(scenario: Scenario, restrict?: readonly (Uint8Array | null)[]): number {
  return feasibilityDag(scenario, restrict).total;
}

/** The feasible packages, one at a time (each a fresh array of option indices), at most `limit`. */
export function* feasiblePackages(
  scenario: Scenario,
  options: { readonly limit?: number; readonly restrict?: readonly (Uint8Array | null)[] } = {},
): Generator<Int32Array> {
  yield* paths(feasibilityDag(scenario, options.restrict), options.limit);
}
