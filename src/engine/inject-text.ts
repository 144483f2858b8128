// A planned inject as `--inject` writes it: a manual scenario event by its id (`us-walks-away@7`), or an ad-hoc
// effect as KIND:TARGET[=NUMBER] (`drop-red-line:ukraine/no-withdrawal@3`,
// `shift-reservation:russia=-0.1@2`). A scenario id never holds ':', '/', '=' or '@' (its schema:
// [a-z0-9][a-z0-9._-]*), so the separators are unambiguous. The one reader and the one writer of the syntax: the
// flags parse it, and every message, header and analysis that names an inject writes it.
import type { AdHocEffect, InjectOrigin } from './events.ts';

/** A manual scenario event fired at the start of a round (`--inject EVENT@ROUND`). */
export interface PlannedEvent {
  readonly event: string;
  readonly round: number;
  /** who put it in, recorded on its input (none: a plan of a session that does not say) */
  readonly by?: InjectOrigin;
}

/**
 * What a run fires at the start of a round: a manual scenario event, or an ad-hoc effect — the user's
 * (`--inject KIND:TARGET@ROUND`), or a facilitator's in a saved session, planned again at the round it fired in.
 */
export type PlannedInject =
  | PlannedEvent
  | { readonly effect: AdHocEffect; readonly round: number; readonly by?: InjectOrigin };

/**
 * A planned inject as the JSON of `run`, `outcomes` and `hinges` gives it: a manual event as it is, an ad-hoc
 * effect (as a session file holds it) with its basis — the assumption of whoever planned it, not a fact.
 */
export function injectJson(p: PlannedInject) {
  return 'event' in p
    ? { event: p.event, round: p.round }
    : { effect: p.effect, round: p.round, basis: 'assumption' as const };
}

/** Every ad-hoc kind, with the target it takes after ':' — the words of the usage error that lists them. */
export const AD_HOC_SYNTAX: Readonly<Record<AdHocEffect['kind'], string>> = {
  'set-reservation': 'ACTOR=VALUE',
  'shift-reservation': 'ACTOR=DELTA',
  'set-weight': 'ACTOR/ISSUE=WEIGHT',
  'drop-red-line': 'ACTOR/RED-LINE',
  table: 'DOCUMENT',
  'walk-out': 'ACTOR',
  goodwill: 'ACTOR',
};

const KINDS = Object.keys(AD_HOC_SYNTAX) as AdHocEffect['kind'][];

/** A number as it reads back to itself (-0 included). */
const num = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/** An ad-hoc effect as `--inject` writes it, without the round: "set-weight:russia/donetsk=2". */
function effectText(e: AdHocEffect): string {
  switch (e.kind) {
    case 'set-reservation':
      return `${e.kind}:${e.actor}=${num(e.value)}`;
    case 'shift-reservation':
      return `${e.kind}:${e.actor}=${num(e.delta)}`;
    case 'set-weight':
      return `${e.kind}:${e.actor}/${e.issue}=${num(e.weight)}`;
    case 'drop-red-line':
      return `${e.kind}:${e.actor}/${e.redLine}`;
    case 'table':
      return `${e.kind}:${e.document}`;
    case 'walk-out':
    case 'goodwill':
      return `${e.kind}:${e.actor}`;
  }
}

/** A planned inject as a flag writes it: "us-walks-away@7", "drop-red-line:ukraine/no-nato@4". */
export function injectText(p: PlannedInject): string {
  return `${'event' in p ? p.event : effectText(p.effect)}@${p.round}`;
}

const ID = '[^:/=@\\s]+';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number after '=', or why not (its range is the effect's: the schema's bounds). */
function number(text: string, lo: number, hi: number, what: string): number | string {
  const x = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(x)) return `${what} "${text}" is not a number`;
  if (x < lo || x > hi)
    return `${what} ${text} is outside ${hi === Number.POSITIVE_INFINITY ? `[${lo}, ∞)` : `[${lo}, ${hi}]`}`;
  return x;
}

/** One example per kind, on the default scenario's ids (the usage errors show them). */
const EXAMPLES: Readonly<Record<AdHocEffect['kind'], string>> = {
  'set-reservation': 'set-reservation:us=0.4@1',
  'shift-reservation': 'shift-reservation:russia=-0.1@2',
  'set-weight': 'set-weight:russia/donetsk=2@1',
  'drop-red-line': 'drop-red-line:ukraine/no-withdrawal@3',
  table: 'table:istanbul-2022-ukraine@4',
  'walk-out': 'walk-out:coalition@5',
  goodwill: 'goodwill:russia@2',
};

/** The ad-hoc effect `KIND:TARGET` names, or why it names none (a sentence saying what to write). */
function parseEffect(kind: string, target: string): AdHocEffect | string {
  const want = (k: AdHocEffect['kind']) => `expected ${k}:${AD_HOC_SYNTAX[k]}, e.g. ${EXAMPLES[k]}`;
  const one = new RegExp(`^(${ID})$`);
  const pair = new RegExp(`^(${ID})/(${ID})$`);
  const valued = (re: string) => new RegExp(`^${re}=([^=\\s]+)$`);
  switch (kind) {
    case 'set-reservation':
    case 'shift-reservation': {
      const m = valued(`(${ID})`).exec(target);
      if (!m) return want(kind);
      const x =
        kind === 'set-reservation'
          ? number(m[2]!, 0, 1, 'a value of no deal')
          : number(m[2]!, -1, 1, 'a shift of a value of no deal');
      if (typeof x === 'string') return x;
      return kind === 'set-reservation' ? { kind, actor: m[1]!, value: x } : { kind, actor: m[1]!, delta: x };
    }
    case 'set-weight': {
      const m = valued(`(${ID})/(${ID})`).exec(target);
      if (!m) return want(kind);
      const x = number(m[3]!, 0, Number.POSITIVE_INFINITY, 'a weight');
      if (typeof x === 'string') return x;
      return { kind, actor: m[1]!, issue: m[2]!, weight: x };
    }
    case 'drop-red-line': {
      const m = pair.exec(target);
      return m ? { kind, actor: m[1]!, redLine: m[2]! } : want(kind);
    }
    case 'table': {
      const m = one.exec(target);
      return m ? { kind, document: m[1]! } : want(kind);
    }
    case 'walk-out':
    case 'goodwill': {
      const m = one.exec(target);
      return m ? { kind, actor: m[1]! } : want(kind);
    }
    default:
      return `unknown kind of ad-hoc inject "${kind}"; the kinds: ${KINDS.map((k) => `${k}:${AD_HOC_SYNTAX[k]}`).join(', ')}`;
  }
}

/**
 * `--inject EVENT@ROUND` or `--inject KIND:TARGET@ROUND`: the planned inject, or why the text names none (the
 * ids are checked against the scenario later, where it is open).
 */
export function parseInjectText(text: string): PlannedInject | string {
  const m = /^(.+)@(\d+)$/.exec(text);
  const round = m ? Number(m[2]) : 0;
  if (!m || round < 1)
    return 'expected EVENT@ROUND (a manual event of the scenario, e.g. us-pressure-on-ukraine@3) or KIND:TARGET@ROUND (an ad-hoc effect, e.g. shift-reservation:russia=-0.1@2; docs/run.md lists the kinds)';
  const what = m[1]!;
  const colon = what.indexOf(':');
  if (colon < 0) {
    if (!new RegExp(`^${ID}$`).test(what))
      return `"${what}" is not an event id; expected EVENT@ROUND or KIND:TARGET@ROUND (docs/run.md)`;
    return { event: what, round };
  }
  const effect = parseEffect(what.slice(0, colon), what.slice(colon + 1));
  return typeof effect === 'string' ? effect : { effect, round };
}
