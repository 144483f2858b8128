// The negotiation protocol in words, for wherever a person reads it (the id stays in --json).
import type { Scenario } from '../domain/types.ts';

/**
 * "a single negotiating text, mediated by United States" or "alternating offers"; `brief` for a heading: "single
 * text, mediated by United States".
 */
export function protocolWords(scenario: Scenario, brief = false): string {
  const pr = scenario.protocol;
  if (pr.kind !== 'mediated-single-text') return 'alternating offers';
  const mediator = scenario.actors[pr.mediator ?? pr.parties[0]!]!.name;
  return `${brief ? 'single text' : 'a single negotiating text'}, mediated by ${mediator}`;
}
