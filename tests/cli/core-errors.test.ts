// The core says what was wrong with which value, as data and without naming a flag; the CLI words it with the flag
// the value came from (exit 2 for a malformed flag, 1 for what the engine refuses of a run).
import { describe, expect, it } from 'vitest';
import { concessions } from '../../src/analysis/concessions.ts';
import { ParameterError } from '../../src/analysis/limits.ts';
import { valuesToAdd } from '../../src/analysis/whatif.ts';
import { withFlags } from '../../src/cli/core-errors.ts';
import type { PeacesimError } from '../../src/domain/errors.ts';
import { PlanError, runHeadless } from '../../src/engine/headless.ts';
import { OptionError, resolveOptions } from '../../src/engine/options.ts';
import { shipped } from '../engine/helpers.ts';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

describe('typed errors of the core', () => {
  const tutorial = shipped('tutorial-bilateral');

  it('should carry the parameter and value, and name no flag', () => {
    const max = thrown(() => concessions(tutorial, 'north-opening', { max: 4 }));
    expect(max).toBeInstanceOf(ParameterError);
    expect(max).toMatchObject({ parameter: 'max', value: 4, exitCode: 1 });
    expect((max as Error).message).not.toContain('--');
    const twice = thrown(() =>
      valuesToAdd(tutorial, [
        { issue: 'army-cap', value: '250000' },
        { issue: 'army-cap', value: '800000' },
      ]),
    );
    expect(twice).toMatchObject({ parameter: 'set', value: 'army-cap=…' });
    const seed = thrown(() => resolveOptions(tutorial, { seed: -1 }));
    expect(seed).toBeInstanceOf(OptionError);
    expect(seed).toMatchObject({ option: 'seed', actor: null, exitCode: 1 });
    const plan = thrown(() => runHeadless(tutorial, {}, { injects: [{ event: 'nope', round: 1 }] }));
    expect(plan).toBeInstanceOf(PlanError);
    expect((plan as Error).message).not.toContain('--');
  });

  it('should be worded with the flag by the CLI', () => {
    const worded = (f: () => unknown) => thrown(() => withFlags('moves.json', f)) as PeacesimError;
    const max = worded(() => concessions(tutorial, 'north-opening', { max: 4 }));
    expect(max.message).toMatch(/^--max 4: the exact search covers 1 to 3 changes/);
    expect(max.exitCode).toBe(2);
    const rounds = worded(() => resolveOptions(tutorial, { maxRounds: 1001 }));
    expect(rounds.message).toBe('--rounds: expected a whole number from 1 to 1000, not "1001"');
    expect(rounds.exitCode).toBe(2);
    const param = worded(() =>
      resolveOptions(tutorial, { strategies: { north: { kind: 'boulware', params: { x: 1 } } } }),
    );
    expect(param.message).toMatch(/^--strategy north=…: boulware takes no parameter "x"; it takes e, noise$/);
    const inject = worded(() =>
      runHeadless(tutorial, {}, { injects: [{ event: 'north-opening', round: 1 }] }),
    );
    expect(inject.message).toMatch(/^--inject north-opening@1: unknown manual event/);
    expect(inject.exitCode).toBe(1);
  });
});
