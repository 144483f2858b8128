// roundList: the rounds of a debrief question, a blame line or a turning point, read back into numbers, are the
// rounds given — consecutive ones as a span, every second round with an ellipsis, never a span over rounds left out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundList } from '../../src/report/outcome-notes.ts';
import { readRounds } from './read-rounds.ts';

/** Sorted distinct rounds, often in runs one or two apart as the engine's rounds come. */
const roundSets = fc
  .array(fc.record({ gap: fc.constantFrom(1, 1, 2, 2, 2, 3, 7), len: fc.integer({ min: 1, max: 20 }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((runs) => {
    const out: number[] = [];
    let at = 0;
    for (const { gap, len } of runs)
      for (let k = 0; k < len; k++) {
        at += k === 0 ? gap + 1 : gap;
        out.push(at);
      }
    return out;
  });

describe('roundList', () => {
  it('should read back as exactly the rounds given', () => {
    fc.assert(
      fc.property(roundSets, (rounds) => {
        const text = roundList(rounds);
        expect(readRounds(text), text).toEqual(rounds);
        expect(text.startsWith(rounds.length > 1 ? 'rounds ' : 'round ')).toBe(true);
      }),
      { seed: 20_260_301, numRuns: 500 },
    );
  });

  it('should write every second round with an ellipsis once there are six or more, and spans of three or more', () => {
    const odd = Array.from({ length: 16 }, (_, k) => 2 * k + 1);
    expect(roundList(odd)).toBe('rounds 1, 3, 5, …, 31');
    expect(roundList([...odd, 32])).toBe('rounds 1, 3, 5, …, 31 and 32');
    expect(roundList([1, 3, 5, 7, 9])).toBe('rounds 1, 3, 5, 7 and 9');
    expect(roundList([3, 4, 6, 7, 8, 9, 11])).toBe('rounds 3, 4, 6–9 and 11');
    expect(roundList([5])).toBe('round 5');
  });
});
