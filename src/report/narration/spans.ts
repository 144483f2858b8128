// The narration's output: lines of spans that say what each piece of text is, never how it looks. Four painters
// give them a look: ANSI for `run` (cli/narrate.ts), Ink for the play screen (ui/transcript-words.ts), markdown and
// HTML for the after-action report (report/paint-md.ts, report/paint-html.ts).

import type { BasisKind } from '../../domain/types.ts';
import type { TranscriptEntry } from '../../engine/transcript.ts';

/**
 * What a span is. On the screen `term` and `aside` are bold and dim and verdict words are bold too; in the run's
 * text they are plain and verdict words are coloured only; markup marks the verdict verb and the changed option.
 */
export type Style =
  /** the scenario's title */
  | 'title'
  /** "Round 3" */
  | 'heading'
  /** bold everywhere: "No agreement", a stalemate */
  | 'strong'
  /** an issue's label, a document's title */
  | 'term'
  /**
   * a red line's or rule's text: the scenario's words for a position, never the actor's own, so never set in
   * quotation marks (a reader would take it for a quotation)
   */
  | 'paraphrase'
  /** the mark of an item in a list of red lines or rules: shown in text, dropped in markup (a list item already) */
  | 'bullet'
  /** dates, descriptions, asides */
  | 'aside'
  /** what is said in passing: drift, blame-trigger notes, the run's settings */
  | 'dim'
  /** the option a term moved to, or a term of a whole text */
  | 'changed'
  /** good and bad news: an agreement, a ratification, a walk-out */
  | 'accept'
  | 'reject'
  /** the verb of an actor's verdict */
  | 'accepts'
  | 'rejects'
  /** the name of an actor a person plays, with its mark */
  | 'person'
  /** a warning in words, e.g. a flag the narration words itself */
  | 'warn'
  /** "Event", "Inject", a run that waits for a person */
  | 'alert'
  /** the outcome lines of a signed and of a collapsed negotiation */
  | 'signed'
  | 'collapsed';

/** How the record stands behind a cited text: not settled by it, or commonly reported but not verified. */
export type Flag = 'UNCONFIRMED' | 'RECALL';

/**
 * A span. `text` is always its plain words, as a terminal shows them; citations carry their data too, so markup
 * can quote, link and flag them in its own way.
 */
export type Span =
  | { readonly text: string; readonly style?: Style }
  /** the sources a citation rests on */
  | { readonly text: string; readonly style: 'sources'; readonly ids: readonly string[] }
  /** a provenance flag */
  | { readonly text: string; readonly style: 'flag'; readonly flag: Flag }
  /** what a red line, rule or factor rests on, when it is not a stated position: " [reading]", " [assumption]" */
  | { readonly text: string; readonly style: 'basis'; readonly basis: Exclude<BasisKind, 'stated'> }
  /**
   * a red line applied before its earliest source: "; applied before its earliest source (s124, 2024-12-11;
   * reason 1)", with the number of the scenario's reason (null: it gives none), which the play screen shows as its
   * mark alone
   */
  | { readonly text: string; readonly style: 'before'; readonly reason: number | null };

export interface Line {
  /** columns of indentation (wrapped lines keep it); in markup, 2 is a list item and 4 an item under it */
  readonly indent: number;
  readonly spans: readonly Span[];
  /** the kind of entry the line tells, on the first line of each entry (markup gives it a class) */
  readonly entry?: TranscriptEntry['kind'];
  /** a sentence after the list of red lines above it, not an item of that list (HTML sets it as a paragraph) */
  readonly after?: true;
}

export const span = (text: string, style?: Exclude<Style, never>): Span =>
  style ? { text, style } : { text };
export const line = (spans: readonly Span[], indent = 2): Line => ({ indent, spans });
/** a line of one span */
export const say = (text: string, style?: Style, indent = 2): Line => line([span(text, style)], indent);

/** The first line of an entry, marked with the entry's kind. */
export function head(entry: TranscriptEntry['kind'], lines: readonly Line[]): Line[] {
  const [first, ...rest] = lines;
  return first ? [{ ...first, entry }, ...rest] : [];
}

/** A red line's or rule's text as the scenario words it (see 'paraphrase'). */
export function paraphrase(text: string): Span {
  return { text, style: 'paraphrase' };
}

/** The mark of an item in a list of red lines or rules. */
export const BULLET: Span = { text: '• ', style: 'bullet' };

/** " [reading]" or " [assumption]"; nothing for a stated item (or a transcript from before bases were recorded). */
export function basis(b: BasisKind | undefined): Span[] {
  return b === undefined || b === 'stated' ? [] : [{ text: ` [${b}]`, style: 'basis', basis: b }];
}

/** " [s1, s2]" in plain text; nothing when there is no source. */
export function sources(ids: readonly string[]): Span[] {
  return ids.length ? [{ text: ` [${ids.join(', ')}]`, style: 'sources', ids }] : [];
}

/** " (unconfirmed)" in plain text. */
export function flag(f: Flag | null): Span[] {
  return f ? [{ text: ` (${f.toLowerCase()})`, style: 'flag', flag: f }] : [];
}

/** The plain words of a line. */
export function lineText(l: Line): string {
  return l.spans.map((s) => s.text).join('');
}
