// The narration's lines painted in markdown: a list item per entry (indent 2) with its details under it (indent
// 4); words escaped, a red line or rule in the scenario's words (not quoted: they are not the actor's) with its
// sources and flag in words, the tally in bold.

import type { BasisKind } from '../domain/types.ts';
import type { SourceLine } from './after-action-model.ts';
import { anchor, md, mdLead, mdUrl, mdWords } from './markup.ts';
import type { Line, Span } from './narration/spans.ts';

/** " (sources: a, b)", each key a link to its entry in the report's list of sources; nothing without sources. */
export const mdSources = (ids: readonly string[]): string =>
  ids.length ? ` (sources: ${ids.map((id) => `[${md(id)}](#${anchor('src', id)})`).join(', ')})` : '';

/** One entry of the report's list of sources, with the anchor its citations link to. */
export function mdSourceEntry(s: SourceLine): string {
  const meta = [s.publisher, s.date].filter((x): x is string => x !== undefined).map(md);
  return `- <a id="${anchor('src', s.id)}"></a>**${md(s.id)}** — ${md(s.title)}${meta.length ? `. ${meta.join(', ')}` : ''}${s.url ? ` ${mdUrl(s.url)}` : ''}${s.reliability ? `. Reliability: ${md(s.reliability)}` : ''}`;
}

/** " **UNCONFIRMED**"; nothing without a flag. */
export const mdFlag = (flag: string): string => (flag ? ` **${flag}**` : '');

/** " \\[reading\\]" or " \\[assumption\\]"; nothing for a stated item. */
const mdBasis = (basis: BasisKind): string => (basis === 'stated' ? '' : ` ${md(`[${basis}]`)}`);

/** Entries whose first line reads in bold. */
const BOLD: ReadonlySet<Line['entry']> = new Set(['tally']);

function paint(s: Span): string {
  switch (s.style) {
    case 'bullet':
      return '';
    case 'sources':
      return mdSources(s.ids);
    case 'flag':
      return mdFlag(s.flag);
    case 'basis':
      return mdBasis(s.basis);
    default:
      return mdWords(s.text);
  }
}

const isCitation = (s: Span) => s.style === 'sources' || s.style === 'flag' || s.style === 'basis';

function content(l: Line): string {
  const words = l.spans.findIndex(isCitation);
  const cut = words < 0 ? l.spans.length : words;
  const lead = l.spans.slice(0, cut).map(paint).join('');
  const rest = l.spans.slice(cut).map(paint).join('');
  const text =
    BOLD.has(l.entry) && lead.trim() ? `**${lead.replace(/\s+/g, ' ').trim()}**${rest}` : lead + rest;
  return mdLead(text.replace(/\s+/g, ' ').trim());
}

/** The lines as a nested markdown list. */
export function mdList(lines: readonly Line[]): string[] {
  return lines.map((l) => `${'  '.repeat(Math.max(0, l.indent / 2 - 1))}- ${content(l)}`);
}
