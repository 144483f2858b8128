import { extname } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { peopleAtTheTable } from '../../engine/game.ts';
import { resolveOptions } from '../../engine/options.ts';
import { sessionOptions } from '../../engine/session.ts';
import { afterActionReport, runStateOf } from '../../report/after-action.ts';
import { afterActionHtml } from '../../report/after-action-html.ts';
import { afterActionMarkdown } from '../../report/after-action-md.ts';
import { sessionEvidence } from '../../report/evidence-of.ts';
import { writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';
import { readSessionFile } from '../sessions.ts';

export type DocFormat = 'md' | 'html';

export function parseFormat(value: string): DocFormat {
  if (value !== 'md' && value !== 'html') throw new InvalidArgumentError('expected md or html.');
  return value;
}

/** --format wins; else --out's extension (.html/.htm → html); else markdown. */
export function outputFormat(format: DocFormat | undefined, out: string | undefined): DocFormat {
  if (format) return format;
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : 'md';
}

/** Prints the document, or writes it atomically to --out and says where. */
export function emit(io: Io, text: string, out: string | undefined): void {
  if (out === undefined) io.out(text);
  else {
    writeFileAtomic(out, text);
    io.out(`wrote ${out}\n`);
  }
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'the after-action report of a saved session: timeline, verdicts and reasons, utilities, turning points, debrief questions',
    )
    .argument('<session>', 'a session file written by peacesim run --save')
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
      const evidence = await sessionEvidence(scenario, sessionOptions(session), run.transcript, {
        done: run.done,
        people: peopleAtTheTable(scenario, sessionOptions(session)).length > 0,
      });
      const report = afterActionReport(scenario, run, { options, source: session.scenario.source, evidence });
      const format = outputFormat(opts.format, opts.out);
      emit(io, format === 'html' ? afterActionHtml(report) : afterActionMarkdown(report), opts.out);
    });
}
