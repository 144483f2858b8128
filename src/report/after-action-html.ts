// The after-action report as one self-contained HTML page: the same model as the markdown, the timeline painted
// from the narration's lines (paint-html.ts), the utility trajectories drawn as an inline SVG chart and every source
// id linked to its entry at the end.

import { keptFlagsNote } from '../domain/flags.ts';
import {
  type AfterActionReport,
  actorNames,
  noDealSpan,
  strategiesLine,
  TRAJECTORY_KEY,
} from './after-action-model.ts';
import { utilityChart } from './chart.ts';
import { evidenceHtml } from './evidence.ts';
import { capitalise, n3 } from './format.ts';
import { esc } from './markup.ts';
import { comparisonIntro } from './nash-compare.ts';
import { noDealLine } from './no-deal-values.ts';
import {
  BLAME_INTRO,
  blameLine,
  durabilityIntro,
  factorText,
  idleFactors,
  turningPointWhen,
} from './outcome-notes.ts';
import { page } from './page.ts';
import { flagHtml as flag, htmlItems, sourceLinks, sourcesHtml } from './paint-html.ts';
import { provenanceFlag } from './words.ts';

type Names = (id: string) => string;

const flagHtml = (confirmed: boolean, recall: boolean) => flag(provenanceFlag(confirmed, recall));

const sub = (items: readonly string[]) => (items.length ? `<ul>${items.join('')}</ul>` : '');

/** The engine's blame tally (stalemate, collapse) or the signed text's durability estimate, after the outcome. */
function outcomeNotes(r: AfterActionReport, name: Names): string[] {
  const out: string[] = [];
  if (r.blame)
    out.push(
      `<div id="blame"><p><strong>Blame, as the engine counts it.</strong> ${esc(BLAME_INTRO)}</p>${
        r.blame.length
          ? sub(r.blame.map((b) => `<li>${esc(blameLine(b, name))}</li>`))
          : '<p>Nobody stood alone and nobody walked out.</p>'
      }${r.blameNote ? `<p>${esc(r.blameNote)}</p>` : ''}</div>`,
    );
  const d = r.durability;
  if (d) {
    const on = d.factors.filter((f) => f.holds);
    const idle = idleFactors(d);
    out.push(
      `<div id="durability"><p><strong>Estimated durability.</strong> ${esc(durabilityIntro(d))}${sourceLinks(d.baseSources)}</p>${
        on.length
          ? sub(
              on.map(
                (f) =>
                  `<li>${esc(factorText(f))}${sourceLinks(f.sources)}${flagHtml(f.confirmed, f.recall)}</li>`,
              ),
            )
          : '<p>No factor applies to these terms: the estimate is the base.</p>'
      }${idle ? `<p>${esc(idle)}</p>` : ''}</div>`,
    );
  }
  return out;
}

function trajectory(r: AfterActionReport, name: Names): string {
  const chart = utilityChart(
    r.trajectories.map((t) => ({ ...t, name: name(t.actor) })),
    r.rounds,
    `Utility of each round's text to each actor, rounds 1 to ${r.rounds}`,
  );
  const rounds = Array.from({ length: r.rounds }, (_, k) => k + 1);
  const mark = (a: boolean | null) => (a === null ? ' ·' : a ? ' ✓' : ' ✗');
  const rows = r.trajectories.map(
    (t) =>
      `<tr><th scope="row">${esc(name(t.actor))}</th>${rounds
        .map((k) => {
          const u = t.utility[k - 1];
          return `<td class="num">${u === null || u === undefined ? '–' : `${n3(u)}${mark(t.accepts[k - 1] ?? null)}`}</td>`;
        })
        .join('')}<td class="num">${noDealSpan(t.noDeal)}</td></tr>`,
  );
  return [
    '<figure>',
    chart,
    "<figcaption>Solid lines: the worth of each round's text to each actor; dashed: its value of no deal. Filled marker: it accepted (a proposer accepts its own text); hollow: it rejected; small dot: its consent was not asked.</figcaption>",
    '</figure>',
    `<table><thead><tr><th>actor</th>${rounds.map((k) => `<th>R${k}</th>`).join('')}<th>no deal</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    // the marks of the table are not the chart's: the key the markdown gives, here too
    `<p>${esc(TRAJECTORY_KEY)}</p>`,
  ].join('\n');
}

function comparison(r: AfterActionReport, name: Names): string {
  const which = r.finalText?.agreed ? 'agreed' : 'last';
  const parts: string[] = [];
  if (r.finalText) {
    parts.push(`<p>The ${which} text, where it differs from the status quo:</p>`);
    parts.push(
      r.finalText.terms.length
        ? sub(
            r.finalText.terms.map(
              (t) => `<li>${esc(t.label)}: <strong>${esc(t.value)}</strong>${flag(t.flag ?? '')}</li>`,
            ),
          )
        : '<p>(the status quo on every issue)</p>',
    );
    // every flagged term is as in the same document, the one last tabled: named once under the list
    const asIn = r.finalText.terms.find((t) => t.asIn)?.asIn;
    if (asIn) parts.push(`<p>${esc(keptFlagsNote(asIn))}</p>`);
  }
  parts.push(`<p>${esc(comparisonIntro(r.comparison, r.finalText?.agreed === true))}</p>`);
  const c = r.comparison;
  if (c.kind === 'nash') {
    parts.push(
      `<table><thead><tr><th>actor</th><th>${which} text</th><th>Nash solution</th></tr></thead><tbody>${c.utilities
        .map(
          (u) =>
            `<tr><th scope="row">${esc(name(u.actor))}</th><td class="num">${n3(u.text)}</td><td class="num">${n3(u.nash)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
    if (c.differ.length)
      parts.push(
        `<table><thead><tr><th>term</th><th>${which} text</th><th>Nash solution</th></tr></thead><tbody>${c.differ
          .map(
            (d) =>
              `<tr><th scope="row">${esc(d.label)}</th><td>${esc(d.text)}</td><td>${esc(d.nash)}</td></tr>`,
          )
          .join('')}</tbody></table>`,
      );
  }
  return parts.join('\n');
}

export function afterActionHtml(r: AfterActionReport): string {
  const name = actorNames(r);
  const people = r.actors.filter((a) => a.person).map((a) => a.name);
  const body = [
    '<header id="header">',
    `<h1>After-action report — ${esc(r.scenario.title)}</h1>`,
    '<table class="facts"><tbody>',
    `<tr><th scope="row">Scenario</th><td>${esc(r.scenario.title)} (<code>${esc(r.scenario.id)}</code>)</td></tr>`,
    `<tr><th scope="row">Protocol</th><td>${esc(r.protocol)}</td></tr>`,
    `<tr><th scope="row">Seed</th><td>${r.seed}</td></tr>`,
    `<tr><th scope="row">Rounds</th><td>${r.rounds} of up to ${r.maxRounds}</td></tr>`,
    `<tr><th scope="row">Strategies</th><td>${esc(strategiesLine(r))}</td></tr>`,
    `<tr><th scope="row">Values of no deal, as the scenario gives them</th><td>${esc(noDealLine(r.actors))}</td></tr>`,
    ...(r.anticipation
      ? [`<tr><th scope="row">Ratification</th><td>${esc(capitalise(r.anticipation))}</td></tr>`]
      : []),
    `<tr><th scope="row">Played by people</th><td>${people.length ? esc(people.join(', ')) : 'none'}</td></tr>`,
    '</tbody></table>',
    `<p class="outcome" id="outcome"><strong>Outcome.</strong> ${esc(r.outcome.sentence)}</p>`,
    ...outcomeNotes(r, name),
    '</header>',
    '<section id="timeline">',
    '<h2>Timeline</h2>',
    ...r.timeline.map(
      (round) =>
        `<section class="round" id="round-${round.round}"><h3>Round ${round.round}</h3><ul>${htmlItems(round.lines)}</ul></section>`,
    ),
    '</section>',
    '<section id="trajectory">',
    '<h2>Utility by round</h2>',
    trajectory(r, name),
    '</section>',
    '<section id="turning-points">',
    '<h2>Turning points</h2>',
    r.turningPoints.length
      ? `<ul>${r.turningPoints.map((p) => `<li><strong>${turningPointWhen(p.rounds)}</strong>: ${esc(p.text)}${sourceLinks(p.cites)}</li>`).join('')}</ul>`
      : '<p>No verdict changed, no inject fired and the text did not move.</p>',
    '</section>',
    '<section id="nash">',
    `<h2>The ${r.finalText?.agreed ? 'agreed' : 'last'} text and the Nash solution</h2>`,
    comparison(r, name),
    '</section>',
    '<section id="debrief">',
    '<h2>Debrief questions</h2>',
    `<ol>${r.debrief.map((q) => `<li>${esc(q)}</li>`).join('')}</ol>`,
    '</section>',
    '<section id="sources">',
    '<h2>Sources</h2>',
    sourcesHtml(r.sources),
    '</section>',
    ...evidenceHtml(r.evidence, r.heldEarlier),
  ].join('\n');
  return page(`After-action report — ${r.scenario.title}`, body);
}
