// Briefing cards as one self-contained HTML page; each card starts on a new printed page.

import { nameInSentence } from '../domain/actor-names.ts';
import { basisMark } from '../domain/basis.ts';
import type { BasisKind } from '../domain/types.ts';
import {
  acceptableWords,
  type BeforeRecordMark,
  type Briefing,
  type BriefingCard,
  type CardRedLine,
} from './briefing.ts';
import {
  cardLegend,
  judgedByWords,
  STATED_LATER,
  statedLaterIntro,
  statedLaterWords,
} from './briefing-words.ts';
import { belowPair } from './comparison-figures.ts';
import { capitalise, n3, signed } from './format.ts';
import { anchor, esc } from './markup.ts';
import { page } from './page.ts';
import { flagHtml as flag, sourceLinks, sourcesHtml } from './paint-html.ts';
import { provenanceFlag } from './words.ts';

const flagHtml = (confirmed: boolean, recall: boolean) => flag(provenanceFlag(confirmed, recall));

/** " <span class="flag">[reading]</span>", or "" for a stated item. */
const mark = (basis: BasisKind) =>
  basisMark(basis) ? ` <span class="flag">${esc(basisMark(basis))}</span>` : '';

/** A red line in the scenario's words, not quoted (a list item sets it off), bound as briefing-md.ts binds it. */
function redLine(c: CardRedLine, card: string, date: string): string {
  return `<span class="paraphrase">${esc(c.text)}</span>${mark(c.basis)}${links(c.sources, card)}${flagHtml(c.confirmed, c.recall)}${c.version ? ` (${esc(c.version)})` : ''}${c.note ? ` — <span class="cite">${esc(c.note)}</span>` : ''}${later(c.beforeRecord, date)}`;
}

const later = (m: BeforeRecordMark | undefined, date: string) =>
  m ? ` — <span class="meta">${esc(statedLaterWords(m, date))}</span>` : '';

/** Source links point into the card's own source list (ids repeat across cards). */
function links(ids: readonly string[], card: string): string {
  return sourceLinks(ids).replace(/href="#src-/g, `href="#${esc(anchor('card', card))}-src-`);
}

const options = (list: readonly { label: string; value: number }[]) =>
  list.map((o) => `${esc(o.label)} (${n3(o.value)})`).join('; ');

function card(c: BriefingCard, date: string): string {
  const id = c.actor.id;
  const nd = c.noDeal;
  const docs = c.documents.map((d) => {
    const why = d.violations.length
      ? `you would reject it: it crosses your red line${d.violations.length > 1 ? 's' : ''}:`
      : d.accepts
        ? `${acceptableWords(d, n3)}.`
        : `you would reject it: worth ${belowPair(d.utility, d.noDeal).join(' to you, less than no deal (')}); it costs you most on ${d.costs.map((x) => `${x.label} (${n3(x.cost)})`).join(', ')}.`;
    const sub = d.violations.length
      ? `<ul>${d.violations.map((v) => `<li>${redLine(v, id, date)}</li>`).join('')}</ul>`
      : '';
    return `<li><strong>${esc(d.title)}</strong>${flagHtml(d.confirmed, false)} (${esc(d.date)}, tabled by ${esc(d.tabledByInSentence)}${d.judgedBy.length ? `; ${esc(judgedByWords(d.judgedBy))}` : ''}): ${esc(why)}${sub}</li>`;
  });
  const sources = sourcesHtml(c.sources)
    .replace(/id="src-/g, `id="${esc(anchor('card', id))}-src-`)
    .replace('The report cites no source.', 'This card cites no source.');
  return [
    `<section class="card" id="${esc(anchor('card', id))}">`,
    `<h2>${esc(c.actor.name)} — private briefing</h2>`,
    `<p class="meta">For the person playing ${esc(nameInSentence(c.actor))} only. The weights and values below are the scenario's assumptions about this actor.</p>`,
    `<p class="meta">${esc(cardLegend(c))}</p>`,
    c.actor.description ? `<p>${esc(c.actor.description)}</p>` : '',
    `<p><strong>Role.</strong> ${esc(c.position)}</p>`,
    '<h3>What you care about most</h3>',
    `<table><thead><tr><th>issue</th><th>weight</th><th>best for you</th><th>worst for you</th><th>why</th></tr></thead><tbody>${c.issues
      .map(
        (x) =>
          `<tr><th scope="row">${esc(x.label)}${x.controls ? ' <span class="flag">YOUR CONSENT</span>' : ''}</th><td class="num">${n3(x.weight)}</td><td>${options(x.best)}</td><td>${options(x.worst)}</td><td>${esc(x.rationale)}${mark(x.basis)}${links(x.sources, id)}${later(x.beforeRecord, date)}</td></tr>`,
      )
      .join('')}</tbody></table>`,
    c.indifferent.length
      ? `<p class="meta">You state no preference on: ${esc(c.indifferent.join(', '))}.</p>`
      : '',
    '<h3>Your red lines</h3>',
    c.redLines.length
      ? `<ul>${c.redLines.map((r) => `<li>${redLine(r, id, date)}</li>`).join('')}</ul>`
      : '<p>None: you may accept any text worth more to you than no deal.</p>',
    '<h3>Your value of no deal</h3>',
    `<p><strong>${n3(nd.value)}</strong>${nd.range ? ` (plausible range ${n3(nd.range[0])}–${n3(nd.range[1])})` : ''}; it ${nd.drift === 0 ? 'does not drift' : `drifts by ${signed(nd.drift)} a round — a hypothesis of the scenario${mark(nd.driftBasis)}`}. ${esc(capitalise(nd.rationale))}${mark(nd.basis)}${links(nd.sources, id)}</p>`,
    '<h3>The documents on the table</h3>',
    docs.length ? `<ul>${docs.join('')}</ul>` : '<p>No document is tabled in this scenario.</p>',
    "<h3>The others' public red lines</h3>",
    c.others.length
      ? `<ul>${c.others.map((o) => `<li>${esc(o.name)}:<ul>${o.redLines.map((r) => `<li>${redLine(r, id, date)}</li>`).join('')}</ul></li>`).join('')}</ul>`
      : '<p>No other actor has stated a red line.</p>',
    c.heldEarlier.length
      ? `<h3>${STATED_LATER}</h3><p>${esc(statedLaterIntro(date))}</p><ol>${c.heldEarlier.map((r) => `<li>${esc(r)}</li>`).join('')}</ol>`
      : '',
    '<h3>Questions to prepare</h3>',
    `<ol>${c.questions.map((q) => `<li>${esc(q)}</li>`).join('')}</ol>`,
    '<h3>Sources</h3>',
    sources,
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

export function briefingHtml(b: Briefing): string {
  const body = [
    `<h1>Briefing cards — ${esc(b.scenario.title)}</h1>`,
    ...b.cards.map((c) => card(c, b.scenario.date)),
  ].join('\n');
  return page(`Briefing cards — ${b.scenario.title}`, body);
}
