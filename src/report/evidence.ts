// The evidence under an answer, for the after-action report, `run`, `show` and `analyze`: which verdicts the
// record settles and which depend on the modeller's numbers (from `calibrate`), and "The outcome rests on:" — the
// readings and assumptions whose reversal alone changes the run's outcome (from the engine's hinges). The model
// is plain data; the functions below only lay it out (plain lines, markdown, HTML).

import { type CalibrationReport, settledOnReadings } from '../analysis/calibrate.ts';
import type { DocumentHinges } from '../analysis/hinges.ts';
import { actorInSentence } from '../domain/actor-names.ts';
import type { Scenario } from '../domain/types.ts';
import type { RestsOn, RunEnd } from '../engine/hinges.ts';
import { HELD_EARLIER_HEADING, type ReasonEntry, reasonEntryLines } from './before-record.ts';
import { esc, md } from './markup.ts';
import { recordedReactionWordsById } from './record-words.ts';
import { listing, possessive } from './words.ts';

export const RESTS_ON_HEADING = 'The outcome rests on:';

export type RestsOnSection =
  | ({ readonly computed: true } & RestsOn)
  | { readonly computed: false; readonly why: string };

interface EvidenceVerdict {
  readonly actor: string;
  readonly name: string;
  /** the name as a sentence names it ("the United States") */
  readonly inSentence: string;
  readonly verdict: 'accepts' | 'rejects' | 'depends';
  readonly decidedBy: 'red-line' | 'record' | 'ranges' | null;
  /** settled by the record, and some of the actor's recorded reactions are readings */
  readonly onReadings: boolean;
  readonly margin: readonly [number, number];
}

/** What the record says of the documents: null when the scenario records no reactions. */
export interface RecordEvidence {
  readonly recorded: number;
  /** how many of them are readings (inferred, not said) */
  readonly readings: number;
  readonly consistent: boolean;
  /** the reactions that cannot all hold, by actor name: their ids, and the same reactions worded for people */
  readonly conflicts: readonly {
    readonly actor: string;
    readonly reactions: readonly string[];
    readonly labels: readonly string[];
  }[];
  readonly documents: readonly {
    readonly id: string;
    readonly title: string;
    readonly date: string;
    readonly verdicts: readonly EvidenceVerdict[];
  }[];
  readonly settled: number;
  readonly depends: number;
}

export interface EvidenceSection {
  readonly record: RecordEvidence | null;
  readonly restsOn: RestsOnSection;
}

/** For a report whose caller did not compute the evidence (it costs a run per labelled choice). */
export const NOT_COMPUTED: EvidenceSection = {
  record: null,
  restsOn: { computed: false, why: 'not computed for this report; peacesim report SESSION computes it.' },
};

export function recordEvidence(s: Scenario, c: CalibrationReport): RecordEvidence | null {
  if (c.record.length === 0) return null;
  const name = (id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
  let settled = 0;
  let depends = 0;
  const documents = c.documents.map((d) => ({
    id: d.id,
    title: s.documents.find((x) => x.id === d.id)?.title ?? d.id,
    date: d.date,
    verdicts: Object.entries(d.verdicts).map(([actor, v]) => {
      if (v.verdict === 'depends') depends++;
      else settled++;
      return {
        actor,
        name: name(actor),
        inSentence: actorInSentence(s, actor),
        verdict: v.verdict,
        decidedBy: v.decidedBy,
        onReadings: v.decidedBy === 'record' && settledOnReadings(c, actor),
        margin: v.margin,
      };
    }),
  }));
  const conflicted = [...new Set(c.conflicts.map((x) => x.actor))];
  return {
    recorded: c.record.length,
    readings: c.record.filter((e) => e.basis === 'reading').length,
    consistent: c.consistent,
    conflicts: conflicted.map((a) => {
      const reactions = c.conflicts.filter((x) => x.actor === a).map((x) => x.id);
      return { actor: name(a), reactions, labels: reactions.map((id) => recordedReactionWordsById(s, id)) };
    }),
    documents,
    settled,
    depends,
  };
}

/** How a run ends, in the words that follow "the run ends …". */
export function outcomeWords(o: RunEnd): string {
  switch (o) {
    case 'signed':
      return 'in an agreement';
    case 'signed-ratified':
      return 'in an agreement that clears its ratification at home';
    case 'signed-unratified':
      return 'in an agreement that falls short of its ratification at home';
    case 'stalemate':
      return 'in stalemate';
    case 'collapsed':
      return 'in collapse';
    case 'waiting':
      return 'waiting for a person';
  }
}

/** How a run ends, as a short phrase (the hinges list, the evidence screen). */
export function outcomeName(o: RunEnd): string {
  return o === 'signed-ratified'
    ? 'signed, clears its ratification at home'
    : o === 'signed-unratified'
      ? 'signed, falls short of its ratification at home'
      : o === 'waiting'
        ? 'waiting for a person'
        : o;
}

/**
 * "The outcome rests on:" as plain lines, each item marked [assumption] or [reading]; with `reasons` (a run's text,
 * whose red lines applied before their earliest source cite them by number), the line on the positions applied
 * before the record closes the section and the scenario's reasons follow it, numbered.
 */
export function restsOnLines(r: RestsOnSection, reasons: readonly ReasonEntry[] = []): string[] {
  const listed = reasonEntryLines(reasons).map((l) => `    ${l}`);
  return [...restsOnHead(r, reasons.length > 0), ...listed];
}

/** The reasons' lead, after the line that counts the positions they are given for. */
const REASONS_LEAD = ' The reasons, by number:';

/** "The outcome rests on:" but for the reasons; `listed`: its last line leads to them. */
function restsOnHead(r: RestsOnSection, listed: boolean): string[] {
  if (!r.computed) return [RESTS_ON_HEADING, `  ${r.why}`, ...(listed ? [`  ${HELD_EARLIER_HEADING}`] : [])];
  const out = [RESTS_ON_HEADING];
  const ends = outcomeWords(r.outcome);
  const chosen = r.fixedStrategies.length > 0;
  const numbers = [
    ...(r.unranged
      ? [`${r.unranged} ${r.unranged === 1 ? 'weight or value of no deal' : 'weights and values of no deal'}`]
      : []),
    ...(r.unrangedThresholds
      ? [`${r.unrangedThresholds} ratification threshold${r.unrangedThresholds === 1 ? '' : 's'}`]
      : []),
  ];
  const them = r.unranged + r.unrangedThresholds === 1 ? 'it' : 'them';
  const unranged = numbers.length
    ? `the ${numbers.join(' and the ')} given without a range (nothing to reverse ${them} to)`
    : '';
  // an empty list is an answer too: one change at a time, no reading or assumption decides the outcome; its grounds
  // name what actors stated only when an actor stated something (divide-the-surplus: all the modeller's)
  const grounds = (strategies: string) => {
    const first = [r.stated > 0 ? 'what actors stated' : '', chosen ? strategies : '']
      .filter(Boolean)
      .join(', ');
    if (first && unranged) return `${first} and on ${unranged}`;
    return first || unranged || 'nothing an actor stated and no number it could reverse';
  };
  if (r.items.length === 0)
    out.push(
      r.tried === 0
        ? `  No reading or assumption here has a reversal to try: the run ends ${ends} on ${grounds('the strategies chosen for it')}.`
        : `  No reading or assumption alone changes it: with ${r.tried === 1 ? 'the only reversible one' : `any one of the ${r.tried} reversible ones`} reversed, the run still ends ${ends}. So, one change at a time, it rests on ${grounds('the strategies chosen for this run')}.`,
    );
  for (const x of r.items)
    out.push(`  [${x.basis}] ${x.label} — reversed alone, the run ends ${outcomeWords(x.outcomeIfReversed)}`);
  const counted =
    r.items.length === 0
      ? 'One run per reversal'
      : r.tried === 1
        ? 'The only reading or assumption reversed, in one run'
        : `${r.tried} readings and assumptions reversed one at a time, one run each`;
  const before = beforeRecordLine(r.beforeRecord);
  // the line on the positions applied before the record leads to their reasons when they follow: last, then
  if (before && !listed) out.push(before);
  if (r.tried > 0)
    out.push(
      `  (${counted}${notReversed(r.stated > 0, chosen)}. peacesim hinges looks for pairs and triples.)`,
    );
  if (listed) out.push(before ? `${before}${REASONS_LEAD}` : `  ${HELD_EARLIER_HEADING}`);
  return out;
}

/** What the reversals leave alone, when there is any: what actors stated, a strategy chosen for the run. */
function notReversed(stated: boolean, chosen: boolean): string {
  if (stated)
    return `; what actors stated is not reversed${chosen ? ', nor a strategy chosen for this run' : ''}`;
  return chosen ? '; a strategy chosen for this run is not reversed' : '';
}

/**
 * What actors stated only later: the positions of the run's date that rest on no source of that date or before, by
 * actor, and how many the scenario gives a reason for (`heldEarlier`). Empty when every position is on the record.
 */
function beforeRecordLine({ date, positions }: RestsOn['beforeRecord']): string {
  if (positions.length === 0) return '';
  const byActor = new Map<string, { redLines: number; preferences: number }>();
  for (const x of positions) {
    const n = byActor.get(x.actorInSentence) ?? { redLines: 0, preferences: 0 };
    if (x.kind === 'redLine') n.redLines++;
    else n.preferences++;
    byActor.set(x.actorInSentence, n);
  }
  const counts = [...byActor].map(([actor, n]) => {
    const parts = [
      ...(n.redLines ? [`${n.redLines} red line${n.redLines === 1 ? '' : 's'}`] : []),
      ...(n.preferences ? [`${n.preferences} preference${n.preferences === 1 ? '' : 's'}`] : []),
    ];
    return `${possessive(actor)} ${parts.join(' and ')}`;
  });
  const one = positions.length === 1;
  const undated = positions.filter((x) => x.earliest === undefined).length;
  const sources =
    undated === 0
      ? `${one ? 'its earliest source is' : 'their earliest sources are'} later`
      : undated === positions.length
        ? `${one ? 'its' : 'their'} sources carry no date`
        : `${positions.length - undated} with later sources, ${undated} with undated ones`;
  const unexplained = positions.filter((x) => x.heldEarlier === undefined).length;
  const why =
    unexplained === 0
      ? `the scenario gives its reason${one ? '' : ' for each'} (heldEarlier)`
      : `the scenario gives no reason for ${one ? 'it' : `${unexplained} of them`}`;
  return `  Of the positions it is judged by (those of ${date}), ${listing(counts)} ${one ? 'rests' : 'rest'} on no source dated on or before that date (${sources}): ${why}; --json lists ${one ? 'it' : 'them'} in restsOn.beforeRecord.`;
}

/** The record's evidence on the documents, as plain lines (for `analyze` and the reports). */
function recordLines(e: RecordEvidence | null): string[] {
  if (!e) return ['The scenario records no reactions: no verdict is settled by evidence (docs/evidence.md).'];
  const out = [
    `${e.recorded} recorded reaction${e.recorded === 1 ? '' : 's'}${e.readings ? ` (${e.readings} of them readings — inferred, not said; a verdict they help settle is marked [reading])` : ''}; ${e.consistent ? 'they hold together' : 'some conflict (peacesim calibrate)'}. Over every preference within the ranges that reproduces them${e.consistent ? '' : ' (those in conflict set aside)'}, ${e.settled} verdict${e.settled === 1 ? ' is' : 's are'} settled and ${e.depends} depend${e.depends === 1 ? 's' : ''} on the modeller's numbers`,
  ];
  for (const c of e.conflicts) out.push(`  In conflict, set aside: ${c.labels.join('; ')}`);
  for (const d of e.documents) {
    const dep = d.verdicts.filter((v) => v.verdict === 'depends').map((v) => v.inSentence);
    const rec = d.verdicts
      .filter((v) => v.decidedBy === 'record')
      .map((v) => `${v.inSentence} ${v.verdict}${v.onReadings ? ' [reading]' : ''}`);
    const parts = [
      ...(rec.length ? [`settled by the record: ${rec.join(', ')}`] : []),
      ...(dep.length ? [`depends on the numbers: ${dep.join(', ')}`] : []),
    ];
    if (parts.length) out.push(`  ${d.title} (${d.date}): ${parts.join('; ')}`);
  }
  // a colon only when a list follows it
  out[0] += out.length > 1 ? ':' : '.';
  return out;
}

/**
 * The report's last sections. `reasons`: the scenario's reasons for the positions its timeline is judged by before
 * their earliest source, listed under the line that leads to them (the timeline cites them by number).
 */
export function evidenceMarkdown(
  e: EvidenceSection = NOT_COMPUTED,
  reasons: readonly ReasonEntry[] = [],
): string[] {
  const rest = restsOnHead(e.restsOn, reasons.length > 0);
  return [
    '',
    '## Evidence',
    '',
    ...recordLines(e.record).map((l) => (l.startsWith('  ') ? `- ${md(l)}` : md(l))),
    '',
    `## ${RESTS_ON_HEADING}`,
    '',
    ...rest.slice(1).map((l) => (l.trim().startsWith('(') ? `\n${md(l)}` : `- ${md(l)}`)),
    // a list under the last item: numbered as cited, the positions with no reason after it
    ...reasons.map((r) =>
      r.n === null
        ? `  - No reason given: ${md(r.covers)}`
        : `  ${r.n}. ${md(r.covers)} — Held earlier: ${md(r.text ?? '')}`,
    ),
  ];
}

export function evidenceHtml(
  e: EvidenceSection = NOT_COMPUTED,
  reasons: readonly ReasonEntry[] = [],
): string[] {
  const lines = recordLines(e.record);
  const rest = restsOnHead(e.restsOn, reasons.length > 0).slice(1);
  const items = (ls: string[]) =>
    ls.length ? `<ul>${ls.map((l) => `<li>${esc(l.trim())}</li>`).join('')}</ul>` : '';
  const listed = rest.filter((l) => !l.trim().startsWith('('));
  const numbered = reasons.filter((r) => r.n !== null);
  const bare = reasons.filter((r) => r.n === null);
  // the reasons in a list under the line that leads to them, each at its number
  const reasonList = `${numbered.length ? `<ol>${numbered.map((r) => `<li value="${r.n}">${esc(r.covers)} — Held earlier: ${esc(r.text ?? '')}</li>`).join('')}</ol>` : ''}${bare.map((r) => `<p>No reason given: ${esc(r.covers)}</p>`).join('')}`;
  return [
    '<section id="evidence">',
    '<h2>Evidence</h2>',
    `<p>${esc(lines[0]!)}</p>`,
    items(lines.slice(1)),
    '</section>',
    '<section id="rests-on">',
    `<h2>${esc(RESTS_ON_HEADING)}</h2>`,
    ...(reasons.length
      ? [
          items(listed.slice(0, -1)),
          ...rest.filter((l) => l.trim().startsWith('(')).map((l) => `<p>${esc(l.trim())}</p>`),
          `<ul><li>${esc(listed.at(-1)!.trim())}${reasonList}</li></ul>`,
        ]
      : [
          items(listed),
          ...rest.filter((l) => l.trim().startsWith('(')).map((l) => `<p>${esc(l.trim())}</p>`),
        ]),
    '</section>',
  ];
}

/** What `analyze` adds: the record's evidence, and what each document's verdicts rest on. */
export interface AnalysisEvidence {
  readonly record: RecordEvidence | null;
  readonly documents: readonly DocumentHinges[];
  /** every item the hinges name: what it reverses, its basis and sources */
  readonly items: Readonly<
    Record<string, { readonly label: string; readonly basis: string; readonly sources: readonly string[] }>
  >;
}

/** The document hinges in words: for each document, the sets that flip its agreement (the first few). */
function hingeLines(s: Scenario, e: AnalysisEvidence, perDocument = 3): string[] {
  const set = (ids: readonly string[]) =>
    ids.map((id) => `[${e.items[id]!.basis}] ${e.items[id]!.label}`).join(' + ');
  const out: string[] = [];
  for (const d of e.documents) {
    const title = s.documents.find((x) => x.id === d.id)?.title ?? d.id;
    if (d.agreementHinges.length === 0) continue;
    out.push(`  ${title} (${d.date}): ${d.agreement ? 'no agreement' : 'an agreement'} if`);
    for (const h of d.agreementHinges.slice(0, perDocument)) out.push(`    ${set(h)}`);
    if (d.agreementHinges.length > perDocument)
      out.push(`    … ${d.agreementHinges.length - perDocument} more (--json, peacesim hinges)`);
  }
  if (out.length === 0)
    out.push("  no set of up to 3 readings or assumptions changes any document's agreement.");
  return out;
}

/** analyze's Evidence section as plain lines. */
export function analysisEvidenceLines(s: Scenario, e: AnalysisEvidence): string[] {
  return [
    'Evidence',
    ...recordLines(e.record).map((l) => (l.startsWith('  ') ? l : `  ${l}`)),
    "  What the documents' agreements rest on (smallest sets of readings and assumptions whose reversal flips one):",
    ...hingeLines(s, e),
  ];
}
