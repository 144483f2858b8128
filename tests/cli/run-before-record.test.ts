// run, resume, the report and the play screen say of each red line a verdict crosses, and of each red line a redraft
// moves a term for, whether the run applies it before its earliest source; --json says the same of the same lines and
// run --csv lists them (red_lines_before_record): over every shipped scenario (each has a date) and a mediated one
// whose redraft repairs such a red line, the lines the text marks are exactly those --json flags and the CSV lists,
// and exactly those appliedBeforeRecord lists for the run's date.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { actorInSentence } from '../../src/domain/actor-names.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { GLYPH, MONO_THEME } from '../../src/ui/theme.ts';
import { TranscriptWords } from '../../src/ui/transcript-words.ts';
import { parseCsv } from '../csv-reader.ts';
import { type Flag, flat, type JsonViolation, literal } from './before-record-marks.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

// every shipped scenario, so that a new one is covered too
const SHIPPED = shippedIds();
/**
 * June 2024 mediated by the coalition (a test's protocol): no shipped run has a redraft repair a red line applied
 * before its earliest source, this one repairs the coalition's own on recognition in law (earliest source 2025-11).
 */
const COALITION_MEDIATES = resolve(import.meta.dirname, '../fixtures/june-2024-coalition-mediates.yaml');

interface JsonEntry {
  kind: string;
  actor?: string;
  violations?: JsonViolation[];
  changes?: JsonChange[];
  undone?: JsonChange[];
}
interface JsonChange {
  issue: string;
  reason?: { kind: string; actor?: string; redLine?: JsonViolation };
}

/** The note a marked line ends with, as the text writes it: its source and date, and the reason's number. */
const NOTE =
  /; applied before its earliest source \((?:(\S+), (\S+)|no source of it dated); (?:reason (\d+)|no reason given)\)/;

/** Each red line cited as an item ("• …") in the transcript, and the note it carries, if any. */
function citedInText(text: string): { line: string; note: Flag | null }[] {
  const transcript = flat(text).split('The outcome rests on:')[0]!;
  return transcript
    .split('• ')
    .slice(1)
    .map((line) => {
      const m = NOTE.exec(line);
      return {
        line,
        note: m
          ? {
              earliest: m[1] ?? null,
              date: m[2] ?? null,
              reason: m[3] ? Number(m[3]) : null,
              heldEarlier: null,
            }
          : null,
      };
    });
}

/** Every red line the verdicts of --json cite, in order, with the actor whose verdict cites it. */
function citedInJson(entries: readonly JsonEntry[]): (JsonViolation & { actor: string })[] {
  return entries.flatMap((e) =>
    e.kind === 'verdict' ? (e.violations ?? []).map((v) => ({ ...v, actor: e.actor! })) : [],
  );
}

/**
 * Every red line a redraft moves a term for ("so that X's red line holds"), with the actor it names: of the moves it
 * makes, and (`undone`) of those a later move took back, which the text tells only when the text is kept.
 */
function redraftsInJson(
  entries: readonly JsonEntry[],
  of: 'changes' | 'undone',
): (JsonViolation & { actor: string })[] {
  return entries.flatMap((e) =>
    (e[of] ?? []).flatMap((c) =>
      c.reason?.kind === 'red-line' ? [{ ...c.reason.redLine!, actor: c.reason.actor! }] : [],
    ),
  );
}

/** A red line cited as the run's text writes it: its words, basis, sources and flag. */
const citation = (v: JsonViolation) =>
  flat(
    `${v.text}${v.basis && v.basis !== 'stated' ? ` [${v.basis}]` : ''}${v.sources.length ? ` [${v.sources.join(', ')}]` : ''}${v.confirmed ? '' : ' (unconfirmed)'}`,
  );

/** The note a line carries right after its citation, if any. */
function noteAfter(rest: string): Flag | null {
  const m = new RegExp(`^(?:${NOTE.source})`).exec(rest);
  return m
    ? { earliest: m[1] ?? null, date: m[2] ?? null, reason: m[3] ? Number(m[3]) : null, heldEarlier: null }
    : null;
}

/** The red lines of the run's date applied before their earliest source. */
const earlyLines = (id: string) => {
  const s = openScenario(id);
  return appliedBeforeRecord(s, s.date).filter((e) => e.kind === 'redLine');
};

describe('run: a red line applied before its earliest source, in words, in --json and in --csv', () => {
  it.each([
    ...SHIPPED.map((id) => [id, id]),
    ['the coalition mediating June 2024 (a test file)', COALITION_MEDIATES],
  ])(
    '%s: the text marks exactly the lines --json flags, --json flags exactly those appliedBeforeRecord lists, --csv lists them',
    async (_, id) => {
      const [words, json, csv] = await Promise.all([
        cli('run', id),
        cli('run', id, '--json'),
        cli('run', id, '--csv'),
      ]);
      expect(words.code).toBe(0);
      expect(json.code).toBe(0);
      expect(csv.code).toBe(0);
      const entries = JSON.parse(json.out).transcript as JsonEntry[];
      const early = earlyLines(id);
      const cited = citedInJson(entries);
      const redrafts = [...redraftsInJson(entries, 'changes'), ...redraftsInJson(entries, 'undone')];
      // --json flags a line if and only if the actor's red line of that id is applied before its earliest source,
      // whether a verdict crosses it or a redraft moves a term so that it holds
      for (const v of [...cited, ...redrafts]) {
        const e = early.find((x) => x.actor === v.actor && x.id === v.redLine);
        expect(v.appliedBeforeRecord !== undefined, `${v.actor}/${v.redLine}`).toBe(e !== undefined);
        if (e && v.appliedBeforeRecord) {
          expect(v.appliedBeforeRecord.earliest).toBe(e.earliest?.source ?? null);
          expect(v.appliedBeforeRecord.date).toBe(e.earliest?.date ?? null);
          expect(v.appliedBeforeRecord.heldEarlier).toBe(e.heldEarlier ?? null);
        }
      }
      // the text marks the same lines, in the same order, with the same source, date and reason
      const flagged = cited.filter((v) => v.appliedBeforeRecord);
      const marked = citedInText(words.out).filter((x) => x.note);
      expect(marked).toHaveLength(flagged.length);
      flagged.forEach((v, k) => {
        expect(marked[k]!.line.startsWith(v.text)).toBe(true);
        expect(marked[k]!.note).toEqual({ ...v.appliedBeforeRecord, heldEarlier: null });
      });
      // each red line a redraft's line names carries the note right after its citation exactly when --json flags it;
      // every move of --json is told (a move taken back, only when the text is kept)
      const s = openScenario(id);
      const names = s.actors.map((a) => actorInSentence(s, a.id));
      const told = [
        ...flat(words.out.split('The outcome rests on:')[0]!).matchAll(
          new RegExp(`so that (${names.map(literal).join('|')})(?:'s|') red line holds: `, 'g'),
        ),
      ].map((m) => ({
        actor: s.actors[names.indexOf(m[1]!)]!.id,
        rest: m.input.slice(m.index + m[0].length),
      }));
      expect(told.length).toBeGreaterThanOrEqual(redraftsInJson(entries, 'changes').length);
      expect(told.length).toBeLessThanOrEqual(redrafts.length);
      for (const t of told) {
        const v = redrafts.find((x) => x.actor === t.actor && t.rest.startsWith(citation(x)));
        expect(v, `${t.actor}: ${t.rest.slice(0, 80)}`).toBeDefined();
        const note = noteAfter(t.rest.slice(citation(v!).length));
        expect(note, `${v!.actor}/${v!.redLine}`).toEqual(
          v!.appliedBeforeRecord ? { ...v!.appliedBeforeRecord, heldEarlier: null } : null,
        );
      }
      // --csv: a row per verdict, its red_lines_before_record the lines of red_lines --json flags, in that order
      const [header, ...rows] = parseCsv(csv.out);
      const column = (name: string) => header!.indexOf(name);
      const verdicts = entries.filter((e) => e.kind === 'verdict');
      expect(rows).toHaveLength(verdicts.length);
      verdicts.forEach((e, k) => {
        const row = rows[k]!;
        const broken = e.violations ?? [];
        expect(row[column('red_lines')]).toBe(broken.map((v) => v.redLine).join(';'));
        expect(row[column('red_lines_before_record')], `${e.actor}, verdict ${k}`).toBe(
          broken
            .filter((v) => v.appliedBeforeRecord)
            .map((v) => v.redLine)
            .join(';'),
        );
      });
      // each reason cited is listed once, under the outcome, at the number cited, in the scenario's words
      const rests = flat(words.out).split('The outcome rests on:')[1] ?? '';
      for (const v of [...flagged, ...redrafts.filter((x) => x.appliedBeforeRecord)]) {
        const { reason, heldEarlier } = v.appliedBeforeRecord!;
        if (reason === null) continue;
        expect(rests).toMatch(
          new RegExp(`${reason}\\. (?:(?!Held earlier:).)*Held earlier: ${literal(heldEarlier!)}`),
        );
        expect(rests.split(`Held earlier: ${heldEarlier}`)).toHaveLength(2);
      }
    },
  );

  it('marks a real case: Moscow’s guarantor veto, judged in April 2022 on drafts published from March 2024', async () => {
    const out = flat((await cli('run', 'istanbul-2022')).out);
    expect(out).toMatch(
      /• Any response by the guarantors needs every guarantor's consent, Russia's included\. \[reading\] \[s89, s90, s93\]; applied before its earliest source \(s90, 2024-03-01; reason \d+\)/,
    );
    // Kyiv's bar on recognition rests on its own words of 29 March 2022 (s85): not marked
    expect(out).toMatch(/• No legal recognition as Russian of land Russia holds\. \[s85, s124, s126\](?!;)/);
    // the reasons follow the line that counts the positions: one block, not a second list
    expect(out).toContain('--json lists them in restsOn.beforeRecord. The reasons, by number: 1. ');
    expect(out.split('Held earlier —')).toHaveLength(1);
  });

  it('marks a real case of a redraft: the coalition moves the regions so that its bar on recognition in law, applied in June 2024 on sources of November 2025, holds', async () => {
    const id = COALITION_MEDIATES;
    const [words, json, csv] = await Promise.all([
      cli('run', id),
      cli('run', id, '--json'),
      cli('run', id, '--csv'),
    ]);
    const out = flat(words.out);
    const line =
      /Crimea and Sevastopol: Recognised as Russian in law → Returned to Ukraine — so that the coalition of the willing's red line holds: No recognition in law of Russian sovereignty over land Russia holds\. \[reading\] \[s36, s37, s49, merz-only-ukraine\]; applied before its earliest source \(s37, 2025-11; reason (\d+)\)/;
    const n = Number(line.exec(out)?.[1]);
    expect(n).toBeGreaterThan(0);
    // the reason is the one the coalition's verdict on the same red line cites, listed once under the outcome
    expect(out).toContain(
      `• No recognition in law of Russian sovereignty over land Russia holds. [reading] [s36, s37, s49, merz-only-ukraine]; applied before its earliest source (s37, 2025-11; reason ${n})`,
    );
    expect(out.split('The outcome rests on:')[1]).toMatch(
      new RegExp(
        `${n}\\. The coalition of the willing's [^.]*red lines?: [^]*Held earlier: For this test, the coalition's bar on recognition in law is read back`,
      ),
    );
    // --json: the same reason on the redraft's move
    const crimea = (JSON.parse(json.out).transcript as JsonEntry[])
      .flatMap((e) => (e.kind === 'revised' ? (e.changes ?? []) : []))
      .find((c) => c.issue === 'crimea' && c.reason?.actor === 'coalition');
    expect(crimea?.reason?.redLine?.appliedBeforeRecord).toMatchObject({
      earliest: 's37',
      date: '2025-11',
      reason: n,
    });
    // --csv: the coalition's verdict that crosses it lists it among its red lines and as applied before the record
    const [header, ...rows] = parseCsv(csv.out);
    const at = (name: string) => header!.indexOf(name);
    expect(
      rows.some(
        (r) =>
          r[at('actor')] === 'coalition' &&
          r[at('red_lines')] === 'no-recognition-in-law' &&
          r[at('red_lines_before_record')] === 'no-recognition-in-law',
      ),
    ).toBe(true);
  });

  it('says nothing where every red line a verdict crosses is on the record of the run’s date', async () => {
    const out = (await cli('run', 'tutorial-bilateral')).out;
    expect(out).not.toContain('applied before its earliest source');
    expect(out).not.toContain('The reasons, by number');
  });
});

describe('resume, the report and the play screen mark the same lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-before-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['istanbul-2022', 'istanbul-2022'],
    ['the coalition mediating June 2024', COALITION_MEDIATES],
  ])(
    'resume prints the marks and reasons of the run it replays, and its --csv the same rows (%s)',
    async (_, id) => {
      const file = join(dir, `${_}.json`);
      const first = await cli('run', id, '--save', file);
      const again = await cli('resume', file);
      const marks = (t: string) => flat(t).match(new RegExp(NOTE.source, 'g')) ?? [];
      expect(marks(again.out).length).toBeGreaterThan(0);
      expect(marks(again.out)).toEqual(marks(first.out));
      expect((await cli('resume', file, '--csv')).out).toBe((await cli('run', id, '--csv')).out);
    },
  );

  it('the report (markdown and HTML) marks a redraft’s red line as the run does', async () => {
    const file = join(dir, 'coalition.json');
    await cli('run', COALITION_MEDIATES, '--save', file);
    const json = JSON.parse((await cli('run', COALITION_MEDIATES, '--json')).out);
    const crossed = citedInJson(json.transcript).filter((v) => v.appliedBeforeRecord).length;
    const moved = redraftsInJson(json.transcript, 'changes').filter((v) => v.appliedBeforeRecord).length;
    const undone = redraftsInJson(json.transcript, 'undone').filter((v) => v.appliedBeforeRecord).length;
    expect(moved).toBeGreaterThan(0);
    for (const format of ['md', 'html']) {
      const notes = flat((await cli('report', file, '--format', format)).out).match(
        new RegExp(NOTE.source, 'g'),
      );
      expect(notes!.length, format).toBeGreaterThanOrEqual(crossed + moved);
      expect(notes!.length, format).toBeLessThanOrEqual(crossed + moved + undone);
    }
    const md = flat((await cli('report', file, '--format', 'md')).out);
    expect(md).toMatch(
      /so that the coalition of the willing's red line holds: No recognition in law of Russian sovereignty over land Russia holds\. \\\[reading\\\] \(sources: \[s36\]\(#src-s36\)[^;]*; applied before its earliest source \(s37, 2025-11; reason \d+\)/,
    );
  });

  it('the report (markdown and HTML) marks each flagged line and lists the reasons under what the outcome rests on', async () => {
    // istanbul-2022: its run crosses red lines read from drafts published in 2024 (Moscow's guarantor veto, Kyiv's floor)
    const file = join(dir, 'istanbul.json');
    await cli('run', 'istanbul-2022', '--save', file);
    const json = JSON.parse((await cli('run', 'istanbul-2022', '--json')).out);
    const flagged = citedInJson(json.transcript).filter((v) => v.appliedBeforeRecord);
    expect(flagged.length).toBeGreaterThan(0);
    const md = (await cli('report', file, '--format', 'md')).out;
    const html = (await cli('report', file, '--format', 'html')).out;
    expect(flat(md).match(new RegExp(NOTE.source, 'g'))).toHaveLength(flagged.length);
    expect(flat(html).match(new RegExp(NOTE.source, 'g'))).toHaveLength(flagged.length);
    const rests = md.split('## The outcome rests on:')[1]!;
    for (const v of flagged) {
      const { reason, heldEarlier } = v.appliedBeforeRecord!;
      expect(rests).toContain(`  ${reason}. `);
      expect(flat(rests)).toContain(heldEarlier!);
    }
    expect(html).toMatch(/<ol><li value="1">/);
  });

  it('the play screen marks each flagged line with † and the reason’s number, and shows the legend only then', () => {
    for (const id of ['istanbul-2022', 'tutorial-bilateral', COALITION_MEDIATES]) {
      const s = openScenario(id);
      const transcript = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
      const early = (actor: string, redLine: string) =>
        appliedBeforeRecord(s, s.date).some(
          (x) => x.actor === actor && x.kind === 'redLine' && x.id === redLine,
        );
      const flagged = transcript.flatMap((e) =>
        e.kind === 'verdict' ? e.violations.filter((v) => early(e.actor, v.redLine)) : [],
      );
      // a redraft's moves are told (and those a later move took back, when the text is kept)
      const redrafted = (of: 'changes' | 'undone') =>
        transcript.flatMap((e) =>
          (e.kind === 'revised' ? (e[of] ?? []) : []).filter(
            (c) => c.reason?.kind === 'red-line' && early(c.reason.actor, c.reason.redLine.redLine),
          ),
        );
      const { lines, legend } = new TranscriptWords(s, MONO_THEME).withLegend(transcript);
      const marks = lines.flatMap((l) => l.spans.filter((x) => x.text.startsWith(` ${GLYPH.before}`)));
      expect(marks.length, id).toBeGreaterThanOrEqual(flagged.length + redrafted('changes').length);
      expect(marks.length, id).toBeLessThanOrEqual(
        flagged.length + redrafted('changes').length + redrafted('undone').length,
      );
      if (id === COALITION_MEDIATES) expect(redrafted('changes').length).toBeGreaterThan(0);
      for (const m of marks) expect(m.text).toMatch(/^ †\d+$/);
      expect(legend === null, id).toBe(marks.length === 0);
      if (legend)
        expect(legend.map((x) => x.text).join('')).toContain('applied before their earliest source');
    }
  });
});
