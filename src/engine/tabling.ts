// The start of a round: reservations drift, scheduled events fire, and a text goes on the table — a document
// (the opening, or one an event tables), the mediator's revision, or the proposer's offer.

import { proposalClearingHurdles } from '../agents/anticipate.ts';
import { aspirationOf } from '../agents/aspiration.ts';
import { type MediatorMemory, revise } from '../agents/mediator.ts';
import { bestFor, bestUnder, type Position } from '../agents/position.ts';
import { ceilingOf, propose } from '../agents/strategy.ts';
import type { ChangeReason, View } from '../agents/types.ts';
import { requireDocument } from '../domain/lookup.ts';
import { plainPackage } from '../domain/packed.ts';
import { isPrincipal, mediatorOf, proposerOf } from '../domain/protocol.ts';
import { failedHurdles } from '../domain/ratification.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { wouldFailEntries } from './anticipated.ts';
import { dueBlameEvents, noteWalkOut } from './blame.ts';
import {
  type ContextDraft,
  edit,
  log,
  type NegotiationContext,
  produceContext,
  replace,
  withRng,
} from './context.ts';
import { viewOf } from './effective.ts';
import { applyEffects } from './effects.ts';
import { mediatorMemory } from './memory.ts';
import { isHuman, type Run } from './options.ts';
import { mediatorHasPatience } from './patience.ts';
import { termValue } from './terms.ts';
import { setText } from './text.ts';
import type { ChangeReasonEntry } from './transcript.ts';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function reasonEntry(scenario: Scenario, r: ChangeReason): ChangeReasonEntry {
  const id = (a: number) => scenario.actors[a]!.id;
  switch (r.kind) {
    case 'red-line':
      return { kind: 'red-line', actor: id(r.actor), redLine: r.violation };
    case 'rule':
      return { kind: 'rule', rule: r.violation };
    case 'consent':
      return { kind: 'consent', actor: id(r.actor) };
    case 'ask':
      return { kind: 'ask', actor: id(r.actor), cost: r.cost };
    case 'frontier':
      return { kind: 'frontier', meets: r.meets.map(id) };
  }
}

export function tableDocument(
  draft: ContextDraft,
  run: Run,
  id: string,
  trigger: 'opening' | 'event' | 'inject',
  event?: string,
): void {
  const doc = requireDocument(run.scenario, id);
  setText(draft, run.scenario, 'tabling', doc.package, {
    kind: 'tabled',
    document: doc.id,
    title: doc.title,
    date: doc.date,
    by: run.scenario.actors[doc.tabledBy]!.id,
    trigger,
    ...(event === undefined ? {} : { event }),
  });
  draft.author = null;
  draft.authorAspiration = null;
  draft.awaiting = []; // a tabled document replaces a proposal still to be made
}

/** The mediator's text: its own best draft in round 1, a revision of the last text after. */
function mediatorText(run: Run, ctx: NegotiationContext): NegotiationContext {
  const m = mediatorOf(run.scenario);
  if (isHuman(run, m))
    return produceContext(ctx, (draft) => {
      draft.awaiting = [{ actor: m, move: 'revise' }];
    });
  const view = viewOf(run, ctx, m);
  const s = view.scenario;
  const reference = ctx.text.length ? ctx.text : s.issues.map((x) => x.statusQuo);
  const best = bestFor(s, m, reference);
  const memory = mediatorMemory(run.scenario, ctx.transcript, m);
  return produceContext(ctx, (draft) => mediatorMove(draft, run, view, best, memory));
}

function mediatorMove(
  draft: ContextDraft,
  run: Run,
  view: View,
  best: Position | null,
  memory: MediatorMemory,
): void {
  const m = view.self;
  const s = view.scenario;
  // the view's text and history are the draft's, read without going through its proxy
  const reference = view.text.length ? plainPackage(view.text) : s.issues.map((x) => x.statusQuo);
  if (view.text.length === 0) {
    // its own draft: its best under its red lines and the rules, or under its red lines alone; with neither it
    // cannot table a text it could stand by, and leaves
    const own = best ?? bestUnder(s, m, s.actors[m]!.redLines, reference);
    // anticipating ratification, it tables no draft its own body would vote down (agents/anticipate.ts)
    const pkg =
      own &&
      (view.anticipate ? proposalClearingHurdles(s, m, own.pkg, own.utility, reference, own) : own.pkg);
    if (!own || !pkg) {
      noteWalkOut(draft, m);
      log(draft, 'tabling', {
        kind: 'walk-out',
        actor: s.actors[m]!.id,
        cause: 'strategy',
        best: own ? own.utility : null,
        reservation: s.actors[m]!.reservation.value,
        ...(own ? { wouldFail: wouldFailEntries(failedHurdles(s, m, own.pkg)) } : {}),
      });
      return;
    }
    const aspiration = pkg === own.pkg ? own.utility : utility(s.actors[m]!, s.offsets, pkg);
    setText(draft, run.scenario, 'tabling', pkg, {
      kind: 'proposal',
      actor: s.actors[m]!.id,
      aspiration,
      utility: utility(s.actors[m]!, s.offsets, pkg),
    });
    draft.author = m;
    draft.authorAspiration = aspiration;
    return;
  }
  const last = view.history.at(-1);
  // pushed one by one: a list of one hidden class for the mediator (see domain/packed.ts)
  const rejected: number[] = [];
  for (const a of last?.answers ?? []) if (!a.accepts) rejected.push(a.actor);
  const revision = withRng(draft, (rng) => {
    const aspiration = best ? aspirationOf(view, rng, ceilingOf(view, best)) : s.actors[m]!.reservation.value;
    const steps = run.options.strategies[m]!.params.steps;
    return revise(view, rng, { rejected, aspiration, memory, ...(steps === undefined ? {} : { steps }) });
  });
  const pkg = plainPackage(view.text);
  const reasons = new Map<number, ChangeReasonEntry>();
  for (const c of revision.changes) {
    pkg[c.issue] = c.to;
    reasons.set(c.issue, reasonEntry(s, c.reason));
  }
  // moves a later move took back: the terms that end where they started
  const undone = revision.changes
    .filter((c) => pkg[c.issue] === view.text[c.issue])
    .map((c) => ({
      issue: s.issues[c.issue]!.id,
      from: termValue(s, c.issue, c.from),
      to: termValue(s, c.issue, c.to),
      reason: reasonEntry(s, c.reason),
    }));
  setText(
    draft,
    run.scenario,
    'tabling',
    pkg,
    {
      kind: 'revised',
      actor: s.actors[m]!.id,
      aspiration: revision.aspiration,
      unmet: revision.unmet.map((a) => s.actors[a]!.id),
      ...(revision.nothingNew ? { nothingNew: true as const } : {}),
      ...(undone.length ? { undone } : {}),
    },
    reasons,
  );
  draft.author = m;
  draft.authorAspiration = revision.aspiration;
}

/** Alternating offers: the party whose turn it is proposes (or walks out). */
function proposerText(run: Run, ctx: NegotiationContext): NegotiationContext {
  const p = proposerOf(run.scenario, ctx.round);
  if (isHuman(run, p))
    return produceContext(ctx, (draft) => {
      draft.awaiting = [{ actor: p, move: 'propose' }];
    });
  const view = viewOf(run, ctx, p);
  return produceContext(ctx, (draft) => proposerMove(draft, view));
}

function proposerMove(draft: ContextDraft, view: View): void {
  const p = view.self;
  const move = withRng(draft, (rng) => propose(view, rng));
  const actor = view.scenario.actors[p]!;
  if (move.type === 'walk-out') {
    noteWalkOut(draft, p);
    log(draft, 'tabling', {
      kind: 'walk-out',
      actor: actor.id,
      cause: 'strategy',
      best: move.best,
      reservation: actor.reservation.value,
      ...(move.wouldFail ? { wouldFail: wouldFailEntries(move.wouldFail) } : {}),
    });
    return;
  }
  setText(draft, view.scenario, 'tabling', move.pkg, {
    kind: 'proposal',
    actor: actor.id,
    aspiration: move.aspiration,
    utility: utility(actor, view.scenario.offsets, move.pkg),
  });
  draft.author = p;
  draft.authorAspiration = move.aspiration;
}

/** Starts the next round: drift, scheduled events, a queued document, then the text of the round. */
export function openRound(run: Run, ctx: NegotiationContext): NegotiationContext {
  const { scenario } = run;
  let regular = false;
  const started = produceContext(ctx, (draft) => {
    draft.round += 1;
    replace(draft, 'answers', []);
    draft.awaiting = [];
    draft.agreed = false;
    if (draft.round > 1) {
      // the drifted values written as one new list: a write per actor through immer's proxy drafts the list
      const reservations = ctx.reservations.slice();
      const changes: { actor: string; from: number; to: number }[] = [];
      for (const a of scenario.actors) {
        if (a.reservation.drift === 0) continue;
        const from = reservations[a.index]!;
        const to = clamp01(from + a.reservation.drift);
        reservations[a.index] = to;
        changes.push({ actor: a.id, from, to });
      }
      if (changes.some((c) => c.to !== c.from)) draft.reservations = reservations;
      if (changes.length) log(draft, 'tabling', { kind: 'drift', changes });
    }
    let tabled: { id: string; trigger: 'event' | 'inject'; event?: string } | null = null;
    if (draft.queued) tabled = { id: draft.queued, trigger: 'inject' };
    draft.queued = null;
    // events of this round, then those whose blame threshold the last round reached (each once), in file order
    // read from the context as it came: nothing above changes blame, and reading the draft would draft its lists
    const byBlame = new Set(dueBlameEvents(scenario, ctx).map((e) => e.id));
    for (const event of scenario.events) {
      const due = 'round' in event.trigger ? event.trigger.round === draft.round : byBlame.has(event.id);
      if (!due) continue;
      let blame: { actor: string; count: number } | undefined;
      if ('blame' in event.trigger) {
        const a = event.trigger.blame.actor;
        edit(draft, 'blameFired').push(event.id);
        blame = { actor: scenario.actors[a]!.id, count: draft.blame[a]! };
      }
      const doc = applyEffects(
        draft,
        scenario,
        mediatorHasPatience(run),
        'tabling',
        'scheduled',
        event,
        event.effects,
        blame,
      );
      if (doc) tabled = { id: doc, trigger: 'event', event: event.id };
    }
    if (draft.walkedOut.some((a) => isPrincipal(scenario, a))) return;
    if (tabled) tableDocument(draft, run, tabled.id, tabled.trigger, tabled.event);
    else if (draft.round === 1 && scenario.protocol.opening)
      tableDocument(draft, run, scenario.protocol.opening, 'opening');
    else regular = true;
  });
  if (!regular) return started;
  return scenario.protocol.kind === 'mediated-single-text'
    ? mediatorText(run, started)
    : proposerText(run, started);
}
