// The bounds of the exact analysis, and the one-line error a scenario beyond them gets (it never hangs).
import { PeacesimError } from '../domain/errors.ts';

/** Most DP states (distinct frontier assignments, summed over the levels) an exact count may build. */
export const MAX_STATES = 5_000_000;

/** Counts are doubles: exact below 2^53. */
export const MAX_EXACT_COUNT = Number.MAX_SAFE_INTEGER;

/** Most work units (see labels.ts) a Pareto DP run may spend; beyond, the exact frontier gives way to ε-Pareto. */
export const MAX_PARETO_WORK = 10_000_000;

/** Utilities closer than this are a tie (solutions, Pareto points). */
export const TIE = 1e-9;

/** The acceptance tolerance of the domain's verdicts (u ≥ r − ACCEPT_TOL). */
export const ACCEPT_TOL = 1e-12;

export class AnalysisLimitError extends PeacesimError {
  override name = 'AnalysisLimitError';
}

/**
 * A parameter of an analysis outside what it accepts, as data: which (`max`, `limit`, `set`), the value given and
 * what is wrong. The CLI words it with the flag the value came from.
 */
export class ParameterError extends PeacesimError {
  override name = 'ParameterError';
  constructor(
    readonly parameter: string,
    readonly value: string | number,
    readonly problem: string,
  ) {
    super(`${parameter} ${value}: ${problem}`);
  }
}

/** Internal: the exact Pareto DP went over its work budget; callers fall back to an approximation. */
export class WorkBudgetExceeded extends Error {
  override name = 'WorkBudgetExceeded';
}

export function scenarioName(file: string | undefined, id: string): string {
  return file ?? id;
}
