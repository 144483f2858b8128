// `peacesim tui [scenario]`: the interactive explorer. It needs a terminal on both ends; the UI (Ink, React) is
// imported only here, lazily, so the other commands never load it.
import type { Command } from 'commander';
import { PeacesimError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/types.ts';
import type { Io } from '../io.ts';
import { DEFAULT_SCENARIO, openScenario, shippedIds } from '../scenarios.ts';

/** Both stdin and stdout are terminals. */
export function hasTerminal(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

export async function openExplorer(name: string): Promise<void> {
  if (!hasTerminal())
    throw new PeacesimError(
      `the explorer needs a terminal (stdin and stdout); try peacesim show ${name} for the same scenario as text`,
      2,
    );
  const scenario = openScenario(name);
  const { runExplorer } = await import('../../ui/run.tsx');
  // scenarios are immutable once compiled: keep each one the explorer opens
  const opened = new Map<string, Scenario>();
  const open = (id: string): Scenario => opened.get(id) ?? opened.set(id, openScenario(id)).get(id)!;
  await runExplorer(scenario, { ids: shippedIds(), open });
}

export function registerTui(program: Command, _io: Io): void {
  program
    .command('tui')
    .description(
      'explore a scenario interactively: documents, a term-sheet sandbox with live verdicts, analysis',
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .action(async (name: string) => {
      await openExplorer(name);
    });
}
