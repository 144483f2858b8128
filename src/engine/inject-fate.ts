// What became of a planned inject in one run: it fired, it was passed over with nothing to do (and why, as the
// run's own transcript says), or the talks ended before its round. `outcomes` counts these over its draws; a
// `run` refuses an idle inject instead (headless.ts, idleReason), so only the draws of `outcomes` pass one over.
import type { Scenario } from '../domain/types.ts';
import type { NegotiationContext } from './context.ts';
import type { PlannedInject } from './inject-text.ts';

/**
 * What to do with an ad-hoc inject that has nothing to do where the run stands: `send` it as it is (a session
 * rebuilt, a run with a reversed choice: the engine logs an idle walk-out, a drop of a red line not held is
 * skipped), `refuse` it (PlanError: a `run` the user planned), or `pass-over` it and note why (the draws of
 * `outcomes`).
 */
export type IdlePolicy = 'send' | 'refuse' | 'pass-over';

/**
 * One planned inject in one run, as a code (the partial result, `--csv runs` and `--json` write it):
 * - `fired`; `not-reached`: the talks ended before its round;
 * - `passed-over:WHY`, the actor gone: `walked-out:no-deal` (its own walk-out as a bot: nothing it could accept
 *   at the table was worth its value of no deal), `walked-out:patience` (a mediator out of patience),
 *   `walked-out:ratification` (anticipating ratification: nothing it could table would clear its own),
 *   `walked-out:event:ID` (the scenario's event ID), `walked-out:inject` (an earlier inject of the run);
 * - `passed-over:WHY`, the red line no longer held: `red-line-dropped:event:ID`, `red-line-dropped:inject`, or
 *   `red-line-not-held` (nothing in the run dropped it: the actor did not hold it in that round).
 * (A party's or the mediator's walk-out ends the talks, so in the engine as it stands a walk-out that leaves the
 * talks going is an event's or an inject's; the other causes are named for completeness, never assumed.)
 */
export type InjectFate = string;

export const FIRED = 'fired';
export const NOT_REACHED = 'not-reached';

/** The grammar of an InjectFate (the partial result's reader checks it). */
export const FATE_PATTERN =
  /^(fired|not-reached|passed-over:walked-out:(no-deal|patience|ratification|inject|event:[a-z0-9][a-z0-9._-]*)|passed-over:red-line-dropped:(inject|event:[a-z0-9][a-z0-9._-]*)|passed-over:red-line-not-held)$/;

/**
 * Why an idle ad-hoc inject had nothing to do, read from the run's transcript: who or what made the actor walk
 * out, or dropped its red line. Called only for an inject `idleReason` finds idle.
 */
export function idleFate(scenario: Scenario, ctx: NegotiationContext, p: PlannedInject): InjectFate {
  return `passed-over:${idleWhy(scenario, ctx, p)}`;
}

function idleWhy(_scenario: Scenario, ctx: NegotiationContext, p: PlannedInject): string {
  if ('event' in p) throw new Error('a manual event is never idle');
  const e = p.effect;
  const actor = 'actor' in e ? e.actor : '';
  if (e.kind === 'walk-out') {
    const left = ctx.transcript.find((x) => x.kind === 'walk-out' && x.actor === actor);
    if (left?.kind !== 'walk-out') throw new Error(`${actor} is gone but its walk-out is not logged`);
    if (left.cause === 'event') return left.event ? `walked-out:event:${left.event}` : 'walked-out:inject';
    if (left.stalled !== undefined) return 'walked-out:patience';
    if (left.wouldFail?.length) return 'walked-out:ratification';
    return 'walked-out:no-deal';
  }
  if (e.kind !== 'drop-red-line') throw new Error(`an inject of kind ${e.kind} is never idle`);
  const dropped = ctx.transcript.findLast(
    (x) =>
      x.kind === 'inject' &&
      x.effects.some((f) => f.kind === 'drop-red-line' && f.actor === actor && f.redLine === e.redLine),
  );
  if (dropped?.kind !== 'inject') return 'red-line-not-held';
  return dropped.event ? `red-line-dropped:event:${dropped.event.id}` : 'red-line-dropped:inject';
}

/** How often each fate came, per planned inject, over many runs. */
export interface FateTally {
  readonly fired: number;
  readonly passedOver: number;
  readonly notReached: number;
  /** the passed-over runs by their fate, most frequent first (ties: by code) */
  readonly reasons: readonly { readonly reason: InjectFate; readonly count: number }[];
  /** the runs where it fired, and how many of them signed */
  readonly firedSigned: number;
}

/** The tally of inject `k`'s fates over rows that each hold one fate per planned inject. */
export function tallyFates(
  rows: readonly { readonly injects: readonly InjectFate[]; readonly outcome: string }[],
  k: number,
): FateTally {
  let fired = 0;
  let notReached = 0;
  let firedSigned = 0;
  const reasons = new Map<InjectFate, number>();
  for (const row of rows) {
    const f = row.injects[k]!;
    if (f === FIRED) {
      fired++;
      if (row.outcome === 'signed') firedSigned++;
    } else if (f === NOT_REACHED) notReached++;
    else reasons.set(f, (reasons.get(f) ?? 0) + 1);
  }
  return {
    fired,
    passedOver: rows.length - fired - notReached,
    notReached,
    reasons: [...reasons]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .map(([reason, count]) => ({ reason, count })),
    firedSigned,
  };
}
