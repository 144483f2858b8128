// The answers to the text on the table: from every actor whose consent it needs (the parties, and the
// controllers of the issues it moves), except the party that proposed it. Bots answer at once; the machine waits
// for people.

import { respond } from '../agents/strategy.ts';
import type { Response } from '../agents/types.ts';
import { brokenConstraints, requiredActors, verdictOf } from '../domain/evaluate.ts';
import { mediatorOf } from '../domain/protocol.ts';
import { failedHurdles } from '../domain/ratification.ts';
import { rngFromState } from '../domain/rng.ts';
import type { Scenario, StrategyKind } from '../domain/types.ts';
import { costliestIssues, issueCosts, utility } from '../domain/utility.ts';
import { wouldFailEntries } from './anticipated.ts';
import { noteWalkOut } from './blame.ts';
import {
  append,
  type ContextDraft,
  edit,
  log,
  type NegotiationContext,
  produceContext,
  replace,
} from './context.ts';
import { currentScenario, viewOf } from './effective.ts';
import type { HumanMove } from './events.ts';
import { isHuman, type Run } from './options.ts';
import type { EntryBody } from './transcript.ts';

/** The actors that answer the text: required ones, parties first (protocol order), minus a proposing party. */
function responders(run: Run, ctx: NegotiationContext): number[] {
  const s = currentScenario(run, ctx);
  const parties = s.protocol.parties;
  const proposer = ctx.author !== null && parties.includes(ctx.author) ? ctx.author : -1;
  return requiredActors(s, ctx.text)
    .filter((a) => a !== proposer)
    .sort((a, b) => {
      const pa = parties.indexOf(a);
      const pb = parties.indexOf(b);
      return (pa < 0 ? parties.length + a : pa) - (pb < 0 ? parties.length + b : pb);
    });
}

type VerdictBody = Extract<EntryBody, { kind: 'verdict' }>;

function logAnswer(
  draft: ContextDraft,
  s: Scenario,
  actor: number,
  strategy: StrategyKind | 'mediator',
  res: Response,
  human: boolean,
  absent = false,
  asksDefaulted = false,
) {
  const a = s.actors[actor]!;
  if (res.type === 'walk-out') {
    noteWalkOut(draft, actor);
    append(draft, 'answers', {
      actor,
      accepts: false,
      aspiration: res.aspiration,
      utility: res.utility,
      reservation: a.reservation.value,
      asks: [],
    });
    log(draft, 'responding', {
      kind: 'walk-out',
      actor: a.id,
      cause: 'strategy',
      best: res.best,
      reservation: a.reservation.value,
    });
    return;
  }
  append(draft, 'answers', {
    actor,
    accepts: res.type === 'accept',
    aspiration: res.aspiration,
    utility: res.utility,
    reservation: a.reservation.value,
    asks: res.type === 'reject' ? res.asks.map((k) => k.issue) : [],
  });
  const verdict: { -readonly [K in keyof VerdictBody]: VerdictBody[K] } = {
    kind: 'verdict',
    actor: a.id,
    accepts: res.type === 'accept',
    utility: res.utility,
    reservation: a.reservation.value,
    aspiration: res.aspiration,
    strategy,
    violations: res.type === 'reject' ? res.violations : [],
    asks: res.type === 'reject' ? res.asks.map((k) => ({ issue: s.issues[k.issue]!.id, cost: k.cost })) : [],
  };
  // the marks written one by one, not spread in: a spread object was the most a draw allocated in one place
  if (human) verdict.human = true;
  if (absent) verdict.absent = true;
  if (asksDefaulted) verdict.asksDefaulted = true;
  if (res.type === 'reject' && res.wouldFail) verdict.wouldFail = wouldFailEntries(res.wouldFail);
  log(draft, 'responding', verdict);
}

/**
 * A mediator whose consent the text needs stands by it while it keeps its red lines and beats no deal (and, when
 * negotiators anticipate ratification, while the text clears its own hurdles).
 */
function mediatorAnswer(s: Scenario, actor: number, text: readonly number[], anticipate: boolean): Response {
  const v = verdictOf(s, s.actors[actor]!, text);
  const wouldFail = anticipate ? failedHurdles(s, actor, text) : [];
  if (v.accepts && wouldFail.length === 0)
    return { type: 'accept', utility: v.utility, aspiration: v.reservation };
  const asks = costliestIssues(s, s.actors[actor]!, text, 3);
  return {
    type: 'reject',
    utility: v.utility,
    aspiration: v.reservation,
    violations: v.violations,
    asks,
    ...(wouldFail.length ? { wouldFail } : {}),
  };
}

/** An actor that has walked out answers no. */
function absentAnswer(s: Scenario, actor: number, text: readonly number[]): Response {
  const a = s.actors[actor]!;
  return {
    type: 'reject',
    utility: utility(a, s.offsets, text),
    aspiration: 1,
    violations: brokenConstraints(a.redLines, text),
    asks: [],
  };
}

export function collectAnswers(run: Run, ctx: NegotiationContext): NegotiationContext {
  const s = currentScenario(run, ctx);
  const mediated = s.protocol.kind === 'mediated-single-text';
  // the answers first, the bots drawing from the generator in turn; then one step writes them and its state
  const rng = rngFromState(ctx.rng);
  let drew = false;
  const answers = responders(run, ctx).map((a) => {
    const kind = run.options.strategies[a]!.kind;
    if (ctx.walkedOut.includes(a)) return { a, kind, res: absentAnswer(s, a, ctx.text), absent: true };
    if (mediated && a === mediatorOf(s))
      return {
        a,
        kind: 'mediator' as const,
        res: mediatorAnswer(s, a, ctx.text, run.options.anticipateRatification === true),
      };
    if (isHuman(run, a)) return { a, kind, res: null };
    drew = true;
    return { a, kind, res: respond(viewOf(run, ctx, a), rng) };
  });
  return produceContext(ctx, (draft) => {
    for (const { a, kind, res, absent } of answers) {
      if (res) logAnswer(draft, s, a, kind, res, false, absent === true);
      else edit(draft, 'awaiting').push({ actor: a, move: 'respond' });
    }
    if (drew) replace(draft, 'rng', [...rng.state()]);
  });
}

/** A person's answer: accept, or reject (naming the issues to change, or its costliest ones by default). */
export function humanAnswer(
  run: Run,
  ctx: NegotiationContext,
  actor: number,
  move: Extract<HumanMove, { type: 'accept' | 'reject' }>,
): NegotiationContext {
  const s = currentScenario(run, ctx);
  const a = s.actors[actor]!;
  const u = utility(a, s.offsets, ctx.text);
  const r = a.reservation.value;
  const res: Response =
    move.type === 'accept'
      ? { type: 'accept', utility: u, aspiration: r }
      : {
          type: 'reject',
          utility: u,
          aspiration: r,
          violations: brokenConstraints(a.redLines, ctx.text),
          asks: move.asks?.length
            ? move.asks.map((id) => {
                const issue = s.issueIndex.get(id)!;
                const cost = issueCosts(s, a, ctx.text).find((c) => c.issue === issue)?.cost ?? 0;
                return { issue, cost };
              })
            : issueCosts(s, a, ctx.text).slice(0, 3),
        };
  return produceContext(ctx, (draft) => {
    draft.awaiting = draft.awaiting.filter((w) => !(w.actor === actor && w.move === 'respond'));
    // a person who names no terms: its costliest ones stand in, for the mediator to read, and the entry says so
    logAnswer(draft, s, actor, 'human', res, true, false, move.type === 'reject' && !move.asks?.length);
  });
}
