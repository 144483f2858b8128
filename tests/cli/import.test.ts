import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const G = 'tests/fixtures/genius';
const dir = mkdtempSync(join(tmpdir(), 'peacesim-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peacesim import genius', () => {
  it('should print the scenario YAML without -o', async () => {
    const r = await cli('import', 'genius', `${G}/job_domain.xml`, `${G}/employer.xml`, `${G}/candidate.xml`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Imported by `peacesim import genius`/);
    expect(r.out).toContain('id: job_domain');
    expect(r.out).toContain('  parties:\n    - employer\n    - candidate');
  });

  it('should write atomically with -o, leaving no temporary file, and the result should validate', async () => {
    const out = join(dir, 'job.yaml');
    const r = await cli(
      'import',
      'genius',
      `${G}/job_domain.xml`,
      `${G}/candidate.xml`,
      `${G}/employer.xml`,
      '-o',
      out,
      '--id',
      'job-offer',
      '--date',
      '2024-05',
    );
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['job.yaml']);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('id: job-offer');
    expect(text).toMatch(/^date: "?2024-05"?$/m);
    // profiles in the order given
    expect(text.indexOf('- id: candidate')).toBeLessThan(text.indexOf('- id: employer'));
    const v = await cli('validate', out);
    expect(v.code).toBe(0);
    const show = await cli('show', out);
    expect(show.code).toBe(0);
    expect(show.out).toContain(
      'job-offer · situation of 2024-05 · 2 actors · 4 issues · 72 possible packages',
    );
  });

  it('should fail with one located line for bad files (exit 1) and need two profiles (exit 2)', async () => {
    const bad = await cli(
      'import',
      'genius',
      `${G}/job_domain.xml`,
      `${G}/employer.xml`,
      `${G}/bad-syntax.xml`,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^peacesim: tests\/fixtures\/genius\/bad-syntax\.xml:6:5: not well-formed XML/);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    const int = await cli(
      'import',
      'genius',
      `${G}/integer-issue.xml`,
      `${G}/employer.xml`,
      `${G}/candidate.xml`,
    );
    expect(int.code).toBe(1);
    expect(int.err).toMatch(/only discrete issues are supported/);
    const missing = await cli('import', 'genius', `${G}/nope.xml`, `${G}/employer.xml`, `${G}/candidate.xml`);
    expect(missing.err).toBe(
      'peacesim: tests/fixtures/genius/nope.xml: no such file; check the name and the folder\n',
    );
    const one = await cli('import', 'genius', `${G}/job_domain.xml`, `${G}/employer.xml`);
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/at least two profiles/);
    const out = join(dir, 'never.yaml');
    await cli(
      'import',
      'genius',
      `${G}/job_domain.xml`,
      `${G}/employer.xml`,
      `${G}/missing-evaluation.xml`,
      '-o',
      out,
    );
    expect(readdirSync(dir)).not.toContain('never.yaml');
  });
});
