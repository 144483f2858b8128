// outcomes says, beside its lone holdouts, how many texts each side answered with no other actor answering them
// and how many of those were counted against it — the numbers behind the note that under alternating offers the
// counts follow whose proposals each answered. Every number of that line is in --json (answeredAlone,
// answeredAloneCounted), the line is there exactly when some such text was counted, and the sharded run merges to
// the same bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actorShort } from '../../src/cli/labels.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-sole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Holdout {
  actor: string;
  rounds: number;
  answeredAlone: number;
  answeredAloneCounted: number;
}

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('outcomes: the texts each side answered alone', () => {
  for (const id of ['istanbul-2022', 'ukraine-peace'])
    it(`${id}: states in words exactly the counts --json gives`, async () => {
      const s = openScenario(id);
      const argv = ['outcomes', id, '-n', '12', '--workers', '1'];
      const json = JSON.parse(await cli(...argv, '--json')) as { failed: { holdouts: Holdout[] } };
      const text = flat(await cli(...argv));
      const hs = json.failed.holdouts;
      const counted = hs.some((h) => h.answeredAloneCounted > 0);
      if (counted) {
        const each = hs
          .filter((h) => h.answeredAlone > 0)
          .map(
            (h) => `${actorShort(s, h.actor)} ${h.answeredAlone}, ${h.answeredAloneCounted} of them counted`,
          );
        expect(text).toContain(
          `texts answered alone in those runs (no other actor answered them): ${each.join('; ')}`,
        );
      } else expect(text).not.toContain('texts answered alone');
      for (const h of hs) {
        expect(h.answeredAloneCounted).toBeLessThanOrEqual(Math.min(h.answeredAlone, h.rounds));
      }
      // under alternating offers between two parties every round counted is a text its holdout answered alone
      if (s.protocol.kind === 'alternating-offers') {
        expect(counted).toBe(true);
        for (const h of hs) expect(h.answeredAloneCounted).toBe(h.rounds);
      } else expect(counted).toBe(false);
    });

  it('istanbul-2022: merge of two shards gives the --json of the run unsharded, byte for byte', async () => {
    const base = ['outcomes', 'istanbul-2022', '-n', '6', '--workers', '1'];
    const files = [0, 1].map((k) => join(dir, `part${k}.json`));
    for (const [k, f] of files.entries()) await cli(...base, '--shard', `${k}/2`, '--out', f);
    const merged = await cli('merge', ...files, '--json');
    expect(merged).toBe(await cli(...base, '--json'));
    expect(merged).toContain('"answeredAlone"');
  });
});
