// run, resume, the report and the play screen say of each red line a verdict crosses whether the run applies it before
// its earliest source, and --json says the same of the same lines: over every shipped scenario (each has a date), the
// lines the text marks are exactly those --json flags, and exactly those appliedBeforeRecord lists for the run's date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { GLYPH, MONO_THEME } from '../../src/ui/theme.ts';
import { TranscriptWords } from '../../src/ui/transcript-words.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
/** The text as one line: wrapping breaks only between words, so this reads it as written. */
const flat = (t: string) => t.replace(/\s+/g, ' ');
const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// every shipped scenario, so that a new one is covered too
const SHIPPED = shippedIds();

interface Flag {
  earliest: string | null;
  date: string | null;
  reason: number | null;
  heldEarlier: string | null;
}
interface JsonViolation {
  redLine: string;
  text: string;
  appliedBeforeRecord?: Flag;
}
interface JsonEntry {
  kind: string;
  actor?: string;
  violations?: JsonViolation[];
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

describe('run: a crossed red line applied before its earliest source, in words and in --json', () => {
  it.each(SHIPPED)(
    '%s: the text marks exactly the lines --json flags, and --json flags exactly those appliedBeforeRecord lists',
    async (id) => {
      const s = openScenario(id);
      const [words, json] = await Promise.all([cli('run', id), cli('run', id, '--json')]);
      expect(words.code).toBe(0);
      expect(json.code).toBe(0);
      const entries = JSON.parse(json.out).transcript as JsonEntry[];
      const early = appliedBeforeRecord(s, s.date).filter((e) => e.kind === 'redLine');
      const cited = citedInJson(entries);
      // --json flags a line if and only if the actor's red line of that id is applied before its earliest source
      for (const v of cited) {
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
      // each reason cited is listed once, under the outcome, at the number cited, in the scenario's words
      const rests = flat(words.out).split('The outcome rests on:')[1] ?? '';
      for (const v of flagged) {
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

  it('says nothing where every red line a verdict crosses is on the record of the run’s date', async () => {
    const out = (await cli('run', 'tutorial-bilateral')).out;
    expect(out).not.toContain('applied before its earliest source');
    expect(out).not.toContain('The reasons, by number');
  });
});

describe('resume, the report and the play screen mark the same lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-before-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resume prints the marks and reasons of the run it replays', async () => {
    const file = join(dir, 'istanbul.json');
    const first = await cli('run', 'istanbul-2022', '--save', file);
    const again = await cli('resume', file);
    const marks = (t: string) => flat(t).match(new RegExp(NOTE.source, 'g')) ?? [];
    expect(marks(again.out).length).toBeGreaterThan(0);
    expect(marks(again.out)).toEqual(marks(first.out));
  });

  it('the report (markdown and HTML) marks each flagged line and lists the reasons under what the outcome rests on', async () => {
    const file = join(dir, 'june.json');
    await cli('run', 'june-2024-terms', '--save', file);
    const json = JSON.parse((await cli('run', 'june-2024-terms', '--json')).out);
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
    for (const id of ['istanbul-2022', 'tutorial-bilateral']) {
      const s = openScenario(id);
      const transcript = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
      const flagged = transcript.flatMap((e) =>
        e.kind === 'verdict'
          ? e.violations.filter((v) =>
              appliedBeforeRecord(s, s.date).some(
                (x) => x.actor === e.actor && x.kind === 'redLine' && x.id === v.redLine,
              ),
            )
          : [],
      );
      const { lines, legend } = new TranscriptWords(s, MONO_THEME).withLegend(transcript);
      const marks = lines.flatMap((l) => l.spans.filter((x) => x.text.startsWith(` ${GLYPH.before}`)));
      expect(marks, id).toHaveLength(flagged.length);
      for (const m of marks) expect(m.text).toMatch(/^ †\d+$/);
      expect(legend === null, id).toBe(flagged.length === 0);
      if (legend)
        expect(legend.map((x) => x.text).join('')).toContain('applied before their earliest source');
    }
  });
});
