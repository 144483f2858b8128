// Zeuthen's concession over the exact frontier ends at the Nash point: on divide-the-surplus with outside
// options d1 and d2, A gets (1 + d1 − d2) / 2.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { stateName } from '../../src/engine/machine.ts';
import { entries, runToEnd, shipped } from '../engine/helpers.ts';

/** divide-the-surplus with the given outside options (in hundredths) and no opening text. */
function divide(d1: number, d2: number): Scenario {
  const s = shipped('divide-the-surplus');
  const { opening: _opening, ...protocol } = s.protocol;
  return {
    ...s,
    actors: s.actors.map((a, k) => ({
      ...a,
      reservation: { ...a.reservation, value: (k === 0 ? d1 : d2) / 100 },
    })),
    protocol,
  };
}

const zeuthen = { a: { kind: 'zeuthen' }, b: { kind: 'zeuthen' } };

describe('Zeuthen', () => {
  it('should end at the Nash split (1 + d1 − d2) / 2 for any outside options on the grid', () => {
    fc.assert(
      fc.property(
        // d1 − d2 even (in hundredths), so the Nash split is a point of the grid
        fc
          .integer({ min: 0, max: 40 })
          .chain((d1) => fc.integer({ min: 0, max: 20 }).map((k) => [d1, (d1 % 2) + 2 * k] as const)),
        ([d1, d2]) => {
          const { snapshot } = runToEnd(divide(d1, d2), { maxRounds: 200, strategies: zeuthen });
          expect(stateName(snapshot)).toBe('signed');
          const share = snapshot.context.text[0]!;
          const value = shipped('divide-the-surplus').issues[0]!.options[share]!.value!;
          expect(value).toBeCloseTo((100 + d1 - d2) / 200, 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('should concede monotonically: neither side ever asks more than in its previous offer', () => {
    const { snapshot } = runToEnd(divide(20, 10), { maxRounds: 200, strategies: zeuthen });
    const offers = entries(snapshot.context.transcript, 'proposal');
    for (const actor of ['a', 'b']) {
      const mine = offers.filter((o) => o.actor === actor).map((o) => o.utility);
      for (let k = 1; k < mine.length; k++) expect(mine[k]!).toBeLessThanOrEqual(mine[k - 1]! + 1e-12);
    }
    expect(stateName(snapshot)).toBe('signed');
    expect(snapshot.context.text[0]).toBe(55);
  });

  it('should accept an opening that already gives it more than its Nash share', () => {
    // d1 = 0.2, d2 = 0.1: B's Nash share is 0.45; the even split gives it 0.5, so B accepts at once
    const { snapshot } = runToEnd(shipped('divide-the-surplus'), { strategies: zeuthen });
    const verdicts = entries(snapshot.context.transcript, 'verdict').filter((v) => v.round === 1);
    expect(verdicts.find((v) => v.actor === 'b')?.accepts).toBe(true);
    expect(verdicts.find((v) => v.actor === 'a')?.accepts).toBe(false);
  });
});
