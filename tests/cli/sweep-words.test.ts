// The words of peacesim sweep against its own --json: what the numbers beside a utility are (mean, min, max —
// not the 95% interval that brackets mean in outcomes), and each red line with its basis, as every other command
// marks it. (Which date's positions judge the documents: tests/cli/basis-columns.test.ts.)
import { describe, expect, it } from 'vitest';
import { basisMark } from '../../src/domain/basis.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk as cli } from '../cli-in-process.ts';

interface ActorSweep {
  readonly actor: string;
  readonly meanUtility: number;
  readonly minUtility: number;
  readonly maxUtility: number;
  readonly redLinesBroken: readonly string[];
}

const flat = (t: string) => t.replace(/\n\s+/g, ' ');

describe('peacesim sweep, in words', () => {
  for (const id of ['ukraine-peace', 'istanbul-2022'])
    it(`should label the mean, min and max of each utility and mark each red line's basis, as --json has them: ${id}`, async () => {
      const scenario = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('sweep', id, '-n', '20', '--json'));
      const text = flat(await cli('sweep', id, '-n', '20'));
      let marked = 0;
      for (const d of json.documents as { actors: ActorSweep[] }[])
        for (const a of d.actors) {
          const actor = scenario.actors.find((x) => x.id === a.actor)!;
          expect(text).toContain(
            `utility mean ${a.meanUtility.toFixed(3)}, min ${a.minUtility.toFixed(3)}, max ${a.maxUtility.toFixed(3)}`,
          );
          for (const r of a.redLinesBroken) {
            const line = actor.redLines.find((x) => x.id === r)!;
            const mark = basisMark(line.basis);
            if (mark) marked++;
            expect(text).toContain(`${line.text}${mark ? ` ${mark}` : ''}`);
          }
        }
      // each scenario breaks some red line that is a reading, and the test sees its mark
      expect(marked).toBeGreaterThan(0);
    });

  for (const id of ['security-triangle', 'tutorial-bilateral'])
    it(`should say under each document of ${id} what its shares judge, as --json's judgedOn has it`, async () => {
      const scenario = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('sweep', id, '-n', '20', '--json'));
      const text = await cli('sweep', id, '-n', '20');
      const lines = text.split('\n');
      for (const d of scenario.documents) {
        const j = json.documents.find((x: { id: string }) => x.id === d.id).judgedOn;
        // from the data: the issues modelled, those fixed, the terms the text has
        expect(j.issues).toBe(scenario.issues.length);
        expect(j.fixed).toEqual(scenario.fixedIssues);
        expect(j.terms).toHaveLength(d.terms.length);
        const at = lines.findIndex((l) => l.startsWith(`${d.title}`));
        const judged = lines[at + 1]!;
        if (j.fixed.length === 0 && j.statusQuo.length === 0)
          expect(judged.startsWith('  judged on ')).toBe(false);
        else {
          expect(judged).toMatch(new RegExp(`^  judged on the ${j.issues} `));
          if (j.fixed.length)
            expect(judged).toContain(`the ${j.fixed.length} others of the scenario it builds on`);
          if (j.statusQuo.length)
            expect(judged).toMatch(
              new RegExp(`terms on ${j.terms.length}( \\(.+?\\))?, the other ${j.statusQuo.length}`),
            );
          else expect(judged).toContain('terms on every one');
        }
      }
    });
});
