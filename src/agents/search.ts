// Local search from a given package with single-issue moves (and two-issue moves to repair a constraint):
// the fallback when a constraint diagram would be too large, and the toolkit of the mediator. Deterministic:
// candidates are tried in issue, then option order.
import { holds } from '../domain/condition.ts';
import type { Constraint, Scenario } from '../domain/types.ts';
import type { OptionScores } from './optimize.ts';

const EPS = 1e-12;

export function keepsAll(constraints: readonly Constraint[], pkg: ArrayLike<number>): boolean {
  return constraints.every((c) => holds(c.condition, pkg));
}

/** A copy of `pkg` with the given options set. */
export function withTerms(
  pkg: ArrayLike<number>,
  changes: readonly (readonly [number, number])[],
): Int32Array {
  const out = new Int32Array(pkg);
  for (const [issue, option] of changes) out[issue] = option;
  return out;
}

/** Every change of one or two issues of `scope` away from `pkg` (pairs only when `pairs`). */
export function* movesWithin(
  scenario: Scenario,
  pkg: ArrayLike<number>,
  scope: readonly number[],
  pairs: boolean,
): Generator<[number, number][]> {
  const size = (i: number) => scenario.issues[i]!.options.length;
  if (!pairs) {
    for (const i of scope) for (let o = 0; o < size(i); o++) if (o !== pkg[i]) yield [[i, o]];
    return;
  }
  for (let a = 0; a < scope.length; a++)
    for (let b = a + 1; b < scope.length; b++) {
      const i = scope[a]!;
      const j = scope[b]!;
      for (let o = 0; o < size(i); o++)
        for (let p = 0; p < size(j); p++)
          if (o !== pkg[i] && p !== pkg[j])
            yield [
              [i, o],
              [j, p],
            ];
    }
}

function gain(scenario: Scenario, score: OptionScores, pkg: ArrayLike<number>, changes: [number, number][]) {
  let g = 0;
  for (const [i, o] of changes)
    g += score[scenario.offsets[i]! + o]! - score[scenario.offsets[i]! + pkg[i]!]!;
  return g;
}

/**
 * From `start`: make every constraint hold (for each broken one, the one- or two-issue change within its scope
 * with the best score that breaks none of those holding), then climb `score` by single-issue moves that keep
 * every constraint and `admissible`. Null when some constraint cannot be repaired this way.
 */
export function localOptimum(
  scenario: Scenario,
  start: ArrayLike<number>,
  constraints: readonly Constraint[],
  score: OptionScores,
  admissible: (pkg: Int32Array) => boolean = () => true,
): Int32Array | null {
  let pkg: Int32Array = Int32Array.from(start as ArrayLike<number>);
  for (let round = 0; round < constraints.length * 2 + 1; round++) {
    const broken = constraints.find((c) => !holds(c.condition, pkg));
    if (!broken) break;
    const holding = constraints.filter((c) => c !== broken && holds(c.condition, pkg));
    let best: Int32Array | null = null;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (const pairs of [false, true]) {
      for (const changes of movesWithin(scenario, pkg, broken.scope, pairs)) {
        const next = withTerms(pkg, changes);
        if (!holds(broken.condition, next) || !keepsAll(holding, next)) continue;
        const g = gain(scenario, score, pkg, changes);
        if (g > bestGain + EPS) {
          best = next;
          bestGain = g;
        }
      }
      if (best) break;
    }
    if (!best) return null;
    pkg = best;
  }
  if (!keepsAll(constraints, pkg)) return null;
  const n = scenario.issues.length;
  for (let step = 0; step < 20 * n; step++) {
    let best: Int32Array | null = null;
    let bestGain = EPS;
    for (let i = 0; i < n; i++)
      for (let o = 0; o < scenario.issues[i]!.options.length; o++) {
        if (o === pkg[i]) continue;
        const g = gain(scenario, score, pkg, [[i, o]]);
        if (g <= bestGain) continue;
        const next = withTerms(pkg, [[i, o]]);
        if (!keepsAll(constraints, next) || !admissible(next)) continue;
        best = next;
        bestGain = g;
      }
    if (!best) break;
    pkg = best;
  }
  return pkg;
}
