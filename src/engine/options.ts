// What a run is configured with, beyond the scenario: the seed, the number of rounds, strategy overrides — and
// the one place their bounds are checked, whether they came from flags or from a session file.
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { requireActorIndex } from '../domain/lookup.ts';
import { mediatorOf } from '../domain/protocol.ts';
import { type Scenario, STRATEGY_KINDS, type Strategy, type StrategyKind } from '../domain/types.ts';

export { STRATEGY_KINDS };

/** Plain JSON: stored as is in a session file. */
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

/** A run's fixed part: the scenario and the resolved options the machine closes over. */
export interface Run {
  readonly scenario: Scenario;
  readonly options: ResolvedOptions;
}

export function isHuman(run: Run, actor: number): boolean {
  return run.options.strategies[actor]!.kind === 'human';
}

export const DEFAULT_SEED = 1;
/** Seeds are 0 … 2³¹ − 1 (what the seeded generator takes without folding two seeds into one). */
export const MAX_SEED = 2 ** 31 - 1;
/** The most rounds a run may have: a bound on the work a flag or a session file can ask for. */
export const MAX_ROUNDS = 1000;

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

type Who = { readonly kind: StrategyKind; readonly mediator: boolean };

interface Parameter {
  /** who reads it */
  readonly applies: (who: Who) => boolean;
  readonly valid: (x: number) => boolean;
  readonly expected: string;
}

const bot = (w: Who) => w.kind !== 'human';
const whole = (lo: number, hi: number) => (x: number) => Number.isInteger(x) && x >= lo && x <= hi;
const within = (lo: number, hi: number) => (x: number) => Number.isFinite(x) && x >= lo && x <= hi;

/** Every strategy parameter the agents read, who reads it, and its bounds (docs/engine.md#strategies). */
const PARAMETERS: Readonly<Record<string, Parameter>> = {
  e: {
    // time-dependent concession; tit-for-tat and Zeuthen fall back to it when they cannot apply
    applies: (w) => ['boulware', 'linear', 'conceder', 'tit-for-tat', 'zeuthen'].includes(w.kind),
    valid: (x) => Number.isFinite(x) && x > 0 && x <= 100,
    expected: 'a number above 0 and at most 100',
  },
  noise: { applies: bot, valid: within(0, 1), expected: 'a number from 0 to 1' },
  opening: {
    applies: (w) => w.kind === 'tit-for-tat',
    valid: within(0, 1),
    expected: 'a number from 0 to 1',
  },
  patience: {
    applies: (w) => bot(w) && w.mediator,
    valid: whole(1, MAX_ROUNDS),
    expected: `a whole number of rounds from 1 to ${MAX_ROUNDS}`,
  },
  steps: {
    applies: (w) => bot(w) && w.mediator,
    valid: whole(1, MAX_ROUNDS),
    expected: `a whole number from 1 to ${MAX_ROUNDS}`,
  },
};

function checkParams(scenario: Scenario, actor: number, strategy: Strategy): void {
  const who: Who = {
    kind: strategy.kind,
    mediator: scenario.protocol.kind === 'mediated-single-text' && mediatorOf(scenario) === actor,
  };
  const id = scenario.actors[actor]!.id;
  for (const [name, x] of Object.entries(strategy.params)) {
    const p = Object.hasOwn(PARAMETERS, name) ? PARAMETERS[name]! : null;
    const readers = Object.keys(PARAMETERS).filter((k) => PARAMETERS[k]!.applies(who));
    if (!p?.applies(who))
      throw new OptionError(
        'strategy',
        id,
        `${strategy.kind}${who.mediator ? ' (the mediator)' : ''} takes no parameter "${name}"; it takes ${readers.join(', ') || 'none'}`,
      );
    if (!p.valid(x)) throw new OptionError('strategy', id, `${name} must be ${p.expected}, not ${x}`);
  }
}

/**
 * Checks the options (OptionError when one is out of bounds; UnknownIdError for an unknown actor or strategy)
 * and fills in the scenario's defaults.
 */
export function resolveOptions(scenario: Scenario, options: RunOptions = {}): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new OptionError('seed', null, `must be a whole number from 0 to ${MAX_SEED}, not ${seed}`);
  const maxRounds = options.maxRounds ?? scenario.protocol.maxRounds;
  if (!Number.isInteger(maxRounds) || maxRounds < 1 || maxRounds > MAX_ROUNDS)
    throw new OptionError(
      'maxRounds',
      null,
      `must be a whole number from 1 to ${MAX_ROUNDS}, not ${maxRounds}`,
    );
  const strategies: Strategy[] = scenario.actors.map((a) => a.strategy);
  // the scenario's own strategies: the values the agents read must be in bounds (which ones it sets is the file's)
  strategies.forEach((st, a) => {
    for (const [name, x] of Object.entries(st.params))
      if (Object.hasOwn(PARAMETERS, name) && !PARAMETERS[name]!.valid(x))
        throw new PeacesimError(
          `the scenario's strategy of ${scenario.actors[a]!.id}: ${name} must be ${PARAMETERS[name]!.expected}, not ${x}`,
        );
  });
  for (const [id, s] of Object.entries(options.strategies ?? {})) {
    const a = requireActorIndex(scenario, id);
    if (!STRATEGY_KINDS.includes(s.kind as StrategyKind))
      throw new UnknownIdError('strategy', s.kind, STRATEGY_KINDS);
    strategies[a] = { kind: s.kind as StrategyKind, params: { ...(s.params ?? {}) } };
    checkParams(scenario, a, strategies[a]);
  }
  return { seed, maxRounds, strategies };
}
