// Running draws on every core: the draws are cut into chunks, computed in the main thread (one worker) or on a
// pool of worker threads (tinypool), and the chunks' parts merged in draw order. Each draw is a pure function of
// (scenario, seed, index) and parts merge exactly, so the result has the same bytes whatever the number of
// workers, chunks or shards.
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import {
  answerChunk,
  type ChunkAnswer,
  type ChunkResult,
  type DrawJob,
  type DrawTask,
  WARM_UP,
} from './draw-work.ts';
import { tuneJitForDraws } from './jit.ts';

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
  /** tests: the main thread leaves every chunk to the worker threads, to check they compute what it does */
  readonly threadsOnly?: boolean;
}

/** Chunks of at most `size` draws covering [from, to) (no draws: one empty chunk, whose part is empty). */
function chunks(from: number, to: number, size: number): [number, number][] {
  if (from >= to) return [[from, from]];
  const out: [number, number][] = [];
  for (let a = from; a < to; a += size) out.push([a, Math.min(to, a + size)]);
  return out;
}

/**
 * Enough chunks to keep every thread busy to the end (the last chunk is what the others may wait for), not so many
 * that handing them out costs; small enough that the progress bar moves and Ctrl-C is answered within a moment
 * (the work stops between chunks). The same chunks whatever the number of workers, so each chunk's part is too.
 */
function chunkSize(run: DrawRun): number {
  const [floor, ceiling] = run.job.kind === 'sweep' ? [256, 50_000] : [1, 8];
  return Math.min(ceiling, Math.max(floor, Math.ceil((run.to - run.from) / CHUNKS)));
}

/** The chunks a run is cut into, at most (within the floor and ceiling of a chunk's size). */
const CHUNKS = 64;

function unwrapError(answer: Extract<ChunkAnswer, { ok: false }>): PeacesimError {
  return new PeacesimError(answer.message, answer.exitCode);
}

function unwrap(answer: ChunkAnswer): ChunkResult {
  if (!answer.ok) throw unwrapError(answer);
  return answer.result;
}

/** The chunks' results, in draw order. */
export async function runDraws(run: DrawRun): Promise<ChunkResult[]> {
  const tasks: DrawTask[] = chunks(run.from, run.to, chunkSize(run)).map(([from, to]) => ({
    job: run.job,
    from,
    to,
  }));
  const workers = run.threadsOnly
    ? run.workers
    : Math.min(run.workers, Math.floor((run.to - run.from) / MIN_PER_WORKER[run.job.kind]));
  // a short run of outcomes compiles less (a sweep's samples are cheap and many: V8's default)
  const perThread = Math.ceil((run.to - run.from) / Math.max(1, workers));
  tuneJitForDraws(run.job.kind === 'outcomes' ? perThread : Number.POSITIVE_INFINITY);
  const shared = { tasks, results: new Array<ChunkResult>(tasks.length), next: 0, done: 0 };
  if (workers <= 1 || tasks.length <= 1) await inProcess(run, shared);
  else await onThreads({ ...run, workers }, shared);
  return shared.results;
}

/**
 * The fewest draws worth a thread: starting one loads the engine and warms its JIT, and on a machine with few cores
 * the first thread's own background work (V8's concurrent compiler and garbage collector) already takes much of a
 * second core, so a second thread pays only on long runs (docs/performance.md, section (i)). Below this many draws
 * per thread, fewer threads do the work (the result is the same either way).
 */
const MIN_PER_WORKER: Record<DrawJob['kind'], number> = { outcomes: 250, sweep: 20_000 };

/** The chunks to do, handed out in order to whichever thread is free; each result lands at its chunk's place. */
interface Shared {
  readonly tasks: readonly DrawTask[];
  readonly results: ChunkResult[];
  next: number;
  done: number;
}

function finished(run: DrawRun, shared: Shared, k: number, result: ChunkResult): void {
  shared.results[k] = result;
  const task = shared.tasks[k]!;
  shared.done += task.to - task.from;
  run.onProgress?.(shared.done);
}

/** The main thread's share: chunks taken one at a time until none is left. */
async function inProcess(
  run: DrawRun,
  shared: Shared,
  failed?: (k: number, e: unknown) => void,
): Promise<void> {
  for (;;) {
    // between chunks, let a Ctrl-C, a progress bar and the threads' messages be handled
    await yieldToEvents();
    run.signal?.throwIfAborted();
    const k = shared.next++;
    if (k >= shared.tasks.length) return;
    let answer: ChunkAnswer;
    try {
      answer = answerChunk(run.scenario, shared.tasks[k]!);
    } catch (e) {
      if (!failed) throw e;
      failed(k, e);
      return;
    }
    if (!answer.ok && failed) failed(k, unwrapError(answer));
    else finished(run, shared, k, unwrap(answer));
  }
}

/** The worker's module: the built one, or (tests, tsx) the source behind a bootstrap that registers tsx first. */
function workerModule(): string {
  if (!import.meta.url.endsWith('.ts')) return new URL('./draw-worker.js', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./draw-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(api)}; register(); const m = await import(${JSON.stringify(worker)}); export default m.default;`;
  return `data:text/javascript,${encodeURIComponent(bootstrap)}`;
}

/**
 * N workers: the main thread and N − 1 worker threads (tinypool) take chunks from one queue. The main thread
 * starts at once; a thread takes chunks only once it has loaded the engine and the scenario, so nothing waits on a
 * thread still starting (one not ready when the queue runs dry is not waited for). Each thread holds a few chunks
 * (IN_FLIGHT), so it never idles while the main thread computes. A chunk that fails stops the handing out; the error reported
 * is that of the earliest chunk, as one worker would report it (every chunk before it was handed out, and is
 * finished first).
 *
 * No task carries an abort signal: tinypool runs a task that has one alone on its thread (aborting it ends the
 * thread), and one such task waiting for a busy thread holds back every task queued behind it — measured, the
 * thread idled a quarter of the time and more. A stop instead ends the handing out and the waiting for a thread to
 * start, and destroying the pool ends the threads and the chunks they hold.
 */
async function onThreads(run: DrawRun, shared: Shared): Promise<void> {
  const { default: Tinypool } = await import('tinypool');
  const threads = Math.min(run.workers - 1, shared.tasks.length - 1);
  const pool = new Tinypool({
    filename: workerModule(),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: IN_FLIGHT,
    workerData: { scenario: run.scenario },
  });
  const unneeded = new AbortController();
  const stopWaiting = run.signal ? AbortSignal.any([run.signal, unneeded.signal]) : unneeded.signal;
  const waitedEnough = new Promise<void>((resolve) =>
    stopWaiting.addEventListener('abort', () => resolve(), { once: true }),
  );
  const failures: { k: number; error: unknown }[] = [];
  const failed = (k: number, error: unknown) => {
    failures.push({ k, error });
    shared.next = shared.tasks.length;
  };
  const feed = async () => {
    const warmUp = pool.run(WARM_UP);
    // once no longer waited for, destroying the pool rejects it
    warmUp.catch(() => {});
    await Promise.race([warmUp, waitedEnough]);
    // the queue ran dry (or the run was stopped) before this thread was ready
    if (stopWaiting.aborted) return;
    for (let k = shared.next++; k < shared.tasks.length && !run.signal?.aborted; k = shared.next++) {
      const answer = (await pool.run(shared.tasks[k])) as ChunkAnswer;
      if (answer.ok) finished(run, shared, k, answer.result);
      else failed(k, unwrapError(answer));
    }
  };
  // a feeder's rejection is caught at once (an unhandled one would end the process), and reported below
  const feeders = Array.from({ length: threads * IN_FLIGHT }, () =>
    feed().catch((e: unknown) => failed(shared.tasks.length, e)),
  );
  try {
    if (!run.threadsOnly) await inProcess(run, shared, failed);
    else await Promise.all(feeders);
    // a thread still warming up is no longer needed: no chunk is left to take
    unneeded.abort();
    await Promise.all(feeders);
    run.signal?.throwIfAborted();
    const first = failures.sort((x, y) => x.k - y.k)[0];
    if (first) throw first.error;
  } finally {
    unneeded.abort();
    await pool.destroy();
    await Promise.all(feeders);
  }
}

/**
 * Chunks a thread holds at once: one it computes and two waiting, so it never idles for want of a message. The
 * main thread hands out the next chunk only between its own chunks, which take about as long as a thread's: with
 * one waiting, the next often came just after the thread ran dry (idle 12% of the time at -n 4000, 6% with two).
 */
const IN_FLIGHT = 3;
