// The parameters a strategy reads, and the values each may take: one table, checked wherever a strategy enters
// (--strategy on run and outcomes, a session file, a scenario's actors), so a name no strategy reads or a value it
// cannot use is refused everywhere alike rather than ignored or run with.
import { ROUNDS_RANGE } from '../domain/numbers.ts';
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
  /** read only by the mediator of a single text (checked where the scenario is known) */
  readonly mediatorOnly?: boolean;
}

const BOTS = STRATEGY_KINDS.filter((k) => k !== 'human');

const STRATEGY_PARAMS: Readonly<Record<string, ParamRule>> = {
  // tit-for-tat and Zeuthen fall back to a linear concession when they cannot apply (agents/aspiration.ts)
  e: {
    kinds: ['boulware', 'linear', 'conceder', 'tit-for-tat', 'zeuthen'],
    min: 0,
    above: true,
    max: 100,
    means: 'the concession exponent',
  },
  noise: { kinds: BOTS, min: 0, max: 1, means: 'the jitter of the aspiration' },
  opening: { kinds: ['tit-for-tat'], min: 0, max: 1, means: 'the first concession' },
  // read by a mediator of a single text, whatever its kind
  patience: {
    kinds: BOTS,
    min: 1,
    max: ROUNDS_RANGE[1],
    whole: true,
    means: 'rounds without progress before it leaves',
    mediatorOnly: true,
  },
  steps: {
    kinds: BOTS,
    min: 1,
    max: ROUNDS_RANGE[1],
    whole: true,
    means: 'terms it moves per rejecting actor and round',
    mediatorOnly: true,
  },
};

/**
 * Whose strategy it is: the mediator of a single text, another actor, or not known yet (a flag read before its
 * scenario is open: the mediator's parameters are then allowed, and checked again once the scenario is known).
 */
export type StrategyRole = 'mediator' | 'other' | 'unknown';

const reads = (rule: ParamRule | undefined, kind: string, role: StrategyRole): rule is ParamRule =>
  rule?.kinds.includes(kind as StrategyKind) === true && !(rule.mediatorOnly && role === 'other');

/** Why `kind` cannot take `name` = `value`, or null when it can. */
export function strategyParamError(
  kind: string,
  name: string,
  value: number,
  role: StrategyRole = 'unknown',
): string | null {
  const rule = Object.hasOwn(STRATEGY_PARAMS, name) ? STRATEGY_PARAMS[name] : undefined;
  const takes = Object.entries(STRATEGY_PARAMS)
    .filter(([, r]) => reads(r, kind, role))
    .map(([n]) => n);
  if (!reads(rule, kind, role))
    return `${kind}${role === 'mediator' ? ' (the mediator)' : ''} takes no parameter "${name}"; it takes ${takes.length ? takes.join(', ') : 'none'}`;
  const low = rule.above ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || low || value > rule.max || (rule.whole && !Number.isInteger(value)))
    return `${name} (${rule.means}) must be ${rule.whole ? 'a whole number ' : ''}${rule.above ? 'above' : 'from'} ${rule.min}${rule.above ? ' and at most' : ' to'} ${rule.max}, not ${value}`;
  return null;
}

/** The first error of a strategy's parameters, or null. */
export function strategyError(
  kind: string,
  params: Readonly<Record<string, number>>,
  role: StrategyRole = 'unknown',
): string | null {
  for (const [name, value] of Object.entries(params)) {
    const error = strategyParamError(kind, name, value, role);
    if (error) return error;
  }
  return null;
}
