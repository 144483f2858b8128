// What a command's marks of red lines applied before their earliest source must be, for the tests of whatif, sweep
// and concessions: the note in the words, the flag in --json, and the reasons listed once at the text's end.
import { expect } from 'vitest';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import type { Scenario } from '../../src/domain/types.ts';

/** The text as one line: wrapping breaks only between words, so this reads it as written. */
export const flat = (t: string) => t.replace(/\s+/g, ' ');
export const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Flag {
  earliest: string | null;
  date: string | null;
  reason: number | null;
  heldEarlier: string | null;
}
export interface JsonViolation {
  redLine: string;
  text: string;
  basis?: string;
  sources: string[];
  confirmed: boolean;
  appliedBeforeRecord?: Flag;
}

/** The note a marked line ends with, as run's text writes it. */
export const NOTE =
  /; applied before its earliest source \((?:\S+, \S+|no source of it dated); (?:reason \d+|no reason given)\)/g;
const noteOf = (f: Flag) =>
  `; applied before its earliest source (${f.earliest === null ? 'no source of it dated' : `${f.earliest}, ${f.date}`}; ${f.reason === null ? 'no reason given' : `reason ${f.reason}`})`;

/** The red lines of `date`'s positions applied before their earliest source. */
export const earlyLines = (s: Scenario, date: string) =>
  appliedBeforeRecord(s, date).filter((e) => e.kind === 'redLine');

/** --json flags the line exactly when appliedBeforeRecord lists the actor's red line of that id, with its source. */
export function expectFlag(s: Scenario, date: string, actor: string, v: JsonViolation): void {
  const e = earlyLines(s, date).find((x) => x.actor === actor && x.id === v.redLine);
  expect(v.appliedBeforeRecord !== undefined, `${actor}/${v.redLine} on ${date}`).toBe(e !== undefined);
  if (e && v.appliedBeforeRecord)
    expect(v.appliedBeforeRecord).toMatchObject({
      earliest: e.earliest?.source ?? null,
      date: e.earliest?.date ?? null,
      heldEarlier: e.heldEarlier ?? null,
    });
}

/** Each reason the words cite, listed once below the heading at the number cited, in the scenario's words. */
export function expectReasonsListed(text: string, cited: readonly Flag[]): void {
  const [, listing = ''] = text.split("Held earlier — the scenario's reasons (heldEarlier)");
  expect(listing === '', 'a listing exactly when a line is marked').toBe(cited.length === 0);
  const numbers = [...new Set(cited.flatMap((f) => f.reason ?? []))].sort((a, b) => a - b);
  // numbered as the text names the lines: 1, 2, … with no gap
  expect(numbers).toEqual(numbers.map((_, k) => k + 1));
  for (const f of cited) {
    if (f.reason === null) continue;
    expect(listing).toMatch(
      new RegExp(` ${f.reason}\\. (?:(?!Held earlier:).)*Held earlier: ${literal(f.heldEarlier!)}`),
    );
    expect(listing.split(`Held earlier: ${f.heldEarlier}`)).toHaveLength(2);
  }
}

/** A red line as whatif's words cite it: its words, basis, sources and whether it is confirmed. */
export const whatIfCitation = (v: JsonViolation) =>
  flat(
    `${v.text}${v.basis && v.basis !== 'stated' ? ` [${v.basis}]` : ''}${v.sources.length ? ` [${v.sources.join(', ')}]` : ''}${v.confirmed ? '' : ' (unconfirmed)'}`,
  );
export const cited = (cite: (v: JsonViolation) => string, v: JsonViolation) =>
  `${cite(v)}${v.appliedBeforeRecord ? noteOf(v.appliedBeforeRecord) : ''}`;

/** The aside the later of two versions of one contested fact carries (tests/cli/red-line-items.test.ts words it). */
const ASIDE = String.raw`(?: \((?:a reading of|stated; )[^()]*\))?`;

/**
 * A pattern for an actor's red lines as the words list them, flattened: "red line: – …" for one, "red lines: 1. …
 * 2. …" for more, each cited, any aside after its citation, its note after that, and no note where it has none.
 */
export function listed(cite: (v: JsonViolation) => string, vs: readonly JsonViolation[]): string {
  const items = vs.map(
    (v, k) =>
      `${vs.length > 1 ? `${k + 1}\\. ` : '– '}${literal(cite(v))}${ASIDE}${v.appliedBeforeRecord ? literal(noteOf(v.appliedBeforeRecord)) : '(?!; applied)'}`,
  );
  return `red line${vs.length > 1 ? 's' : ''}: ${items.join(' ')}`;
}
