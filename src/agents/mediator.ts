// The mediator of a single negotiating text revises it between rounds toward acceptance:
//   1. it repairs what makes agreement impossible — broken rules, its own red lines, and the red lines of the
//      actors that rejected — each with the one- or two-term change that breaks the fewest other red lines and
//      costs the other required actors least (or, for a non-party whose consent the text needs only because
//      it moves that actor's issues, by leaving those issues at the status quo);
//   2. then, for each actor that rejected a text worth less to it than no deal, it moves that actor's costliest
//      term one step its way — without breaking a red line or rule that holds, without putting anyone below
//      their value of no deal, and without going below its own aspiration. Actors that reject a text worth
//      more than no deal are holding out for more: the mediator leaves them to the clock;
//   3. when the text still falls short of the demands the actors stated (their aspirations last round) and the
//      exact frontier of acceptable packages has a text that meets more of them, it redrafts to the nearest one.
// It never tables a text that breaks its own red lines, and it records why it changed each term — a reason that
// must be true of the numbers: an "ask" moves a term the actor named when it rejected a text worth less than no
// deal to it; a redraft "meets" only actors that rejected with asks and get their stated demand and their asked
// terms' way. Without new information it never goes back: no term returns to a value it moved it away from, no
// text is tabled again (memory.ts in the engine keeps that record); with nothing new to offer, it says so.
import { holds } from '../domain/condition.ts';
import { redLineOf, requiredActors } from '../domain/evaluate.ts';
import type { Rng } from '../domain/rng.ts';
import type { Actor, Constraint, Scenario } from '../domain/types.ts';
import { issueCosts, samePackage, utility } from '../domain/utility.ts';
import { cheapest } from './cheapest.ts';
import { bestPath, closenessScores, combinedScores, constrainedDag } from './optimize.ts';
import { frontierDraft } from './redraft.ts';
import { breaksNothingNew, brokenCount, costToOthers, utilitiesOf } from './repair-costs.ts';
import { keepsAll, movesWithin, withTerms } from './search.ts';
import type { ChangeReason, Revision, TermChange, View } from './types.ts';

const EPS = 1e-12;

interface Objection {
  readonly constraint: Constraint;
  /** its owner's actor index, or null for a rule */
  readonly owner: number | null;
}

/** The issues a non-party controls that a package moves off the status quo. */
function movedControlled(scenario: Scenario, actor: number, pkg: ArrayLike<number>): number[] {
  return scenario.issues
    .filter((x) => x.controlledBy.includes(actor) && pkg[x.index] !== x.statusQuo)
    .map((x) => x.index);
}

function isParty(scenario: Scenario, a: number): boolean {
  return scenario.protocol.parties.includes(a);
}

/** What the mediator has done since the last new information (an event, an inject, a walk-out). */
export interface MediatorMemory {
  /** every text on the table since, the one on it now included */
  readonly tabled: readonly (readonly number[])[];
  /** (issue, option) pairs it moved a term away from since */
  readonly abandoned: readonly (readonly [number, number])[];
}

export interface MediatorInput {
  /** the actors that rejected the last text, in the order they answered */
  readonly rejected: readonly number[];
  /** the mediator's aspiration this round */
  readonly aspiration: number;
  /** how many terms it moves for each actor that rejected on value (default 1) */
  readonly steps?: number;
  /** what it must not go back to (none: it remembers nothing) */
  readonly memory?: MediatorMemory;
}

/** The rules that keep the search from going round in circles, and whether they held a change back. */
class Circles {
  blocked = false;
  /** per issue, the options it moved that term away from */
  readonly #abandoned = new Map<number, Set<number>>();
  readonly #tabled: readonly (readonly number[])[];
  constructor(
    readonly start: Int32Array,
    memory: MediatorMemory | undefined,
  ) {
    for (const [i, o] of memory?.abandoned ?? []) {
      const options = this.#abandoned.get(i) ?? new Set<number>();
      options.add(o);
      this.#abandoned.set(i, options);
    }
    this.#tabled = memory?.tabled ?? [];
  }
  /** A package moves some term back to a value the mediator moved it away from. */
  undoes(pkg: ArrayLike<number>): boolean {
    for (let i = 0; i < pkg.length; i++)
      if (pkg[i] !== this.start[i] && this.#abandoned.get(i)?.has(pkg[i]!)) return true;
    return false;
  }
  /** A package, other than the text on the table, that was on the table before. */
  retables(pkg: ArrayLike<number>): boolean {
    return !samePackage(pkg, this.start) && this.#tabled.some((t) => samePackage(t, pkg));
  }
  /** Whether a candidate may be tabled; a refused one is remembered (then "nothing new" may be said). */
  allows(pkg: ArrayLike<number>, whole = false): boolean {
    const ok = !this.undoes(pkg) && !(whole && this.retables(pkg));
    if (!ok) this.blocked = true;
    return ok;
  }
}

/**
 * A revision in progress: the text as the mediator has changed it so far and what it records of each change. The
 * phases of `revise` are functions of their own on it, so that V8 compiles each small one on its own (the one
 * function they were took the longest of any to compile, and compiled late in an `outcomes` run).
 */
class Revising {
  text: Int32Array;
  readonly changes: TermChange[] = [];
  readonly touched = new Set<number>();
  readonly unmet: number[] = [];
  /** red lines and rules repaired this round */
  readonly repaired: Constraint[] = [];
  /** actors whose consent a change made unnecessary */
  readonly released: number[] = [];
  readonly circles: Circles;
  readonly me: Actor;
  constructor(
    readonly view: View,
    readonly rng: Rng,
    readonly input: MediatorInput,
    /** the actors that rejected, in the order it takes them up (hearingOrder) */
    readonly rejected: readonly number[],
  ) {
    this.text = view.text.slice();
    this.circles = new Circles(view.text.slice(), input.memory);
    this.me = view.scenario.actors[view.self]!;
  }
  mine(pkg: ArrayLike<number>): number {
    return utility(this.me, this.view.scenario.offsets, pkg);
  }
  apply(next: Int32Array, reason: ChangeReason): void {
    const { text } = this;
    for (let i = 0; i < next.length; i++)
      if (next[i] !== text[i]) {
        this.changes.push({ issue: i, from: text[i]!, to: next[i]!, reason });
        this.touched.add(i);
      }
    this.text = next;
  }
  noteUnmet(a: number): void {
    if (!this.unmet.includes(a)) this.unmet.push(a);
  }
}

/**
 * The order in which it takes up the actors that rejected: the parties before the others (their consent is always
 * needed), and within each, the actor the text serves worst first — the lowest utility over its value of no deal —
 * then scenario order. Never the order a scenario lists its parties in: whose objections come first decides which
 * repairs the later ones must work around, so a listing order would favour one side by accident of typing (with
 * Russia listed first, the runs differed from those with Ukraine first). Ties of margin are exact ties only.
 */
function hearingOrder(view: View, rejected: readonly number[]): number[] {
  if (rejected.length < 2) return [...rejected];
  const { scenario, text } = view;
  const keyed = rejected.map((a) => {
    const actor = scenario.actors[a]!;
    const margin = utility(actor, scenario.offsets, text) - actor.reservation.value;
    return { a, party: isParty(scenario, a), margin };
  });
  keyed.sort((x, y) => Number(y.party) - Number(x.party) || x.margin - y.margin || x.a - y.a);
  return keyed.map((k) => k.a);
}

export function revise(view: View, rng: Rng, input: MediatorInput): Revision {
  const { scenario } = view;
  const d = new Revising(view, rng, input, hearingOrder(view, input.rejected));
  repairObjections(d);
  keepOwnRedLines(d);
  moveAskedTerms(d);
  // 3. when the text still falls short of what the actors said they need, and the exact frontier of acceptable
  //    packages holds a text that meets more of those demands, the mediator redrafts to the nearest one
  //    (one that keeps what this round repaired, and neither undoes its changes nor tables a text again)
  const { circles, repaired, released } = d;
  const jump = frontierDraft(
    view,
    rng,
    d.text,
    input.aspiration,
    (pkg) =>
      keepsAll(repaired, pkg) &&
      released.every((r) => movedControlled(scenario, r, pkg).length === 0) &&
      circles.allows(pkg, true),
  );
  if (jump) {
    d.apply(jump.pkg, { kind: 'frontier', meets: jump.meets });
    return { type: 'revise', changes: d.changes, aspiration: input.aspiration, unmet: [], nothingNew: false };
  }
  // a text it tabled before, reached again by repairs: it keeps the one on the table instead
  if (circles.retables(d.text)) {
    circles.blocked = true;
    return { type: 'revise', changes: [], aspiration: input.aspiration, unmet: d.unmet, nothingNew: true };
  }
  const same = d.text.every((o, i) => o === view.text[i]);
  return {
    type: 'revise',
    changes: d.changes,
    aspiration: input.aspiration,
    unmet: d.unmet,
    nothingNew: same && circles.blocked,
  };
}

/**
 * 1. What makes agreement impossible: the rules, its own red lines, then those of each actor that rejected, each
 *    repaired with the cheapest one- or two-term change (or, for a non-party, by its issues at the status quo).
 */
function repairObjections(d: Revising): void {
  const { scenario, self } = d.view;
  // pushed one by one: see domain/packed.ts
  const objections: Objection[] = [];
  for (const constraint of scenario.rules) objections.push({ constraint, owner: null });
  for (const constraint of d.me.redLines) objections.push({ constraint, owner: self });
  for (const a of d.rejected)
    for (const constraint of scenario.actors[a]!.redLines) objections.push({ constraint, owner: a });
  for (const objection of objections) repairOne(d, objection);
}

function repairOne(d: Revising, { constraint, owner }: Objection): void {
  const { scenario, self } = d.view;
  const { text, circles } = d;
  const needed = (pkg: ArrayLike<number>) =>
    owner === null ||
    owner === self ||
    isParty(scenario, owner) ||
    requiredActors(scenario, pkg).includes(owner);
  if (holds(constraint.condition, text) || !needed(text)) return;
  const candidates: { item: Int32Array; score: number[] }[] = [];
  // its own red lines that a repair must keep: those that hold now, and the one repaired
  const keep = d.me.redLines.filter((c) => c === constraint || holds(c.condition, text));
  const exempt = owner === null ? [self] : [owner, self];
  const mineNow = d.mine(text);
  const before = utilitiesOf(scenario, text);
  const consider = (next: Int32Array) => {
    if (holds(constraint.condition, next) === false && needed(next)) return;
    if (!keepsAll(keep, next)) return;
    if (!circles.allows(next)) return;
    candidates.push({
      item: next,
      score: [
        brokenCount(scenario, next),
        costToOthers(scenario, before, next, exempt),
        Math.max(0, mineNow - d.mine(next)),
      ],
    });
  };
  for (const pairs of [false, true]) {
    for (const moves of movesWithin(scenario, text, constraint.scope, pairs))
      consider(withTerms(text, moves));
    if (candidates.length) break;
  }
  if (owner !== null && !isParty(scenario, owner) && owner !== self) {
    const moved = movedControlled(scenario, owner, text);
    if (moved.length)
      consider(
        withTerms(
          text,
          moved.map((i) => [i, scenario.issues[i]!.statusQuo]),
        ),
      );
  }
  const next = cheapest(candidates, d.rng);
  if (!next) {
    if (owner !== null) d.noteUnmet(owner);
    return;
  }
  const violation = redLineOf(constraint);
  const kept = holds(constraint.condition, next);
  if (kept) d.repaired.push(constraint);
  else if (owner !== null) d.released.push(owner);
  d.apply(
    next,
    owner === null
      ? { kind: 'rule', violation }
      : kept
        ? { kind: 'red-line', actor: owner, violation }
        : { kind: 'consent', actor: owner },
  );
}

/**
 * Its own red lines hold in whatever it tables: when one- and two-term repairs could not manage it, the closest
 * package that keeps them all (and the rules), found exactly on their diagram.
 */
function keepOwnRedLines(d: Revising): void {
  const { scenario, self } = d.view;
  const { me, text } = d;
  if (keepsAll(me.redLines, text)) return;
  const others = combinedScores(
    scenario,
    scenario.actors.filter((a) => a.index !== self).map((a) => ({ actor: a.index, weight: 1 })),
  );
  let next: Int32Array | null = null;
  for (const constraints of [[...me.redLines, ...scenario.rules], me.redLines]) {
    const dag = constrainedDag(scenario, constraints);
    next = dag && bestPath(scenario, dag, closenessScores(scenario, text), others);
    if (next) break;
  }
  const broken = me.redLines.find((c) => !holds(c.condition, text))!;
  if (next) {
    d.repaired.push(...me.redLines);
    d.apply(next, { kind: 'red-line', actor: self, violation: redLineOf(broken) });
  }
}

/**
 * 2. The actors that rejected a text worth less to them than no deal, and still get less: the terms they asked
 *    for, costliest first, one step their way.
 */
function moveAskedTerms(d: Revising): void {
  const { view } = d;
  const answers = new Map((view.history.at(-1)?.answers ?? []).map((a) => [a.actor, a]));
  /** its own red lines that hold in a text (the last text asked about, remembered) */
  const held: Held = { text: null, lines: [] };
  for (const a of d.rejected) {
    const answer = answers.get(a);
    if (!answer || answer.utility >= answer.reservation - EPS || answer.asks.length === 0) continue;
    moveFor(d, a, answer.asks, held);
  }
}

interface Held {
  text: Int32Array | null;
  lines: Constraint[];
}

/** Its own red lines that hold in `text` (the last text asked about, remembered). */
function holdingIn(d: Revising, held: Held, text: Int32Array): Constraint[] {
  if (held.text !== text) {
    held.text = text;
    held.lines = d.me.redLines.filter((c) => holds(c.condition, text));
  }
  return held.lines;
}

/** The terms actor `a` asked for, costliest first, each one step its way (a move changes the text the next reads). */
function moveFor(d: Revising, a: number, asks: readonly number[], held: Held): void {
  const { scenario, self } = d.view;
  const { circles } = d;
  const start = d.text;
  const actor = scenario.actors[a]!;
  if (!requiredActors(scenario, start).includes(a)) return;
  if (actor.redLines.some((c) => !holds(c.condition, start))) return; // already handled, or could not be
  if (utility(actor, scenario.offsets, start) >= actor.reservation.value - EPS) return; // it holds out: time will tell
  const startRequired = requiredActors(scenario, start);
  const content = startRequired.filter(
    (j) =>
      j !== a &&
      utility(scenario.actors[j]!, scenario.offsets, start) >= scenario.actors[j]!.reservation.value - EPS,
  );
  const aspiration = d.input.aspiration;
  // no red line or rule that holds may break, nobody content may fall below no deal, and the mediator keeps its aspiration
  const admissible = (next: Int32Array) =>
    keepsAll(holdingIn(d, held, d.text), next) &&
    breaksNothingNew(scenario, start, startRequired, next) &&
    content.every(
      (j) =>
        utility(scenario.actors[j]!, scenario.offsets, next) >= scenario.actors[j]!.reservation.value - EPS,
    ) &&
    d.mine(next) >= aspiration - EPS &&
    circles.allows(next);
  if (!isParty(scenario, a) && a !== self) {
    const issues = movedControlled(scenario, a, start);
    const next = withTerms(
      start,
      issues.map((i) => [i, scenario.issues[i]!.statusQuo]),
    );
    if (issues.length && admissible(next)) {
      d.released.push(a);
      d.apply(next, { kind: 'consent', actor: a });
      return;
    }
  }
  const steps = d.input.steps ?? 1;
  const u = (pkg: ArrayLike<number>) => utility(actor, scenario.offsets, pkg);
  let moved = 0;
  for (const ask of issueCosts(scenario, actor, start)) {
    if (moved >= steps) break;
    if (!asks.includes(ask.issue)) continue; // only what it asked for
    if (d.touched.has(ask.issue)) continue;
    const text = d.text; // an earlier ask's move may have changed it
    const now = u(text);
    const issue = scenario.issues[ask.issue]!;
    const cur = text[ask.issue]!;
    // the options better for it; of a number, one step: the nearest better value (lists pushed one by one,
    // see domain/packed.ts). Each option is tried in one copy of the text, set back after.
    const probe = Int32Array.from(text);
    const better: number[] = [];
    let nearest = Number.POSITIVE_INFINITY;
    for (let o = 0; o < issue.options.length; o++) {
      probe[ask.issue] = o;
      if (u(probe) > now + EPS) {
        better.push(o);
        nearest = Math.min(nearest, Math.abs(o - cur));
      }
    }
    const candidates: { item: Int32Array; score: number[] }[] = [];
    const before = better.length ? utilitiesOf(scenario, text) : null;
    for (const o of better) {
      if (issue.kind === 'numeric' && Math.abs(o - cur) !== nearest) continue;
      const next = withTerms(text, [[ask.issue, o]]);
      if (admissible(next))
        candidates.push({
          item: next,
          score: [costToOthers(scenario, before!, next, [a, self]), now - u(next)],
        });
    }
    const next = cheapest(candidates, d.rng);
    if (!next) continue;
    d.apply(next, { kind: 'ask', actor: a, cost: ask.cost });
    moved++;
  }
  if (moved === 0) d.noteUnmet(a);
}
