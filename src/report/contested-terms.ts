// A contested term in words (analysis/contested.ts finds them): the one sentence show, whatif, analyze, timeline and
// concessions print beside a verdict that rests on one version of a contested text.

import type { ContestedTerm, TermVariant } from '../analysis/contested.ts';
import { actorInSentence } from '../domain/actor-names.ts';
import { variantFlagText } from '../domain/flags.ts';
import type { Scenario } from '../domain/types.ts';
import { joinIds } from './csv.ts';
import { optionLabel } from './format.ts';
import { documentTermFlagText, issueLabel } from './words.ts';

/**
 * "contested term: Donetsk region — as tabled, Frozen on the line of contact; a recorded variant, Mutual pull-back …
 * [s29, s31]; read so, Ukraine accepts → rejects" — the same words for every actor; no verdict moving says so.
 */
export function contestedTermWords(s: Scenario, c: ContestedTerm): string {
  const turns = c.moved.map(
    (m) => `${actorInSentence(s, m.actor)} ${m.accepts ? 'rejects → accepts' : 'accepts → rejects'}`,
  );
  const { asTabled, readSo } = c.agreement;
  if (asTabled !== readSo) turns.push(`agreement ${readSo ? 'no → yes' : 'yes → no'}`);
  return `${termVariantWords(s, c)}; read so, ${turns.length ? turns.join(', ') : 'no verdict moves'}`;
}

/** "contested term: Donetsk region — as tabled, Frozen on the line of contact; a recorded variant, … [s29, s31]". */
export function termVariantWords(s: Scenario, c: TermVariant): string {
  const src = c.sources.length ? ` [${c.sources.join(', ')}]` : '';
  const variant = optionLabel(s, c.issue, c.variant);
  const flag = variantFlagText(c, variant);
  // the term as tabled is the document's: flagged as every list of its terms flags it (documentTermFlag)
  const tabledFlag = documentTermFlagText(
    s.documents.find((d) => d.id === c.document),
    s.issueIndex.get(c.issue) ?? -1,
  );
  return `contested term: ${issueLabel(s, c.issue)} — as tabled, ${optionLabel(s, c.issue, c.tabled)}${tabledFlag}; a recorded variant, ${variant}${src}${flag}`;
}

/** Does reading the term as its variant has it move anything: a verdict, or the agreement. */
export function movesAny(c: ContestedTerm): boolean {
  return c.moved.length > 0 || c.agreement.asTabled !== c.agreement.readSo;
}

/** The CSV cell of an actor's row: the issues whose recorded variant turns its verdict, ids joined by `;`. */
export function contestedTurns(contested: readonly ContestedTerm[], actor: string): string {
  return joinIds(contested.filter((c) => c.moved.some((m) => m.actor === actor)).map((c) => c.issue));
}
