// The words issue 8 found wrong, each checked where a person reads it: the run, the play screen and the report.
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/cli/io.ts';
import { Narrator } from '../../src/cli/narrate.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport } from '../../src/report/after-action.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { TranscriptWords } from '../../src/ui/transcript-words.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { frozenRun, goldenScenario } from './golden/frozen.ts';

const plain = palette({ color: false, isTTY: false, out: () => {}, err: () => {} });

/** A frozen golden run told by `run`, by the play screen (facilitator's view) and by `report` (markdown). */
function told(name: string) {
  const c = GOLDEN_CASES.find((x) => x.name === name)!;
  const s = goldenScenario(c.scenario);
  const { run, waitingFor } = frozenRun(name);
  const options = resolveOptions(s, c.options);
  const n = new Narrator(s, plain);
  return {
    run: [
      ...n.header(options),
      ...n.transcript(run.transcript),
      ...n.outcome(run.transcript, waitingFor),
    ].join('\n'),
    screen: new TranscriptWords(s, MONO_THEME, c.teams ?? [])
      .transcript(run.transcript)
      .map((l) => l.spans.map((x) => x.text).join(''))
      .join('\n'),
    report: afterActionMarkdown(afterActionReport(s, run, { options, source: c.scenario })),
  };
}

describe("a person's rejection (finding 2)", () => {
  const t = told('tutorial-person-signed');
  it('should be the person’s choice, not a shortfall, in the run, on the screen and in the report', () => {
    for (const text of [t.run, t.report]) {
      const lines = text.split('\n').filter((l) => l.includes('(played by a person) rejects'));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l).toContain("a person's choice");
        expect(l).not.toMatch(/short of|holds out for/);
      }
    }
    const screen = t.screen.split('\n').filter((l) => l.includes('(team) rejects'));
    expect(screen.length).toBeGreaterThan(0);
    for (const l of screen) expect(l).toContain("the team's choice");
  });

  it('should not ask the debrief how far short a person fell', () => {
    const debrief = t.report.split('## Debrief questions')[1]!;
    expect(debrief).toContain('played by a person, rejected every text');
    expect(debrief).not.toMatch(/short of what it held out for/);
  });
});
