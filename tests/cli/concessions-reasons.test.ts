// concessions in words against its own --json: every reason the text gives for "no agreement" is in the JSON —
// an actor that rejects on its worth (its utility below its value of no deal, the costliest issues) and a rule the
// document breaks as tabled; before, --json carried only the red lines, and a rejection on worth was `redLines: []`.
// A closest set's smallest margin names whose it is: beside "Ukraine rejects", +0.056 is Russia's.
import { describe, expect, it } from 'vitest';
import { shortName } from '../../src/cli/labels.ts';
import { basisMark } from '../../src/domain/basis.ts';
import { belowPair } from '../../src/report/comparison-figures.ts';
import { n3, signed } from '../../src/report/format.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk as cli } from '../cli-in-process.ts';

interface Cost {
  readonly issue: string;
  readonly cost: number;
  readonly basis: 'stated' | 'reading' | 'assumption';
}
interface Rejection {
  readonly actor: string;
  readonly redLines: readonly { text: string }[];
  readonly utility: number;
  readonly reservation: number;
  readonly reservationBasis: 'stated' | 'reading' | 'assumption';
  readonly costs: readonly Cost[];
}

const flat = (t: string) => t.replace(/\s+/g, ' ');
const marked = (b: Cost['basis']) => (basisMark(b) ? ` ${basisMark(b)}` : '');

const CASES: readonly [string, string][] = [
  ['tutorial-bilateral', 'mediator-text'],
  ['tutorial-bilateral', 'north-opening'],
  ['june-2024-terms', 'putin-june-2024'],
  ['security-triangle', 'coalition-reassurance-force'],
];

describe('concessions, every reason in --json', () => {
  for (const [id, doc] of CASES)
    it(`should give in --json each reason the text prints: ${id} ${doc}`, async () => {
      const s = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('concessions', id, '--document', doc, '--limit', '3', '--json'));
      const text = flat(await cli('concessions', id, '--document', doc, '--limit', '3'));
      const name = (a: string) => s.actors.find((x) => x.id === a)!.name;
      const issue = (i: string) => s.issues.find((x) => x.id === i)!.label;
      // the worth reason as the text words it, from the JSON's figures
      const worth = (r: Rejection) => {
        const [u, res] = belowPair(r.utility, r.reservation);
        const costs = r.costs
          .slice(0, 3)
          .map((c) => `${issue(c.issue)}${marked(c.basis)} (${n3(c.cost)})`)
          .join(', ');
        return flat(`utility ${u} < reservation ${res}${marked(r.reservationBasis)}; costliest: ${costs}`);
      };
      let worthSeen = 0;
      for (const r of json.rejectingAsTabled as Rejection[]) {
        expect(r.utility, r.actor).toBeLessThanOrEqual(1);
        if (r.redLines.length) continue;
        worthSeen++;
        expect(r.utility).toBeLessThan(r.reservation);
        expect(text).toContain(`${name(r.actor)} rejects: ${worth(r)}`);
      }
      for (const c of json.closest as { rejections: Rejection[] }[])
        for (const r of c.rejections)
          if (!r.redLines.length) {
            worthSeen++;
            expect(text).toContain(`${name(r.actor)}: ${worth(r)}`);
          }
      // a closest set's smallest margin names whose it is, from the margins --json gives
      for (const c of json.closest as {
        minMargin: number;
        required: string[];
        margins: Record<string, number>;
      }[]) {
        const lowest = c.required
          .filter((a) => c.margins[a]! <= c.minMargin + 1e-12)
          .map((a) => shortName(name(a)));
        expect(lowest.length).toBeGreaterThan(0);
        expect(text).toContain(`smallest margin ${signed(c.minMargin)} (${lowest.join(', ')})`);
      }
      for (const x of json.rulesBrokenAsTabled as { text: string }[])
        expect(text).toContain(flat(`a rule is broken: ${x.text}`));
      // the text names a rule exactly when --json lists one
      expect(text.includes('a rule is broken:')).toBe(json.rulesBrokenAsTabled.length > 0);
      if (doc === 'north-opening') expect(json.rulesBrokenAsTabled.length).toBeGreaterThan(0);
      else expect(worthSeen).toBeGreaterThan(0);
    });
});
