// Red lines withheld on a reading: the historical scenarios withhold Moscow's referendum refusal (stated from
// 12 Dec 2025) as the default's epoch does, so neither side's contested dating is out of `hinges`' reach.
import { describe, expect, it } from 'vitest';
import { applyItems, outcomeItems } from '../../src/analysis/hinge-items.ts';
import { verdictHinges } from '../../src/analysis/hinges.ts';
import { verdictOf } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { cliOk } from '../cli-in-process.ts';
import { shipped } from '../engine/helpers.ts';

const HISTORICAL = ['istanbul-2022', 'june-2024-terms', 'security-triangle'];
const REFUSAL = 'no-ceasefire-for-referendum';
const russiaOf = (s: Scenario) => s.actors.find((a) => a.id === 'russia')!;

describe('a red line withheld on a reading', () => {
  it.each(HISTORICAL)(
    '%s: withholds Moscow’s refusal with its reading, lists it, and hinges may restore it',
    async (id) => {
      const s = shipped(id);
      const russia = russiaOf(s);
      expect(russia.redLines.map((r) => r.id)).not.toContain(REFUSAL);
      const [w] = russia.withheldRedLines;
      expect(w).toMatchObject({ basis: 'reading', redLine: { id: REFUSAL, basis: 'stated' } });
      expect(w!.sources).toContain('peskov-referendum');
      // not applied on any date the scenario judges
      expect(positionsAsOf(s, s.date).actors[russia.index]!.redLines.map((r) => r.id)).not.toContain(REFUSAL);
      // the run's hinge search has the item, labelled with the reading's basis
      const item = outcomeItems(s).find((x) => x.id === `restore:russia:${REFUSAL}`);
      expect(item).toMatchObject({ basis: 'reading', change: { kind: 'restore', redLine: REFUSAL } });
      // restored, the red line is Russia's own again, in force, and no longer withheld
      const restored = russiaOf(applyItems(s, [item!]));
      expect(restored.redLines.map((r) => r.id)).toContain(REFUSAL);
      expect(restored.withheldRedLines).toEqual([]);
      // show says so under Russia; sources lists the reading under the sources it cites
      expect(await cliOk('show', id)).toMatch(
        /withheld \[reading\]: No ceasefire to let Ukraine hold a\s+referendum on the\s+settlement — read as not holding on the scenario's date; `peacesim hinges`\s+restores it/,
      );
      expect(await cliOk('sources', id, '--key', 'peskov-referendum')).toMatch(
        /Red lines withheld on a reading:\s+russia\/no-ceasefire-for-referendum/,
      );
    },
  );

  it('should decide Russia’s verdict alone on Putin’s June 2024 terms with a ceasefire for a referendum', () => {
    const s = shipped('june-2024-terms');
    const russia = russiaOf(s);
    const d = s.documents.find((x) => x.id === 'putin-june-2024')!;
    const ci = s.issues.findIndex((x) => x.id === 'ceasefire');
    const pkg = Int32Array.from(d.package);
    pkg[ci] = s.issues[ci]!.options.findIndex((o) => o.id === 'referendum-truce');
    const doc = { ...d, package: pkg };
    const v = verdictHinges(s, russia.index, doc, undefined);
    expect(v.accepts).toBe(true);
    expect(v.hinges).toContainEqual([`restore:russia:${REFUSAL}`]);
    // the same by the whole model: restored, the domain's verdict is a rejection on that red line
    const item = v.items.find((x) => x.id === `restore:russia:${REFUSAL}`)!;
    const dated = positionsAsOf(applyItems(s, [item]), d.date);
    const verdict = verdictOf(dated, dated.actors[russia.index]!, pkg);
    expect(verdict.accepts).toBe(false);
    expect(verdict.violations.map((x) => x.redLine)).toEqual([REFUSAL]);
    // on the text as tabled (no ceasefire for a vote) the item is not among Russia's choices for it
    expect(verdictHinges(s, russia.index, d, undefined).items.map((x) => x.id)).not.toContain(
      `restore:russia:${REFUSAL}`,
    );
  });
});
