// A bot whose text crosses a red line rejects it for that, but its verdict holds more: the text's worth against no
// deal and what it holds out for, and the terms it asks to change (which the mediator weighs when the text is worth
// less than no deal). The words said only the red line; now every voice says the rest, as --json holds it.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { n3 } from '../../src/report/format.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';
import { issueLabel } from '../../src/report/words.ts';
import { cliOk } from '../cli-in-process.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

const EPS = 1e-9;

describe("a bot's rejection that crosses a red line", () => {
  it('should say, after its red lines, the worth and the asks the verdict holds, in every voice', () => {
    let checked = 0;
    for (const id of shippedIds()) {
      const s = openScenario(id);
      const transcript = runHeadless(s).snapshot.context.transcript;
      const voices = {
        run: new Narration(s),
        screen: new Narration(s, { voice: 'screen' }),
        report: new Narration(s, { voice: 'report' }),
        public: new Narration(s, { voice: 'screen', public: true }),
      };
      for (const e of transcript) {
        if (e.kind !== 'verdict' || e.accepts || !e.violations.length || e.human || e.absent) continue;
        checked++;
        for (const [voice, n] of Object.entries(voices)) {
          const words = n.entry(e).map(lineText).join('\n');
          const where = `${id} round ${e.round} ${e.actor} (${voice})`;
          // the red lines first, then the asks, each as the verdict holds them
          for (const v of e.violations) expect(words, where).toContain(v.text);
          const costs = voice === 'run' || voice === 'report';
          const asks = e.asks
            .map((a) => `${issueLabel(s, a.issue)}${costs ? ` (${n3(a.cost)})` : ''}`)
            .join(', ');
          if (e.asks.length) expect(words, where).toContain(`It asks for changes to ${asks}.`);
          if (voice === 'public') {
            expect(words, where).not.toMatch(/\d\.\d{3}/);
            continue;
          }
          expect(words, where).toContain(`the text is worth ${n3(e.utility)} to it`);
          if (e.utility < e.reservation - EPS)
            expect(words, where).toContain(`less than no deal (${n3(e.reservation)})`);
          else if (e.strategy !== 'mediator' && e.utility < e.aspiration - EPS)
            expect(words, where).toContain(`the ${n3(e.aspiration)} it holds out for`);
        }
      }
    }
    // the shipped runs have such verdicts to check
    expect(checked).toBeGreaterThan(10);
  });

  it("should print in run's text the asks --json gives the verdict", async () => {
    const json = JSON.parse(await cliOk('run', 'ukraine-peace', '--rounds', '2', '--json'));
    const s = openScenario('ukraine-peace');
    const text = (await cliOk('run', 'ukraine-peace', '--rounds', '2')).replace(/\n\s+/g, ' ');
    const crossed = (json.transcript as Verdict[]).filter(
      (e) => e.kind === 'verdict' && !e.accepts && e.violations.length > 0,
    );
    expect(crossed.length).toBeGreaterThan(0);
    for (const e of crossed)
      expect(text).toContain(
        `It asks for changes to ${e.asks.map((a) => `${issueLabel(s, a.issue)} (${n3(a.cost)})`).join(', ')}.`,
      );
  }, 60_000);
});
