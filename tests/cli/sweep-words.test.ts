// The words of peacesim sweep against its own --json and against analyze: which date's positions judge the
// documents (analyze judges each by its own date, the sweep by the scenario's), what the numbers beside a
// utility are, and each red line with its basis, as every other command marks it.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { basisMark } from '../../src/domain/basis.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  expect(io.stderr()).toBe('');
  expect(code).toBe(0);
  return io.stdout();
}

interface ActorSweep {
  readonly actor: string;
  readonly meanUtility: number;
  readonly minUtility: number;
  readonly maxUtility: number;
  readonly redLinesBroken: readonly string[];
}

const flat = (t: string) => t.replace(/\n\s+/g, ' ');

describe('peacesim sweep, in words', () => {
  it('should say it judges every document by the positions of the scenario’s date, where analyze judges by the document’s own', async () => {
    const scenario = loadScenarioFile('scenarios/ukraine-peace.yaml');
    const sweep = JSON.parse(await cli('sweep', 'ukraine-peace', '-n', '20', '--json'));
    const analyze = JSON.parse(await cli('analyze', 'ukraine-peace', '--json'));
    // the reason the sentence is needed: some document's red lines differ between the two
    const differs = sweep.documents.some((d: { id: string; actors: ActorSweep[] }) => {
      const a = analyze.documents.find((x: { id: string }) => x.id === d.id);
      return d.actors.some(
        (s) =>
          JSON.stringify([...s.redLinesBroken].sort()) !==
          JSON.stringify(a.verdicts[s.actor].violations.map((v: { redLine: string }) => v.redLine).sort()),
      );
    });
    expect(differs).toBe(true);
    const text = flat(await cli('sweep', 'ukraine-peace', '-n', '20'));
    expect(text).toContain(`every document judged by the positions in force on ${scenario.date}`);
    expect(text).toContain('not by those of its own date');
  });

  it('should say so plainly when the scenario states no earlier positions', async () => {
    const scenario = loadScenarioFile('scenarios/tutorial-bilateral.yaml');
    expect(scenario.actors.every((a) => a.epochs.length === 0)).toBe(true);
    const text = flat(await cli('sweep', 'tutorial-bilateral', '-n', '20'));
    expect(text).toContain(`every document judged by the positions of ${scenario.date}`);
    expect(text).not.toContain('its own date');
  });

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
