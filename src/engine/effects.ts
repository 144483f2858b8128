// Injects: scenario events (scheduled by round, or manual) and ad-hoc effects, applied to the context.
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { requireActorIndex, requireDocument, requireIssueIndex } from '../domain/lookup.ts';
import type { Effect, Scenario, ScenarioEvent } from '../domain/types.ts';
import { forgiveHoldout, noteWalkOut } from './blame.ts';
import { type ContextDraft, edit, log, type NegotiationContext } from './context.ts';
import { effectiveScenario } from './effective.ts';
import type { AdHocEffect, InjectEvent, InjectOrigin } from './events.ts';
import { renewPatience } from './patience.ts';
import type { EffectNote, EventNote, Phase } from './transcript.ts';

function finite(
  x: number,
  what: string,
  lo = Number.NEGATIVE_INFINITY,
  hi = Number.POSITIVE_INFINITY,
): number {
  if (!Number.isFinite(x) || x < lo || x > hi)
    throw new PeacesimError(`${what} must be a number in [${lo}, ${hi}], not ${x}`);
  return x;
}

/** An ad-hoc effect in indices, its ids checked against the scenario as it stands (UnknownIdError otherwise). */
function compileAdHoc(scenario: Scenario, ctx: NegotiationContext, e: AdHocEffect): Effect {
  switch (e.kind) {
    case 'set-reservation':
      return {
        kind: e.kind,
        actor: requireActorIndex(scenario, e.actor),
        value: finite(e.value, 'a reservation', 0, 1),
      };
    case 'shift-reservation':
      return {
        kind: e.kind,
        actor: requireActorIndex(scenario, e.actor),
        delta: finite(e.delta, 'a shift', -1, 1),
      };
    case 'set-weight':
      return {
        kind: e.kind,
        actor: requireActorIndex(scenario, e.actor),
        issue: requireIssueIndex(scenario, e.issue),
        weight: finite(e.weight, 'a weight', 0),
      };
    case 'drop-red-line': {
      const actor = requireActorIndex(scenario, e.actor);
      const current = effectiveScenario(scenario, ctx).actors[actor]!.redLines.map((c) => c.id);
      if (!current.includes(e.redLine))
        throw new UnknownIdError(`red line of ${e.actor}`, e.redLine, current);
      return { kind: e.kind, actor, redLine: e.redLine };
    }
    case 'table':
      requireDocument(scenario, e.document);
      return { kind: e.kind, document: e.document };
    case 'walk-out':
    case 'goodwill':
      return { kind: e.kind, actor: requireActorIndex(scenario, e.actor) };
  }
}

export interface ResolvedInject {
  readonly event: ScenarioEvent | null;
  readonly effects: readonly Effect[];
}

/** What an INJECT fires: a manual scenario event, or one ad-hoc effect. Throws a user error when it cannot. */
export function resolveInject(
  scenario: Scenario,
  ctx: NegotiationContext,
  inject: InjectEvent,
): ResolvedInject {
  if ('effect' in inject) return { event: null, effects: [compileAdHoc(scenario, ctx, inject.effect)] };
  const manual = scenario.events.filter((e) => 'manual' in e.trigger).map((e) => e.id);
  const event = scenario.events.find((e) => e.id === inject.event);
  if (!event) throw new UnknownIdError('manual event', inject.event, manual);
  if (!('manual' in event.trigger)) {
    const when =
      'round' in event.trigger
        ? `in round ${event.trigger.round}`
        : `once ${scenario.actors[event.trigger.blame.actor]!.id} has been blamed ${event.trigger.blame.atLeast} time(s)`;
    throw new PeacesimError(
      `event "${event.id}" fires by itself ${when}; inject one of the manual events: ${manual.join(', ') || '(none)'}`,
    );
  }
  return { event, effects: event.effects };
}

/** The reason an INJECT cannot be fired now, or null. */
export function injectError(scenario: Scenario, ctx: NegotiationContext, inject: InjectEvent): string | null {
  try {
    resolveInject(scenario, ctx, inject);
    return null;
  } catch (e) {
    if (e instanceof PeacesimError) return e.message;
    throw e;
  }
}

function eventNote(e: ScenarioEvent): EventNote {
  return {
    id: e.id,
    title: e.title,
    ...(e.description === undefined ? {} : { description: e.description }),
    basis: e.basis,
    sources: e.sources,
    confirmed: e.confirmed,
    ...(e.note === undefined ? {} : { note: e.note }),
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Applies effects, logging one `inject` entry (and a `walk-out` entry per actor who leaves). Returns the last
 * document a `table` effect names (the caller decides when it goes on the table), or null.
 */
export function applyEffects(
  draft: ContextDraft,
  scenario: Scenario,
  /** the mediator has a patience a goodwill gesture can renew (see mediatorHasPatience) */
  patient: boolean,
  phase: Phase,
  trigger: 'scheduled' | 'manual',
  event: ScenarioEvent | null,
  effects: readonly Effect[],
  blame?: { readonly actor: string; readonly count: number },
  /** a manual inject's origin, as its input says */
  by?: InjectOrigin,
): string | null {
  const notes: EffectNote[] = [];
  const walkOuts: number[] = [];
  let tabled: string | null = null;
  const id = (a: number) => scenario.actors[a]!.id;
  effects.forEach((e, index) => {
    switch (e.kind) {
      case 'set-reservation':
      case 'shift-reservation': {
        const from = draft.reservations[e.actor]!;
        const to = clamp01(e.kind === 'set-reservation' ? e.value : from + e.delta);
        edit(draft, 'reservations')[e.actor] = to;
        notes.push({ kind: e.kind, actor: id(e.actor), from, to });
        return;
      }
      case 'set-weight':
        edit(draft, 'weightEdits').push({ actor: e.actor, issue: e.issue, weight: e.weight });
        notes.push({ kind: e.kind, actor: id(e.actor), issue: scenario.issues[e.issue]!.id, to: e.weight });
        return;
      case 'add-red-line':
        if (!event) return; // ad-hoc effects cannot add red lines (compileAdHoc never makes one)
        edit(draft, 'redLineEdits').push({ kind: 'add', actor: e.actor, event: event.id, effect: index });
        notes.push({
          kind: e.kind,
          actor: id(e.actor),
          redLine: {
            redLine: e.redLine.id,
            text: e.redLine.text,
            sources: e.redLine.sources,
            confirmed: e.redLine.confirmed,
            basis: e.redLine.basis,
          },
        });
        return;
      case 'drop-red-line':
        edit(draft, 'redLineEdits').push({ kind: 'drop', actor: e.actor, redLine: e.redLine });
        notes.push({ kind: e.kind, actor: id(e.actor), redLine: e.redLine });
        return;
      case 'table':
        tabled = e.document;
        notes.push({ kind: e.kind, document: e.document });
        return;
      case 'walk-out':
        if (!draft.walkedOut.includes(e.actor) && !walkOuts.includes(e.actor)) walkOuts.push(e.actor);
        notes.push({ kind: e.kind, actor: id(e.actor) });
        return;
      case 'goodwill': {
        // concedes nothing on the table: only the mediator's clock and the actor's blame move
        const patienceRenewed = renewPatience(draft, scenario, e.actor, patient);
        const blameForgiven = forgiveHoldout(draft, e.actor);
        notes.push({ kind: e.kind, actor: id(e.actor), patienceRenewed, blameForgiven });
        return;
      }
    }
  });
  log(draft, phase, {
    kind: 'inject',
    trigger,
    ...(by ? { by } : {}),
    ...(event ? { event: eventNote(event) } : {}),
    effects: notes,
    ...(blame ? { blame } : {}),
  });
  for (const a of walkOuts) {
    noteWalkOut(draft, a);
    log(draft, phase, {
      kind: 'walk-out',
      actor: id(a),
      cause: 'event',
      ...(event ? { event: event.id } : {}),
    });
  }
  return tabled;
}
