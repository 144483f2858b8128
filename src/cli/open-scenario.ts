// Opening a scenario for a command: the cached compile when it is current, else the compiler, imported only then.
// The compiler brings the YAML parser and the schemas (yaml and zod, ~90 ms of CPU to load): a command whose
// scenario is cached never pays for them, in its process or in its worker threads.
import type { Scenario } from '../domain/types.ts';
import { resolveScenarioPath } from './paths.ts';
import { cachedScenario } from './scenario-cache.ts';

/** The scenario openScenario (scenarios.ts) gives, with the same errors; the compiler is loaded only on a miss. */
export async function openScenarioAsync(nameOrPath: string): Promise<Scenario> {
  const file = resolveScenarioPath(nameOrPath);
  const hit = cachedScenario(file);
  if (hit) return hit;
  const { compileScenarioFile } = await import('./scenarios.ts');
  return compileScenarioFile(file);
}
