// Every painter of the narration and the reports, applied to a frozen run: what `run` and `resume` print (with
// and without colour), the play screen's words (the facilitator's and the public view), the after-action report
// (markdown and HTML); and the briefing cards of a frozen scenario (markdown and HTML).
import { palette } from '../../../src/cli/io.ts';
import { Narrator } from '../../../src/cli/narrate.ts';
import { resolveOptions } from '../../../src/engine/options.ts';
import { afterActionReport } from '../../../src/report/after-action.ts';
import { afterActionHtml } from '../../../src/report/after-action-html.ts';
import { afterActionMarkdown } from '../../../src/report/after-action-md.ts';
import { briefing } from '../../../src/report/briefing.ts';
import { briefingHtml } from '../../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../../src/report/briefing-md.ts';
import { COLOR_THEME } from '../../../src/ui/theme.ts';
import { type Line, TranscriptWords } from '../../../src/ui/transcript-words.ts';
import type { GoldenCase } from './cases.ts';
import { frozenRun, goldenScenario } from './frozen.ts';

/** output file suffix → its text */
export type Painted = Readonly<Record<string, string>>;

/** One JSON line per screen line, neighbouring spans of the same look merged: what the screen shows, not how the words were cut. */
function jsonLines(lines: readonly Line[]): string {
  const look = (s: Line['spans'][number]) => JSON.stringify({ ...s, text: '' });
  return lines
    .map((l) => {
      const spans: Line['spans'][number][] = [];
      for (const s of l.spans) {
        const last = spans.at(-1);
        if (last && look(last) === look(s)) spans[spans.length - 1] = { ...last, text: last.text + s.text };
        else if (s.text) spans.push(s);
      }
      return `${JSON.stringify({ ...l, spans })}\n`;
    })
    .join('');
}

export function paintRun(c: GoldenCase): Painted {
  const scenario = goldenScenario(c.scenario);
  const { run, waitingFor } = frozenRun(c.name);
  const resolved = resolveOptions(scenario, c.options);
  const words = (color: boolean) => {
    const n = new Narrator(scenario, palette({ color, isTTY: false, out: () => {}, err: () => {} }));
    const lines = [
      ...n.header(resolved),
      ...n.transcript(run.transcript),
      ...n.outcome(run.transcript, waitingFor),
    ];
    return `${lines.join('\n')}\n`;
  };
  const screen = (open: boolean) =>
    jsonLines(
      new TranscriptWords(scenario, COLOR_THEME, c.teams ?? [], { public: open }).transcript(run.transcript),
    );
  const report = afterActionReport(scenario, run, { options: resolved, source: c.scenario });
  return {
    'run.txt': words(false),
    'run.ansi.txt': words(true),
    'screen.jsonl': screen(false),
    'screen-public.jsonl': screen(true),
    'report.md': afterActionMarkdown(report),
    'report.html': afterActionHtml(report),
  };
}

export function paintBriefing(file: string): Painted {
  const b = briefing(goldenScenario(file));
  return { 'brief.md': briefingMarkdown(b), 'brief.html': briefingHtml(b) };
}
