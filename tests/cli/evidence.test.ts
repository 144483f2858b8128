// The evidence commands as a user runs them: calibrate, hinges, --prior record, and the "rests on" sections of
// run, show, report and analyze.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { restsOnLines } from '../../src/report/evidence.ts';
import { ROOT } from '../helpers.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const CONFLICT = resolve(ROOT, 'tests/fixtures/evidence/conflict.yaml');
const dir = mkdtempSync(join(tmpdir(), 'peacesim-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peacesim calibrate', () => {
  it("should list the tutorial's record, find it consistent and say which verdict the model decides", async () => {
    const r = await cli(['calibrate', 'tutorial-bilateral', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.consistent).toBe(true);
    expect(j.record.map((e: { id: string }) => e.id)).toEqual([
      'north-tables-its-terms',
      'south-rejects-north-terms',
    ]);
    expect(j.record[0]).toEqual({
      id: 'north-tables-its-terms',
      actor: 'north',
      document: 'north-opening',
      reaction: 'accept',
      date: '2024-06-14',
      sources: ['putin-2024'],
      basis: 'stated',
    });
    expect(j.conflicts).toEqual([]);
    expect(Object.keys(j.actors)).toEqual(['north', 'south']);
    // South's guarantee weight ranges over [2, 4] beside 9 for its other issues: g/(9 + g), from 2/11 to 4/13
    const [lo, hi] = j.actors.south.weights.guarantee;
    expect(lo).toBeCloseTo(2 / 11, 9);
    expect(hi).toBeCloseTo(4 / 13, 9);
    expect(j.actors.south.explainedByRedLine).toEqual(['south-rejects-north-terms']);
    const mediator = j.documents.find((d: { id: string }) => d.id === 'mediator-text');
    expect(mediator.verdicts.south.verdict).toBe('depends');
    expect(mediator.verdicts.north).toMatchObject({ verdict: 'accepts', decidedBy: 'ranges' });
    const again = await cli(['calibrate', 'tutorial-bilateral', '--json']);
    expect(again.stdout).toBe(r.stdout);
    const words = await cli(['calibrate', 'tutorial-bilateral']);
    expect(words.stdout).toContain('explained by a red line: says nothing about its weights');
    expect(words.stdout).toMatch(/South \(stylised Ukraine\)\s+depends .* the modeller's numbers decide/);
  });

  it('should report a conflicting record with its sources, and still calibrate the other actor', async () => {
    const r = await cli(['calibrate', CONFLICT, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.consistent).toBe(false);
    expect(j.conflicts.map((c: { id: string; sources: string[] }) => [c.id, c.sources])).toEqual([
      ['south-accepts-mediator', ['hegseth-2025']],
      ['south-rejects-mediator', ['putin-2024']],
    ]);
    expect(j.actors.south.consistent).toBe(false);
    expect(j.actors.north.consistent).toBe(true);
    expect(j.actors.north.pointInside).toBe(true);
    const words = await cli(['calibrate', CONFLICT]);
    expect(words.stdout).toContain('The record does not hold together for South (stylised Ukraine)');
  });

  it('should list every recorded reaction of the default scenario, and find them consistent or say which conflict', async () => {
    const r = await cli(['calibrate', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenario.id).toBe('ukraine-peace');
    expect(j.record.length).toBeGreaterThanOrEqual(12);
    for (const e of j.record) expect(e.sources.length).toBeGreaterThan(0);
    if (!j.consistent) for (const c of j.conflicts) expect(c.sources.length).toBeGreaterThan(0);
    else expect(j.conflicts).toEqual([]);
  });

  it('should refuse --out without --json, as every command does', async () => {
    const r = await cli(['calibrate', 'tutorial-bilateral', '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
  });
});

describe('peacesim hinges', () => {
  it('should print JSON naming each item with its basis, and count the runs it made', async () => {
    const r = await cli(['hinges', 'tutorial-bilateral', '--json', '--max-size', '2']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.outcome.outcome).toBe('signed');
    expect(j.outcome.sizes.map((c: { size: number }) => c.size)).toEqual([1, 2]);
    expect(j.outcome.tried).toBe(j.outcome.sizes.reduce((t: number, c: { tried: number }) => t + c.tried, 0));
    const mediator = j.documents.find((d: { id: string }) => d.id === 'mediator-text');
    expect(mediator.agreementHinges).toEqual([['reservation:south']]);
    expect(j.items['reservation:south']).toMatchObject({ basis: 'assumption' });
    for (const h of j.outcome.hinges) for (const id of h.items) expect(j.items[id]).toBeDefined();
  });

  it('should stop at --budget and say that not every set was tried', async () => {
    const r = await cli(['hinges', 'tutorial-bilateral', '--budget', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not every set was tried: raise --budget to finish');
  });
});

describe('a contested text tabled by --inject', () => {
  // the outcome turns on the variant of a text only the manual event table-d tables
  const FIXTURE = resolve(ROOT, 'tests/fixtures/hinges/inject-variant.yaml');
  const INJECT = ['--inject', 'table-d@1'];

  it('should be what the run rests on with the inject, and not tried without it', async () => {
    const with_ = JSON.parse((await cli(['run', FIXTURE, ...INJECT, '--json'])).stdout).restsOn;
    expect(
      with_.items.map((x: { id: string; outcomeIfReversed: string }) => [x.id, x.outcomeIfReversed]),
    ).toEqual([['variant:d:x:1', 'stalemate']]);
    // without it, the one choice tried is who proposes first, which changes nothing here
    const without = JSON.parse((await cli(['run', FIXTURE, '--json'])).stdout).restsOn;
    expect([without.tried, without.items]).toEqual([1, []]);
    const words = (await cli(['run', FIXTURE, ...INJECT])).stdout;
    expect(words).toContain(
      '[reading] The contested text: X as a recorded variant has it (A → B) — reversed alone, the run ends in stalemate',
    );
  });

  it("should be among hinges' sets with the inject, which its output names, and not without", async () => {
    const r = await cli(['hinges', FIXTURE, ...INJECT, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.injects).toEqual([{ event: 'table-d', round: 1 }]);
    expect(j.outcome.hinges).toEqual([{ items: ['variant:d:x:1'], outcome: 'stalemate' }]);
    const without = JSON.parse((await cli(['hinges', FIXTURE, '--json'])).stdout);
    expect(without.injects).toBeUndefined();
    expect([without.outcome.outcome, without.outcome.hinges, without.outcome.tried]).toEqual([
      'signed',
      [],
      1,
    ]);
    const words = (await cli(['hinges', FIXTURE, ...INJECT])).stdout;
    expect(words).toContain('  injects: P tables the contested text in round 1\n  → stalemate: [reading]');
  });

  it('should refuse an inject of hinges that is no manual event, or past the last round', async () => {
    const unknown = await cli(['hinges', FIXTURE, '--inject', 'nope@1']);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'peacesim: --inject: unknown manual event "nope"; valid manual events: table-d\n',
    ]);
    const late = await cli(['hinges', FIXTURE, '--inject', 'table-d@2']);
    expect([late.code, late.stderr]).toEqual([2, 'peacesim: --inject table-d@2: the run has 1 rounds\n']);
  });
});

describe('--prior record', () => {
  it('should give the same bytes for the same seed on sweep, and say what the draws reproduce', async () => {
    const a = await cli(['sweep', 'tutorial-bilateral', '-n', '300', '--prior', 'record', '--json']);
    const b = await cli(['sweep', 'tutorial-bilateral', '-n', '300', '--prior', 'record', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({ prior: 'record', reactions: ['north-tables-its-terms'], setAside: [] });
    const words = await cli(['sweep', 'tutorial-bilateral', '-n', '50', '--prior', 'record']);
    expect(words.stdout).toContain('prior: the record');
  });

  it('should say, when no reaction constrains the ranges, that the draws are uniform in them', async () => {
    for (const id of ['istanbul-2022', 'tutorial-bilateral']) {
      const j = JSON.parse((await cli(['sweep', id, '-n', '5', '--prior', 'record', '--json'])).stdout);
      const words = (await cli(['sweep', id, '-n', '5', '--prior', 'record'])).stdout.replace(/\n/g, ' ');
      const n = j.reactions.length;
      expect(words.includes('no reaction of it constrains the ranges')).toBe(n === 0);
      expect(words.includes(`reproduce its ${n} constraining reaction`)).toBe(n > 0);
      expect(words).not.toContain('its 0 constraining');
    }
  });

  it('should run outcomes on record draws, and refuse a scenario with no record', async () => {
    const r = await cli(['outcomes', 'tutorial-bilateral', '-n', '4', '--prior', 'record', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).prior).toBe('record');
    // the same bytes on one thread or two: each draw is a pure function of the seed and its index
    const onWorkers = (n: string) =>
      cli(['outcomes', 'tutorial-bilateral', '-n', '8', '--prior', 'record', '--json', '--workers', n]);
    const one = await onWorkers('1');
    const two = await onWorkers('2');
    expect(two.stdout).toBe(one.stdout);
    const none = await cli(['sweep', 'divide-the-surplus', '-n', '5', '--prior', 'record']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/--prior record: .* has no record/);
    const bad = await cli(['sweep', 'tutorial-bilateral', '--prior', 'hunch']);
    expect(bad.code).toBe(2);
  });
});

describe('the outcome rests on', () => {
  it('should end run, show and the report with the section, and carry it in run --json', async () => {
    const words = await cli(['run', 'tutorial-bilateral']);
    const tail = words.stdout.trimEnd().split('\n');
    expect(tail.findLast((l) => l.startsWith('The outcome rests on:'))).toBeDefined();
    expect(tail.at(-1)).toMatch(/readings and assumptions reversed one at a time|One run per reversal/);
    const save = join(dir, 'tutorial.json');
    const json = await cli(['run', 'tutorial-bilateral', '--json', '--save', save]);
    const j = JSON.parse(json.stdout);
    expect(j.restsOn).toMatchObject({ computed: true, outcome: j.outcome });
    expect(j.restsOn.tried).toBeGreaterThan(0);
    const show = await cli(['show', 'tutorial-bilateral']);
    expect(show.stdout).toContain('The outcome rests on:');
    const report = await cli(['report', save]);
    expect(report.stdout).toContain('## The outcome rests on:');
    expect(report.stdout.indexOf('## The outcome rests on:')).toBeGreaterThan(
      report.stdout.indexOf('## Sources'),
    );
    expect(readFileSync(save, 'utf8')).not.toContain('restsOn');
  });

  // the words and --json say the same: an empty list is "no reading or assumption alone changes it"
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  /** the section, up to the list of the sources the run cites that follows it */
  const restsOnSection = (words: string) =>
    words.slice(words.lastIndexOf('The outcome rests on:')).split(' Sources cited ')[0]!;
  it('should say plainly, on the default scenario, that no reading or assumption alone changes its stalemate', async () => {
    const j = JSON.parse((await cli(['run', '--json'])).stdout);
    expect(j.outcome).toBe('stalemate');
    expect(j.restsOn).toMatchObject({ computed: true, outcome: 'stalemate', items: [], fixedStrategies: [] });
    const words = flat((await cli(['run'])).stdout);
    const section = restsOnSection(words);
    expect(section).toContain(
      `No reading or assumption alone changes it: with any one of the ${j.restsOn.tried} reversible ones reversed, the run still ends in stalemate.`,
    );
    expect(section).toContain(
      `and on the ${j.restsOn.unranged} weights and values of no deal given without a range`,
    );
    expect(section).not.toMatch(/\[(reading|assumption)\]/);
  });

  it('should not say an outcome rests on what actors stated when no actor stated anything', async () => {
    // divide-the-surplus is the modeller's throughout: no basis in its file is `stated`
    expect(readFileSync(resolve(ROOT, 'scenarios/divide-the-surplus.yaml'), 'utf8')).not.toMatch(
      /basis:\s*stated/,
    );
    const j = JSON.parse((await cli(['run', 'divide-the-surplus', '--json'])).stdout);
    expect(j.restsOn).toMatchObject({ computed: true, items: [], stated: 0 });
    expect(j.restsOn.tried).toBeGreaterThan(0);
    for (const command of ['run', 'show']) {
      const section = restsOnSection(flat((await cli([command, 'divide-the-surplus'])).stdout));
      expect(section).not.toContain('what actors stated');
      expect(section).toContain(
        `it rests on the ${j.restsOn.unranged} weights and values of no deal given without a range`,
      );
    }
    // where actors stated something, the words still say so
    const d = JSON.parse((await cli(['run', '--json'])).stdout);
    expect(d.restsOn.stated).toBeGreaterThan(0);
    expect(restsOnSection(flat((await cli(['run'])).stdout))).toContain('it rests on what actors stated');
  });

  it('should list each reading or assumption that alone changes a signing, as --json does', async () => {
    const file = resolve(ROOT, 'docs/examples/blame-without-refusal.yaml');
    const j = JSON.parse((await cli(['run', file, '--json'])).stdout);
    expect(j.outcome).toBe('signed');
    expect(j.restsOn.items.length).toBeGreaterThan(0);
    const words = flat((await cli(['run', file])).stdout);
    const section = restsOnSection(words);
    expect(section).not.toContain('No reading or assumption alone');
    const ends: Record<string, string> = {
      signed: 'in an agreement',
      'signed-ratified': 'in an agreement that clears its ratification at home',
      'signed-unratified': 'in an agreement that falls short of its ratification at home',
      stalemate: 'in stalemate',
      collapsed: 'in collapse',
    };
    for (const x of j.restsOn.items)
      expect(section).toContain(
        `[${x.basis}] ${x.label} — reversed alone, the run ends ${ends[x.outcomeIfReversed]}`,
      );
    expect(section.match(/\[(reading|assumption)\]/g)).toHaveLength(j.restsOn.items.length);
  });

  it('should say which positions of the run rest on sources dated after it, as --json lists them', async () => {
    const j = JSON.parse((await cli(['run', 'istanbul-2022', '--json'])).stdout);
    const s = openScenario('istanbul-2022');
    const expected = appliedBeforeRecord(s, s.date);
    expect(expected.length).toBeGreaterThan(0);
    expect(j.restsOn.beforeRecord.date).toBe(s.date);
    expect(
      j.restsOn.beforeRecord.positions.map((x: { actorName: string }) => {
        const { actorName, actorInSentence, ...rest } = x as {
          actorName: string;
          actorInSentence: string;
        } & Record<string, unknown>;
        expect(actorName).toBe(s.actors.find((a) => a.id === rest.actor)!.name);
        expect(actorInSentence).toBe(nameInSentence(s.actors.find((a) => a.id === rest.actor)!));
        return rest;
      }),
    ).toEqual(expected);
    const section = restsOnSection(flat((await cli(['run', 'istanbul-2022'])).stdout));
    for (const a of s.actors) {
      const mine = expected.filter((x) => x.actor === a.id);
      const lines = mine.filter((x) => x.kind === 'redLine').length;
      const prefs = mine.length - lines;
      if (lines) expect(section).toContain(`${a.name}'s ${lines} red line${lines === 1 ? '' : 's'}`);
      if (prefs)
        expect(section).toMatch(new RegExp(`${a.name}'s (\\d+ red lines? and )?${prefs} preference`));
    }
    expect(section).toContain(
      'rest on no source dated on or before that date (their earliest sources are later)',
    );
    // every one carries the scenario's reason, and the words say so
    expect(expected.every((x) => x.heldEarlier !== undefined)).toBe(true);
    expect(section).toContain('gives its reason for each (heldEarlier)');
    // where every position is on the record of the run's date, nothing is said
    const bilateral = await cli(['run', 'tutorial-bilateral', '--json']);
    expect(JSON.parse(bilateral.stdout).restsOn.beforeRecord.positions).toEqual([]);
    expect((await cli(['run', 'tutorial-bilateral'])).stdout).not.toContain(
      'Of the positions it is judged by',
    );
  });

  it('should name what it cannot reverse: nothing reversible, strategies chosen for the run', () => {
    const none = restsOnLines({
      computed: true,
      outcome: 'signed',
      items: [],
      tried: 0,
      unranged: 0,
      unrangedThresholds: 0,
      stated: 1,
      fixedStrategies: [],
      beforeRecord: { date: '2025-01-01', positions: [] },
    });
    expect(none[1]).toBe(
      '  No reading or assumption here has a reversal to try: the run ends in an agreement on what actors stated.',
    );
    expect(none).toHaveLength(2);
    const chosen = restsOnLines({
      computed: true,
      outcome: 'stalemate',
      items: [],
      tried: 4,
      unranged: 2,
      unrangedThresholds: 0,
      stated: 1,
      fixedStrategies: ['a'],
      beforeRecord: { date: '2025-01-01', positions: [] },
    });
    expect(chosen[1]).toContain(
      'it rests on what actors stated, the strategies chosen for this run and on the 2 weights',
    );
    expect(chosen[2]).toContain('nor a strategy chosen for this run');
  });

  it('should count in the singular when one thing was reversed, or one number has no range', () => {
    const one = restsOnLines({
      computed: true,
      outcome: 'stalemate',
      items: [],
      tried: 1,
      unranged: 1,
      unrangedThresholds: 0,
      stated: 1,
      fixedStrategies: [],
      beforeRecord: { date: '2025-01-01', positions: [] },
    });
    expect(one[1]).toBe(
      '  No reading or assumption alone changes it: with the only reversible one reversed, the run still ends in stalemate. So, one change at a time, it rests on what actors stated and on the 1 weight or value of no deal given without a range (nothing to reverse it to).',
    );
    const flips = restsOnLines({
      computed: true,
      outcome: 'stalemate',
      items: [{ id: 'x', label: 'X', basis: 'reading', sources: [], outcomeIfReversed: 'signed-ratified' }],
      tried: 1,
      unranged: 0,
      unrangedThresholds: 0,
      stated: 1,
      fixedStrategies: [],
      beforeRecord: { date: '2025-01-01', positions: [] },
    });
    expect(flips.at(-1)).toBe(
      '  (The only reading or assumption reversed, in one run; what actors stated is not reversed. peacesim hinges looks for pairs and triples.)',
    );
    const two = restsOnLines({
      computed: true,
      outcome: 'stalemate',
      items: [],
      tried: 2,
      unranged: 1,
      unrangedThresholds: 1,
      stated: 1,
      fixedStrategies: [],
      beforeRecord: { date: '2025-01-01', positions: [] },
    });
    expect(two[1]).toContain('with any one of the 2 reversible ones reversed');
    expect(two[1]).toContain(
      'on the 1 weight or value of no deal and the 1 ratification threshold given without a range (nothing to reverse them to)',
    );
  });

  it('should give analyze an Evidence section and --json an evidence key', async () => {
    const j = JSON.parse((await cli(['analyze', 'tutorial-bilateral', '--json'])).stdout);
    expect(j.evidence.record).toMatchObject({ recorded: 2, consistent: true });
    expect(j.evidence.documents.map((d: { id: string }) => d.id)).toEqual(['north-opening', 'mediator-text']);
    const words = await cli(['analyze', 'tutorial-bilateral']);
    expect(words.stdout).toContain('Evidence');
  });

  it('should mark [reading] each verdict the record settles on inferred reactions, as --json does', async () => {
    const j = JSON.parse((await cli(['analyze', 'ukraine-peace', '--json'])).stdout);
    const rec = j.evidence.record;
    expect(rec.readings).toBeGreaterThan(0);
    const words = (await cli(['analyze', 'ukraine-peace'])).stdout.replace(/\s+/g, ' ');
    const section = words.slice(words.indexOf('recorded reactions'));
    expect(section).toContain(`(${rec.readings} of them readings — inferred, not said;`);
    let marked = 0;
    for (const d of rec.documents)
      for (const v of d.verdicts)
        if (v.decidedBy === 'record') {
          const reading = j.evidence.record && v.onReadings;
          if (reading) marked++;
          const line = section.slice(section.indexOf(`${d.title} (${d.date})`));
          expect(line.slice(0, 600)).toContain(`${v.name} ${v.verdict}${reading ? ' [reading]' : ''}`);
        }
    expect(marked).toBeGreaterThan(0);
  });
});
