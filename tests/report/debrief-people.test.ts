// Two debrief questions a facilitator reads out in front of the room: the one on the Nash comparison must not say
// that no package is acceptable when the session signed one (the scenario as written had none; the session's
// events made room) nor when the solution was simply not computed; and the question about the people at the table
// must ask of every side they played, not of the first alone (eight questions at most cut the others off).
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import type { AfterActionReport } from '../../src/report/after-action-model.ts';
import { debriefQuestions } from '../../src/report/debrief.ts';

function reportOf(id: string): AfterActionReport {
  const s = openScenario(id);
  const { snapshot } = runHeadless(s, { seed: 1 });
  return afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, { seed: 1 }) });
}

const NO_PACKAGE = 'the model finds no package that every actor whose consent is needed accepts';

describe('debrief: the question on a scenario with no acceptable package', () => {
  const signed = reportOf('tutorial-bilateral');

  it('should not say no package is acceptable without "as written", and should own a signing', () => {
    expect(signed.outcome.kind).toBe('signed');
    const qs = debriefQuestions(
      { ...signed, comparison: { kind: 'none', reason: 'none as written', noPackage: true } },
      () => [],
    );
    const q = qs.find((x) => x.includes(NO_PACKAGE));
    expect(q).toMatch(/^Under the scenario as written, /);
    expect(q).toContain('yet this text was signed');
    expect(q).not.toContain('would open room for a deal');
  });

  it('should ask which move would open room when nothing was signed', () => {
    const stalemate = reportOf('istanbul-2022');
    expect(stalemate.outcome.kind).not.toBe('signed');
    const qs = debriefQuestions(
      { ...stalemate, comparison: { kind: 'none', reason: 'none as written', noPackage: true } },
      () => [],
    );
    expect(qs.find((x) => x.includes(NO_PACKAGE))).toContain('would open room for a deal');
  });

  it('should not claim there is no package when the comparison was not computed', () => {
    const qs = debriefQuestions(
      { ...signed, comparison: { kind: 'none', reason: 'The Nash solution could not be computed: too big' } },
      () => [],
    );
    expect(qs.join(' ')).not.toContain('finds no package');
  });
});

describe('debrief: the people at the table', () => {
  it('should ask one question of every side played by people, naming each', () => {
    const r = reportOf('ukraine-peace');
    const played = r.actors.map((a) => ({ ...a, person: a.id === 'russia' || a.id === 'ukraine' }));
    const qs = debriefQuestions({ ...r, actors: played }, () => []);
    const asked = qs.filter((q) => q.includes('played by'));
    expect(asked).toEqual([
      "Russia and Ukraine were played by people. At which moment did each participant's choice matter most, and what did it rest on?",
    ]);
  });

  it('should keep the one-person question for a single team', () => {
    const r = reportOf('ukraine-peace');
    const played = r.actors.map((a) => ({ ...a, person: a.id === 'us' }));
    const qs = debriefQuestions({ ...r, actors: played }, () => []);
    expect(qs.filter((q) => q.includes('played by'))).toEqual([
      "The United States was played by a person. At which moment did the participant's choice matter most, and what did it rest on?",
    ]);
  });
});
