// --anticipate-ratification on the commands that judge texts — whatif, concessions, sweep — on the shipped
// ukraine-peace, where Ukraine's referendum (Article 73) is a hurdle: each a case where the flag changes the answer,
// the words true of the --json numbers, the CSV carrying it, the scenario's protocol default and its --no- form, and
// a sweep's shards merged to the unsharded bytes only when run with the same assumption.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { sharePercent } from '../../src/cli/share.ts';
import { n3 } from '../../src/report/format.ts';
import { csvRecords } from '../csv-reader.ts';
import { literal } from './before-record-marks.ts';

const FLAG = '--anticipate-ratification';
const ASSUMPTION =
  "negotiators anticipate ratification: each actor facing a hurdle (a referendum in Ukraine, which needs the text to be worth 0.600 to Ukraine) rejects a text that meets the hurdle and would fail it — the modeller's assumption";
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function text(...argv: string[]) {
  const r = await cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out;
}

const json = async (...argv: string[]) => JSON.parse(await text(...argv, '--json'));

interface Hurdle {
  id: string;
  actor: string;
  utility: number;
  threshold: number;
  clears: boolean;
}

/** The referendum's sentence, as every reason prints it, from the numbers of --json. */
const voteWords = (h: Hurdle) =>
  `its body would vote the text down, as negotiators anticipate ratification (the modeller's assumption): a referendum in Ukraine (in force from 28 Jun 1996): worth ${n3(h.utility)} to Ukraine, below the ${n3(h.threshold)} its approval needs [assumption] — it falls short`;

const dir = mkdtempSync(join(tmpdir(), 'peacesim-anticipate-judged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The US guarantee text of December 2025 with Kyiv leaving Donetsk under a 60-day ceasefire for its referendum, and
// no foreign troops: Kyiv's red line holds (the people vote), the text is worth more than no deal to it, but less
// than the referendum needs.
const DOC = 'us-security-guarantee-2025';
const SETS = ['donetsk=withdraw-dmz', 'foreign-troops=none-stationed', 'ceasefire=referendum-truce'];

describe('whatif --anticipate-ratification', () => {
  const args = ['whatif', 'ukraine-peace', '--document', DOC, ...SETS.flatMap((s) => ['--set', s])];

  it(`should turn Ukraine's acceptance of ${DOC} with Donetsk left under a referendum truce into a rejection for its referendum, in words as in --json`, async () => {
    const off = await json(...args);
    expect(off).not.toHaveProperty('anticipateRatification');
    expect(off.verdicts.ukraine.after.accepts).toBe(true);
    expect(off.verdicts.ukraine.after).not.toHaveProperty('wouldFail');

    const on = await json(...args, FLAG);
    expect(on.anticipateRatification).toBe(true);
    const after = on.verdicts.ukraine.after;
    expect(after.accepts).toBe(false);
    // the vote alone: no red line broken, worth more than no deal, short of the referendum's threshold
    expect(after.violations).toEqual([]);
    expect(after.margin).toBeGreaterThan(0);
    const [h] = after.wouldFail as Hurdle[];
    expect(h).toMatchObject({ id: 'ukraine-referendum', actor: 'ukraine', clears: false });
    expect(h!.utility).toBe(after.utility);
    expect(h!.utility).toBeLessThan(h!.threshold);
    expect(on.moved).toContainEqual({ kind: 'verdict', actor: 'ukraine', before: 'accept', after: 'reject' });
    expect(on.moved).toContainEqual(
      expect.objectContaining({ kind: 'vote-failed', id: 'ukraine-referendum' }),
    );
    // every other verdict is the one without the flag
    for (const id of ['russia', 'us', 'eu', 'coalition'])
      expect(on.verdicts[id].after.accepts).toBe(off.verdicts[id].after.accepts);

    const words = flat(await text(...args, FLAG));
    expect(words).toContain(ASSUMPTION);
    expect(words).toContain('• Ukraine: accepts → rejects');
    expect(words).toContain(`Who says no, and why`);
    expect(words).toContain(`Ukraine: ${voteWords(h!)}`);
    expect(words).toContain(
      `Ukraine: its body would now vote the text down (anticipated): a referendum in Ukraine (in force from 28 Jun 1996): worth ${n3(h!.utility)} to Ukraine, below the ${n3(h!.threshold)} its approval needs [assumption] — it falls short`,
    );
    const plain = flat(await text(...args));
    expect(plain).not.toContain('anticipate');
    expect(plain).not.toContain('Ukraine: accepts → rejects');
  });

  it('should say, on us-28-point-plan with the line kept in Donetsk, that the referendum no longer votes the text down', async () => {
    const us28 = [
      'whatif',
      'ukraine-peace',
      '--document',
      'us-28-point-plan',
      '--set',
      'donetsk=contact-line',
      FLAG,
    ];
    const on = await json(...us28);
    // the changed text meets no hurdle: Kyiv's vote is out of the question, as the ratification figures say
    expect(on.ratification.after).toBeNull();
    expect(on.verdicts.ukraine.before.wouldFail.map((h: Hurdle) => h.id)).toEqual(['ukraine-referendum']);
    expect(on.verdicts.ukraine.after).not.toHaveProperty('wouldFail');
    expect(on.moved).toContainEqual(
      expect.objectContaining({ kind: 'vote-cleared', id: 'ukraine-referendum' }),
    );
    expect(flat(await text(...us28))).toContain(
      'Ukraine: its body would no longer vote the text down (anticipated): the text no longer goes to a referendum in Ukraine (in force from 28 Jun 1996)',
    );
  });

  it('should add the hurdles each verdict fails to the CSV, only when on', async () => {
    const off = (await text(...args, '--csv')).split('\n');
    const on = (await text(...args, '--csv', FLAG)).split('\n');
    expect(on[0]).toBe(`${off[0]},would_fail_before,would_fail_after`);
    const rows = csvRecords(on.join('\n'));
    const ukraine = rows.find((r) => r.actor === 'ukraine')!;
    expect([ukraine.accepts_after, ukraine.would_fail_before, ukraine.would_fail_after]).toEqual([
      'false',
      '',
      'ukraine-referendum',
    ]);
    expect(rows.filter((r) => r.actor !== 'ukraine').every((r) => r.would_fail_after === '')).toBe(true);
  });
});

describe('concessions --anticipate-ratification', () => {
  const args = ['concessions', 'ukraine-peace', '--document', DOC, '--limit', '140'];
  const us28 = ['concessions', 'ukraine-peace', '--document', 'us-28-point-plan', '--limit', '5'];
  const same = (x: { changes: { issue: string; to: string | number }[] }) =>
    x.changes.map((c) => `${c.issue}=${c.to}`).join() === SETS.join();

  it(`should drop from ${DOC}'s closest sets the one with Russia the lone blocker where Kyiv's referendum would fail, in words as in --json`, async () => {
    const off = await json(...args);
    expect(off).not.toHaveProperty('anticipateRatification');
    const lone = off.closest.find(same);
    expect(lone).toMatchObject({ blockers: 1, rejecting: ['russia'] });

    const on = await json(...args, FLAG);
    expect(on.anticipateRatification).toBe(true);
    // with the flag, Ukraine rejects it as well (two blockers): it ranks below every set shown
    expect(on.closest.find(same)).toBeUndefined();
    expect(on.closest.at(-1).blockers).toBe(1);
    // the sets ranked above it are the same, in the same order
    const k = off.closest.indexOf(lone);
    expect(on.closest.slice(0, k).map((x: { changes: unknown }) => x.changes)).toEqual(
      off.closest.slice(0, k).map((x: { changes: unknown }) => x.changes),
    );
    expect(on.closest.every((x: { wouldFail: Hurdle[] }) => x.wouldFail.length === 0)).toBe(true);
    expect(flat(await text(...args, FLAG))).toContain(ASSUMPTION);
    expect(flat(await text(...args))).not.toContain('anticipate');
  });

  it("should give, on us-28-point-plan, Kyiv's referendum beside its red lines as its reason to refuse the closest sets, in words as in --json", async () => {
    const off = await json(...us28);
    const on = await json(...us28, FLAG);
    // the same sets, the same blockers: Kyiv's red lines refuse them already
    expect(on.closest.map((x: { changes: unknown; rejecting: unknown }) => [x.changes, x.rejecting])).toEqual(
      off.closest.map((x: { changes: unknown; rejecting: unknown }) => [x.changes, x.rejecting]),
    );
    const words = flat(await text(...us28, FLAG));
    expect(words).toContain(ASSUMPTION);
    const failing = on.closest.filter((x: { wouldFail: Hurdle[] }) => x.wouldFail.length);
    expect(failing.length).toBeGreaterThan(0);
    for (const x of failing)
      for (const h of x.wouldFail as Hurdle[]) {
        // a hurdle a set fails is its owner's reason to reject it, and the words give its numbers
        expect(x.rejecting).toContain(h.actor);
        // on the line after its red lines
        expect(words).toMatch(new RegExp(`red lines?: (?:– |1\\. ).*? also, ${literal(voteWords(h))}`));
      }
    expect(flat(await text(...us28))).not.toContain('its body would vote');
  });

  it('should name in a last CSV column the hurdles a closest set fails, only when on (us-28-point-plan)', async () => {
    const off = (await text(...us28, '--csv')).split('\n');
    const on = await text(...us28, '--csv', FLAG);
    expect(on.split('\n')[0]).toBe(`${off[0]},would_fail`);
    const { closest } = await json(...us28, FLAG);
    expect(csvRecords(on).map((r) => r.would_fail)).toEqual(
      closest.map((x: { wouldFail: Hurdle[] }) => x.wouldFail.map((h) => h.id).join(';')),
    );
    expect(csvRecords(on).some((r) => r.would_fail === 'ukraine-referendum')).toBe(true);
  });
});

describe('sweep --anticipate-ratification', () => {
  const args = ['sweep', 'ukraine-peace', '-d', 'geneva-framework', '-n', '400', '--workers', '1'];

  it("should add, on geneva-framework, Kyiv's referendum to its reasons in the samples where the drawn vote fails, and draw the referendum's threshold, in words as in --json", async () => {
    const off = await json(...args);
    const on = await json(...args, FLAG);
    expect(off).not.toHaveProperty('anticipateRatification');
    expect(on.anticipateRatification).toBe(true);
    expect(on.parameters).toEqual([...off.parameters, 'ratification.ukraine-referendum.threshold']);
    const [d0] = off.documents;
    const [d1] = on.documents;
    // Kyiv's red line already refuses every shipped text that meets its hurdle: the accept rates cannot move
    expect(d1.actors.map((a: { acceptRate: number }) => a.acceptRate)).toEqual(
      d0.actors.map((a: { acceptRate: number }) => a.acceptRate),
    );
    const ukraine = d1.actors.find((a: { actor: string }) => a.actor === 'ukraine');
    expect(ukraine.redLinesBroken.length).toBeGreaterThan(0);
    expect(ukraine.wouldFailRate).toBeGreaterThan(0);
    expect(ukraine.wouldFailRate).toBeLessThan(1);
    for (const a of d1.actors) if (a.actor !== 'ukraine') expect(a.wouldFailRate).toBe(0);
    // the share is that of the draws whose row names the referendum
    const draws = csvRecords(await text(...args, FLAG, '--csv', 'draws')).filter(
      (r) => r.actor === 'ukraine',
    );
    expect(draws).toHaveLength(400);
    expect(draws.filter((r) => r.would_fail === 'ukraine-referendum').length / 400).toBe(
      ukraine.wouldFailRate,
    );
    expect(draws.every((r) => r.accepts === 'false')).toBe(true);

    const words = flat(await text(...args, FLAG));
    expect(words).toContain(ASSUMPTION);
    expect(words).toContain(
      `its body would vote it down in ${sharePercent(ukraine.wouldFailRate)} of samples (a referendum in Ukraine), anticipated`,
    );
    expect(words).toContain('the threshold of a referendum in Ukraine');
    expect(flat(await text(...args))).not.toContain('anticipate');
    const summary = csvRecords(await text(...args, FLAG, '--csv'));
    expect(summary.find((r) => r.actor === 'ukraine')!.would_fail_rate).toBe(String(ukraine.wouldFailRate));
    expect(await text(...args, '--csv')).not.toContain('would_fail');
  });

  it('should merge the shards of a run with the flag into the unsharded bytes, and refuse parts run without it', async () => {
    const base = ['sweep', 'ukraine-peace', '-n', '90', '-s', '6', FLAG];
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const file = join(dir, `sweep-${i}.json`);
      expect((await cli(...base, '--shard', `${i}/3`, '--out', file, '--workers', '1')).err).toBe('');
      files.push(file);
    }
    expect(JSON.parse(readFileSync(files[0]!, 'utf8')).options.anticipateRatification).toBe(true);
    for (const output of [[], ['--json'], ['--csv']]) {
      const whole = await text(...base, ...output, '--workers', '1');
      expect(await text('merge', ...files, ...output)).toBe(whole);
    }
    const without = join(dir, 'sweep-without.json');
    await text(
      'sweep',
      'ukraine-peace',
      '-n',
      '90',
      '-s',
      '6',
      '--shard',
      '2/3',
      '--out',
      without,
      '--workers',
      '1',
    );
    const refused = await cli('merge', files[0]!, files[1]!, without);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `${without}: run with no --anticipate-ratification, ${files[0]} with --anticipate-ratification; every part must be run with the same assumption`,
    );
  });
});

describe("the scenario's protocol.anticipateRatification", () => {
  it('should be the default of whatif, concessions and sweep, which --no-anticipate-ratification turns off', async () => {
    const file = join(dir, 'default-on.yaml');
    const yaml = readFileSync('tests/fixtures/format/anticipated.yaml', 'utf8');
    writeFileSync(file, yaml.replace('  maxRounds: 6', '  maxRounds: 6\n  anticipateRatification: true'));
    expect(readFileSync(file, 'utf8')).toContain('anticipateRatification: true');
    for (const command of [
      ['whatif', file, '--document', 'cede-for-aid'],
      ['concessions', file, '--document', 'cede-for-aid'],
      ['sweep', file, '-n', '20', '--workers', '1'],
    ]) {
      const on = await json(...command);
      expect(on.anticipateRatification).toBe(true);
      expect(await json(...command, FLAG)).toEqual(on);
      expect(await json(...command, '--no-anticipate-ratification')).not.toHaveProperty(
        'anticipateRatification',
      );
    }
    // West's parliament would vote the ceded line down: West accepts the text only without the assumption
    const west = (r: { verdicts: { west: { after: { accepts: boolean } } } }) =>
      r.verdicts.west.after.accepts;
    expect(west(await json('whatif', file, '--document', 'cede-for-aid'))).toBe(false);
    expect(
      west(await json('whatif', file, '--document', 'cede-for-aid', '--no-anticipate-ratification')),
    ).toBe(true);
  });
});
