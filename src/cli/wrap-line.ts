// Wrapping one line, or a text, to a width: breaks between words, never inside one (a word longer than the line
// stays whole); a continuation hangs under its text, after its indent and bullet ("• ", "✗ ", "1. "), or two
// columns in when it has none. Loaded only by commands that print text (wrap.ts), for start-up.
import { stripVTControlCharacters } from 'node:util';
import { wrapAnsi } from 'fast-wrap-ansi';
import stringWidth from 'string-width';

// SGR colour codes, which take no column
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const SGR = /\u001B\[[0-9;]*m/y;
const MARKER = /^( *)((?:[•✓✗!*-]|\d+[.)]|\[[ x]\]) +)?/;
/** A continuation narrower than this hangs less: better a shallow indent than a column of single words. */
const MIN_TEXT = 24;

/** The index in `line` (with its colour codes) after `cells` visible columns. */
function rawIndex(line: string, cells: number): number {
  let at = 0;
  let seen = 0;
  while (at < line.length && seen < cells) {
    SGR.lastIndex = at;
    const code = SGR.exec(line);
    if (code) {
      at += code[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(at)!);
    seen += stringWidth(ch);
    at += ch.length;
  }
  // colour codes that open the text after the prefix belong to the text
  return at;
}

/** Where the last column of a row of aligned columns starts (after a gap of two spaces or more), or null. */
function lastColumn(plain: string): number | null {
  let at: number | null = null;
  for (const gap of plain.trimEnd().matchAll(/\S( {2,})(?=\S)/g))
    at = stringWidth(plain.slice(0, gap.index + 1 + gap[1]!.length));
  return at;
}

/** One line wrapped to `width` columns, continuation lines hanging under its text. */
export function wrapLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const plain = stripVTControlCharacters(line);
  const m = MARKER.exec(plain)!;
  const indent = m[1]!.length;
  let head = indent + (m[2] ? stringWidth(m[2]) : 0);
  // under the text after a bullet; an indented line without one two columns further in, so that the next
  // line's start stands out; a paragraph (no indent, no bullet) flush
  let hang = m[2] || indent === 0 ? head : indent + 2;
  // a row of aligned columns hangs under its last column, when that leaves room to read
  const column = lastColumn(plain);
  if (column !== null && width - column >= MIN_TEXT) {
    head = column;
    hang = column;
  }
  if (width - hang < MIN_TEXT) hang = Math.max(0, Math.min(head, width - MIN_TEXT));
  // the prefix kept on the first line: the indent and bullet, or (hanging less than that) spaces only
  const cut = rawIndex(line, hang >= head ? head : Math.min(indent, hang));
  const prefix = line.slice(0, cut);
  const body = wrapAnsi(line.slice(cut), width - hang, { hard: false, trim: true }).split('\n');
  return body.map((l, k) => (k === 0 ? prefix : ' '.repeat(hang)) + l).join('\n');
}

/** Every line of `text` wrapped to `width`. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => wrapLine(l, width))
    .join('\n');
}
