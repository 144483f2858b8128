// Every input checked by the same rules wherever it enters: a strategy's parameters on --strategy, in a session
// file and in a scenario; a whole number on --seed, --rounds, --limit and in the play setup's fields. And the
// slips of an unknown id: the right plural, a "did you mean" for the start of an id, every valid id listed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strategyError, strategyParamError } from '../../src/agents/params.ts';
import { parseStrategy } from '../../src/cli/flags.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { UnknownIdError } from '../../src/domain/errors.ts';
import { newGame } from '../../src/engine/game.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { createSession, sessionText } from '../../src/engine/session.ts';
import { fieldError } from '../../src/ui/state/play-setup.ts';
import { cli } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, exit 2, naming the flag. */
function usage(args: string[], flag: string) {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(flag);
  return r.stderr;
}

describe('usage errors', () => {
  it('should say in one line which command, what is wrong and where to read how to call it', () => {
    // commander put its "did you mean" on a second line, and started every line with a bare "error:"
    const unknown = usage(['run', 'tutorial-bilateral', '--jsn'], '--jsn');
    expect(unknown).toBe(
      "peacesim run: unknown option '--jsn' (Did you mean --json?) (peacesim run --help)\n",
    );
    expect(usage(['outcomes', 'tutorial-bilateral', '-n', 'x'], '--draws')).toMatch(
      /^peacesim outcomes: .*\(peacesim outcomes --help\)\n$/,
    );
  });

  it('should list the documents, by date, when whatif or concessions is not told which to start from', () => {
    const s = openScenario('tutorial-bilateral');
    const byDate = [...s.documents].sort((a, b) => a.date.localeCompare(b.date));
    for (const command of ['whatif', 'concessions']) {
      const said = usage([command, 'tutorial-bilateral'], '--document');
      expect(said).toMatch(
        new RegExp(`^peacesim: say which document .*\\(peacesim ${command} --help\\)\\n$`),
      );
      // every document, with its date, in date order
      const at = byDate.map((d) => said.indexOf(`${d.id} (${d.date})`));
      expect(at.every((k) => k > 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
    }
  });
});

describe("a strategy's parameters", () => {
  it('should take only the parameters its kind reads, each within its range', () => {
    expect(strategyError('boulware', { e: 0.1, noise: 0.05 })).toBeNull();
    expect(strategyError('tit-for-tat', { opening: 0.1 })).toBeNull();
    expect(strategyError('conceder', { patience: 3, steps: 2 })).toBeNull();
    expect(strategyParamError('boulware', 'x', 1)).toBe(
      'boulware takes no parameter "x"; it takes e, noise, patience, steps',
    );
    expect(strategyParamError('boulware', 'e', -5)).toMatch(/^e \(the concession exponent\) must be above 0/);
    expect(strategyParamError('linear', 'e', 0)).not.toBeNull();
    expect(strategyParamError('hardliner', 'e', 1)).toMatch(/^hardliner takes no parameter "e"/);
    expect(strategyParamError('human', 'noise', 0.1)).toBe('human takes no parameter "noise"; it takes none');
    expect(strategyParamError('zeuthen', 'noise', 2)).toMatch(/must be from 0 to 1, not 2/);
    expect(strategyParamError('linear', 'patience', 1.5)).toMatch(/a whole number/);
  });

  it('should refuse the same parameters on --strategy, in a session file and in resolveOptions', () => {
    expect(() => parseStrategy('russia=boulware:x=1')).toThrow('boulware takes no parameter "x"');
    expect(() => parseStrategy('russia=boulware:e=-5')).toThrow('must be above 0');
    expect(parseStrategy('russia=boulware:e=0.1')).toEqual({
      russia: { kind: 'boulware', params: { e: 0.1 } },
    });
    usage(['run', 'tutorial-bilateral', '--strategy', 'north=boulware:x=1'], '--strategy');
    usage(['outcomes', 'tutorial-bilateral', '-n', '2', '--strategy', 'north=boulware:e=-5'], '--strategy');

    // only a single text's mediator reads patience and steps; tit-for-tat and Zeuthen read e when they fall back
    const up = openScenario('ukraine-peace');
    expect(() =>
      resolveOptions(up, { strategies: { us: { kind: 'linear', params: { patience: 3 } } } }),
    ).not.toThrow();
    expect(() =>
      resolveOptions(up, { strategies: { russia: { kind: 'linear', params: { patience: 3 } } } }),
    ).toThrow('the strategy of russia: linear takes no parameter "patience"; it takes e, noise');
    expect(() =>
      resolveOptions(up, { strategies: { us: { kind: 'hardliner', params: { steps: 2 } } } }),
    ).not.toThrow();
    expect(strategyError('zeuthen', { e: 2 })).toBeNull();
    usage(['outcomes', 'ukraine-peace', '-n', '2', '--strategy', 'russia=linear:patience=3'], '--strategy');

    const s = openScenario('tutorial-bilateral');
    const bad = { seed: 1, strategies: { north: { kind: 'boulware', params: { x: 1 } } } };
    expect(() => resolveOptions(s, bad)).toThrow('the strategy of north: boulware takes no parameter "x"');
    // a session file carrying the same strategy: bad input located in the file (exit 1), by the same rule
    const raw = JSON.parse(sessionText(createSession(newGame(s, { seed: 1 }), 'tutorial-bilateral')));
    raw.options.strategies = bad.strategies;
    const file = join(dir, 'bad-params.session.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = cli(['resume', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `peacesim: ${file}: options.strategies.north: boulware takes no parameter "x"; it takes e, noise\n`,
    );
  });
});

describe('whole numbers', () => {
  it('should refuse an empty, a scientific or a hexadecimal number on every numeric flag', () => {
    expect(usage(['run', 'tutorial-bilateral', '--seed', ''], '--seed')).toContain('not nothing');
    usage(['run', 'tutorial-bilateral', '--seed', '1e3'], '--seed');
    usage(['run', 'tutorial-bilateral', '--rounds', '0x10'], '--rounds');
    usage(['outcomes', 'tutorial-bilateral', '-n', ' '], '--draws');
    usage(['analyze', 'tutorial-bilateral', '--limit', ''], '--limit');
  });

  it('should read the play setup by the same rule as --seed and --rounds', () => {
    expect(fieldError('seed', '')).toBe(
      'the seed: expected a whole number from 0 to 2147483647, not nothing',
    );
    expect(fieldError('seed', '1e3')).not.toBeNull();
    expect(fieldError('seed', '2147483648')).not.toBeNull();
    expect(fieldError('seed', '42')).toBeNull();
    expect(fieldError('rounds', '0')).toBe('rounds: expected a whole number from 1 to 1000, not "0"');
  });
});

describe('unknown ids', () => {
  it('should write the plural right, and list every valid id', () => {
    const e = new UnknownIdError('strategy', 'boulwar', ['boulware', 'linear']);
    expect(e.message).toBe(
      'unknown strategy "boulwar" (did you mean "boulware"?); valid strategies: boulware, linear',
    );
    const many = Array.from({ length: 30 }, (_, k) => `doc-${k}`);
    expect(new UnknownIdError('document', 'x', many).message).toContain(many.join(', '));
    expect(new UnknownIdError('manual event', 'x', []).message).toBe(
      'unknown manual event "x"; there are no manual events here',
    );
  });

  it('should point to an ad-hoc effect where the scenario has no manual event to inject', () => {
    // the tutorial's only event is scheduled: no manual one could be named
    const scheduled = cli(['run', 'tutorial-bilateral', '--inject', 'pressure-on-south@3']);
    expect(scheduled.code).toBe(2);
    expect(scheduled.stderr).toBe(
      'peacesim: --inject pressure-on-south@3: this event fires by itself in its round; the scenario has no manual event; inject an ad-hoc effect, KIND:TARGET@ROUND (docs/run.md)\n',
    );
    const unknown = cli(['run', 'tutorial-bilateral', '--inject', 'nothing@3']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'unknown manual event "nothing" — the scenario has none; inject an ad-hoc effect',
    );
  });

  it('should suggest the id that an unknown one begins, and name all thirteen documents', () => {
    const r = cli(['whatif', 'ukraine-peace', '--document', 'us-28-point']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown document "us-28-point" (did you mean "us-28-point-plan"?)');
    for (const d of openScenario('ukraine-peace').documents) expect(r.stderr).toContain(d.id);
    expect(r.stderr).not.toContain('in all');
  });
});

describe('analyze --csv feasible', () => {
  it('should say that the table needs --limit, rather than print a header alone', () => {
    expect(usage(['analyze', 'tutorial-bilateral', '--csv', 'feasible'], '--limit')).toContain(
      'give --limit N',
    );
    const r = cli(['analyze', 'tutorial-bilateral', '--csv', 'feasible', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });
});
