// The width of a text as the terminal shows it: `cells` counts a text of narrow characters itself and hands every
// other text to string-width; both paths must give string-width's answer. Checked on every character up to the
// dingbats one by one, and on random texts that mix them with colour codes, wide characters, emoji and combining
// marks.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cells } from '../../src/report/format.ts';

const SEED = 20_261_206;
const LAST = 0x27bf;

describe('cells', () => {
  it("should give string-width's width for every character from space to the dingbats", () => {
    const wrong: string[] = [];
    for (let c = 0x20; c <= LAST; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (cells(ch) !== stringWidth(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("should give string-width's width for texts that mix narrow, wide, emoji and combining characters and colours", () => {
    const narrowish = fc.integer({ min: 0x20, max: LAST }).filter((c) => c < 0xd800 || c > 0xdfff);
    const other = fc.constantFrom(
      '中',
      'ｱ',
      '한',
      '👍',
      '✔️',
      '🇺🇦',
      '\u0301',
      '\u200d',
      '\u00ad',
      '\ufe0f',
      '\u001b[31m',
      '\u001b[1;33m',
      '\u001b[0m',
    );
    const piece = fc.oneof(
      { weight: 8, arbitrary: narrowish.map((c) => String.fromCodePoint(c)) },
      { weight: 1, arbitrary: other },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(cells(text)).toBe(stringWidth(text));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
