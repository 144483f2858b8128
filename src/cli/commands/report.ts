import type { Command } from 'commander';
import { peopleAtTheTable } from '../../engine/game.ts';
import { resolveOptions } from '../../engine/options.ts';
import { sessionOptions } from '../../engine/session.ts';
import { afterActionReport, runStateOf } from '../../report/after-action.ts';
import { afterActionHtml } from '../../report/after-action-html.ts';
import { afterActionMarkdown } from '../../report/after-action-md.ts';
import { sessionEvidence } from '../../report/evidence-of.ts';
import { type DocFormat, emit, outputFormat, parseFormat } from '../doc-output.ts';
import type { Io } from '../io.ts';
import { readSessionFile } from '../sessions.ts';

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'the after-action report of a saved session: timeline, verdicts and reasons, utilities, turning points, debrief questions',
    )
    .argument(
      '<session>',
      'a session file (written by peacesim run --save, or by s on the play screen of peacesim tui)',
    )
    .option(
      '--format <md|html>',
      'output format (default: html for an --out ending in .html, else md)',
      parseFormat,
    )
    .option('--out <file>', 'write the report to this file instead of standard output')
    .action(async (file: string, opts: { format?: DocFormat; out?: string }) => {
      const { session, scenario, game } = readSessionFile(file);
      const run = runStateOf(scenario, game.snapshot);
      const options = resolveOptions(scenario, sessionOptions(session));
      const evidence = await sessionEvidence(
        scenario,
        sessionOptions(session),
        { inputs: game.inputs, transcript: run.transcript },
        {
          done: run.done,
          people: peopleAtTheTable(scenario, sessionOptions(session)).length > 0,
        },
      );
      const report = afterActionReport(scenario, run, { options, source: session.scenario.source, evidence });
      const format = outputFormat(opts.format, opts.out);
      emit(io, format === 'html' ? afterActionHtml(report) : afterActionMarkdown(report), opts.out);
    });
}
