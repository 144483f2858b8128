// Escaping for the two output formats. Markdown: one line, no raw HTML, no accidental emphasis, links or table
// cells. HTML: text and attribute values, so scenario text can never become markup.

/** Markdown's inline metacharacters, and & (an entity) and ~ (strikethrough): each escaped with a backslash. */
const MD_SPECIAL = /[\\`*_<>[\]|#&~]/g;

/** Inline markdown text: whitespace collapsed, metacharacters escaped, so no scenario text becomes markup. */
export function md(text: string): string {
  return mdWords(text).trim();
}

/** Text that starts a line or a list item: as `md`, and a leading list marker escaped so it opens no list. */
export function mdLine(text: string): string {
  return mdLead(md(text));
}

/** A leading list marker ("- ", "+ ", "1. ", "1) ") escaped. */
export function mdLead(text: string): string {
  return text.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Words within a markdown line: as `md`, but spaces at either end kept (they join the next span). */
export function mdWords(text: string): string {
  return text.replace(/\s+/g, ' ').replace(MD_SPECIAL, (c) => `\\${c}`);
}

/**
 * An address in markdown. Only an http(s) URL becomes a link: an autolink, with every character that could end
 * it or read as markup percent-encoded. Anything else (`javascript:…`, a path) is shown as escaped text.
 */
export function mdUrl(url: string): string {
  const link = safeUrl(url);
  if (!link) return md(url);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be encoded
  return `<${link.replace(/[\u0000-\u0020\u007f-\u009f<>"'`\\{}|^]/g, (c) => encodeURIComponent(c))}>`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML text or a quoted attribute value. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A safe href: only http(s) links leave the page; anything else is dropped. */
export function safeUrl(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
}

/** An id usable as an HTML fragment (source ids are free text in scenarios). */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
