// A red line's or rule's text is the scenario's summary of a position, not the actor's words: wherever the program
// prints one (run, the play screen, the after-action report in markdown and HTML, the briefing cards) it must not
// stand inside quotation marks, where a reader takes it for a quotation. A document's title is a real title and
// stays quoted.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { inQuotes, paraphrased } from '../../src/domain/text.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionHtml } from '../../src/report/after-action-html.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { briefing } from '../../src/report/briefing.ts';
import { briefingHtml } from '../../src/report/briefing-html.ts';
import { briefingMarkdown } from '../../src/report/briefing-md.ts';
import { esc, md } from '../../src/report/markup.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { TranscriptWords } from '../../src/ui/transcript-words.ts';
import { cliOk } from '../cli-in-process.ts';

/** Every mark that opens a quotation, as text, markdown or HTML writes it. */
const OPENERS = ['"', '“', '‘', '«', '„', '&quot;', '&#34;', '&ldquo;'];

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The texts of every red line and rule a scenario holds, an event's added red lines included. */
function paraphrases(s: Scenario): string[] {
  const added = s.events.flatMap((e) =>
    e.effects.flatMap((x) => (x.kind === 'add-red-line' ? [x.redLine] : [])),
  );
  return [...s.actors.flatMap((a) => a.redLines), ...s.rules, ...added].map((c) => flat(c.text));
}

/** Each output of one shipped scenario's default run: the run's words, the play screen's, the report's and the cards'. */
async function outputs(id: string): Promise<Record<string, string>> {
  const s = openScenario(id);
  const run = runHeadless(s);
  const state = runStateOf(s, run.snapshot);
  const report = afterActionReport(s, state, { options: run.game.resolved, source: id });
  const cards = briefing(s);
  return {
    run: await cliOk('run', id),
    screen: new TranscriptWords(s, MONO_THEME)
      .transcript(state.transcript)
      .map((l) => l.spans.map((x) => x.text).join(''))
      .join('\n'),
    markdown: afterActionMarkdown(report),
    html: afterActionHtml(report),
    cardsMarkdown: briefingMarkdown(cards),
    cardsHtml: briefingHtml(cards),
  };
}

describe('red lines and rules are never set as quotations', () => {
  it('should print no red line or rule inside quotation marks, in any output of any shipped scenario', async () => {
    const found: Record<string, number> = {};
    for (const id of shippedIds()) {
      const texts = paraphrases(openScenario(id));
      for (const [kind, out] of Object.entries(await outputs(id))) {
        const printed = flat(out);
        for (const text of texts) {
          // the start of the text as each output escapes it
          const forms = [text, md(text), esc(text)].map((t) => t.slice(0, 24));
          const shown = forms.filter((f) => printed.includes(f));
          if (shown.length) found[kind] = (found[kind] ?? 0) + 1;
          for (const f of shown)
            for (const q of OPENERS) expect(printed, `${id} ${kind}: ${q}${f}`).not.toContain(`${q}${f}`);
        }
      }
    }
    // the check reads real citations: every output cites red lines
    for (const kind of ['run', 'screen', 'markdown', 'html', 'cardsMarkdown', 'cardsHtml'])
      expect(found[kind] ?? 0, kind).toBeGreaterThan(5);
  }, 240_000);

  it('should still quote the title of a tabled document', async () => {
    for (const id of ['ukraine-peace', 'tutorial-bilateral']) {
      const s = openScenario(id);
      const printed = flat(await cliOk('run', id));
      const tabled = s.documents.filter((d) => printed.includes(d.title));
      expect(tabled.length, id).toBeGreaterThan(0);
      for (const d of tabled) expect(printed, d.title).toContain(inQuotes(d.title));
    }
  }, 60_000);

  it('should set a red line inside a sentence after a dash, without its full stop, its own quotations kept', () => {
    expect(paraphrased('Ukraine must renounce NATO membership.')).toBe(
      '— Ukraine must renounce NATO membership',
    );
    expect(paraphrased('not "another Budapest Memorandum".')).toBe('— not "another Budapest Memorandum"');
  });
});
