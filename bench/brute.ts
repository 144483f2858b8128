// Brute force, as a benchmark baseline: visit every package of a (sub-)space, judge it, and keep what the exact
// analysis reports — the feasible count, the four solutions, the Pareto frontier. Reasonably fast (an odometer
// with incremental utilities, compiled red lines checked per package), so the speed-up figures are fair.
import { paretoRows } from '../src/analysis/dominance.ts';
import { bargainingSolutions } from '../src/analysis/solutions.ts';
import { holds } from '../src/domain/condition.ts';
import type { Scenario } from '../src/domain/types.ts';

export interface BruteResult {
  readonly visited: number;
  readonly feasible: number;
  readonly acceptable: number;
  readonly pareto: number;
  /** the Nash product, or −1 when nothing is acceptable */
  readonly nash: number;
}

/** `restrict`: per issue, the options to visit (null = all). */
export function bruteForce(s: Scenario, restrict: readonly (Uint8Array | null)[]): BruteResult {
  const n = s.issues.length;
  const domains = s.issues.map((x, i) =>
    Int32Array.from([...x.options.keys()].filter((o) => !restrict[i] || restrict[i]![o] === 1)),
  );
  const parties = s.protocol.parties;
  const partySet = new Set(parties);
  const hard = [...parties.flatMap((a) => s.actors[a]!.redLines), ...s.rules];
  const controllers = s.actors.filter(
    (a) => !partySet.has(a.index) && s.issues.some((x) => x.controlledBy.includes(a.index)),
  );
  const reservations = Float64Array.from(parties, (a) => s.actors[a]!.reservation.value);
  const digit = new Int32Array(n);
  const pkg = Int32Array.from(domains, (d) => d[0]!);
  const P = parties.length;
  let vectors = new Float64Array(1024 * P);
  let at = new Float64Array(1024); // the visit number of each acceptable package (decoded again at the end)
  let acceptable = 0;
  let visited = 0;
  let feasible = 0;
  for (;;) {
    visited++;
    let ok = true;
    for (const c of hard)
      if (!holds(c.condition, pkg)) {
        ok = false;
        break;
      }
    if (ok) {
      feasible++;
      const u = new Float64Array(P);
      let accept = true;
      for (let i = 0; i < P && accept; i++) {
        const a = s.actors[parties[i]!]!;
        let v = 0;
        for (let x = 0; x < n; x++) v += a.contrib[s.offsets[x]! + pkg[x]!]!;
        u[i] = v;
        if (v < reservations[i]! - 1e-12) accept = false;
      }
      for (const c of controllers) {
        if (!accept) break;
        const moved = s.issues.some((x) => x.controlledBy.includes(c.index) && pkg[x.index] !== x.statusQuo);
        if (!moved) continue;
        let v = 0;
        for (let x = 0; x < n; x++) v += c.contrib[s.offsets[x]! + pkg[x]!]!;
        if (v < c.reservation.value - 1e-12 || c.redLines.some((r) => !holds(r.condition, pkg)))
          accept = false;
      }
      if (accept) {
        if (acceptable === at.length) {
          const v = new Float64Array(vectors.length * 2);
          v.set(vectors);
          vectors = v;
          const a = new Float64Array(at.length * 2);
          a.set(at);
          at = a;
        }
        vectors.set(u, acceptable * P);
        at[acceptable++] = visited - 1;
      }
    }
    let i = n - 1;
    while (i >= 0 && ++digit[i]! === domains[i]!.length) {
      digit[i] = 0;
      pkg[i] = domains[i]![0]!;
      i--;
    }
    if (i < 0) break;
    pkg[i] = domains[i]![digit[i]!]!;
  }
  const decode = (visit: number) => {
    const out = new Int32Array(n);
    for (let x = n - 1; x >= 0; x--) {
      const w = domains[x]!.length;
      out[x] = domains[x]![visit % w]!;
      visit = Math.floor(visit / w);
    }
    return out;
  };
  const front = paretoRows([...Array(acceptable).keys()], vectors, P, P).map((k) => ({
    pkg: decode(at[k]!),
    u: vectors.subarray(k * P, k * P + P),
  }));
  const sol = bargainingSolutions(front, reservations);
  let nash = -1;
  if (sol.nash) {
    nash = 1;
    for (let i = 0; i < P; i++) nash *= Math.max(0, sol.nash.u[i]! - reservations[i]!);
  }
  return { visited, feasible, acceptable, pareto: front.length, nash };
}
