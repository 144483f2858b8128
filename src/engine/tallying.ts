// Counting the answers, and the ends of a negotiation: agreement, ratification, signature, stalemate, collapse.

import { durabilityOf } from '../domain/durability.ts';
import { brokenConstraints, evaluatePackage, requiredActors } from '../domain/evaluate.ts';
import { isPrincipal, mediatorOf } from '../domain/protocol.ts';
import { ratificationOf } from '../domain/ratification.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { blameTally, loneHoldout, noteHoldout, noteWalkOut } from './blame.ts';
import { append, log, type NegotiationContext, produceContext } from './context.ts';
import { currentScenario } from './effective.ts';
import type { Run } from './options.ts';
import { mediatorOutOfPatience, nextProgress } from './patience.ts';
import { termSheet } from './terms.ts';
import type { DurabilityNote } from './transcript.ts';

/** The durability of the terms under the scenario's assumptions, for the transcript (none when it states none). */
function durabilityNote(s: Scenario, text: readonly number[]): { durability?: DurabilityNote } {
  const d = durabilityOf(s, text);
  if (!d || !s.durability) return {};
  const factors = s.durability.factors.map((f, k) => ({ ...d.factors[k]!, label: f.label }));
  return { durability: { value: d.value, base: d.base, factors } };
}

/**
 * The hurdles at home the signed terms meet (a referendum, a parliament's vote), each cleared or not by the
 * scenario's threshold, judged as the scenario stands at signing; none when the terms meet none.
 */
function ratificationNote(s: Scenario, text: readonly number[]) {
  const r = ratificationOf(s, text);
  return r ? { ratification: r } : {};
}

/** Every actor's utility of a package, by actor id, for the transcript. */
function utilities(scenario: Scenario, pkg: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of scenario.actors) out[a.id] = utility(a, scenario.offsets, pkg);
  return out;
}

/** Agreement: every required actor accepted (a proposing party accepts its own offer) and no rule is broken. */
export function tally(run: Run, ctx: NegotiationContext): NegotiationContext {
  const s = currentScenario(run, ctx);
  const required = requiredActors(s, ctx.text);
  const accepted = new Set(ctx.answers.filter((a) => a.accepts).map((a) => a.actor));
  if (ctx.author !== null && s.protocol.parties.includes(ctx.author)) accepted.add(ctx.author);
  const ruleViolations = brokenConstraints(s.rules, ctx.text);
  const agreement =
    ruleViolations.length === 0 && required.every((a) => accepted.has(a) && !ctx.walkedOut.includes(a));
  const id = (a: number) => s.actors[a]!.id;
  const holdout = agreement
    ? null
    : loneHoldout(required, accepted, ctx.walkedOut, ruleViolations.length === 0);
  const mediated = s.protocol.kind === 'mediated-single-text' ? mediatorOf(s) : null;
  const progress = nextProgress(s, ctx, required.filter((a) => accepted.has(a)).length, mediated);
  const quits = agreement ? null : mediatorOutOfPatience(run, ctx, progress);
  return produceContext(ctx, (draft) => {
    log(draft, 'tallying', {
      kind: 'tally',
      agreement,
      required: required.map(id),
      accepting: required.filter((a) => accepted.has(a)).map(id),
      rejecting: required.filter((a) => !accepted.has(a)).map(id),
      ruleViolations,
      ...(holdout === null ? {} : { holdout: id(holdout) }),
    });
    if (holdout !== null) noteHoldout(draft, holdout);
    draft.progress = progress;
    if (quits !== null) {
      // out of patience: the mediator walks away and the talks collapse
      noteWalkOut(draft, quits);
      log(draft, 'tallying', {
        kind: 'walk-out',
        actor: id(quits),
        cause: 'strategy',
        stalled: progress.stale,
        reservation: ctx.reservations[quits]!,
      });
    }
    draft.agreed = agreement;
    // the text and the answers as they stand: frozen, so the round shares them rather than copies them
    append(draft, 'history', {
      round: ctx.round,
      text: ctx.text,
      author: ctx.author,
      authorAspiration: ctx.authorAspiration,
      answers: ctx.answers,
    });
  });
}

export function recordAgreement(run: Run, ctx: NegotiationContext): NegotiationContext {
  const s = currentScenario(run, ctx);
  return produceContext(ctx, (draft) => {
    log(draft, 'agreed', {
      kind: 'agreement',
      terms: termSheet(s, ctx.text),
      utilities: utilities(s, ctx.text),
      ...durabilityNote(s, ctx.text),
    });
  });
}

/** Ratification: the agreed text must be an agreement under the reservations and red lines as they stand now. */
export function ratifies(run: Run, ctx: NegotiationContext): boolean {
  return evaluatePackage(currentScenario(run, ctx), ctx.text, ctx.reservations).agreement;
}

export function recordRatification(run: Run, ctx: NegotiationContext): NegotiationContext {
  const s = currentScenario(run, ctx);
  const ev = evaluatePackage(s, ctx.text, ctx.reservations);
  return produceContext(ctx, (draft) => {
    log(draft, 'ratifying', {
      kind: 'ratification',
      ratified: ev.agreement,
      failing: ev.verdicts.filter((v) => ev.required.includes(v.actor) && !v.accepts).map((v) => v.actor),
      ruleViolations: [...ev.ruleViolations],
    });
    if (ev.agreement)
      log(draft, 'ratifying', {
        kind: 'signed',
        terms: termSheet(s, ctx.text),
        utilities: utilities(s, ctx.text),
        ...durabilityNote(s, ctx.text),
        ...ratificationNote(s, ctx.text),
      });
    else draft.agreed = false;
  });
}

export function recordStalemate(run: Run, ctx: NegotiationContext): NegotiationContext {
  return produceContext(ctx, (draft) => {
    log(draft, 'tallying', {
      kind: 'stalemate',
      terms: termSheet(run.scenario, ctx.text),
      blame: blameTally(run.scenario, ctx),
    });
  });
}

export function talksCollapsed(run: Run, ctx: NegotiationContext): boolean {
  return ctx.walkedOut.some((a) => isPrincipal(run.scenario, a));
}

export function recordCollapse(run: Run, ctx: NegotiationContext): NegotiationContext {
  const s = run.scenario;
  const phase = ctx.transcript.at(-1)?.phase ?? 'setup';
  return produceContext(ctx, (draft) => {
    log(draft, phase, {
      kind: 'collapsed',
      actors: ctx.walkedOut.filter((a) => isPrincipal(s, a)).map((a) => s.actors[a]!.id),
      terms: termSheet(s, ctx.text.length ? ctx.text : s.issues.map((x) => x.statusQuo)),
      blame: blameTally(s, ctx),
    });
  });
}
