// The record's evidence in words: a record whose reactions conflict says which were set aside, and that the
// settled verdicts rest on the others only.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';

async function analyze(...args: string[]) {
  const io = memoryIo();
  expect(await run(['analyze', ...args], io)).toBe(0);
  return io.stdout();
}

describe('the evidence of the record, in words', () => {
  it('should say which reactions conflict and that the others alone settle the verdicts', async () => {
    const file = 'tests/fixtures/evidence/conflict.yaml';
    const json = JSON.parse(await analyze(file, '--json'));
    const text = (await analyze(file)).replace(/\s+/g, ' ');
    const conflicts = json.evidence.record.conflicts as { actor: string; labels: string[] }[];
    expect(json.evidence.record.consistent).toBe(false);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(text).toContain('that reproduces them (those in conflict set aside),');
    // worded for people (tests/report/record-words.test.ts checks the words against the record)
    for (const c of conflicts) expect(text).toContain(`In conflict, set aside: ${c.labels.join('; ')}`);
  });

  it('should not speak of conflicts where the record holds together', async () => {
    const json = JSON.parse(await analyze('ukraine-peace', '--json'));
    expect(json.evidence.record.consistent).toBe(true);
    const text = (await analyze('ukraine-peace')).replace(/\s+/g, ' ');
    expect(text).not.toContain('set aside');
    expect(text).toContain(
      'they hold together. Over every preference within the ranges that reproduces them,',
    );
  });
});
