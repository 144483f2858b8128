// Parsers for flags: a bad value is a usage error (exit 2) naming the flag (commander adds "option '--x <n>'
// argument '…' is invalid"). The rules are the ones every other way in checks too: whole numbers as the setup
// form reads them (domain/numbers.ts), strategy parameters as sessions and scenarios are checked (agents/params.ts).
import { InvalidArgumentError } from 'commander';
import { strategyError } from '../agents/params.ts';
import { wholeNumber } from '../domain/numbers.ts';
import { STRATEGY_KINDS, type StrategyKind } from '../domain/types.ts';
import { AD_HOC_SYNTAX, type PlannedInject, parseInjectText } from '../engine/inject-text.ts';

export function intFlag(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = wholeNumber(value, min, max);
    if (typeof n === 'string') throw new InvalidArgumentError(`${n}.`);
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export type StrategyFlags = Record<string, { kind: string; params?: Record<string, number> }>;

/** `--strategy ACTOR=KIND[:PARAM=NUMBER,…]`, e.g. `russia=boulware:e=0.1`: each parameter one its kind reads. */
export function parseStrategy(value: string, previous: StrategyFlags = {}): StrategyFlags {
  const m = /^([^=\s]+)=([a-z-]+)(?::(.+))?$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected ACTOR=KIND or ACTOR=KIND:PARAM=NUMBER,…');
  const kind = m[2]!;
  const params: Record<string, number> = {};
  for (const pair of m[3]?.split(',') ?? []) {
    const [k, v] = pair.split('=');
    const x = Number(v);
    if (!k || v === undefined || v.trim() === '' || !Number.isFinite(x))
      throw new InvalidArgumentError(`"${pair}" is not PARAM=NUMBER`);
    params[k] = x;
  }
  // an unknown kind is named with the valid ones when the run resolves its options; its parameters are checked here
  if (STRATEGY_KINDS.includes(kind as StrategyKind)) {
    const error = strategyError(kind, params);
    if (error) throw new InvalidArgumentError(`${error}.`);
  }
  return { ...previous, [m[1]!]: { kind, ...(m[3] ? { params } : {}) } };
}

/** `--inject EVENT@ROUND` or `--inject KIND:TARGET@ROUND` (engine/inject-text.ts; the ids are checked later). */
export function parseInject(value: string, previous: PlannedInject[] = []): PlannedInject[] {
  const p = parseInjectText(value);
  if (typeof p === 'string') throw new InvalidArgumentError(`${p}.`);
  return [...previous, p];
}

/** The `--inject` flag's help, of run, outcomes and hinges (`where`: in what the inject fires). */
export function injectHelp(where: string): string {
  return `fire at the start of a round ${where}: a manual event of the scenario (EVENT@ROUND), or an ad-hoc effect, the analyst's assumption (KIND:TARGET@ROUND): ${Object.entries(
    AD_HOC_SYNTAX,
  )
    .map(([k, target]) => `${k}:${target}`)
    .join(', ')} — e.g. shift-reservation:russia=-0.1@2 (repeatable; docs/run.md)`;
}

/** The run option of the modeller's hypothesis that negotiators anticipate ratification (agents/anticipate.ts). */
export const ANTICIPATE_FLAG = '--anticipate-ratification';
export const NO_ANTICIPATE_FLAG = '--no-anticipate-ratification';
export const NO_ANTICIPATE_HELP = "off, where the scenario's protocol.anticipateRatification turns it on";
export const ANTICIPATE_HELP =
  "the modeller's assumption that negotiators anticipate ratification: every actor facing a ratification hurdle rejects, and does not propose, a text its domestic body would vote down, and the mediator's redraft counts such a text against it (docs/run.md)";
/** The same assumption where a command only judges texts (sweep, whatif, concessions): what it does to a verdict. */
export const ANTICIPATE_JUDGE_HELP =
  "judge as if negotiators anticipate ratification (the modeller's assumption): an actor facing a ratification hurdle rejects a text that meets the hurdle and would fail it — its domestic body would vote it down (docs/run.md)";
