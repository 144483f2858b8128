// Who is blamed when talks fail, counted mechanically and the same way for every actor: an actor is blamed once
// for each round in which it was the lone holdout (it rejected a text that every other required actor accepted
// and that broke no rule), and once when it walks out. The count says who stood alone, not who was right.
import type { Scenario, ScenarioEvent } from '../domain/types.ts';
import { type ContextDraft, edit, type NegotiationContext } from './context.ts';
import type { BlameCount } from './transcript.ts';

/** An actor leaves the talks: it is marked as gone and blamed once for it (a second walk-out changes nothing). */
export function noteWalkOut(draft: ContextDraft, actor: number): void {
  if (draft.walkedOut.includes(actor)) return;
  edit(draft, 'walkedOut').push(actor);
  edit(draft, 'blame')[actor] = (draft.blame[actor] ?? 0) + 1;
  edit(draft, 'blameMarks').push({ round: draft.round, actor, cause: 'walk-out' });
}

/**
 * The lone holdout of a tally, or null: the single required actor still at the table that did not accept, when
 * the text broke no rule (a broken rule fails the text whoever accepts it). An actor that has walked out is
 * blamed for the walk-out, not again for every text it is absent from.
 */
export function loneHoldout(
  required: readonly number[],
  accepted: ReadonlySet<number>,
  walkedOut: readonly number[],
  rulesKept: boolean,
): number | null {
  if (!rulesKept) return null;
  const rejecting = required.filter((a) => !accepted.has(a));
  if (rejecting.length !== 1) return null;
  const a = rejecting[0]!;
  return walkedOut.includes(a) ? null : a;
}

export function noteHoldout(draft: ContextDraft, actor: number): void {
  edit(draft, 'blame')[actor] = (draft.blame[actor] ?? 0) + 1;
  edit(draft, 'blameMarks').push({ round: draft.round, actor, cause: 'holdout' });
}

/**
 * A goodwill gesture forgives the actor's latest round as lone holdout: its count falls by one with that mark, so
 * the count and the marks (and the reports read from them) stay in step. A walk-out is on the record and is never
 * forgiven; nor is an event its count already triggered (each fires once). False when there was nothing to forgive.
 */
export function forgiveHoldout(draft: ContextDraft, actor: number): boolean {
  const k = draft.blameMarks.findLastIndex((m) => m.actor === actor && m.cause === 'holdout');
  if (k < 0) return false;
  edit(draft, 'blameMarks').splice(k, 1);
  edit(draft, 'blame')[actor] = Math.max(0, (draft.blame[actor] ?? 0) - 1);
  return true;
}

/** The blame-triggered events due at the start of this round: their actor's count has reached the threshold. */
export function dueBlameEvents(scenario: Scenario, ctx: Pick<NegotiationContext, 'blame' | 'blameFired'>) {
  return scenario.events.filter(
    (e): e is ScenarioEvent & { trigger: { blame: { actor: number; atLeast: number } } } =>
      'blame' in e.trigger &&
      !ctx.blameFired.includes(e.id) &&
      (ctx.blame[e.trigger.blame.actor] ?? 0) >= e.trigger.blame.atLeast,
  );
}

/** The tally for the transcript: every blamed actor, most blamed first (ties in scenario order). */
export function blameTally(
  scenario: Scenario,
  ctx: Pick<NegotiationContext, 'blame' | 'blameMarks'>,
): BlameCount[] {
  return scenario.actors
    .filter((a) => (ctx.blame[a.index] ?? 0) > 0)
    .map((a) => {
      const marks = ctx.blameMarks.filter((m) => m.actor === a.index);
      return {
        actor: a.id,
        count: ctx.blame[a.index]!,
        holdouts: marks.filter((m) => m.cause === 'holdout').map((m) => m.round),
        walkOut: marks.find((m) => m.cause === 'walk-out')?.round ?? null,
      };
    })
    .sort((x, y) => y.count - x.count);
}
