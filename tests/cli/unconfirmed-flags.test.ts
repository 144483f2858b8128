// What the record does not settle is flagged wherever the command line names it: a tabled document with
// `confirmed: false` carries "(unconfirmed)" after its title in show, timeline, analyze, calibrate, sweep, whatif,
// concessions and the run, and a red line with `confirmed: false` carries it in analyze's list of the red lines in
// force (on every --as-of date) and in calibrate's verdicts — as whatif, concessions, show and sweep flag a broken
// one; the after-action report and the play screen flag a tabled text as the run does. Every expectation comes from the scenario files or the command's --json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { basisMark } from '../../src/domain/basis.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { inQuotes } from '../../src/domain/text.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const SHIPPED = shippedIds();
const flat = (t: string) => t.replace(/\s+/g, ' ');
const FLAG = ' (unconfirmed)';
const flagOf = (confirmed: boolean) => (confirmed ? '' : FLAG);
const count = (text: string, part: string) => text.split(part).length - 1;

/** A date inside each span of dated positions the scenario states, one before them all and the scenario's own. */
function datesOf(s: Scenario): string[] {
  const ends = s.actors
    .flatMap((a) => a.epochs.flatMap((e) => [e.from, e.until]))
    .filter((d) => d !== undefined);
  return [...new Set([...ends, s.date, '2021-06-01'])].sort();
}

describe('unconfirmed documents and red lines, flagged wherever they are named', () => {
  it('should ship documents of both kinds', () => {
    const docs = SHIPPED.flatMap((id) => openScenario(id).documents);
    expect(docs.some((d) => d.confirmed)).toBe(true);
    expect(docs.some((d) => !d.confirmed)).toBe(true);
  });

  it.each(SHIPPED)('show, calibrate and the run flag exactly the unconfirmed documents: %s', async (id) => {
    const s = openScenario(id);
    const show = flat(await cli('show', id));
    const calibrate = flat(await cli('calibrate', id));
    for (const d of s.documents) {
      // show: "Title (unconfirmed) (2025-11-23; …"; calibrate: "Title (unconfirmed) (2025-11-23)"
      expect(show, d.id).toContain(`${d.title}${flagOf(d.confirmed)} (${d.date}`);
      expect(show, d.id).not.toContain(`${d.title}${flagOf(!d.confirmed)} (${d.date}`);
      expect(calibrate, d.id).toContain(`${d.title}${flagOf(d.confirmed)} (${d.date})`);
    }
    const opening = s.documents.find((d) => d.id === s.protocol.opening);
    if (opening) {
      const run = flat(await cli('run', id, '--rounds', '1'));
      expect(run).toContain(
        `opens with ${inQuotes(opening.title)}${flagOf(opening.confirmed)} (${opening.date}).`,
      );
    }
  });

  it.each(SHIPPED)(
    'timeline flags, and its --json marks, exactly the unconfirmed documents: %s',
    async (id) => {
      const s = openScenario(id);
      const json = JSON.parse(await cli('timeline', id, '--json'));
      for (const e of json.entries as { document: string; confirmed: boolean }[])
        expect(e.confirmed, e.document).toBe(s.documents.find((d) => d.id === e.document)!.confirmed);
      const whole = await cli('timeline', id);
      // the list of contested terms under the table names its documents again, each flagged as in the table, and
      // a variant the record does not settle carries its own flag (tests/cli/contested-terms.test.ts)
      const contested = /\nContested terms \([^\n]*\n(?: {2}[^\n]*\n)*/.exec(whole)?.[0] ?? '';
      const text = whole.replace(contested, '\n');
      const unsettled = s.documents.filter((d) => !d.confirmed);
      expect(count(text, FLAG)).toBe(unsettled.length);
      const headings = contested.split('\n').filter((l) => /^ {2}\d{4}-\d\d-\d\d /.test(l));
      for (const d of s.documents)
        for (const l of headings.filter((h) => h.startsWith(`  ${d.date} ${d.title}`)))
          expect(l, d.id).toBe(`  ${d.date} ${d.title}${flagOf(d.confirmed)}`);
      // the flag is on the document's own line (the title clipped to the column, if need be, but never the flag)
      for (const d of unsettled)
        expect(text.split('\n').some((l) => l.startsWith(`${d.date}  `) && l.includes(FLAG))).toBe(true);
    },
  );

  it.each(SHIPPED)(
    'analyze flags the unconfirmed documents and red lines in force on every date: %s',
    async (id) => {
      const s = openScenario(id);
      for (const date of datesOf(s)) {
        const json = JSON.parse(await cli('analyze', id, '--json', '--as-of', date));
        const text = flat(await cli('analyze', id, '--as-of', date));
        for (const d of json.documents as { id: string; title: string; date: string; confirmed: boolean }[]) {
          expect(d.confirmed, d.id).toBe(s.documents.find((x) => x.id === d.id)!.confirmed);
          expect(text, d.id).toContain(`${d.title}${flagOf(d.confirmed)} (${d.date}, tabled by`);
        }
        const judged = positionsAsOf(s, date);
        for (const a of json.actors as {
          id: string;
          redLines: {
            id: string;
            text: string;
            basis: 'stated' | 'reading' | 'assumption';
            sources: string[];
            confirmed: boolean;
          }[];
        }[])
          for (const r of a.redLines) {
            const own = judged.actors[s.actorIndex.get(a.id)!]!.redLines.find((x) => x.id === r.id)!;
            expect(r.confirmed, `${date} ${a.id}/${r.id}`).toBe(own.confirmed);
            const mark = basisMark(r.basis);
            const src = r.sources.length ? ` [${r.sources.join(', ')}]` : '';
            expect(text, `${date} ${a.id}/${r.id}`).toContain(
              flat(`• ${r.text}${mark ? ` ${mark}` : ''}${src}${flagOf(r.confirmed)}`),
            );
          }
      }
    },
  );

  it('whatif and concessions name an unconfirmed document with its flag, a confirmed one without', async () => {
    for (const id of ['ukraine-peace', 'tutorial-bilateral']) {
      const s = openScenario(id);
      for (const d of s.documents) {
        const whatif = flat(await cli('whatif', id, '--document', d.id));
        expect(whatif, d.id).toContain(`What if — ${d.title}${flagOf(d.confirmed)} (${s.title})`);
      }
      const unsettled = s.documents.find((d) => !d.confirmed)!;
      const concessions = flat(await cli('concessions', id, '--document', unsettled.id, '--max', '1'));
      expect(concessions).toContain(`Minimal concessions — ${unsettled.title}${FLAG} (${s.title};`);
    }
  });
});

describe('unconfirmed texts in the after-action report', () => {
  it('should flag each text the record does not settle where the report says it was tabled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-unconfirmed-report-'));
    try {
      let flagged = 0;
      for (const id of ['tutorial-bilateral', '28-point-path']) {
        const s = openScenario(id);
        const file = join(dir, `${id}.session.json`);
        const json = JSON.parse(await cli('run', id, '--json', '--save', file)) as {
          transcript: { kind: string; document?: string; title?: string }[];
        };
        const md = flat(await cli('report', file));
        for (const e of json.transcript.filter((x) => x.kind === 'tabled')) {
          const doc = s.documents.find((d) => d.id === e.document)!;
          expect(md, `${id}: ${doc.id}`).toContain(`${inQuotes(e.title!)}${flagOf(doc.confirmed)} (`);
          if (!doc.confirmed) flagged++;
        }
      }
      expect(flagged).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
