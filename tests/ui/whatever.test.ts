// "X rejects whatever this issue says: …" (the explorer's issue overlay) is true of every option of the issue.
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { rejectsWhatever } from '../../src/ui/state/whatever.ts';
import { scenario } from './render.tsx';

describe('rejects whatever this issue says', () => {
  for (const id of ['ukraine-peace', 'tutorial-bilateral', 'istanbul-2022']) {
    it(`should name exactly the red lines every option breaks, and the margin no option closes (${id})`, () => {
      const shipped = scenario(id);
      let said = 0;
      for (const doc of shipped.documents) {
        const s = positionsAsOf(shipped, doc.date);
        for (const issue of s.issues)
          for (const actor of s.actors) {
            const verdicts = issue.options.map((_, option) => {
              const pkg = Int32Array.from(doc.package);
              pkg[issue.index] = option;
              return verdictOf(s, actor, pkg);
            });
            const why = rejectsWhatever(verdicts);
            if (verdicts.some((v) => v.accepts)) {
              expect(why).toBeNull();
              continue;
            }
            expect(why).not.toBeNull();
            said++;
            const broken = (v: (typeof verdicts)[number]) => new Set(v.violations.map((x) => x.redLine));
            const everywhere = [...broken(verdicts[0]!)].filter((r) =>
              verdicts.every((v) => broken(v).has(r)),
            );
            expect([...why!.redLines].sort()).toEqual(everywhere.sort());
            const best = Math.max(...verdicts.map((v) => v.margin));
            if (best < 0) expect(why!.shortBy).toBeCloseTo(-best, 12);
            else expect(why!.shortBy).toBeNull();
            // with nothing that holds under every option, each option fails on its own red line or margin
            if (!why!.redLines.length && why!.shortBy === null)
              for (const v of verdicts) expect(v.violations.length > 0 || v.margin < 0).toBe(true);
          }
      }
      expect(said).toBeGreaterThan(0);
    });
  }
});
