// Text from files made safe to show. A scenario, session or GENIUS file may come from a stranger: a control
// character in it could move the cursor, clear the screen, rename the terminal window (OSC) or reorder what is
// read (bidi overrides). Every string read from a file passes `cleanText` once, where it enters the program;
// the terminal border (`cleanOutput`) lets through only the program's own colours; messages quote values with
// `quote` so that each error stays on one line. See docs/security.md.

/** Escape sequences (7-bit and C1 forms), then single control characters, line and tab characters. */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
  /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?|\r\n?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\t\u2028\u2029]/g;

/** Any character that `cleanText` removes or rewrites (newline excluded): a cheap test before the rewrite. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
export const UNSAFE_CHAR = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The program's own colour codes (SGR), the one escape sequence the terminal border lets through. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const SGR = /^\x1b\[[0-9;]*m$/;

function rewrite(s: string, keep: { sgr: boolean; tab: boolean }): string {
  if (!UNSAFE_CHAR.test(s)) return s;
  return s.replace(CONTROL, (m) => {
    if (m === '\r\n' || m === '\u2028' || m === '\u2029') return '\n';
    if (m === '\t') return keep.tab ? '\t' : ' ';
    if (keep.sgr && SGR.test(m)) return m;
    return '';
  });
}

/**
 * A string read from a file, without control characters: escape sequences (CSI, OSC, DCS …, in 7-bit and C1
 * form) are removed whole, other C0/C1 characters and bidi overrides/isolates dropped, CR LF and the Unicode
 * line separators become a newline, a tab a space. Newlines stay: descriptions have paragraphs.
 */
export function cleanText(s: string): string {
  return rewrite(s, { sgr: false, tab: false });
}

/**
 * What may reach the terminal or a pipe: `cleanText`, except that tabs stay and, when `color` is on, the
 * program's own SGR colour codes stay. Every other escape sequence is removed, whoever wrote it.
 */
export function cleanOutput(s: string, color: boolean): string {
  return rewrite(s, { sgr: color, tab: true });
}

/** A `JSON.parse` reviver that cleans every string value of a file: `JSON.parse(text, cleanJsonStrings)`. */
export function cleanJsonStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? cleanText(value) : value;
}

const ESCAPE_IN_QUOTE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Any value as text, without throwing (`String` throws on an object whose `toString` key is not a function). */
export function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Text quoted inside a sentence: quotation marks within it become single ones, so a title that quotes ("The US
 * "final offer"") does not read as two quotations. */
export function nestedQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, '‘$1’');
}

/** Text in double quotation marks, with the quotation marks within it made single (nestedQuotes). */
export function inQuotes(text: string): string {
  return `"${nestedQuotes(text)}"`;
}

/**
 * A scenario's wording of a position (a red line, a rule) inside a sentence: after a dash, without its closing full
 * stop, and never in quotation marks, which would make the modeller's summary read as the actor's own words. The
 * sentence goes on after it with a full stop or a semicolon; quotation marks within it (a real quotation) stay.
 */
export function paraphrased(text: string): string {
  return `— ${text.trim().replace(/\.$/, '')}`;
}

/** A value in a message: JSON-quoted, with C1 characters, line separators and bidi controls escaped too. */
export function quote(value: unknown): string {
  return JSON.stringify(textOf(value)).replace(ESCAPE_IN_QUOTE, hex);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const BREAKS_LINE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text inside a one-line message: line breaks and control characters written as escapes (\n, \u001b). */
export function oneLine(s: string): string {
  return s.replace(BREAKS_LINE, (c) => ESCAPES[c] ?? hex(c));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const ODD_PATH = /["\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A file name in a message: as given, or JSON-quoted when it holds a quote, a line break or a control. */
export function showPath(file: string): string {
  return ODD_PATH.test(file) ? quote(file) : file;
}
