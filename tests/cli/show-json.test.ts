// show --json: an analyst checks every sentence show prints against its numbers. For every shipped scenario, each
// figure the text prints (every decimal: utilities, values of no deal, thresholds, drifts, durability) is a number of
// the JSON at the decimals the text gives, and each document's verdicts, agreement and what it was judged on are
// the JSON's.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { actorInSentence } from '../../src/domain/actor-names.ts';
import { documentHeading } from '../../src/report/words.ts';
import { cliOk } from '../cli-in-process.ts';

/** Every number of a JSON value, however deep. */
function numbersOf(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) for (const y of x) numbersOf(y, out);
  else if (x && typeof x === 'object') for (const y of Object.values(x)) numbersOf(y, out);
  return out;
}

/** Every string of a JSON value, however deep. */
function stringsOf(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const y of x) stringsOf(y, out);
  else if (x && typeof x === 'object') for (const y of Object.values(x)) stringsOf(y, out);
  return out;
}

/** The decimals the text prints ("0.46", "+0.005", "−0.010"), a true minus read as one. */
function decimalsOf(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])[+−-]?\d+\.\d+(?![\w.]*\d)/g)].map((m) => m[0].replace('−', '-'));
}

/** The lines of a document's block in show's text (from its heading to the next heading). */
function block(out: string, heading: string): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${heading} (`));
  expect(at, `no block for ${heading}`).toBeGreaterThan(0);
  const end = lines.slice(at + 1).findIndex((l) => /^ {2}\S/.test(l) || l === '');
  return lines.slice(at, end < 0 ? undefined : at + 1 + end);
}

describe('peacesim show --json', () => {
  for (const id of shippedIds())
    it(`should hold every figure the text of ${id} prints`, async () => {
      const text = await cliOk('show', id);
      const json = JSON.parse(await cliOk('show', id, '--json'));
      const numbers = numbersOf(json);
      // the file's own prose (a summary's worked example, a red line's words) is the JSON's as it stands: its
      // figures are not the program's
      const prose = stringsOf(json)
        .filter((t) => t.length >= 20)
        .sort((a, b) => b.length - a.length);
      const figures = decimalsOf(prose.reduce((t, x) => t.split(x).join(' '), text));
      expect(figures.length).toBeGreaterThan(0);
      for (const f of new Set(figures)) {
        const places = f.split('.')[1]!.length;
        const found = numbers.some((x) => x.toFixed(places) === f.replace('+', ''));
        expect(found, `${id}: ${f} is in the text, not in --json`).toBe(true);
      }
    });

  for (const id of shippedIds())
    it(`should give the verdicts and what each document of ${id} was judged on as the text does`, async () => {
      const s = openScenario(id);
      const text = await cliOk('show', id);
      const json = JSON.parse(await cliOk('show', id, '--json'));
      for (const d of s.documents) {
        const j = json.documents.find((x: { id: string }) => x.id === d.id);
        const lines = block(text, documentHeading(d));
        expect(lines[1]!.startsWith(`    ${j.agreement ? 'agreement' : 'no agreement'}: `), d.id).toBe(true);
        for (const a of s.actors)
          expect(lines[1], `${d.id}: ${a.id}`).toContain(
            `${actorInSentence(s, a.id)} ${j.verdicts[a.id].accepts ? 'accepts' : 'rejects'}`,
          );
        // what the verdicts judge, from the data: the issues modelled, those fixed, the terms the text has
        expect(j.judgedOn.issues).toBe(s.issues.length);
        expect(j.judgedOn.fixed).toEqual(s.fixedIssues);
        expect(j.judgedOn.terms).toHaveLength(d.terms.length);
        const judged = lines.find((l) => l.startsWith('    judged on '));
        if (s.fixedIssues.length === 0 && d.terms.length === s.issues.length)
          expect(judged, d.id).toBeUndefined();
        else {
          expect(judged, d.id).toContain(`the ${s.issues.length} `);
          if (s.fixedIssues.length) expect(judged).toContain(`the ${s.fixedIssues.length} other`);
          expect(judged).toContain(
            d.terms.length === s.issues.length ? 'terms on every one' : `terms on ${d.terms.length}`,
          );
        }
      }
    });

  for (const id of ['ukraine-peace', 'security-triangle', '28-point-path'])
    it(`should number each position applied before the record of ${id} with the reason the text gives it`, async () => {
      const text = (await cliOk('show', id)).replace(/\s+/g, ' ');
      const json = JSON.parse(await cliOk('show', id, '--json'));
      const held = text.slice(text.indexOf('Held earlier — '));
      // the text of reason n: from "n. " to "n+1. " of the list
      const reason = (n: number) => {
        const from = held.indexOf(` ${n}. `);
        const to = held.indexOf(` ${n + 1}. `, from);
        expect(from, `${id}: no reason ${n}`).toBeGreaterThan(0);
        return held.slice(from, to < 0 ? undefined : to);
      };
      let checked = 0;
      for (const d of json.documents)
        for (const e of d.appliedBeforeRecord)
          if (e.reason !== null) {
            expect(reason(e.reason), `${id} ${d.id} ${e.actor} ${e.id}`).toContain(
              e.heldEarlier.replace(/\s+/g, ' ').slice(0, 60),
            );
            checked++;
          } else expect(e.heldEarlier).toBeUndefined();
      expect(checked).toBeGreaterThan(0);
    });

  it('should name the hypotheses every run has on, by id, as the text lists them', async () => {
    for (const id of shippedIds()) {
      const s = openScenario(id);
      const json = JSON.parse(await cliOk('show', id, '--json'));
      expect(json.hypotheses.drifts.map((d: { actor: string }) => d.actor)).toEqual(
        s.actors.filter((a) => a.reservation.drift !== 0).map((a) => a.id),
      );
      for (const e of json.hypotheses.events) expect(s.events.some((x) => x.id === e.id)).toBe(true);
      expect(json.restsOn.computed).toBe(true);
    }
  });
});
