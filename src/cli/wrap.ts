// Text for people, wrapped to the terminal: every text command's output passes through here (program.ts wraps the
// Io it hands the commands), so no command wraps on its own and none can forget to. A line breaks between words,
// never inside one (a word longer than the line stays whole), and its continuation hangs under its text: after its
// indent and bullet ("• ", "✗ ", "1. "), or two columns in when it has none. JSON, CSV and the markdown/HTML
// documents are written as they are: the program marks a command's output raw before its action runs.
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Io } from './io.ts';

/** The width text is wrapped to: $COLUMNS when set, else the terminal's, else (a pipe, a file) 80. */
export function textWidth(io: Pick<Io, 'columns'>, env: NodeJS.ProcessEnv = process.env): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return io.columns && io.columns > 0 ? io.columns : 80;
}

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

/** Commands whose output is a document or data (markdown, HTML, JSON Schema, YAML), never wrapped. */
const DOCUMENTS = new Set(['schema', 'report', 'brief', 'import']);

/** Whether a command's output is text for a person: not a document, and neither --json nor --csv. */
export function printsText(command: {
  name(): string;
  opts(): Record<string, unknown>;
  parent: unknown;
}): boolean {
  for (let c: typeof command | null = command; c; c = c.parent as typeof command | null)
    if (DOCUMENTS.has(c.name())) return false;
  const opts = command.opts();
  return !opts.json && opts.csv === undefined;
}

/** An Io whose `out` wraps whole lines while the output is text, and passes everything through while it is raw. */
export interface WrappingIo extends Io {
  /** raw: JSON, CSV, documents, help — written as they are */
  raw: boolean;
  /** writes what is left of a last line without its newline */
  flush(): void;
}

export function wrappingIo(io: Io): WrappingIo {
  // a command that runs another (start runs run) writes through the same wrapper
  if ('flush' in io && 'raw' in io) return io as WrappingIo;
  let pending = '';
  const width = textWidth(io);
  const wrapped: WrappingIo = {
    raw: true,
    color: io.color,
    isTTY: io.isTTY,
    ...(io.columns === undefined ? {} : { columns: io.columns }),
    err: (t) => io.err(t),
    out: (t) => {
      if (wrapped.raw) return io.out(t);
      pending += t;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      io.out(`${wrapText(pending.slice(0, end), width)}\n`);
      pending = pending.slice(end + 1);
    },
    flush: () => {
      if (pending) io.out(wrapText(pending, width));
      pending = '';
    },
  };
  return wrapped;
}
