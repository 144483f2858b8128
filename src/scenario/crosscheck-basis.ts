// Cross-checks of what a modelling choice rests on: a `stated` basis gives its sources and the words, a `reading`
// its sources; a hypothesis' `counterpart` exists, names it back, and is on by default when it is.
import { type CheckContext, type Finding, idOf, isRecord, type Path, records } from './crosscheck-context.ts';

/** Wherever `basis` is written (red lines, preferences, epochs, record entries …). */
export function checkBasis(ctx: CheckContext): void {
  const walk = (x: unknown, path: Path): void => {
    if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
    if (!isRecord(x)) return;
    if (typeof x.basis === 'string') {
      const sourced = Array.isArray(x.sources) && x.sources.length > 0;
      if ((x.basis === 'stated' || x.basis === 'reading') && !sourced)
        ctx.push(path, `a ${x.basis} basis needs its "sources": the ids of what it rests on`);
      if (x.basis === 'stated' && x.statement === undefined)
        ctx.push(path, 'a stated basis needs its "statement": the words it rests on, quoted or paraphrased');
    }
    for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
  };
  walk(ctx.raw, []);
}

interface Hypothesis {
  readonly id: string;
  readonly path: Path;
  readonly item: Record<string, unknown>;
  /** on in a plain run: a non-zero drift, an event fired by a round or by blame, every durability factor */
  readonly on: boolean;
}

/** Drifts (named "<actor>-drift"), events and durability factors: the items `counterpart` may name. */
function hypotheses(raw: Record<string, unknown>): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const [actor, a] of records(raw.actors)) {
    const res = isRecord(actor.reservation) ? actor.reservation : undefined;
    const id = idOf(actor);
    if (id && res && res.drift !== undefined) {
      const value = isRecord(res.drift) ? res.drift.value : res.drift;
      out.push({
        id: `${id}-drift`,
        path: ['actors', a, 'reservation', 'drift'],
        item: isRecord(res.drift) ? res.drift : {},
        on: typeof value === 'number' && value !== 0,
      });
    }
  }
  for (const [ev, e] of records(raw.events)) {
    const manual = isRecord(ev.trigger) && ev.trigger.manual !== undefined;
    if (idOf(ev)) out.push({ id: idOf(ev)!, path: ['events', e], item: ev, on: !manual });
  }
  const durability = isRecord(raw.durability) ? raw.durability : undefined;
  for (const [f, k] of records(durability?.factors))
    if (idOf(f)) out.push({ id: idOf(f)!, path: ['durability', 'factors', k], item: f, on: true });
  return out;
}

export function checkPairing(ctx: CheckContext): void {
  const all = hypotheses(ctx.raw);
  const byId = new Map<string, Hypothesis[]>();
  for (const h of all) byId.set(h.id, [...(byId.get(h.id) ?? []), h]);
  for (const h of all) {
    const other = h.item.counterpart;
    if (typeof other !== 'string') continue;
    const at: Path = [...h.path, 'counterpart'];
    if (h.item.oneSided !== undefined)
      ctx.push(h.path, 'give "counterpart" or "oneSided", not both: a paired hypothesis is not one-sided');
    if (other === h.id) {
      ctx.push(at, `"${h.id}" cannot be its own counterpart`);
      continue;
    }
    const found = byId.get(other);
    if (!found) {
      ctx.unknown(
        'hypothesis|(a drift "<actor>-drift", an event or a durability factor)',
        other,
        [...byId.keys()].filter((id) => id !== h.id),
        at,
      );
      continue;
    }
    if (found.length > 1) {
      ctx.push(
        at,
        `"${other}" names more than one hypothesis (an event and a durability factor?): rename one`,
      );
      continue;
    }
    if (found[0]!.item.counterpart !== h.id)
      ctx.push(at, `the counterpart "${other}" does not name "${h.id}" back: give it counterpart: ${h.id}`);
    // a pair is on together or not at all: one side on alone is the one-sided default the pairing rules out
    else if (h.on && !found[0]!.on)
      ctx.push(
        at,
        `"${h.id}" is on by default but its counterpart "${other}" is not (${offReason(found[0]!)}): turn both on, or both off`,
      );
  }
}

const actsOnActor = (x: unknown): boolean => isRecord(x) && typeof x.actor === 'string';

/**
 * Hypotheses a plain run turns on that act on one side and name neither a counterpart nor the reason they have none
 * (`oneSided`): `validate` warns of them (audit.ts's unpairedHypotheses holds the shipped files to the same rule).
 */
export function unpairedDefaults(raw: Record<string, unknown>): Finding[] {
  return hypotheses(raw)
    .filter((h) => h.on && h.item.counterpart === undefined && h.item.oneSided === undefined)
    .filter(
      (h) => h.path[0] !== 'events' || (Array.isArray(h.item.effects) && h.item.effects.some(actsOnActor)),
    )
    .map((h) => ({
      path: h.path,
      message: `"${h.id}" acts on one side and is on by default: name its counterpart (also on), or say why it has none (oneSided)`,
    }));
}

function offReason(h: Hypothesis): string {
  return h.path[0] === 'events' ? 'a manual event waits for a person' : 'its drift is 0';
}
