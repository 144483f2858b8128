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
});
