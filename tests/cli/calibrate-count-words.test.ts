// calibrate's counts in words, singular for one: a record of one reaction that conflicts (South accepting a text
// that breaks two of its red lines) read "1 recorded reactions" and "which breaks its red line: A; B". Each red
// line carries its basis mark, as everywhere else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOk as cli } from '../cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-one-reaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ONE = join(dir, 'one.yaml');
writeFileSync(
  ONE,
  [
    'format: 1',
    `include: ${JSON.stringify(resolve('scenarios/tutorial-bilateral.yaml'))}`,
    'omit: { record: [north-tables-its-terms, south-rejects-north-terms] }',
    'id: one-reaction',
    'title: One reaction',
    'summary: the tutorial with one invented reaction that breaks two red lines',
    'date: 2025-03-01',
    'record:',
    '  - id: south-accepts-north-terms',
    '    actor: south',
    '    document: north-opening',
    '    reaction: accept',
    '    date: 2024-06-15',
    '    basis: stated',
    '    sources: [kyiv-rejects-2024]',
    '    statement: invented for a test',
    '',
  ].join('\n'),
);

describe('calibrate, counts in words', () => {
  it('should count one reaction and two broken red lines in the right number, as --json has them', async () => {
    const json = JSON.parse(await cli('calibrate', ONE, '--json'));
    const text = (await cli('calibrate', ONE)).replace(/\s+/g, ' ');
    expect(json.record).toHaveLength(1);
    expect(json.consistent).toBe(false);
    const conflict = json.conflicts[0] as { cause: string; redLines: string[] };
    expect(conflict.cause).toBe('red-line');
    expect(conflict.redLines).toHaveLength(2);
    expect(text).toContain('1 recorded reaction. The record does not hold together');
    expect(text).toMatch(
      /of North's opening demands \([^)]+\): the text breaks its red lines: No cession of territory it holds \[assumption\]; An army of at least 250,000 in peacetime \[assumption\]/,
    );
  });
});
