// The `record:` section: cross-checks of its ids and its compiled form. Its schema is RecordEntry in schema.ts.
import type { RecordedReaction } from '../domain/types.ts';
import { provenanceOf } from './compile.ts';
import type { RecordEntryInput } from './schema.ts';

type Raw = Record<string, unknown>;
type Path = (string | number)[];

const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Each entry names a declared actor and document (`unknown` builds the located message, with suggestions);
 * ids are unique within the record. Sources are checked with every other `sources:` list.
 */
export function crossCheckRecord(
  raw: Raw,
  ids: { readonly actors: ReadonlySet<string>; readonly documents: ReadonlySet<string> },
  unknown: (what: string, id: string, valid: Iterable<string>, path: Path) => void,
  duplicate: (path: Path, message: string) => void,
): void {
  if (!Array.isArray(raw.record)) return;
  const seen = new Map<string, number>();
  raw.record.forEach((entry, k) => {
    if (!isRecord(entry)) return;
    if (typeof entry.id === 'string') {
      const first = seen.get(entry.id);
      if (first !== undefined)
        duplicate(['record', k, 'id'], `duplicate record id "${entry.id}" (first used at record[${first}])`);
      else seen.set(entry.id, k);
    }
    if (typeof entry.actor === 'string' && !ids.actors.has(entry.actor))
      unknown('actor', entry.actor, ids.actors, ['record', k, 'actor']);
    if (typeof entry.document === 'string' && !ids.documents.has(entry.document))
      unknown('document', entry.document, ids.documents, ['record', k, 'document']);
  });
}

export function compileRecord(
  entries: readonly RecordEntryInput[],
  actorIndex: ReadonlyMap<string, number>,
  documentIds: readonly string[],
): RecordedReaction[] {
  return entries.map((e) => ({
    id: e.id,
    actor: actorIndex.get(e.actor)!,
    document: documentIds.indexOf(e.document),
    reaction: e.reaction,
    date: e.date,
    basis: e.basis,
    ...(e.statement === undefined ? {} : { statement: e.statement }),
    ...(e.rationale === undefined ? {} : { rationale: e.rationale }),
    ...provenanceOf(e),
  }));
}
