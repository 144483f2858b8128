// What a run is configured with, beyond the scenario: the seed, the number of rounds, strategy overrides.
import { strategyError } from '../agents/params.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { requireActorIndex } from '../domain/lookup.ts';
import {
  type Scenario,
  STRATEGY_KINDS,
  type Strategy,
  type StrategyKind,
} from '../domain/types.ts'; /** Plain JSON: stored as is in a session file. */
export interface RunOptions {
  readonly seed?: number;
  /** overrides the scenario's protocol.maxRounds */
  readonly maxRounds?: number;
  /** actor id → strategy, replacing the scenario's */
  readonly strategies?: Readonly<
    Record<string, { readonly kind: string; readonly params?: Readonly<Record<string, number>> }>
  >;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly maxRounds: number;
  /** per actor index */
  readonly strategies: readonly Strategy[];
}

export const DEFAULT_SEED = 1;

/** Checks actor ids and strategy kinds (UnknownIdError) and fills in the scenario's defaults. */
export function resolveOptions(scenario: Scenario, options: RunOptions = {}): ResolvedOptions {
  const strategies: Strategy[] = scenario.actors.map((a) => a.strategy);
  for (const [id, s] of Object.entries(options.strategies ?? {})) {
    const a = requireActorIndex(scenario, id);
    if (!STRATEGY_KINDS.includes(s.kind as StrategyKind))
      throw new UnknownIdError('strategy', s.kind, STRATEGY_KINDS);
    strategies[a] = { kind: s.kind as StrategyKind, params: { ...(s.params ?? {}) } };
  }
  // the mediator's patience is checked here, so a bad value fails before the run starts
  strategies.forEach((st, a) => {
    const p = st.params.patience;
    if (p !== undefined && (!Number.isInteger(p) || p < 1))
      throw new PeacesimError(
        `patience of ${scenario.actors[a]!.id} must be a whole number of rounds ≥ 1, not ${p}`,
        2,
      );
  });
  // every parameter by the rules --strategy applies (agents/params.ts): a session or a scenario gets no leeway
  strategies.forEach((st, a) => {
    const error = strategyError(st.kind, st.params);
    if (error) throw new PeacesimError(`the strategy of ${scenario.actors[a]!.id}: ${error}`, 2);
  });
  const maxRounds = options.maxRounds ?? scenario.protocol.maxRounds;
  if (!Number.isInteger(maxRounds) || maxRounds < 1)
    throw new PeacesimError(`maxRounds must be a whole number ≥ 1, not ${maxRounds}`, 2);
  return { seed: options.seed ?? DEFAULT_SEED, maxRounds, strategies };
}
