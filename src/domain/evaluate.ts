// Verdicts: does an actor accept a package, and why not. Agreement: does everyone whose consent is needed accept.
import { holds } from './condition.ts';
import { requireDocument } from './lookup.ts';
import { positionsAsOf } from './positions.ts';
import { failedHurdles, type HurdleCheck } from './ratification.ts';
import type { Actor, BasisKind, Constraint, Package, Scenario } from './types.ts';
import { costliestIssues, utility } from './utility.ts';

export interface Violation {
  readonly redLine: string;
  readonly text: string;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  /** what the red line or rule rests on */
  readonly basis: BasisKind;
}

/** What an issue costs an actor in a package, and the basis of the actor's preference on it. */
export interface IssueCost {
  readonly issue: string;
  readonly cost: number;
  readonly basis: BasisKind;
}

export interface Verdict {
  readonly actor: string;
  readonly utility: number;
  readonly reservation: number;
  /** utility − reservation */
  readonly margin: number;
  readonly accepts: boolean;
  /** red lines the package breaks; any one is enough to reject */
  readonly violations: readonly Violation[];
  /** when below reservation: the issues that cost the actor most, largest first (at most five) */
  readonly costs: readonly IssueCost[];
  /** the basis of the reservation the utility is compared with */
  readonly reservationBasis: BasisKind;
  /**
   * when negotiators anticipate ratification (the modeller's assumption): the actor's hurdles the package meets and
   * would fail — its body would vote the text down, so it rejects; absent when it fails none or the assumption is off
   */
  readonly wouldFail?: readonly HurdleCheck[];
}

export interface Evaluation {
  readonly package: Int32Array;
  readonly verdicts: readonly Verdict[];
  /** ids of the actors whose acceptance this package needs: the parties and the controllers of moved issues */
  readonly required: readonly string[];
  readonly ruleViolations: readonly Violation[];
  readonly agreement: boolean;
}

/** Reservation values as they stand (the engine's events and drift change them; analysis uses the scenario's). */
export type Reservations = ArrayLike<number>;

export function scenarioReservations(scenario: Scenario): Float64Array {
  return Float64Array.from(scenario.actors, (a) => a.reservation.value);
}

/** A red line or rule as verdicts name it: id, text, sources, basis. */
export function redLineOf(c: Constraint): Violation {
  return { redLine: c.id, text: c.text, sources: c.sources, confirmed: c.confirmed, basis: c.basis };
}

export function brokenConstraints(constraints: readonly Constraint[], pkg: Package): Violation[] {
  return constraints.filter((c) => !holds(c.condition, pkg)).map(redLineOf);
}

export function verdictOf(
  scenario: Scenario,
  actor: Actor,
  pkg: Package,
  reservation: number = actor.reservation.value,
  /** negotiators anticipate ratification: a text the actor's body would vote down is one it rejects */
  anticipate = false,
): Verdict {
  const u = utility(actor, scenario.offsets, pkg);
  const violations = brokenConstraints(actor.redLines, pkg);
  const wouldFail = anticipate ? failedHurdles(scenario, actor.index, pkg) : [];
  const accepts = violations.length === 0 && u >= reservation - 1e-12 && wouldFail.length === 0;
  const costs =
    u < reservation - 1e-12
      ? costliestIssues(scenario, actor, pkg, 5).map((c) => ({
          issue: scenario.issues[c.issue]!.id,
          cost: c.cost,
          basis: actor.preferences[c.issue]?.basis ?? 'assumption',
        }))
      : [];
  return {
    actor: actor.id,
    utility: u,
    reservation,
    margin: u - reservation,
    accepts,
    violations,
    costs,
    reservationBasis: actor.reservation.basis,
    ...(wouldFail.length ? { wouldFail } : {}),
  };
}

// scratch marks of requiredActors, one per actor (nothing it calls can call it again)
let marks = new Uint8Array(8);

/** The actors whose acceptance a package needs: every party, and every controller of an issue moved off status quo. */
export function requiredActors(scenario: Scenario, pkg: Package): number[] {
  // every round asks this many times: marks read in index order give the sorted list without a set or a sort
  const n = scenario.actors.length;
  if (marks.length < n) marks = new Uint8Array(n);
  else marks.fill(0, 0, n);
  for (const a of scenario.protocol.parties) marks[a] = 1;
  for (const issue of scenario.issues)
    if (pkg[issue.index] !== issue.statusQuo) for (const a of issue.controlledBy) marks[a] = 1;
  const out: number[] = [];
  for (let a = 0; a < n; a++) if (marks[a]) out.push(a);
  return out;
}

export function evaluatePackage(
  scenario: Scenario,
  pkg: Package,
  reservations: Reservations = scenarioReservations(scenario),
  /** negotiators anticipate ratification (the modeller's assumption): see verdictOf */
  anticipate = false,
): Evaluation {
  const verdicts = scenario.actors.map((a) =>
    verdictOf(scenario, a, pkg, reservations[a.index]!, anticipate),
  );
  const required = requiredActors(scenario, pkg);
  const ruleViolations = brokenConstraints(scenario.rules, pkg);
  const agreement = ruleViolations.length === 0 && required.every((a) => verdicts[a]!.accepts);
  return {
    package: Int32Array.from(pkg),
    verdicts,
    required: required.map((a) => scenario.actors[a]!.id),
    ruleViolations,
    agreement,
  };
}

export { findDocument, requireDocument } from './lookup.ts';

/**
 * A document judged by the positions in force on its date (or on `asOf`, when given): see positionsAsOf. Explicit
 * `reservations` (the engine's, as they stand in a run) replace the dated ones.
 */
export function evaluateDocument(
  scenario: Scenario,
  documentId: string,
  reservations?: Reservations,
  asOf?: string,
): Evaluation {
  const doc = requireDocument(scenario, documentId);
  return evaluatePackage(positionsAsOf(scenario, asOf ?? doc.date), doc.package, reservations);
}
