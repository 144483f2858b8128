// At 80 columns no figure is split from its label and no continuation opens with a number or a mark that belongs
// to the line before (wrap-line.ts binds them into units); a row's last column too far right to hang under goes on
// a line of its own (sweep's red lines, analyze's reasons), two columns in under its row.
import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wrapLine } from '../../src/cli/wrap-line.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const SEED = 20261206;
const label = fc.constantFrom('max', 'min', 'mean', 'u', 'r', 'worth', 'utility', 'range');
const figure = fc.constantFrom(
  '0.713',
  '0.541,',
  '−0.10',
  '+0.05',
  '(0.054)',
  '90.0%',
  '250,000',
  '2025-11-23;',
);
const mark = fc.constantFrom('[reading]', '[assumption]', '[s85,');
const word = fc.stringMatching(/^[a-zA-Z;:'–—-]{1,12}$/);
/** The label of a column of figures (one after a comma or a semicolon is an item of a list, not a label). */
const name = fc.stringMatching(/^[a-zA-Z]{1,12}$/);
/** A unit: a label and its figure, a word and its mark, or a lone word. */
const unit = fc.oneof(
  fc.tuple(label, figure).map(([l, f]) => `${l} ${f}`),
  fc.tuple(word, mark).map(([w, m]) => `${w} ${m}`),
  word,
);

describe('wrapLine: figures and marks stay with their words', () => {
  it('should never split a label from its figure nor a word from its mark, and keep every line within the width unless it is one unit', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 60, max: 140 }),
        (units, indent, width) => {
          const line = `${' '.repeat(indent)}${units.join(' ')}`;
          const out = wrapLine(line, width).split('\n');
          // every unit whole on one line: the text is the units, each line a run of whole units
          const joined = out.map((l) => l.trim()).join('\n');
          for (const u of units.filter((x) => x.includes(' ')))
            expect(joined.includes(u) || joined.includes(u.replace(' ', '\n'))).toBe(true);
          for (const l of out.slice(1)) {
            const first = l.trim().split(' ')[0]!;
            expect(first, l).not.toMatch(/^(?:[(]?[−+-]?\d|\[)/);
          }
          for (const l of out)
            if (stringWidth(l) > width) expect(units.some((u) => u === l.trim())).toBe(true);
          expect(out.join(' ').split(/\s+/).filter(Boolean)).toEqual(units.join(' ').split(/\s+/));
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('should wrap a row of columns within the width, its figures with their labels, a long last column under the row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(name, fc.constantFrom('0.713', '+0.05', '90.0%')), { minLength: 2, maxLength: 6 }),
        fc.array(unit, { minLength: 0, maxLength: 30 }),
        fc.integer({ min: 60, max: 140 }),
        (indent, cells, reason, width) => {
          const figures = cells.map(([w, f]) => `${w.padEnd(12)}  ${f}`).join('  ');
          const line = `${' '.repeat(indent)}${figures}${reason.length ? `  red line: ${reason.join(' ')}` : ''}`;
          const out = wrapLine(line, width).split('\n');
          // every unit here is shorter than the narrowest width: no line is over it
          for (const l of out) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
          for (const l of out.slice(1)) expect(l.trim(), l).not.toMatch(/^(?:[(]?[−+-]?\d|\[)/);
          expect(out.join(' ').split(/\s+/).filter(Boolean)).toEqual(line.split(/\s+/).filter(Boolean));
          // a reason that does not fit beside the figures starts a line of its own, two columns in under the row
          const at = out.findIndex((l) => l.includes('red line:'));
          if (at >= 0 && !out[at]!.includes(cells.at(-1)![1]))
            expect(out[at]!.startsWith(`${' '.repeat(indent + 2)}red line:`)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should keep "max 0.713" together and break a list of numbers between its items', () => {
    const row = '  Russia                    accepts  90.0%  utility mean 0.692, min 0.672, max 0.713';
    expect(wrapLine(row, 80).split('\n')).toEqual([
      '  Russia                    accepts  90.0%  utility mean 0.692, min 0.672,',
      '                                            max 0.713',
    ]);
    // a figure after a comma or a figure is an item of a list, not bound: "13 issues" stays together
    expect(
      wrapLine('situation of 2025-12-24 · record ends 2025-12-24 · 5 actors, 13 issues, 23 packages', 60),
    ).toBe('situation of 2025-12-24 · record ends 2025-12-24 · 5 actors,\n13 issues, 23 packages');
  });

  it('should put a last column too far right to hang under on its own line, two columns in under its row', () => {
    const row =
      '  Ukraine                   accepts   0.0%  utility mean 0.509, min 0.477, max 0.541  red line: No withdrawal from land Ukraine holds unless the people approve it.';
    expect(wrapLine(row, 80).split('\n')).toEqual([
      '  Ukraine                   accepts   0.0%  utility mean 0.509, min 0.477,',
      '                                            max 0.541',
      '    red line: No withdrawal from land Ukraine holds unless the people approve',
      '      it.',
    ]);
  });

  it('should keep a mark that opens an item with the item it marks ("+ [reading] Russia:")', () => {
    const line =
      '      [assumption] Russia: value of no deal at the other end of its range (0.58 → 0.40) + [reading] Russia: dated positions dropped';
    const out = wrapLine(line, 80).split('\n');
    expect(out.some((l) => /\[reading\]$/.test(l))).toBe(false);
    expect(out.join(' ')).toContain('+ [reading] Russia:');
  });

  it('should leave a line that contains a no-break space of its own as it was', () => {
    const line = `a line of words that wraps at forty columns, with\u00A0its own no-break space, and max 0.5`;
    expect(wrapLine(line, 40).replaceAll('\n', ' ')).toBe(line);
  });
});

describe('the tables at 80 columns', () => {
  beforeEach(() => {
    vi.stubEnv('COLUMNS', '80');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const plainLines = (t: string) => stripVTControlCharacters(t).split('\n');

  it('sweep: keeps max with its figure, and puts each red line on its own line under its row', async () => {
    const lines = plainLines(await cli('sweep', 'ukraine-peace', '-n', '200'));
    expect(lines.filter((l) => /\bmax$/.test(l.trimEnd()))).toEqual([]);
    // no line opens with a figure but an item's number
    expect(lines.filter((l) => /^\s+(?!\d+\. )\d/.test(l))).toEqual([]);
    // each actor's red lines under its row, the head four columns in, its items six, the first after the head
    const heads = lines.flatMap((l, k) => (/red lines?:\s*$/.test(l) ? [k] : []));
    expect(heads.length).toBeGreaterThan(0);
    for (const k of heads) {
      expect(lines[k], lines[k]).toMatch(/^ {4}red lines?:$/);
      expect(lines[k + 1], lines[k + 1]).toMatch(/^ {6}(?:– |1\. )\S/);
    }
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });

  it('analyze: a verdict row its figures, each reason under it two columns in, never a narrow column at the right', async () => {
    const all = plainLines(await cli('analyze', 'ukraine-peace'));
    // the Documents section: the verdict tables
    const lines = all.slice(all.indexOf('Documents'), all.indexOf('Bargaining solutions'));
    const rows = lines.filter((l) => /^ {4}\S.*\b(?:accepts|rejects) {2}u \S+ {2}r \S+/.test(l));
    expect(rows.length).toBeGreaterThan(20);
    // no row keeps a reason beside its figures, and every reason line starts six columns in
    for (const r of rows) expect(r, r).toMatch(/[+−]\d\.\d{3}$/);
    const reasons = lines.filter((l) => /^\s+(?:red lines?:$|below reservation)/.test(l));
    expect(reasons.length).toBeGreaterThan(0);
    for (const l of reasons) expect(l, l).toMatch(/^ {6}\S/);
    // a red line is an item two columns further in
    const items = lines.filter((l) => /^\s+(?:– |\d+\. )/.test(l));
    expect(items.length).toBeGreaterThan(0);
    for (const l of items) expect(l, l).toMatch(/^ {8}\S/);
    expect(lines.filter((l) => /^ {30,}\S/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\s+(?:(?!\d+\. )\d|\[(?:reading|assumption)\])/.test(l))).toEqual([]);
  });

  it('timeline: a row too wide for the width puts its date and whole title on a line, its verdicts under it', async () => {
    const lines = plainLines(await cli('timeline', 'ukraine-peace'));
    const head = lines.indexOf('date        document');
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^ {2}by +Russia +Ukraine +US +EU +Coalition +deal +feasible$/);
    // each verdict row: who tabled it, a verdict for every actor, the deal and the feasible count, within the width
    const rows = lines.filter((l) => /^ {2}\S+ +(?:\(?(?:yes|no)\)? +){6}[\d,]+$/.test(l));
    expect(rows.length).toBeGreaterThan(15);
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(lines).toContain('2025-11-20  US 28-point peace plan (original draft)');
    // a table that fits keeps its one row a document, the flag of a text the record does not settle in its cell
    vi.stubEnv('COLUMNS', '120');
    const tutorial = plainLines(await cli('timeline', 'tutorial-bilateral'));
    const unsettled = loadScenarioFile('scenarios/tutorial-bilateral.yaml').documents.filter(
      (d) => !d.confirmed,
    );
    expect(unsettled.length).toBeGreaterThan(0);
    for (const d of unsettled)
      expect(tutorial.some((l) => l.startsWith(`${d.date}  ${d.title} (unconfirmed)  North  `))).toBe(true);
    expect(tutorial).toContain(
      "2024-06-14  North's opening demands                     North  yes    no     no    48",
    );
  });

  it('analyze: keeps the reasons in their column where it leaves room to read (120 columns)', async () => {
    vi.stubEnv('COLUMNS', '120');
    const lines = plainLines(await cli('analyze', 'ukraine-peace'));
    expect(lines.some((l) => /[+−]\d\.\d{3} {2}red lines?:$/.test(l))).toBe(true);
  });

  it('analyze: writes the reasons under the row where their column would be a narrow strip', async () => {
    for (const [columns, scenario] of [
      ['100', 'ukraine-peace'],
      ['80', 'tutorial-bilateral'],
    ] as const) {
      vi.stubEnv('COLUMNS', columns);
      const lines = plainLines(await cli('analyze', scenario));
      // no reason beside a row's figures, and each reason starts a line of its own under its row
      expect(lines.some((l) => /[+−]\d\.\d{3} {2}\S/.test(l))).toBe(false);
      const rows = lines.flatMap((l, k) => (/ rejects {2}u \d/.test(l) ? [k] : []));
      expect(rows.length).toBeGreaterThan(0);
      for (const k of rows) expect(lines[k + 1]).toMatch(/^ {6}(red lines?:|below reservation)/);
    }
  });
});
