// Shared by the engine and agent tests: shipped scenarios, runs to the end, and checks of a transcript.
import { resolve } from 'node:path';
import type { Scenario } from '../../src/domain/types.ts';
import { type HeadlessPlan, runHeadless } from '../../src/engine/headless.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const cache = new Map<string, Scenario>();
export function shipped(id: string): Scenario {
  let s = cache.get(id);
  if (!s) {
    s = loadScenarioFile(resolve(ROOT, 'scenarios', `${id}.yaml`));
    cache.set(id, s);
  }
  return s;
}

export function runToEnd(scenario: Scenario, options: RunOptions = {}, plan: HeadlessPlan = {}) {
  return runHeadless(scenario, options, plan);
}

export function entries<K extends TranscriptEntry['kind']>(
  transcript: readonly TranscriptEntry[],
  kind: K,
): Extract<TranscriptEntry, { kind: K }>[] {
  return transcript.filter((e): e is Extract<TranscriptEntry, { kind: K }> => e.kind === kind);
}

export const FINAL_STATES = ['signed', 'stalemate', 'collapsed'];
