// The parameters a strategy reads, and the values each may take: one table, checked wherever a strategy enters
// (--strategy on run and outcomes, a session file, a scenario's actors), so a name no strategy reads or a value it
// cannot use is refused everywhere alike rather than ignored or run with.
import { STRATEGY_KINDS, type StrategyKind } from '../domain/types.ts';

interface ParamRule {
  /** the kinds that read it */
  readonly kinds: readonly StrategyKind[];
  readonly min: number;
  readonly max: number;
  /** the minimum itself is excluded (e > 0) */
  readonly above?: boolean;
  readonly whole?: boolean;
  /** what it does, for the message */
  readonly means: string;
}

const BOTS = STRATEGY_KINDS.filter((k) => k !== 'human');

const STRATEGY_PARAMS: Readonly<Record<string, ParamRule>> = {
  e: {
    kinds: ['boulware', 'linear', 'conceder'],
    min: 0,
    above: true,
    max: 100,
    means: 'the concession exponent',
  },
  noise: { kinds: BOTS, min: 0, max: 1, means: 'the jitter of the aspiration' },
  opening: { kinds: ['tit-for-tat'], min: 0, max: 1, means: 'the first concession' },
  // read by a mediator of a single text, whatever its kind (the engine checks patience against the protocol)
  patience: {
    kinds: BOTS,
    min: 1,
    max: 1000,
    whole: true,
    means: 'rounds without progress before it leaves',
  },
  steps: {
    kinds: BOTS,
    min: 1,
    max: 1000,
    whole: true,
    means: 'terms it moves per rejecting actor and round',
  },
};

/** Why `kind` cannot take `name` = `value`, or null when it can. */
export function strategyParamError(kind: string, name: string, value: number): string | null {
  const rule = STRATEGY_PARAMS[name];
  const takes = Object.entries(STRATEGY_PARAMS)
    .filter(([, r]) => r.kinds.includes(kind as StrategyKind))
    .map(([n]) => n);
  if (!rule?.kinds.includes(kind as StrategyKind))
    return `${kind} takes no parameter "${name}"; it takes ${takes.length ? takes.join(', ') : 'none'}`;
  const low = rule.above ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || low || value > rule.max || (rule.whole && !Number.isInteger(value)))
    return `${name} (${rule.means}) must be ${rule.whole ? 'a whole number ' : ''}${rule.above ? 'above' : 'from'} ${rule.min}${rule.above ? ' and at most' : ' to'} ${rule.max}, not ${value}`;
  return null;
}

/** The first error of a strategy's parameters, or null. */
export function strategyError(kind: string, params: Readonly<Record<string, number>>): string | null {
  for (const [name, value] of Object.entries(params)) {
    const error = strategyParamError(kind, name, value);
    if (error) return error;
  }
  return null;
}
