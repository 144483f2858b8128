// The flags of the last text's terms, for the report's "The last text" and the play screen's outcome alike. A term
// the text keeps from the tabled document it descends from carries that document's flag (keptTermFlag: a term's own,
// or the whole text's when the record does not settle it), with the document's title, so that the words say the
// term is as in that document — true also of a term the negotiation moved away and back, and of a status-quo term
// the document states. A term the negotiation moved is the engine's, unflagged. The transcript does not record a
// text's lineage term by term: the text descends from the document last tabled before it, and a term is that
// document's when it is its option.
import { keptTermFlag } from '../domain/flags.ts';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario } from '../domain/types.ts';
import type { TermSheet } from '../engine/terms.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';

type TermFlag = 'UNCONFIRMED' | 'RECALL';

/** A term's flag and the title of the tabled document whose option the term is. */
export interface KeptFlag {
  readonly flag: TermFlag;
  readonly asIn: string;
}

/** Each issue id of the last text whose term keeps a flag of the document it descends from, with that flag. */
export function lastTextFlags(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  sheet: TermSheet,
): ReadonlyMap<string, KeptFlag> {
  const tabled = transcript.findLast((e) => e.kind === 'tabled');
  const doc = tabled && scenario.documents.find((d) => d.id === tabled.document);
  const flags = new Map<string, KeptFlag>();
  if (!doc) return flags;
  for (const x of scenario.issues) {
    const value = sheet[x.id];
    if (value === undefined || optionOf(scenario, x.index, value) !== doc.package[x.index]) continue;
    const flag = keptTermFlag(doc, x.index);
    if (flag) flags.set(x.id, { flag, asIn: doc.title });
  }
  return flags;
}
