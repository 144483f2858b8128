import type { Command } from 'commander';
import { PeacesimError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/types.ts';
import { AS_OF_HELP, parseAsOf } from '../as-of.ts';
import { writeFileAtomic } from '../files.ts';
import { ANTICIPATE_FLAG, ANTICIPATE_HELP } from '../flags.ts';
import type { Io } from '../io.ts';
import { Recovery, recoveryNote } from '../recovery.ts';
import { scenarioSource } from '../run-plan.ts';
import { DEFAULT_SCENARIO, openScenario, shippedIds } from '../scenarios.ts';
import { readSessionFile } from '../sessions.ts';

/** Both stdin and stdout are terminals. */
export function hasTerminal(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

function needTerminal(name: string): void {
  if (!hasTerminal())
    throw new PeacesimError(
      `the explorer needs a terminal (stdin and stdout); try peacesim show ${name} for the same scenario as text`,
      2,
    );
}

/**
 * Runs the explorer until it quits. Returns the lines to print after it: where each play session that was not
 * saved has its recovery copy.
 */
export async function openExplorer(
  name: string,
  sessionFile?: string,
  asOf?: string,
  anticipate = false,
): Promise<string[]> {
  // a bad session file is reported before the terminal is asked for, as resume reports it
  const loaded = sessionFile === undefined ? null : readSessionFile(sessionFile);
  needTerminal(loaded ? loaded.session.scenario.source : name);
  const scenario = loaded ? loaded.scenario : openScenario(name);
  const { runExplorer } = await import('../../ui/run.tsx');
  // scenarios are immutable once compiled: keep each one the explorer opens
  const opened = new Map<string, Scenario>();
  const open = (id: string): Scenario => opened.get(id) ?? opened.set(id, openScenario(id)).get(id)!;
  const source = loaded ? loaded.session.scenario.source : scenarioSource(name);
  const recovery = new Recovery();
  const notes: string[] = [];
  try {
    await runExplorer(
      scenario,
      { ids: shippedIds(), open },
      {
        // the scenario the command line opened keeps its source; the picker opens shipped ids
        sourceOf: (s) => (s === scenario ? source : s.id),
        save: writeFileAtomic,
        recover: (file, base, text, saved) => recovery.keep(file, base, text, saved),
      },
      loaded && sessionFile !== undefined ? { session: loaded.session, file: sessionFile } : undefined,
      asOf,
      anticipate,
    );
  } finally {
    // after a crash as after a quit: the copies of sessions never saved stay, and are named
    notes.push(...recovery.settle().map(recoveryNote));
  }
  return notes;
}

export function registerTui(program: Command, io: Io): void {
  program
    .command('tui')
    .description(
      'explore a scenario interactively: documents, a term-sheet sandbox with live verdicts, analysis, and play (p): a facilitated session with teams',
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option(
      '--session <file>',
      'open a saved session (s in play, or peacesim run --save) on the play screen; its scenario is the one it names',
    )
    .option('--as-of <DATE>', AS_OF_HELP, parseAsOf)
    .option(ANTICIPATE_FLAG, `play sessions started here: ${ANTICIPATE_HELP}`)
    .action(
      async (name: string, opts: { session?: string; asOf?: string; anticipateRatification?: boolean }) => {
        const notes = await openExplorer(name, opts.session, opts.asOf, opts.anticipateRatification === true);
        for (const note of notes) io.err(`peacesim: ${note}\n`);
      },
    );
}
