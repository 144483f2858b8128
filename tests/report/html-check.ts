// Well-formedness of generated HTML. parse5 is not installed, so the pages are written XHTML-compatible (void
// elements self-closed, every tag closed) and checked as XML: any unbalanced or stray tag fails.
import { XMLValidator } from 'fast-xml-parser';

export function htmlErrors(html: string): string[] {
  const body = html.replace(/^<!DOCTYPE html>\n/, '');
  const r = XMLValidator.validate(body);
  return r === true ? [] : [`${r.err.code} at ${r.err.line}:${r.err.col}: ${r.err.msg}`];
}
