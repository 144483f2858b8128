// `peacesim merge PARTIAL…`: the partial results of a sharded `outcomes` or `sweep`, checked to be the shards of
// one run and merged; it prints exactly what the unsharded run prints, with the same flags.
import type { Command } from 'commander';
import type { SweepOptions, SweepPart } from '../../analysis/sweep.ts';
import { mergeSweepParts } from '../../analysis/sweep.ts';
import { PeacesimError } from '../../domain/errors.ts';
import { scenarioHash } from '../../engine/canonical.ts';
import { mergeOutcomesParts, type OutcomesOptions, type OutcomesPart } from '../../engine/outcomes.ts';
import { checkExportFlags } from '../export-flags.ts';
import type { Io } from '../io.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { checkParts, checkShape } from '../partial.ts';
import { readPartial } from '../partial-read.ts';
import { printOutcomes } from './outcomes.ts';
import { printSweep } from './sweep.ts';

export function registerMerge(program: Command, io: Io): void {
  program
    .command('merge')
    .description(
      'merge the partial results of a sharded outcomes or sweep run (--shard I/N --out FILE) and print what the unsharded run prints',
    )
    .argument('<partials...>', 'the partial result files, every shard once (any order)')
    .option('--scenario <file>', 'open the scenario from this file instead of the name the parts record')
    .option('--json', 'print JSON, as the run with --json')
    .option('--csv [table]', 'print CSV, as the run with --csv (outcomes: summary or runs; sweep: summary)')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .action(
      async (
        files: string[],
        opts: { scenario?: string; json?: boolean; csv?: string | true; out?: string },
      ) => {
        checkExportFlags(opts);
        const read = files.map(readPartial);
        const parts = checkParts(files, read);
        const first = parts[0]!;
        const scenario = await openScenarioAsync(opts.scenario ?? first.scenario.source);
        const hash = scenarioHash(scenario);
        if (hash !== first.scenario.hash)
          throw new PeacesimError(
            `${opts.scenario ?? first.scenario.source}: this scenario (hash ${hash.slice(0, 12)}…) is not the one the parts were run on (${first.scenario.hash.slice(0, 12)}…); give that file with --scenario`,
          );
        const documents =
          (first.options.documents as string[] | undefined)?.length || scenario.documents.length;
        read.forEach((p, k) =>
          checkShape(files[k]!, p, scenario.actors.length, scenario.issues.length, documents),
        );
        if (first.command === 'outcomes') {
          const options = { ...first.options, seed: first.seed } as unknown as OutcomesOptions;
          const part = mergeOutcomesParts(parts.map((p) => p.part as OutcomesPart));
          printOutcomes(io, scenario, options, part, opts);
          return;
        }
        const csvDraws = opts.csv === 'draws';
        if (csvDraws)
          throw new PeacesimError(
            'merge cannot print --csv draws: a partial result keeps the statistics, not every draw; run sweep --csv draws (it is quick) or choose --csv summary',
            2,
          );
        const options = { ...first.options, seed: first.seed } as unknown as SweepOptions;
        printSweep(io, scenario, options, mergeSweepParts(parts.map((p) => p.part as SweepPart)), null, opts);
      },
    );
}
