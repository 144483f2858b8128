// Plain words shared by the reports: names, lists, strategies, flags (numbers and options: format.ts). No markup:
// the renderers escape.
import type { Scenario, Strategy, StrategyKind } from '../domain/types.ts';
import type { AdHocEffect } from '../engine/events.ts';

/** A name's possessive: "Russia's", "United States'". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

export function actorName(scenario: Scenario, id: string): string {
  return scenario.actors.find((a) => a.id === id)?.name ?? id;
}

export function issueLabel(scenario: Scenario, id: string): string {
  return scenario.issues.find((x) => x.id === id)?.label ?? id;
}

/** What each strategy does, in a few words, for people who do not know the names. */
export const STRATEGY_WORDS: Readonly<Record<Exclude<StrategyKind, 'human'>, string>> = {
  boulware: 'concedes late',
  linear: 'concedes at a steady pace',
  conceder: 'concedes early',
  'tit-for-tat': "mirrors the others' concessions",
  hardliner: 'holds out for the best it could get in any agreement',
  zeuthen: 'concedes when it has less to lose (Zeuthen)',
};

/** "concedes late", or "played by a person". */
export function strategyWords(s: Strategy): string {
  return s.kind === 'human' ? 'played by a person' : STRATEGY_WORDS[s.kind];
}

/** "boulware (e 0.2)", "linear", "human". */
export function strategyLabel(s: Strategy): string {
  const params = Object.entries(s.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${s.kind}${params ? ` (${params})` : ''}`;
}

/** A red line's or rule's flags as the sources report words them. */
export function provenanceFlag(confirmed: boolean, recall: boolean): string {
  if (recall) return 'RECALL';
  return confirmed ? '' : 'UNCONFIRMED';
}

/**
 * The negotiation protocol, for wherever a person reads it (the id stays in --json): "a single negotiating text,
 * mediated by United States" or "alternating offers"; `brief` for a heading: "single text, mediated by …".
 */
export function protocolWords(scenario: Scenario, brief = false): string {
  const pr = scenario.protocol;
  if (pr.kind !== 'mediated-single-text') return 'alternating offers';
  const mediator = scenario.actors[pr.mediator ?? pr.parties[0]!]!.name;
  return `${brief ? 'single text' : 'a single negotiating text'}, mediated by ${mediator}`;
}

/** An ad-hoc effect's kind in words. */
export const AD_HOC_WORDS: Readonly<Record<AdHocEffect['kind'], string>> = {
  'set-reservation': 'a value of no deal set',
  'shift-reservation': 'a value of no deal shifted',
  'set-weight': 'a weight changed',
  'drop-red-line': 'a red line dropped',
  table: 'a document tabled',
  'walk-out': 'a walk-out',
  goodwill: 'a goodwill gesture',
};
