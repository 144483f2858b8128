// "X accepted from round R after <inject>" counts an inject fired in the round of X's last rejection, once that
// rejection was given — and not one fired before it, which X had already answered with a no.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { debriefQuestions } from '../../src/report/debrief.ts';

const s = openScenario('tutorial-bilateral');
const report = afterActionReport(s, runStateOf(s, runHeadless(s, { seed: 1 }).snapshot), {
  options: resolveOptions(s, { seed: 1 }),
  source: 'tutorial-bilateral',
});
const rounds = report.timeline;
const inject = rounds
  .flatMap((t) => t.entries)
  .find((e) => e.kind === 'inject' && e.event?.id === 'pressure-on-south')!;
const verdicts = rounds.flatMap((t) =>
  t.entries.flatMap((e) => (e.kind === 'verdict' && e.actor === 'south' ? [{ round: t.round, e }] : [])),
);
const lastNo = verdicts.findLast((v) => !v.e.accepts)!.round;
const firstYes = verdicts.find((v) => v.e.accepts)!.round;

/** The report with the inject moved into the round of South's last rejection, before or after South's answer. */
function withInjectIn(where: 'before' | 'after') {
  const timeline = rounds.map((t) => {
    const entries = t.entries.filter((e) => e !== inject);
    if (t.round !== lastNo) return { ...t, entries };
    const k = entries.findIndex((e) => e.kind === 'verdict' && e.actor === 'south');
    const at = where === 'before' ? k : k + 1;
    return { ...t, entries: [...entries.slice(0, at), inject, ...entries.slice(at)] };
  });
  return debriefQuestions({ ...report, timeline }, () => []);
}

describe('the inject a debrief question names', () => {
  it('should be the premise: South rejects up to a round and accepts later, and the inject is on South', () => {
    expect(inject).toBeDefined();
    expect(firstYes).toBeGreaterThan(lastNo);
  });

  it('should count an inject fired after the last rejection, in the same round', () => {
    expect(withInjectIn('after')).toContainEqual(
      `South (stylised Ukraine) accepted from round ${firstYes} after an inject (event: ${inject.kind === 'inject' ? inject.event!.title : ''}): was that pressure or persuasion?`,
    );
  });

  it('should not count one fired before the rejection it did not prevent', () => {
    expect(withInjectIn('before').some((q) => q.includes('pressure or persuasion'))).toBe(false);
  });
});
