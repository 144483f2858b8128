// show's verdict lines: an actor that holds a red line against a document and is worth less than no deal by it says
// both — with the red line alone a student reads that dropping it would win the actor over. The expectation is the
// scenario's own: each document judged by the positions of its date, as show judges it.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { cliOk as cli } from '../cli-in-process.ts';

describe('show: every reason a required actor rejects', () => {
  let seen = 0;
  for (const id of shippedIds())
    it(`should add the worth below no deal to the red lines where both hold: ${id}`, async () => {
      const s = openScenario(id);
      const text = (await cli('show', id)).replace(/\s+/g, ' ');
      let both = 0;
      for (const d of s.documents) {
        const ev = evaluatePackage(positionsAsOf(s, d.date), d.package);
        for (const v of ev.verdicts) {
          const required = ev.required.includes(v.actor);
          if (required && !v.accepts && v.violations.length > 0 && v.utility < v.reservation - 1e-12) both++;
        }
      }
      expect(text.split('also, apart from its red line').length - 1).toBe(both);
      seen += both;
    });
  it('should meet the case in the shipped scenarios', () => expect(seen).toBeGreaterThan(0));
});
