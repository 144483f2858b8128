import type { Command } from 'commander';
import { sourcesByKey, sourcesMarkdown, sourcesReport, sourceText } from '../../report/sources.ts';
import type { Io } from '../io.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';

export function registerSources(program: Command, io: Io): void {
  program
    .command('sources')
    .description(
      `list every source of a scenario and what rests on it, marking unconfirmed and recall items (default: ${DEFAULT_SCENARIO}); --key looks up the keys other commands print in brackets`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option(
      '-k, --key <keys...>',
      'only these sources (the keys in brackets, as in [s52, s56]): what each is, where to find it, and what rests on it',
    )
    .option(
      '--json',
      'print JSON: every source (or those of --key) with the items that cite it, and the flagged items',
    )
    .action(async (name: string, opts: { json?: boolean; key?: string[] }) => {
      const report = sourcesReport(await openScenarioAsync(name));
      if (opts.key) {
        // "s52, s56" as printed in brackets works too
        const keys = opts.key.flatMap((k) => k.split(/[\s,[\]]+/)).filter(Boolean);
        const entries = sourcesByKey(report, keys);
        io.out(
          opts.json
            ? `${JSON.stringify({ scenario: report.scenario, sources: entries }, null, 2)}\n`
            : `${entries.map((e) => sourceText(e).join('\n')).join('\n\n')}\n`,
        );
        return;
      }
      io.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : sourcesMarkdown(report));
    });
}
