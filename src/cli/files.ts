// Writing output files: atomically (a temporary file in the same folder, then a rename), so a crash or a full
// disk never leaves half a file where a good one was. The temporary file is named `.FILE.PID.tmp`: a write
// killed outright (SIGKILL, a power cut) leaves one behind, and the next write to the same target removes it
// (its process is gone). SIGINT, SIGTERM and SIGHUP during a write wait until the write is over, then end the
// program as they would have, with no temporary file left.
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PeacesimError } from '../domain/errors.ts';
import { showPath } from '../domain/text.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Temporary files of writes in progress (removed if a signal comes before the rename). */
const pending = new Set<string>();
let listening = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
  stopListening();
  // nobody else handles it: end the program of that signal, as if we had never listened
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function stopListening(): void {
  if (!listening) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  listening = false;
}

function listen(): void {
  if (listening) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  listening = true;
}

/**
 * Stop listening once the event loop has delivered any signal that came during the write (a signal that
 * arrives while JavaScript runs synchronously is handled on the loop's next turn, before `setImmediate`).
 */
function stopListeningSoon(): void {
  setImmediate(() => {
    if (pending.size === 0) stopListening();
  }).unref();
}

/** Is `pid` a running process (of any user)? */
function running(pid: number): boolean {
  if (pid === process.pid) return false; // not a write of ours: it would be in `pending`
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of earlier writes to `file` whose process is gone. */
export function staleTemporaries(file: string): string[] {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
    .filter((name) => {
      const pid = name.slice(prefix.length, -'.tmp'.length);
      return /^\d{1,10}$/.test(pid) && !running(Number(pid));
    })
    .map((name) => join(dir, name));
}

/** A failed write, worded: what went wrong and what to do. */
function writeProblem(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder does not exist; create it or write elsewhere';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; write to a folder you may write to';
    case 'EISDIR':
      return 'it is a folder; give a file name';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full; free some space or write elsewhere';
    case 'EROFS':
      return 'the disk is read-only; write elsewhere';
    default:
      return `${e.code ?? e.message}; check the folder exists and is writable`;
  }
}

export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  for (const stale of staleTemporaries(file)) {
    try {
      rmSync(stale, { force: true });
    } catch {
      // a folder of that name, or no permission: leave it
    }
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  listen();
  pending.add(tmp);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new PeacesimError(`cannot write ${showPath(file)}: ${writeProblem(e as NodeJS.ErrnoException)}`);
  } finally {
    pending.delete(tmp);
    stopListeningSoon();
  }
}
