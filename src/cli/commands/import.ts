import type { Command } from 'commander';
import { PeacesimError } from '../../domain/errors.ts';
import type { GeniusFile } from '../../interop/genius.ts';
import { geniusToYaml } from '../../interop/genius-scenario.ts';
import { INPUT_LIMITS, readInputFile } from '../../scenario/input-file.ts';
import { writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';

function readXml(file: string): GeniusFile {
  return { file, text: readInputFile(file, INPUT_LIMITS.genius) };
}

export function registerImport(program: Command, io: Io): void {
  const imp = program
    .command('import')
    .description('convert negotiation files of other tools into peacesim scenarios');
  imp
    .command('genius')
    .description(
      'GENIUS/ANAC XML (a domain and linear additive profiles, discrete issues) → scenario YAML; actors in the order given',
    )
    .argument('<domain>', 'the GENIUS domain file (.xml)')
    .argument('<profiles...>', 'two or more utility profile files (.xml); actors are named after the files')
    .option('-o, --output <file>', 'write the scenario here (atomically) instead of printing it')
    .option('--id <ID>', 'the scenario id (default: from the domain file name)')
    .option('--date <DATE>', 'the scenario date, YYYY[-MM[-DD]] (GENIUS files have none)', '2010')
    .action((domain: string, profiles: string[], opts: { output?: string; id?: string; date: string }) => {
      if (profiles.length < 2)
        throw new PeacesimError('import genius: give at least two profiles (a scenario needs two actors)', 2);
      if (opts.id !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(opts.id))
        throw new PeacesimError(`--id "${opts.id}": an id is lower-case letters, digits, ".", "_" or "-"`, 2);
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.date))
        throw new PeacesimError(`--date "${opts.date}": a date is YYYY, YYYY-MM or YYYY-MM-DD`, 2);
      const yaml = geniusToYaml(readXml(domain), profiles.map(readXml), {
        ...(opts.id === undefined ? {} : { id: opts.id }),
        date: opts.date,
      });
      if (opts.output === undefined) {
        io.out(yaml);
        return;
      }
      writeFileAtomic(opts.output, yaml);
      io.out(
        `wrote ${opts.output} (${profiles.length} actors); check it with: peacesim validate ${opts.output}\n`,
      );
    });
  imp.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const cmd of imp.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    cmd.showSuggestionAfterError(true);
  }
}
