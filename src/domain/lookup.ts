// Ids from users (flags, session files, injects) → the model, or an error that lists the valid ids.
import { UnknownIdError } from './errors.ts';
import type { NegotiationDocument, Scenario } from './types.ts';

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

/** The option index a term value names on an issue (an option id, or a numeric issue's number), or −1. */
export function optionOf(scenario: Scenario, issue: number, value: string | number): number {
  const x = scenario.issues[issue]!;
  return x.options.findIndex((o) => (x.kind === 'numeric' ? o.value === Number(value) : o.id === value));
}
