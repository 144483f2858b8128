// Ids from users (flags, session files, injects) → the model, or an error that lists the valid ids.
import { UnknownIdError } from './errors.ts';
import type { Issue, NegotiationDocument, Scenario } from './types.ts';

export function requireActorIndex(scenario: Scenario, id: string): number {
  const a = scenario.actorIndex.get(id);
  if (a === undefined) {
    throw new UnknownIdError(
      'actor',
      id,
      scenario.actors.map((x) => x.id),
    );
  }
  return a;
}

export function requireIssueIndex(scenario: Scenario, id: string): number {
  const i = scenario.issueIndex.get(id);
  if (i === undefined) {
    throw new UnknownIdError(
      'issue',
      id,
      scenario.issues.map((x) => x.id),
    );
  }
  return i;
}

export function findDocument(scenario: Scenario, documentId: string): NegotiationDocument | undefined {
  return scenario.documents.find((d) => d.id === documentId);
}

export function requireDocument(scenario: Scenario, documentId: string): NegotiationDocument {
  const doc = findDocument(scenario, documentId);
  if (!doc) {
    throw new UnknownIdError(
      'document',
      documentId,
      scenario.documents.map((d) => d.id),
    );
  }
  return doc;
}

/**
 * Per issue, the first option of each id (of each number, for a numeric issue): the mediator's memory reads every
 * text on the table back into a package, every round of every draw. Issues are never edited in place.
 */
const optionIndex = new WeakMap<Issue, Map<string | number | null, number>>();

function indexOf(x: Issue): Map<string | number | null, number> {
  let index = optionIndex.get(x);
  if (!index) {
    index = new Map();
    for (let k = x.options.length - 1; k >= 0; k--) {
      const o = x.options[k]!;
      index.set(x.kind === 'numeric' ? o.value : o.id, k);
    }
    optionIndex.set(x, index);
  }
  return index;
}

/** The option index a term value names on an issue (an option id, or a numeric issue's number), or −1. */
export function optionOf(scenario: Scenario, issue: number, value: string | number): number {
  const x = scenario.issues[issue]!;
  const key = x.kind === 'numeric' ? Number(value) : value;
  // === never matches NaN, where a map's lookup would
  if (typeof key === 'number' && Number.isNaN(key)) return -1;
  return indexOf(x).get(key) ?? -1;
}
