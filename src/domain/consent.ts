// Whose consent a text needs, and why: every party, always; an actor that controls an issue (Europe on its
// sanctions, say) only when the text moves that issue off the status quo. The same rule as requiredActors, with
// its reasons kept, so that what the program says about consent is what it computes.
import type { Package, Scenario } from './types.ts';

export interface Consent {
  /** actor id */
  readonly actor: string;
  /** a party: its consent is always needed */
  readonly party: boolean;
  /** ids of the issues it controls that the package moves (empty for a party that controls none of them) */
  readonly moved: readonly string[];
}

/** The actors whose acceptance `pkg` needs, in scenario order, each with why. */
export function consentOf(scenario: Scenario, pkg: Package): Consent[] {
  const out: Consent[] = [];
  for (const a of scenario.actors) {
    const party = scenario.protocol.parties.includes(a.index);
    const moved = scenario.issues
      .filter((x) => pkg[x.index] !== x.statusQuo && x.controlledBy.includes(a.index))
      .map((x) => x.id);
    if (party || moved.length) out.push({ actor: a.id, party, moved });
  }
  return out;
}

/** The actors that are not parties but control issues, each with the issues it controls (scenario order). */
export function controllersOf(scenario: Scenario): { readonly actor: string; readonly issues: string[] }[] {
  return scenario.actors
    .filter((a) => !scenario.protocol.parties.includes(a.index))
    .map((a) => ({
      actor: a.id,
      issues: scenario.issues.filter((x) => x.controlledBy.includes(a.index)).map((x) => x.id),
    }))
    .filter((c) => c.issues.length > 0);
}
