// outcomes says when no run can sign, and why — only when it is proven for every draw and every event the runs can
// fire: the parties' red lines in conflict, as analyze names them, in the text, --json (feasibility) and the CSV
// summary, all three agreeing; the weaker true fact when an event can drop one of them (no run signs before it
// fires, and a run that signs after is not contradicted); nothing where packages are feasible; merge of shards
// prints what the unsharded run prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConflictReport } from '../../src/analysis/conflict-report.ts';
import { memoryIo, palette } from '../../src/cli/io.ts';
import { conflictMemberText } from '../../src/cli/red-line-items.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { signableLines } from '../../src/cli/signable-words.ts';
import type { Signability } from '../../src/engine/signable.ts';
import { count } from '../../src/report/format.ts';
import { cliOk as cli } from '../cli-in-process.ts';
import { csvRecords } from '../csv-reader.ts';

const UNSIGNABLE = 'tests/fixtures/format/unsignable.yaml';
const UNTIL_DROPPED = 'tests/fixtures/format/unsignable-until-dropped.yaml';
const TWO_WAYS = 'tests/fixtures/format/unsignable-two-ways.yaml';
const NEVER = "no run can sign: as every run starts, no package keeps every party's red lines and the rules";
const BEFORE = 'no run can sign before an event drops a red line';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-feasout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Json {
  outcomes: { outcome: string; count: number }[];
  feasibility: Signability | null;
}
const signedOf = (j: Json) => j.outcomes.find((o) => o.outcome === 'signed')!.count;
/** The text on one line: the terminal's wrapping undone. */
const flat = (text: string) => text.replace(/\n\s*/g, ' ');

/** The three outputs of one run of outcomes. */
async function outputs(...argv: string[]) {
  const json = JSON.parse(await cli('outcomes', ...argv, '--json')) as Json;
  const text = await cli('outcomes', ...argv);
  const csv = csvRecords(await cli('outcomes', ...argv, '--csv')).filter((r) => r.measure === 'feasibility');
  return { json, text, csv };
}

/** The text, the CSV rows and the JSON field say the same: counts, verdict, drops, every conflict's members. */
function expectAgreement(scenario: string, o: Awaited<ReturnType<typeof outputs>>) {
  const f = o.json.feasibility!;
  const fact = (statistic: string) => o.csv.find((r) => r.statistic === statistic)?.value;
  expect(fact('packages_at_start')).toBe(String(f.feasibleAtStart));
  expect(fact('no_run_can_sign')).toBe(f.noRunCanSign ? '1' : '0');
  expect(fact('packages_after_drops')).toBe(f.drops.length ? String(f.feasibleAfterDrops) : undefined);
  expect(
    o.csv.filter((r) => r.statistic === 'droppable_red_line').map((r) => [r.subject, r.option, r.value]),
  ).toEqual(f.drops.map((d) => [d.actor, d.redLine, d.by]));
  expect(
    o.csv
      .filter((r) => r.statistic?.startsWith('conflict_'))
      .map((r) => [r.subject, r.option, Number(r.value)]),
  ).toEqual(f.conflicts.flatMap((c, k) => c.members.map((m) => [m.actor ?? '', m.id, k + 1])));
  expect(o.csv.filter((r) => r.statistic === 'opening_set').map((r) => [r.option, Number(r.value)])).toEqual(
    (f.openers ?? []).map((x) => [x.by.join(' + '), x.feasible]),
  );
  const text = flat(o.text);
  expect(text.includes(NEVER)).toBe(f.noRunCanSign);
  expect(text.includes(BEFORE)).toBe(f.feasibleAtStart === 0 && !f.noRunCanSign);
  // the first conflict is named member by member, as analyze names it
  const s = openScenario(scenario);
  for (const m of f.conflicts[0]?.members ?? [])
    expect(text).toContain(flat(conflictMemberText(s, m, palette(memoryIo()))));
}

describe('outcomes, when no run can sign', () => {
  it('should say so on ukraine-peace, naming the conflict analyze names, with marks and source keys', async () => {
    const o = await outputs('ukraine-peace', '-n', '6');
    const f = o.json.feasibility!;
    expect(f.noRunCanSign).toBe(true);
    expect(f.feasibleAtStart).toBe(0);
    expect(f.drops).toEqual([]);
    expect(signedOf(o.json)).toBe(0);
    // the same count and the same conflicts as analyze's Feasibility and "Why no package is feasible"
    const analysis = JSON.parse(await cli('analyze', 'ukraine-peace', '--json')) as {
      feasible: { count: number };
      conflicts: ConflictReport[];
    };
    expect(f.feasibleAtStart).toBe(analysis.feasible.count);
    expect(f.conflicts).toEqual(analysis.conflicts);
    expectAgreement('ukraine-peace', o);
    const text = flat(o.text);
    expect(text).toContain(
      `${NEVER} — no package meets all 3 of these; any 2 of them can hold together: Russia: Ukraine leaves the part of Donetsk it holds`,
    );
    expect(text).toContain('[peskov-referendum, zelensky-axios-feb-2026]');
    expect(text).toContain(
      "The draws vary weights, values of no deal and thresholds, never a red line or a rule, and no event of these runs drops a party's red line; peacesim analyze says what dropping each would open, peacesim hinges whether reversing a reading or an assumption would change the outcome.",
    );
    // it stands under the table, before the holdouts
    expect(o.text.indexOf('no run can sign')).toBeGreaterThan(o.text.indexOf('collapsed'));
    expect(o.text.indexOf('no run can sign')).toBeLessThan(o.text.indexOf('lone holdouts'));
  });

  it('should say so on a small scenario whose parties hold opposite red lines, with their basis marks', async () => {
    const o = await outputs(UNSIGNABLE, '-n', '8');
    expect(o.json.feasibility!.noRunCanSign).toBe(true);
    expect(signedOf(o.json)).toBe(0);
    expectAgreement(UNSIGNABLE, o);
    const text = flat(o.text);
    expect(text).toContain(
      `${NEVER} — no package meets both of these; each can hold without the other: North (stylised Russia): Ukraine cedes the four regions in full. [assumption] South (stylised Ukraine): No cession of territory it holds. [assumption]`,
    );
    expect(text).toContain('The draws vary weights and values of no deal, never a red line or a rule');
  });

  it('should still say so when the only red line an event drops is outside the conflict', async () => {
    const o = await outputs(UNSIGNABLE, '-n', '6', '--inject', 'south-drops-army-floor@2');
    const f = o.json.feasibility!;
    expect(f.drops).toEqual([{ actor: 'south', redLine: 'army-floor', by: 'south-drops-army-floor' }]);
    expect(f.noRunCanSign).toBe(true);
    expect(signedOf(o.json)).toBe(0);
    expectAgreement(UNSIGNABLE, o);
    expect(flat(o.text)).toContain(
      "the events of these runs that drop a party's red line (south-drops-army-floor) drop none of these",
    );
  });

  it('should print nothing new where packages are feasible', async () => {
    for (const id of ['tutorial-bilateral', 'divide-the-surplus']) {
      const o = await outputs(id, '-n', '4');
      const f = o.json.feasibility!;
      const analysis = JSON.parse(await cli('analyze', id, '--json')) as { feasible: { count: number } };
      expect(f.feasibleAtStart).toBe(analysis.feasible.count);
      expect(f.feasibleAtStart).toBeGreaterThan(0);
      expect(f.noRunCanSign).toBe(false);
      expect(f.conflicts).toEqual([]);
      expect(o.text).not.toContain('no run can sign');
      expectAgreement(id, o);
    }
  });
});

describe('outcomes, when an event of the runs can drop a red line of the conflict', () => {
  it('should say only that no run signs before it fires, and runs that sign after bear it out', async () => {
    const o = await outputs(UNTIL_DROPPED, '-n', '12');
    const f = o.json.feasibility!;
    expect(f.feasibleAtStart).toBe(0);
    expect(f.drops).toEqual([{ actor: 'north', redLine: 'all-four-regions', by: 'north-relents' }]);
    expect(f.feasibleAfterDrops).toBeGreaterThan(0);
    expect(f.noRunCanSign).toBe(false);
    expectAgreement(UNTIL_DROPPED, o);
    // the one event opens packages by itself, and the text says how many, as --json counts them
    expect(f.openers).toEqual([{ by: ['north-relents'], feasible: f.feasibleAfterDrops }]);
    expect(flat(o.text)).toContain(
      `A run can sign only once this has fired: north-relents (drops North's red line all-four-regions), which opens ${count(f.feasibleAfterDrops, 'package')};`,
    );
    // the fixture does what it is for: runs sign, each in the event's round or later
    const runs = csvRecords(await cli('outcomes', UNTIL_DROPPED, '-n', '12', '--csv', 'runs'));
    const signed = runs.filter((r) => r.outcome === 'signed');
    expect(signed.length).toBeGreaterThan(0);
    for (const r of signed) expect(Number(r.round)).toBeGreaterThanOrEqual(4);
  });

  it('should count an injected event as one that can fire, and one after the last round as one that cannot', async () => {
    const injected = await outputs(UNSIGNABLE, '-n', '6', '--inject', 'north-drops-four-regions@2');
    expect(injected.json.feasibility!.noRunCanSign).toBe(false);
    expect(injected.json.feasibility!.drops.map((d) => d.by)).toEqual(['north-drops-four-regions']);
    expectAgreement(UNSIGNABLE, injected);
    // the event of round 4 cannot fire in runs of 3 rounds: then no run can sign
    const short = await outputs(UNTIL_DROPPED, '-n', '6', '--rounds', '3');
    expect(short.json.feasibility!.drops).toEqual([]);
    expect(short.json.feasibility!.noRunCanSign).toBe(true);
    expect(signedOf(short.json)).toBe(0);
    expectAgreement(UNTIL_DROPPED, short);
  });
});

describe('outcomes, when only some sets of the events that drop red lines open a package', () => {
  it('should name the smallest sets, each with its packages, and the event that opens none without them', async () => {
    const injects = [
      'south-drops-army-floor@1',
      'north-drops-four-regions@1',
      'north-drops-second@2',
      'south-drops-no-cession@3',
    ];
    const o = await outputs(TWO_WAYS, '-n', '6', ...injects.flatMap((i) => ['--inject', i]));
    const f = o.json.feasibility!;
    expect(f.feasibleAtStart).toBe(0);
    expect(f.noRunCanSign).toBe(false);
    // as the fixture is built: South's drop alone, or North's two together; the army floor is outside the conflict
    expect(f.openers!.map((x) => x.by)).toEqual([
      ['south-drops-no-cession'],
      ['north-drops-four-regions', 'north-drops-second'],
    ]);
    expectAgreement(TWO_WAYS, o);
    const [south, north] = f.openers!;
    const text = flat(o.text);
    expect(text).toContain(
      `A run can sign only once one of these has fired: south-drops-no-cession (drops South's red line no-cession), which opens ${count(south!.feasible, 'package')}; or north-drops-four-regions (drops North's red line all-four-regions) and north-drops-second (drops North's red line four-regions-ceded) together, which open ${count(north!.feasible, 'package')}.`,
    );
    expect(text).toContain(
      "south-drops-army-floor (drops South's red line army-floor) opens none without one of these;",
    );
  });
});

describe('the events that can drop a red line of the conflict, in words', () => {
  it('should name each event once, with every red line it drops', () => {
    const s = openScenario(UNSIGNABLE);
    const f: Signability = {
      feasibleAtStart: 0,
      drops: [
        { actor: 'north', redLine: 'all-four-regions', by: 'both' },
        { actor: 'south', redLine: 'no-cession', by: 'both' },
        { actor: 'south', redLine: 'army-floor', by: 'floor' },
      ],
      feasibleAfterDrops: 1,
      noRunCanSign: false,
      conflicts: [],
      conflictSearch: null,
      openers: null,
    };
    expect(flat(signableLines(s, f, [], palette(memoryIo())).join('\n'))).toContain(
      "A run can sign only after one of these fires: both (drops North's red line all-four-regions and South's red line no-cession), floor (drops South's red line army-floor);",
    );
  });
});

describe('merge of a sharded run', () => {
  it('should print the same feasibility, byte for byte, as the unsharded run', async () => {
    for (const scenario of ['ukraine-peace', UNTIL_DROPPED]) {
      const base = ['outcomes', scenario, '-n', '4'];
      const files: string[] = [];
      for (let i = 0; i < 2; i++) {
        const file = join(dir, `${scenario.replace(/\W/g, '-')}-${i}.json`);
        await cli(...base, '--shard', `${i}/2`, '--out', file, '--workers', '1');
        files.push(file);
      }
      for (const output of [['--json'], ['--csv'], []])
        expect(await cli('merge', ...files, ...output)).toBe(await cli(...base, ...output, '--workers', '1'));
    }
  });
});
