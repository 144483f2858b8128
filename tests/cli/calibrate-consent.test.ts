// calibrate marks a verdict whose consent the text does not need, in show's and sweep's words, under that actor's
// verdict: the EU's on the Istanbul texts of ukraine-peace blocks nothing. Who must consent comes from the domain;
// --json says it of every verdict (`required`), so the fact the text states is in the JSON too.
import { describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { consentOf } from '../../src/domain/consent.ts';
import { consentAside, documentHeading } from '../../src/report/words.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');
const ASIDE = consentAside(false).trim();

describe('calibrate and consent a text does not need', () => {
  for (const id of shippedIds())
    it(`${id}: says so under each verdict a document does not need, and no other, and --json as required`, async () => {
      const s = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cliOk('calibrate', id, '--json'));
      const text = flat(await cliOk('calibrate', id));
      const verdicts = text.slice(text.indexOf('Verdicts over every preference'));
      const docs = json.documents as {
        id: string;
        date: string;
        verdicts: Record<string, { required: boolean }>;
      }[];
      const heads = docs.map((d) =>
        flat(`${documentHeading(s.documents.find((x) => x.id === d.id)!)} (${d.date})`),
      );
      let marked = 0;
      docs.forEach((d, k) => {
        const from = verdicts.indexOf(heads[k]!);
        expect(from, d.id).toBeGreaterThanOrEqual(0);
        const to = k + 1 < docs.length ? verdicts.indexOf(heads[k + 1]!, from + 1) : verdicts.length;
        const section = verdicts.slice(from, to);
        const needed = consentOf(s, s.documents.find((x) => x.id === d.id)!.package).map((c) => c.actor);
        const spare = Object.keys(d.verdicts).filter((a) => !needed.includes(a));
        // the JSON's `required` is the domain's answer for every verdict, and the text's asides are its falses
        for (const [a, v] of Object.entries(d.verdicts))
          expect(v.required, `${d.id} ${a}`).toBe(needed.includes(a));
        expect(section.split(flat(ASIDE)).length - 1, d.id).toBe(spare.length);
        // each under its own actor's verdict: the next actor's name follows it, or the section ends
        for (const a of spare) {
          const name = s.actors.find((x) => x.id === a)!.name;
          expect(
            section.slice(section.indexOf(` ${name} `)).split(flat(ASIDE)).length,
            `${d.id} ${a}`,
          ).toBeGreaterThan(1);
        }
        marked += spare.length;
      });
      if (id === 'ukraine-peace') expect(marked).toBeGreaterThan(0);
    });
});
