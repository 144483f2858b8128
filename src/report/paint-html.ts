// The narration's lines painted in HTML: a list item per entry (indent 2), classed by the entry's kind, with its
// details in a list under it (indent 4). Every word escaped; a red line or rule in the scenario's words (marked as
// such, never in quotation marks) with its sources linked to the list of sources and its flag boxed; the verdict
// verb and the changed option marked.

import type { BasisKind } from '../domain/types.ts';
import { anchor, esc, safeUrl } from './markup.ts';
import type { Line, Span } from './narration/spans.ts';

export function sourceLinks(ids: readonly string[]): string {
  if (!ids.length) return '';
  const links = ids.map((id) => `<a href="#${esc(anchor('src', id))}">${esc(id)}</a>`).join(', ');
  return ` <span class="cite">[${links}]</span>`;
}

export function flagHtml(flag: string): string {
  return flag ? ` <span class="flag">${flag}</span>` : '';
}

/** The list of sources a report or card cites, each with its anchor and (http or https only) its address. */
export function sourcesHtml(
  list: readonly {
    id: string;
    title: string;
    url?: string;
    publisher?: string;
    date?: string;
    reliability?: string;
  }[],
): string {
  if (!list.length) return '<p>The report cites no source.</p>';
  return `<ul class="sources">${list
    .map((s) => {
      const url = safeUrl(s.url);
      const meta = [s.publisher, s.date].filter((x): x is string => x !== undefined).map(esc);
      return `<li id="${esc(anchor('src', s.id))}"><strong>${esc(s.id)}</strong> — ${esc(s.title)}${meta.length ? `. ${meta.join(', ')}` : ''}${url ? ` <a href="${esc(url)}">${esc(url)}</a>` : s.url ? ` ${esc(s.url)}` : ''}${s.reliability ? `. <span class="cite">Reliability: ${esc(s.reliability)}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

/** " <span class="flag">[reading]</span>"; nothing for a stated item. */
const basisHtml = (basis: BasisKind): string => (basis === 'stated' ? '' : flagHtml(`[${basis}]`));

/** Entries whose first line's words are set in bold. */
const BOLD: ReadonlySet<Line['entry']> = new Set(['inject', 'walk-out', 'tally']);

function paint(s: Span): string {
  switch (s.style) {
    case 'bullet':
      return '';
    case 'paraphrase':
      return `<span class="paraphrase">${esc(s.text)}</span>`;
    case 'sources':
      return sourceLinks(s.ids);
    case 'flag':
      return flagHtml(s.flag);
    case 'basis':
      return basisHtml(s.basis);
    case 'accepts':
    case 'rejects':
      return `<span class="${s.style}">${esc(s.text)}</span>`;
    case 'person':
      return `<span class="person">${esc(s.text)}</span>`;
    case 'changed':
      return `<strong>${esc(s.text)}</strong>`;
    default:
      return esc(s.text);
  }
}

function content(l: Line): string {
  const cut = l.spans.findIndex((s) => s.style === 'sources' || s.style === 'flag' || s.style === 'basis');
  const lead = l.spans.slice(0, cut < 0 ? l.spans.length : cut);
  const rest = cut < 0 ? [] : l.spans.slice(cut);
  const words = lead.map(paint).join('');
  return `${BOLD.has(l.entry) ? `<strong>${words}</strong>` : words}${rest.map(paint).join('')}`;
}

function itemClass(entry: Line['entry']): string {
  switch (entry) {
    case undefined:
      return '';
    case 'tabled':
    case 'proposal':
    case 'revised':
      return ' class="text"';
    case 'drift':
      return ' class="drift meta"';
    default:
      return ` class="${entry}"`;
  }
}

/** The lines as list items: each entry's first line, with the lines under it as a nested list. */
export function htmlItems(lines: readonly Line[]): string {
  const out: string[] = [];
  for (let k = 0; k < lines.length; ) {
    const top = lines[k]!;
    const subs: string[] = [];
    const after: string[] = [];
    for (k++; k < lines.length && lines[k]!.indent > top.indent; k++)
      if (lines[k]!.after) after.push(`<p class="after">${content(lines[k]!)}</p>`);
      else subs.push(`<li>${content(lines[k]!)}</li>`);
    out.push(
      `<li${itemClass(top.entry)}>${content(top)}${subs.length ? `<ul>${subs.join('')}</ul>` : ''}${after.join('')}</li>`,
    );
  }
  return out.join('');
}
