// What the docs quote of the program: the fenced blocks of a page, and the quoted lines an output lacks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './helpers.ts';

/** Whitespace-insensitive: the pages show text as on a wide terminal, the tests run at another width. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The lines of quoted output a page shows that the output lacks. "…" elides: each part of a line around it must
 * appear, and a line of "…" alone stands for lines left out.
 */
export function missingLines(quoted: readonly string[], output: string): string[] {
  const printed = squash(output);
  return quoted.filter(
    (line) =>
      line.trim() !== '' &&
      !line
        .split('…')
        .map(squash)
        .filter((part) => part !== '')
        .every((part) => printed.includes(part)),
  );
}

/** A page of the repository, by its path from the root. */
export const page = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

/** The body of the fenced block that follows the first line of `text` containing `marker`, as lines. */
export function blockAfter(text: string, marker: string): string[] {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`no "${marker}" in the page`);
  const m = /^```[a-z]*\n([\s\S]*?)^```/m.exec(text.slice(at));
  if (!m) throw new Error(`no fenced block after "${marker}"`);
  return m[1]!.split('\n');
}
