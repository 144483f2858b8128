// timeline's dated positions against its own --json: each epoch a document was judged by is listed once, with its
// span and, when it is a reading or an assumption, its mark — as show and whatif mark the same positions. (Russia's
// "Before Moscow refused a ceasefire for a referendum" is the model's reading; it was printed as if stated.) And
// the rules a document breaks, which make it no deal whoever accepts, are named, from --json's rulesBroken.
import { describe, expect, it } from 'vitest';
import type { UsedEpoch } from '../../src/cli/commands/timeline.ts';
import { basisMark } from '../../src/domain/basis.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { columnName } from '../../src/ui/words.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('timeline, dated positions with their basis', () => {
  for (const id of ['ukraine-peace', 'istanbul-2022', 'june-2024-terms'])
    it(`should list every epoch --json names, marked with its basis: ${id}`, async () => {
      const scenario = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('timeline', id, '--json'));
      const text = flat(await cli('timeline', id));
      const epochs = json.epochs as UsedEpoch[];
      // exactly the epochs the entries were judged by
      expect(new Set(epochs.map((e) => e.id))).toEqual(
        new Set((json.entries as { epochs: string[] }[]).flatMap((e) => e.epochs)),
      );
      let marked = 0;
      for (const e of epochs) {
        const actor = scenario.actors.find((a) => a.id === e.actor)!;
        expect(actor.epochs.find((x) => x.id === e.id)?.basis, e.id).toBe(e.basis);
        const mark = basisMark(e.basis);
        if (mark) marked++;
        expect(text, e.id).toContain(
          flat(
            `${columnName(actor.name)}: ${e.label}${mark ? ` ${mark}` : ''} (${e.from ?? '…'} to ${e.until ?? '…'})`,
          ),
        );
      }
      // the legend when some position is marked, and only then
      if (marked) expect(text).toContain('[reading] an inference from sources');
      else expect(text).not.toContain('[reading] an inference from sources');
      if (id === 'ukraine-peace') expect(marked).toBeGreaterThan(0);
    });

  for (const id of ['ukraine-peace', 'tutorial-bilateral'])
    it(`should name each rule a document breaks, the deal column's other condition: ${id}`, async () => {
      const scenario = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('timeline', id, '--json'));
      const text = flat(await cli('timeline', id));
      type Entry = {
        date: string;
        title: string;
        agreement: boolean;
        rulesBroken: string[];
        verdicts: Record<string, { accepts: boolean; required: boolean }>;
      };
      const entries = json.entries as Entry[];
      for (const e of entries) {
        // deal: every required actor accepts and no rule is broken — as the legend says
        const accepted = Object.values(e.verdicts).every((v) => !v.required || v.accepts);
        expect(e.agreement, e.title).toBe(accepted && e.rulesBroken.length === 0);
        if (e.rulesBroken.length === 0) continue;
        const words = e.rulesBroken.map((r) => {
          const rule = scenario.rules.find((x) => x.id === r)!;
          const mark = basisMark(rule.basis);
          return `${rule.text}${mark ? ` ${mark}` : ''}`;
        });
        expect(text).toContain(flat(`${e.date} ${e.title}: ${words.join(' · ')}`));
      }
      expect(entries.some((e) => e.rulesBroken.length > 0)).toBe(true);
    });
});
