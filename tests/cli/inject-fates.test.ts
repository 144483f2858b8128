// `outcomes --inject` over draws where the inject has nothing to do in some: each draw's inject fired, was passed
// over (and why) or was not reached, as a run of that draw on its own says; the counts add up to the draws; the
// text, --json and both CSV tables say it; shards merge into the unsharded bytes; `run --csv` names what was
// injected by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { drawRng, ENGINE_STREAM } from '../../src/analysis/draws.ts';
import { drawOf } from '../../src/analysis/sweep.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { PlanError, runHeadless } from '../../src/engine/headless.ts';
import { injectText, type PlannedInject, parseInjectText } from '../../src/engine/inject-text.ts';
import { MAX_SEED } from '../../src/engine/options.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { csvRecords, parseCsv } from '../csv-reader.ts';
import { ROOT } from '../helpers.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-fates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the tutorial with a wide value of no deal for South and an event that drops South's army floor once South has
// been a lone holdout: in some draws the drop of round 3 has nothing left to drop, in others it fires, in others
// the talks end first
const FIXTURE = resolve(ROOT, 'tests/fixtures/inject-fates.yaml');
const fixture = loadScenarioFile(FIXTURE);
const DROP = 'drop-red-line:south/army-floor@3';

interface InjectDraws {
  fired: number;
  passedOver: number;
  notReached: number;
  reasons: { reason: string; count: number }[];
  signedWhereFired: { runs: number; share: number };
}

/** Draw `k` of `outcomes -s seed` played again on its own, as `run` plays a run: what became of the inject. */
function replayed(seed: number, k: number, inject: PlannedInject) {
  const drawn = drawOf(fixture, undefined, seed, k);
  const engineSeed = drawRng(seed, k, ENGINE_STREAM).int(0, MAX_SEED);
  const without = runHeadless(drawn, { seed: engineSeed });
  const end = runOutcome(without.snapshot.context.transcript)!;
  try {
    // as `run` plays it: an inject with nothing to do is refused
    const withIt = runHeadless(drawn, { seed: engineSeed }, { injects: [inject], idle: 'refuse' });
    const fired = withIt.snapshot.context.transcript.some(
      (e) => e.kind === 'inject' && e.trigger === 'manual',
    );
    return {
      fate: fired ? 'fired' : 'not-reached',
      end: runOutcome(withIt.snapshot.context.transcript)!,
      without,
    };
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    return { fate: 'passed-over', end, without };
  }
}

describe('outcomes with an inject that has nothing to do in some draws', () => {
  const inject = parseInjectText(DROP) as PlannedInject;

  it('should count, per draw, what a run of that draw on its own does with the inject', async () => {
    const n = 60;
    const r = await cli('outcomes', FIXTURE, '-n', String(n), '-s', '4', '--inject', DROP, '--json');
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { injects: { draws: InjectDraws }[]; outcomes: { count: number }[] };
    const d = json.injects[0]!.draws;
    const csv = csvRecords(
      (await cli('outcomes', FIXTURE, '-n', String(n), '-s', '4', '--inject', DROP, '--csv', 'runs')).out,
    );
    const expected = { fired: 0, passedOver: 0, notReached: 0, firedSigned: 0 };
    const reasons = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const again = replayed(4, k, inject);
      const cell = csv[k]!.injects!;
      const fate = cell.slice(`${DROP}=`.length);
      expect(cell.startsWith(`${DROP}=`)).toBe(true);
      if (again.fate === 'fired') {
        expected.fired++;
        if (again.end.kind === 'signed') expected.firedSigned++;
        expect(fate).toBe('fired');
      } else if (again.fate === 'not-reached') {
        expected.notReached++;
        expect(fate).toBe('not-reached');
      } else {
        expected.passedOver++;
        // passed over: the draw's run is the run without it, and what had dropped the red line is in its transcript
        expect(csv[k]!.outcome).toBe(again.end.kind);
        expect(Number(csv[k]!.round)).toBe(again.end.round);
        const dropped = again.without.snapshot.context.transcript.find(
          (e) =>
            e.kind === 'inject' &&
            e.round <= 3 &&
            e.effects.some(
              (f) => f.kind === 'drop-red-line' && f.actor === 'south' && f.redLine === 'army-floor',
            ),
        );
        expect(dropped && dropped.kind === 'inject' ? dropped.event?.id : undefined).toBeDefined();
        const why = `passed-over:red-line-dropped:event:${dropped?.kind === 'inject' ? dropped.event!.id : ''}`;
        expect(fate).toBe(why);
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
    }
    // the fixture is one where each fate happens
    expect(expected.fired * expected.passedOver * expected.notReached).toBeGreaterThan(0);
    expect(d.fired + d.passedOver + d.notReached).toBe(n);
    expect(d).toMatchObject({
      fired: expected.fired,
      passedOver: expected.passedOver,
      notReached: expected.notReached,
    });
    expect(d.reasons).toEqual([...reasons].map(([reason, count]) => ({ reason, count })));
    expect(d.signedWhereFired.runs).toBe(expected.firedSigned);
    expect(d.signedWhereFired.share).toBe(expected.firedSigned / expected.fired);
    // the outcome table stays over every draw
    expect(json.outcomes.reduce((s, o) => s + o.count, 0)).toBe(n);

    // the text: fired, passed over with why, not reached, each with its count; the table over every run
    const text = (await cli('outcomes', FIXTURE, '-n', String(n), '-s', '4', '--inject', DROP)).out;
    const flat = text.replace(/\n\s+/g, ' ');
    expect(flat).toContain(
      `the shares above are over all ${n} runs, those where an inject fired and those where it did not:`,
    );
    expect(flat).toContain(`--inject ${DROP} fired in ${expected.fired} of ${n} runs`);
    expect(flat).toContain(
      `passed over in ${expected.passedOver}, with nothing to do: in ${expected.passedOver}, South no longer held the red line army-floor: an event of the scenario (${fixture.events.find((e) => e.id === 'south-softens')!.title}) had dropped it`,
    );
    expect(flat).toContain(`not reached in ${expected.notReached}: the talks had ended before round 3`);
    expect(flat).toContain(`signed in ${expected.firedSigned} of the ${expected.fired} runs where it fired`);

    // the summary CSV: the same counts, each of all the draws
    const summary = csvRecords(
      (await cli('outcomes', FIXTURE, '-n', String(n), '-s', '4', '--inject', DROP, '--csv', 'summary')).out,
    ).filter((x) => x.measure === 'inject');
    const count = (statistic: string) => Number(summary.find((x) => x.statistic === statistic)!.count);
    expect([count('fired'), count('passed_over'), count('not_reached')]).toEqual([
      expected.fired,
      expected.passedOver,
      expected.notReached,
    ]);
    expect(summary.every((x) => x.subject === DROP)).toBe(true);
    expect(summary.find((x) => x.statistic === 'signed_where_fired')!.n).toBe(String(expected.fired));
  });

  it('should say why a walk-out had nothing to do, and count it, without stopping the command', async () => {
    const twoWalkOuts = [
      'outcomes',
      'ukraine-peace',
      '-n',
      '3',
      '--inject',
      'walk-out:coalition@2',
      '--inject',
      'walk-out:coalition@3',
    ];
    const r = await cli(...twoWalkOuts, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { injects: { draws: InjectDraws }[] };
    const [first, second] = json.injects.map((i) => i.draws);
    // the second walk-out is idle wherever the first fired, and only there
    expect(second!.passedOver).toBe(first!.fired);
    expect(second!.reasons).toEqual([{ reason: 'passed-over:walked-out:inject', count: first!.fired }]);
    const text = await cli(...twoWalkOuts);
    expect(text.out.replace(/\n\s+/g, ' ')).toContain(
      `in ${first!.fired}, the coalition of the willing had already walked out, with an earlier inject of the run`,
    );
  });

  it('should merge the N shards into the unsharded run, for N = 1, 2, 3 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2, 3),
        async (seed, draws, n) => {
          const base = ['outcomes', FIXTURE, '-n', String(draws), '-s', String(seed), '--inject', DROP];
          for (const output of [['--json'], ['--csv', 'runs'], ['--csv', 'summary']]) {
            const whole = await cli(...base, ...output, '--workers', '1');
            const files: string[] = [];
            for (let i = 0; i < n; i++) {
              const file = join(dir, `fates-${seed}-${draws}-${i}-of-${n}.json`);
              const part = await cli(...base, '--shard', `${i}/${n}`, '--out', file, '--workers', '1');
              expect(part.err).toBe('');
              files.push(file);
            }
            const merged = await cli('merge', ...files.reverse(), ...output);
            expect(merged.err).toBe('');
            expect(merged.out).toBe(whole.out);
          }
        },
      ),
      { seed: 6_12_2026, numRuns: 6 },
    );
  });

  it('should print the same bytes with one worker and with two', async () => {
    // enough draws that a second thread is started
    const argv = ['outcomes', FIXTURE, '-n', '500', '-s', '2', '--inject', DROP, '--json'];
    const one = await cli(...argv, '--workers', '1');
    const two = await cli(...argv, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
  });
});

describe('run --csv with injects fired by hand', () => {
  it('should give each a row naming it, its round and its effect, where the transcript logs it', async () => {
    const argv = [
      'run',
      'ukraine-peace',
      '--rounds',
      '4',
      '--inject',
      'shift-reservation:russia=-0.1@2',
      '--inject',
      'us-oil-sanctions-threat@3',
    ];
    const json = JSON.parse((await cli(...argv, '--json')).out) as {
      injects: PlannedInject[];
      transcript: { kind: string; trigger?: string; round: number; seq: number }[];
    };
    const text = (await cli(...argv, '--csv')).out;
    expect(parseCsv(text)[0]!.at(-1)).toBe('inject');
    const csv = csvRecords(text);
    const rows = csv.filter((x) => x.inject !== '');
    const logged = json.transcript.filter((e) => e.kind === 'inject' && e.trigger === 'manual');
    expect(rows.map((x) => x.inject)).toEqual(json.injects.map((i) => injectText(i)));
    expect(rows.map((x) => [Number(x.round), Number(x.seq)])).toEqual(logged.map((e) => [e.round, e.seq]));
    // the ad-hoc effect names its actor; a manual event names none; the verdict's columns stay empty
    expect(rows.map((x) => x.actor)).toEqual(['russia', '']);
    expect(rows.every((x) => x.accepts === '' && x.strategy === '')).toBe(true);
    // every verdict still has its row, with no inject
    const verdicts = json.transcript.filter((e) => e.kind === 'verdict').length;
    expect(csv.length).toBe(verdicts + rows.length);
    // without an inject, the table is as it was: no inject column
    expect(parseCsv((await cli('run', 'ukraine-peace', '--rounds', '2', '--csv')).out)[0]).not.toContain(
      'inject',
    );
  });
});
