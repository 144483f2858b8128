// Briefing cards in markdown: one card per actor, separated by a rule (print each to hand it out).
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
import { md, mdLine, mdUrl } from './markup.ts';
import { provenanceFlag } from './words.ts';

const sources = (ids: readonly string[]) => (ids.length ? ` (sources: ${ids.map(md).join(', ')})` : '');

/** " \\[reading\\]", " \\[assumption\\]", or "" for a stated item. */
const mark = (basis: BasisKind) => (basisMark(basis) ? ` ${md(basisMark(basis))}` : '');

const later = (m: BeforeRecordMark | undefined, date: string) =>
  m ? ` — ${md(statedLaterWords(m, date))}` : '';

/**
 * A red line in the scenario's words: not quoted, since they are not the actor's own (a list item sets it off); its
 * mark, sources and flag, then the aside when it is a version of one above, its note, and when it is stated later.
 */
function redLine(c: CardRedLine, date: string): string {
  const f = provenanceFlag(c.confirmed, c.recall);
  return `${md(c.text)}${mark(c.basis)}${sources(c.sources)}${f ? ` **${f}**` : ''}${c.version ? ` (${md(c.version)})` : ''}${c.note ? ` — ${md(c.note)}` : ''}${later(c.beforeRecord, date)}`;
}

const options = (list: readonly { label: string; value: number }[]) =>
  list.map((o) => `${md(o.label)} (${n3(o.value)})`).join('; ');

function cardMarkdown(c: BriefingCard, date: string): string[] {
  const out: string[] = [
    `## ${md(c.actor.name)} — private briefing`,
    '',
    `*For the person playing ${md(nameInSentence(c.actor))} only. The weights and values below are the scenario's assumptions about this actor.*`,
    '',
    `*${md(cardLegend(c))}*`,
    '',
  ];
  if (c.actor.description) out.push(mdLine(c.actor.description), '');
  out.push(`**Role.** ${md(c.position)}`, '', '### What you care about most', '');
  c.issues.forEach((x, k) => {
    out.push(
      `${k + 1}. **${md(x.label)}** — weight ${n3(x.weight)}${x.controls ? ' (your consent is needed to move it)' : ''}`,
      `   - best for you: ${options(x.best)}`,
      ...(x.worst.length ? [`   - worst for you: ${options(x.worst)}`] : []),
      `   - why: ${md(x.rationale)}${mark(x.basis)}${sources(x.sources)}`,
      ...(x.beforeRecord ? [`   - ${md(statedLaterWords(x.beforeRecord, date))}`] : []),
    );
  });
  if (c.indifferent.length) out.push('', `You state no preference on: ${md(c.indifferent.join(', '))}.`);
  out.push('', '### Your red lines', '');
  if (!c.redLines.length) out.push('None: you may accept any text worth more to you than no deal.');
  for (const r of c.redLines) out.push(`- ${redLine(r, date)}`);
  const nd = c.noDeal;
  out.push(
    '',
    '### Your value of no deal',
    '',
    `${n3(nd.value)}${nd.range ? ` (plausible range ${n3(nd.range[0])}–${n3(nd.range[1])})` : ''}; it ${nd.drift === 0 ? 'does not drift' : `drifts by ${signed(nd.drift)} a round — a hypothesis of the scenario${mark(nd.driftBasis)}`}. ${md(capitalise(nd.rationale))}${mark(nd.basis)}${sources(nd.sources)}`,
    '',
    '### The documents on the table',
    '',
  );
  if (!c.documents.length) out.push('No document is tabled in this scenario.');
  for (const d of c.documents) {
    const why = d.violations.length
      ? `you would reject it: it crosses your red line${d.violations.length > 1 ? 's' : ''}`
      : d.accepts
        ? `${acceptableWords(d, n3)}`
        : `you would reject it: worth ${belowPair(d.utility, d.noDeal).join(' to you, less than no deal (')}); it costs you most on ${d.costs.map((x) => `${md(x.label)} (${n3(x.cost)})`).join(', ')}`;
    out.push(
      `- **${md(d.title)}**${d.confirmed ? '' : ' **UNCONFIRMED**'} (${d.date}, tabled by ${md(d.tabledByInSentence)}${d.judgedBy.length ? `; ${md(judgedByWords(d.judgedBy))}` : ''}): ${why}${d.violations.length ? ':' : '.'}`,
    );
    for (const v of d.violations) out.push(`  - ${redLine(v, date)}`);
  }
  out.push('', "### The others' public red lines", '');
  if (!c.others.length) out.push('No other actor has stated a red line.');
  for (const o of c.others) {
    out.push(`- ${mdLine(o.name)}:`);
    for (const r of o.redLines) out.push(`  - ${redLine(r, date)}`);
  }
  if (c.heldEarlier.length) {
    out.push('', `### ${STATED_LATER}`, '', md(statedLaterIntro(date)), '');
    c.heldEarlier.forEach((r, k) => out.push(`${k + 1}. ${mdLine(r)}`));
  }
  out.push('', '### Questions to prepare', '');
  c.questions.forEach((q, k) => out.push(`${k + 1}. ${mdLine(q)}`));
  out.push('', '### Sources', '');
  if (!c.sources.length) out.push('This card cites no source.');
  for (const s of c.sources)
    out.push(
      `- **${md(s.id)}** — ${md(s.title)}${s.publisher ? `. ${md(s.publisher)}` : ''}${s.url ? ` ${mdUrl(s.url)}` : ''}${s.reliability ? `. Reliability: ${md(s.reliability)}` : ''}`,
    );
  return out;
}

export function briefingMarkdown(b: Briefing): string {
  const out: string[] = [
    `# Briefing cards — ${md(b.scenario.title)}`,
    '',
    '<!-- Generated by peacesim brief; one private card per actor. Hand each card only to the person who plays it. -->',
  ];
  for (const c of b.cards) out.push('', '---', '', ...cardMarkdown(c, b.scenario.date));
  return `${out.join('\n')}\n`;
}
