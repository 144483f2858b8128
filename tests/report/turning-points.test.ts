// The report's turning points say what the report's own data shows: the rounds the text moved most, one line for
// each set of terms however many rounds it spans, and each flip of an actor's answers against the answer it
// turned from — the utility table's ✓ for a proposer's own text is no answer. Expected words come from the
// report's timeline and verdicts.

import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameAtStart } from '../../src/domain/actor-names.ts';
import { newGame, send } from '../../src/engine/game.ts';
import { playOn, runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionHtml } from '../../src/report/after-action-html.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { readRounds } from './read-rounds.ts';

function reportOf(id: string, rounds?: number) {
  const s = openScenario(id);
  const given = { seed: 1, ...(rounds === undefined ? {} : { maxRounds: rounds }) };
  const { snapshot } = runHeadless(s, given);
  return afterActionReport(s, runStateOf(s, snapshot), { options: resolveOptions(s, given) });
}

/** The lines of the markdown report's turning points. */
const pointLines = (md: string) =>
  md
    .split('\n## Turning points\n')[1]!
    .split('\n## ')[0]!
    .split('\n')
    .filter((l) => l.startsWith('- '));

const CASES = ['divide-the-surplus', 'tutorial-bilateral', 'istanbul-2022', 'june-2024-terms'];

describe('turning points: the rounds the text moved most', () => {
  for (const id of CASES)
    it(`should give one line to each set of terms the text moved most, naming all its rounds (${id})`, () => {
      const r = reportOf(id);
      const most = Math.max(...r.timeline.map((t) => t.moved.length));
      const groups = new Map<string, number[]>();
      for (const t of r.timeline.filter((x) => x.moved.length === most)) {
        const key = t.moved.map((m) => m.label).join('|');
        groups.set(key, [...(groups.get(key) ?? []), t.round]);
      }
      const lines = pointLines(afterActionMarkdown(r)).filter((l) => l.includes('The text moves most'));
      expect(lines).toHaveLength(groups.size);
      for (const [key, rounds] of groups) {
        const line = lines.find((l) => key.split('|').every((label) => l.includes(label)))!;
        expect(line, key).toBeDefined();
        const when = line.slice(2).split(':')[0]!;
        const named = readRounds(when);
        expect(named, line).toEqual(rounds);
        if (rounds.length > 1) expect(when).toMatch(/^Rounds \d/);
        else expect(when).toBe(`Round ${rounds[0]}`);
      }
    });

  it('should print the split of one surplus, the same term moving every round, as one line over the span', () => {
    const r = reportOf('divide-the-surplus');
    const moving = r.timeline.filter((t) => t.moved.length > 0).map((t) => t.round);
    expect(moving.length).toBeGreaterThan(10);
    // consecutive rounds in the data, so one span in the words
    expect(moving.at(-1)! - moving[0]!).toBe(moving.length - 1);
    const labels = new Set(r.timeline.flatMap((t) => t.moved.map((m) => m.label)));
    expect(labels.size).toBe(1);
    const md = afterActionMarkdown(r);
    expect(pointLines(md).filter((l) => l.includes('The text moves most'))).toEqual([
      `- Rounds ${moving[0]}–${moving.at(-1)}: The text moves most: 1 term changes in each (${[...labels][0]}).`,
    ]);
    expect(afterActionHtml(r)).toContain(
      `<li><strong>Rounds ${moving[0]}–${moving.at(-1)}</strong>: The text moves most: 1 term changes in each`,
    );
  });
});

describe('turning points: an actor whose answer flips', () => {
  // the docs' example (docs/report.md): the tutorial cut to four rounds, where North's ✓ in round 3 is for its own
  // text and its answers go ✗ (round 2) → ✓ (round 4)
  for (const [id, rounds] of [
    ...CASES.map((c) => [c, undefined] as const),
    ['tutorial-bilateral', 4] as const,
  ])
    it(`should name the answer it turns from, which the utility table shows (${id}${rounds ? `, ${rounds} rounds` : ''})`, () => {
      const r = reportOf(id, rounds);
      const lines = pointLines(afterActionMarkdown(r));
      let flips = 0;
      let ownTextBetween = 0;
      for (const a of r.actors) {
        const answers = r.timeline.flatMap((t) =>
          t.entries.flatMap((e) =>
            e.kind === 'verdict' && e.actor === a.id ? [{ round: t.round, accepts: e.accepts }] : [],
          ),
        );
        const series = r.trajectories.find((t) => t.actor === a.id)!;
        answers.forEach((v, k) => {
          const prev = answers[k - 1];
          if (!prev || prev.accepts === v.accepts) return;
          flips++;
          const expected = `- Round ${v.round}: ${nameAtStart(a)} ${v.accepts ? 'accepts' : 'rejects'} the text after ${prev.accepts ? 'accepting' : 'rejecting'} the last one it answered (round ${prev.round}).`;
          expect(lines).toContain(expected);
          // the round it names carries the opposite mark in the table
          expect(series.accepts[prev.round - 1]).toBe(prev.accepts);
          // a ✓ between the two is its own text, which the sentence does not count
          for (let q = prev.round + 1; q < v.round; q++)
            if (series.accepts[q - 1] === v.accepts) ownTextBetween++;
        });
      }
      expect(lines.filter((l) => / the last one it answered /.test(l))).toHaveLength(flips);
      if (rounds === 4) {
        expect(flips).toBeGreaterThan(0);
        expect(ownTextBetween).toBeGreaterThan(0);
      }
    });
});

describe('turning points: an ad-hoc inject', () => {
  it('should end the sentence of a dropped red line once, not with a second full stop after its text', () => {
    const s = openScenario('ukraine-peace');
    const opened = send(newGame(s, { seed: 1 }), { type: 'STEP' });
    if (!opened.ok) throw new Error(opened.error);
    const sent = send(opened.game, {
      type: 'INJECT',
      effect: { kind: 'drop-red-line', actor: 'russia', redLine: 'no-ceasefire-for-referendum' },
    });
    if (!sent.ok) throw new Error(sent.error);
    const { game } = playOn(sent.game, {});
    const r = afterActionReport(s, runStateOf(s, game.snapshot), { options: resolveOptions(s, { seed: 1 }) });
    const line = pointLines(afterActionMarkdown(r)).find((l) => l.includes('An inject by hand'));
    expect(line).toContain(
      // the scenario's words, not in quotation marks: they are not the actor's
      'Russia drops its red line: No ceasefire to let Ukraine hold a referendum on the settlement.',
    );
    expect(line).not.toMatch(/\.\.$/);
    expect(line).toMatch(/settlement\.$/);
  });
});
