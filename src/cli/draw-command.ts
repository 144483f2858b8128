// What `outcomes` and `sweep` share: the --workers and --shard flags, the run of their draws on the pool with a
// progress bar and Ctrl-C, and a shard's partial result (written whole, or not at all).
import type { Command } from 'commander';
import { mergeSweepParts, type SweepPart, type SweepSample } from '../analysis/sweep.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { scenarioHash } from '../engine/canonical.ts';
import { mergeOutcomesParts, type OutcomesPart } from '../engine/outcomes.ts';
import type { ChunkResult, DrawJob } from './draw-work.ts';
import { writeFileAtomic } from './files.ts';
import { intFlag } from './flags.ts';
import type { Io } from './io.ts';
import { DEFAULT_WORKERS, runDraws } from './parallel.ts';
import { PARTIAL_FORMAT, type Partial, type PartialCommand, partialText } from './partial.ts';
import { interruptible, progressBar } from './progress.ts';
import { parseShard, type Shard, shardRange } from './shard.ts';

export interface DrawFlags {
  readonly workers: number;
  readonly shard?: Shard;
  readonly out?: string;
  readonly json?: boolean;
  readonly csv?: string | true;
}

/** Adds --workers and --shard to a command that makes draws. */
export function withDrawFlags(cmd: Command): Command {
  return cmd
    .option(
      '--workers <n>',
      `threads that make the draws, the main one and N − 1 workers (default: the number of cores, ${DEFAULT_WORKERS}); the result is the same for any number`,
      intFlag(1, 1024),
      DEFAULT_WORKERS,
    )
    .option(
      '--shard <I/N|auto>',
      'make only shard I of N of the draws (0 ≤ I < N) and write a partial result for peacesim merge; auto (or auto/N) reads I and N from a Kubernetes, Slurm or AWS Batch array job',
      (v: string) => parseShard(v),
    );
}

export interface DrawCommandRun {
  readonly io: Io;
  readonly cmd: Command;
  readonly command: PartialCommand;
  readonly scenario: Scenario;
  /** how the scenario was named (a partial result records it for merge) */
  readonly source: string;
  readonly job: DrawJob;
  /** the run's draws in all (a shard makes its share of them) */
  readonly total: number;
  /** what a partial result records as the options every part must share */
  readonly options: Readonly<Record<string, unknown>>;
  readonly flags: DrawFlags;
}

/**
 * Makes the draws. Returns the chunks' results in draw order; or null when there is nothing more to print: a shard
 * wrote its partial result, or Ctrl-C stopped the work (then nothing was written).
 */
export async function runDrawCommand(r: DrawCommandRun): Promise<ChunkResult[] | null> {
  const { io, flags } = r;
  if (flags.shard && (flags.json || flags.csv !== undefined))
    throw new PeacesimError(
      '--shard writes a partial result (JSON) for peacesim merge: give --json or --csv to merge instead',
      2,
    );
  const [from, to] = flags.shard ? shardRange(r.total, flags.shard) : [0, r.total];
  const toStdout =
    flags.out === undefined && (flags.shard !== undefined || flags.json || flags.csv !== undefined);
  const bar = await progressBar(io, to - from, r.command, Boolean(toStdout));
  let done = 0;
  const results = await interruptible(
    io,
    r.cmd,
    () => `${done} of ${to - from} draws`,
    (signal) =>
      runDraws({
        scenario: r.scenario,
        job: r.job,
        from,
        to,
        workers: flags.workers,
        signal,
        onProgress: (d) => {
          done = d;
          bar.update(d);
        },
      }),
    () => bar.stop(),
  ).finally(() => bar.stop());
  if (!results || !flags.shard) return results;
  const partial: Partial = {
    format: PARTIAL_FORMAT,
    command: r.command,
    scenario: { id: r.scenario.id, source: r.source, hash: scenarioHash(r.scenario) },
    seed: r.job.options.seed,
    options: r.options,
    shard: { ...flags.shard, from, to },
    part: mergeResults(results).part,
  };
  if (flags.out) writeFileAtomic(flags.out, partialText(partial));
  else io.out(partialText(partial));
  return null;
}

/** The chunks' parts merged, in draw order (a sweep's samples too, when kept). */
export function mergeResults(results: readonly ChunkResult[]): Merged {
  const outcomes = results.flatMap((r) => (r.kind === 'outcomes' ? [r.part] : []));
  if (outcomes.length) return { kind: 'outcomes', part: mergeOutcomesParts(outcomes) };
  const sweeps = results.flatMap((r) => (r.kind === 'sweep' ? [r] : []));
  const samples = sweeps.every((r) => r.samples) ? sweeps.flatMap((r) => r.samples!) : null;
  return { kind: 'sweep', part: mergeSweepParts(sweeps.map((r) => r.part)), samples };
}

export type Merged =
  | { readonly kind: 'outcomes'; readonly part: OutcomesPart }
  | { readonly kind: 'sweep'; readonly part: SweepPart; readonly samples: SweepSample[] | null };
