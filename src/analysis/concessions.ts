// Minimal concessions: the smallest sets of term changes that turn a document into an agreement. Exact up to three
// changes: every set of k changed issues and every choice of their other options is considered, except where a
// proof shows it cannot be a smallest working set (see the pruning notes below and docs/concessions.md).
import { holds } from '../domain/condition.ts';
import { evaluatePackage, requireDocument, scenarioReservations } from '../domain/evaluate.ts';
import { positionsAsOf } from '../domain/positions.ts';
import { failedHurdles, type HurdleCheck } from '../domain/ratification.ts';
import type { Condition, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import type {
  Change,
  ConcessionsOptions,
  ConcessionsResult,
  FoundSet,
  NearFound,
} from './concessions-types.ts';
import { type ContestedTerm, contestedTerms } from './contested.ts';
import { ParameterError } from './limits.ts';
import { TopK } from './top-k.ts';

/** The exact search stops here: C(n, k) × options^k grows fast, and four changes are no longer a small concession. */
export const MAX_EXACT_CHANGES = 3;

/** Tolerance of the verdicts (as in domain/evaluate.ts). */
const TOL = 1e-12;
/** Extra room for the incremental sums, so the fast filter never rejects what the exact check would accept. */
const SLACK = 1e-9;

interface Check {
  readonly condition: Condition;
  readonly scope: readonly number[];
  /** actor index, or −1 for a scenario rule */
  readonly owner: number;
  readonly id: string;
}

function lexCompare(a: readonly Change[], b: readonly Change[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.issue !== y.issue) return x.issue - y.issue;
    if (x.to !== y.to) return x.to - y.to;
  }
  return a.length - b.length;
}

export function concessions(
  scenario: Scenario,
  documentId: string,
  options: ConcessionsOptions = {},
): ConcessionsResult {
  const max = options.max ?? MAX_EXACT_CHANGES;
  if (!Number.isInteger(max) || max < 1 || max > MAX_EXACT_CHANGES)
    throw new ParameterError(
      'max',
      max,
      `the exact search covers 1 to ${MAX_EXACT_CHANGES} changes (C(issues, k) × options^k packages); use 1, 2 or 3`,
    );
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1)
    throw new ParameterError('limit', limit, 'give a whole number of at least 1');
  const rank = options.rank ?? 'nash';
  const doc = requireDocument(scenario, documentId);

  const asOf = options.asOf ?? doc.date;
  const s = positionsAsOf(scenario, asOf);
  const res = options.reservations ?? scenarioReservations(s);
  const n = s.issues.length;
  const nA = s.actors.length;
  const { offsets } = s;
  const d = doc.package;
  const tabler = s.actors[doc.tabledBy]!;
  const tablerBase = utility(tabler, offsets, d);
  const anticipate = options.anticipate === true;
  const base = evaluatePackage(s, d, res, anticipate);

  const stats = { combinations: 0, prunedCombinations: 0, packages: 0, skippedOptions: 0 };
  const judgedAs = { reservations: res, anticipate };
  const empty = {
    document: doc,
    asOf,
    max,
    rank,
    anticipate,
    contested: contestedTerms(s, doc, base, judgedAs),
    solutions: [],
    closest: [],
  };
  /** A returned set with the contested terms it leaves, judged as the search judged it. */
  const withContested = <T extends FoundSet>(x: T): T & { contested: readonly ContestedTerm[] } => ({
    ...x,
    contested: contestedTerms(s, doc, evaluatePackage(s, x.package, res, anticipate), {
      ...judgedAs,
      text: x.package,
      settled: x.changes.map((c) => c.issue),
    }),
  });
  if (base.agreement) return { ...empty, alreadyAgreement: true, size: 0, count: 1, stats };

  // --- who can matter -------------------------------------------------------------------------------------------
  const isParty = new Uint8Array(nA);
  for (const p of s.protocol.parties) isParty[p] = 1;
  const potential = Uint8Array.from(isParty);
  for (const issue of s.issues) for (const c of issue.controlledBy) potential[c] = 1;
  const movedBase = new Int32Array(nA);
  for (const issue of s.issues)
    if (d[issue.index] !== issue.statusQuo) for (const c of issue.controlledBy) movedBase[c]! += 1;

  const u0 = Float64Array.from(s.actors, (a) => utility(a, offsets, d));
  const total = offsets[n]!;
  const delta = new Float64Array(nA * total);
  for (const a of s.actors)
    for (let i = 0; i < n; i++)
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++)
        delta[a.index * total + k] = a.contrib[k]! - a.contrib[offsets[i]! + d[i]!]!;

  const checks: Check[] = [];
  for (const a of s.actors)
    if (potential[a.index])
      for (const r of a.redLines)
        checks.push({ condition: r.condition, scope: r.scope, owner: a.index, id: r.id });
  for (const r of s.rules) checks.push({ condition: r.condition, scope: r.scope, owner: -1, id: r.id });
  const baseHolds = Uint8Array.from(checks, (c) => (holds(c.condition, d) ? 1 : 0));
  const checksOf: number[][] = s.issues.map(() => []);
  checks.forEach((c, ci) => {
    for (const i of c.scope) checksOf[i]!.push(ci);
  });
  // anticipating ratification: the hurdles of actors who may be required, whose conditions a change may leave
  const hurdleOwners = anticipate
    ? [...new Set(s.ratifications.map((r) => r.actor))].filter((a) => potential[a])
    : [];
  const hurdleRead = new Uint8Array(n);
  for (const r of s.ratifications)
    if (hurdleOwners.includes(r.actor)) for (const i of r.scope) hurdleRead[i] = 1;
  /** The hurdles of required actors the package in `pkg` meets and would fail (none unless anticipating). */
  const failedOf = (pkg: Int32Array, required: (a: number) => boolean): HurdleCheck[] =>
    hurdleOwners.flatMap((a) => (required(a) ? failedHurdles(s, a, pkg) : []));

  // --- candidate options -----------------------------------------------------------------------------------------
  // A change (i → o) that no red line or rule reads, that raises no actor who may be required, and that does not
  // bring an issue back to its status quo (which could drop a controller from the required actors) can only hurt:
  // any set containing it works, or comes as close, without it. Such a set is never a smallest one, so o is skipped.
  // Anticipating ratification, an issue a hurdle reads may take the text out of the vote: never skipped.
  const candidates: Int32Array[] = s.issues.map((issue, i) => {
    const out: number[] = [];
    for (let o = 0; o < issue.options.length; o++) {
      if (o === d[i]) continue;
      let useful = checksOf[i]!.length > 0 || hurdleRead[i] === 1;
      if (!useful && o === issue.statusQuo && d[i] !== issue.statusQuo && issue.controlledBy.length > 0)
        useful = true;
      for (let a = 0; !useful && a < nA; a++)
        if (potential[a] && delta[a * total + offsets[i]! + o]! > 0) useful = true;
      if (useful) out.push(o);
      else stats.skippedOptions++;
    }
    return Int32Array.from(out);
  });
  const open = s.issues.map((x) => x.index).filter((i) => candidates[i]!.length > 0);

  // --- necessary conditions, per set of issues ----------------------------------------------------------------------
  // Every red line of a party (parties are always required) and every rule the document breaks must be touched.
  const mustTouch: Uint8Array[] = [];
  checks.forEach((c, ci) => {
    if (baseHolds[ci] || (c.owner >= 0 && !isParty[c.owner])) return;
    const mask = new Uint8Array(n);
    for (const i of c.scope) mask[i] = 1;
    mustTouch.push(mask);
  });
  // Every party below its reservation must gain at least its deficit from the changed issues.
  const deficits: { actor: number; need: number; gain: Float64Array }[] = [];
  for (const a of s.protocol.parties) {
    const need = res[a]! - TOL - SLACK - u0[a]!;
    if (need <= 0) continue;
    const gain = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (const o of candidates[i]!) gain[i] = Math.max(gain[i]!, delta[a * total + offsets[i]! + o]!);
    deficits.push({ actor: a, need, gain });
  }
  const viable = (set: Int32Array): boolean => {
    for (const mask of mustTouch) {
      let hit = false;
      for (const i of set) if (mask[i]) hit = true;
      if (!hit) return false;
    }
    for (const def of deficits) {
      let g = 0;
      for (const i of set) g += def.gain[i]!;
      if (g < def.need) return false;
    }
    return true;
  };

  // --- evaluation --------------------------------------------------------------------------------------------------
  const work = Int32Array.from(d);
  const u = new Float64Array(nA);
  const moved = new Int32Array(nA);
  const isRequired = (a: number) => isParty[a] === 1 || moved[a]! > 0;

  /** The exact verdict of the package in `work` (the semantics of evaluatePackage, without its reasons). */
  const exactAgreement = (): boolean => {
    for (let ci = 0; ci < checks.length; ci++) {
      const c = checks[ci]!;
      if ((c.owner < 0 || isRequired(c.owner)) && !holds(c.condition, work)) return false;
    }
    for (let a = 0; a < nA; a++)
      if (isRequired(a) && utility(s.actors[a]!, offsets, work) < res[a]! - TOL) return false;
    return failedOf(work, isRequired).length === 0;
  };

  const setOf = (set: Int32Array): FoundSet => {
    const changes = [...set].map((i) => ({ issue: i, from: d[i]!, to: work[i]! }));
    const pkg = Int32Array.from(work);
    const utilities = Float64Array.from(s.actors, (a) => utility(a, offsets, pkg));
    const required: number[] = [];
    let nash = 1;
    for (let a = 0; a < nA; a++)
      if (isRequired(a)) {
        required.push(a);
        nash *= utilities[a]! - res[a]!;
      }
    return {
      changes,
      package: pkg,
      utilities,
      required,
      nash,
      tablerLoss: tablerBase - utilities[tabler.index]!,
    };
  };

  const byNash = (a: FoundSet, b: FoundSet) =>
    b.nash - a.nash || a.tablerLoss - b.tablerLoss || lexCompare(a.changes, b.changes);
  const byTabler = (a: FoundSet, b: FoundSet) =>
    a.tablerLoss - b.tablerLoss || b.nash - a.nash || lexCompare(a.changes, b.changes);

  /** Visits every package that changes exactly the issues of `set` (each to one of its candidates). */
  const forEachPackage = (
    set: Int32Array,
    visit: () => void,
    choices: readonly Int32Array[] = candidates,
  ): void => {
    const k = set.length;
    const step = (depth: number): void => {
      if (depth === k) {
        stats.packages++;
        visit();
        return;
      }
      const i = set[depth]!;
      const issue = s.issues[i]!;
      const from = d[i]!;
      for (const o of choices[i]!) {
        work[i] = o;
        const off = offsets[i]!;
        for (let a = 0; a < nA; a++) u[a]! += delta[a * total + off + o]!;
        const ctrlDelta = (o !== issue.statusQuo ? 1 : 0) - (from !== issue.statusQuo ? 1 : 0);
        if (ctrlDelta !== 0) for (const c of issue.controlledBy) moved[c]! += ctrlDelta;
        step(depth + 1);
        if (ctrlDelta !== 0) for (const c of issue.controlledBy) moved[c]! -= ctrlDelta;
        for (let a = 0; a < nA; a++) u[a]! -= delta[a * total + off + o]!;
      }
      work[i] = from;
    };
    u.set(u0);
    moved.set(movedBase);
    step(0);
    u.set(u0);
  };

  /** Every set of k issues among `among`, in lexicographic order. */
  const forEachSet = (k: number, visit: (set: Int32Array) => void, among: readonly number[] = open): void => {
    const set = new Int32Array(k);
    const rec = (start: number, depth: number): void => {
      if (depth === k) {
        visit(set);
        return;
      }
      for (let j = start; j <= among.length - (k - depth); j++) {
        set[depth] = among[j]!;
        rec(j + 1, depth + 1);
      }
    };
    rec(0, 0);
  };

  for (let k = 1; k <= max; k++) {
    const top = new TopK<FoundSet>(limit, rank === 'nash' ? byNash : byTabler);
    let count = 0;
    forEachSet(k, (set) => {
      stats.combinations++;
      if (!viable(set)) {
        stats.prunedCombinations++;
        return;
      }
      // the checks this set can change; the others keep their verdict on the document
      const touched = new Uint8Array(checks.length);
      for (const i of set) for (const ci of checksOf[i]!) touched[ci] = 1;
      const stale: number[] = [];
      for (let ci = 0; ci < checks.length; ci++) if (!touched[ci] && !baseHolds[ci]) stale.push(ci);
      forEachPackage(set, () => {
        for (let a = 0; a < nA; a++) if (isRequired(a) && u[a]! < res[a]! - TOL - SLACK) return;
        for (const ci of stale) {
          const owner = checks[ci]!.owner;
          if (owner < 0 || isRequired(owner)) return;
        }
        if (!exactAgreement()) return;
        count++;
        top.push(setOf(set));
      });
    });
    if (count > 0)
      return {
        ...empty,
        alreadyAgreement: false,
        size: k,
        count,
        solutions: top.result().map(withContested),
        stats,
      };
  }

  // --- nothing works: the closest sets over every set of 1..max changes. No pruning at all here: a change that can
  // only hurt may still be the least bad single change.
  const every = s.issues.map((issue, i) =>
    Int32Array.from(issue.options.map((_, o) => o).filter((o) => o !== d[i])),
  );
  const all = s.issues.map((x) => x.index).filter((i) => every[i]!.length > 0);
  const byCloseness = (a: NearFound, b: NearFound) =>
    a.blockers - b.blockers ||
    b.minMargin - a.minMargin ||
    a.changes.length - b.changes.length ||
    lexCompare(a.changes, b.changes);
  const near = new TopK<NearFound>(limit, byCloseness);
  const redLinesOf: number[][] = s.actors.map(() => []);
  const rules: number[] = [];
  checks.forEach((c, ci) => (c.owner < 0 ? rules : redLinesOf[c.owner]!).push(ci));
  const visitNear = (set: Int32Array) => () => {
    // bounds from the incremental utilities: skip what cannot beat the worst of the best `limit` found so far
    const cut = near.cutoff;
    if (cut) {
      let fewest = 0;
      let highest = Number.POSITIVE_INFINITY;
      for (let a = 0; a < nA; a++) {
        if (!isRequired(a)) continue;
        const m = u[a]! - res[a]!;
        highest = Math.min(highest, m + SLACK);
        if (m < -TOL - SLACK || redLinesOf[a]!.some((ci) => !holds(checks[ci]!.condition, work))) fewest++;
      }
      for (const ci of rules) if (!holds(checks[ci]!.condition, work)) fewest++;
      if (fewest > cut.blockers || (fewest === cut.blockers && highest < cut.minMargin)) return;
    }
    const sq = setOf(set);
    const rejecting: number[] = [];
    let minMargin = Number.POSITIVE_INFINITY;
    const wouldFail = failedOf(sq.package, (a) => sq.required.includes(a));
    for (const a of sq.required) {
      minMargin = Math.min(minMargin, sq.utilities[a]! - res[a]!);
      const broken = s.actors[a]!.redLines.some((r) => !holds(r.condition, sq.package));
      const voted = wouldFail.some((h) => h.actor === s.actors[a]!.id);
      if (broken || voted || sq.utilities[a]! < res[a]! - TOL) rejecting.push(a);
    }
    const rulesBroken = s.rules.filter((r) => !holds(r.condition, sq.package)).map((r) => r.id);
    near.push({
      ...sq,
      rejecting,
      rulesBroken,
      blockers: rejecting.length + rulesBroken.length,
      minMargin,
      wouldFail,
    });
  };
  for (let k = 1; k <= max; k++) forEachSet(k, (set) => forEachPackage(set, visitNear(set), every), all);
  return {
    ...empty,
    alreadyAgreement: false,
    size: null,
    count: 0,
    closest: near.result().map(withContested),
    stats,
  };
}
