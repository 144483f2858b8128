// Numbers, options and column widths as people read them, the same in every output (run, reports, analyze,
// whatif, the screen). --json and --csv carry the raw numbers; these are for text only.
//
// A negative number is written with a true minus sign (U+2212), never with the ASCII hyphen-minus: it is the sign
// the narration, the durability estimate and the play screen already used, it is as wide as "+" in the fonts the
// HTML report uses (so signed columns line up), and nothing reads these texts back as numbers — a program takes
// --json or --csv, where numbers are numbers.
import { createRequire } from 'node:module';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario } from '../domain/types.ts';
import type { TermValue } from '../engine/terms.ts';

const MINUS = '\u2212';

/** `x` to `digits` decimals, a negative with a true minus; a value that rounds to zero is "0.000", never "−0.000". */
export function fixed(x: number, digits = 3): string {
  const t = Math.abs(x).toFixed(digits);
  return x < 0 && Number(t) !== 0 ? `${MINUS}${t}` : t;
}

/** Utilities, values of no deal, costs: three decimals. */
export const n3 = (x: number): string => fixed(x, 3);

/** Durability estimates: two decimals. */
export const n2 = (x: number): string => fixed(x, 2);

/** How far apart two numbers may be and still be equal: the accept rule's tolerance (domain/evaluate.ts). */
const EQUAL = 1e-12;
const MOST_DIGITS = 15;

/**
 * The decimals — `least`, or as many more as it takes, up to 15 — at which each pair of numbers a sentence
 * compares reads as it stands: "worth 0.4996 to it, less than no deal (0.5004)", never "worth 0.500 to it, less
 * than no deal (0.500)". A pair equal within the verdicts' tolerance reads equal.
 */
export function digitsApart(pairs: readonly (readonly [number, number])[], least = 3): number {
  let d = least;
  while (d < MOST_DIGITS && pairs.some(([a, b]) => Math.abs(a - b) > EQUAL && fixed(a, d) === fixed(b, d)))
    d++;
  return d;
}

/**
 * A change or a margin, always signed: "+0.138", "−0.025", "+0.000". A negative one that `digits` would round to
 * nothing takes the decimals that show it ("−0.0003"): a margin below zero never reads "+0.000".
 */
export function signed(x: number, digits = 3): string {
  const t = fixed(x, x < 0 ? digitsApart([[x, 0]], digits) : digits);
  return t.startsWith(MINUS) ? t : `+${t}`;
}

/**
 * "before → after (change)" as three figures that add up as printed: at 3 decimals 0.23249 → 0.24451 reads
 * "0.232 → 0.245", and a change printed as its own rounding (+0.012) would not be their difference (0.013). The
 * change is the difference of the printed figures — within one unit of their last decimal of the true change —
 * and the figures take more decimals than `least` only where they would otherwise read equal.
 */
export function changeFigures(before: number, after: number, least = 3): readonly [string, string, string] {
  const d = digitsApart([[before, after]], least);
  const [a, b] = [fixed(before, d), fixed(after, d)];
  const scaled = (t: string) => Math.round(Number(t.replace(MINUS, '-')) * 10 ** d);
  const change = (scaled(b) - scaled(a)) / 10 ** d;
  return [a, b, change < 0 ? fixed(change, d) : `+${fixed(change, d)}`];
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10 to the power `e` as printed: "10⁻⁷", "10⁶". */
function powerOfTen(e: number): string {
  const digits = [...String(Math.abs(e))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

/**
 * A quantity whose size ranges over many powers of ten (a Nash product): `digits` significant figures, plain
 * from 0.001 up ("0.01173"), in scientific notation below ("7.105 × 10⁻⁷", never "0.0000007105" nor the
 * programmer's "7.105e-7") and from 10^digits up; zero is "0". Scientific notation with × and a superscript
 * exponent is read the same way in every school system, which "e-7" is not.
 */
export function significant(x: number, digits = 4): string {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? '0' : String(x);
  const [mantissa = '', exp = '0'] = Math.abs(x)
    .toExponential(digits - 1)
    .split('e');
  const e = Number(exp);
  const body = e < -3 || e >= digits ? `${mantissa} × ${powerOfTen(e)}` : Math.abs(x).toPrecision(digits);
  return x < 0 ? `${MINUS}${body}` : body;
}

/**
 * A part of a whole as a percentage people read: "0%" for none, three significant figures down to 0.01%, and
 * "< 0.01%" below (where the count beside it says how few), "> 99.9%" for a part short of the whole that would
 * round to 100%: never exponent notation.
 */
export function percentOf(part: number, whole: number): string {
  const p = whole > 0 ? (100 * part) / whole : 0;
  // a part short of the whole never reads "100%", as a part above none never reads "0%"
  if (p < 100 && p.toPrecision(3) === '100') return '> 99.9%';
  return p === 0 ? '0%' : p < 0.01 ? '< 0.01%' : `${p.toPrecision(3)}%`;
}

/** A durability factor's shift: "+0.10", "−0.05". */
export const shift2 = (x: number): string => signed(x, 2);

/** "1 issue", "12 issues", "1,000 packages": a count and its noun, singular for one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** An option of an issue by its id (or, for a numeric issue, its value) as people read it: its label. */
export function optionLabel(scenario: Scenario, issueId: string, value: TermValue): string {
  const i = scenario.issueIndex.get(issueId);
  if (i === undefined) return String(value);
  const o = optionOf(scenario, i, value);
  return o < 0 ? String(value) : scenario.issues[i]!.options[o]!.label;
}

/** An option by its indices, as people read it: its label. */
export function optionLabelAt(scenario: Scenario, issue: number, option: number): string {
  return scenario.issues[issue]?.options[option]?.label ?? String(option);
}

type StringWidth = typeof import('string-width').default;
let stringWidth: StringWidth | undefined;

// The characters the outputs are made of — Latin, Greek and Cyrillic letters, dashes, quotes, †, arrows,
// mathematical signs, box drawing, ✓ ✗ ❯ — each one cell by string-width's rules, and none that combines with its
// neighbour: a text of these alone is as wide as it is long (tests/report/cells.test.ts checks every one of them
// against string-width). Left out: soft hyphen, combining marks, joiners and the emoji among the shapes and dingbats.
const NARROW =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u2070-\u20C0\u2100-\u214F\u2190-\u22FF\u2500-\u25FC\u25FF\u2713\u2717\u276F]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const COLOUR = /\u001B\[[0-9;]*m/g;

/**
 * The terminal cells a text takes: wide characters count two, combining marks and colour codes none. A text of
 * narrow characters only (nearly every line peacesim prints) is counted as it is; any other goes to string-width,
 * loaded at the first such text: it compiles its emoji expressions as it loads (35–50 ms of CPU), which the
 * commands, worker threads and texts that need none of it never pay.
 */
export function cells(text: string): number {
  const plain = text.includes('\u001B') ? text.replace(COLOUR, '') : text;
  if (NARROW.test(plain)) return plain.length;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return stringWidth(text);
}

/** `text` padded with spaces to `width` terminal cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cells(text)));
}

// made at the first split, as string-width is loaded at the first width: a segmenter costs ICU's data (about 19 ms)
let graphemes: Intl.Segmenter | undefined;

/** The longest head of `text` that fits in `width` cells (at least one character), and the rest. */
export function splitCells(text: string, width: number): readonly [string, string] {
  let head = '';
  let used = 0;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    const w = cells(segment);
    if (head && used + w > width) break;
    head += segment;
    used += w;
  }
  return [head, text.slice(head.length)];
}

/** The text with its first letter in capitals: a clause that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
