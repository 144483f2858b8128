// The sanitiser (domain/text.ts): what is removed, what is kept, and that messages stay on one line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanJsonStrings,
  cleanOutput,
  cleanText,
  oneLine,
  quote,
  showPath,
  textOf,
  UNSAFE_CHAR,
} from '../../src/domain/text.ts';

const SEED = 1204;
const ESC = '\u001b';
/** a control character, DEL, C1, a line separator or a bidi override/isolate: never in a cleaned string */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test is about
const BAD = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the program's colour codes
const SGR_ALL = /\u001b\[[0-9;]*m/g;

const pieces = fc.constantFrom(
  'a',
  'é',
  'ش',
  '😀',
  ' ',
  '\n',
  '\r\n',
  '\t',
  `${ESC}]0;pwned\u0007`,
  `${ESC}]8;;http://x${ESC}\\`,
  `${ESC}[2J`,
  `${ESC}[31m`,
  `${ESC}[`,
  `${ESC}c`,
  `${ESC}P1$r${ESC}\\`,
  '\u009b2J',
  '\u009d0;x\u009c',
  '\u202e',
  '\u2066',
  '\u0000',
  '\u007f',
);
const hostile = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: pieces, maxLength: 20 }));

describe('cleanText', () => {
  it('should turn the title of the issue into plain text (the OSC retitled the pane, the CSI cleared the screen)', () => {
    expect(cleanText('T \u001b]0;pwned\u0007\u001b[2J')).toBe('T ');
  });

  it('should remove whole escape sequences, 7-bit and C1, not leave their parameters behind', () => {
    expect(cleanText('a\u001b[1;31mred\u001b[0m b')).toBe('ared b');
    expect(cleanText('a\u009b1;31mb')).toBe('ab');
    expect(cleanText('a\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
    expect(cleanText('a\u009d0;title\u009cb')).toBe('ab');
    expect(cleanText('a\u001bPq#0;2;0;0;0\u001b\\b')).toBe('ab');
    expect(cleanText('a\u001bcb\u001b(Bc')).toBe('abc');
  });

  it('should drop bidi overrides and isolates but keep the text they would reorder', () => {
    expect(cleanText('abc\u202edcba\u202c \u2066x\u2069')).toBe('abcdcba x');
  });

  it('should keep newlines, make CR LF and line separators newlines and tabs spaces', () => {
    expect(cleanText('one\r\ntwo\rthree\u2028four\tfive')).toBe('one\ntwothree\nfour five');
  });

  it('should leave every printable character alone, in any script', () => {
    const text = 'Україна — Россия: 20-point plan (€, ✓, 😀, عربى, 中文)\nsecond line';
    expect(cleanText(text)).toBe(text);
  });

  it('should leave no unsafe character in any string, and be idempotent', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const c = cleanText(s);
        expect(c).not.toMatch(BAD);
        expect(UNSAFE_CHAR.test(c)).toBe(false);
        expect(cleanText(c)).toBe(c);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should only remove characters, never add or reorder the printable ones', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), hostile, (plain, junk) => {
        const printable = [...plain].filter((c) => !BAD.test(c) && c !== '\n' && c !== ESC).join('');
        // junk placed after all printable text can only vanish or add its own printable characters at the end
        expect(cleanText(printable + junk).startsWith(printable)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('cleanJsonStrings', () => {
  it('should clean every string of a JSON file as it is parsed (moves files)', () => {
    const text = '{"actor":"south\\u001b]0;x\\u0007","move":{"type":"accept","note":["\\u202eabc"]},"n":1}';
    expect(JSON.parse(text, cleanJsonStrings)).toEqual({
      actor: 'south',
      move: { type: 'accept', note: ['abc'] },
      n: 1,
    });
  });
});

describe('cleanOutput (the terminal border)', () => {
  it("should keep the program's colour codes on a colour terminal and nothing else", () => {
    const painted = `\u001b[1mbold\u001b[22m \u001b[31mred\u001b[39m`;
    expect(cleanOutput(painted, true)).toBe(painted);
    expect(cleanOutput(`${painted}\u001b]0;pwned\u0007\u001b[2J\u001b[H`, true)).toBe(painted);
  });

  it('should remove every escape sequence when colours are off', () => {
    expect(cleanOutput('\u001b[1mbold\u001b[22m\ttab', false)).toBe('bold\ttab');
  });

  it('should let no escape but SGR through, whatever is written', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, color) => {
        const out = cleanOutput(s, color);
        const withoutSgr = out.replace(SGR_ALL, '');
        expect(withoutSgr.replaceAll('\t', '')).not.toMatch(BAD);
        if (!color) expect(out).not.toContain(ESC);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('messages', () => {
  it('should quote values JSON-style, with C1, line separators and bidi escaped too', () => {
    expect(quote('a"b\nc')).toBe('"a\\"b\\nc"');
    expect(quote('x\u001b[2J\u202e\u0085\u2028')).toBe('"x\\u001b[2J\\u202e\\u0085\\u2028"');
    expect(quote(42)).toBe('"42"');
  });

  it('should describe any value without throwing, even an object whose toString is not a function', () => {
    expect(textOf({ toString: { id: 1 } })).toBe('{"toString":{"id":1}}');
    expect(textOf(10n)).toBe('10');
    expect(quote(undefined)).toBe('"undefined"');
  });

  it('should keep any text on one line, with escapes for what would break it', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const m of [oneLine(s), quote(s), showPath(s)]) {
          expect(m).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(m).not.toMatch(BAD);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should show ordinary paths as given and quote odd ones', () => {
    expect(showPath('scenarios/my scenario.yaml')).toBe('scenarios/my scenario.yaml');
    expect(showPath('x\n/tmp/fake.yaml:1:1: error')).toBe('"x\\n/tmp/fake.yaml:1:1: error"');
  });
});
