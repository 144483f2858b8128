// The texts on the table, in words: a document tabled, a proposal, a mediator's revision, the terms that moved
// and why each moved (the red line it repairs, the rule, whose consent, whose ask, the redraft to the frontier).

import { termVariants } from '../../analysis/contested.ts';
import { inQuotes } from '../../domain/text.ts';
import type { TermSheet } from '../../engine/terms.ts';
import type { ChangeReasonEntry, TermChangeEntry, TranscriptEntry } from '../../engine/transcript.ts';
import { termVariantWords } from '../contested-terms.ts';
import { n3 } from '../format.ts';
import { documentTermFlag, possessive } from '../words.ts';
import { holdingOut, stepTowards } from './phrases.ts';
import { type Flag, flag, type Line, line, type Span, say, span } from './spans.ts';
import type { Voice } from './voice.ts';

type Entry<K extends TranscriptEntry['kind']> = Extract<TranscriptEntry, { kind: K }>;

/**
 * The actors of `ids` the transcript shows rejecting the last text they answered, naming what to change: the
 * only ones a redraft may be said to meet (the mediator's `meets` counts every actor whose stated demand the
 * text meets, including those that had accepted).
 */
function askedFor(before: readonly TranscriptEntry[], ids: readonly string[]): Entry<'verdict'>[] {
  return ids.flatMap((id) => {
    const last = before.findLast((x) => x.kind === 'verdict' && x.actor === id);
    return last?.kind === 'verdict' && !last.accepts && last.asks.length > 0 ? [last] : [];
  });
}

/**
 * The redraft's words when a person is among those it meets: a person holds out for nothing of its own (its
 * answer is its choice), and one that named no terms asked for none — the engine took those that cost it most.
 */
function frontierForPeople(v: Voice, askers: readonly Entry<'verdict'>[]): string {
  const many = askers.length > 1;
  const names = (vs: readonly Entry<'verdict'>[]) => v.names(vs.map((x) => x.actor));
  const bots = askers.filter((x) => x.human !== true);
  const named = askers.filter((x) => x.asksDefaulted !== true);
  const defaulted = askers.filter((x) => x.asksDefaulted === true);
  const none = (vs: readonly Entry<'verdict'>[]) => `${vs.length > 1 ? 'they' : 'it'} named none`;
  const moved = !defaulted.length
    ? `some of the terms ${many ? 'they' : 'it'} asked to change`
    : !named.length
      ? `some of the terms that cost ${many ? 'them' : 'it'} most (${none(defaulted)})`
      : `some of the terms ${names(named)} asked to change and that cost ${names(defaulted)} most (${none(defaulted)})`;
  const toward = many ? `the way of ${names(askers)}` : `${names(askers)}'s way`;
  const held = bots.length ? `what ${names(bots)} held out for` : '';
  return v.report
    ? `a redraft towards the nearest text every required actor prefers to no deal${held ? `, meeting ${held}` : ''}, moving ${toward} ${moved}`
    : `to reach the nearest text that every required actor prefers to no deal${held ? ` and that meets ${held}` : ''}, moving ${toward} ${moved} and none against ${many ? 'them' : 'it'}`;
}

function reason(v: Voice, r: ChangeReasonEntry, before: readonly TranscriptEntry[]): Span[] {
  switch (r.kind) {
    case 'red-line':
      return [
        span(`so that ${possessive(v.name(r.actor))} red line holds: `),
        ...v.citation(r.redLine),
        ...v.beforeRecordNote(r.actor, r.redLine),
      ];
    case 'rule':
      return [
        span(v.report ? 'so that a rule of the scenario holds: ' : 'so that the rule holds: '),
        ...v.citation(r.rule),
      ];
    case 'consent':
      return [span(`left at the status quo, so ${possessive(v.name(r.actor))} consent is no longer needed`)];
    case 'ask':
      // that the text left the actor below no deal, and what the term cost it, are private numbers
      return [span(stepTowards(v.name(r.actor), v.public ? null : r.cost))];
    case 'frontier': {
      // what the redraft is said to give is what it does: the worth each held out for, some of the terms it
      // asked to change moved its way and none against it (agents/redraft.ts) — not every term it asked for
      const verdicts = askedFor(before, r.meets);
      if (verdicts.some((x) => x.human === true)) return [span(frontierForPeople(v, verdicts))];
      const askers = verdicts.map((x) => x.actor);
      const who = v.names(askers);
      const many = askers.length > 1;
      const moved = `some of the terms ${many ? 'they' : 'it'} asked to change`;
      if (v.report)
        return [
          span(
            `a redraft towards the nearest text every required actor prefers to no deal${askers.length ? `, meeting what ${who} held out for and moving ${moved} ${many ? 'their' : 'its'} way` : ''}`,
          ),
        ];
      return [
        span(
          `to reach the nearest text that every required actor prefers to no deal${askers.length ? ` and that meets what ${who} held out for, moving ${many ? 'their' : 'its'} way ${moved} and none against ${many ? 'them' : 'it'}` : ''}`,
        ),
      ];
    }
  }
}

/**
 * A term that moves: from → to, and why. With the tabled document it moves to, the term it takes is the document's and
 * carries its flag when the record does not settle it (documentTermFlag).
 */
function change(
  v: Voice,
  c: TermChangeEntry,
  indent: number,
  before: readonly TranscriptEntry[] = [],
  document?: string,
): Line {
  const doc = document === undefined ? undefined : v.scenario.documents.find((d) => d.id === document);
  return line(
    [
      span(`${v.issue(c.issue)}: `, 'term'),
      span(`${v.option(c.issue, c.from)} → `),
      span(v.option(c.issue, c.to), 'changed'),
      ...flag(documentTermFlag(doc, v.scenario.issueIndex.get(c.issue) ?? -1)),
      ...(c.reason ? [span(' — ', 'aside'), ...reason(v, c.reason, before)] : []),
    ],
    indent,
  );
}

/**
 * The terms of a sheet that differ from the status quo (the report marks each as its text's). With the tabled
 * document they come from, a term the record does not settle carries its flag, as a red line does (a text the
 * record does not settle at all has the flag on its title instead).
 */
export function terms(
  v: Voice,
  sheet: TermSheet,
  indent: number,
  document?: string,
  /** the last text's: each term's flag kept from the document it descends from (last-text-flags.ts) */
  kept?: ReadonlyMap<string, { readonly flag: Flag }>,
): Line[] {
  const doc = document === undefined ? undefined : v.scenario.documents.find((d) => d.id === document);
  return v.scenario.issues
    .filter(
      (x) => sheet[x.id] !== undefined && v.option(x.id, sheet[x.id]!) !== x.options[x.statusQuo]!.label,
    )
    .map((x) =>
      line(
        [
          span(`${x.label}: `, 'term'),
          span(v.option(x.id, sheet[x.id]!), v.report ? 'changed' : undefined),
          ...flag(kept ? (kept.get(x.id)?.flag ?? null) : documentTermFlag(doc, x.index)),
        ],
        indent,
      ),
    );
}

/** The report's lines of a text: one sentence, then the terms (the whole text the first time, else the moves). */
function reportText(
  v: Voice,
  sentence: (tail: string) => string,
  e: Entry<'tabled' | 'proposal' | 'revised'>,
  before: readonly TranscriptEntry[] = [],
) {
  const document = e.kind === 'tabled' ? e.document : undefined;
  const moves = e.terms
    ? terms(v, e.terms, 4, document)
    : e.changes.map((c) => change(v, c, 4, before, document));
  const tail = e.terms
    ? 'Its terms, where they differ from the status quo:'
    : moves.length
      ? 'Terms that move:'
      : 'No term moves.';
  return { moves, head: say(sentence(tail)) };
}

/** The lines under a tabled text whose terms the record reports otherwise: the negotiation reads it as tabled. */
export const CONTESTED_TABLED =
  'The record holds another report of these terms; the negotiation reads the text as tabled:';

function variantLines(v: Voice, document: string, indent: number): Line[] {
  const d = v.scenario.documents.find((x) => x.id === document);
  const variants = d ? termVariants(v.scenario, d) : [];
  if (!variants.length) return [];
  return [
    say(CONTESTED_TABLED, 'aside', indent - 2),
    ...variants.map((x) => say(termVariantWords(v.scenario, x), 'aside', indent)),
  ];
}

export function tabled(v: Voice, e: Entry<'tabled'>): Line[] {
  // every voice flags a text the record does not settle, as it flags such a red line
  const unsettled = v.scenario.documents.find((d) => d.id === e.document)?.confirmed === false;
  // and names each term of it the record reports otherwise, since every verdict on it reads one version
  const variants = (indent: number) => variantLines(v, e.document, indent);
  if (v.report) {
    const doc = `${inQuotes(e.title)}${unsettled ? ' (unconfirmed)' : ''} (${e.date})`;
    const how =
      e.trigger === 'opening'
        ? `opens with ${doc}.`
        : `tables ${doc} (${e.trigger === 'event' ? 'a scheduled event' : 'an inject'}).`;
    const r = reportText(v, (tail) => `${v.nameAtStart(e.by)} ${how} ${tail}`, e);
    return [r.head, ...r.moves, ...variants(4)];
  }
  const how =
    e.trigger === 'opening'
      ? 'opens with'
      : e.trigger === 'event'
        ? 'tables (a scheduled event)'
        : 'tables (an inject)';
  const head = line([
    span(`${v.nameAtStart(e.by)} ${how} `),
    span(inQuotes(e.title), 'term'),
    ...flag(unsettled ? 'UNCONFIRMED' : null),
    span(v.run ? ` (${e.date}).` : ` (${e.date})`, 'aside'),
  ]);
  // the run introduces the list and sets it deeper
  const deep = v.run ? 6 : 4;
  const intro = (text: string) => (v.run ? [say(text, undefined, 4)] : []);
  if (e.terms)
    return [
      head,
      ...intro('Its terms, where they differ from the status quo:'),
      ...terms(v, e.terms, deep, e.document),
      ...variants(deep),
    ];
  if (!e.changes.length) return [head, say('It changes nothing.', 'aside', 4), ...variants(deep)];
  return [
    head,
    ...intro('It changes:'),
    ...e.changes.map((c) => change(v, c, deep, [], e.document)),
    ...variants(deep),
  ];
}

export function proposal(v: Voice, e: Entry<'proposal'>): Line[] {
  const who = v.whoAtStart(e.actor, e.human);
  if (v.report) {
    const r = reportText(
      v,
      (tail) =>
        `${who} proposes a text worth ${n3(e.utility)} to it${v.person(e.actor, e.human) ? '' : holdingOut(e.aspiration)}. ${tail}`,
      e,
    );
    return [r.head, ...r.moves];
  }
  // a person's proposal has no aspiration of its own (the engine records its worth)
  const head = v.public
    ? say(`${who} proposes a text:`)
    : line([
        span(`${who} proposes a text worth ${n3(e.utility)} to it`),
        ...(v.person(e.actor, e.human) ? [] : [span(holdingOut(e.aspiration), 'aside')]),
        ...(v.run ? [span(':')] : []),
      ]);
  if (e.terms) return [head, ...terms(v, e.terms, 4)];
  return [
    head,
    ...(e.changes.length
      ? e.changes.map((c) => change(v, c, 4))
      : [say(`the same text as before${v.run ? '.' : ''}`, 'aside', 4)]),
  ];
}

/**
 * Why a mediator keeps the text when its search would only go back (engine/memory.ts): what counts as new is named,
 * since the values of no deal may have drifted in the same round, which the mediator does not count.
 */
const NOTHING_NEW =
  'it has nothing new to offer — every change it could make would undo one of its own or bring back a text already tabled, and nothing new has come since: no event, inject or walk-out, and no actor answering the same text another way';

/** Why a mediator keeps the text when each change it made this round was taken back by a later one. */
const TAKEN_BACK = 'each change it made this round, a later one took back';

/** The moves a later move took back, told with their reasons: why the text stayed the same. */
function undoneLines(v: Voice, who: string, e: Entry<'revised'>, before: readonly TranscriptEntry[]): Line[] {
  return [
    say(`${who} keeps the text: ${TAKEN_BACK}:`),
    ...(e.undone ?? []).map((c) => change(v, c, 4, before)),
  ];
}

export function revised(v: Voice, e: Entry<'revised'>, before: readonly TranscriptEntry[]): Line[] {
  if (v.report) {
    const who = v.whoAtStart(e.actor, e.human);
    const keeps = e.unmet.length
      ? `: no change for ${v.names(e.unmet)} keeps every red line, leaves nobody below no deal and keeps its own aspiration (${n3(e.aspiration)})`
      : '';
    const told = reportText(v, (tail) => `${who} revises the text. ${tail}`, e, before);
    // as in the run, a redraft to the frontier is told once, with its reason, after the local changes
    const moved = local(e);
    const redrafted = redraft(e);
    const r = redrafted.length
      ? {
          head: told.head,
          moves: [
            ...moved.map((c) => change(v, c, 4, before)),
            ...redraftLines(v, redrafted, before, 6, moved.length ? 'Then ' : ''),
          ],
        }
      : told;
    if (!r.moves.length && e.nothingNew) return [say(`${who} keeps the text: ${NOTHING_NEW}.`)];
    if (!r.moves.length && e.undone?.length && !e.unmet.length) return undoneLines(v, who, e, before);
    return r.moves.length ? [r.head, ...r.moves] : [say(`${who} keeps the text${keeps}.`)];
  }
  if (e.changes.length === 0) {
    if (e.nothingNew)
      return [
        say(`${v.run ? v.nameAtStart(e.actor) : v.whoAtStart(e.actor)} keeps the text: ${NOTHING_NEW}.`),
      ];
    if (e.undone?.length && !e.unmet.length)
      return undoneLines(v, v.run ? v.nameAtStart(e.actor) : v.whoAtStart(e.actor), e, before);
    const unmet = e.unmet.length
      ? `: it finds no change for ${v.names(e.unmet)} that ${v.run ? `breaks no red line, leaves nobody below no deal and keeps its own aspiration (${n3(e.aspiration)})` : 'keeps every red line and its own aspiration'}`
      : '';
    return [say(`${v.run ? v.nameAtStart(e.actor) : v.whoAtStart(e.actor)} keeps the text${unmet}.`)];
  }
  const who = v.whoAtStart(e.actor, e.human);
  // the run and the screen tell a redraft to the frontier once, with its reason, after the local changes (the
  // screen repeated its long reason on every term it moved: eight times over in one revision)
  const moved = local(e);
  const redrafted = redraft(e);
  const lines = moved.length
    ? [say(`${who} revises the text:`), ...moved.map((c) => change(v, c, 4, before))]
    : [];
  if (redrafted.length) {
    if (moved.length) lines.push(...redraftLines(v, redrafted, before, 6, 'and, '));
    else {
      const why = reason(v, redrafted[0]!.reason!, before);
      lines.push(
        line([span(`${who} revises the text, `), ...why, span(':')]),
        ...redrafted.map((c) => change(v, { issue: c.issue, from: c.from, to: c.to }, 4)),
      );
    }
  }
  return lines;
}

type Change = Entry<'revised'>['changes'][number];
/** The changes a revision makes for reasons of their own (repairs, red lines, asks). */
const local = (e: Entry<'revised'>): Change[] => e.changes.filter((c) => c.reason?.kind !== 'frontier');
/** The changes of a redraft to the frontier, which share one reason. */
const redraft = (e: Entry<'revised'>): Change[] => e.changes.filter((c) => c.reason?.kind === 'frontier');

/** A redraft told once: its reason on one line ("and, to reach …:"), then the terms it moves, under it. */
function redraftLines(
  v: Voice,
  changes: readonly Change[],
  before: readonly TranscriptEntry[],
  termIndent: number,
  lead: string,
): Line[] {
  const why = reason(v, changes[0]!.reason!, before);
  const [first, ...rest] = why;
  // with no lead, the reason opens the line: its first letter a capital
  const opening =
    lead || !first
      ? why
      : [{ ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest];
  return [
    line([...(lead ? [span(lead)] : []), ...opening, span(':')], 4),
    ...changes.map((c) => change(v, { issue: c.issue, from: c.from, to: c.to }, termIndent)),
  ];
}
