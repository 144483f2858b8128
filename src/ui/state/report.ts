// The after-action report of a play session as it stands, for the debrief (w). The same model and renderers as
// `peacesim report`, fed as that command feeds them — the options as the session file stores them, the source it
// names — so the bytes agree with `peacesim report FILE` on the saved session.
import { resolveOptions } from '../../engine/options.ts';
import { sessionOptions } from '../../engine/session.ts';
import { afterActionReport, runStateOf } from '../../report/after-action.ts';
import { afterActionHtml } from '../../report/after-action-html.ts';
import { afterActionMarkdown } from '../../report/after-action-md.ts';
import { type PlayGame, sessionOf } from './play.ts';

export type ReportFormat = 'md' | 'html';

/** Markdown for a name ending in .md, else HTML (the page a facilitator opens in a browser). */
export function reportFormat(file: string): ReportFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : 'html';
}

export function reportText(game: PlayGame, source: string, format: ReportFormat): string {
  const session = sessionOf(game, source);
  const report = afterActionReport(game.scenario, runStateOf(game.scenario, game.snapshot), {
    options: resolveOptions(game.scenario, sessionOptions(session)),
    source: session.scenario.source,
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
