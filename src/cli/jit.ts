// V8's optimizing compiler (TurboFan) inlines callees into a hot function and compiles the result on background
// threads. peacesim's commands are short and call much code a few hundred times: measured on `outcomes -n 200`,
// inlining doubled the background compiling (1.9 s against 1.0 s of CPU) and did not make the main thread faster
// (1.38 s against 1.26 s); `run`, `analyze`, `sweep` and `hinges` cost 8–27% less CPU without it, and two
// threads leave more of the second core to each other (docs/performance.md). The flag changes only how V8
// compiles, never what the code computes. Node warns that flags set after start-up may not take effect; this
// one is read each time TurboFan compiles a function, so it does.
import { setFlagsFromString } from 'node:v8';

/** Measured on Node 20's V8 (11.x) only: another V8 compiles differently, and a flag it does not know would print
 * an error line on every command. */
const measured = () => process.versions.v8.startsWith('11.');

export function tuneJit(): void {
  if (process.env.PEACESIM_V8_INLINING === '1' || !measured()) return;
  setFlagsFromString('--no-turbo-inlining');
}

/**
 * Before many draws: every function is compiled to baseline machine code (Sparkplug) at its first call, instead of
 * being interpreted until it turns warm. The first hundred draws of `outcomes` run mostly interpreted; with this,
 * `outcomes -n 200` costs about 5% less CPU (docs/performance.md). Not for every command: on `--help` and `list`,
 * which run most of their code once, compiling it costs more than it saves. The flag is process-wide, so the worker
 * threads started after it have it too. `PEACESIM_V8_BASELINE=0` leaves V8's default.
 *
 * A short run (at most SHORT_RUN draws a thread) also waits longer before TurboFan compiles a function (a larger
 * interrupt budget): what it compiled during the first few hundred draws was compiled on background threads for
 * draws nearly all done (half a second of CPU in `outcomes -n 200`, which took 1.5 s in all). On a longer run V8's
 * budget is kept: there the optimised code pays for itself (measured: -n 500 cost 3% more with the larger budget).
 * `draws` is the most draws one thread makes.
 */
export function tuneJitForDraws(draws: number): void {
  if (process.env.PEACESIM_V8_BASELINE === '0' || !measured()) return;
  setFlagsFromString('--always-sparkplug');
  if (draws <= SHORT_RUN) setFlagsFromString(`--interrupt-budget=${SHORT_RUN_BUDGET}`);
}

/** The most draws a thread makes for a short run, and the interrupt budget it gets (V8's default: 67,584). */
const SHORT_RUN = 300;
const SHORT_RUN_BUDGET = 600_000;
