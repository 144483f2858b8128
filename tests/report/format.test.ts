// report/format.ts: numbers with one minus sign, options as labels, widths in terminal cells — and the two
// column layouts that use them (analyze's tables, the screen's word wrap) lining up wide characters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import {
  cells,
  changeFigures,
  fixed,
  n2,
  n3,
  optionLabel,
  optionLabelAt,
  padCells,
  percentOf,
  shift2,
  signed,
  significant,
  splitCells,
} from '../../src/report/format.ts';
import { wrapSpans } from '../../src/ui/layout.ts';
import { ROOT } from '../helpers.ts';

const MINUS = '\u2212';

describe('numbers', () => {
  it('should write a negative with a true minus and never a minus zero', () => {
    expect(n3(-0.025)).toBe(`${MINUS}0.025`);
    expect(n3(0.5)).toBe('0.500');
    expect(n3(-0.0004)).toBe('0.000');
    expect(n2(-0.05)).toBe(`${MINUS}0.05`);
    expect(fixed(1.23456, 1)).toBe('1.2');
  });

  it('should write a quantity of any size to 4 significant figures, in scientific notation below 0.001', () => {
    // toPrecision would give "7.105e-7" here and "0.000003205" one power of ten up
    expect(significant(7.105e-7)).toBe('7.105 × 10⁻⁷');
    expect(significant(0.000003205)).toBe('3.205 × 10⁻⁶');
    expect(significant(0.0006515)).toBe('6.515 × 10⁻⁴');
    expect(significant(1.2e-12)).toBe('1.200 × 10⁻¹²');
    expect(significant(0.01173)).toBe('0.01173');
    expect(significant(0.0009999999)).toBe('0.001000');
    expect(significant(0.55)).toBe('0.5500');
    expect(significant(123456)).toBe('1.235 × 10⁵');
    expect(significant(-2.5e-5)).toBe(`${MINUS}2.500 × 10⁻⁵`);
    expect(significant(0)).toBe('0');
    expect(significant(-0)).toBe('0');
  });

  it('should write a share as a percentage people read: none, three figures, or below 0.01%, never an exponent', () => {
    // analyze printed "(0.00%)" for none and would have printed "1.45e-8%" for a sliver of a huge space
    expect(percentOf(0, 23_776_267_862_016)).toBe('0%');
    expect(percentOf(3_450, 23_776_267_862_016)).toBe('< 0.01%');
    expect(percentOf(1, 3)).toBe('33.3%');
    expect(percentOf(1, 1)).toBe('100%');
    expect(percentOf(0.0001, 1)).toBe('0.0100%');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (whole, f) => {
          const part = Math.floor(f * whole);
          const text = percentOf(part, whole);
          expect(text).not.toMatch(/e/);
          const p = (100 * part) / whole;
          if (p === 0) expect(text).toBe('0%');
          else if (p < 0.01) expect(text).toBe('< 0.01%');
          // short of the whole, never "100%"
          else if (text === '> 99.9%') expect(p).toBeLessThan(100);
          // three significant figures read back within half a unit of the third
          else expect(Math.abs(Number.parseFloat(text) - p)).toBeLessThanOrEqual(p * 0.005 + 1e-12);
        },
      ),
      { seed: 20_261_205, numRuns: 300 },
    );
  });

  it('should sign every change, zero with a plus', () => {
    expect(signed(0.138)).toBe('+0.138');
    expect(signed(-0.025)).toBe(`${MINUS}0.025`);
    // a change below zero keeps its minus, with the decimals that show it; float noise is no change
    expect(signed(-0.0004)).toBe(`${MINUS}0.0004`);
    expect(signed(-1e-13)).toBe('+0.000');
    expect(signed(0)).toBe('+0.000');
    expect(shift2(-0.05)).toBe(`${MINUS}0.05`);
    expect(shift2(0.1)).toBe('+0.10');
  });

  it('should never print an ASCII hyphen-minus, and read back as the rounded number', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const s = signed(x, d);
        expect(s).not.toContain('-');
        expect(Number(s.replace(MINUS, '-'))).toBeCloseTo(Number(x.toFixed(d)), d);
      }),
      { seed: 20_251_204, numRuns: 300 },
    );
  });
});

describe('a change beside its figures', () => {
  const value = (t: string) => Number(t.replace(MINUS, '-').replace('+', ''));
  const decimals = (t: string) => t.length - t.indexOf('.') - 1;

  it('should print a change that is the difference of the printed figures', () => {
    // at three decimals 0.23249 → 0.24451 reads 0.232 → 0.245: the change reads +0.013, not its own rounding +0.012
    expect(changeFigures(0.23249, 0.24451)).toEqual(['0.232', '0.245', '+0.013']);
    expect(changeFigures(0.2, 0.5)).toEqual(['0.200', '0.500', '+0.300']);
    // figures that would read equal take the decimals that tell them apart
    expect(changeFigures(0.50004, 0.49996)).toEqual(['0.50004', '0.49996', `${MINUS}0.00008`]);
  });

  it('should add up as printed, stay within a unit of the change, and read apart (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const [a, b, c] = changeFigures(x, y);
          const d = decimals(a);
          expect([decimals(b), decimals(c)]).toEqual([d, d]);
          // integers at d decimals: the printed change is exactly the printed difference
          const at = (t: string) => Math.round(value(t) * 10 ** d);
          expect(at(b) - at(a)).toBe(at(c));
          expect(Math.abs(value(a) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-12);
          expect(Math.abs(value(b) - y)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-12);
          expect(Math.abs(value(c) - (y - x))).toBeLessThanOrEqual(10 ** -d + 1e-12);
          // three decimals unless two different figures would read equal at three; then they read apart
          if (fixed(x, 3) !== fixed(y, 3) || Math.abs(x - y) <= 1e-12) expect(d).toBe(3);
          else expect(a).not.toBe(b);
          expect(c.startsWith('+') || c.startsWith(MINUS)).toBe(true);
        },
      ),
      { seed: 20_261_206, numRuns: 500 },
    );
  });
});

describe('options', () => {
  const s = openScenario('tutorial-bilateral');
  it('should name an option by its label, from its id, its value or its indices', () => {
    expect(optionLabel(s, 'line', 'freeze')).toBe('The front is frozen where it stands');
    expect(optionLabel(s, 'army-cap', 250000)).toBe('250,000 troops');
    expect(optionLabel(s, 'army-cap', 1000000)).toBe('no cap');
    expect(optionLabelAt(s, s.issueIndex.get('alliance')!, 1)).toBe('Ukraine is permanently neutral');
  });

  it('should fall back to what it was given for what the scenario does not know', () => {
    expect(optionLabel(s, 'nope', 'x')).toBe('x');
    expect(optionLabel(s, 'line', 'nope')).toBe('nope');
  });
});

describe('widths in terminal cells', () => {
  it('should count wide characters as two, colour codes and combining marks as none', () => {
    expect(cells('領土')).toBe(4);
    expect(cells('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(cells('e\u0301')).toBe(1);
    expect(padCells('領', 4)).toBe('領  ');
  });

  const text = fc.array(fc.constantFrom('a', 'é', 'e\u0301', '領', '土', '😀', 'Z', '-'), { maxLength: 30 });

  it('should split a text where it fits, without cutting a character', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (parts, width) => {
        const t = parts.join('');
        const [head, rest] = splitCells(t, width);
        expect(head + rest).toBe(t);
        if (t) expect(head.length).toBeGreaterThan(0);
        // over the width only when a single character is wider than it
        if (cells(head) > width) expect([...new Intl.Segmenter().segment(head)].length).toBe(1);
      }),
      { seed: 20_251_204, numRuns: 300 },
    );
  });

  it('should wrap the screen at the width in cells, wide characters included', () => {
    const words = fc.array(fc.array(fc.constantFrom('a', '領', 'é', '土'), { minLength: 1, maxLength: 9 }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 30 }), (ws, width) => {
        const t = ws.map((w) => w.join('')).join(' ');
        const lines = wrapSpans([{ text: t }], width).map((l) => l.map((x) => x.text).join(''));
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replaceAll(' ', '')).toBe(t.replaceAll(' ', ''));
      }),
      { seed: 20_251_204, numRuns: 200 },
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'peacesim-format-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should line up analyze's columns when a label has wide characters", async () => {
    const file = join(dir, 'wide.yaml');
    writeFileSync(
      file,
      [
        'format: 1',
        `include: ${JSON.stringify(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'))}`,
        'id: wide',
        'title: Wide labels',
        'summary: the tutorial with a label in wide characters',
        'date: 2025-03-01',
        'issues:',
        '  - id: line',
        '    label: 領土の線',
        '',
      ].join('\n'),
    );
    const io = memoryIo();
    expect(await run(['analyze', file], io)).toBe(0);
    const lines = io.stdout().split('\n');
    // the terms the solutions share: the option column starts at the same cell in the wide row and in the next
    const wide = lines.find((l) => l.includes('領土の線') && l.includes('The front is frozen'))!;
    const next = lines[lines.indexOf(wide) + 1]!;
    const at = (l: string, word: string) => stringWidth(l.slice(0, l.indexOf(word)));
    expect(at(wide, 'The front is frozen')).toBe(at(next, 'Ukraine is permanently neutral'));
  });
});
