// peacesim calibrate in words: an actor's count of reactions weighed says how many of them a conflict set aside,
// since the ranges printed under it rest only on the rest, and how many narrow the ranges (a reaction the ranges
// alone already give, as North's acceptance of its own opening, narrows nothing). Expected words from --json.
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
      const seen: string[] = [];
      for (const [id, a] of Object.entries(j.actors) as [
        string,
        { constraining: string[]; narrowing: string[]; setAside: string[] },
      ][]) {
        const n = a.constraining.length;
        const cut = a.narrowing.length;
        expect(
          a.narrowing.every((x) => a.constraining.includes(x)),
          id,
        ).toBe(true);
        const aside = a.constraining.filter((x) => a.setAside.includes(x)).length;
        const head = `${n} reaction${n === 1 ? '' : 's'} weighed`;
        const line = text.split(`— ${head}`)[1];
        expect(line, id).toBeDefined();
        const rest = aside > 0 ? `, ${aside} of them set aside as a conflict` : '';
        expect(line!.startsWith(rest), id).toBe(true);
        const narrow = line!.slice(rest.length).split(';')[0]!;
        if (n === 0) expect(narrow, id).toBe('');
        else if (cut === 0)
          expect(narrow, id).toMatch(
            /^: the ranges alone already give (it|them), so (it|none) narrows nothing$/,
          );
        else if (cut === n) expect(narrow, id).toMatch(/^, (it narrows|all narrow) the ranges$/);
        else expect(narrow, id).toContain(`, ${cut} of them narrowing the ranges`);
        seen.push(cut === n ? 'all' : cut === 0 ? 'none' : 'some');
      }
      // tutorial-bilateral: North's acceptance of its own opening is weighed, and the ranges alone give it
      if (scenario === 'tutorial-bilateral') expect(seen).toContain('none');
    });
});
