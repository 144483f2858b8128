// show's Actors list owes a reader what the explorer's actors give: which of two red lines is a reading of the other
// (Kyiv's referendum line and its stricter reading in istanbul-2022), and each red line the scenario withholds, in
// the same words (report/red-line-versions.ts, report/words.ts). Expected words come from the data of every
// shipped scenario.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { redLineOf } from '../../src/domain/evaluate.ts';
import { aboveRef, versionAsides } from '../../src/report/red-line-versions.ts';
import { withheldWords } from '../../src/report/words.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe("show's Actors list", () => {
  for (const id of shippedIds())
    it(`${id}: says which red line is a reading of another, after it, and names each one withheld`, async () => {
      const s = openScenario(id);
      const out = await cliOk('show', id);
      const actors = flat(out.slice(out.indexOf('Actors as on'), out.indexOf('Who must accept a text')));
      let named = 0;
      for (const a of s.actors) {
        const asides = versionAsides(s, a.id, a.redLines.map(redLineOf), aboveRef);
        a.redLines.forEach((r, k) => {
          const aside = asides[k];
          if (aside === null || aside === undefined) return;
          // the aside closes its own red line's bullet, not another's
          const bullet = actors.slice(actors.indexOf(flat(r.text)));
          expect(bullet.split(' • ')[0], `${a.id} ${r.id}`).toContain(`(${aside})`);
          named++;
        });
        for (const w of a.withheldRedLines) expect(actors, a.id).toContain(flat(withheldWords(w)));
        named += a.withheldRedLines.length;
      }
      // as many asides as the data gives, no more
      const all = s.actors.flatMap((a) => versionAsides(s, a.id, a.redLines.map(redLineOf), aboveRef));
      expect(actors.split(`(a reading of `).length - 1 + actors.split('(stated; ').length - 1).toBe(
        all.filter((x) => x !== null).length,
      );
      // the shipped case: Kyiv's referendum red line and its stricter reading, Moscow's withheld referendum veto
      if (id === 'istanbul-2022') expect(named).toBeGreaterThanOrEqual(2);
    });
});
