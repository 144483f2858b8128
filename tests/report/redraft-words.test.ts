// A mediator's redraft to the frontier moves several terms for one reason: the screen, like the run, says the
// reason once, then the terms — not the same long sentence after every term it moved.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

describe('a redraft to the frontier, on the screen and in the report', () => {
  it('should give its reason once for all the terms it moves', () => {
    const s = openScenario('security-triangle');
    const t = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
    const k = t.findIndex(
      (e) => e.kind === 'revised' && e.changes.filter((c) => c.reason?.kind === 'frontier').length >= 2,
    );
    expect(k).toBeGreaterThan(0);
    const e = t[k]!;
    const moved = e.kind === 'revised' ? e.changes.filter((c) => c.reason?.kind === 'frontier') : [];
    for (const n of [
      new Narration(s, { voice: 'screen' }),
      new Narration(s, { voice: 'screen', public: true }),
      new Narration(s, { voice: 'report' }),
    ]) {
      const lines = n.entry(e, t.slice(0, k)).map(lineText);
      expect(lines.filter((l) => l.includes('nearest text'))).toHaveLength(1);
      // every term it moved is still named, each on its own line
      for (const c of moved)
        expect(lines.some((l) => l.startsWith(`${s.issues.find((x) => x.id === c.issue)!.label}: `))).toBe(
          true,
        );
    }
  });
});
