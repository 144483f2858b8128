// The brute-force oracle: every package of a small scenario, judged by the domain's own definitions.
import { brokenConstraints, evaluatePackage } from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';

export const TIE = 1e-9;

export interface BrutePackage {
  readonly pkg: Int32Array;
  /** breaks no party's red line and no rule */
  readonly feasible: boolean;
  /** every required actor accepts and no rule is broken */
  readonly acceptable: boolean;
  /** the parties' utilities, in protocol order */
  readonly u: number[];
}

/** `restrict`: per issue, the options to visit (null = all). */
export function allPackages(s: Scenario, restrict?: readonly (Uint8Array | null)[]): Int32Array[] {
  const n = s.issues.length;
  const out: Int32Array[] = [];
  const pkg = new Int32Array(n);
  const rec = (i: number) => {
    if (i === n) {
      out.push(Int32Array.from(pkg));
      return;
    }
    for (let o = 0; o < s.issues[i]!.options.length; o++) {
      if (restrict?.[i] && restrict[i]![o] !== 1) continue;
      pkg[i] = o;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

export function brute(s: Scenario, restrict?: readonly (Uint8Array | null)[]): BrutePackage[] {
  const partyRedLines = s.protocol.parties.flatMap((a) => s.actors[a]!.redLines);
  return allPackages(s, restrict).map((pkg) => ({
    pkg,
    feasible: brokenConstraints([...partyRedLines, ...s.rules], pkg).length === 0,
    acceptable: evaluatePackage(s, pkg).agreement,
    u: s.protocol.parties.map((a) => utility(s.actors[a]!, s.offsets, pkg)),
  }));
}

/** q beats p by more than a tie somewhere and loses nowhere by more than a tie */
export function strictlyDominates(q: readonly number[], p: readonly number[]): boolean {
  let strict = false;
  for (let i = 0; i < p.length; i++) {
    if (q[i]! < p[i]! - TIE) return false;
    if (q[i]! > p[i]! + TIE) strict = true;
  }
  return strict;
}

/** The acceptable utility vectors no acceptable vector strictly dominates. */
export function brutePareto(all: readonly BrutePackage[]): number[][] {
  const acc = all.filter((p) => p.acceptable).map((p) => p.u);
  return acc.filter((p) => !acc.some((q) => strictlyDominates(q, p)));
}

export interface BruteOptima {
  nash: number;
  utilitarian: number;
  egalitarian: number;
  /** Kalai–Smorodinsky: the smallest spread over the Pareto vectors, and the largest min a at that spread */
  ks: { spread: number; min: number };
  best: number[];
}

export function ksOf(u: readonly number[], r: readonly number[], best: readonly number[]) {
  const a = u.map((x, i) => ({ x, i })).filter(({ i }) => best[i]! - r[i]! > TIE);
  if (a.length === 0) return { spread: 0, min: 1 };
  const vals = a.map(({ x, i }) => (x - r[i]!) / (best[i]! - r[i]!));
  return { spread: Math.max(...vals) - Math.min(...vals), min: Math.min(...vals) };
}

export function bruteOptima(s: Scenario, all: readonly BrutePackage[]): BruteOptima | null {
  const acc = all.filter((p) => p.acceptable);
  if (acc.length === 0) return null;
  const r = s.protocol.parties.map((a) => s.actors[a]!.reservation.value);
  const best = r.map((_, i) => Math.max(...acc.map((p) => p.u[i]!)));
  const nash = Math.max(...acc.map((p) => p.u.reduce((x, u, i) => x * Math.max(0, u - r[i]!), 1)));
  const utilitarian = Math.max(...acc.map((p) => p.u.reduce((x, u) => x + u, 0)));
  const egalitarian = Math.max(...acc.map((p) => Math.min(...p.u.map((u, i) => u - r[i]!))));
  const pareto = brutePareto(all).map((u) => ksOf(u, r, best));
  const spread = Math.min(...pareto.map((k) => k.spread));
  const min = Math.max(...pareto.filter((k) => k.spread <= spread + TIE).map((k) => k.min));
  return { nash, utilitarian, egalitarian, ks: { spread, min }, best };
}
