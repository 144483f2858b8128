// concessions' account of its search against its --json: every count with its noun in the number it takes ("1
// option ruled out", not "1 options"). security-triangle's 28-point plan rules out exactly one option.
import { describe, expect, it } from 'vitest';
import { cliOk as cli } from '../cli-in-process.ts';

const noun = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

describe('concessions, the search in words', () => {
  for (const [id, doc] of [
    ['security-triangle', 'us-28-point-plan'],
    ['tutorial-bilateral', 'mediator-text'],
  ] as const)
    it(`should count what it searched and ruled out as --json does, singular for one: ${id} ${doc}`, async () => {
      const argv = ['concessions', id, '--document', doc, '--max', '1'];
      const { stats } = JSON.parse(await cli(...argv, '--json'));
      const text = (await cli(...argv)).replace(/\s+/g, ' ');
      expect(text).toContain(
        `searched ${noun(stats.packages, 'package')} over ${noun(stats.combinations, 'set')} of issues; ${noun(stats.prunedCombinations, 'set')} and ${noun(stats.skippedOptions, 'option')} ruled out without search`,
      );
      if (id === 'security-triangle') expect(stats.skippedOptions).toBe(1);
    });
});
