// Opening scenarios by name (a path, or the id of a shipped scenario). A compiled scenario is cached (see
// scenario-cache.ts), keyed by the content of every file it was compiled from and of the compiler: the second open
// of an unchanged scenario skips parsing, validating and compiling. This module imports the compiler; the commands
// open scenarios through open-scenario.ts, which loads it only when the cache cannot answer.
import { resolve } from 'node:path';
import type { Scenario } from '../domain/types.ts';
import { readTextFile } from '../scenario/include.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { cacheDir, contentHash } from './cache.ts';
import { resolveScenarioPath } from './paths.ts';
import { cachedScenario, cacheScenario } from './scenario-cache.ts';

export { DEFAULT_SCENARIO, resolveScenarioPath, shippedIds } from './paths.ts';

export function openScenario(nameOrPath: string): Scenario {
  const file = resolveScenarioPath(nameOrPath);
  return cachedScenario(file) ?? compileScenarioFile(file);
}

/** Compiles a scenario file, and caches it when the cache is on; a bad file throws its one-line errors. */
export function compileScenarioFile(file: string): Scenario {
  if (cacheDir() === null) return loadScenarioFile(file);
  const files: Record<string, string> = {};
  const scenario = loadScenarioFile(file, (f) => {
    const text = readTextFile(f);
    files[resolve(f)] = contentHash(text);
    return text;
  });
  cacheScenario(file, files, scenario);
  return scenario;
}
