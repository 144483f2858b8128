// The documents the CLI writes (reports, briefing cards): their format, from --format or --out's extension, and
// where they go. A module of its own so that `brief` need not load `report`'s session reading (zod).
import { extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { writeFileAtomic } from './files.ts';
import type { Io } from './io.ts';

export type DocFormat = 'md' | 'html';

export function parseFormat(value: string): DocFormat {
  if (value !== 'md' && value !== 'html') throw new InvalidArgumentError('expected md or html.');
  return value;
}

/** --format wins; else --out's extension (.html/.htm → html); else markdown. */
export function outputFormat(format: DocFormat | undefined, out: string | undefined): DocFormat {
  if (format) return format;
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : 'md';
}

/** Prints the document, or writes it atomically to --out and says where. */
export function emit(io: Io, text: string, out: string | undefined): void {
  if (out === undefined) io.out(text);
  else {
    writeFileAtomic(out, text);
    io.out(`wrote ${out}\n`);
  }
}
