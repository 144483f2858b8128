// Shares in sweep and outcomes: "0.0%" says no sample, "100.0%" says every one. A share that is neither must not
// round to either (4 accepting samples of 20,000 are not "0.0%"), checked on the formatter over many counts and on
// sweep's text against its own --json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sharePercent } from '../../src/cli/share.ts';
import { percentOf } from '../../src/report/format.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const SEED = 20261205;

describe('sharePercent', () => {
  it('should print 0.0% only for none and 100.0% only for all, and otherwise the share to a tenth of a percent', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const text = sharePercent(k / n);
          expect(text.length).toBeLessThanOrEqual('100.0%'.length);
          expect(text === '0.0%').toBe(k === 0);
          expect(text === '100.0%').toBe(k === n);
          if (text === '<0.1%') expect(100 * (k / n)).toBeLessThan(0.05);
          else if (text === '>99.9%') expect(100 * (k / n)).toBeGreaterThanOrEqual(99.95);
          else expect(Math.abs(Number.parseFloat(text) - (100 * k) / n)).toBeLessThanOrEqual(0.05 + 1e-9);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should keep the share of a few samples in many off zero and off a hundred', () => {
    expect(sharePercent(4 / 20_000)).toBe('<0.1%');
    expect(sharePercent(19_992 / 20_000)).toBe('>99.9%');
    expect(sharePercent(0)).toBe('0.0%');
    expect(sharePercent(1)).toBe('100.0%');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'peacesim-share-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the tutorial with values of no deal that make North reject the mediator's text, and South accept it, in a few
// samples of 20,000 only
const RARE = join(dir, 'rare.yaml');
writeFileSync(
  RARE,
  [
    'format: 1',
    `include: ${JSON.stringify(resolve('scenarios/tutorial-bilateral.yaml'))}`,
    'id: rare-shares',
    'title: Rare shares',
    'summary: the tutorial with values of no deal that make some verdicts rare',
    'date: 2025-03-01',
    'actors:',
    '  - id: north',
    '    reservation: { value: 0.5, range: [0.3, 0.6883] }',
    '  - id: south',
    '    reservation: { value: 0.5, range: [0.434, 1] }',
    '',
  ].join('\n'),
);

interface SweepJson {
  documents: {
    id: string;
    agreementRate: number;
    rulesBroken: unknown[];
    judgedOn: { fixed: string[]; statusQuo: string[] };
    actors: { actor: string; acceptRate: number }[];
  }[];
}

describe('sweep, in words: shares near none and all', () => {
  it('should print each share as --json has it, never 0.0% or 100.0% for a share that is neither', async () => {
    const json = JSON.parse(await cli('sweep', RARE, '-n', '20000', '--json')) as SweepJson;
    const text = await cli('sweep', RARE, '-n', '20000');
    const rates = json.documents.flatMap((d) => [d.agreementRate, ...d.actors.map((a) => a.acceptRate)]);
    // the fixture does what it is for: shares strictly between none and all that round to either
    expect(rates.some((r) => r > 0 && r < 0.0005)).toBe(true);
    expect(rates.some((r) => r < 1 && r > 0.9995)).toBe(true);
    const lines = text.split('\n');
    for (const d of json.documents) {
      const at = lines.findIndex((l) => l.includes('agreement in'));
      expect(at).toBeGreaterThanOrEqual(0);
      // under the title, the line on what the shares judge when not every term (judgedOn), a line for each rule
      // the document breaks, then the actors' rows
      const judged = lines[at + 1]!.startsWith('  judged on ') ? 1 : 0;
      expect(judged).toBe(d.judgedOn.fixed.length + d.judgedOn.statusQuo.length > 0 ? 1 : 0);
      const block = [lines[at]!, ...lines.slice(at + 1 + judged)];
      const rules = d.rulesBroken.length;
      lines.splice(0, at + 1 + judged + rules + d.actors.length);
      expect(block[0]).toContain(`agreement in ${sharePercent(d.agreementRate)} of samples`);
      for (let k = 1; k <= rules; k++) expect(block[k]).toContain('breaks a rule:');
      d.actors.forEach((a, k) => {
        expect(block[k + 1 + rules]).toMatch(
          new RegExp(`accepts +${sharePercent(a.acceptRate).replace(/[.<>]/g, '\\$&')} `),
        );
      });
    }
  });
});

describe('percentOf (analyze: the feasible share of the outcome space)', () => {
  it('should print 100% only for the whole, and 0% only for none', () => {
    fc.assert(
      fc.property(
        fc
          .bigInt({ min: 1n, max: 10n ** 15n })
          .chain((n) => fc.tuple(fc.bigInt({ min: 0n, max: n }), fc.constant(n))),
        ([k, n]) => {
          const text = percentOf(Number(k), Number(n));
          expect(text === '100%').toBe(k === n);
          expect(text === '0%').toBe(k === 0n);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
    expect(percentOf(9_999, 10_000)).toBe('> 99.9%');
  });
});
