// The frozen side of the goldens: the scenarios copied into tests/fixtures/golden/scenarios/ and the runs
// recorded on them (record.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scenario } from '../../../src/domain/types.ts';
import type { RunState } from '../../../src/report/after-action-model.ts';
import { loadScenarioFile } from '../../../src/scenario/load.ts';

export const GOLDEN_DIR = resolve(import.meta.dirname, '../../fixtures/golden');

export interface FrozenRun {
  readonly case: string;
  readonly run: RunState;
  /** the person a headless run stopped for, as `run` and `resume` print it */
  readonly waitingFor: string | null;
}

const cache = new Map<string, Scenario>();

export function goldenScenario(file: string): Scenario {
  let s = cache.get(file);
  if (!s) {
    s = loadScenarioFile(join(GOLDEN_DIR, 'scenarios', file));
    cache.set(file, s);
  }
  return s;
}

export function frozenRun(name: string): FrozenRun {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, 'runs', `${name}.json`), 'utf8')) as FrozenRun;
}
