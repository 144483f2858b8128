// Opening scenarios by name (a path, or the id of a shipped scenario). A compiled scenario is cached (see
// cache.ts), keyed by the content of every file it was compiled from and of the compiler: the second open of an
// unchanged scenario skips parsing, validating and compiling.
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Scenario } from '../domain/types.ts';
import { readTextFile } from '../scenario/include.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { cacheDir, contentHash, fileHash, readCacheBytes, scenarioCodeHash, writeCache } from './cache.ts';
import { resolveScenarioPath } from './paths.ts';

export { DEFAULT_SCENARIO, resolveScenarioPath, shippedIds } from './paths.ts';

interface Compiled {
  /** every file read to compile it (absolute path → content hash) */
  readonly files: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
}

export function openScenario(nameOrPath: string): Scenario {
  const file = resolveScenarioPath(nameOrPath);
  if (cacheDir() === null) return loadScenarioFile(file);
  const name = `scenario-${contentHash(`${scenarioCodeHash()}\n${resolve(file)}`)}.v8`;
  const hit = cached(name);
  // the path as given, as the compiler records it for messages (it depends on the working folder)
  if (hit) return { ...hit, file };
  const files: Record<string, string> = {};
  const scenario = loadScenarioFile(file, (f) => {
    const text = readTextFile(f);
    files[resolve(f)] = contentHash(text);
    return text;
  });
  writeCache(name, serialize({ files, scenario } satisfies Compiled));
  return scenario;
}

/** The cached scenario when every file it was compiled from still has the content it had. */
function cached(name: string): Scenario | null {
  const bytes = readCacheBytes(name);
  if (!bytes) return null;
  try {
    const c = deserialize(bytes) as Compiled;
    if (typeof c?.files !== 'object' || typeof c.scenario?.id !== 'string') return null;
    return Object.entries(c.files).every(([f, hash]) => fileHash(f) === hash) ? c.scenario : null;
  } catch {
    return null;
  }
}
