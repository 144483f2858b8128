// `show --as-of DATE` judges the documents by that date's positions, but its default run is `peacesim run`'s,
// which starts from the scenario's own positions: where the scenario dates earlier positions the heading says
// whose positions the run starts from, and the run and what it rests on are the same as without --as-of.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');
/** The default run and what it rests on: from its heading (cut off) to the closing line on source keys. */
const runPart = (text: string) => {
  const at = text.indexOf('The default run (peacesim run)');
  expect(at).toBeGreaterThan(0);
  const end = text.indexOf('Keys in brackets', at);
  return text.slice(text.indexOf(': ', at), end < 0 ? undefined : end);
};

describe('show --as-of and the default run', () => {
  it.each(shippedIds())(
    'should say the run starts from the scenario’s date where positions are dated: %s',
    async (id) => {
      const s = openScenario(id);
      const dated = s.actors.some((a) => a.epochs.length > 0);
      const first = [...s.documents.map((d) => d.date)].sort()[0]!;
      const plain = flat(await cli('show', id));
      const asOf = flat(await cli('show', id, '--as-of', first));
      const from = `The default run (peacesim run), from the positions of ${s.date} (the scenario's date; --as-of does not move it):`;
      expect(plain).not.toContain(from);
      if (dated) expect(asOf).toContain(from);
      else expect(asOf).toContain('The default run (peacesim run): ');
      expect(runPart(asOf)).toBe(runPart(plain));
    },
  );
});
