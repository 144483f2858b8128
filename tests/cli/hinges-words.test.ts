// peacesim hinges in words: a document's block names every actor whose rejection no set of choices changes, and
// says that no set makes it an agreement, so the verdicts it does list are not read as all that stands in the way.
// Expected words come from the command's own report (what --json prints).

import { describe, expect, it } from 'vitest';
import { hingesReport, hingesText } from '../../src/cli/commands/hinges.ts';
import { memoryIo, palette } from '../../src/cli/io.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameAtStart } from '../../src/domain/actor-names.ts';

describe('peacesim hinges (words)', () => {
  for (const id of ['ukraine-peace', '28-point-path'])
    it(`should name every rejection no set changes, when other verdicts have hinges (${id})`, async () => {
      const s = openScenario(id);
      // budget 0: the documents' search is exact whatever the budget; the run's search is not needed here
      const r = await hingesReport(s, { seed: 1, maxSize: 3, budget: 0 });
      const lines = hingesText(s, r, palette(memoryIo()));
      const starts = r.documents.map((d) => {
        const title = s.documents.find((x) => x.id === d.id)!.title;
        return lines.findIndex((l) => l.startsWith(`  ${title} (${d.date}):`));
      });
      let checked = 0;
      r.documents.forEach((d, k) => {
        const block = lines.slice(starts[k]! + 1, starts[k + 1] ?? lines.length).join('\n');
        const verdicts = Object.entries(d.verdicts);
        const partial = verdicts.some(([, v]) => v.hinges.length > 0);
        if (d.agreement || d.agreementHinges.length > 0 || !partial) return;
        checked++;
        expect(block).toContain(`no set of up to ${r.maxSize} choices makes it an agreement`);
        for (const [actor, v] of verdicts) {
          if (v.accepts || v.hinges.length > 0) continue;
          const name = nameAtStart(s.actors.find((a) => a.id === actor)!);
          expect(block).toContain(`${name} rejects, and no set of up to ${r.maxSize}`);
        }
      });
      expect(checked).toBeGreaterThan(0);
    });

  it('should not say a set changes nothing when no set was tried', async () => {
    const s = openScenario('tutorial-bilateral');
    const r = await hingesReport(s, { seed: 1, maxSize: 3, budget: 0 });
    expect(r.outcome.tried).toBe(0);
    const lines = hingesText(s, r, palette(memoryIo()));
    expect(lines).not.toContain('  No set tried changes it.');
    expect(lines).toContain('  No set was tried.');
  });

  it('should count the sets tried as the report does: none of a size with no candidates, no "up to 1 choices"', async () => {
    let further = 0;
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    for (const [id, maxSize] of [
      ['divide-the-surplus', 3],
      ['istanbul-2022', 1],
    ] as const) {
      const s = openScenario(id);
      const r = await hingesReport(s, { seed: 1, maxSize, budget: 10_000 });
      const text = hingesText(s, r, palette(memoryIo())).join('\n');
      expect(text).not.toMatch(/all 0 sets|up to 1 (of its )?choices|up to 1 of/);
      for (const c of r.outcome.sizes)
        if (c.candidates === 0 && c.supersets + c.rivals === 0) {
          expect(text).toContain(`no sets of ${c.size}`);
        } else if (c.candidates === 0) {
          // sets of that size exist, each holding a smaller set found (or rival choices): not "no sets of 3"
          further++;
          expect(text).not.toContain(`no sets of ${c.size}`);
          expect(flat(text)).toContain(`no further minimal set of ${c.size} (`);
          if (c.rivals === 0 && c.supersets === 1)
            expect(flat(text)).toContain(`(the only set of ${c.size} holds a smaller set found)`);
        } else if (c.tried === c.candidates) expect(text).toContain(`all ${c.candidates} set`);
      if (maxSize === 1) expect(text).toContain('every labelled choice of each actor tried alone');
    }
    // divide-the-surplus: its only set of 3 holds the pair of strategies found
    expect(further).toBeGreaterThan(0);
  });
});
