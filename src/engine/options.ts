// What a run is configured with, beyond the scenario: the seed, the number of rounds, strategy overrides — and
// the one place their bounds are checked, whether they came from flags or from a session file.
import { type StrategyRole, strategyError } from '../agents/params.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { requireActorIndex } from '../domain/lookup.ts';
import { ROUNDS_RANGE, SEED_RANGE, wholeNumber } from '../domain/numbers.ts';
import { mediatorOf } from '../domain/protocol.ts';
import { type Scenario, STRATEGY_KINDS, type Strategy, type StrategyKind } from '../domain/types.ts';

/** Plain JSON: stored as is in a session file. */
export interface RunOptions {
  readonly seed?: number;
  /** overrides the scenario's protocol.maxRounds */
  readonly maxRounds?: number;
  /** actor id → strategy, replacing the scenario's */
  readonly strategies?: Readonly<
    Record<string, { readonly kind: string; readonly params?: Readonly<Record<string, number>> }>
  >;
  /** the modeller's hypothesis that negotiators anticipate ratification (agents/anticipate.ts); absent: the
   * scenario's `protocol.anticipateRatification`, else off */
  readonly anticipateRatification?: boolean;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly maxRounds: number;
  /** per actor index */
  readonly strategies: readonly Strategy[];
  /** present (true) only when on: outputs without it stay as they were */
  readonly anticipateRatification?: true;
}

/** A run's fixed part: the scenario and the resolved options the machine closes over. */
export interface Run {
  readonly scenario: Scenario;
  readonly options: ResolvedOptions;
}

export function isHuman(run: Run, actor: number): boolean {
  return run.options.strategies[actor]!.kind === 'human';
}

export const DEFAULT_SEED = 1;
/** Seeds are 0 … 2³¹ − 1 (what the seeded generator takes without folding two seeds into one): --seed's range. */
export const MAX_SEED = SEED_RANGE[1];

/** `x` if it is a whole number within `range` (by the rule a flag's text is read with), else why not. */
function inRange(x: number, range: readonly [number, number]): number | string {
  return wholeNumber(Number.isFinite(x) ? String(x) : 'not a number', ...range);
}

/**
 * An option out of bounds, with what was wrong as data: the CLI names the flag it came from (a usage error), a
 * session names its file and field (bad input).
 */
export class OptionError extends PeacesimError {
  override name = 'OptionError';
  constructor(
    /** which option: the seed, the number of rounds, or one actor's strategy */
    readonly option: 'seed' | 'maxRounds' | 'strategy',
    /** the actor whose strategy it is (strategy only) */
    readonly actor: string | null,
    /** what is wrong, e.g. "patience must be a whole number from 1 to 1000, not -1" */
    readonly problem: string,
  ) {
    super(`${option === 'strategy' ? `the strategy of ${actor}` : option}: ${problem}`);
  }
}

/** Whose strategy `actor` has, for the parameters it may take: only the mediator of a single text reads some. */
function roleOf(scenario: Scenario, actor: number): StrategyRole {
  return scenario.protocol.kind === 'mediated-single-text' && mediatorOf(scenario) === actor
    ? 'mediator'
    : 'other';
}

/**
 * Checks the options (OptionError when one is out of bounds; UnknownIdError for an unknown actor or strategy)
 * and fills in the scenario's defaults.
 */
export function resolveOptions(scenario: Scenario, options: RunOptions = {}): ResolvedOptions {
  const seed = inRange(options.seed ?? DEFAULT_SEED, SEED_RANGE);
  if (typeof seed === 'string') throw new OptionError('seed', null, seed);
  const maxRounds = inRange(options.maxRounds ?? scenario.protocol.maxRounds, ROUNDS_RANGE);
  if (typeof maxRounds === 'string') throw new OptionError('maxRounds', null, maxRounds);
  const strategies: Strategy[] = scenario.actors.map((a) => a.strategy);
  // the scenario's own strategies by the same table (agents/params.ts): a bad one is the file's mistake
  strategies.forEach((st, a) => {
    const error = strategyError(st.kind, st.params);
    if (error) throw new PeacesimError(`the scenario's strategy of ${scenario.actors[a]!.id}: ${error}`);
  });
  for (const [id, s] of Object.entries(options.strategies ?? {})) {
    const a = requireActorIndex(scenario, id);
    if (!STRATEGY_KINDS.includes(s.kind as StrategyKind))
      throw new UnknownIdError('strategy', s.kind, STRATEGY_KINDS);
    strategies[a] = { kind: s.kind as StrategyKind, params: { ...(s.params ?? {}) } };
    const error = strategyError(s.kind, strategies[a].params, roleOf(scenario, a));
    if (error) throw new OptionError('strategy', id, error);
  }
  // the flag (or the session's option) over the scenario's default
  const anticipate = options.anticipateRatification ?? scenario.protocol.anticipateRatification === true;
  return { seed, maxRounds, strategies, ...(anticipate ? { anticipateRatification: true } : {}) };
}
