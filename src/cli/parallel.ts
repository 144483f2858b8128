// Running draws on every core: the draws are cut into chunks, computed in the main thread (one worker) or on a
// pool of worker threads (tinypool), and the chunks' parts merged in draw order. Each draw is a pure function of
// (scenario, seed, index) and parts merge exactly, so the result has the same bytes whatever the number of
// workers, chunks or shards.
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { answerChunk, type ChunkAnswer, type ChunkResult, type DrawJob, type DrawTask } from './draw-work.ts';

export const DEFAULT_WORKERS = availableParallelism();

export interface DrawRun {
  readonly scenario: Scenario;
  readonly job: DrawJob;
  /** the draws to make: [from, to) */
  readonly from: number;
  readonly to: number;
  readonly workers: number;
  /** told the number of draws done after each chunk */
  readonly onProgress?: (done: number) => void;
  /** stops the work: the promise then rejects with the signal's reason */
  readonly signal?: AbortSignal;
}

/** Chunks of at most `size` draws covering [from, to) (no draws: one empty chunk, whose part is empty). */
function chunks(from: number, to: number, size: number): [number, number][] {
  if (from >= to) return [[from, from]];
  const out: [number, number][] = [];
  for (let a = from; a < to; a += size) out.push([a, Math.min(to, a + size)]);
  return out;
}

/**
 * Enough chunks to keep every worker busy to the end, not so many that handing them out costs; small enough that
 * the progress bar moves and Ctrl-C is answered within a moment (the work stops between chunks).
 */
function chunkSize(run: DrawRun): number {
  const n = run.to - run.from;
  const [floor, ceiling] = run.job.kind === 'sweep' ? [256, 50_000] : [1, 16];
  return Math.min(ceiling, Math.max(floor, Math.ceil(n / (run.workers * 8))));
}

function unwrap(answer: ChunkAnswer): ChunkResult {
  if (!answer.ok) throw new PeacesimError(answer.message, answer.exitCode);
  return answer.result;
}

/** The chunks' results, in draw order. */
export async function runDraws(run: DrawRun): Promise<ChunkResult[]> {
  const tasks: DrawTask[] = chunks(run.from, run.to, chunkSize(run)).map(([from, to]) => ({
    job: run.job,
    from,
    to,
  }));
  const workers = Math.min(run.workers, Math.floor((run.to - run.from) / MIN_PER_WORKER[run.job.kind]));
  return workers <= 1 || tasks.length <= 1 ? inProcess(run, tasks) : onThreads({ ...run, workers }, tasks);
}

/**
 * The fewest draws worth a worker thread: starting one loads the engine and warms its JIT, which costs about as
 * much as a few runs or tens of thousands of sweep samples. Below that the main thread does the work (the result
 * is the same either way).
 */
const MIN_PER_WORKER: Record<DrawJob['kind'], number> = { outcomes: 4, sweep: 20_000 };

async function inProcess(run: DrawRun, tasks: readonly DrawTask[]): Promise<ChunkResult[]> {
  const out: ChunkResult[] = [];
  let done = 0;
  for (const task of tasks) {
    // between chunks, let a Ctrl-C (or a progress bar) be handled
    await yieldToEvents();
    run.signal?.throwIfAborted();
    out.push(unwrap(answerChunk(run.scenario, task)));
    done += task.to - task.from;
    run.onProgress?.(done);
  }
  return out;
}

/** The worker's module: the built one, or (tests, tsx) the source behind a bootstrap that registers tsx first. */
function workerModule(): string {
  if (!import.meta.url.endsWith('.ts')) return new URL('./draw-worker.js', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./draw-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(api)}; register(); const m = await import(${JSON.stringify(worker)}); export default m.default;`;
  return `data:text/javascript,${encodeURIComponent(bootstrap)}`;
}

async function onThreads(run: DrawRun, tasks: readonly DrawTask[]): Promise<ChunkResult[]> {
  const { default: Tinypool } = await import('tinypool');
  const threads = Math.min(run.workers, tasks.length);
  const pool = new Tinypool({
    filename: workerModule(),
    minThreads: threads,
    maxThreads: threads,
    workerData: { scenario: run.scenario },
  });
  let done = 0;
  // every pending task listens to the one signal
  if (run.signal) setMaxListeners(tasks.length + 10, run.signal);
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = unwrap((await pool.run(task, { signal: run.signal ?? null })) as ChunkAnswer);
        done += task.to - task.from;
        run.onProgress?.(done);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
