// The estimated durability of a deal: the scenario's base value plus the shifts of the factors whose condition the
// package meets, clamped to [0, 1]. Every number comes from the scenario file and is an assumption stated there.
import { holds } from './condition.ts';
import type { BasisKind, Package, Scenario } from './types.ts';

interface FactorOutcome {
  readonly id: string;
  readonly shift: number;
  readonly holds: boolean;
  /** what the factor rests on */
  readonly basis: BasisKind;
}

export interface DurabilityEstimate {
  /** clamp(base + Σ shifts of the holding factors) */
  readonly value: number;
  readonly base: number;
  /** every factor, in scenario order */
  readonly factors: readonly FactorOutcome[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The durability of a package under the scenario's assumptions; null when the scenario states none. */
export function durabilityOf(scenario: Scenario, pkg: Package): DurabilityEstimate | null {
  const d = scenario.durability;
  if (!d) return null;
  let sum = d.base;
  const factors = d.factors.map((f) => {
    const on = holds(f.condition, pkg);
    if (on) sum += f.shift;
    return { id: f.id, shift: f.shift, holds: on, basis: f.basis };
  });
  return { value: clamp01(sum), base: d.base, factors };
}
