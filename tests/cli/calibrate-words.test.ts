// peacesim calibrate in words: an actor's count of constraining reactions says how many of them a conflict set
// aside, since the ranges printed under it rest only on the rest. Expected words come from calibrate --json.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { ROOT } from '../helpers.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout().replace(/\n\s+/g, ' ') };
}

describe('peacesim calibrate (words)', () => {
  for (const scenario of [resolve(ROOT, 'tests/fixtures/evidence/conflict.yaml'), 'tutorial-bilateral'])
    it(`should say how many constraining reactions a conflict set aside (${scenario.split('/').at(-1)})`, async () => {
      const j = JSON.parse((await cli(['calibrate', scenario, '--json'])).stdout);
      const text = (await cli(['calibrate', scenario])).stdout;
      for (const [id, a] of Object.entries(j.actors) as [
        string,
        { constraining: string[]; setAside: string[] },
      ][]) {
        const n = a.constraining.length;
        const aside = a.constraining.filter((x) => a.setAside.includes(x)).length;
        const head = `${n} constraining reaction${n === 1 ? '' : 's'}`;
        const line = text.split(`— ${head}`)[1];
        expect(line, id).toBeDefined();
        if (aside > 0) expect(line!.startsWith(`, ${aside} of them set aside as a conflict;`), id).toBe(true);
        else expect(line!.startsWith(';'), id).toBe(true);
      }
    });
});
