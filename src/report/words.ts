// Plain words shared by the reports: names, lists, strategies, flags (numbers and options: format.ts). No markup:
// the renderers escape.
import type { Scenario, Strategy } from '../domain/types.ts';

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
