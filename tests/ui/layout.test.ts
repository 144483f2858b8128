// Word wrapping, list windows and parts fitted to a width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLabels, fitParts, windowStart, wrapSpans } from '../../src/ui/layout.ts';

const words = fc.array(fc.stringMatching(/^[a-zà-ÿ,.;:'0-9-]{1,14}$/), { minLength: 1, maxLength: 30 });

describe('wrapSpans', () => {
  it('should keep every line within the width, start no line with a space, and lose no word', () => {
    fc.assert(
      fc.property(
        words,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (ws, width, parts) => {
          const text = ws.join(' ');
          const cut = Math.floor(text.length / parts);
          const spans = [text.slice(0, cut), text.slice(cut)]
            .filter(Boolean)
            .map((t, k) => ({ text: t, bold: k === 1 }));
          const lines = wrapSpans(spans, width).map((l) => l.map((s) => s.text).join(''));
          for (const l of lines) {
            expect(Array.from(l).length).toBeLessThanOrEqual(width);
            expect(l.startsWith(' ')).toBe(false);
          }
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
    );
  });

  it('should move a word that runs on from one span into the next to the next line whole', () => {
    const lines = wrapSpans(
      [{ text: '0.10 short of no deal' }, { text: ' [assumption]' }, { text: '; costs it most: Sanctions' }],
      34,
    );
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual([
      '0.10 short of no deal',
      '[assumption]; costs it most:',
      'Sanctions',
    ]);
  });

  it('should break at the last space that fits', () => {
    const lines = wrapSpans([{ text: 'red line: No surrender of territory it holds.' }], 36);
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual([
      'red line: No surrender of territory',
      'it holds.',
    ]);
  });
});

describe('windowStart', () => {
  it('should keep the selected row inside the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        (count, height, pick) => {
          const selected = pick % count;
          const start = windowStart(selected, count, height);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(selected).toBeGreaterThanOrEqual(start);
          expect(selected).toBeLessThan(start + height);
          expect(start + Math.min(height, count)).toBeLessThanOrEqual(count);
        },
      ),
    );
  });
});

describe('fitParts', () => {
  const width = (s: string) => Array.from(s).length;
  it('should keep the most leading parts that fit whole, and cut only a first part too long alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 90 }),
        (parts, columns) => {
          const got = fitParts(parts, columns);
          expect(width(got)).toBeLessThanOrEqual(columns);
          const kept = parts.findIndex((_, k) => parts.slice(0, k + 1).join(' · ') === got) + 1;
          if (width(parts[0]!) > columns) {
            expect(kept).toBe(0);
            expect(got.endsWith('…')).toBe(true);
            expect(parts[0]!.startsWith(got.slice(0, -1))).toBe(true);
          } else {
            expect(kept).toBeGreaterThan(0);
            // the next part would not have fitted
            if (kept < parts.length)
              expect(width(parts.slice(0, kept + 1).join(' · '))).toBeGreaterThan(columns);
          }
        },
      ),
    );
  });

  it('should leave out the count of packages whole on an 80-column line, not cut it mid-number', () => {
    const line = fitParts(
      [
        'each document judged by the positions of its date',
        '5 actors',
        '26 issues',
        '23,776,267,862,016 possible packages',
      ],
      80,
    );
    expect(line).toBe('each document judged by the positions of its date · 5 actors · 26 issues');
  });
});

describe('fitLabels with flags', () => {
  const width = (s: string) => Array.from(s).length;
  it('should cut the label, never its flag: each row ends in its flag, within its width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ label: fc.stringMatching(/^[a-z0-9 ]{1,60}$/), flagged: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 16, max: 90 }),
        (rows, columns) => {
          const flags = rows.map((r) => (r.flagged ? ' (unconfirmed)' : ''));
          const got = fitLabels(
            rows.map((r) => r.label),
            columns,
            flags,
          );
          got.forEach((g, k) => {
            expect(g.endsWith(flags[k]!)).toBe(true);
            expect(width(g)).toBeLessThanOrEqual(columns);
            // a label that fits with its flag is given whole (a cut one ends in …, so no other's cut reads like it)
            if (width(rows[k]!.label) + width(flags[k]!) <= columns)
              expect(g).toBe(`${rows[k]!.label}${flags[k]}`);
          });
        },
      ),
    );
  });
});
