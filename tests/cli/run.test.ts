// peacesim run and resume, in-process: the words a student reads, deterministic JSON, sessions, and errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peacesim run', () => {
  it('should tell the tutorial round by round, with reasons, and the outcome with the final terms', async () => {
    const r = await cli(['run', 'tutorial-bilateral']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^Tutorial — a stylised two-party settlement\nalternating offers: South \(stylised Ukraine\) proposes in round 2, North \(stylised Russia\) in round 3, and so on \(turns in the order of the scenario's parties; round 1 holds the opening text\); parties North \(stylised Russia\) and South/,
    );
    expect(r.stdout).toContain('\nRound 1\n');
    expect(r.stdout).toContain('opens with "A mediator\'s compromise text"');
    expect(r.stdout).toMatch(
      /South \(stylised Ukraine\) rejects: worth 0\.425 to it, less than no deal \(0\.450\)\. It asks for changes to Territory/,
    );
    expect(r.stdout).toContain('Event: The mediator threatens to cut support to South');
    expect(r.stdout).toMatch(/Outcome: signed in round \d+\./);
    expect(r.stdout).toContain('The agreed terms');
  });

  it('should cite red lines with their sources and the mediator’s reasons on ukraine-peace', async () => {
    const r = await cli(['run', 'ukraine-peace', '--rounds', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Russia rejects: the text crosses its red lines:\n {4}• Ukraine leaves the part of Donetsk it holds, which comes under Russian control; no ceasefire before\.( \[\w+\])? \[s52, s54, ushakov-kommersant/,
    );
    expect(r.stdout).toMatch(
      /United States revises the text:\n\s+.* — so that (Russia|Ukraine)'s red line holds: [A-Z]/,
    );
    // the repair for one party meets the other's red line: Moscow's refusal of a ceasefire for the referendum
    expect(r.stdout).toContain(
      'Russia rejects: the text crosses its red line:\n    • No ceasefire to let Ukraine hold a referendum on the settlement. [peskov-referendum',
    );
    expect(r.stdout).toContain('Outcome: stalemate — round 3 was the last');
  });

  it('should print the same JSON for the same seed, and a different run for another seed when strategies jitter', async () => {
    const args = ['run', 'tutorial-bilateral', '--json', '--strategy', 'north=linear:noise=0.1'];
    const a = await cli([...args, '--seed', '5']);
    const b = await cli([...args, '--seed', '5']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    expect(json).toMatchObject({
      scenario: { id: 'tutorial-bilateral' },
      seed: 5,
      strategies: { north: { kind: 'linear' } },
    });
    expect(['signed', 'stalemate', 'collapsed']).toContain(json.outcome);
    expect(json.transcript[0]).toMatchObject({ seq: 0, round: 1, kind: 'tabled' });
    const seeds = new Set<string>();
    for (const seed of ['1', '2', '3', '4']) seeds.add((await cli([...args, '--seed', seed])).stdout);
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('should fire an inject at the start of its round', async () => {
    const r = await cli(['run', 'ukraine-peace', '--inject', 'us-walks-away@2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Event: The US walks away from mediation');
    expect(r.stdout).toContain('Outcome: the talks collapse in round 2: the United States walked out.');
  });

  it('should exit 1 with one line for unknown actors, strategies and events', async () => {
    for (const [args, message] of [
      [['--strategy', 'rusia=linear'], /unknown actor "rusia" \(did you mean "russia"\?\)/],
      [['--strategy', 'russia=stubborn'], /unknown strategy "stubborn"/],
      [
        ['--inject', 'us-walks-way@2'],
        /--inject: unknown manual event "us-walks-way" \(did you mean "us-walks-away"\?\)/,
      ],
    ] as const) {
      const r = await cli(['run', 'ukraine-peace', ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('should exit 2 naming the flag for malformed flags', async () => {
    for (const [args, flag] of [
      [['--strategy', 'russia'], '--strategy'],
      [['--strategy', 'russia=linear:e=x'], '--strategy'],
      [['--inject', 'us-walks-away'], '--inject'],
      [['--seed', '-1'], '--seed'],
      [['--rounds', '0'], '--rounds'],
    ] as const) {
      const r = await cli(['run', 'tutorial-bilateral', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
    }
    const late = await cli(['run', 'ukraine-peace', '--inject', 'us-walks-away@13']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--inject us-walks-away@13: the run has 12 rounds');
  });

  it('should refuse a person-played actor without moves, and play the supplied moves', async () => {
    const refused = await cli(['run', 'tutorial-bilateral', '--strategy', 'south=human']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^peacesim: South \(stylised Ukraine\) is played by a person \(strategy human\): a headless run needs the moves \(--moves FILE\)/,
    );
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    const moves = join(dir, 'moves.json');
    writeFileSync(moves, JSON.stringify([{ actor: 'south', move: { type: 'reject', asks: ['guarantee'] } }]));
    const save = join(dir, 'partial.json');
    const partial = await cli([
      'run',
      'tutorial-bilateral',
      '--strategy',
      'south=human',
      '--moves',
      moves,
      '--save',
      save,
    ]);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('South (stylised Ukraine) (played by a person) rejects');
    expect(partial.stderr).toMatch(
      /the run stops in round 2: South \(stylised Ukraine\) is played by a person and no move is left for it/,
    );
    // a facilitator whose team must move goes on from the play screen: the line says how, with the saved file
    expect(partial.stderr).toContain(`, or play on from the play screen: peacesim tui --session ${save}`);
    const again = await cli(['resume', save]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain(`play on from the play screen: peacesim tui --session ${save}`);

    // go on from the saved session with more moves
    writeFileSync(
      moves,
      JSON.stringify([{ actor: 'south', move: { type: 'propose', terms: { guarantee: 'art5-like' } } }]),
    );
    const more = await cli(['resume', save, '--moves', moves, '--json']);
    expect(more.code).toBe(1);
    const json = JSON.parse(more.stdout);
    expect(
      json.transcript.some(
        (e: { kind: string; actor?: string; human?: boolean }) =>
          e.kind === 'proposal' && e.actor === 'south' && e.human === true,
      ),
    ).toBe(true);
    const told = await cli(['resume', save, '--moves', moves]);
    expect(told.stdout).toContain('South (stylised Ukraine) (played by a person) proposes a text worth');
    expect(json.outcome).toBe('waiting');

    // a move for an actor no person plays is refused, not left unread while the run stops for another
    writeFileSync(moves, JSON.stringify([{ actor: 'north', move: { type: 'accept' } }]));
    for (const argv of [
      ['resume', save, '--moves', moves],
      ['run', 'tutorial-bilateral', '--strategy', 'south=human', '--moves', moves],
    ]) {
      const bot = await cli(argv);
      expect(bot.code, argv.join(' ')).toBe(1);
      expect(bot.stderr.trim().split('\n')).toHaveLength(1);
      expect(bot.stderr, bot.stderr).toMatch(
        /moves\.json: the move of north(?: in round \d+)?: North \(stylised Russia\) is played by a bot \(boulware\), not by a person: only the moves of South \(stylised Ukraine\) \(played by a person\) are read$/m,
      );
    }
  });
});

describe('peacesim resume', () => {
  it('should replay a saved session to the same transcript', async () => {
    const save = join(dir, 'session.json');
    const first = await cli([
      'run',
      'ukraine-peace',
      '--seed',
      '4',
      '--inject',
      'us-pressure-on-ukraine@2',
      '--json',
      '--save',
      save,
    ]);
    expect(first.code).toBe(0);
    const session = JSON.parse(readFileSync(save, 'utf8'));
    expect(session).toMatchObject({
      format: 2,
      engine: expect.stringMatching(/^\d+\.\d+\.\d+/),
      transcript: { entries: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      scenario: { id: 'ukraine-peace', source: 'ukraine-peace' },
      seed: 4,
    });
    expect(session.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await cli(['resume', save, '--json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const words = await cli(['resume', save]);
    expect(words.stdout).toContain('Event: Reported US pressure on Kyiv to accept the text');
  });

  it('should refuse a session of another scenario version with one line naming the file', async () => {
    const save = join(dir, 'stale.json');
    const r = await cli(['run', 'tutorial-bilateral', '--save', save]);
    expect(r.code).toBe(0);
    const session = JSON.parse(readFileSync(save, 'utf8'));
    session.scenario.hash = '0'.repeat(64);
    writeFileSync(save, JSON.stringify(session));
    const stale = await cli(['resume', save]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      new RegExp(
        `^peacesim: ${save.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: saved for another version of scenario "tutorial-bilateral"`,
      ),
    );
    expect(stale.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await cli(['resume', join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('none.json');
  });
});
