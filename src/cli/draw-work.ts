// What one chunk of draws computes, the same in the main thread (--workers 1) and in a worker thread: draws
// [from, to) of an `outcomes` or a `sweep` run, as a part that merges exactly with the parts of the other chunks.
import { type SweepOptions, type SweepPart, type SweepSample, sweepPart } from '../analysis/sweep.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { type OutcomesOptions, type OutcomesPart, outcomesPart } from '../engine/outcomes.ts';
import { withFlags } from './core-errors.ts';

export type DrawJob =
  | { readonly kind: 'outcomes'; readonly options: OutcomesOptions }
  /** samples: keep every sample's verdicts (for --csv draws) */
  | { readonly kind: 'sweep'; readonly options: SweepOptions; readonly samples: boolean };

/** The task a worker thread is first given: it answers once it has loaded the engine and the scenario. */
export const WARM_UP = 'warm-up';

export interface DrawTask {
  readonly job: DrawJob;
  readonly from: number;
  readonly to: number;
}

export type ChunkResult =
  | { readonly kind: 'outcomes'; readonly part: OutcomesPart }
  | { readonly kind: 'sweep'; readonly part: SweepPart; readonly samples: SweepSample[] | null };

/** A chunk's result, or the one-line error a user may cause (a worker cannot throw our error classes across). */
export type ChunkAnswer =
  | { readonly ok: true; readonly result: ChunkResult }
  | { readonly ok: false; readonly message: string; readonly exitCode: 1 | 2 };

function computeChunk(scenario: Scenario, task: DrawTask): ChunkResult {
  const { job, from, to } = task;
  if (job.kind === 'outcomes')
    return { kind: 'outcomes', part: outcomesPart(scenario, job.options, from, to) };
  const samples: SweepSample[] | null = job.samples ? [] : null;
  const part = sweepPart(scenario, job.options, from, to, samples ? (s) => samples.push(s) : undefined);
  return { kind: 'sweep', part, samples };
}

export function answerChunk(scenario: Scenario, task: DrawTask): ChunkAnswer {
  try {
    // an inject a draw's run refuses is worded with its flag (core-errors.ts)
    return { ok: true, result: withFlags(undefined, () => computeChunk(scenario, task)) };
  } catch (e) {
    if (e instanceof PeacesimError) return { ok: false, message: e.message, exitCode: e.exitCode };
    throw e;
  }
}
