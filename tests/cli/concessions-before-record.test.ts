// concessions says of each red line it names — those the document as tabled breaks for the required actors that
// reject it, and those each closest set still breaks — whether the positions it judges by (the document's own date)
// apply it before its earliest source, as whatif does: over every shipped scenario and document, the lines the words
// mark are exactly those --json flags, --json flags exactly those appliedBeforeRecord lists for that date, the CSV
// lists the same lines for each closest set, and each reason the words cite is listed once at their end.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { actorAtStart } from '../../src/domain/actor-names.ts';
import { actorName } from '../../src/report/words.ts';
import { cliOk as cli } from '../cli-in-process.ts';
import { parseCsv } from '../csv-reader.ts';
import {
  expectFlag,
  expectReasonsListed,
  flat,
  type JsonViolation,
  listed,
  literal,
  NOTE,
  whatIfCitation,
} from './before-record-marks.ts';

interface Rejection {
  actor: string;
  redLines: JsonViolation[];
}
interface ConcessionsJson {
  date: string;
  asOf: string;
  alreadyAgreement: boolean;
  rejectingAsTabled: Rejection[];
  closest: { rejecting: string[]; rejections: Rejection[] }[];
}

/** What concessions' words, --json and --csv name and mark for one document; returns the lines marked. */
async function checkConcessions(id: string, document: string): Promise<JsonViolation[]> {
  const s = openScenario(id);
  const argv = ['concessions', id, '--document', document];
  const [words, json, csv] = await Promise.all([cli(...argv), cli(...argv, '--json'), cli(...argv, '--csv')]);
  const r = JSON.parse(json) as ConcessionsJson;
  // judged by the positions of the document's own date
  expect(r.asOf).toBe(r.date);
  const text = flat(words);
  const [asTabled = '', closest = ''] = text.split('Closest (fewest blockers');
  const named: JsonViolation[] = [];
  const reasons = (x: Rejection) => {
    named.push(...x.redLines);
    return listed(whatIfCitation, x.redLines);
  };
  for (const x of r.rejectingAsTabled) {
    for (const v of x.redLines) expectFlag(s, r.asOf, x.actor, v);
    if (x.redLines.length)
      expect(asTabled).toMatch(new RegExp(`${literal(actorAtStart(s, x.actor))} rejects: ${reasons(x)}`));
  }
  r.closest.forEach((c, k) => {
    // the same actors as `rejecting`, in its order
    expect(c.rejections.map((x) => x.actor)).toEqual(c.rejecting);
    const [, mine = ''] = closest.split(new RegExp(` ${k + 1}\\. \\d+ blockers?: `));
    for (const x of c.rejections) {
      for (const v of x.redLines) expectFlag(s, r.asOf, x.actor, v);
      if (x.redLines.length)
        expect(mine).toMatch(new RegExp(`${literal(actorName(s, x.actor))}: ${reasons(x)}`));
    }
  });
  const flagged = named.flatMap((v) => v.appliedBeforeRecord ?? []);
  expect(text.match(NOTE) ?? [], `${id} ${document}`).toHaveLength(flagged.length);
  expectReasonsListed(text, flagged);
  // --csv: a closest set's red_lines_before_record are the lines --json flags for it, actor/red-line
  const [header, ...rows] = parseCsv(csv);
  const at = (name: string) => header!.indexOf(name);
  expect(at('red_lines_before_record')).toBeGreaterThan(-1);
  for (const row of rows) {
    const c = row[at('kind')] === 'closest' ? r.closest[Number(row[at('rank')]) - 1] : undefined;
    const early = (c?.rejections ?? []).flatMap((x) =>
      x.redLines.filter((v) => v.appliedBeforeRecord).map((v) => `${x.actor}/${v.redLine}`),
    );
    expect(row[at('red_lines_before_record')]).toBe(early.join(';'));
  }
  return named.filter((v) => v.appliedBeforeRecord);
}

describe('concessions: a red line applied before its earliest source, in words, in --json and in --csv', () => {
  it.each(shippedIds())('%s: every document, judged on its own date', async (id) => {
    for (const d of openScenario(id).documents) await checkConcessions(id, d.id);
  });

  it('marks a real case: istanbul-2022, as tabled and in each closest set', async () => {
    // Russia's draft breaks Ukraine's floor of 250,000 troops, whose sources are of 2024
    const russia = await checkConcessions('istanbul-2022', 'istanbul-2022-russia');
    expect(russia.map((v) => v.redLine)).toEqual(['army-floor']);
    const text = flat(await cli('concessions', 'istanbul-2022', '--document', 'istanbul-2022-russia'));
    expect(text).toContain(
      'No cap below 250,000 troops, the lowest figure Ukraine has ever put forward. [assumption] [s88, s92, s101, s128, s26] (unconfirmed); applied before its earliest source (s88, 2024-03; reason 1)',
    );
    // Kyiv's draft: Russia's guarantor veto, on drafts published from 2024, as tabled and in each of the closest sets
    const ukraine = await checkConcessions('istanbul-2022', 'istanbul-2022-ukraine');
    expect(ukraine.length).toBeGreaterThan(1);
    expect(new Set(ukraine.map((v) => v.redLine)).size).toBe(1);
    expect(flat(await cli('concessions', 'istanbul-2022', '--document', 'istanbul-2022-ukraine'))).toMatch(
      /Russia rejects: red line: – Any response by the guarantors needs every guarantor's consent, Russia's included\. \[reading\] \[s89, s90, s93\]; applied before its earliest source \(s90, 2024-03-01; reason 1\)/,
    );
  });
});
