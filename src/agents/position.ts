// What an actor can get. Its best package under its own red lines and the rules; and, for a proposal, the
// package that gives its counterparts the most while keeping its own utility at a target (a Lagrangian sweep
// over the constraint diagram, then a local polish). Both keep the actor's own red lines, always.
import type { Dag } from '../analysis/dag.ts';
import { sameInputs } from '../analysis/shared.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { bestPath, closenessScores, combinedScores, constrainedDag } from './optimize.ts';
import { localOptimum } from './search.ts';

const EPS = 1e-12;

export interface Position {
  /** shared by every caller asking the same question in a round (it is cached): read it, never change it */
  readonly pkg: Int32Array;
  readonly utility: number;
}

// one array per pair of lists (they stay the same objects through draws and rounds), so what is cached by the
// constraints array (the diagram, the best position) is found again
const owns = new WeakMap<readonly Constraint[], WeakMap<readonly Constraint[], Constraint[]>>();

/** The actor's red lines and the scenario's rules: what it never proposes or accepts around. */
function ownConstraints(scenario: Scenario, self: number): Constraint[] {
  const { redLines } = scenario.actors[self]!;
  let byRules = owns.get(redLines);
  if (!byRules) {
    byRules = new WeakMap();
    owns.set(redLines, byRules);
  }
  let own = byRules.get(scenario.rules);
  if (!own) {
    own = [...redLines, ...scenario.rules];
    byRules.set(scenario.rules, own);
  }
  return own;
}

// a round asks for an actor's best position several times: per scenario object, actor and diagram
const bests = new WeakMap<Scenario, Map<number, Map<Dag, Position | null>>>();

/** The actors whose consent an actor's proposal seeks: the other parties and the controllers of issues. */
function counterparts(scenario: Scenario, self: number): readonly number[] {
  return sameInputs(scenario.issues, 'counterparts', [scenario.protocol.parties, self], () => {
    const out = new Set(scenario.protocol.parties);
    for (const x of scenario.issues) for (const a of x.controlledBy) out.add(a);
    out.delete(self);
    return [...out].sort((a, b) => a - b);
  });
}

function position(scenario: Scenario, self: number, pkg: Int32Array | null): Position | null {
  return pkg ? { pkg, utility: utility(scenario.actors[self]!, scenario.offsets, pkg) } : null;
}

/**
 * The actor's best package under the given constraints (ties: the best for its counterparts); null when nothing
 * keeps them. `reference` seeds the local search used when the diagram is too large.
 */
export function bestUnder(
  scenario: Scenario,
  self: number,
  constraints: readonly Constraint[],
  reference: ArrayLike<number>,
): Position | null {
  const dag = constrainedDag(scenario, constraints);
  if (dag) {
    let bySelf = bests.get(scenario);
    if (!bySelf) {
      bySelf = new Map();
      bests.set(scenario, bySelf);
    }
    let byDag = bySelf.get(self);
    if (!byDag) {
      byDag = new Map();
      bySelf.set(self, byDag);
    }
    let found = byDag.get(dag);
    if (found === undefined) {
      found = bestOver(scenario, self, dag);
      byDag.set(dag, found);
    }
    return found;
  }
  const others = counterparts(scenario, self);
  const mine = combinedScores(scenario, [{ actor: self, weight: 1 }]);
  const theirs = combinedScores(
    scenario,
    others.map((actor) => ({ actor, weight: 1 })),
  );
  const score = mine.map((v, k) => v + 1e-6 * theirs[k]!);
  return position(scenario, self, localOptimum(scenario, reference, constraints, score));
}

/** The actor's best package over a diagram (ties: the best for its counterparts). */
function bestOver(scenario: Scenario, self: number, dag: Dag): Position | null {
  const others = counterparts(scenario, self);
  // over the diagram the answer depends on the weights and the constraints only: every actor asks for it every
  // round, with weights that stay put for the whole run
  const contribs = [self, ...others].map((a) => scenario.actors[a]!.contrib);
  const inputs = [scenario.issues, dag, self, ...contribs];
  // kept with the actor's utility table: new every draw, kept by every round of its run
  return sameInputs(contribs[0]!, 'best-under', inputs, () => {
    const mine = combinedScores(scenario, [{ actor: self, weight: 1 }]);
    const theirs = combinedScores(
      scenario,
      others.map((actor) => ({ actor, weight: 1 })),
    );
    return position(scenario, self, bestPath(scenario, dag, mine, theirs));
  });
}

/** The actor's best package under its own red lines and the rules; null when nothing keeps them. */
export function bestFor(scenario: Scenario, self: number, reference: ArrayLike<number>): Position | null {
  return bestUnder(scenario, self, ownConstraints(scenario, self), reference);
}

/**
 * The package that maximises the counterparts' total utility while the actor keeps at least `target`: within
 * everyone's red lines when that can reach the target, else within the actor's own. Ties go to the package
 * closest to `reference` (the text on the table). Null when nothing keeps the actor's red lines.
 */
export function tradeOff(
  scenario: Scenario,
  self: number,
  target: number,
  reference: ArrayLike<number>,
): Position | null {
  const actor = scenario.actors[self]!;
  const u = (pkg: Int32Array) => utility(actor, scenario.offsets, pkg);
  const others = counterparts(scenario, self);
  const theirs = combinedScores(
    scenario,
    others.map((a) => ({ actor: a, weight: 1 })),
  );
  const close = closenessScores(scenario, reference);
  const own = ownConstraints(scenario, self);
  const partiesRedLines = scenario.protocol.parties
    .filter((a) => a !== self)
    .flatMap((a) => scenario.actors[a]!.redLines);
  const enough = (pkg: Int32Array) => u(pkg) >= target - EPS;
  for (const constraints of [[...own, ...partiesRedLines], own]) {
    const dag = constrainedDag(scenario, constraints);
    if (!dag) {
      const start = bestFor(scenario, self, reference);
      return start && position(scenario, self, localOptimum(scenario, start.pkg, own, theirs, enough));
    }
    const mine = combinedScores(scenario, [{ actor: self, weight: 1 }]);
    const top = bestPath(scenario, dag, mine, theirs);
    if (!top || !enough(top)) continue;
    // theirs + λ·mine, summed as combinedScores sums it (the same bits), into one buffer for the whole search
    const primary = new Float64Array(theirs.length);
    const solve = (lambda: number) => {
      for (let k = 0; k < primary.length; k++) primary[k] = theirs[k]! + lambda * mine[k]!;
      return bestPath(scenario, dag, primary, close)!;
    };
    let x = solve(0);
    if (!enough(x)) {
      let lo = 0;
      let hi = 1;
      while (!enough(solve(hi)) && hi < 1e9) {
        lo = hi;
        hi *= 4;
      }
      for (let k = 0; k < 40; k++) {
        const mid = (lo + hi) / 2;
        if (enough(solve(mid))) hi = mid;
        else lo = mid;
      }
      x = solve(hi);
      if (!enough(x)) x = top;
    }
    return position(scenario, self, localOptimum(scenario, x, constraints, theirs, enough) ?? x);
  }
  return null;
}
