// The recovery copies of play sessions: the explorer writes the session in progress here after every input, so
// that nothing a facilitator did is lost to a closed terminal, a dropped link or a quit without saving. A copy
// whose inputs the facilitator saved is removed on a clean exit; the others stay, and the exit says where.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { showPath } from '../domain/text.ts';
import { writeFileAtomic } from './files.ts';

/** Where the copies go: $PEACESIM_RECOVERY_DIR, else $XDG_STATE_HOME/peacesim/recovery (~/.local/state/…). */
function recoveryDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PEACESIM_RECOVERY_DIR) return env.PEACESIM_RECOVERY_DIR;
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'peacesim', 'recovery');
}

/** "20250301-093015": local time, to the second, for a file name. */
function stamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

export class Recovery {
  readonly dir: string;
  /** each copy written in this run, and whether its session was saved as it stands */
  readonly #copies = new Map<string, boolean>();

  constructor(dir = recoveryDir()) {
    this.dir = dir;
  }

  /** PlayHost.recover: writes the copy (atomically) and returns its file. */
  keep(file: string | null, base: string, text: string, saved: boolean): string {
    let target = file;
    if (target === null) {
      mkdirSync(this.dir, { recursive: true });
      const name = `${base}-${stamp(new Date())}`;
      target = join(this.dir, `${name}.session.json`);
      for (let k = 2; existsSync(target); k++) target = join(this.dir, `${name}-${k}.session.json`);
    }
    writeFileAtomic(target, text);
    this.#copies.set(target, saved);
    return target;
  }

  /** After the explorer: removes the copies of saved sessions, and returns the others (still to be saved). */
  settle(): string[] {
    const kept: string[] = [];
    for (const [file, saved] of this.#copies) {
      if (saved) rmSync(file, { force: true });
      else kept.push(file);
    }
    return kept;
  }
}

/** The line the exit prints for a copy that was never saved. */
export function recoveryNote(file: string): string {
  const arg = /^[\w./~-]+$/.test(file) ? file : JSON.stringify(file);
  return `the play session was not saved; its inputs are in ${showPath(file)} (reopen it with peacesim tui --session ${arg}, then s saves it)`;
}
