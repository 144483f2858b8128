// An actor the facilitator (or the analyst) made walk out answers no to every text after, and holds out for nothing:
// the debrief measures its shortfall on the last text it answered at the table and says it walked out, and the
// turning points tell the walk-out once.

import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameAtStart, nameInSentence } from '../../src/domain/actor-names.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { n3 } from '../../src/report/format.ts';
import { injectedBy } from '../../src/report/narration/phrases.ts';
import { roundList } from '../../src/report/outcome-notes.ts';

describe('a walk-out fired by hand, in the debrief', () => {
  for (const [actor, round] of [
    ['coalition', 2],
    ['coalition', 4],
    ['eu', 3],
  ] as const)
    it(`should measure ${actor}'s shortfall before it walked out in round ${round}, and say it left`, () => {
      const s = openScenario('ukraine-peace');
      const injects = [{ effect: { kind: 'walk-out' as const, actor }, round, by: 'analyst' as const }];
      const ctx = runHeadless(s, { seed: 1 }, { injects }).snapshot.context;
      const r = afterActionReport(s, runStateOf(s, runHeadless(s, { seed: 1 }, { injects }).snapshot), {
        options: resolveOptions(s, { seed: 1 }),
      });
      const name = nameAtStart(s.actors.find((a) => a.id === actor)!);
      const vs = ctx.transcript.flatMap((e) => (e.kind === 'verdict' && e.actor === actor ? [e] : []));
      const present = vs.filter((v) => !v.absent);
      const gone = vs.filter((v) => v.absent);
      expect(gone.length).toBeGreaterThan(0);
      const asked = r.debrief.find((q) => q.startsWith(`${name} rejected`));
      if (vs.every((v) => !v.accepts) && present.every((v) => v.violations.length === 0)) {
        const last = present.at(-1)!;
        expect(asked).toContain(`(${roundList(present.map((v) => v.round))})`);
        expect(asked).toContain(`walked out (${roundList(gone.map((v) => v.round))})`);
        expect(asked).toContain(`fell ${n3(Math.max(0, last.aspiration - last.utility))} short`);
      }
      // no question measures a shortfall against what it "holds out for" after it left (1, a placeholder)
      for (const q of r.debrief) if (q.startsWith(name)) expect(q).not.toContain('1.000');
      const md = afterActionMarkdown(r);
      // the engine charges the walk-out to the actor; the tally says who put it in
      expect(r.blame?.find((b) => b.actor === actor)?.walkOut).toBe(round);
      expect(md).toContain(`walked out in round ${round}: an inject ${injectedBy('analyst')}`);
      const points = md.slice(md.indexOf('## Turning points'), md.indexOf('## The last'));
      // the inject's sentence names it after a colon: in the middle of the sentence
      const inSentence = nameInSentence(s.actors.find((a) => a.id === actor)!);
      expect(points.split(`${inSentence} walks out`).length - 1).toBe(1);
    });
});
