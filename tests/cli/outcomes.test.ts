// peacesim outcomes, in-process: the summary in words, deterministic JSON, CSV tables that agree with the JSON,
// and the usage errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { SUMMARY_COLUMNS } from '../../src/report/exports/outcomes.ts';
import { csvRecords } from '../csv-reader.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const header = (text: string) => text.slice(0, text.indexOf('\n')).split(',');
const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

const dir = mkdtempSync(join(tmpdir(), 'peacesim-outcomes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the tutorial signs in every draw with its own strategies; two hardliners in four rounds never do
const TUTORIAL = ['outcomes', 'tutorial-bilateral', '-n', '12', '-s', '3'];
const STUCK = [
  'outcomes',
  'tutorial-bilateral',
  '-n',
  '4',
  '--rounds',
  '4',
  '--strategy',
  'north=hardliner',
  '--strategy',
  'south=hardliner',
];

describe('what the shares of peacesim outcomes are over', () => {
  for (const id of ['divide-the-surplus', 'tutorial-bilateral'])
    it(`should name the uncertainty ranges only when --json drew some: ${id}`, async () => {
      const json = JSON.parse((await cli('outcomes', id, '-n', '4', '--json')).out);
      const text = (await cli('outcomes', id, '-n', '4')).out.replace(/\n/g, ' ');
      const ranged = json.parameters.length > 0;
      expect(
        text.includes("frequencies over the scenario's uncertainty ranges (the modeller's assumption)"),
      ).toBe(ranged);
      // the words call the ranges an assumption: so does every actor's basis in --json
      const drawn = json.bases.filter((b: { rangesBasis: string | null }) => b.rangesBasis !== null);
      expect(drawn.length > 0).toBe(ranged);
      for (const b of drawn) expect(b.rangesBasis).toBe('assumption');
      expect(text).toContain('not probabilities of real-world events');
      if (!ranged) expect(text).toContain("frequencies over the runs' seeds alone");
    });
});

describe('peacesim outcomes', () => {
  it('should summarise the runs in words, with the caveat', async () => {
    const r = await cli(...TUTORIAL);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Tutorial — a stylised two-party settlement — 12 runs, seed 3, up to 12 rounds\n/);
    expect(r.out).toContain(
      "uncertain: North's value of no deal, South's weight on Security guarantee for Ukraine, South's value of no deal\n",
    );
    expect(r.out).toContain('not probabilities of real-world events');
    expect(r.out).toMatch(/\nsigned {11}12 {2}100\.0% {2}\[75\.8%, 100\.0%\]\n/);
    expect(r.out).toMatch(/\nsigned in rounds? \d+/);
    expect(r.out).toContain('the term signed most often on each issue, with its share of the signed runs:');
    expect(r.out).toContain('(the scenario states no durability assumptions)');
    expect(r.out).toContain('walk-outs: none');
  });

  it('should name the lone holdouts when talks fail', async () => {
    const r = await cli(...STUCK);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\nstalemate {9}4 {2}100\.0%/);
    expect(r.out).toContain('lone holdouts in the 4 runs without a deal');
    expect(r.out).toMatch(/\n {2}North {8}in 4 runs \(100\.0% \[51\.0%, 100\.0%\]\), \d+ rounds in all/);
  });

  it('should print the same JSON for the same seed', async () => {
    const a = await cli(...TUTORIAL, '--json');
    expect(a.code).toBe(0);
    expect((await cli(...TUTORIAL, '--json')).out).toBe(a.out);
    const j = JSON.parse(a.out);
    expect(j).toMatchObject({ scenario: 'tutorial-bilateral', seed: 3, draws: 12, maxRounds: 12 });
    expect(j.outcomes.map((o: { count: number }) => o.count).reduce((s: number, x: number) => s + x)).toBe(
      12,
    );
  });

  it('should give a summary table that matches the JSON', async () => {
    for (const argv of [TUTORIAL, STUCK]) {
      const j = JSON.parse((await cli(...argv, '--json')).out);
      const r = await cli(...argv, '--csv');
      expect(r.code).toBe(0);
      expect(header(r.out)).toEqual(SUMMARY_COLUMNS);
      expect((await cli(...argv, '--csv', 'summary')).out).toBe(r.out);
      const rows = csvRecords(r.out);
      const pick = (measure: string, subject = '', statistic = '') =>
        rows.filter(
          (x) =>
            x.measure === measure &&
            (!subject || x.subject === subject) &&
            (!statistic || x.statistic === statistic),
        );
      for (const o of j.outcomes)
        expect(pick('outcome', o.outcome)).toEqual([
          {
            measure: 'outcome',
            subject: o.outcome,
            statistic: 'share',
            option: '',
            value: num(o.share),
            count: num(o.count),
            n: num(j.draws),
            ci_low: num(o.interval[0]),
            ci_high: num(o.interval[1]),
            // a row about the whole run: the date of the positions it starts from, no actor's basis
            red_lines_held: '',
            as_of: j.asOf,
            reservation_basis: '',
            red_lines_held_basis: '',
            ranges_basis: '',
          },
        ]);
      for (const u of j.signed.utilities)
        for (const k of ['mean', 'min', 'p10', 'median', 'p90', 'max'])
          expect(pick('utility', u.actor, k).map((x) => x.value)).toEqual([num(u[k])]);
      expect(pick('signing_round').map((x) => x.value)).toEqual(
        j.signed.round ? [j.signed.round.min, j.signed.round.median, j.signed.round.max].map(num) : [],
      );
      expect(pick('term').map((x) => [x.subject, x.option, x.value])).toEqual(
        j.signed.terms.map((t: { issue: string; mode: unknown; share: number }) => [
          t.issue,
          String(t.mode),
          num(t.share),
        ]),
      );
      for (const h of j.failed.holdouts) {
        expect(pick('holdout', h.actor, 'share')[0]).toMatchObject({
          value: num(h.share),
          count: num(h.runs),
          n: num(j.failed.runs),
        });
        expect(pick('holdout', h.actor, 'rounds')[0]!.value).toBe(num(h.rounds));
      }
      expect(pick('walk_out').map((x) => x.count)).toEqual(
        j.walkOuts.map((w: { runs: number }) => num(w.runs)),
      );
      // every row whose subject is an actor carries that actor's bases from the JSON; every other row the date alone
      const bases = new Map<string, Record<string, string>>(
        j.bases.map(
          (b: {
            actor: string;
            redLines: { redLine: string; basis: string }[];
            reservationBasis: string;
            rangesBasis: string | null;
          }) => [
            b.actor,
            {
              red_lines_held: b.redLines.map((x) => x.redLine).join(';'),
              as_of: j.asOf,
              reservation_basis: b.reservationBasis,
              red_lines_held_basis: b.redLines.map((x) => x.basis).join(';'),
              ranges_basis: b.rangesBasis ?? '',
            },
          ],
        ),
      );
      const about = ['utility', 'holdout', 'walk_out'];
      for (const x of rows) {
        const b = bases.get(x.subject!);
        if (about.includes(x.measure!)) expect(x).toMatchObject(b!);
        else
          expect(x).toMatchObject({
            red_lines_held: '',
            as_of: j.asOf,
            reservation_basis: '',
            red_lines_held_basis: '',
            ranges_basis: '',
          });
      }
      expect(rows.filter((x) => about.includes(x.measure!)).length).toBeGreaterThan(0);
    }
  });

  it('should give one row per draw in the runs table, agreeing with the summary', async () => {
    const j = JSON.parse((await cli(...STUCK, '--json')).out);
    const r = await cli(...STUCK, '--csv', 'runs');
    expect(r.code).toBe(0);
    expect(header(r.out)).toEqual([
      'draw',
      'engine_seed',
      'outcome',
      'round',
      'u_north',
      'u_south',
      'durability',
      'reservation_north',
      'reservation_south',
      'holdouts_north',
      'holdouts_south',
      'answered_alone_north',
      'answered_alone_south',
      'answered_alone_counted_north',
      'answered_alone_counted_south',
      'walked_out',
    ]);
    const rows = csvRecords(r.out);
    expect(rows.map((x) => x.draw)).toEqual(['0', '1', '2', '3']);
    for (const o of j.outcomes) expect(rows.filter((x) => x.outcome === o.outcome)).toHaveLength(o.count);
    for (const h of j.failed.holdouts)
      expect(rows.reduce((s, x) => s + Number(x[`holdouts_${h.actor}`]), 0)).toBe(h.rounds);
    // a run that did not sign has no utilities
    expect(rows.every((x) => x.u_north === '' && x.durability === '')).toBe(true);

    const signed = csvRecords((await cli(...TUTORIAL, '--csv', 'runs')).out);
    expect(signed).toHaveLength(12);
    expect(signed.every((x) => x.outcome === 'signed' && Number(x.u_north) > 0)).toBe(true);
    // sweep draws the same parameters with the same seed, sample for sample
    const draws = csvRecords(
      (await cli('sweep', 'tutorial-bilateral', '-n', '12', '-s', '3', '--csv', 'draws')).out,
    );
    signed.forEach((x, k) => {
      const north = draws.find((d) => d.sample === String(k) && d.actor === 'north')!;
      expect(x.reservation_north).toBe(north.reservation);
    });
  });

  it("should give each draw's texts answered alone in the runs table, summing to --json's over the runs without a deal", async () => {
    // a seed whose draws both sign and fail, and whose signed runs answered texts alone too: --json counts the
    // failed runs only, so the rows that did not sign must carry exactly its numbers
    const args = [...TUTORIAL, '-r', '6', '--strategy', 'south=hardliner'];
    const j = JSON.parse((await cli(...args, '--json')).out);
    const rows = csvRecords((await cli(...args, '--csv', 'runs')).out);
    const failed = rows.filter((x) => x.outcome !== 'signed');
    expect(failed.length).toBe(j.failed.runs);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(rows.length);
    const sum = (of: typeof rows, column: string) => of.reduce((n, x) => n + Number(x[column]), 0);
    let alone = 0;
    let aloneWhenSigned = 0;
    for (const h of j.failed.holdouts) {
      expect(sum(failed, `answered_alone_${h.actor}`), h.actor).toBe(h.answeredAlone);
      expect(sum(failed, `answered_alone_counted_${h.actor}`), h.actor).toBe(h.answeredAloneCounted);
      alone += h.answeredAlone;
      aloneWhenSigned += sum(
        rows.filter((x) => x.outcome === 'signed'),
        `answered_alone_${h.actor}`,
      );
      // of the texts answered alone, those counted against it: never more
      for (const x of rows)
        expect(Number(x[`answered_alone_counted_${h.actor}`])).toBeLessThanOrEqual(
          Number(x[`answered_alone_${h.actor}`]),
        );
    }
    // the test proves something: texts answered alone in failed runs, and in signed ones (which --json leaves out)
    expect(alone).toBeGreaterThan(0);
    expect(aloneWhenSigned).toBeGreaterThan(0);
  });

  it('should count walk-outs and collapses', async () => {
    const r = await cli('outcomes', 'ukraine-peace', '-n', '2', '--inject', 'us-walks-away@3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.outcomes.find((o: { outcome: string }) => o.outcome === 'collapsed').count).toBe(2);
    expect(j.walkOuts.find((w: { actor: string }) => w.actor === 'us').runs).toBe(2);
    expect(j.injects).toMatchObject([{ event: 'us-walks-away', round: 3 }]);
    // it fired in every draw: it is what ended them
    expect(j.injects[0].draws).toMatchObject({ fired: j.draws, passedOver: 0, notReached: 0 });
  });

  it('should write with --out exactly what stdout shows', async () => {
    for (const extra of [['--json'], ['--csv'], ['--csv', 'runs']]) {
      const file = join(dir, `${extra.join('-')}.out`);
      const shown = await cli(...STUCK, ...extra);
      const written = await cli(...STUCK, ...extra, '--out', file);
      expect(written.code).toBe(0);
      expect(written.out).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(shown.out);
    }
  });
});

describe('peacesim outcomes: errors', () => {
  const oneLine = (r: { out: string; err: string }) => {
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  };

  it('should refuse a person at the table (exit 2)', async () => {
    const r = await cli('outcomes', 'tutorial-bilateral', '-n', '2', '--strategy', 'south=human');
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.err).toContain('South (stylised Ukraine) is played by a person');
    expect(r.err).toContain('--strategy south=linear');
  });

  it('should refuse --csv with --json, --out alone, and an unknown table (exit 2)', async () => {
    const both = await cli('outcomes', 'tutorial-bilateral', '--csv', '--json');
    expect(both.code).toBe(2);
    expect(both.err).toBe('peacesim: --csv and --json cannot be used together: choose one\n');
    const out = await cli('outcomes', 'tutorial-bilateral', '--out', 'x.csv');
    expect(out.code).toBe(2);
    oneLine(out);
    const table = await cli('outcomes', 'tutorial-bilateral', '--csv', 'run');
    expect(table.code).toBe(2);
    oneLine(table);
    expect(table.err).toBe(
      'peacesim: --csv: unknown export "run" (did you mean "runs"?); choose summary, runs\n',
    );
  });

  it('should refuse malformed flags and an inject after the last round (exit 2)', async () => {
    for (const argv of [
      ['-n', '0'],
      ['--strategy', 'north'],
      ['--inject', 'x'],
    ]) {
      const r = await cli('outcomes', 'tutorial-bilateral', ...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
    }
    const late = await cli('outcomes', 'ukraine-peace', '--inject', 'us-walks-away@30');
    expect(late.code).toBe(2);
    oneLine(late);
  });

  it('should fail with exit 1 on an unknown scenario, actor or event', async () => {
    for (const argv of [
      ['no-such-scenario.yaml'],
      ['tutorial-bilateral', '--strategy', 'nobody=linear'],
      ['ukraine-peace', '--inject', 'nothing@2'],
    ]) {
      const r = await cli('outcomes', ...argv, '-n', '1');
      expect(r.code).toBe(1);
      oneLine(r);
    }
  });
});
