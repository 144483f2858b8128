// `sweep --as-of DATE` and `outcomes --as-of DATE`: the draws start from the positions in force on the date; the
// words, JSON and CSV name it; any number of workers or shards gives the same bytes (merge's refusal of parts of
// different dates: scale.test.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { runDraws } from '../../src/cli/parallel.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { csvRecords } from '../csv-reader.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function csv(...argv: string[]) {
  const r = await cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return csvRecords(r.out);
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-as-of-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const s = openScenario('ukraine-peace');
// before Russia's June 2024 terms and its annexation of four regions (its epochs end 2022-09-30 and 2024-06-14)
const SPRING_2022 = '2022-04-15';

describe('sweep --as-of', () => {
  it('should list the flag in --help, for sweep and outcomes', async () => {
    for (const command of ['sweep', 'outcomes']) {
      const r = await cli(command, '--help');
      expect(r.out.replace(/\s+/g, ' ')).toMatch(/--as-of <DATE> .*positions in force on this date/);
    }
  });

  it('should say in its text which date judged, and that the samples are drawn from its positions', async () => {
    const text = async (...extra: string[]) =>
      (await cli('sweep', 'ukraine-peace', '-n', '5', '--workers', '1', ...extra)).out.replace(/\s+/g, ' ');
    expect(await text('--as-of', SPRING_2022)).toContain(
      `every document judged by the positions in force on ${SPRING_2022} (--as-of), every sample drawn from them`,
    );
    // the default keeps its sentence
    expect(await text()).toContain(
      `every document judged by the positions of ${s.date} (the scenario's date)`,
    );
    // a date outside the scenario is taken as analyze takes it, and said to be outside
    const first = s.documents.map((d) => d.date).sort()[0]!;
    expect(await text('--as-of', '1990')).toContain(
      `positions in force on 1990 (--as-of; before the scenario's first document, of ${first})`,
    );
    expect(await text('--as-of', '2030')).toContain(
      `positions in force on 2030 (--as-of; after the scenario's date, ${s.date})`,
    );
  });

  it('should judge by the red lines and bases analyze --as-of finds in force on the date, and name it as_of', async () => {
    const own = await csv('sweep', 'ukraine-peace', '-n', '1', '--csv');
    for (const date of [SPRING_2022, '2024-01', '2025-06-01']) {
      const sweep = await csv('sweep', 'ukraine-peace', '-n', '1', '--as-of', date, '--csv');
      const analyze = await csv('analyze', 'ukraine-peace', '--as-of', date, '--csv', 'documents');
      expect(new Set(sweep.map((r) => r.as_of))).toEqual(new Set([date]));
      for (const r of sweep) {
        const a = analyze.find((x) => x.document === r.document && x.actor === r.actor)!;
        for (const c of ['as_of', 'red_lines', 'reservation_basis', 'red_lines_basis'])
          expect(r[c]).toBe(a[c]);
      }
      // not the scenario's own red lines: some document breaks others on this date
      expect(sweep.map((r) => r.red_lines)).not.toEqual(own.map((r) => r.red_lines));
    }
    const json = JSON.parse(
      (await cli('sweep', 'ukraine-peace', '-n', '3', '--as-of', SPRING_2022, '--json')).out,
    );
    expect(json.asOf).toBe(SPRING_2022);
  });

  it('should date the draws of the record prior too: the red lines are those in force on the date', async () => {
    const argv = ['sweep', 'ukraine-peace', '-n', '20', '-d', 'istanbul-2022-russia', '--prior', 'record'];
    const dated = await csv(...argv, '--as-of', SPRING_2022, '--csv');
    const analyze = await csv('analyze', 'ukraine-peace', '--as-of', SPRING_2022, '--csv', 'documents');
    for (const r of dated) {
      const a = analyze.find((x) => x.document === r.document && x.actor === r.actor)!;
      expect([r.as_of, r.red_lines]).toEqual([a.as_of, a.red_lines]);
    }
    // Russia's 2026 red line on the four regions breaks its own 2022 text; its spring-2022 positions do not
    const russia = (rows: typeof dated) => rows.find((r) => r.actor === 'russia')!.red_lines;
    expect(russia(await csv(...argv, '--csv'))).not.toBe('');
    expect(russia(dated)).toBe('');
  });

  it('should refuse a date that is no date as a usage error naming the flag', async () => {
    for (const command of ['sweep', 'outcomes']) {
      const r = await cli(command, 'ukraine-peace', '--as-of', '2022-13');
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/--as-of/);
    }
  });
});

describe('--as-of on threads and shards', () => {
  it('should compute on worker threads exactly what the main thread computes', async () => {
    for (const job of [
      { kind: 'sweep', options: { samples: 2000, seed: 5, asOf: SPRING_2022 }, samples: false },
      { kind: 'outcomes', options: { draws: 4, seed: 5, asOf: SPRING_2022, run: { maxRounds: 4 } } },
    ] as const) {
      const draws = { scenario: s, job, from: 0, to: job.kind === 'sweep' ? 2000 : 4 };
      const main = await runDraws({ ...draws, workers: 1 });
      expect(await runDraws({ ...draws, workers: 2, threadsOnly: true })).toEqual(main);
    }
  });

  it('should merge the shards of an --as-of run into the unsharded run, text and JSON', async () => {
    for (const base of [
      ['sweep', 'ukraine-peace', '-n', '30', '-s', '4', '--as-of', SPRING_2022],
      ['outcomes', 'ukraine-peace', '-n', '3', '-s', '4', '-r', '4', '--as-of', SPRING_2022],
    ]) {
      const files: string[] = [];
      for (let i = 0; i < 3; i++) {
        const file = join(dir, `${base[0]}-${i}.json`);
        expect((await cli(...base, '--shard', `${i}/3`, '--out', file, '--workers', '1')).err).toBe('');
        files.push(file);
      }
      expect(JSON.parse(readFileSync(files[0]!, 'utf8')).options.asOf).toBe(SPRING_2022);
      for (const output of [[], ['--json']]) {
        const whole = await cli(...base, ...output, '--workers', '1');
        const merged = await cli('merge', ...files, ...output);
        expect(merged.err).toBe('');
        expect(merged.out).toBe(whole.out);
      }
    }
  });
});

describe('outcomes --as-of', () => {
  it('should say which positions the runs start from, and carry the date in JSON', async () => {
    const base = ['outcomes', 'ukraine-peace', '-n', '2', '-r', '3', '--workers', '1'];
    const text = (await cli(...base, '--as-of', SPRING_2022)).out.replace(/\s+/g, ' ');
    expect(text).toContain(`every run starts from the positions in force on ${SPRING_2022} (--as-of)`);
    expect((await cli(...base)).out.replace(/\s+/g, ' ')).toContain(
      `every run starts from the positions of ${s.date} (the scenario's date)`,
    );
    const json = JSON.parse((await cli(...base, '--as-of', SPRING_2022, '--json')).out);
    expect(json.asOf).toBe(SPRING_2022);
    const rows = await csv(...base, '--as-of', SPRING_2022, '--csv');
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set([SPRING_2022]));
  });
});
