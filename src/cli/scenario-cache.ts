// The compiled-scenario cache (see cache.ts): a scenario as the compiler left it, stored with the content hash of
// every file it was compiled from, and used only while each of them is unchanged. No compiler here: a command
// that finds its scenario cached loads neither the YAML parser, nor the schemas (zod), nor the compiler.
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Scenario } from '../domain/types.ts';
import { cacheDir, contentHash, fileHash, readCacheBytes, scenarioCodeHash, writeCache } from './cache.ts';

interface Compiled {
  /** every file read to compile it (absolute path → content hash) */
  readonly files: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
}

/** The cache file of a scenario file: keyed by the compiler's code and the file's absolute path. */
function entryName(file: string): string {
  return `scenario-${contentHash(`${scenarioCodeHash()}\n${resolve(file)}`)}.v8`;
}

/**
 * The scenario compiled from `file` when the cache holds it and every file it was compiled from still has the
 * content it had; null when the cache is off, has no entry, or the entry is stale or unreadable.
 */
export function cachedScenario(file: string): Scenario | null {
  if (cacheDir() === null) return null;
  const bytes = readCacheBytes(entryName(file));
  if (!bytes) return null;
  try {
    const c = deserialize(bytes) as Compiled;
    if (typeof c?.files !== 'object' || typeof c.scenario?.id !== 'string') return null;
    if (!Object.entries(c.files).every(([f, hash]) => fileHash(f) === hash)) return null;
    // the path as given, as the compiler records it for messages (it depends on the working folder)
    return { ...c.scenario, file };
  } catch {
    return null;
  }
}

/** Stores the scenario compiled from `file`, with the content hash of every file it read (absolute path → hash). */
export function cacheScenario(
  file: string,
  files: Readonly<Record<string, string>>,
  scenario: Scenario,
): void {
  writeCache(entryName(file), serialize({ files, scenario } satisfies Compiled));
}
