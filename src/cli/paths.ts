// Finding scenarios by name: a path, or the id of a scenario shipped in scenarios/. Light on purpose (no parser):
// the program resolves names before it knows which command's modules to load.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnknownIdError } from '../domain/errors.ts';

/** the shipped scenarios folder, from src/cli or dist/src/cli */
function shippedDir(): string {
  for (const up of ['../../scenarios', '../../../scenarios']) {
    const dir = fileURLToPath(new URL(`${up}/`, import.meta.url));
    if (existsSync(join(dir, 'tutorial-bilateral.yaml'))) return dir;
  }
  throw new Error('the shipped scenarios folder is missing from this installation');
}

export const DEFAULT_SCENARIO = 'ukraine-peace';

export function shippedIds(): string[] {
  return readdirSync(shippedDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A file path as given, or a shipped scenario id. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const ids = shippedIds();
  if (ids.includes(nameOrPath)) {
    const file = join(shippedDir(), `${nameOrPath}.yaml`);
    const rel = relative(process.cwd(), file);
    return rel.startsWith('..') ? file : rel;
  }
  throw new UnknownIdError('scenario', nameOrPath, ids, 'no such file, and ');
}
