// Changing the text on the table: the new package, and a transcript entry with the terms that moved (each with
// its reason, when the mediator gives one) and the immer patches of the term sheet.
import { plainPackage } from '../domain/packed.ts';
import type { Scenario } from '../domain/types.ts';
import { type ContextDraft, log, replace, whole } from './context.ts';
import { termPatches, termSheet, termValue } from './terms.ts';
import type { ChangeReasonEntry, EntryBody, Phase, TermChangeEntry } from './transcript.ts';

type TextBody = Extract<EntryBody, { kind: 'tabled' | 'proposal' | 'revised' }>;
type TextHead = TextBody extends infer B
  ? B extends TextBody
    ? Omit<B, 'changes' | 'patches' | 'inverse' | 'terms'>
    : never
  : never;

/**
 * Puts `pkg` on the table and logs it with the terms that moved (each with its reason, if given) and the immer
 * patches of the term sheet. The first text of a run is patched from the status quo and carries the full sheet.
 */
export function setText(
  draft: ContextDraft,
  scenario: Scenario,
  phase: Phase,
  pkg: ArrayLike<number>,
  head: TextHead,
  reasons: ReadonlyMap<number, ChangeReasonEntry> = new Map(),
): void {
  const text = whole(draft, 'text');
  const first = text.length === 0;
  const from = first ? scenario.issues.map((x) => x.statusQuo) : text;
  const changes: TermChangeEntry[] = [];
  scenario.issues.forEach((x, i) => {
    if (first || from[i] === pkg[i]) return;
    const reason = reasons.get(i);
    changes.push({
      issue: x.id,
      from: termValue(scenario, i, from[i]!),
      to: termValue(scenario, i, pkg[i]!),
      ...(reason ? { reason } : {}),
    });
  });
  const { patches, inverse } = termPatches(scenario, from, pkg);
  log(draft, phase, {
    ...head,
    changes,
    patches,
    inverse,
    ...(first ? { terms: termSheet(scenario, pkg) } : {}),
  } as TextBody);
  replace(draft, 'text', plainPackage(pkg));
}
