// What the record leaves unsettled, flagged where people read it: a tabled text as a whole, one of its terms, a
// recorded variant of a term. One rule and the command line's words for every command, the explorer, the play
// screen and the analyses' labels (hinges) alike — here, below them all, so that each asks the same question.
import { inQuotes } from './text.ts';
import type { NegotiationDocument, Provenance } from './types.ts';

/** " (unconfirmed)" after an item the record does not settle, or "": the command line's flag wherever one is named. */
export function unconfirmedFlag(confirmed: boolean): string {
  return confirmed ? '' : ' (unconfirmed)';
}

/** A tabled document's title and, when the record does not settle its text, " (unconfirmed)". */
export function documentHeading(d: { readonly title: string; readonly confirmed: boolean }): string {
  return `${d.title}${unconfirmedFlag(d.confirmed)}`;
}

/**
 * The flag a tabled document's term on `issue` carries: RECALL when it is commonly reported but not verified,
 * UNCONFIRMED when the record does not settle that the text says it, null when the record does, when the document
 * does not address the issue, or when the document as a whole is unconfirmed (its title carries the flag, once).
 * Every place that lists a document's terms asks this, and words the answer in its own convention.
 */
export function documentTermFlag(
  doc: Pick<NegotiationDocument, 'confirmed' | 'terms'> | undefined,
  issue: number,
): 'UNCONFIRMED' | 'RECALL' | null {
  if (!doc?.confirmed) return null;
  const t = doc.terms.find((x) => x.issue === issue);
  return !t ? null : t.recall ? 'RECALL' : t.confirmed ? null : 'UNCONFIRMED';
}

/**
 * The flag a term carries away from its document — a text that keeps the document's option (the last text of a run):
 * its own flag (documentTermFlag), or UNCONFIRMED for every term a document unconfirmed as a whole states, since the
 * title that carries that flag once is not beside it there. Null for an issue the document does not address.
 */
export function keptTermFlag(
  doc: Pick<NegotiationDocument, 'confirmed' | 'terms'> | undefined,
  issue: number,
): 'UNCONFIRMED' | 'RECALL' | null {
  if (doc?.confirmed !== false) return documentTermFlag(doc, issue);
  return doc.terms.some((x) => x.issue === issue) ? 'UNCONFIRMED' : null;
}

/**
 * The words that say where the flags of a text's kept terms come from, once for the list: each flagged term is the
 * document's option, wherever it came from in the run, and the flag is the record's of the document — not of who
 * put the term on the table last.
 */
export function keptFlagsNote(documentTitle: string): string {
  return `A flagged term is ${asInDocument(documentTitle)}, the text last tabled, where the record does not settle it.`;
}

/** 'as in "Title"': the document a kept term is as in. */
function asInDocument(documentTitle: string): string {
  return `as in ${inQuotes(documentTitle)}`;
}

/** The command line's words for a document's term flag: " (unconfirmed)", " (recall)" or "". */
export function documentTermFlagText(
  doc: Pick<NegotiationDocument, 'confirmed' | 'terms'> | undefined,
  issue: number,
): string {
  const f = documentTermFlag(doc, issue);
  return f ? termFlagText(f) : '';
}

/** The command line's words for a term's flag: " (unconfirmed)" or " (recall)". */
export function termFlagText(flag: 'UNCONFIRMED' | 'RECALL'): string {
  return ` (${flag.toLowerCase()})`;
}

/**
 * The command line's flag after a recorded variant of a term, by its own provenance whatever the document's (the
 * variant is another report, not the text): " (recall)", " (unconfirmed)" or "". An option whose label already
 * says it is unconfirmed ("75,000 troops (unconfirmed: one commentator only)") is not flagged twice.
 */
export function variantFlagText(v: Pick<Provenance, 'confirmed' | 'recall'>, optionLabel: string): string {
  const f = variantFlag(v, optionLabel);
  return f ? termFlagText(f) : '';
}

/** The flag of a recorded variant of a term (variantFlagText), or null. */
export function variantFlag(
  v: Pick<Provenance, 'confirmed' | 'recall'>,
  optionLabel: string,
): 'UNCONFIRMED' | 'RECALL' | null {
  if (v.recall) return 'RECALL';
  return v.confirmed || /\bunconfirmed\b/i.test(optionLabel) ? null : 'UNCONFIRMED';
}

/**
 * A term's flag inside words already in parentheses (an analysis's label: "(All of it Russian → Frozen on the line
 * of contact [unconfirmed])"): in square brackets, so that the brackets do not nest. " [unconfirmed]", " [recall]"
 * or "".
 */
export function flagInParentheses(flag: 'UNCONFIRMED' | 'RECALL' | null): string {
  return flag ? ` [${flag.toLowerCase()}]` : '';
}
