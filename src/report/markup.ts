// Escaping for the two output formats. Markdown: one line, no raw HTML, no accidental emphasis, links or table
// cells. HTML: text and attribute values, so scenario text can never become markup.

/** Inline markdown text: whitespace collapsed, markdown and HTML metacharacters escaped. */
export function md(text: string): string {
  return mdWords(text).trim();
}

/** Words within a markdown line: as `md`, but spaces at either end kept (they join the next span). */
export function mdWords(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_<>[\]|#]/g, (c) => `\\${c}`);
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
