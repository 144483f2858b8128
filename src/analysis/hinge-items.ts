// The labelled modelling choices an answer may rest on, each with the one change that reverses it: a red line or
// rule dropped, a red line the scenario withholds on a reading restored, a ranged weight or reservation moved to the
// other end of its range, a strategy or a hypothesis (drift, scheduled event) switched, a dated position dropped, an
// actor's numbers replaced by the centre of what the record allows, a ratification hurdle dropped or its threshold
// moved to the other end of its range, a document's term read as a recorded variant has it, another party of
// alternating offers proposing first. Only choices whose basis is `reading` or `assumption` are items: what an actor
// stated is not the modeller's to reverse. Which of a text's contested versions is the text is a reading of the
// reports, so every recorded variant is one; so is every other first proposer.
import { documentHeading, documentTermFlag, flagInParentheses, variantFlag } from '../domain/flags.ts';
import { contributions } from '../domain/positions.ts';
import type { Actor, BasisKind, NegotiationDocument, Scenario, StrategyKind } from '../domain/types.ts';
import { rivalTurns, type TurnsChange, turnsItems } from './turns-items.ts';

type HingeChange =
  | { readonly kind: 'red-line'; readonly actor: number; readonly redLine: string }
  /** a red line the scenario withholds on a reading, restored */
  | { readonly kind: 'restore'; readonly actor: number; readonly redLine: string }
  | { readonly kind: 'rule'; readonly rule: string }
  | {
      readonly kind: 'weight';
      readonly actor: number;
      readonly issue: number;
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'reservation'; readonly actor: number; readonly from: number; readonly to: number }
  | { readonly kind: 'drift'; readonly actor: number; readonly from: number }
  | {
      readonly kind: 'strategy';
      readonly actor: number;
      readonly from: StrategyKind;
      readonly to: StrategyKind;
    }
  | { readonly kind: 'event'; readonly event: string }
  | { readonly kind: 'hurdle'; readonly hurdle: string }
  | { readonly kind: 'threshold'; readonly hurdle: string; readonly from: number; readonly to: number }
  | { readonly kind: 'epoch'; readonly actor: number; readonly epoch: string }
  /** a document's term read as one of its recorded variants has it (option indices) */
  | {
      readonly kind: 'variant';
      readonly document: string;
      readonly issue: number;
      readonly from: number;
      readonly to: number;
    }
  | TurnsChange
  | {
      readonly kind: 'calibrated';
      readonly actor: number;
      /** raw weight per issue index (only the weighted issues), and the reservation */
      readonly weights: ReadonlyMap<number, number>;
      readonly reservation: number;
    };

export interface HingeItem {
  /** a stable key, e.g. "red-line:russia:no-nato" */
  readonly id: string;
  readonly basis: Exclude<BasisKind, 'stated'>;
  readonly sources: readonly string[];
  /** what is reversed, in words (labels, never ids) */
  readonly label: string;
  readonly change: HingeChange;
  /**
   * a rotation of the turns of three or more parties: the order it runs, as actor ids, the first proposer first
   * (a two-party item has none: its label says the whole order)
   */
  readonly order?: readonly string[];
}

const labelled = (b: BasisKind): b is Exclude<BasisKind, 'stated'> => b !== 'stated';

/** The end of a range farther from the value written: the reversal of the modeller's choice. */
function otherEnd(value: number, range: readonly [number, number]): number | null {
  const [lo, hi] = range;
  const to = hi - value >= value - lo ? hi : lo;
  return Math.abs(to - value) > 1e-12 ? to : null;
}

/** The strategy a switch puts in place of another: a concession over time for any other, a hardliner for that. */
function switchedStrategy(kind: StrategyKind): StrategyKind | null {
  if (kind === 'human') return null;
  return kind === 'linear' ? 'hardliner' : 'linear';
}

const n2 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** The red lines of an actor, as items. */
export function redLineItems(a: Actor): HingeItem[] {
  return a.redLines.flatMap((r) =>
    labelled(r.basis)
      ? [
          {
            id: `red-line:${a.id}:${r.id}`,
            basis: r.basis,
            sources: r.sources,
            label: `${a.name}: red line dropped — ${r.text.replace(/[.\s]+$/, '')}`,
            change: { kind: 'red-line', actor: a.index, redLine: r.id },
          },
        ]
      : [],
  );
}

/** The red lines an actor's scenario withholds on a reading, each restored: the reading reversed. */
export function withheldItems(a: Actor): HingeItem[] {
  return a.withheldRedLines.map((w) => ({
    id: `restore:${a.id}:${w.redLine.id}`,
    basis: w.basis,
    sources: w.sources,
    label: `${a.name}: withheld red line restored — ${w.redLine.text.replace(/[.\s]+$/, '')}`,
    change: { kind: 'restore', actor: a.index, redLine: w.redLine.id },
  }));
}

/** An actor's ranged weights and reservation at the other end of their ranges, as items. */
export function preferenceItems(s: Scenario, a: Actor): HingeItem[] {
  const out: HingeItem[] = [];
  a.preferences.forEach((p, i) => {
    if (!p?.weightRange || !labelled(p.basis)) return;
    const to = otherEnd(p.rawWeight, p.weightRange);
    if (to === null) return;
    out.push({
      id: `weight:${a.id}:${s.issues[i]!.id}`,
      basis: p.basis,
      sources: p.sources,
      label: `${a.name}: weight on ${s.issues[i]!.label} at the other end of its range (${n2(p.rawWeight)} → ${n2(to)})`,
      change: { kind: 'weight', actor: a.index, issue: i, from: p.rawWeight, to },
    });
  });
  const r = a.reservation;
  if (r.range && labelled(r.basis)) {
    const to = otherEnd(r.value, r.range);
    if (to !== null)
      out.push({
        id: `reservation:${a.id}`,
        basis: r.basis,
        sources: r.sources,
        label: `${a.name}: value of no deal at the other end of its range (${n2(r.value)} → ${n2(to)})`,
        change: { kind: 'reservation', actor: a.index, from: r.value, to },
      });
  }
  return out;
}

/** An actor's dated positions, as items (dropping one judges its dates by the positions around it). */
export function epochItems(a: Actor): HingeItem[] {
  return a.epochs.flatMap((e) =>
    labelled(e.basis)
      ? [
          {
            id: `epoch:${a.id}:${e.id}`,
            basis: e.basis,
            sources: e.sources,
            label: `${a.name}: dated positions dropped — ${e.label}`,
            change: { kind: 'epoch', actor: a.index, epoch: e.id },
          },
        ]
      : [],
  );
}

/** A document's recorded variants of its terms, as items: each term read as one of its variants has it. */
export function variantItems(s: Scenario, doc: NegotiationDocument): HingeItem[] {
  return doc.terms.flatMap((t) => {
    const issue = s.issues[t.issue]!;
    const label = (o: number) => issue.options[o]?.label ?? String(o);
    // both sides flagged as every list of a text's terms flags them: the term as tabled by the document's rule (a
    // text the record does not settle at all has the flag on its title instead), the variant by its own record —
    // in square brackets, inside the label's parentheses
    const tabled = `${label(t.option)}${flagInParentheses(documentTermFlag(doc, t.issue))}`;
    return t.variants.flatMap((v, k) =>
      v.option === t.option
        ? []
        : [
            {
              id: `variant:${doc.id}:${issue.id}:${k + 1}`,
              basis: 'reading' as const,
              sources: v.sources,
              label: `${documentHeading(doc)}: ${issue.label} as a recorded variant has it (${tabled} → ${label(v.option)}${flagInParentheses(variantFlag(v, label(v.option)))})`,
              change: { kind: 'variant', document: doc.id, issue: t.issue, from: t.option, to: v.option },
            },
          ],
    );
  });
}

/**
 * Two of the items read the same term of the same document as two variants, or put two parties first: not a set
 * of choices one can make.
 */
export function conflicting(items: readonly HingeItem[]): boolean {
  return rivalTurns(items) || rivalVariants(items);
}

/** Two of the items read the same term of the same document as two variants. */
function rivalVariants(items: readonly HingeItem[]): boolean {
  const terms = new Set<string>();
  for (const { change: c } of items) {
    if (c.kind !== 'variant') continue;
    const key = `${c.document}|${c.issue}`;
    if (terms.has(key)) return true;
    terms.add(key);
  }
  return false;
}

/** What a run's injects put on its table: the manual events injected, and the documents ad-hoc injects table. */
interface Injected {
  readonly events?: ReadonlySet<string>;
  readonly documents?: ReadonlySet<string>;
}

/**
 * The documents a run tables: its opening text, those of the events that fire on their own, those of the manual
 * events injected into it, and those its ad-hoc injects table — each once, in the scenario's order of documents.
 */
function documentsTabledByRun(s: Scenario, injected: Injected): NegotiationDocument[] {
  const ids = new Set<string>(injected.documents);
  if (s.protocol.opening) ids.add(s.protocol.opening);
  for (const e of s.events)
    if (!('manual' in e.trigger) || injected.events?.has(e.id))
      for (const f of e.effects) if (f.kind === 'table') ids.add(f.document);
  return s.documents.filter((d) => ids.has(d.id));
}

/** The actors a run can consult: the parties, the mediator and the controllers of issues. */
function involvedActors(s: Scenario): number[] {
  const involved = new Set([...s.protocol.parties, ...s.issues.flatMap((x) => x.controlledBy)]);
  if (s.protocol.mediator !== undefined) involved.add(s.protocol.mediator);
  return [...involved].sort((x, y) => x - y);
}

/**
 * Everything a run's outcome may rest on: the involved actors' red lines, ranged preferences, strategies and
 * drifts; the rules; the events that fire by themselves; the ratification hurdles; the recorded variants of every
 * text the run tables (`injected`: the manual events injected into it, and the documents its ad-hoc injects
 * table); under alternating offers, the order of the parties' turns. Strategies the user fixed (`--strategy`) are
 * the user's, not the modeller's, and are left out; so are the injects themselves. Durability factors never change
 * an outcome and are left out too.
 */
export function outcomeItems(
  s: Scenario,
  fixedStrategies: ReadonlySet<string> = new Set(),
  injected: Injected = {},
): HingeItem[] {
  const out: HingeItem[] = [];
  for (const k of involvedActors(s)) {
    const a = s.actors[k]!;
    out.push(...redLineItems(a), ...withheldItems(a), ...preferenceItems(s, a));
    const st = a.strategy;
    const to = switchedStrategy(st.kind);
    if (to && labelled(st.basis) && !fixedStrategies.has(a.id))
      out.push({
        id: `strategy:${a.id}`,
        basis: st.basis,
        sources: st.sources,
        label: `${a.name}: plays ${to} instead of ${st.kind}`,
        change: { kind: 'strategy', actor: k, from: st.kind, to },
      });
    const drift = a.reservation.drift;
    const hyp = a.reservation.driftHypothesis;
    const driftBasis = hyp?.basis ?? 'assumption';
    if (drift !== 0 && labelled(driftBasis))
      out.push({
        id: `drift:${a.id}`,
        basis: driftBasis,
        sources: hyp?.sources ?? [],
        label: `${a.name}: value of no deal no longer drifts (${drift > 0 ? '+' : '−'}${Math.abs(drift)} a round → 0)`,
        change: { kind: 'drift', actor: k, from: drift },
      });
  }
  for (const r of s.rules)
    if (labelled(r.basis))
      out.push({
        id: `rule:${r.id}`,
        basis: r.basis,
        sources: r.sources,
        label: `rule dropped — ${r.text.replace(/[.\s]+$/, '')}`,
        change: { kind: 'rule', rule: r.id },
      });
  for (const e of s.events)
    if (!('manual' in e.trigger) && labelled(e.basis))
      out.push({
        id: `event:${e.id}`,
        basis: e.basis,
        sources: e.sources,
        label: `event switched off — ${e.title}`,
        change: { kind: 'event', event: e.id },
      });
  out.push(...ratificationItems(s));
  for (const d of documentsTabledByRun(s, injected)) out.push(...variantItems(s, d));
  out.push(...turnsItems(s));
  return out;
}

/**
 * The ratification hurdles, as items: a hurdle that is a reading or an assumption dropped (the text takes effect
 * when signed), and a labelled threshold with a range at the other end of it. They change whether a signed text
 * takes effect, which is part of a run's outcome.
 */
function ratificationItems(s: Scenario): HingeItem[] {
  const out: HingeItem[] = [];
  for (const r of s.ratifications) {
    const name = s.actors[r.actor]!.name;
    if (labelled(r.basis))
      out.push({
        id: `hurdle:${r.id}`,
        basis: r.basis,
        sources: r.sources,
        label: `${name}: ratification hurdle dropped — ${r.label}`,
        change: { kind: 'hurdle', hurdle: r.id },
      });
    const t = r.threshold;
    const to = t.range && labelled(t.basis) ? otherEnd(t.value, t.range) : null;
    if (to !== null && labelled(t.basis))
      out.push({
        id: `threshold:${r.id}`,
        basis: t.basis,
        sources: t.sources,
        label: `${name}: the utility ${r.label} needs at the other end of its range (${n2(t.value)} → ${n2(to)})`,
        change: { kind: 'threshold', hurdle: r.id, from: t.value, to },
      });
  }
  return out;
}

/**
 * The labelled numbers that have no reversal: a weight or value of no deal of an involved actor, or a ratification
 * threshold, that is a reading or an assumption but given without a range. An outcome may rest on them; nothing
 * here can say so.
 */
export function unrangedCount(s: Scenario): { preferences: number; thresholds: number } {
  let preferences = 0;
  for (const k of involvedActors(s)) {
    const a = s.actors[k]!;
    for (const p of a.preferences) if (p && labelled(p.basis) && !p.weightRange) preferences++;
    if (labelled(a.reservation.basis) && !a.reservation.range) preferences++;
  }
  const thresholds = s.ratifications.filter((r) => labelled(r.threshold.basis) && !r.threshold.range).length;
  return { preferences, thresholds };
}

// How many of the choices a run's outcome may rest on an actor stated; none (divide-the-surplus): no sentence may say
// the outcome rests on what actors stated.
export function statedCount(s: Scenario): number {
  const stated = (b: BasisKind | undefined) => (b === 'stated' ? 1 : 0);
  let n = 0;
  for (const k of involvedActors(s)) {
    const { redLines, preferences, reservation: r, strategy } = s.actors[k]!;
    for (const x of [...redLines, ...preferences, r, strategy]) n += stated(x?.basis);
    if (r.drift !== 0) n += stated(r.driftHypothesis?.basis);
  }
  for (const x of [...s.rules, ...s.events, ...s.ratifications]) n += stated(x.basis);
  return n + s.ratifications.filter((x) => x.threshold.basis === 'stated').length;
}

/** The actor with new raw weights and reservation, its normalised weights and utility table rebuilt. */
function reweighted(
  s: Scenario,
  a: Actor,
  raw: ReadonlyMap<number, number>,
  reservation: number = a.reservation.value,
): Actor {
  const preferences = a.preferences.map((p, i) => (p && raw.has(i) ? { ...p, rawWeight: raw.get(i)! } : p));
  const { weights, contrib } = contributions(s.issues, s.offsets, preferences);
  return { ...a, preferences, weights, contrib, reservation: { ...a.reservation, value: reservation } };
}

/** A document with some of its terms read as their variants have them (changes to other documents ignored). */
function readAs(
  d: NegotiationDocument,
  variants: readonly Extract<HingeChange, { kind: 'variant' }>[],
): NegotiationDocument {
  const mine = variants.filter((c) => c.document === d.id);
  if (mine.length === 0) return d;
  const pkg = Int32Array.from(d.package);
  for (const c of mine) pkg[c.issue] = c.to;
  const terms = d.terms.map((t) => {
    const c = mine.find((x) => x.issue === t.issue);
    return c ? { ...t, option: c.to } : t;
  });
  return { ...d, terms, package: pkg };
}

/** The scenario with every change of the items made. */
export function applyItems(s: Scenario, items: readonly HingeItem[]): Scenario {
  if (items.length === 0) return s;
  const changes = items.map((x) => x.change);
  const rules = new Set(changes.flatMap((c) => (c.kind === 'rule' ? [c.rule] : [])));
  const events = new Set(changes.flatMap((c) => (c.kind === 'event' ? [c.event] : [])));
  const actors = s.actors.map((a) => {
    const mine = changes.filter((c) => 'actor' in c && c.actor === a.index);
    if (mine.length === 0) return a;
    const raw = new Map<number, number>();
    let reservation = a.reservation.value;
    let next: Actor = a;
    for (const c of mine) {
      if (c.kind === 'weight') raw.set(c.issue, c.to);
      else if (c.kind === 'reservation') reservation = c.to;
      else if (c.kind === 'calibrated') {
        for (const [i, w] of c.weights) raw.set(i, w);
        reservation = c.reservation;
      }
    }
    if (raw.size || reservation !== a.reservation.value) next = reweighted(s, next, raw, reservation);
    for (const c of mine) {
      if (c.kind === 'red-line')
        next = { ...next, redLines: next.redLines.filter((r) => r.id !== c.redLine) };
      else if (c.kind === 'restore') {
        const w = next.withheldRedLines.find((x) => x.redLine.id === c.redLine);
        if (w)
          next = {
            ...next,
            redLines: [...next.redLines, w.redLine],
            withheldRedLines: next.withheldRedLines.filter((x) => x !== w),
          };
      } else if (c.kind === 'drift') next = { ...next, reservation: { ...next.reservation, drift: 0 } };
      else if (c.kind === 'strategy')
        next = { ...next, strategy: { ...next.strategy, kind: c.to, params: {} } };
      else if (c.kind === 'epoch') next = { ...next, epochs: next.epochs.filter((e) => e.id !== c.epoch) };
    }
    return next;
  });
  const hurdles = new Set(changes.flatMap((c) => (c.kind === 'hurdle' ? [c.hurdle] : [])));
  const thresholds = new Map(
    changes.flatMap((c) => (c.kind === 'threshold' ? [[c.hurdle, c.to] as const] : [])),
  );
  const variants = changes.flatMap((c) => (c.kind === 'variant' ? [c] : []));
  const turns = changes.find((c) => c.kind === 'turns');
  return {
    ...s,
    ...(turns ? { protocol: { ...s.protocol, parties: turns.parties } } : {}),
    actors,
    documents: variants.length ? s.documents.map((d) => readAs(d, variants)) : s.documents,
    rules: rules.size ? s.rules.filter((r) => !rules.has(r.id)) : s.rules,
    events: events.size ? s.events.filter((e) => !events.has(e.id)) : s.events,
    ratifications:
      hurdles.size || thresholds.size
        ? s.ratifications
            .filter((r) => !hurdles.has(r.id))
            .map((r) =>
              thresholds.has(r.id)
                ? { ...r, threshold: { ...r.threshold, value: thresholds.get(r.id)! } }
                : r,
            )
        : s.ratifications,
  };
}
