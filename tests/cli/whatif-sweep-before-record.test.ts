// whatif and sweep say of each red line they name whether the positions they judge by apply it before its earliest
// source, as run does: over every shipped scenario, the lines the words mark are exactly those --json flags, --json
// flags exactly those appliedBeforeRecord lists for the date the command judges by (whatif: the document's own date,
// or --as-of; sweep: --as-of, or the scenario's date, whose positions are its top level), the CSV lists the same
// ids, and each reason the words cite is listed once at their end, at the number cited.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analysis/whatif.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { actorName } from '../../src/report/words.ts';
import { cliOk as cli } from '../cli-in-process.ts';
import { parseCsv } from '../csv-reader.ts';
import {
  cited,
  earlyLines,
  expectFlag,
  expectReasonsListed,
  type Flag,
  flat,
  type JsonViolation,
  listed,
  literal,
  NOTE,
  whatIfCitation,
} from './before-record-marks.ts';

const SHIPPED = shippedIds();

interface JsonVerdict {
  accepts: boolean;
  violations: JsonViolation[];
}
interface WhatIfJson {
  asOf: string;
  date: string;
  verdicts: Record<
    string,
    { required: { before: boolean; after: boolean }; before: JsonVerdict; after: JsonVerdict }
  >;
  moved: ({ kind: string; actor?: string } & Partial<JsonViolation>)[];
}

/** A change to a document that moves a red line the date applies before its record, else any red line, if one does. */
function changeOf(s: Scenario, document: string): string[] {
  const doc = s.documents.find((d) => d.id === document)!;
  const early = earlyLines(s, doc.date);
  let some: string[] = [];
  for (const issue of s.issues)
    for (const o of issue.options) {
      const set = `${issue.id}=${issue.kind === 'numeric' ? String(o.value) : o.id}`;
      const lines = whatIf(s, document, [{ issue: issue.id, value: set.split('=')[1]! }]).moved.flatMap(
        (m) => (m.kind === 'red-line-broken' || m.kind === 'red-line-cleared' ? [m] : []),
      );
      if (lines.some((m) => early.some((e) => e.actor === m.actor && e.id === m.redLine)))
        return ['--set', set];
      if (lines.length && some.length === 0) some = ['--set', set];
    }
  return some;
}

/** What whatif's words name and mark, checked against its --json and --csv; returns the counts of marked lines. */
async function checkWhatIf(id: string, argv: string[]) {
  const s = openScenario(id);
  const [words, json, csv] = await Promise.all([
    cli('whatif', id, ...argv),
    cli('whatif', id, ...argv, '--json'),
    cli('whatif', id, ...argv, '--csv'),
  ]);
  const r = JSON.parse(json) as WhatIfJson;
  const asOf = argv.includes('--as-of') ? argv[argv.indexOf('--as-of') + 1]! : r.date;
  expect(r.asOf).toBe(asOf);
  // --json: every red line broken, before and after, and every one that moved
  for (const [actor, v] of Object.entries(r.verdicts))
    for (const x of [...v.before.violations, ...v.after.violations]) expectFlag(s, asOf, actor, x);
  const moved = r.moved.filter((m) => m.kind === 'red-line-broken' || m.kind === 'red-line-cleared');
  for (const m of moved) expectFlag(s, asOf, m.actor!, m as JsonViolation);
  // the words: each line named where the text names it, with the note --json flags, and no other note
  const text = flat(words);
  const section = (head: string, next: string[]) => {
    const at = text.indexOf(head);
    if (at < 0) return '';
    const ends = next.map((n) => text.indexOf(n, at)).filter((k) => k > at);
    return text.slice(at, ends.length ? Math.min(...ends) : undefined);
  };
  const heads = ['What moved', 'Who says no, and why', 'Won over', 'Held earlier —'];
  const whatMoved = section(heads[0]!, heads.slice(1));
  const saysNo = section(heads[1]!, heads.slice(2));
  const wonOver = section(heads[2]!, heads.slice(3));
  const named: JsonViolation[] = [];
  for (const m of moved) {
    const v = m as JsonViolation;
    const line = `${actorName(s, m.actor!)}: ${m.kind === 'red-line-broken' ? 'breaks' : 'clears'} a red line: ${cited(whatIfCitation, v)}`;
    expect(whatMoved).toMatch(new RegExp(`${literal(line)}${v.appliedBeforeRecord ? '' : '(?!; applied)'}`));
    named.push(v);
  }
  const reasonsOf = (v: JsonVerdict) => {
    named.push(...v.violations);
    return listed(whatIfCitation, v.violations);
  };
  for (const [actor, v] of Object.entries(r.verdicts)) {
    if (v.required.after && !v.after.accepts && v.after.violations.length)
      expect(saysNo).toMatch(new RegExp(`${literal(actorName(s, actor))}: ${reasonsOf(v.after)}`));
    if (!v.before.accepts && v.after.accepts && v.before.violations.length)
      expect(wonOver).toMatch(new RegExp(`${literal(actorName(s, actor))}: before, ${reasonsOf(v.before)}`));
  }
  const flagged = named.flatMap((v) => v.appliedBeforeRecord ?? []);
  expect(text.match(NOTE) ?? [], `${id} ${argv.join(' ')}`).toHaveLength(flagged.length);
  expectReasonsListed(text, flagged);
  // --csv: of each actor's red lines broken before and after, those --json flags
  const [header, ...rows] = parseCsv(csv);
  const column = (name: string) => header!.indexOf(name);
  const ids = (v: JsonVerdict, early: boolean) =>
    v.violations
      .filter((x) => !early || x.appliedBeforeRecord)
      .map((x) => x.redLine)
      .join(';');
  for (const row of rows) {
    const v = r.verdicts[row[column('actor')]!]!;
    expect(row[column('red_lines_before')]).toBe(ids(v.before, false));
    expect(row[column('red_lines_after')]).toBe(ids(v.after, false));
    expect(row[column('red_lines_before_ahead_of_record')]).toBe(ids(v.before, true));
    expect(row[column('red_lines_after_ahead_of_record')]).toBe(ids(v.after, true));
  }
  return {
    moved: moved.filter((m) => m.appliedBeforeRecord).length,
    saysNo: flagged.length,
  };
}

describe('whatif: a red line applied before its earliest source, in words, in --json and in --csv', () => {
  it.each(SHIPPED)(
    '%s: each document as tabled, changed, and judged --as-of the scenario’s date',
    async (id) => {
      const s = openScenario(id);
      for (const d of s.documents) {
        const change = changeOf(s, d.id);
        await checkWhatIf(id, ['--document', d.id]);
        await checkWhatIf(id, ['--document', d.id, ...change]);
        await checkWhatIf(id, ['--document', d.id, ...change, '--as-of', s.date]);
      }
    },
  );

  it('marks lines in each place the text names them: What moved, Who says no, Won over', async () => {
    // istanbul-2022: Ukraine's floor of 250,000 troops, its sources of 2024, cleared by the cap Kyiv asked for
    const cleared = await checkWhatIf('istanbul-2022', [
      '--document',
      'istanbul-2022-russia',
      '--set',
      'army-cap=250000',
    ]);
    expect(cleared.moved).toBe(1);
    // Russia's guarantor veto, judged in April 2022 on drafts published from 2024, says no to Kyiv's text
    const veto = await cli('whatif', 'istanbul-2022', '--document', 'istanbul-2022-ukraine');
    expect(flat(veto)).toMatch(
      /Who says no, and why Russia: red line: – Any response by the guarantors needs every guarantor's consent, Russia's included\. \[reading\] \[s89, s90, s93\]; applied before its earliest source \(s90, 2024-03-01; reason 1\)/,
    );
    // a test file: Crimea returned wins the coalition over; before, the text broke its bar on recognition in law,
    // which the file cites on sources of November 2025 only (the shipped scenario also cites the G7 of 2022)
    const file = resolve(import.meta.dirname, '../fixtures/crimea-in-law-2022.yaml');
    const won = ['--document', 'crimea-in-law', '--set', 'crimea=returned'];
    await checkWhatIf(file, won);
    const text = flat(await cli('whatif', file, ...won));
    expect(text.split('Won over')[1]).toMatch(
      /^ Coalition of the willing: before, red line: – No recognition in law of Russian sovereignty over land Russia holds\. \[reading\] \[s36, s37, s49, merz-only-ukraine\]; applied before its earliest source \(s37, 2025-11; reason \d+\)/,
    );
  });

  it('judges by the date it says: --as-of a date on which the line is on the record marks nothing', async () => {
    // Russia's guarantor veto rests on reports of March 2024 (s90): marked on the text's date, not as of 2024-04
    const on = (asOf: string[]) =>
      cli('whatif', 'istanbul-2022', '--document', 'istanbul-2022-ukraine', ...asOf);
    expect(await on([])).toContain('applied before its earliest source');
    expect(await on(['--as-of', '2024-04'])).not.toContain('applied before its earliest source');
  });
});

interface SweepJson {
  asOf: string;
  documents: {
    id: string;
    actors: { actor: string; required: boolean; maxUtility: number; violations: JsonViolation[] }[];
  }[];
}

describe('sweep: a red line applied before its earliest source, in words, in --json and in --csv', () => {
  it.each(SHIPPED)(
    '%s: by the scenario’s own positions, and --as-of its first document’s date',
    async (id) => {
      const s = openScenario(id);
      // sweep judges by the top level without --as-of: the positions of the scenario's date, which no epoch covers
      const own = positionsAsOf(s, s.date);
      expect(own.actors.map((a) => a.redLines.map((r) => r.id))).toEqual(
        s.actors.map((a) => a.redLines.map((r) => r.id)),
      );
      for (const asOf of [[], ['--as-of', s.documents[0]!.date]]) {
        const argv = ['sweep', id, '-n', '3', ...asOf];
        const [words, json, summary, draws] = await Promise.all([
          cli(...argv),
          cli(...argv, '--json'),
          cli(...argv, '--csv', 'summary'),
          cli(...argv, '--csv', 'draws'),
        ]);
        const r = JSON.parse(json) as SweepJson;
        const date = asOf.length ? asOf[1]! : s.date;
        expect(r.asOf).toBe(date);
        const text = flat(words);
        const flagged: Flag[] = [];
        const early = new Map<string, string>();
        for (const d of r.documents)
          for (const a of d.actors) {
            for (const v of a.violations) expectFlag(s, date, a.actor, v);
            if (a.violations.length)
              expect(text).toMatch(
                new RegExp(
                  // an actor whose consent the text does not need is marked so on its row, before its red lines
                  `max ${literal(a.maxUtility.toFixed(3))} ${a.required ? '' : `${literal('(consent not needed: the text moves none of its issues)')} `}${listed(whatIfCitation, a.violations)}`,
                ),
              );
            flagged.push(...a.violations.flatMap((v) => v.appliedBeforeRecord ?? []));
            early.set(
              `${d.id}/${a.actor}`,
              a.violations
                .filter((v) => v.appliedBeforeRecord)
                .map((v) => v.redLine)
                .join(';'),
            );
          }
        expect(text.match(NOTE) ?? [], `${argv.join(' ')}`).toHaveLength(flagged.length);
        expectReasonsListed(text, flagged);
        // both tables: a row's red_lines_before_record are the lines --json flags for its document × actor
        for (const table of [summary, draws]) {
          const [header, ...rows] = parseCsv(table);
          const at = (name: string) => header!.indexOf(name);
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows)
            expect(row[at('red_lines_before_record')]).toBe(
              early.get(`${row[at('document')]}/${row[at('actor')]}`),
            );
        }
      }
    },
  );

  it('marks a real case: on istanbul-2022, both red lines applied before their 2024 sources', async () => {
    const text = flat(await cli('sweep', 'istanbul-2022', '-n', '3'));
    expect(text).toContain(
      'No cap below 250,000 troops, the lowest figure Ukraine has ever put forward. [assumption] [s88, s92, s101, s128, s26] (unconfirmed); applied before its earliest source (s88, 2024-03; reason 1)',
    );
    expect(text).toContain(
      "Any response by the guarantors needs every guarantor's consent, Russia's included. [reading] [s89, s90, s93]; applied before its earliest source (s90, 2024-03-01; reason 2)",
    );
  });
});
