// Who plays which part in a protocol: the mediator, whose turn it is to propose, whose walk-out ends the talks,
// and who may ever be asked to move. Pure questions about a scenario, shared by the engine, the UI and the CLI.
import type { Scenario } from './types.ts';

/** The mediator, or (a mediated protocol that names none) the first party. */
export function mediatorOf(scenario: Scenario): number {
  return scenario.protocol.mediator ?? scenario.protocol.parties[0]!;
}

/** The first round in which a party proposes in alternating offers: round 1 holds the opening text, if any. */
export function firstTurn(scenario: Scenario): number {
  return scenario.protocol.opening ? 2 : 1;
}

/** The party whose turn it is to propose in alternating offers. */
export function proposerOf(scenario: Scenario, round: number): number {
  const parties = scenario.protocol.parties;
  return parties[(round - 1) % parties.length]!;
}

/** Parties and the mediator: when one of them walks out the talks collapse. */
export function isPrincipal(scenario: Scenario, actor: number): boolean {
  return (
    scenario.protocol.parties.includes(actor) ||
    (scenario.protocol.kind === 'mediated-single-text' && mediatorOf(scenario) === actor)
  );
}

/**
 * The actors the protocol may ask to move, in scenario order: the parties, the mediator of a single text, and
 * the controllers of issues (whose consent a text that moves their issues needs). Only these can be played by
 * people.
 */
export function actorsAtTheTable(scenario: Scenario): number[] {
  const involved = new Set([...scenario.protocol.parties, ...scenario.issues.flatMap((x) => x.controlledBy)]);
  if (scenario.protocol.kind === 'mediated-single-text') involved.add(mediatorOf(scenario));
  return scenario.actors.filter((a) => involved.has(a.index)).map((a) => a.index);
}
