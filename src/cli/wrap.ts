// Text for people, wrapped to the terminal: every text command's output passes through here (program.ts wraps the
// Io it hands the commands), so no command wraps on its own and none can forget to. A line breaks between words,
// never inside one (a word longer than the line stays whole), and its continuation hangs under its text: after its
// indent and bullet ("• ", "✗ ", "1. "), or two columns in when it has none. JSON, CSV and the markdown/HTML
// documents are written as they are: the program marks a command's output raw before its action runs. The
// wrapping itself (wrap-line.ts, with fast-wrap-ansi) is loaded only for a command that prints text, string-width
// only for a text with a wide or combining character (format.ts cells).
import type { Io } from './io.ts';

/** The width text is wrapped to: $COLUMNS when set, else the terminal's, else (a pipe, a file) 80. */
export function textWidth(io: Pick<Io, 'columns'>, env: NodeJS.ProcessEnv = process.env): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return io.columns && io.columns > 0 ? io.columns : 80;
}

/** Commands whose output is a document or data (markdown, HTML, JSON Schema, YAML), never wrapped (and `sources`
 * without --key, below). */
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
  // `sources` prints the markdown list of every source, or (--key) a few sources as text
  if (command.name() === 'sources' && opts.key === undefined) return false;
  return !opts.json && opts.csv === undefined;
}

/** An Io whose `out` wraps whole lines while the output is text, and passes everything through while it is raw. */
export interface WrappingIo extends Io {
  /** raw: JSON, CSV, documents, help — written as they are (the default, until `printText`) */
  readonly raw: boolean;
  /** from now on, wrap what is written (true) or write it as it is (false); loads the wrapping the first time */
  printText(text: boolean): Promise<void>;
  /** writes what is left of a last line without its newline */
  flush(): void;
}

export function wrappingIo(io: Io): WrappingIo {
  // a command that runs another (start runs run) writes through the same wrapper
  if ('flush' in io && 'raw' in io) return io as WrappingIo;
  let pending = '';
  const width = textWidth(io);
  let wrapText: ((text: string, width: number) => string) | null = null;
  let raw = true;
  const wrapped: WrappingIo = {
    get raw() {
      return raw;
    },
    async printText(text) {
      if (text) wrapText ??= (await import('./wrap-line.ts')).wrapText;
      raw = !text;
    },
    color: io.color,
    isTTY: io.isTTY,
    ...(io.columns === undefined ? {} : { columns: io.columns }),
    err: (t) => io.err(t),
    out: (t) => {
      if (raw || !wrapText) return io.out(t);
      pending += t;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      io.out(`${wrapText(pending.slice(0, end), width)}\n`);
      pending = pending.slice(end + 1);
    },
    flush: () => {
      if (pending && wrapText) io.out(wrapText(pending, width));
      pending = '';
    },
  };
  return wrapped;
}
