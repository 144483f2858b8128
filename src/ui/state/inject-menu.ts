// The inject list (i) as a small menu tree, pure: the scenario's manual events, then ad-hoc effects the scenario
// did not foresee — shift a value of no deal, drop a red line, table a document, walk out, a goodwill gesture. The
// path of picks so far gives the next list, or the inject to fire. In the public view no list shows a number: the
// room is looking.

import { nameInSentence } from '../../domain/actor-names.ts';
import { isPrincipal } from '../../domain/protocol.ts';
import type { ScenarioEvent } from '../../domain/types.ts';
import type { AdHocEffect, InjectEvent } from '../../engine/events.ts';
import { n3, signed } from '../../report/format.ts';
import { defaultDocumentOrder, documentIndices } from './order.ts';
import { context, manualEvents, type PlayGame, scenarioNow } from './play.ts';

interface InjectChoice {
  readonly value: string;
  readonly label: string;
  /** a manual event of the scenario: the list shows what it rests on before it fires */
  readonly event?: ScenarioEvent;
}

export type InjectStep =
  | { readonly kind: 'menu'; readonly title: string; readonly choices: readonly InjectChoice[] }
  | { readonly kind: 'fire'; readonly inject: InjectEvent }
  | { readonly kind: 'cancel' };

/** The shifts of a value of no deal on offer: small, as a facilitator's nudge. */
export const SHIFTS = [-0.1, -0.05, 0.05, 0.1] as const;

const AD_HOC = {
  shift: "Ad hoc: shift an actor's value of no deal",
  drop: 'Ad hoc: an actor drops one of its red lines',
  table: 'Ad hoc: table a document',
  'walk-out': 'Ad hoc: an actor walks out',
  goodwill: 'Ad hoc: a goodwill gesture by … (concedes nothing)',
} as const;

/** A shift in words, for the public view: which way, and whether by a little or a lot. */
function shiftWords(delta: number): string {
  const size = Math.abs(delta) >= 0.1 ? 'a lot' : 'a little';
  return delta < 0 ? `falls ${size}: its position softens` : `rises ${size}: its position hardens`;
}

function fire(effect: AdHocEffect): InjectStep {
  return { kind: 'fire', inject: { type: 'INJECT', effect } };
}

/** The list after `path`, or the inject it completes. `numbers`: the facilitator view is on. */
export function injectStep(game: PlayGame, path: readonly string[], numbers: boolean): InjectStep {
  const s = scenarioNow(game);
  const ctx = context(game);
  const actor = (id: string | undefined) => s.actors.find((a) => a.id === id);
  const present = s.actors.filter((a) => !ctx.walkedOut.includes(a.index));
  const [first, second, third] = path;
  if (first === undefined) {
    const adHoc = (Object.keys(AD_HOC) as (keyof typeof AD_HOC)[]).filter(
      (k) =>
        (k !== 'drop' || s.actors.some((a) => a.redLines.length > 0)) &&
        ((k !== 'walk-out' && k !== 'goodwill') || present.length > 0) &&
        (k !== 'table' || s.documents.length > 0),
    );
    return {
      kind: 'menu',
      title: 'Inject an event, or one the scenario did not foresee',
      choices: [
        ...manualEvents(game.scenario).map((e) => ({
          value: `event:${e.id}`,
          label: e.title,
          event: e,
        })),
        ...adHoc.map((k) => ({ value: k, label: AD_HOC[k] })),
      ],
    };
  }
  if (first.startsWith('event:')) return { kind: 'fire', inject: { type: 'INJECT', event: first.slice(6) } };
  switch (first) {
    case 'shift': {
      const who = actor(second);
      if (!who)
        return {
          kind: 'menu',
          title: 'Ad hoc: whose value of no deal moves?',
          choices: s.actors.map((a) => ({
            value: a.id,
            label: numbers ? `${a.name} (no deal ${n3(a.reservation.value)})` : a.name,
          })),
        };
      if (third === undefined)
        return {
          kind: 'menu',
          title: `Ad hoc: ${nameInSentence(who)}'s value of no deal…`,
          choices: SHIFTS.map((d) => ({
            value: String(d),
            label: numbers
              ? `${signed(d, 2)}: ${n3(who.reservation.value)} → ${n3(Math.min(1, Math.max(0, who.reservation.value + d)))}`
              : shiftWords(d),
          })),
        };
      return fire({ kind: 'shift-reservation', actor: who.id, delta: Number(third) });
    }
    case 'drop': {
      const who = actor(second);
      if (!who)
        return {
          kind: 'menu',
          title: 'Ad hoc: who drops a red line?',
          choices: s.actors
            .filter((a) => a.redLines.length > 0)
            .map((a) => ({ value: a.id, label: `${a.name} (${a.redLines.length})` })),
        };
      if (third === undefined)
        return {
          kind: 'menu',
          title: `Ad hoc: which red line does ${nameInSentence(who)} drop?`,
          choices: who.redLines.map((r) => ({ value: r.id, label: r.text })),
        };
      return fire({ kind: 'drop-red-line', actor: who.id, redLine: third });
    }
    case 'table': {
      if (second === undefined)
        return {
          kind: 'menu',
          title: 'Ad hoc: which document goes on the table?',
          choices: documentIndices(s, defaultDocumentOrder(s)).map((k) => {
            const d = s.documents[k]!;
            return { value: d.id, label: `${d.date} ${d.title}` };
          }),
        };
      return fire({ kind: 'table', document: second });
    }
    case 'walk-out': {
      const who = actor(second);
      if (!who)
        return {
          kind: 'menu',
          title: 'Ad hoc: who walks out?',
          choices: present.map((a) => ({ value: a.id, label: a.name })),
        };
      if (third === undefined)
        return {
          kind: 'menu',
          title: `Ad hoc: ${nameInSentence(who)} walks out — sure?${isPrincipal(s, who.index) ? ' The talks collapse.' : ''}`,
          choices: [
            { value: 'no', label: 'No: cancel' },
            { value: 'yes', label: `Yes: ${nameInSentence(who)} walks out` },
          ],
        };
      return third === 'yes' ? fire({ kind: 'walk-out', actor: who.id }) : { kind: 'cancel' };
    }
    case 'goodwill': {
      const who = actor(second);
      if (!who)
        return {
          kind: 'menu',
          // it renews the mediator's patience and forgives one round of the actor's blame (engine/patience.ts)
          title: 'Ad hoc: who makes a goodwill gesture?',
          choices: present.map((a) => ({
            value: a.id,
            label: numbers ? `${a.name} (blamed ${ctx.blame[a.index] ?? 0})` : a.name,
          })),
        };
      return fire({ kind: 'goodwill', actor: who.id });
    }
    default:
      return { kind: 'cancel' };
  }
}
