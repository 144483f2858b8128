// The multi-objective DP over the decision diagram: for every state it keeps only the Pareto-non-dominated
// partial utility vectors ("labels"). This is exact because utilities are additive: if two partial packages
// reach the same state and one is at least as good for everyone, each completion of the other is matched by
// the same completion of the first. Labels that cannot reach some party's floor even with the best remaining
// options are dropped (suffix upper bounds).
//
// Non-party controllers (an actor whose consent is needed only if the package moves an issue it controls) get a
// status in the state — 0 open (nothing of theirs moved, no red line of theirs broken), 1 moved (they must
// accept: their red lines must hold and their utility reach their reservation), 2 closed (nothing of theirs
// may move any more) — and a utility coordinate while their status is 0 or 1. So their acceptance is exact.
//
// With `epsilon` > 0 the DP also drops, at each of the n levels and in the final filter, a label when a kept
// label of its state is at least as good minus epsilon / (n + 1) in every coordinate (ε-dominance): every label
// it drops is matched within epsilon / (n + 1) by one it keeps, and a completion of the dropped one by the same
// completion of the kept one, so the errors add up to at most epsilon. (Threshold pruning sees the kept label,
// up to epsilon worse: the guarantee holds for packages at least epsilon above every reservation they need.)
import { holds } from '../domain/condition.ts';
import type { Dag } from './dag.ts';
import { type FilterCounter, paretoInto } from './dominance.ts';
import { type AcceptanceProblem, type LabelOptions, type Prep, prepare } from './label-inputs.ts';
import { ACCEPT_TOL, WorkBudgetExceeded } from './limits.ts';

export interface Label {
  /** option index per issue */
  readonly pkg: Int32Array;
  /** the parties' utilities, in `parties` order */
  readonly u: Float64Array;
}

export interface LabelResult {
  /** the packages every required actor accepts whose party utility vectors no other such package dominates */
  readonly labels: Label[];
  /** work units spent (see `budget`) */
  readonly work: number;
}

/** A growable typed array: scratch shared by every DP (one runs at a time), so a DP allocates little. */
class Grow {
  f: Float64Array;
  constructor(n: number) {
    this.f = new Float64Array(n);
  }
  ensure(n: number): void {
    if (n <= this.f.length) return;
    const g = new Float64Array(Math.max(n, this.f.length * 2));
    g.set(this.f);
    this.f = g;
  }
}

class GrowInt {
  f: Int32Array;
  constructor(n: number) {
    this.f = new Int32Array(n);
  }
  ensure(n: number): void {
    if (n <= this.f.length) return;
    const g = new Int32Array(Math.max(n, this.f.length * 2));
    g.set(this.f);
    this.f = g;
  }
}

// candidates of a level: their values, parent label, option, state (bucket); grouped by state; the kept ones
const cVals = new Grow(1024);
const cParent = new GrowInt(256);
const cOpt = new GrowInt(256);
const cBucket = new GrowInt(256);
const cGrouped = new GrowInt(256);
const cKept = new GrowInt(256);
// the labels of the current level, and every level's kept labels' parent and option (for the packages)
const held = new Grow(1024);
const trailParent = new GrowInt(1024);
const trailOpt = new GrowInt(1024);

/** Digit k, base 3, of the controllers' statuses: 0 open, 1 moved, 2 closed. */
function digit(status: number, k: number, pow3: Float64Array): number {
  return Math.floor(status / pow3[k]!) % 3;
}

/**
 * The states of the next level, (node, status) pairs, numbered as first met. A class, not closures made in each
 * call: the optimised DP would be thrown away whenever it met a closure other than the one it was compiled with.
 */
class Buckets {
  readonly #index = new Map<number, number>();
  readonly node: number[] = [];
  readonly status: number[] = [];
  constructor(readonly statuses: number) {}
  of(node: number, status: number): number {
    const key = node * this.statuses + status;
    let b = this.#index.get(key);
    if (b === undefined) {
      b = this.node.length;
      this.#index.set(key, b);
      this.node.push(node);
      this.status.push(status);
    }
    return b;
  }
}

/** The DP's states at one level — (node, status) pairs and where their labels start — and the labels. */
class Level {
  constructor(
    readonly node: Int32Array,
    readonly status: Int32Array,
    /** labels of state s: [start[s], start[s + 1]) */
    readonly start: Int32Array,
  ) {}
}

/** Scratch of one DP run, reused level after level. */
class Scratch {
  readonly cur: Int32Array;
  readonly add: Float64Array;
  readonly best: Float64Array;
  readonly digits: Int32Array;
  readonly restNext: Float64Array;
  readonly capNext: Float64Array;
  readonly closed: Uint8Array;
  readonly counter: FilterCounter = { comparisons: 0 };
  work = 0;
  constructor(prep: Prep) {
    this.cur = prep.statusQuo.slice();
    this.add = new Float64Array(prep.dim);
    this.best = new Float64Array(prep.P);
    this.digits = new Int32Array(prep.K);
    this.restNext = new Float64Array(prep.dim);
    this.capNext = new Float64Array(prep.dim);
    this.closed = new Uint8Array(prep.K);
  }
}

export function paretoLabels(problem: AcceptanceProblem, options: LabelOptions = {}): LabelResult {
  const { dag } = problem;
  // no package keeps the hard constraints: nothing to label, nothing spent
  if (dag.sizes[0] === 0) return { labels: [], work: 0 };
  const prep = prepare(problem, options);
  const { n, P, dim } = prep;
  let level = new Level(new Int32Array([0]), new Int32Array([0]), new Int32Array([0, 1]));
  for (let i = 0; i < P; i++)
    if (prep.rest[i * (n + 1)]! < prep.partyFloor[i]!)
      level = new Level(level.node, level.status, new Int32Array([0, 0]));
  // the labels of level t (overwritten level after level: the candidates hold what the next level needs)
  held.ensure(dim);
  held.f.fill(0, 0, dim);
  const levelStart = new Int32Array(n + 1);
  const scratch = new Scratch(prep);
  for (let t = 0; t < n; t++) {
    const buckets = new Buckets(prep.pow3[prep.K]!);
    const m = candidates(prep, dag, t, level, buckets, scratch);
    scratch.work += m * prep.unit;
    if (scratch.work + scratch.counter.comparisons / 32 > prep.budget) throw new WorkBudgetExceeded();
    level = keep(prep, t, m, buckets, levelStart, scratch.counter);
  }
  return { labels: finalLabels(prep, level, levelStart, scratch.counter), work: scratch.work };
}

/** The candidates of level t + 1: each label of level t extended by each option of the next issue. */
function candidates(prep: Prep, dag: Dag, t: number, level: Level, buckets: Buckets, sc: Scratch): number {
  const { n, P, K, dim, pow3, controls, lastStep, partyFloor, controllerFloor, prune, unit, budget } = prep;
  const x = prep.order[t]!;
  const dom = prep.domains[x]!;
  const w = dom.length;
  const edges = dag.edges[t]!;
  const fr = dag.plan.frontiers[t]!;
  const fv = dag.values[t]!;
  const conditional = dag.plan.conditionalAt[t + 1]!;
  const sq = prep.statusQuo[x]!;
  const offset = prep.offsets[x]!;
  const { cur, add, best, digits, restNext, capNext, closed } = sc;
  const vals = held.f;
  let m = 0;
  const S = level.node.length;
  for (let s = 0; s < S; s++) {
    const from = level.start[s]!;
    const to = level.start[s + 1]!;
    if (from === to) continue;
    const node = level.node[s]!;
    const status = level.status[s]!;
    if (conditional.length > 0) for (let k = 0; k < fr.length; k++) cur[fr[k]!] = fv[node * fr.length + k]!;
    for (let d = 0; d < w; d++) {
      const target = edges[node * w + d]!;
      if (target < 0) continue;
      const o = dom[d]!;
      cur[x] = o;
      // the controllers' statuses after this choice (the same for every label of the state)
      let valid = true;
      for (let k = 0; k < K && valid; k++) {
        let st = digit(status, k, pow3);
        if (controls[k * n + t] && o !== sq) {
          if (st === 2) valid = false;
          else st = 1;
        }
        for (const c of conditional) {
          if (prep.slotOf[c.owner] !== k || st === 2 || holds(c.condition, cur)) continue;
          if (st === 1) valid = false;
          else st = 2;
        }
        if (st === 0 && t + 1 >= lastStep[k]!) st = 2;
        digits[k] = st;
      }
      if (!valid) continue;
      let next = 0;
      for (let k = 0; k < K; k++) next += digits[k]! * pow3[k]!;
      const edgeBucket = buckets.of(target, next);
      for (let i = 0; i < dim; i++) {
        add[i] = prep.contrib[i]![offset + o]!;
        restNext[i] = prep.rest[i * (n + 1) + t + 1]!;
        capNext[i] = prep.cap[i * (n + 1) + t + 1]!;
      }
      if (sc.work + (m + to - from) * unit > budget) throw new WorkBudgetExceeded();
      cVals.ensure((m + to - from) * dim);
      cParent.ensure(m + to - from);
      cOpt.ensure(m + to - from);
      cBucket.ensure(m + to - from);
      const cv = cVals.f;
      const cp = cParent.f;
      const co = cOpt.f;
      const cbk = cBucket.f;
      for (let l = from; l < to; l++) {
        // the candidate's sums go straight to its slot; a candidate turned down leaves it to the next one
        const base = l * dim;
        const cb = m * dim;
        for (let i = 0; i < dim; i++) cv[cb + i] = vals[base + i]! + add[i]!;
        let ok = true;
        for (let i = 0; i < P; i++) {
          const b = cv[cb + i]! + restNext[i]!;
          best[i] = b;
          if (b < partyFloor[i]!) {
            ok = false;
            break;
          }
        }
        if (!ok || prune?.(best)) continue;
        let labelStatus = next;
        for (let k = 0; k < K; k++) {
          const st = digits[k]!;
          closed[k] = st === 2 ? 1 : 0;
          if (st === 2) continue;
          if (cv[cb + P + k]! + restNext[P + k]! < controllerFloor[k]!) {
            if (st === 1) {
              ok = false;
              break;
            }
            labelStatus += 2 * pow3[k]!; // open → closed: it can no longer be asked to accept
            closed[k] = 1;
          }
        }
        if (!ok) continue;
        for (let k = 0; k < K; k++) {
          const i = P + k;
          cv[cb + i] = closed[k] ? 0 : Math.min(cv[cb + i]!, capNext[i]!);
        }
        cp[m] = l;
        co[m] = o;
        cbk[m] = labelStatus === next ? edgeBucket : buckets.of(target, labelStatus);
        m++;
      }
    }
  }
  return m;
}

/**
 * Groups the m candidates of level t + 1 by state (a stable counting sort: each state's candidates in the order
 * made) and keeps the non-dominated ones (at the last level only the parties' coordinates matter: the final
 * filter does it): they become the labels of the level, with their parent and option on the trail.
 */
function keep(
  prep: Prep,
  t: number,
  m: number,
  buckets: Buckets,
  levelStart: Int32Array,
  counter: FilterCounter,
): Level {
  const { n, dim } = prep;
  const B = buckets.node.length;
  const cbk = cBucket.f;
  const groupStart = new Int32Array(B + 1);
  for (let c = 0; c < m; c++) groupStart[cbk[c]! + 1]!++;
  for (let g = 0; g < B; g++) groupStart[g + 1]! += groupStart[g]!;
  const fill = groupStart.slice(0, B);
  cGrouped.ensure(m);
  cKept.ensure(m);
  const grouped = cGrouped.f;
  for (let c = 0; c < m; c++) grouped[fill[cbk[c]!]!++] = c;
  const keptRows = t === n - 1 ? grouped : cKept.f;
  const nodes: number[] = [];
  const statuses: number[] = [];
  const starts: number[] = [0];
  let total = 0;
  for (let g = 0; g < B; g++) {
    const from = groupStart[g]!;
    const to = groupStart[g + 1]!;
    if (from === to) continue;
    total +=
      t === n - 1
        ? to - from
        : paretoInto(grouped, from, to, cVals.f, dim, dim, keptRows, total, counter, prep.slackPerLevel);
    nodes.push(buckets.node[g]!);
    statuses.push(buckets.status[g]!);
    starts.push(total);
  }
  held.ensure(total * dim);
  const vals = held.f;
  const trail = levelStart[t]!;
  levelStart[t + 1] = trail + total;
  trailParent.ensure(trail + total);
  trailOpt.ensure(trail + total);
  const cv = cVals.f;
  for (let k = 0; k < total; k++) {
    const c = keptRows[k]!;
    for (let i = 0; i < dim; i++) vals[k * dim + i] = cv[c * dim + i]!;
    trailParent.f[trail + k] = cParent.f[c]!;
    trailOpt.f[trail + k] = cOpt.f[c]!;
  }
  return new Level(new Int32Array(nodes), new Int32Array(statuses), new Int32Array(starts));
}

/** The complete packages (every party at its floor, every controller that moved at its reservation) on the front. */
function finalLabels(prep: Prep, level: Level, levelStart: Int32Array, counter: FilterCounter): Label[] {
  const { n, P, K, dim, pow3, floors, controllerReservation, order, statusQuo } = prep;
  const vals = held.f;
  const finals = new Int32Array(level.start[level.start.length - 1]!);
  let finalCount = 0;
  for (let s = 0; s < level.node.length; s++) {
    for (let l = level.start[s]!; l < level.start[s + 1]!; l++) {
      let ok = true;
      for (let i = 0; i < P && ok; i++) if (vals[l * dim + i]! < floors[i]! - ACCEPT_TOL) ok = false;
      for (let k = 0; k < K && ok; k++)
        if (
          digit(level.status[s]!, k, pow3) === 1 &&
          vals[l * dim + P + k]! < controllerReservation[k]! - ACCEPT_TOL
        )
          ok = false;
      if (ok) finals[finalCount++] = l;
    }
  }
  const kept = new Int32Array(finalCount);
  const front = kept
    .subarray(0, paretoInto(finals, 0, finalCount, vals, dim, P, kept, 0, counter, prep.slackPerLevel))
    .sort();
  // the packages side by side in one buffer, each label a view of its own part (one allocation, not one a label)
  const N = statusQuo.length;
  const packages = new Int32Array(front.length * N);
  const labels: Label[] = [];
  for (let k = 0; k < front.length; k++) {
    const pkg = packages.subarray(k * N, k * N + N);
    pkg.set(statusQuo);
    const l = front[k]!;
    let at = l;
    for (let t = n - 1; t >= 0; t--) {
      pkg[order[t]!] = trailOpt.f[levelStart[t]! + at]!;
      at = trailParent.f[levelStart[t]! + at]!;
    }
    labels.push({ pkg, u: vals.slice(l * dim, l * dim + P) });
  }
  return labels;
}
