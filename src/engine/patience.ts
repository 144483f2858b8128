// The mediator's patience: a strategy parameter `patience` (rounds without progress after which a bot mediator
// walks out; absent: it never does). Progress is a new best of the talks: more required actors accept than in
// any round so far, or the answers' total shortfall below their aspirations is less than ever.
import { brokenConstraints } from '../domain/evaluate.ts';
import { mediatorOf } from '../domain/protocol.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import type { ContextDraft, NegotiationContext, Progress } from './context.ts';
import type { Run } from './options.ts';

const EPS = 1e-9;

/** Σ over the answers (the mediator's own aside) of the gap below the aspiration, +1 per broken red line set. */
function shortfall(s: Scenario, ctx: NegotiationContext, mediator: number | null): number {
  let total = 0;
  for (const a of ctx.answers) {
    if (a.actor === mediator) continue;
    const actor = s.actors[a.actor]!;
    total += Math.max(0, a.aspiration - utility(actor, s.offsets, ctx.text));
    if (brokenConstraints(actor.redLines, ctx.text).length) total += 1;
  }
  return total;
}

/** The record after this round's tally. */
export function nextProgress(
  s: Scenario,
  ctx: NegotiationContext,
  accepting: number,
  mediator: number | null,
): Progress {
  const gap = shortfall(s, ctx, mediator);
  const best = ctx.progress;
  if (!best) return { accepting, shortfall: gap, stale: 0 };
  // a goodwill gesture since the last tally counts as progress, whatever the answers
  const progress = best.renewed === true || accepting > best.accepting || gap < best.shortfall - EPS;
  return {
    accepting: Math.max(accepting, best.accepting),
    shortfall: Math.min(gap, best.shortfall),
    stale: progress ? 0 : best.stale + 1,
  };
}

/** Whether the run's mediator is a bot with a `patience`: only then has a gesture any patience to renew. */
export function mediatorHasPatience(run: Run): boolean {
  const s = run.scenario;
  if (s.protocol.kind !== 'mediated-single-text' || s.protocol.mediator === undefined) return false;
  const strategy = run.options.strategies[mediatorOf(s)]!;
  return strategy.kind !== 'human' && strategy.params.patience !== undefined;
}

/**
 * A goodwill gesture by `actor`: the mediator's count of rounds without progress restarts, and the next tally
 * counts as progress (so even a patience of 1 buys a round). Nothing to renew — false — without a mediator at the
 * table, with one that has no patience to lose (`patient` false), before the first tally, or when the mediator
 * itself makes the gesture.
 */
export function renewPatience(draft: ContextDraft, s: Scenario, actor: number, patient: boolean): boolean {
  if (!patient || s.protocol.kind !== 'mediated-single-text' || s.protocol.mediator === undefined)
    return false;
  const m = s.protocol.mediator;
  if (actor === m || draft.walkedOut.includes(m) || !draft.progress) return false;
  draft.progress = { ...draft.progress, stale: 0, renewed: true };
  return true;
}

/** The bot mediator whose patience has run out after this round, or null. The last round ends by the clock. */
export function mediatorOutOfPatience(run: Run, ctx: NegotiationContext, progress: Progress): number | null {
  const s = run.scenario;
  if (s.protocol.kind !== 'mediated-single-text' || s.protocol.mediator === undefined) return null;
  if (ctx.round >= ctx.maxRounds) return null;
  const m = mediatorOf(s);
  const strategy = run.options.strategies[m]!;
  if (strategy.kind === 'human' || ctx.walkedOut.includes(m)) return null;
  const patience = strategy.params.patience; // checked by resolveOptions: a whole number ≥ 1
  return patience !== undefined && progress.stale >= patience ? m : null;
}
