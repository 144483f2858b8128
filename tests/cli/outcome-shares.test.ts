// The outcome table's shares (signed, stalemate, collapsed) are of one whole: as printed they add up to 100.0%, each
// within a tenth of a percent of its exact share in --json — rounding each to the nearest alone prints 100.1% for
// 14, 2 and 1 of 17 runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionedPercents } from '../../src/cli/share.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const SEED = 20261205;
const tenths = (text: string) => Math.round(10 * Number.parseFloat(text));

describe('apportionedPercents', () => {
  it('should add up to 100.0%, each share within 0.1 of its exact one, 0.0% and 100.0% only for none and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 6 }),
        (counts) => {
          const total = counts.reduce((s, c) => s + c, 0);
          const texts = apportionedPercents(counts);
          expect(texts).toHaveLength(counts.length);
          if (total === 0) return;
          texts.forEach((t, k) => {
            const c = counts[k]!;
            expect(t === '0.0%').toBe(c === 0);
            expect(t === '100.0%').toBe(c === total);
            const exact = (100 * c) / total;
            if (t === '<0.1%') expect(exact).toBeLessThan(0.1);
            else if (t === '>99.9%') expect(exact).toBeGreaterThan(99.9);
            else expect(Math.abs(Number.parseFloat(t) - exact)).toBeLessThan(0.1 + 1e-9);
          });
          if (texts.every((t) => !t.startsWith('<') && !t.startsWith('>')))
            expect(texts.reduce((s, t) => s + tenths(t), 0)).toBe(1000);
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('outcomes: the table of outcomes', () => {
  // 17 draws of this fixture end 14 signed, 2 stalemates, 1 collapse (checked against --json below)
  const argv = ['outcomes', 'tests/fixtures/inject-fates.yaml', '-n', '17'];
  it('should print shares that add up to 100.0%, each within 0.1 of the share --json gives', async () => {
    const json = JSON.parse(await cli(...argv, '--json')) as {
      outcomes: { outcome: string; count: number; share: number }[];
    };
    expect(json.outcomes.filter((o) => o.count > 0).length).toBeGreaterThan(2);
    const text = await cli(...argv);
    const printed = json.outcomes.map((o) => {
      const row = text.split('\n').find((l) => l.startsWith(`${o.outcome.padEnd(12)} `))!;
      const [, count, share] = row.trim().split(/\s+/);
      expect(Number(count)).toBe(o.count);
      expect(Math.abs(Number.parseFloat(share!) - 100 * o.share)).toBeLessThan(0.1);
      return share!;
    });
    expect(printed.reduce((s, t) => s + tenths(t), 0)).toBe(1000);
  });
});
