// A hurdle's sentence says "below" or "at or above" its threshold: the figures beside the words must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hurdleSentence } from '../../src/report/ratification.ts';
import { scenario } from '../ui/render.tsx';

describe('a ratification hurdle in words', () => {
  const s = scenario('ukraine-peace');
  const hurdle = (utility: number, threshold: number) => ({
    id: 'ukraine-referendum',
    actor: 'ukraine',
    label: 'a referendum in Ukraine',
    basis: 'stated' as const,
    utility,
    threshold,
    thresholdBasis: 'assumption' as const,
    // the rule of domain/ratification.ts: at or above the threshold, within its tolerance
    clears: utility >= threshold - 1e-12,
  });

  it('should print a text just short of the threshold with the decimals that show it short', () => {
    expect(hurdleSentence(s, hurdle(0.5996, 0.6))).toContain('worth 0.5996 to Ukraine, below the 0.6000');
    expect(hurdleSentence(s, hurdle(0.512, 0.6))).toContain('worth 0.512 to Ukraine, below the 0.600');
  });

  it('should never print a falling-short worth that reads at or above its threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (u, t) => {
          const text = hurdleSentence(s, hurdle(u, t));
          const m = /worth ([\d.]+) to Ukraine, (below|at or above) the ([\d.]+)/.exec(text)!;
          expect(m).not.toBeNull();
          if (m[2] === 'below') expect(Number(m[1])).toBeLessThan(Number(m[3]));
          else expect(u).toBeGreaterThanOrEqual(t - 1e-12);
        },
      ),
      { seed: 20261205, numRuns: 500 },
    );
  });
});
