// What each document's verdicts rest on: for every actor, every minimal set (up to 3) of its labelled choices —
// a red line dropped or a withheld one restored, a ranged weight or the reservation at the other end of its range,
// a dated position dropped,
// its numbers replaced by the centre of what the record allows — and of the document's own contested terms (read
// as a recorded variant has them) whose change alone flips its verdict; and the minimal sets that flip the
// document's agreement.
//
// A verdict is cheap to recompute: the actor's positions on the document's date are read once per set of dated
// positions dropped and of variants read, and each set of items then costs one weighted sum.
import { brokenConstraints, requiredActors } from '../domain/evaluate.ts';
import { epochsInForce, positionsAsOf } from '../domain/positions.ts';
import type { Actor, NegotiationDocument, Scenario } from '../domain/types.ts';
import {
  conflicting,
  epochItems,
  type HingeItem,
  preferenceItems,
  redLineItems,
  variantItems,
  withheldItems,
} from './hinge-items.ts';
import { combinations, minimalHinges, type SearchOptions, type SizeCount } from './hinge-search.ts';

/** Raw weights (by issue) and reservation of an actor at the centre of the region the record allows. */
export interface Centre {
  readonly weights: ReadonlyMap<number, number>;
  readonly reservation: number;
}

/** The item that replaces an actor's numbers by the centre of its calibrated region. */
export function calibratedItem(a: Actor, centre: Centre): HingeItem {
  return {
    id: `calibrated:${a.id}`,
    basis: 'assumption',
    sources: [],
    label: `${a.name}: its numbers replaced by the centre of what the record allows (they contradict the record)`,
    change: { kind: 'calibrated', actor: a.index, weights: centre.weights, reservation: centre.reservation },
  };
}

/** An actor's positions on a date, reduced to what a verdict reads. */
interface View {
  /** per weighted issue: value of the package's option, the issue when its top-level weight applies, the weight */
  readonly terms: readonly { readonly value: number; readonly issue: number | null; readonly raw: number }[];
  /** the top-level reservation applies (no dated position fixes it) */
  readonly sharedReservation: boolean;
  readonly reservation: number;
  readonly broken: readonly string[];
  /** the withheld red lines (restored by a hinge only) that the package breaks */
  readonly brokenIfRestored: readonly string[];
}

/** An actor's positions on a date with some of its dated positions dropped: what a view reads besides the package. */
interface Dated {
  readonly actor: Actor;
  readonly inForce: ReturnType<typeof epochsInForce>;
}

// reading the positions of a date is the costly part of a view, and every reading of a document's variants asks
// for the same ones: per scenario, actor, date and set of dated positions dropped
const datedCache = new WeakMap<Scenario, Map<string, Dated>>();

function datedFor(s: Scenario, actor: number, date: string, dropped: ReadonlySet<string>): Dated {
  let byKey = datedCache.get(s);
  if (!byKey) {
    byKey = new Map();
    datedCache.set(s, byKey);
  }
  const key = `${actor}|${date}|${[...dropped].sort().join(',')}`;
  let hit = byKey.get(key);
  if (!hit) {
    const without = dropped.size
      ? {
          ...s,
          actors: s.actors.map((x) =>
            x.index === actor ? { ...x, epochs: x.epochs.filter((e) => !dropped.has(e.id)) } : x,
          ),
        }
      : s;
    hit = {
      actor: positionsAsOf(without, date).actors[actor]!,
      inForce: epochsInForce(without.actors[actor]!, date),
    };
    byKey.set(key, hit);
  }
  return hit;
}

function viewOf(
  s: Scenario,
  actor: number,
  pkg: Int32Array,
  date: string,
  dropped: ReadonlySet<string>,
): View {
  const top = s.actors[actor]!;
  const { actor: dated, inForce } = datedFor(s, actor, date, dropped);
  const overridden = (i: number) =>
    inForce.some((e) =>
      e.preferences.some((o) => o.issue === i && (o.rawWeight !== undefined || o.weightRange)),
    );
  const terms = dated.preferences.flatMap((p, i) =>
    p
      ? [
          {
            value: p.values[pkg[i]!]!,
            issue: top.preferences[i] && !overridden(i) ? i : null,
            raw: p.rawWeight,
          },
        ]
      : [],
  );
  return {
    terms,
    sharedReservation: !inForce.some((e) => e.reservation?.value !== undefined || e.reservation?.range),
    reservation: dated.reservation.value,
    broken: brokenConstraints(dated.redLines, pkg).map((v) => v.redLine),
    brokenIfRestored: brokenConstraints(
      top.withheldRedLines.map((w) => w.redLine),
      pkg,
    ).map((v) => v.redLine),
  };
}

/** Does the actor accept, in this view, with these items' changes made? */
function acceptsWith(view: View, items: readonly HingeItem[]): boolean {
  const weights = new Map<number, number>();
  let reservation: number | null = null;
  const dropped = new Set<string>();
  let restoredBroken = false;
  for (const { change: c } of items) {
    if (c.kind === 'restore' && view.brokenIfRestored.includes(c.redLine)) restoredBroken = true;
    if (c.kind === 'weight') weights.set(c.issue, c.to);
    else if (c.kind === 'reservation') reservation = c.to;
    else if (c.kind === 'red-line') dropped.add(c.redLine);
    else if (c.kind === 'calibrated') {
      for (const [i, w] of c.weights) weights.set(i, w);
      reservation = c.reservation;
    }
  }
  if (restoredBroken || view.broken.some((id) => !dropped.has(id))) return false;
  let num = 0;
  let total = 0;
  for (const t of view.terms) {
    const w = t.issue !== null && weights.has(t.issue) ? weights.get(t.issue)! : t.raw;
    num += t.value * w;
    total += w;
  }
  const u = total > 0 ? num / total : 0;
  const r = view.sharedReservation && reservation !== null ? reservation : view.reservation;
  return u >= r - 1e-12;
}

export interface VerdictHinges {
  readonly accepts: boolean;
  /** minimal flipping sets, as item ids */
  readonly hinges: readonly (readonly string[])[];
  readonly sizes: readonly SizeCount[];
}

/** The document's package with some of its terms read as their variants have them. */
function packageWith(doc: NegotiationDocument, variants: readonly HingeItem[]): Int32Array {
  if (variants.length === 0) return doc.package;
  const pkg = Int32Array.from(doc.package);
  for (const { change: c } of variants) if (c.kind === 'variant') pkg[c.issue] = c.to;
  return pkg;
}

/** Every set of up to `max` of the items that reads no term two ways, the empty set first. */
function readableSets(items: readonly HingeItem[], max: number): HingeItem[][] {
  const out: HingeItem[][] = [];
  for (let k = 0; k <= Math.min(max, items.length); k++)
    for (const set of combinations(items.length, k)) {
      const chosen = set.map((j) => items[j]!);
      if (!conflicting(chosen)) out.push(chosen);
    }
  return out;
}

/**
 * The hinges of one actor's verdict on the document read with `fixed` (variants held, not searched); its
 * variants are among the items searched when `withVariants`.
 */
function searchVerdict(
  s: Scenario,
  actor: number,
  doc: NegotiationDocument,
  centre: Centre | undefined,
  options: SearchOptions,
  fixed: readonly HingeItem[],
  withVariants: boolean,
): VerdictHinges & { items: readonly HingeItem[] } {
  const a = s.actors[actor]!;
  const epochs = epochItems(a).filter((x) =>
    epochsInForce(a, doc.date).some((e) => x.change.kind === 'epoch' && e.id === x.change.epoch),
  );
  const variants = withVariants ? variantItems(s, doc) : [];
  const views = new Map<string, View>();
  const shapes = (x: HingeItem) => x.change.kind === 'epoch' || x.change.kind === 'variant';
  let plain: View | undefined;
  const view = (chosen: readonly HingeItem[]): View => {
    // most sets tried drop no dated position and read no variant: they share the view of the text as held
    if (!chosen.some(shapes)) {
      plain ??= keyedView([]);
      return plain;
    }
    return keyedView(chosen);
  };
  const keyedView = (chosen: readonly HingeItem[]) => {
    // the key: the shaping items, held ones first, in the order the search lists them
    let key = '';
    for (const x of fixed) key += `|${x.id}`;
    for (const x of chosen) if (shapes(x)) key += `|${x.id}`;
    let v = views.get(key);
    if (!v) {
      const all = [...fixed, ...chosen];
      const ids = all.flatMap((x) => (x.change.kind === 'epoch' ? [x.change.epoch] : []));
      v = viewOf(
        s,
        actor,
        packageWith(
          doc,
          all.filter((x) => x.change.kind === 'variant'),
        ),
        doc.date,
        new Set(ids),
      );
      views.set(key, v);
    }
    return v;
  };
  // the red lines the document may break on its date, with or without dated positions, however its contested
  // terms are read: only those can matter
  const broken = new Set<string>();
  const brokenIfRestored = new Set<string>();
  for (const read of readableSets(variants, options.maxSize ?? 3))
    for (const e of [null, ...epochs]) {
      const v = view(e ? [...read, e] : read);
      for (const id of v.broken) broken.add(id);
      for (const id of v.brokenIfRestored) brokenIfRestored.add(id);
    }
  const items = [
    ...redLineItems(a).filter((x) => x.change.kind === 'red-line' && broken.has(x.change.redLine)),
    // a withheld red line matters only where the document breaks it
    ...withheldItems(a).filter((x) => x.change.kind === 'restore' && brokenIfRestored.has(x.change.redLine)),
    ...preferenceItems(s, a),
    ...(centre ? [calibratedItem(a, centre)] : []),
    ...epochs,
    ...variants,
  ];
  const accepts = acceptsWith(view([]), []);
  const result = minimalHinges(
    items.length,
    (set) => {
      const chosen = set.map((k) => items[k]!);
      return acceptsWith(view(chosen), chosen) !== accepts;
    },
    // two variants of one term are no choice one can make: neither tried nor counted
    { ...options, admissible: (set) => !conflicting(set.map((k) => items[k]!)) },
  );
  return {
    accepts,
    items,
    hinges: result.hinges.map((h) => h.map((k) => items[k]!.id)),
    sizes: result.sizes,
  };
}

/** The hinges of one actor's verdict on one document, the document's recorded variants among the choices. */
export function verdictHinges(
  s: Scenario,
  actor: number,
  doc: NegotiationDocument,
  centre: Centre | undefined,
  options: SearchOptions = {},
): VerdictHinges & { items: readonly HingeItem[] } {
  return searchVerdict(s, actor, doc, centre, options, [], true);
}

export interface DocumentHinges {
  readonly id: string;
  readonly date: string;
  readonly agreement: boolean;
  /** minimal sets (up to 3 items) that flip the agreement */
  readonly agreementHinges: readonly (readonly string[])[];
  readonly verdicts: Readonly<Record<string, VerdictHinges>>;
  /** sets of items tried, over every actor */
  readonly tried: number;
}

/** Every hinge of every document's verdicts and agreement; `items` collects the items met, by id. */
export function documentHinges(
  s: Scenario,
  centres: ReadonlyMap<number, Centre> = new Map(),
  items: Map<string, HingeItem> = new Map(),
  options: SearchOptions = {},
): DocumentHinges[] {
  const maxSize = options.maxSize ?? 3;
  const ruleItems = new Map(
    s.rules.flatMap((r) =>
      r.basis === 'stated'
        ? []
        : [
            [
              r.id,
              {
                id: `rule:${r.id}`,
                basis: r.basis,
                sources: r.sources,
                label: `rule dropped — ${r.text.replace(/[.\s]+$/, '')}`,
                change: { kind: 'rule', rule: r.id },
              } as HingeItem,
            ],
          ],
    ),
  );
  return s.documents.map((doc) => {
    const verdicts: Record<string, VerdictHinges> = {};
    let tried = 0;
    for (const a of s.actors) {
      const v = verdictHinges(s, a.index, doc, centres.get(a.index), { maxSize });
      for (const x of v.items) items.set(x.id, x);
      tried += v.sizes.reduce((t, c) => t + c.tried, 0);
      verdicts[a.id] = { accepts: v.accepts, hinges: v.hinges, sizes: v.sizes };
    }
    const variants = variantItems(s, doc);
    // the document read with some of its variants: who must consent, what breaks, and each verdict's hinges
    // among the other choices (the variants held)
    const readWith = (fixed: readonly HingeItem[]) => {
      const pkg = packageWith(doc, fixed);
      // searched only for the actors whose consent the reading needs, when first asked
      const searched = new Map<string, VerdictHinges>();
      const held = (id: string): VerdictHinges => {
        // as tabled, the minimal sets among the other choices are the verdict's own that read no variant (a set's
        // minimality is decided by its subsets, which read none either)
        if (fixed.length === 0) {
          const v = verdicts[id]!;
          return variants.length === 0
            ? v
            : { ...v, hinges: v.hinges.filter((h) => !h.some((x) => x.startsWith('variant:'))) };
        }
        let v = searched.get(id);
        if (!v) {
          const a = s.actors.find((x) => x.id === id)!;
          const found = searchVerdict(
            s,
            a.index,
            doc,
            centres.get(a.index),
            { maxSize: maxSize - fixed.length },
            fixed,
            false,
          );
          for (const x of found.items) items.set(x.id, x);
          v = found;
          searched.set(id, v);
        }
        return v;
      };
      const required = requiredActors(s, pkg).map((k) => s.actors[k]!.id);
      const brokenRules = brokenConstraints(s.rules, pkg).map((r) => r.redLine);
      const agreement = brokenRules.length === 0 && required.every((id) => held(id).accepts);
      return { held, required, brokenRules, agreement };
    };
    const plain = readWith([]);
    const agreement = plain.agreement;
    const found: string[][] = [];
    for (const fixed of readableSets(variants, maxSize)) {
      const r = fixed.length ? readWith(fixed) : plain;
      const read = fixed.map((x) => x.id);
      for (const x of fixed) items.set(x.id, x);
      if (r.agreement !== agreement) {
        found.push(read);
        continue;
      }
      if (agreement) {
        // any required actor turning away ends it
        found.push(...r.required.flatMap((id) => r.held(id).hinges.map((h) => [...read, ...h])));
        continue;
      }
      if (r.brokenRules.some((id) => !ruleItems.has(id))) continue;
      const rules = r.brokenRules.map((id) => ruleItems.get(id)!);
      for (const x of rules) items.set(x.id, x);
      // every rejecting required actor must flip, each by one of its own minimal sets; items never overlap
      let combos: string[][] = [[...read, ...rules.map((x) => x.id)]];
      for (const id of r.required.filter((x) => !r.held(x).accepts)) {
        combos = combos.flatMap((c) =>
          r
            .held(id)
            .hinges.map((h) => [...c, ...h])
            .filter((x) => x.length <= maxSize),
        );
      }
      found.push(...combos.filter((c) => c.length > 0 && c.length <= maxSize));
    }
    // a set read with variants is a hinge only if no smaller set found does the same (those come first)
    const agreementHinges = found.filter(
      (h, k) =>
        h.length <= maxSize &&
        !found.some((g, j) => j !== k && g.length < h.length && g.every((x) => h.includes(x))),
    );
    return { id: doc.id, date: doc.date, agreement, agreementHinges, verdicts, tried };
  });
}
