import type { Command } from 'commander';
import { requireActorIndex } from '../../domain/lookup.ts';
import { briefing } from '../../report/briefing.ts';
import { briefingHtml } from '../../report/briefing-html.ts';
import { briefingMarkdown } from '../../report/briefing-md.ts';
import { type DocFormat, emit, outputFormat, parseFormat } from '../doc-output.ts';
import type { Io } from '../io.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';

export function registerBrief(program: Command, io: Io): void {
  program
    .command('brief')
    .description(
      `private briefing cards, one per actor: priorities, red lines, value of no deal, the tabled texts (default: ${DEFAULT_SCENARIO})`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('--actor <id>', "only this actor's card")
    .option(
      '--format <md|html>',
      'output format (default: html for an --out ending in .html, else md)',
      parseFormat,
    )
    .option('--out <file>', 'write the cards to this file instead of standard output')
    .action(async (name: string, opts: { actor?: string; format?: DocFormat; out?: string }) => {
      const scenario = await openScenarioAsync(name);
      if (opts.actor !== undefined) requireActorIndex(scenario, opts.actor);
      const b = briefing(scenario, opts.actor);
      const format = outputFormat(opts.format, opts.out);
      emit(io, format === 'html' ? briefingHtml(b) : briefingMarkdown(b), opts.out);
    });
}
