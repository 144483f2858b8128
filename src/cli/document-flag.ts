// --document, which `whatif` and `concessions` start from. Without it the usage error lists the scenario's
// documents by date, so a first call teaches the ids instead of sending the user to another command.
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';

export const DOCUMENT_FLAG_HELP =
  'the document to start from (required; without it, the documents are listed)';

export function givenDocument(scenario: Scenario, id: string | undefined, command: string): string {
  if (id !== undefined) return id;
  const byDate = [...scenario.documents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const list = byDate.map((d) => `${d.id} (${d.date})`).join(', ');
  throw new PeacesimError(
    `say which document to start from with --document ID; ${list ? `the documents of ${scenario.id}, by date: ${list}` : `${scenario.id} has no documents`} (peacesim ${command} --help)`,
    2,
  );
}
