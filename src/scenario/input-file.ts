// Reading a file that may come from a stranger (a scenario, an include, a session, a moves file, GENIUS XML):
// only a regular file, never more than a limit, and every failure worded for a person. The size is checked on
// the bytes actually read, so a device that claims size 0 (/dev/zero) cannot fill memory; a FIFO is opened
// without waiting for a writer and refused, so it cannot hang the program. Used by the scenario loader and the
// command line alike (this layer is the lowest that does I/O).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { PeacesimError } from '../domain/errors.ts';
import { showPath } from '../domain/text.ts';

/** Why a file could not be read: `missing` lets the loader say which include names it. */
export type InputFileProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export class InputFileError extends PeacesimError {
  override name = 'InputFileError';
  readonly problem: InputFileProblem;
  /** the reason alone, without the file name (a located error names the file itself) */
  readonly reason: string;
  constructor(file: string, problem: InputFileProblem, reason: string) {
    super(`${showPath(file)}: ${reason}`, 1);
    this.problem = problem;
    this.reason = reason;
  }
}

export interface ReadLimit {
  /** bytes; a file longer than this is refused */
  readonly maxBytes: number;
  /** what the file should be, for messages: "a scenario file", "a session file" */
  readonly what: string;
}

const MIB = 1024 * 1024;

/** The limits of every kind of file peacesim reads (docs/security.md lists them). */
export const INPUT_LIMITS = {
  /** a scenario or an included file: 2 MiB (the largest shipped scenario is well under 100 KiB) */
  scenario: { maxBytes: 2 * MIB, what: 'a scenario file' },
  session: { maxBytes: 16 * MIB, what: 'a session file' },
  moves: { maxBytes: 16 * MIB, what: 'a moves file' },
  genius: { maxBytes: 16 * MIB, what: 'a GENIUS XML file' },
  /** a shard's partial result (`peacesim merge`): one row per draw, so it may be large */
  partial: { maxBytes: 256 * MIB, what: 'a partial result file' },
} as const satisfies Record<string, ReadLimit>;

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A system error, worded: what went wrong and what to do. */
function systemReason(e: NodeJS.ErrnoException, what: string): { problem: InputFileProblem; reason: string } {
  switch (e.code) {
    case 'ENOENT':
      return { problem: 'missing', reason: 'no such file; check the name and the folder' };
    case 'ENOTDIR':
      return {
        problem: 'missing',
        reason: 'no such file (a part of the path is not a folder); check the path',
      };
    case 'EACCES':
    case 'EPERM':
      return { problem: 'unreadable', reason: 'permission denied; check that you may read the file' };
    case 'EISDIR':
      return { problem: 'not-a-file', reason: `is a folder, not ${what}; give the path of a file in it` };
    case 'ENXIO':
      return { problem: 'not-a-file', reason: `is a socket or a device, not ${what}; give a regular file` };
    case 'ELOOP':
      return { problem: 'unreadable', reason: 'too many symbolic links (a link loop?); check the path' };
    case 'ENAMETOOLONG':
      return { problem: 'unreadable', reason: 'the path is too long; check it' };
    case 'EMFILE':
    case 'ENFILE':
      return {
        problem: 'unreadable',
        reason: 'too many open files on this system; close some and try again',
      };
    default:
      return {
        problem: 'unreadable',
        reason: `cannot be read (${e.code ?? e.message}); check the file and the disk`,
      };
  }
}

/**
 * The text of a regular file of at most `limit.maxBytes` bytes (UTF-8; invalid bytes become U+FFFD), or an
 * InputFileError with a one-line message naming the file.
 */
export function readInputFile(file: string, limit: ReadLimit): string {
  const fail = (problem: InputFileProblem, reason: string): never => {
    throw new InputFileError(file, problem, reason);
  };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below); O_NOCTTY: opening a
    // terminal device must not make it ours
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const { problem, reason } = systemReason(e as NodeJS.ErrnoException, limit.what);
    return fail(problem, reason);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return fail('not-a-file', `is ${kindOf(stats)}, not ${limit.what}; give a regular file`);
    const tooLarge = () =>
      fail(
        'too-large',
        `is larger than ${kib(limit.maxBytes)}, the limit for ${limit.what}; is it the right file?`,
      );
    if (stats.size > limit.maxBytes) return tooLarge();
    // read up to one byte past the limit, whatever stat said: the file may grow, or lie about its size
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const size = Math.min(Math.max(stats.size + 1, 64 * 1024), 1024 * 1024, limit.maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(size);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit.maxBytes) return tooLarge();
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const { problem, reason } = systemReason(e as NodeJS.ErrnoException, limit.what);
    return fail(problem, reason);
  } finally {
    closeSync(fd);
  }
}
