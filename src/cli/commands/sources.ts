import type { Command } from 'commander';
import { sourcesMarkdown, sourcesReport } from '../../report/sources.ts';
import type { Io } from '../io.ts';
import { DEFAULT_SCENARIO, openScenario } from '../scenarios.ts';

export function registerSources(program: Command, io: Io): void {
  program
    .command('sources')
    .description(
      `list every source of a scenario and what rests on it, marking unconfirmed and recall items (default: ${DEFAULT_SCENARIO})`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('--json', 'print JSON: every source with the items that cite it, and the flagged items')
    .action((name: string, opts: { json?: boolean }) => {
      const report = sourcesReport(openScenario(name));
      io.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : sourcesMarkdown(report));
    });
}
