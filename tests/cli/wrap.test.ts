// Text for people is wrapped to the terminal (80 on a pipe), between words only, continuation lines hanging under
// the text; JSON, CSV and documents never are. (The rest of the suite reads text unwrapped: vitest.config.ts sets
// COLUMNS wide; these tests set the width themselves.)
import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/cli/wrap.ts';
import { wrapLine, wrapText } from '../../src/cli/wrap-line.ts';
import { cli } from '../helpers.ts';

const SEED = 20260308;
const word = fc.stringMatching(/^[a-zà-ÿA-Z0-9,.;:'()–—-]{1,30}$/);

/** Lines of `text` wider than `width` that are more than one word after their indent. */
function overflowing(text: string, width: number): string[] {
  return text
    .split('\n')
    .filter((l) => stringWidth(l) > width && /\S\s+\S/.test(stripVTControlCharacters(l).trim()));
}

describe('wrapLine', () => {
  it('should keep each line within the width unless it is one long word, and never break or lose a word', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('', '• ', '✗ ', '1. '),
        fc.integer({ min: 30, max: 120 }),
        (words, indent, bullet, width) => {
          const line = `${' '.repeat(indent)}${bullet}${words.join(' ')}`;
          const out = wrapLine(line, width).split('\n');
          // continuation lines hang: indented as far as the line itself, unless that leaves under 24 columns
          const least = Math.min(indent, Math.max(0, width - 24));
          for (const l of out.slice(1)) {
            expect(l.startsWith(' '.repeat(least))).toBe(true);
            expect(l.trim()).not.toBe('');
          }
          for (const l of out) if (stringWidth(l) > width) expect(l.trim()).not.toMatch(/\s/);
          expect(out.join(' ').split(/\s+/).filter(Boolean)).toEqual(
            `${bullet}${words.join(' ')}`.split(/\s+/).filter(Boolean),
          );
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should hang a bulleted line under its text, a plain indented one two columns in, a paragraph flush', () => {
    const text = 'No cap below 250,000 troops, the lowest figure Ukraine has ever put forward. [unconfirmed]';
    expect(wrapLine(`    • ${text}`, 60).split('\n')).toEqual([
      '    • No cap below 250,000 troops, the lowest figure Ukraine',
      '      has ever put forward. [unconfirmed]',
    ]);
    expect(wrapLine(`  ${text}`, 60).split('\n')).toEqual([
      '  No cap below 250,000 troops, the lowest figure Ukraine',
      '    has ever put forward. [unconfirmed]',
    ]);
    expect(wrapLine(text, 60).split('\n')[1]).toBe('ever put forward. [unconfirmed]');
    // a row of columns hangs under its last column
    expect(
      wrapLine(
        `blame-and-pressure  Blame and pressure — the full negotiation with a blame hypothesis on`,
        60,
      ),
    ).toBe(
      'blame-and-pressure  Blame and pressure — the full\n                    negotiation with a blame hypothesis on',
    );
  });

  it('should keep colour on every line it wraps, and wrap as the plain text does', () => {
    const red = (s: string) => `\u001B[31m${s}\u001B[39m`;
    const dim = (s: string) => `\u001B[2m${s}\u001B[22m`;
    const line = `    ${dim('•')} ${red('rejects')}: ${dim('worth 0.425 to it, less than no deal (0.450); it asks for changes to Territory')}`;
    const out = wrapLine(line, 50);
    expect(stripVTControlCharacters(out)).toBe(wrapLine(stripVTControlCharacters(line), 50));
    for (const l of out.split('\n').slice(1)) expect(l).toContain('\u001B[2m');
  });

  it('should wrap every line of a text and keep blank lines', () => {
    expect(wrapText('a\n\nb', 10)).toBe('a\n\nb');
  });

  it('should read the width from COLUMNS, else the terminal, else 80', () => {
    expect(textWidth({}, {})).toBe(80);
    expect(textWidth({ columns: 132 }, {})).toBe(132);
    expect(textWidth({ columns: 132 }, { COLUMNS: '60' })).toBe(60);
    expect(textWidth({}, { COLUMNS: 'wide' })).toBe(80);
  });
});

describe('the commands, on a pipe', () => {
  const PIPE = { COLUMNS: '' };

  it('should wrap show, run, analyze, sources --key and list to 80 columns', () => {
    for (const args of [
      ['show', 'ukraine-peace'],
      ['run', 'tutorial-bilateral'],
      ['analyze', 'tutorial-bilateral'],
      ['sources', 'ukraine-peace', '--key', 's125', 's52'],
      ['list'],
      ['whatif', 'tutorial-bilateral', '--document', 'mediator-text', '--set', 'line=withdraw-2022'],
    ]) {
      const r = cli(args, PIPE);
      expect(r.code, args.join(' ')).toBe(0);
      expect(overflowing(r.stdout, 80), args.join(' ')).toEqual([]);
    }
    const narrow = cli(['show', 'ukraine-peace'], { COLUMNS: '60' });
    expect(overflowing(narrow.stdout, 60)).toEqual([]);
    // the same words, only the line breaks differ
    const wide = cli(['show', 'ukraine-peace'], { COLUMNS: '10000' });
    expect(narrow.stdout.split(/\s+/)).toEqual(wide.stdout.split(/\s+/));
  });

  it('should never wrap JSON, CSV, the JSON Schema or the sources document (markdown)', () => {
    for (const args of [
      ['sources', 'tutorial-bilateral'],
      ['run', 'tutorial-bilateral', '--json'],
      ['run', 'tutorial-bilateral', '--csv'],
      ['analyze', 'tutorial-bilateral', '--csv', 'documents'],
      ['show', 'ukraine-peace', '--help'],
      ['list', '--json'],
      ['schema'],
    ])
      expect(cli(args, PIPE).stdout, args.join(' ')).toBe(cli(args, { COLUMNS: '10000' }).stdout);
    const json = cli(['list', '--json'], PIPE).stdout;
    expect(json.split('\n').some((l) => stringWidth(l) > 80)).toBe(true);
  });
});
