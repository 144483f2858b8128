// Wrapping one line, or a text, to a width: breaks between words, never inside one (a word longer than the line
// stays whole); a continuation hangs under its text, after its indent and bullet ("• ", "– ", "✗ ", "1. "), or two
// columns in when it has none. A figure stays with its label ("max 0.713", "u 0.444") and a mark or source list
// with what it marks ("holds. [reading] [s85,"), so no continuation opens with a number or a bracket that belongs
// to the line before; a row's last column too far right to hang under goes on a line of its own. Loaded only by
// commands that print text (wrap.ts), for start-up.
import { stripVTControlCharacters } from 'node:util';
import { wrapAnsi } from 'fast-wrap-ansi';
import { cells } from '../report/format.ts';
// a continuation narrower than MIN_TEXT hangs less: better a shallow indent than a column of single words
import { MIN_TEXT } from './min-text.ts';

// SGR colour codes, which take no column
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const SGR = /\u001B\[[0-9;]*m/y;
const MARKER = /^( *)((?:[•✓✗!*–-]|\d+[.)]|\[[ x]\]) +)?/;

/** The index in `line` (with its colour codes) after `columns` visible columns. */
function rawIndex(line: string, columns: number): number {
  let at = 0;
  let seen = 0;
  while (at < line.length && seen < columns) {
    SGR.lastIndex = at;
    const code = SGR.exec(line);
    if (code) {
      at += code[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(at)!);
    seen += cells(ch);
    at += ch.length;
  }
  // colour codes that open the text after the prefix belong to the text
  return at;
}

/** Where the last column of a row of aligned columns starts (after a gap of two spaces or more), or null. */
function lastColumn(plain: string): number | null {
  let at: number | null = null;
  for (const gap of plain.trimEnd().matchAll(/\S( {2,})(?=\S)/g))
    at = cells(plain.slice(0, gap.index + 1 + gap[1]!.length));
  return at;
}

/** A figure ("0.713", "(0.054)", "−0.10", "2024)", "90.0%"), which belongs to the word before it. */
const FIGURE = /^[(]?[−+±-]?\d/;
/** A mark or source list ("[reading]", "[s85,"), which belongs to what it marks. */
const MARK = /^\[/;
/** What joins the items of a list whose marks come first ("… + [reading] Russia: …"). */
const OPENS = /^[+·]$/;
/** A month after its day ("14 Jun 2024"), which stays with it. */
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
/** Binds a unit's words while the text is wrapped: a space that no break is made at (and none is written as). */
const BIND = '\u00A0';

/**
 * `text` with the space before each figure or mark bound to the word before it, so that they wrap as one unit: a
 * figure after a word or a mark, a mark after anything, a month after its day. A figure after a figure, a comma ("5
 * actors, 13 issues") or a parenthesis ("points) (2025-11-23") is not bound: a list still breaks between its items.
 * A unit wider than `room` stays unbound: better broken than over the width. Text that has a no-break space of its
 * own is left as it is.
 */
function bindUnits(text: string, room: number): string {
  if (text.includes(BIND)) return text;
  const words = text.split(' ');
  const plain = words.map((w) => stripVTControlCharacters(w));
  const bound = plain.map(
    (w, k) =>
      k > 0 &&
      w !== '' &&
      plain[k - 1] !== '' &&
      (MARK.test(w) ||
        (FIGURE.test(w) && !FIGURE.test(plain[k - 1]!) && !/[,;)]$/.test(plain[k - 1]!)) ||
        (MONTH.test(w) && FIGURE.test(plain[k - 1]!))),
  );
  // in a row of columns, a figure across the gap from its label ("accepts  90.0%") is a unit too
  for (let k = 1; k < words.length; k++) {
    if (plain[k] === '' || plain[k - 1] !== '' || !FIGURE.test(plain[k]!)) continue;
    let j = k - 1;
    while (j > 0 && plain[j] === '') j--;
    const label = plain[j]!;
    if (label !== '' && !FIGURE.test(label) && !/[,;)]$/.test(label))
      for (let b = j + 1; b <= k; b++) bound[b] = true;
  }
  // a mark that opens an item ("… + [reading] Russia: …", hinges' sets) marks what follows: it binds forward too
  for (let k = 1; k + 1 < words.length; k++)
    if (MARK.test(plain[k]!) && OPENS.test(plain[k - 1]!) && plain[k + 1] !== '') bound[k + 1] = true;
  // a unit too wide for the room is left to break
  for (let start = 0; start < words.length; ) {
    let end = start + 1;
    while (end < words.length && bound[end]) end++;
    if (cells(plain.slice(start, end).join(' ')) > room)
      for (let k = start + 1; k < end; k++) bound[k] = false;
    start = end;
  }
  return words.map((w, k) => (k === 0 ? w : (bound[k] ? BIND : ' ') + w)).join('');
}

/** A short last column ("accepts, unchanged") that wraps in two lines or fewer, no word wider than `room`. */
function short(text: string, room: number): boolean {
  const lines = wrapAnsi(text, room, { hard: false, trim: true }).split('\n');
  return lines.length <= 2 && lines.every((l) => cells(l) <= room);
}

/**
 * How a row of aligned columns wraps: under its last column when that leaves room to read, or when that column is
 * short; else, if the last column is text (a reason, a note), apart — the row, then that column on a line of its
 * own two columns in; else (one more figure of a table too wide for the width) as any line.
 */
function rowLayout(
  line: string,
  plain: string,
  width: number,
): { under: number } | { apart: [string, string] } | null {
  const column = lastColumn(plain);
  if (column === null) return null;
  if (width - column >= MIN_TEXT) return { under: column };
  const cut = rawIndex(line, column);
  const last = stripVTControlCharacters(line.slice(cut));
  if (width - column >= 8 && short(last, width - column)) return { under: column };
  if (!/\S \S/.test(last)) return null;
  return { apart: [line.slice(0, cut).trimEnd(), line.slice(cut)] };
}

/** One line wrapped to `width` columns, continuation lines hanging under its text. */
export function wrapLine(line: string, width: number): string {
  if (cells(line) <= width) return line;
  const plain = stripVTControlCharacters(line);
  const m = MARKER.exec(plain)!;
  const indent = m[1]!.length;
  const row = rowLayout(line, plain, width);
  // the row, and under it its last column two columns in (a reason after a row of figures, say)
  if (row && 'apart' in row)
    return `${wrapLine(row.apart[0], width)}\n${wrapLine(' '.repeat(indent + 2) + row.apart[1], width)}`;
  let head = indent + (m[2] ? cells(m[2]) : 0);
  // under the text after a bullet; an indented line without one two columns further in, so that the next
  // line's start stands out; a paragraph (no indent, no bullet) flush
  let hang = m[2] || indent === 0 ? head : indent + 2;
  // a row of aligned columns hangs under its last column
  if (row) {
    head = row.under;
    hang = row.under;
  }
  if (!row && width - hang < MIN_TEXT) hang = Math.max(0, Math.min(head, width - MIN_TEXT));
  // the prefix kept on the first line: the indent and bullet, or (hanging less than that) spaces only
  const cut = rawIndex(line, hang >= head ? head : Math.min(indent, hang));
  const prefix = line.slice(0, cut);
  const text = line.slice(cut);
  const wrapped = wrapAnsi(bindUnits(text, width - hang), width - hang, { hard: false, trim: true });
  const body = (text.includes(BIND) ? wrapped : wrapped.replaceAll(BIND, ' ')).split('\n');
  return body.map((l, k) => (k === 0 ? prefix : ' '.repeat(hang)) + l).join('\n');
}

/** Every line of `text` wrapped to `width`. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => wrapLine(l, width))
    .join('\n');
}
