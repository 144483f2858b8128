// A cache of what is slow to compute and cheap to check, so that `list` need not compile every scenario on every
// start. Invisible and safe: an entry is used only when the content hash of every file it was computed from, and
// of the code that computed it, is what it was; anything wrong with the cache (missing, unreadable, malformed,
// read-only) just means computing again. PEACESIM_CACHE_DIR moves it; PEACESIM_CACHE_DIR=off turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_LIMITS, readInputFile } from '../scenario/input-file.ts';
import { writeFileAtomic } from './files.ts';

/** Where cache files go; null when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.PEACESIM_CACHE_DIR;
  if (chosen === 'off') return null;
  if (chosen) return chosen;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'peacesim');
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of a text file as a scenario loader reads it (UTF-8), or null when it cannot be read. */
export function fileHash(file: string): string | null {
  try {
    return contentHash(readInputFile(file, INPUT_LIMITS.scenario));
  } catch {
    return null;
  }
}

let codeHash: string | undefined;
/** The hash of the code that turns scenario files into what is cached: the scenario and domain modules. */
export function scenarioCodeHash(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    for (const folder of ['../scenario/', '../domain/']) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    }
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

/** The bytes of a cache file, or null when there is none or the cache is off. */
export function readCacheBytes(name: string): Buffer | null {
  const dir = cacheDir();
  if (!dir) return null;
  try {
    return readFileSync(join(dir, name));
  } catch {
    return null;
  }
}

/** A cached value, or null when there is none, or it cannot be read, or `valid` refuses it. */
export function readCache<T>(name: string, valid: (x: unknown) => x is T): T | null {
  const dir = cacheDir();
  if (!dir) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores a value as JSON, or bytes as they are (atomically); failures are ignored. */
export function writeCache(name: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, name), value instanceof Uint8Array ? value : JSON.stringify(value));
  } catch {
    // a cache that cannot be written is no cache: compute again next time
  }
}
