// The after-action report of a play session as it stands, for the debrief (w). The same model and renderers as
// `peacesim report`, fed as that command feeds them — the options as the session file stores them, the source it
// names — so the bytes agree with `peacesim report FILE` on the saved session.

import { peopleAtTheTable } from '../../engine/game.ts';
import { resolveOptions } from '../../engine/options.ts';
import { sessionOptions } from '../../engine/session.ts';
import { afterActionReport, runStateOf } from '../../report/after-action.ts';
import { afterActionHtml } from '../../report/after-action-html.ts';
import { afterActionMarkdown } from '../../report/after-action-md.ts';
import { sessionEvidence } from '../../report/evidence-of.ts';
import { type PlayGame, sessionOf } from './play.ts';

export type ReportFormat = 'md' | 'html';

/** Markdown for a name ending in .md, else HTML (the page a facilitator opens in a browser). */
export function reportFormat(file: string): ReportFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : 'html';
}

/** Asynchronous: the evidence section loads the LP solver (and, for a finished session, runs the talks again). */
export async function reportText(game: PlayGame, source: string, format: ReportFormat): Promise<string> {
  const session = sessionOf(game, source);
  const run = runStateOf(game.scenario, game.snapshot);
  const options = sessionOptions(session);
  const evidence = await sessionEvidence(
    game.scenario,
    options,
    { inputs: game.inputs, transcript: run.transcript },
    {
      done: run.done,
      people: peopleAtTheTable(game.scenario, options).length > 0,
    },
  );
  const report = afterActionReport(game.scenario, run, {
    options: resolveOptions(game.scenario, options),
    source: session.scenario.source,
    evidence,
  });
  return format === 'html' ? afterActionHtml(report) : afterActionMarkdown(report);
}

/** The report next to a session file: the same base name, `.report.html`. */
export function reportFileFor(sessionFile: string): string {
  return `${sessionFile.replace(/(\.session)?\.json$/i, '')}.report.html`;
}

/** Where the report of a session never saved goes by default: the scenario and the seed, as `s` would save. */
export function defaultReportFile(game: PlayGame): string {
  return `${game.scenario.id}-seed${game.resolved.seed}.report.html`;
}
