// outcomes' lone-holdout lines against its --json: the legend says what the engine counts (the one required actor
// rejecting a text every other required actor accepted and that broke no rule — not "all others", which would
// take in actors whose consent the text does not need), and with no holdout the text says only that, not why the
// texts failed (the JSON does not say whether several rejected, a rule broke or nothing was tabled).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { sharePercent } from '../../src/cli/share.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-holdouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the tutorial with values of no deal no text reaches: both parties reject every text, so nobody stands alone
const NO_DEAL = join(dir, 'no-deal.yaml');
writeFileSync(
  NO_DEAL,
  [
    'format: 1',
    `include: ${JSON.stringify(resolve('scenarios/tutorial-bilateral.yaml'))}`,
    'id: no-deal',
    'title: No deal',
    'summary: the tutorial with values of no deal above every package',
    'date: 2025-03-01',
    'actors:',
    '  - id: north',
    '    reservation: { value: 1, range: [0.99, 1] }',
    '  - id: south',
    '    reservation: { value: 1, range: [0.99, 1] }',
    '',
  ].join('\n'),
);

interface OutcomesJson {
  failed: { runs: number; holdouts: { actor: string; runs: number }[] };
}

const LEGEND =
  '(the only required actor to reject a text that every other required actor accepted and that broke no rule)';

describe('outcomes, the lone holdouts in words', () => {
  it('should say nobody stood alone when --json counts no holdout, and no more than that', async () => {
    const json = JSON.parse(await cli('outcomes', NO_DEAL, '-n', '6', '--json')) as OutcomesJson;
    const text = (await cli('outcomes', NO_DEAL, '-n', '6')).replace(/\s+/g, ' ');
    // the fixture does what it is for: runs without a deal, and nobody alone in any
    expect(json.failed.runs).toBe(6);
    expect(json.failed.holdouts.every((h) => h.runs === 0)).toBe(true);
    expect(text).toContain(`lone holdouts in the 6 runs without a deal ${LEGEND}:`);
    expect(text).toContain(
      'nobody stood alone: no text that kept every rule was rejected by one required actor only',
    );
    expect(text).not.toContain('several actors rejecting');
  });

  it('should name each holdout with the runs --json counts', async () => {
    const json = JSON.parse(await cli('outcomes', '28-point-path', '-n', '12', '--json')) as OutcomesJson;
    const text = (await cli('outcomes', '28-point-path', '-n', '12')).replace(/\s+/g, ' ');
    expect(text).toContain(LEGEND);
    const named = json.failed.holdouts.filter((h) => h.runs > 0);
    expect(named.length).toBeGreaterThan(0);
    for (const h of named) expect(text).toMatch(new RegExp(` in ${h.runs} runs? \\(`));
  });

  it('should give the reasons of the holdout rounds --json and the CSV summary count, each once', async () => {
    // 100 draws of the worked example: two fail, and their holdout rounds have two reasons
    const argv = ['outcomes', 'docs/examples/my-referendum-truce.yaml', '-n', '100'] as const;
    const json = JSON.parse(await cli(...argv, '--json')) as {
      failed: { holdouts: { actor: string; rounds: number; reasons: Record<string, number> }[] };
    };
    const text = (await cli(...argv)).replace(/\s+/g, ' ');
    const csv = (await cli(...argv, '--csv')).split('\n').map((l) => l.split(','));
    const words: Record<string, string> = {
      'red-line': 'with its red lines crossed',
      'below-no-deal': 'worth less to it than no deal',
      'holds-out': 'worth more than no deal, short of what it held out for',
    };
    const named = json.failed.holdouts.filter((h) => h.rounds > 0);
    expect(named.length).toBeGreaterThan(0);
    for (const h of named) {
      expect(Object.values(h.reasons).reduce((a, b) => a + b, 0)).toBe(h.rounds);
      const said = Object.entries(h.reasons)
        .map(([k, n]) => `${n} ${words[k]}`)
        .join(', ');
      expect(text).toContain(`${h.rounds} round${h.rounds === 1 ? '' : 's'} in all: ${said}`);
      const rows = csv.filter((r) => r[0] === 'holdout' && r[1] === h.actor && r[2] === 'rounds_by_reason');
      expect(rows.map((r) => [r[3], Number(r[4]), Number(r[6])])).toEqual(
        Object.entries(h.reasons).map(([k, n]) => [k, n, h.rounds]),
      );
    }
  });

  it('should give each share its base: the signed runs for the terms, all runs for the walk-outs', async () => {
    const signed = JSON.parse(await cli('outcomes', 'tutorial-bilateral', '-n', '12', '--json'));
    const text = await cli('outcomes', 'tutorial-bilateral', '-n', '12');
    expect(text).toContain('the term signed most often on each issue, with its share of the signed runs:');
    for (const t of signed.signed.terms as { share: number }[]) {
      // the share is a count of signed runs over the signed runs
      const runs = t.share * signed.signed.runs;
      expect(Math.abs(runs - Math.round(runs))).toBeLessThan(1e-9);
      expect(text).toContain(`${sharePercent(t.share)}  `);
    }
    const argv = ['outcomes', 'ukraine-peace', '-n', '2', '--inject', 'us-walks-away@3'];
    const walked = JSON.parse(await cli(...argv, '--json'));
    const us = walked.walkOuts.find((w: { actor: string }) => w.actor === 'us');
    expect(us.share).toBe(us.runs / walked.draws);
    expect(await cli(...argv)).toContain(
      `walk-outs: United States in ${us.runs} runs (${sharePercent(us.share)} of all runs)`,
    );
  });

  it('should give the share that cleared ratification as a share of the runs signed subject to it', async () => {
    const file = join(dir, 'two-hurdles.yaml');
    const hurdle = (id: string, actor: string, threshold: number) => [
      `  - id: ${id}`,
      `    actor: ${actor}`,
      `    label: a vote of ${actor}`,
      '    text: Every settlement goes to this body.',
      '    when: { issue: sanctions, in: [kept, phased, lifted] }',
      '    basis: assumption',
      '    rationale: a test hurdle',
      `    threshold: { value: ${threshold}, range: [0.5, ${threshold}], basis: assumption, rationale: a test threshold }`,
    ];
    writeFileSync(
      file,
      [
        'format: 1',
        `include: ${JSON.stringify(resolve('scenarios/tutorial-bilateral.yaml'))}`,
        'id: two-hurdles',
        'title: Two hurdles',
        'summary: the tutorial with a body on each side',
        'date: 2025-03-01',
        'ratification:',
        ...hurdle('north-vote', 'north', 0.6),
        ...hurdle('south-vote', 'south', 0.6),
        '',
      ].join('\n'),
    );
    const json = JSON.parse(await cli('outcomes', file, '-n', '12', '--json'));
    const rt = json.signed.ratification as { runs: number; cleared: number; share: number };
    expect(rt.runs).toBeGreaterThan(0);
    expect(rt.share).toBe(rt.cleared / rt.runs);
    const text = (await cli('outcomes', file, '-n', '12')).replace(/\s+/g, ' ');
    expect(text).toContain(
      `signed subject to ratification in ${rt.runs} runs; cleared every hurdle in ${rt.cleared} run${rt.cleared === 1 ? '' : 's'} (${sharePercent(rt.share)} of those [`,
    );
  });
});

describe('what the shares are frequencies over', () => {
  it('should name the draws of --prior record as those that reproduce the record, when a reaction constrains them', async () => {
    for (const id of ['tutorial-bilateral', 'istanbul-2022']) {
      const argv = ['outcomes', id, '-n', '4', '--workers', '1', '--prior', 'record'];
      const json = JSON.parse(await cli(...argv, '--json')) as { reactions?: string[]; parameters: string[] };
      const text = (await cli(...argv)).replace(/\s+/g, ' ');
      expect(json.parameters.length, id).toBeGreaterThan(0);
      // a record that constrains the ranges draws from part of them; one that constrains none draws from them all
      expect(text.includes('that reproduce its record, not probabilities'), id).toBe(
        (json.reactions?.length ?? 0) > 0,
      );
      expect(text).toContain('not probabilities of real-world events');
    }
  });
});

describe('outcomes, how the protocol shapes the lone-holdout count', () => {
  // under alternating offers the party answering a proposal stands alone against its proposer by the rule: the
  // counts differ by whose proposals each answered, which the text must say for both sides, and only there
  for (const id of ['istanbul-2022', 'ukraine-peace'])
    it(`should say so under alternating offers only, when it names a holdout: ${id}`, async () => {
      const argv = ['outcomes', id, '-n', '4'];
      const json = JSON.parse(await cli(...argv, '--json')) as OutcomesJson;
      const text = (await cli(...argv)).replace(/\s+/g, ' ');
      const named = json.failed.holdouts.some((h) => h.runs > 0);
      expect(named).toBe(true);
      const alternating = openScenario(id).protocol.kind === 'alternating-offers';
      expect(text.includes('how the protocol shapes the count: under alternating offers')).toBe(alternating);
    });
});
