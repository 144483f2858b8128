// What the seed does, said honestly: a run reports whether it drew anything at random (`seedUsed` in --json; the
// header says when the seed changed nothing), and a run that drew nothing is the same for every seed.
import { describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { cli } from '../helpers.ts';

const json = (args: string[]) => {
  const r = cli(['run', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the seed of a run', () => {
  for (const id of shippedIds())
    it(`should say whether ${id} drew at random, and be the same for every seed when it did not`, () => {
      const runs = [1, 2, 99].map((seed) => json([id, '--seed', String(seed)]));
      for (const r of runs) expect(typeof r.seedUsed).toBe('boolean');
      if (!runs[0].seedUsed) for (const r of runs.slice(1)) expect(r.transcript).toEqual(runs[0].transcript);
    });

  it('should say so in the header when the seed changed nothing', () => {
    const r = cli(['run', 'tutorial-bilateral']);
    expect(r.stdout).toContain(
      'seed 1 (no strategy in this run draws at random; the seed changes nothing here)',
    );
  });

  it('should draw, and say nothing of the kind, when a strategy has noise; another seed gives another run', () => {
    const noisy = (seed: number) => [
      'tutorial-bilateral',
      '--seed',
      String(seed),
      '--strategy',
      'north=boulware:noise=0.05',
    ];
    const a = json(noisy(1));
    const b = json(noisy(2));
    expect(a.seedUsed).toBe(true);
    expect(a.transcript).not.toEqual(b.transcript);
    expect(cli(['run', ...noisy(1)]).stdout).not.toContain('the seed changes nothing');
  });
});
