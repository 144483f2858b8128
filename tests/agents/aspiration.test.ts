// The time-dependent concession curve and its three named shapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPONENT, timeDependent, timeShare } from '../../src/agents/aspiration.ts';

describe('time-dependent aspiration', () => {
  it('should start at the best utility and end at the reservation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (best, r, e) => {
          expect(timeDependent(best, r, 0, e)).toBeCloseTo(best, 12);
          expect(timeDependent(best, r, 1, e)).toBeCloseTo(r, 12);
        },
      ),
    );
  });

  it('should hold firm under Boulware, concede steadily when linear and early as a Conceder', () => {
    const mid = timeShare(6, 11);
    expect(mid).toBe(0.5);
    const at = (kind: keyof typeof DEFAULT_EXPONENT) => timeDependent(1, 0, mid, DEFAULT_EXPONENT[kind]);
    expect(at('linear')).toBeCloseTo(0.5, 12);
    expect(at('boulware')).toBeGreaterThan(0.9);
    expect(at('conceder')).toBeLessThan(0.25);
  });

  it('should never rise as the rounds pass', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (max, e) => {
          let prev = Number.POSITIVE_INFINITY;
          for (let round = 1; round <= max; round++) {
            const a = timeDependent(0.9, 0.3, timeShare(round, max), e);
            expect(a).toBeLessThanOrEqual(prev + 1e-12);
            prev = a;
          }
        },
      ),
    );
  });
});
