// The flags of the last text's terms, for the report's "The last text" and the play screen's outcome alike. A term
// the text keeps from the tabled document it descends from carries that document's flag (documentTermFlag); a term
// the negotiation moved is the engine's, unflagged. The transcript does not record a text's lineage term by term:
// the text descends from the document last tabled before it, and a term is that document's when it is its option.
import { documentTermFlag } from '../domain/flags.ts';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario } from '../domain/types.ts';
import type { TermSheet } from '../engine/terms.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';

export type TermFlag = 'UNCONFIRMED' | 'RECALL';

/** Each issue id of the last text whose term keeps a flag of the document it descends from, with that flag. */
export function lastTextFlags(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  sheet: TermSheet,
): ReadonlyMap<string, TermFlag> {
  const tabled = transcript.findLast((e) => e.kind === 'tabled');
  const doc = tabled && scenario.documents.find((d) => d.id === tabled.document);
  const flags = new Map<string, TermFlag>();
  if (!doc) return flags;
  for (const x of scenario.issues) {
    const value = sheet[x.id];
    if (value === undefined || optionOf(scenario, x.index, value) !== doc.package[x.index]) continue;
    const f = documentTermFlag(doc, x.index);
    if (f) flags.set(x.id, f);
  }
  return flags;
}
