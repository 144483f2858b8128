// `peacesim start` (what `npm start` runs): the explorer on the default scenario in a terminal, otherwise the
// headless default below.
import type { Command } from 'commander';
import type { Io } from '../io.ts';
import { DEFAULT_SCENARIO } from '../scenarios.ts';
import { hasTerminal, openExplorer } from './tui.ts';

/** What `start` runs without a terminal (switch to ['run', DEFAULT_SCENARIO] once the engine's `run` lands). */
const HEADLESS_DEFAULT: readonly string[] = ['run', DEFAULT_SCENARIO];

/** `headless` runs a command line through program.ts (and records its exit code against `cmd`). */
export function registerStart(
  program: Command,
  io: Io,
  headless: (argv: readonly string[], cmd: Command) => Promise<void>,
): void {
  program
    .command('start')
    .description(
      `open the explorer on ${DEFAULT_SCENARIO} in a terminal; without one, run \`peacesim ${HEADLESS_DEFAULT.join(' ')}\``,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      if (hasTerminal())
        for (const note of await openExplorer(DEFAULT_SCENARIO)) io.err(`peacesim: ${note}\n`);
      else await headless(HEADLESS_DEFAULT, cmd);
    });
}
