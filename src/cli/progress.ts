// Long work on a terminal: a progress bar on stderr (cli-progress) with the draws done and the time left, and a
// clean stop on Ctrl-C. Nothing is drawn on a pipe, or when the result itself goes to the terminal as JSON or CSV.
import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { setExitCode } from './exit-code.ts';
import type { Io } from './io.ts';

/** Work shorter than this gets no bar (it would only flash). */
const QUIET_MS = 400;

export interface Progress {
  /** the draws done so far */
  update(done: number): void;
  stop(): void;
}

/**
 * A bar for `total` draws, when both stdout and stderr are a terminal and stdout is free (no --json or --csv
 * printed to it). It appears only once the work has lasted a moment.
 */
export async function progressBar(
  io: Io,
  total: number,
  label: string,
  toStdout: boolean,
): Promise<Progress> {
  if (!io.isTTY || process.stderr.isTTY !== true || toStdout || total <= 1)
    return { update: () => {}, stop: () => {} };
  const { default: progress } = await import('cli-progress');
  const started = performance.now();
  let bar: SingleBar | null = null;
  // time left from the average pace since the start (cli-progress's own estimate needs several updates to settle,
  // and the first ones come only when whole chunks finish)
  const left = (done: number) => {
    if (done <= 0) return '?';
    const s = Math.round(((performance.now() - started) / 1000) * ((total - done) / done));
    return s < 60
      ? `${s}s`
      : s < 3600
        ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
        : `${Math.floor(s / 3600)}h ${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
  };
  return {
    update(done) {
      if (!bar && performance.now() - started < QUIET_MS) return;
      if (!bar) {
        bar = new progress.SingleBar(
          {
            format: `${label} {bar} {value}/{total} draws | {left} left`,
            stream: process.stderr,
            clearOnComplete: true,
            hideCursor: true,
          },
          progress.Presets.shades_classic,
        );
        bar.start(total, done, { left: left(done) });
      } else bar.update(done, { left: left(done) });
    },
    stop() {
      bar?.stop();
    },
  };
}

/**
 * Runs long work that Ctrl-C may stop: the work gets a signal to stop at; on Ctrl-C the command prints one line,
 * writes nothing, and exits 130. Returns null when stopped.
 */
export async function interruptible<T>(
  io: Io,
  cmd: Command,
  what: () => string,
  work: (signal: AbortSignal) => Promise<T>,
  /** called before the line is printed (a progress bar clears its own line) */
  beforeMessage: () => void = () => {},
): Promise<T | null> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } catch (e) {
    if (!controller.signal.aborted) throw e;
    beforeMessage();
    io.err(`peacesim: stopped (Ctrl-C) after ${what()}; nothing was written\n`);
    setExitCode(cmd, 130);
    return null;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
