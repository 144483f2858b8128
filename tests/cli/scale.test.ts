// Every core and beyond one machine: the same bytes for any number of workers, shards that merge into exactly the
// unsharded run, merge's refusals, --shard auto from batch systems' variables, and a clean Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runDraws } from '../../src/cli/parallel.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { parseShard, shardRange } from '../../src/cli/shard.ts';
import { BIN, ROOT } from '../helpers.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shards of a run, written as partial results, then merged with the given output flags. */
async function sharded(base: string[], n: number, tag: string, output: string[]) {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = join(dir, `${tag}-${i}-of-${n}.json`);
    const r = await cli(...base, '--shard', `${i}/${n}`, '--out', file, '--workers', '1');
    expect(r.err).toBe('');
    files.push(file);
  }
  // any order of the parts
  return cli('merge', ...files.reverse(), ...output);
}

describe('workers', () => {
  it('should print the same bytes with one worker and with two (outcomes and sweep)', async () => {
    for (const argv of [
      // (enough draws that a second thread is started)
      ['outcomes', 'tutorial-bilateral', '-n', '500', '-s', '5', '--json'],
      // (enough samples that the sweep is worth two threads)
      ['sweep', 'tutorial-bilateral', '-n', '40000', '-s', '5', '--json'],
      ['sweep', 'tutorial-bilateral', '-n', '40000', '-s', '2', '-d', 'mediator-text', '--csv', 'draws'],
    ]) {
      const one = await cli(...argv, '--workers', '1');
      const two = await cli(...argv, '--workers', '2');
      expect(one.code).toBe(0);
      expect(two.err).toBe('');
      expect(two.out).toBe(one.out);
    }
  });

  // the main thread takes a share of the chunks; here it leaves them all to the threads, so that what the threads
  // compute is compared, whoever would have been faster
  it('should compute on worker threads exactly what the main thread computes', async () => {
    const scenario = openScenario('tutorial-bilateral');
    for (const job of [
      { kind: 'outcomes', options: { draws: 40, seed: 11 } },
      { kind: 'sweep', options: { samples: 30_000, seed: 11 }, samples: false },
    ] as const) {
      const run = { scenario, job, from: 3, to: job.kind === 'outcomes' ? 40 : 30_000 };
      const main = await runDraws({ ...run, workers: 1 });
      const done: number[] = [];
      const threads = await runDraws({
        ...run,
        workers: 3,
        threadsOnly: true,
        onProgress: (d) => done.push(d),
      });
      expect(threads).toEqual(main);
      expect(done.at(-1)).toBe(run.to - run.from);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
  });

  it('should stop the threads when the work is stopped', async () => {
    const scenario = openScenario('tutorial-bilateral');
    const stop = new AbortController();
    const run = runDraws({
      scenario,
      job: { kind: 'outcomes', options: { draws: 400, seed: 1 } },
      from: 0,
      to: 400,
      workers: 2,
      threadsOnly: true,
      signal: stop.signal,
      onProgress: () => stop.abort(new Error('stopped by the test')),
    });
    await expect(run).rejects.toThrow('stopped by the test');
  });
});

describe('shards', () => {
  it('should merge the N shards of a sweep into the unsharded run, for N = 1, 2, 3, 7 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(1, 2, 3, 7),
        async (seed, samples, n) => {
          const base = ['sweep', 'tutorial-bilateral', '-n', String(samples), '-s', String(seed)];
          const whole = await cli(...base, '--json', '--workers', '1');
          const merged = await sharded(base, n, `sweep-${seed}-${samples}`, ['--json']);
          expect(merged.err).toBe('');
          expect(merged.out).toBe(whole.out);
        },
      ),
      { seed: 10_2026, numRuns: 12 },
    );
  });

  it('should merge the N shards of outcomes into the unsharded run, for N = 1, 2, 3, 7 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(1, 2, 3, 7),
        async (seed, draws, n) => {
          const base = ['outcomes', 'tutorial-bilateral', '-n', String(draws), '-s', String(seed)];
          const whole = await cli(...base, '--json', '--workers', '1');
          const merged = await sharded(base, n, `outcomes-${seed}-${draws}`, ['--json']);
          expect(merged.err).toBe('');
          expect(merged.out).toBe(whole.out);
        },
      ),
      { seed: 20_2026, numRuns: 8 },
    );
  });

  it('should print the text and every CSV table the unsharded run prints', async () => {
    const base = ['outcomes', 'tutorial-bilateral', '-n', '6', '-s', '3'];
    for (const output of [[], ['--csv'], ['--csv', 'runs']]) {
      const whole = await cli(...base, ...output, '--workers', '1');
      expect((await sharded(base, 3, `text-${output.join('')}`, output)).out).toBe(whole.out);
    }
    const sweep = ['sweep', 'tutorial-bilateral', '-n', '30', '-d', 'mediator-text'];
    const whole = await cli(...sweep, '--csv', 'summary', '--workers', '1');
    expect((await sharded(sweep, 2, 'sweep-csv', ['--csv', 'summary'])).out).toBe(whole.out);
  });

  it('should print the marks of red lines applied before their earliest source as the unsharded sweep does', async () => {
    // istanbul-2022 judges April 2022 by red lines whose sources are of 2024; ukraine-peace --as-of 2024 by epochs
    // each output with the marks there to compare: the note, the flag, the column's ids
    for (const base of [
      ['sweep', 'istanbul-2022', '-n', '9', '-s', '4'],
      ['sweep', 'ukraine-peace', '-n', '5', '-s', '2', '--as-of', '2024'],
    ])
      for (const [output, marked] of [
        [[], /; applied before its earliest source \(/],
        [['--json'], /"appliedBeforeRecord": \{/],
        [['--csv', 'summary'], /,red_lines_before_record\n[\s\S]*,[a-z-]+\n/],
      ] as const) {
        const whole = await cli(...base, ...output, '--workers', '1');
        expect(whole.out).toMatch(marked);
        const merged = await sharded(base, 3, `marks-${base[1]}-${output.join('')}`, [...output]);
        expect(merged.err).toBe('');
        expect(merged.out, `${base.join(' ')} ${output.join(' ')}`).toBe(whole.out);
      }
  });

  it('should refuse parts that do not belong together, with one line naming the file, and exit 1', async () => {
    const base = ['outcomes', 'tutorial-bilateral', '-n', '4', '-s', '1', '--workers', '1'];
    const part = async (name: string, ...extra: string[]) => {
      const file = join(dir, name);
      expect((await cli(...base, ...extra, '--out', file)).code).toBe(0);
      return file;
    };
    const a0 = await part('a0.json', '--shard', '0/2');
    const a1 = await part('a1.json', '--shard', '1/2');
    const seed = await part('seed.json', '--shard', '1/2', '-s', '9');
    const rounds = await part('rounds.json', '--shard', '1/2', '-r', '3');
    const three = await part('three.json', '--shard', '1/3');
    const drawn = await part('drawn.json', '--shard', '1/2', '-n', '6');
    const record = await part('record.json', '--shard', '1/2', '--prior', 'record');
    const linear = await part('linear.json', '--shard', '1/2', '--strategy', 'north=linear');
    const other = join(dir, 'other.json');
    await cli('outcomes', 'istanbul-2022', '-n', '4', '--workers', '1', '--shard', '1/2', '--out', other);
    // the same scenario id, another file: a part run on an edited copy
    const edited = join(dir, 'edited.json');
    const a1text = JSON.parse(readFileSync(a1, 'utf8')) as { scenario: { hash: string } };
    writeFileSync(
      edited,
      JSON.stringify({ ...a1text, scenario: { ...a1text.scenario, hash: 'f'.repeat(64) } }),
    );
    // parts drawn from the positions of another date (--as-of), or of none
    const dated = await part('dated.json', '--shard', '1/2', '--as-of', '2024');
    const dated0 = await part('dated0.json', '--shard', '0/2', '--as-of', '2023-05');
    const forged = join(dir, 'forged.json');
    writeFileSync(
      forged,
      JSON.stringify({ ...JSON.parse(readFileSync(dated, 'utf8')), options: { draws: 4, asOf: 'spring' } }),
    );
    const sweep = join(dir, 'sweep.json');
    await cli('sweep', 'tutorial-bilateral', '-n', '4', '--shard', '1/2', '--out', sweep);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"format":"peacesim-partial/4"}');
    // a part an older peacesim wrote: its rows do not say what became of each inject
    const older = join(dir, 'older.json');
    const a1json = JSON.parse(readFileSync(a1, 'utf8'));
    writeFileSync(
      older,
      JSON.stringify({
        ...a1json,
        format: 'peacesim-partial/2',
        part: {
          ...a1json.part,
          rows: a1json.part.rows.map(({ injects: _, ...row }: { injects: unknown }) => row),
        },
      }),
    );
    // one a version before: its rows do not count the texts each actor answered alone
    const older3 = join(dir, 'older3.json');
    writeFileSync(
      older3,
      JSON.stringify({
        ...a1json,
        format: 'peacesim-partial/3',
        part: {
          ...a1json.part,
          rows: a1json.part.rows.map(
            ({ soleAnswers: _, soleHoldouts: __, ...row }: { soleAnswers: unknown; soleHoldouts: unknown }) =>
              row,
          ),
        },
      }),
    );
    const cases: [string[], RegExp][] = [
      [[a0], /shard 1 of 2 is missing \(have 0\)/],
      [[a0, a0], /a0\.json: given twice/],
      [[a0, seed], /seed\.json: seed 9 differs from .*a0\.json's 1/],
      [[a0, rounds], /rounds\.json: run with --rounds 3, .*a0\.json with the scenario's rounds; every part/],
      [[a0, drawn], /drawn\.json: run with -n 6, .*a0\.json with -n 4; every part/],
      [[a0, record], /record\.json: run with --prior record, .*a0\.json with --prior ranges; every part/],
      [
        [a0, linear],
        /linear\.json: run with --strategy north=linear, .*a0\.json with the scenario's strategies/,
      ],
      [
        [a0, other],
        /other\.json: run on scenario istanbul-2022, .*a0\.json on tutorial-bilateral; every part/,
      ],
      [
        [a0, edited],
        /edited\.json: run on another version of scenario tutorial-bilateral than .*a0\.json \(hash f{12}… against [0-9a-f]{12}…\)/,
      ],
      [[a0, three], /three\.json: shard count 3 differs/],
      [[a0, dated], /dated\.json: run with --as-of 2024, .*a0\.json with no --as-of; every part must be run/],
      [[dated0, dated], /dated\.json: run with --as-of 2024, .*dated0\.json with --as-of 2023-05/],
      [[dated0, forged], /forged\.json: its --as-of is no date/],
      [[a0, sweep], /sweep\.json: command "sweep" differs/],
      [[a0, junk], /junk\.json: not a peacesim partial result/],
      [
        [a0, older],
        /older\.json: a partial result of an older peacesim \(peacesim-partial\/2\): its draws do not say which injects fired, were passed over or were not reached, nor count the texts each actor answered alone; run its shards again with this version/,
      ],
      [
        [a0, older3],
        /older3\.json: a partial result of an older peacesim \(peacesim-partial\/3\): its draws do not count the texts each actor answered alone; run its shards again with this version/,
      ],
      [[a0, join(dir, 'nowhere.json')], /nowhere\.json: no such file; check the name/],
    ];
    for (const [files, message] of cases) {
      const r = await cli('merge', ...files);
      expect(r.code, files.join(' ')).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    expect((await cli('merge', a0, a1)).code).toBe(0);
  });

  it('should refuse to print a shard as a summary, and a merged sweep as every draw', async () => {
    const r = await cli('outcomes', 'tutorial-bilateral', '-n', '4', '--shard', '0/2', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard writes a partial result/);
    const file = join(dir, 'sw0.json');
    await cli('sweep', 'tutorial-bilateral', '-n', '4', '--shard', '0/1', '--out', file);
    const d = await cli('merge', file, '--csv', 'draws');
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/cannot print --csv draws/);
  });
});

describe('--shard', () => {
  it('should cut the draws into N contiguous shards that cover each draw once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 64 }), (total, n) => {
        let next = 0;
        for (let i = 0; i < n; i++) {
          const [from, to] = shardRange(total, { index: i, count: n });
          expect(from).toBe(next);
          expect(to).toBeGreaterThanOrEqual(from);
          next = to;
        }
        expect(next).toBe(total);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('should read the shard from Kubernetes, Slurm and AWS Batch array jobs', () => {
    expect(parseShard('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(parseShard('auto/8', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 8 });
    expect(
      parseShard('auto', {
        SLURM_ARRAY_TASK_ID: '5',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: '10',
      }),
    ).toEqual({ index: 4, count: 10 });
    expect(parseShard('auto/4', { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toEqual({ index: 0, count: 4 });
  });

  it('should refuse what does not name one shard (a usage error)', () => {
    const bad: [string, NodeJS.ProcessEnv, RegExp][] = [
      ['3', {}, /of how many/],
      ['5/5', {}, /shard 5 does not exist in 5/],
      ['1/0', {}, /number of shards/],
      ['x/2', {}, /expected I\/N/],
      ['auto', {}, /no array-job index/],
      ['auto', { JOB_COMPLETION_INDEX: '1' }, /--shard auto\/N/],
      ['auto/3', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '1' }, /both set/],
      [
        'auto/3',
        { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '4' },
        /disagrees/,
      ],
    ];
    for (const [value, env, message] of bad) expect(() => parseShard(value, env)).toThrow(message);
  });

  it('should exit 2 naming the flag for a bad --shard or --workers', async () => {
    const r = await cli('outcomes', 'tutorial-bilateral', '--shard', '4/4');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard/);
    expect((await cli('sweep', 'tutorial-bilateral', '--workers', '0')).code).toBe(2);
  });
});

describe('V8 tuning', () => {
  // src/cli/jit.ts changes how V8 compiles (no inlining; baseline code before many draws), never what is computed:
  // the built CLI prints the same bytes with each setting turned back to V8's default
  it('should print the same bytes with V8 left at its defaults', async () => {
    const argv = [BIN, 'outcomes', 'tutorial-bilateral', '-n', '60', '-s', '3', '--workers', '1', '--json'];
    const out = (env: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env } });
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
        });
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))));
      });
    const tuned = await out({});
    expect(JSON.parse(tuned).draws).toBe(60);
    expect(await out({ PEACESIM_V8_INLINING: '1', PEACESIM_V8_BASELINE: '0' })).toBe(tuned);
  });
});

describe('Ctrl-C', () => {
  it('should stop with one line, exit 130 and write no file', async () => {
    const out = join(dir, 'stopped.json');
    const child = spawn(
      process.execPath,
      [BIN, 'outcomes', 'ukraine-peace', '-n', '5000', '--workers', '1', '--json', '--out', out],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // interrupt once it is drawing: the scenario is open when the first draws run
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(err.trim().split('\n')).toHaveLength(1);
    // (on a loaded machine it may still be opening the scenario: then it stops before drawing)
    expect(err).toMatch(/^peacesim: stopped \(Ctrl-C\)( after \d+ of 5000 draws; nothing was written)?\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
