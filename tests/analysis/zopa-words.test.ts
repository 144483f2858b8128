// The zone of possible agreement in analyze's words, option by option, against its --json: who is named as
// unable to live with an option is exactly who the JSON says cannot, and a ✗ no party makes alone is put on the
// parties' red lines together — never on a non-party that cannot live with it either (the Coalition, say, is not
// why "barred by NATO" is out when Russia and Ukraine together already rule out every package).
import { describe, expect, it } from 'vitest';
import { actorShort } from '../../src/cli/labels.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { cliOk as cli } from '../cli-in-process.ts';

interface Zopa {
  issue: string;
  byActor: Record<string, (string | number)[]>;
  parties: (string | number)[];
}

const TOGETHER = 'the parties’ red lines together rule it out';

describe('analyze, the zone of possible agreement in words', () => {
  for (const id of ['ukraine-peace', 'tutorial-bilateral', 'security-triangle'])
    it(`should name who cannot live with each option, and blame a ✗ no party makes alone on the parties together: ${id}`, async () => {
      const s = openScenario(id);
      const json = JSON.parse(await cli('analyze', id, '--json')) as { parties: string[]; zopa: Zopa[] };
      const text = await cli('analyze', id);
      const zone = text.slice(text.indexOf('Zone of possible agreement'), text.indexOf('\nDocuments'));
      const lines = zone.split('\n').filter((l) => /^ {4}[✓✗] /.test(l));
      let k = 0;
      let nonPartyOnly = 0;
      for (const z of json.zopa) {
        const issue = s.issues.find((x) => x.id === z.issue)!;
        for (const o of issue.options) {
          const v = issue.kind === 'numeric' ? o.value! : o.id;
          const line = lines[k++]!;
          expect(line.startsWith(`    ${z.parties.includes(v) ? '✓' : '✗'} ${o.label} — `), line).toBe(true);
          const who = line.slice(line.indexOf(' — ') + 3);
          const cannot = s.actors.filter((a) => !z.byActor[a.id]!.includes(v));
          const named = who.startsWith('not ') ? who.slice(4).split(';')[0]!.split(', ') : [];
          expect(named, line).toEqual(cannot.map((a) => actorShort(s, a.id)));
          const byParty = cannot.some((a) => json.parties.includes(a.id));
          const blamesTogether = who.includes(TOGETHER);
          expect(blamesTogether, line).toBe(!z.parties.includes(v) && !byParty);
          if (cannot.length > 0 && !byParty && !z.parties.includes(v)) nonPartyOnly++;
        }
      }
      expect(k).toBe(lines.length);
      // ukraine-peace has options only a non-party cannot live with, the case this test is for
      if (id === 'ukraine-peace') expect(nonPartyOnly).toBeGreaterThan(0);
    });

  it('should say that who cannot live with an option alone is judged under its own red lines and the rules', async () => {
    // the tutorial's North cannot live with "No guarantee" only through the rule that neutrality needs one
    const text = await cli('analyze', 'tutorial-bilateral');
    expect(text).toContain('who cannot live with it even alone, under its own red lines and the rules');
  });
});

describe('analyze, the red lines in force', () => {
  it('should say none when no actor has a red line, not leave the heading bare', async () => {
    const json = JSON.parse(await cli('analyze', 'divide-the-surplus', '--json'));
    expect((json.actors as { redLines: unknown[] }[]).every((a) => a.redLines.length === 0)).toBe(true);
    const text = await cli('analyze', 'divide-the-surplus');
    expect(text).toContain('Red lines in force on 2025\n  none\n');
  });
});
