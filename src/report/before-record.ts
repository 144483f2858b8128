// Positions applied before the record of their date, told once for `show` and `timeline`: per document, each actor's
// red lines and preferences that judge it though their earliest source is later (domain/on-record.ts), with the
// scenario's reasons (heldEarlier) numbered and listed once below. A shipped scenario gives one reason for many
// positions, so a line per position would repeat the same note a hundred times. Plain words; no markup.
import { compareDates } from '../domain/dates.ts';
import type { AppliedBeforeRecord } from '../domain/on-record.ts';
import type { Scenario } from '../domain/types.ts';
import { actorName, listing } from './words.ts';

/** The line's lead, and the heading of the reasons. */
export const BEFORE_RECORD_LEAD = 'applied before their earliest source';
export const HELD_EARLIER_HEADING =
  "Held earlier — the scenario's reasons (heldEarlier) for applying positions before their earliest source:";

/** The scenario's reasons, numbered in the order first met; the same text is one reason whoever gives it. */
export interface Reasons {
  /** the reason's number, numbering it when new */
  numberOf(actor: string, text: string): number;
  /** every reason numbered so far: its number, the actors that give it, its text */
  list(): { n: number; actors: string[]; text: string }[];
}

export function reasons(): Reasons {
  const byText = new Map<string, { n: number; actors: string[]; text: string }>();
  return {
    numberOf(actor, text) {
      let r = byText.get(text);
      if (!r) {
        r = { n: byText.size + 1, actors: [], text };
        byText.set(text, r);
      }
      if (!r.actors.includes(actor)) r.actors.push(actor);
      return r.n;
    },
    list: () => [...byText.values()],
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "red lines a and b, and 14 preferences", "preference on crimea" */
function what(list: readonly AppliedBeforeRecord[]): string {
  const lines = list.filter((e) => e.kind === 'redLine').map((e) => e.id);
  const prefs = list.filter((e) => e.kind === 'preference').map((e) => e.id);
  const parts = [
    ...(lines.length ? [`${plural(lines.length, 'red line', 'red lines')} ${listing(lines)}`] : []),
    ...(prefs.length === 0
      ? []
      : prefs.length <= 3
        ? [`${plural(prefs.length, 'preference on', 'preferences on')} ${listing(prefs)}`]
        : [`${prefs.length} preferences`]),
  ];
  return parts.join(lines.length > 1 ? ', and ' : ' and ');
}

/** "earliest source putin-2024, 2024-06-14", "earliest sources 2024-03-01 to 2025-12", "sources undated" */
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
function why(actor: string, list: readonly AppliedBeforeRecord[], numbered: Reasons): string {
  const ns = [
    ...new Set(
      list.flatMap((e) => (e.heldEarlier === undefined ? [] : [numbered.numberOf(actor, e.heldEarlier)])),
    ),
  ];
  const bare = list.filter((e) => e.heldEarlier === undefined).length;
  const given = ns.length ? `${plural(ns.length, 'reason', 'reasons')} ${listing(ns.map(String))}` : '';
  const none = bare === 0 ? '' : bare === list.length ? 'no reason given' : `${bare} with no reason given`;
  return [given, none].filter(Boolean).join('; ');
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
  const byActor = new Map<string, AppliedBeforeRecord[]>();
  for (const e of list) byActor.set(e.actor, [...(byActor.get(e.actor) ?? []), e]);
  return [...byActor]
    .map(
      ([actor, mine]) =>
        `${actorName(s, actor)}: ${what(mine)} (${when(mine)}; ${why(actor, mine, numbered)})`,
    )
    .join(' · ');
}

/**
 * One position's note, for a line that names it (a red line a verdict rests on): "applied before its earliest source
 * (s52, 2024-06-14; reason 1)".
 */
export function positionNote(e: AppliedBeforeRecord, numbered: Reasons): string {
  const source = e.earliest ? `${e.earliest.source}, ${e.earliest.date}` : 'no source of it dated';
  const reason =
    e.heldEarlier === undefined ? 'no reason given' : `reason ${numbered.numberOf(e.actor, e.heldEarlier)}`;
  return `applied before its earliest source (${source}; ${reason})`;
}

/** Counts alone, for a line with no room for ids or reasons: "Russia 5 red lines, 9 preferences · Ukraine 8 preferences". */
export function beforeRecordCounts(s: Scenario, list: readonly AppliedBeforeRecord[]): string {
  const byActor = new Map<string, AppliedBeforeRecord[]>();
  for (const e of list) byActor.set(e.actor, [...(byActor.get(e.actor) ?? []), e]);
  return [...byActor]
    .map(([actor, mine]) => {
      const lines = mine.filter((e) => e.kind === 'redLine').length;
      const prefs = mine.length - lines;
      const parts = [
        ...(lines ? [`${lines} ${plural(lines, 'red line', 'red lines')}`] : []),
        ...(prefs ? [`${prefs} ${plural(prefs, 'preference', 'preferences')}`] : []),
      ];
      return `${actorName(s, actor)} ${parts.join(', ')}`;
    })
    .join(' · ');
}

/** The numbered reasons, one line each: "1. Russia: <the reason>" (no quotation marks: the scenario's words). */
export function reasonLines(s: Scenario, numbered: Reasons): string[] {
  return numbered.list().map((r) => `${r.n}. ${listing(r.actors.map((a) => actorName(s, a)))}: ${r.text}`);
}
