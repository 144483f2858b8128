// Cross-checks of what a modelling choice rests on: a `stated` basis gives its sources and the words, a `reading`
// its sources; a hypothesis' `counterpart` exists and names it back.
import { type CheckContext, idOf, isRecord, type Path, records } from './crosscheck-context.ts';

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
}

/** Drifts (named "<actor>-drift"), events and durability factors: the items `counterpart` may name. */
function hypotheses(raw: Record<string, unknown>): Hypothesis[] {
  const out: Hypothesis[] = [];
  for (const [actor, a] of records(raw.actors)) {
    const res = isRecord(actor.reservation) ? actor.reservation : undefined;
    const id = idOf(actor);
    if (id && res && res.drift !== undefined)
      out.push({
        id: `${id}-drift`,
        path: ['actors', a, 'reservation', 'drift'],
        item: isRecord(res.drift) ? res.drift : {},
      });
  }
  for (const [ev, e] of records(raw.events))
    if (idOf(ev)) out.push({ id: idOf(ev)!, path: ['events', e], item: ev });
  const durability = isRecord(raw.durability) ? raw.durability : undefined;
  for (const [f, k] of records(durability?.factors))
    if (idOf(f)) out.push({ id: idOf(f)!, path: ['durability', 'factors', k], item: f });
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
  }
}
