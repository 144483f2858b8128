// The real binary (dist/, built by `npm test` before vitest): exit codes, one-line errors, no stack traces.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.ts';

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);

describe('peacesim binary', () => {
  it('should print help and version with exit 0', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['show', 'list', 'validate', 'schema']) expect(help.stdout).toContain(c);
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('should exit 2 with one line for an unknown command or flag', () => {
    const cmd = cli(['lsit']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr.trim().split('\n')).toHaveLength(1);
    expect(cmd.stderr).toMatch(/did you mean "list"/);
    // "play", as a facilitator would type it, names the way to a session with teams
    const play = cli(['play', 'ukraine-peace']);
    expect(play.code).toBe(2);
    expect(play.stderr.trim().split('\n')).toHaveLength(1);
    expect(play.stderr).toContain(
      'a session with teams is played in the explorer: peacesim tui SCENARIO, then p',
    );
    const flag = cli(['validate', '--bogus', 'x.yaml']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('should validate the tutorial (exit 0) and report every located mistake (exit 1)', () => {
    expect(cli(['validate', 'scenarios/tutorial-bilateral.yaml']).code).toBe(0);
    const bad = cli(['validate', 'tests/fixtures/bad/syntax.yaml', 'tests/fixtures/bad/many-mistakes.yaml']);
    expect(bad.code).toBe(1);
    const located = bad.stderr.split('\n').filter((l) => /^[^:]+\.yaml:\d+:\d+: /.test(l));
    expect(located).toHaveLength(5);
    noStack(bad.stderr);
  });

  it('should print validate results as JSON', () => {
    const r = cli(['validate', '--json', 'tests/fixtures/bad/syntax.yaml']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; valid: boolean; errors: { line: number }[] }[];
    expect(out[0]).toMatchObject({ file: 'tests/fixtures/bad/syntax.yaml', valid: false });
    expect(out[0]!.errors[0]!.line).toBe(6);
  });

  it('should name a missing scenario and list the shipped ones, exit 1', () => {
    const r = cli(['show', 'no-such-scenario']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown scenario "no-such-scenario".*tutorial-bilateral/);
    noStack(r.stderr);
  });

  it('should list shipped scenarios and honour NO_COLOR', () => {
    const r = cli(['list'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tutorial-bilateral');
    expect(r.stdout).not.toContain(`${String.fromCharCode(27)}[`);
  });

  it('should show a scenario with each document verdict', () => {
    const r = cli(['show', 'tutorial-bilateral']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /North's opening demands[\s\S]*South \(stylised Ukraine\): red lines:\s+1\. No cession of territory it holds\./,
    );
    expect(r.stdout).toMatch(/A mediator's compromise text[\s\S]*no agreement/);
  });

  it('should print a JSON Schema', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('anyOf');
  });
});
