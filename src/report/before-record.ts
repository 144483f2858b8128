// Positions applied before the record of their date, told once for `show` and `timeline`: per document, each actor's
// red lines and preferences that judge it though their earliest source is later (domain/on-record.ts), with the
// scenario's reasons (heldEarlier) numbered and listed once below. A shipped scenario gives one reason for many
// positions, so a line per position would repeat the same note a hundred times. Plain words; no markup. A run (and
// its resume, report and play screen) marks the red lines its verdicts cross with the same note, its reasons
// numbered once for the scenario's date (runBeforeRecord).
import { actorInSentence } from '../domain/actor-names.ts';
import { compareDates } from '../domain/dates.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../domain/on-record.ts';
import type { Scenario } from '../domain/types.ts';
import { capitalise } from './format.ts';
import { actorName, issueLabel, listing, possessive } from './words.ts';

/** The line's lead, and the heading of the reasons. */
export const BEFORE_RECORD_LEAD = 'applied before their earliest source';
export const HELD_EARLIER_HEADING =
  "Held earlier — the scenario's reasons (heldEarlier) for applying positions before their earliest source:";

/** The scenario's reasons, numbered in the order first met; the same text is one reason whoever gives it. */
export interface Reasons {
  /** the number of the position's reason, numbering it when new; undefined when it gives none */
  numberOf(e: AppliedBeforeRecord): number | undefined;
  /** every reason numbered so far: its number, its text, and the positions met that give it */
  list(): { n: number; text: string; positions: AppliedBeforeRecord[] }[];
  /** the positions met that give no reason */
  unexplained(): AppliedBeforeRecord[];
}

const keyOf = (e: AppliedBeforeRecord) => `${e.actor}/${e.kind}/${e.id}/${e.epoch ?? ''}`;

export function reasons(): Reasons {
  const byText = new Map<string, { n: number; text: string; positions: Map<string, AppliedBeforeRecord> }>();
  const none = new Map<string, AppliedBeforeRecord>();
  return {
    numberOf(e) {
      if (e.heldEarlier === undefined) {
        none.set(keyOf(e), e);
        return undefined;
      }
      let r = byText.get(e.heldEarlier);
      if (!r) {
        r = { n: byText.size + 1, text: e.heldEarlier, positions: new Map() };
        byText.set(e.heldEarlier, r);
      }
      r.positions.set(keyOf(e), e);
      return r.n;
    },
    list: () =>
      [...byText.values()].map((r) => ({ n: r.n, text: r.text, positions: [...r.positions.values()] })),
    unexplained: () => [...none.values()],
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "5 red lines and 9 preferences", "1 preference" */
function what(list: readonly AppliedBeforeRecord[]): string {
  const lines = list.filter((e) => e.kind === 'redLine').length;
  const prefs = list.length - lines;
  return [
    ...(lines ? [`${lines} ${plural(lines, 'red line', 'red lines')}`] : []),
    ...(prefs ? [`${prefs} ${plural(prefs, 'preference', 'preferences')}`] : []),
  ].join(' and ');
}

/** "earliest source s52, 2024-06-14", "earliest sources 2024-03-01 to 2025-12", "its sources undated" */
function when(list: readonly AppliedBeforeRecord[]): string {
  const dated = list.flatMap((e) => (e.earliest ? [e.earliest] : []));
  const undated = list.length - dated.length;
  if (dated.length === 0) return plural(list.length, 'its sources undated', 'their sources undated');
  const only = dated.length === 1 ? dated[0]! : undefined;
  const sorted = dated.map((d) => d.date).sort(compareDates);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const span = only
    ? `earliest source ${only.source}, ${only.date}`
    : first === last
      ? `earliest sources ${first}`
      : `earliest sources ${first} to ${last}`;
  return undated ? `${span}; ${undated} with no dated source` : span;
}

/** "reason 1", "reasons 1 and 2", "no reason given", "reason 3; 2 with no reason given" */
function why(list: readonly AppliedBeforeRecord[], numbered: Reasons): string {
  // numbered as met, listed in order (a reason met first under another document has the lower number)
  const ns = [...new Set(list.flatMap((e) => numbered.numberOf(e) ?? []))].sort((a, b) => a - b);
  const bare = list.filter((e) => e.heldEarlier === undefined).length;
  const given = ns.length ? `${plural(ns.length, 'reason', 'reasons')} ${listing(ns.map(String))}` : '';
  const none = bare === 0 ? '' : bare === list.length ? 'no reason given' : `${bare} with no reason given`;
  return [given, none].filter(Boolean).join('; ');
}

function byActor(list: readonly AppliedBeforeRecord[]): Map<string, AppliedBeforeRecord[]> {
  const out = new Map<string, AppliedBeforeRecord[]>();
  for (const e of list) out.set(e.actor, [...(out.get(e.actor) ?? []), e]);
  return out;
}

/**
 * One document's positions applied before their earliest source, actor by actor: "Russia: red lines no-nato and
 * keep-crimea, and 14 preferences (earliest sources 2024-03-01 to 2025-12; reasons 1 and 2) · Ukraine: …"; empty
 * when there are none. Numbers the reasons it meets in `numbered`.
 */
export function beforeRecordWords(
  s: Scenario,
  list: readonly AppliedBeforeRecord[],
  numbered: Reasons,
): string {
  return [...byActor(list)]
    .map(([actor, mine]) => `${actorName(s, actor)}: ${what(mine)} (${when(mine)}; ${why(mine, numbered)})`)
    .join(' · ');
}

/**
 * One position's note, for a line that names it (a red line a verdict rests on): "applied before its earliest source
 * (s52, 2024-06-14; reason 1)".
 */
export function positionNote(e: AppliedBeforeRecord, numbered: Reasons): string {
  const source = e.earliest ? `${e.earliest.source}, ${e.earliest.date}` : 'no source of it dated';
  const n = numbered.numberOf(e);
  const reason = n === undefined ? 'no reason given' : `reason ${n}`;
  return `applied before its earliest source (${source}; ${reason})`;
}

/**
 * A position's mark as `--json` carries it (run, whatif, sweep): its earliest source and that source's date (null
 * when none of its sources carries a date), the number of the scenario's reason as the text cites it and the
 * reason's words (null when it gives none).
 */
export function beforeRecordFlag(e: AppliedBeforeRecord, numbered: Reasons) {
  return {
    earliest: e.earliest?.source ?? null,
    date: e.earliest?.date ?? null,
    reason: numbered.numberOf(e) ?? null,
    heldEarlier: e.heldEarlier ?? null,
  };
}

/**
 * The red lines of the positions in force on `date` that are applied before their earliest source, looked up by
 * actor and id: for a command that judges texts by that date's positions and names the red lines they break
 * (whatif, sweep; `appliedBeforeRecord` reads the same positions, so an id names the line judged).
 */
export function redLinesBeforeRecord(
  s: Scenario,
  date: string,
): (actor: string, redLine: string) => AppliedBeforeRecord | undefined {
  const lines = appliedBeforeRecord(s, date).filter((e) => e.kind === 'redLine');
  return (actor, redLine) => lines.find((e) => e.actor === actor && e.id === redLine);
}

/** Counts alone, for a line with no room for dates or reasons: "Russia 5 red lines and 9 preferences · Ukraine …". */
export function beforeRecordCounts(s: Scenario, list: readonly AppliedBeforeRecord[]): string {
  return [...byActor(list)].map(([actor, mine]) => `${actorName(s, actor)} ${what(mine)}`).join(' · ');
}

/** The red line's text as the scenario writes it, from the top level or the epoch that adds it. */
function redLineText(s: Scenario, e: AppliedBeforeRecord): string {
  const actor = s.actors[s.actorIndex.get(e.actor)!]!;
  const lines =
    e.epoch === undefined ? actor.redLines : actor.epochs.find((x) => x.id === e.epoch)?.addRedLines;
  return lines?.find((r) => r.id === e.id)?.text ?? e.id;
}

/** What a reason covers: "Russia's red line: Ukraine must renounce NATO membership.", "Ukraine's 8 preferences". */
function covers(s: Scenario, actor: string, mine: readonly AppliedBeforeRecord[]): string {
  const lines = mine.filter((e) => e.kind === 'redLine');
  const prefs = mine.filter((e) => e.kind === 'preference');
  const whose = possessive(actorInSentence(s, actor));
  const prefWords =
    prefs.length === 0
      ? ''
      : prefs.length === 1
        ? `preference on ${issueLabel(s, prefs[0]!.id)}`
        : `${prefs.length} preferences`;
  if (lines.length === 0) return `${whose} ${prefWords}`;
  // red lines by their words, the sentence last: nothing follows it but the reason
  const texts = lines.map((e) => redLineText(s, e)).join(' · ');
  return `${whose} ${prefWords ? `${prefWords}, and its ` : ''}${plural(lines.length, 'red line', 'red lines')}: ${texts}`;
}

/**
 * One of the numbered reasons: its number, what it covers ("Russia's red line: Ukraine must renounce NATO
 * membership.") and the scenario's words; `n` and `text` null for the positions that give no reason.
 */
export interface ReasonEntry {
  readonly n: number | null;
  readonly covers: string;
  readonly text: string | null;
}

/** The numbered reasons as entries, for markup; the positions that give none last. */
export function reasonEntries(s: Scenario, numbered: Reasons): ReasonEntry[] {
  // a part that ends a red line's sentence is followed by the next as a sentence, not by '; ' ('membership.; West's')
  const whom = (list: readonly AppliedBeforeRecord[]) =>
    [...byActor(list)]
      .map(([actor, mine]) => covers(s, actor, mine))
      .reduce(
        (out, part) =>
          out ? `${out}${out.endsWith('.') ? ` ${capitalise(part)}` : `; ${part}`}` : capitalise(part),
        '',
      );
  const given = numbered.list().map((r) => ({ n: r.n, covers: whom(r.positions), text: r.text }));
  const none = numbered.unexplained();
  // what the scenario leaves unexplained is named too (validate warns of each)
  return none.length ? [...given, { n: null, covers: whom(none), text: null }] : given;
}

/** The plain lines of reason entries: "3. Russia's red line: …" and, below it, "   Held earlier: …". */
export function reasonEntryLines(entries: readonly ReasonEntry[]): string[] {
  return entries.flatMap((r) => {
    if (r.n === null) return [`No reason given: ${r.covers}`];
    const indent = ' '.repeat(`${r.n}. `.length);
    return [`${r.n}. ${r.covers}`, `${indent}Held earlier: ${r.text}`];
  });
}

/**
 * The numbered reasons, each with what it covers and then the scenario's words (no quotation marks: a paraphrase
 * of the record, not a quotation): "3. Russia's red line: Ukraine must renounce NATO membership." and, below it,
 * "Held earlier: Neutrality outside NATO was …".
 */
export function reasonLines(s: Scenario, numbered: Reasons): string[] {
  return reasonEntryLines(reasonEntries(s, numbered));
}

/**
 * What a negotiation is judged by before the record: a run starts from the positions of the scenario's date (no
 * epoch covers it) and keeps them, so every text of `run`, `resume`, the report and the play screen is judged by
 * them. Their reasons are numbered once, in the order `appliedBeforeRecord` lists the positions (actor by actor,
 * red lines first), so that a mark means the same reason wherever a transcript of the scenario is read, and a
 * transcript that grows (the play screen) never renumbers one.
 */
export interface RunBeforeRecord {
  /** the date the run's positions are those of */
  readonly date: string;
  readonly positions: readonly AppliedBeforeRecord[];
  readonly numbered: Reasons;
  /**
   * The red line a verdict of `actor` cites, when it is one of those positions: the actor's own red line of that id
   * and text (a red line an event adds is not a position of the date)
   */
  redLine(
    actor: string,
    cited: { readonly redLine: string; readonly text: string },
  ): AppliedBeforeRecord | undefined;
}

export function runBeforeRecord(s: Scenario): RunBeforeRecord {
  const positions = appliedBeforeRecord(s, s.date);
  const numbered = reasons();
  for (const e of positions) numbered.numberOf(e);
  return {
    date: s.date,
    positions,
    numbered,
    redLine: (actor, cited) =>
      positions.find(
        (e) =>
          e.actor === actor &&
          e.kind === 'redLine' &&
          e.id === cited.redLine &&
          redLineText(s, e) === cited.text,
      ),
  };
}
