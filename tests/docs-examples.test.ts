// What the docs say the program prints and computes, checked against the program as it is: the example outputs a
// page introduces in words rather than with "$ peacesim …" (docs.test.ts checks those), and the numbers the pages
// state about the shipped scenarios — counts, outcomes, rounds — each read from the page and compared with the
// program's --json. A page that drifts from the program fails here, naming the page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.ts';
import { run } from '../src/cli/program.ts';
import { recoveryNote } from '../src/cli/recovery.ts';
import { openScenario } from '../src/cli/scenarios.ts';
import type { Scenario } from '../src/domain/types.ts';
import { readTextFile } from '../src/scenario/include.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { GLOBAL_KEYS, KEY_TABLES } from '../src/ui/keys.ts';
import { blockAfter, missingLines, page } from './doc-quotes.ts';
import { ROOT } from './helpers.ts';

/** peacesim in-process: its exit code and everything it printed. */
async function peacesim(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), all: io.stdout() + io.stderr() };
}

// biome-ignore lint/suspicious/noExplicitAny: the shape of each command's --json is checked where it is read
async function json(...argv: string[]): Promise<any> {
  const r = await peacesim(...argv, '--json');
  expect(r.code, r.all).toBe(0);
  return JSON.parse(r.stdout);
}

/** A number the page states, by a pattern with one group; the page must still state it. */
function stated(file: string, pattern: RegExp): string {
  const m = pattern.exec(page(file).replace(/\s+/g, ' '));
  expect(m, `${file} no longer says ${pattern}`).not.toBeNull();
  return m![1]!;
}

/** The page still says `words` (whitespace aside). */
function says(file: string, words: string) {
  expect(page(file).replace(/\s+/g, ' '), `${file} no longer says "${words}"`).toContain(words);
}

const work = mkdtempSync(join(tmpdir(), 'peacesim-docs-examples-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the example outputs the docs introduce in words', () => {
  const examples: { file: string; marker: string; argv: string[] }[] = [
    {
      file: 'docs/run.md',
      marker: '`peacesim run tutorial-bilateral --rounds 4` (',
      argv: ['run', 'tutorial-bilateral', '--rounds', '4'],
    },
    { file: 'docs/run.md', marker: 'In `28-point-path` the Geneva', argv: ['run', '28-point-path'] },
    {
      file: 'docs/briefings.md',
      marker: '`peacesim brief tutorial-bilateral --actor south`',
      argv: ['brief', 'tutorial-bilateral', '--actor', 'south'],
    },
    // a red line applied before its earliest source, marked and its reason listed
    {
      file: 'docs/whatif.md',
      marker: 'give the text that cap:',
      argv: ['whatif', 'istanbul-2022', '--document', 'istanbul-2022-russia', '--set', 'army-cap=250000'],
    },
    {
      file: 'docs/sweep.md',
      marker: 'two red lines reported only from 2024:',
      argv: ['sweep', 'istanbul-2022', '-n', '2000'],
    },
  ];
  for (const { file, marker, argv } of examples)
    it(`should print what ${file} quotes of peacesim ${argv.join(' ')}`, async () => {
      const r = await peacesim(...argv);
      expect(r.code, r.all).toBe(0);
      // the command line the block opens with is the argv above
      const quoted = blockAfter(page(file), marker).filter((l) => !l.startsWith('$ npx peacesim '));
      expect(missingLines(quoted, r.all)).toEqual([]);
    });

  it('should report saved sessions as docs/report.md quotes them', async () => {
    const report = async (...runArgs: string[]) => {
      const session = join(work, `${runArgs[0]!.replace(/\W/g, '-')}.json`);
      expect((await peacesim('run', ...runArgs, '--save', session)).code).toBe(0);
      const r = await peacesim('report', session);
      expect(r.code, r.all).toBe(0);
      return r.all;
    };
    const text = page('docs/report.md');
    const tutorial = await report('tutorial-bilateral', '--rounds', '4');
    expect(
      missingLines(blockAfter(text, '`peacesim run tutorial-bilateral --rounds 4 --save s.json`'), tutorial),
    ).toEqual([]);
    const blame = await report('docs/examples/blame-without-refusal.yaml');
    expect(missingLines(blockAfter(text, 'On [docs/examples/blame-without-refusal.yaml]'), blame)).toEqual(
      [],
    );
    expect(missingLines(blockAfter(text, 'and round 3 says why its event fired:'), blame)).toEqual([]);
    expect(
      missingLines(
        blockAfter(text, 'A stalemate of `ukraine-peace` gives the tally'),
        await report('ukraine-peace'),
      ),
    ).toEqual([]);
  });

  it('should sign docs/examples/blame-without-refusal.yaml in the round docs/report.md gives', async () => {
    const round = stated(
      'docs/report.md',
      /blame-without-refusal\.yaml --save s\.json`, signed in round (\d+)\)/,
    );
    const r = await json('run', 'docs/examples/blame-without-refusal.yaml');
    expect([r.outcome, r.rounds]).toEqual(['signed', Number(round)]);
  });

  it('should print the header of outcomes --csv runs that docs/export.md gives', async () => {
    const quoted = blockAfter(
      page('docs/export.md'),
      'The header of `peacesim outcomes istanbul-2022 --csv runs`',
    );
    const r = await peacesim('outcomes', 'istanbul-2022', '-n', '1', '--csv', 'runs');
    expect(r.code, r.all).toBe(0);
    expect(quoted[0]).toBe(r.stdout.split('\n')[0]);
  });
});

describe('the numbers docs/scenarios.md states about the shipped scenarios', () => {
  const FILE = 'docs/scenarios.md';

  it('should give each scenario the date, actors, issues and packages that list gives it', async () => {
    const listed: { id: string; date: string; actors: number; issues: number; packages: number }[] =
      await json('list');
    const rows = page(FILE)
      .split('\n')
      .filter((l) => /^\| `[\w-]+` +\|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    const table = new Map(
      rows.filter((c) => /^\d/.test(c[3] ?? '')).map((c) => [c[1]!.replace(/`/g, ''), c]),
    );
    expect([...table.keys()].sort()).toEqual(listed.map((s) => s.id).sort());
    for (const s of listed) {
      const [, , , date, actors, issues, packages] = table.get(s.id)!;
      expect([date, actors, issues, packages], `${FILE}'s row of ${s.id}`).toEqual([
        s.date,
        String(s.actors),
        String(s.issues),
        String(s.packages).replace(/\B(?=(\d{3})+$)/g, ','),
      ]);
    }
  });

  it("should count the default's documents, issues and recorded reactions as the scenario holds them", () => {
    const s = openScenario('ukraine-peace');
    const parties = s.protocol.parties.map((p) => s.actors[p]!.id);
    expect(Number(stated(FILE, /The (\d+) documents run from/))).toBe(s.documents.length);
    expect(Number(stated(FILE, /\*\*Documents \((\d+)\)\.\*\*/))).toBe(s.documents.length);
    expect(Number(stated(FILE, /\*\*Issues \((\d+)\)\.\*\*/))).toBe(s.issues.length);
    expect(Number(stated(FILE, /\*\*The record \((\d+) reactions\)\.\*\*/))).toBe(s.record.length);
    const byParties = s.record.filter((r) => parties.includes(s.actors[r.actor]!.id));
    const [rejects, accepts] = stated(FILE, /(\d+ rejections and \d+) acceptances by the parties/)
      .split(' rejections and ')
      .map(Number);
    expect(byParties.filter((r) => r.reaction === 'reject').length).toBe(rejects);
    expect(byParties.filter((r) => r.reaction === 'accept').length).toBe(accepts);
  });

  it('should end each run as the page says', async () => {
    says(FILE, 'The default run ends in a **stalemate** after 12 rounds');
    says(FILE, 'the run ends in a stalemate. Omit `russia:guarantor-veto`');
    says(
      FILE,
      'Fourteen issues are fixed at the status quo to keep the space small. The run ends in a stalemate',
    );
    says(FILE, 'The run signs in round 7 — without the force.');
    says(FILE, "and the run ends in a stalemate like the default's");
    const outcome = async (id: string) => {
      const r = await json('run', id);
      return [r.outcome, r.rounds];
    };
    expect(await outcome('ukraine-peace')).toEqual(['stalemate', 12]);
    expect((await outcome('istanbul-2022'))[0]).toBe('stalemate');
    expect((await outcome('june-2024-terms'))[0]).toBe('stalemate');
    expect((await outcome('blame-and-pressure'))[0]).toBe('stalemate');
    const triangle = await json('run', 'security-triangle');
    expect([triangle.outcome, triangle.rounds]).toEqual(['signed', 7]);
    expect(triangle.transcript.at(-1).terms['foreign-troops']).not.toBe('reassurance-force');
    says(FILE, 'Its army cap is 700,000: the mediator meets Russia by');
    expect(triangle.transcript.at(-1).terms['army-cap']).toBe(700000);
    says(FILE, 'the mediator meets Russia with a conditional US guarantee instead, at 800,000');
    const coarse = await json('run', 'tests/fixtures/security-triangle-coarse-cap.yaml');
    expect([coarse.outcome, coarse.transcript.at(-1).terms['army-cap']]).toEqual(['signed', 800000]);
    expect(coarse.transcript.at(-1).terms['security-guarantee']).toBe('us-conditional');
    expect(26 - openScenario('june-2024-terms').issues.length).toBe(14);
  });

  it('should find no feasible package where the page says none exists, and the red lines it names broken', async () => {
    expect((await json('analyze', 'ukraine-peace')).feasible.count).toBe(0);
    expect((await json('analyze', 'istanbul-2022')).feasible.count).toBe(0);
    const broken = async (id: string, doc: string, actor: string): Promise<string[]> => {
      const d = (await json('analyze', id)).documents.find((x: { id: string }) => x.id === doc);
      return d.verdicts[actor].violations.map((v: { redLine: string }) => v.redLine);
    };
    says(
      FILE,
      "the 28-point plan breaks Ukraine's `no-withdrawal` (and the reading `no-withdrawal-at-all`) and none of Russia's; the 20-point text breaks none of Ukraine's and three of Russia's",
    );
    expect(await broken('28-point-path', 'us-28-point-plan', 'ukraine')).toEqual([
      'no-withdrawal',
      'no-withdrawal-at-all',
    ]);
    expect(await broken('28-point-path', 'us-28-point-plan', 'russia')).toEqual([]);
    expect(await broken('28-point-path', 'us-ukraine-20-point', 'ukraine')).toEqual([]);
    expect(await broken('28-point-path', 'us-ukraine-20-point', 'russia')).toHaveLength(3);
    says(
      FILE,
      "they break four of Ukraine's red lines at once (five, counting apart Kyiv's words on withdrawal and the model's stricter reading of them), and Ukraine's peace formula breaks four of Russia's",
    );
    const onPutin = await broken('june-2024-terms', 'putin-june-2024', 'ukraine');
    expect(onPutin).toHaveLength(5);
    expect(onPutin).toEqual(
      expect.arrayContaining(['withdrawal-only-by-referendum', 'no-withdrawal-at-all']),
    );
    expect(await broken('june-2024-terms', 'ukraine-peace-formula', 'russia')).toHaveLength(4);
  });

  it('should date the closing of the door as the timeline shows it', async () => {
    const nov2022 = Number(stated(FILE, /\((\d+\.\d) × 10⁹ on\s+15 November 2022\)/)) * 1e9;
    const entries: { date: string; feasible: number }[] = (await json('timeline')).entries;
    const feasible = (date: string) => entries.filter((e) => e.date === date).map((e) => e.feasible);
    expect(Math.round(feasible('2022-11-15')[0]! / 1e8) * 1e8).toBe(nov2022);
    says(
      FILE,
      'with those of every date from June 2024, when Moscow made the Donbas withdrawal its condition, none',
    );
    expect(entries.filter((e) => e.date >= '2024-06-14').every((e) => e.feasible === 0)).toBe(true);
    expect(entries.filter((e) => e.date < '2022-05-01').every((e) => e.feasible === 0)).toBe(true);
    expect(
      entries.filter((e) => e.date > '2022-05-01' && e.date < '2024-06-14').every((e) => e.feasible > 1e9),
    ).toBe(true);
  });
});

describe("docs/scenarios.md's ways to test one of blame-and-pressure's claims about time alone", () => {
  const FILE = 'docs/scenarios.md';
  // a file of one's own beside the docs' examples, read from memory: its include path is the page's
  const own = resolve(ROOT, 'docs/examples/my-blame-and-pressure.yaml');
  const load = (text: string) => loadScenario(own, (f) => (f === own ? text : readTextFile(f)));
  const both = blockAfter(page(FILE), 'To set the claims about time aside');
  const header = both.slice(
    0,
    both.findIndex((l) => l.startsWith('actors:')),
  );
  const drift = (s: Scenario, id: string) => s.actors[s.actorIndex.get(id)!]!.reservation.drift;

  it('should turn both drifts off with the block the page gives, and keep the blame events', () => {
    const r = load(both.join('\n'));
    expect(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; ')).toBe(true);
    if (!r.ok) return;
    expect([drift(r.scenario, 'russia'), drift(r.scenario, 'ukraine')]).toEqual([0, 0]);
    expect(r.scenario.events.map((e) => e.id)).toContain('us-presses-ukraine-when-blamed');
    expect(r.warnings).toEqual([]);
  });

  it('should refuse one drift set to 0 with the other kept, as the page says', () => {
    says(FILE, 'setting one drift to 0 and keeping the other is a validation error');
    const r = load(
      [...header, 'actors:', '  - id: ukraine', '    reservation: { drift: { value: 0 } }'].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      '"russia-drift" is on by default but its counterpart "ukraine-drift" is not (its drift is 0): turn both on, or both off',
    ]);
  });

  it('should keep unequal drifts on as a pair', () => {
    says(FILE, 'give each its own `value` (say 0.01 and 0.002): both stay on, as a pair');
    const r = load(
      [
        ...header,
        'actors:',
        '  - id: russia',
        '    reservation: { drift: { value: 0.01 } }',
        '  - id: ukraine',
        '    reservation: { drift: { value: 0.002 } }',
      ].join('\n'),
    );
    expect(r.ok && [drift(r.scenario, 'russia'), drift(r.scenario, 'ukraine'), r.warnings]).toEqual([
      0.01,
      0.002,
      [],
    ]);
  });

  it('should run one claim alone from the block the page gives, with the warning it quotes', () => {
    const alone = blockAfter(page(FILE), 'To weigh the claims unequally');
    const r = load([...header, ...alone].join('\n'));
    expect(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; ')).toBe(true);
    if (!r.ok) return;
    expect([drift(r.scenario, 'russia'), drift(r.scenario, 'ukraine')]).toEqual([0.005, 0]);
    expect(r.warnings.map((w) => w.path)).toEqual(['actors[russia].reservation.drift']);
    expect(r.warnings[0]!.message).toContain('"russia-drift" acts on one side');
  });
});

describe('the default run as docs/run.md tells it', () => {
  it('should reverse as many choices as the page says, stalemate with each, and keep the text in the rounds it names', async () => {
    const tried = Number(
      stated(
        'docs/run.md',
        /with any one of the (\d+) reversible ones reversed, the run still ends in stalemate/,
      ),
    );
    const r = await json('run', 'ukraine-peace');
    expect([r.restsOn.tried, r.restsOn.items]).toEqual([tried, []]);
    says('docs/run.md', 'as in rounds 3 to 8 of the default run');
    says('docs/run.md', 'as in round 9 of the default run');
    const tabling = (round: number) =>
      r.transcript.find((e: { round: number; phase: string }) => e.round === round && e.phase === 'tabling');
    for (let round = 3; round <= 8; round++) expect(tabling(round).nothingNew, `round ${round}`).toBe(true);
    expect(tabling(9).nothingNew).toBeUndefined();
    expect(tabling(9).undone.length).toBeGreaterThan(0);
  });

  it('should end as the page says with more rounds and with the US walking away', async () => {
    says('docs/run.md', '(`--rounds 20` ends in a stalemate too)');
    says('docs/run.md', '`--inject us-walks-away@3` collapses the talks');
    expect((await json('run', 'ukraine-peace', '--rounds', '20')).outcome).toBe('stalemate');
    expect((await json('run', 'ukraine-peace', '--inject', 'us-walks-away@3')).outcome).toBe('collapsed');
  });
});

describe('a redraft’s mark as docs/run.md quotes it', () => {
  it('should print the indented example of the test file the page names', async () => {
    const text = page('docs/run.md');
    const at = text.indexOf('(`tests/fixtures/june-2024-coalition-mediates.yaml`;');
    expect(at).toBeGreaterThan(-1);
    // a block inside a list item is indented, which blockAfter does not read
    const block = /^ *```[a-z]*\n([\s\S]*?)^ *```/m.exec(text.slice(at))![1]!.split('\n');
    const r = await peacesim('run', 'tests/fixtures/june-2024-coalition-mediates.yaml');
    expect(r.code, r.all).toBe(0);
    expect(block.filter((l) => l.trim()).length).toBeGreaterThan(0);
    expect(missingLines(block, r.all)).toEqual([]);
  });
});

describe('run --csv as docs/run.md reads it', () => {
  it('should list the red lines applied before their earliest source where the page says', async () => {
    says(
      'docs/run.md',
      "(`peacesim run istanbul-2022 --csv`: `army-floor` on Ukraine's first answer, `guarantor-veto` on Russia's second)",
    );
    const [header, ...rows] = (await peacesim('run', 'istanbul-2022', '--csv')).stdout.trimEnd().split('\n');
    const at = (name: string) => header!.split(',').indexOf(name);
    const answers = (actor: string) =>
      rows
        .map((r) => r.split(','))
        .filter((r) => r[at('actor')] === actor)
        .map((r) => r[at('red_lines_before_record')]);
    expect(answers('ukraine')[0]).toBe('army-floor');
    expect(answers('russia')[1]).toBe('guarantor-veto');
  });
});

describe('the hinges search on the default scenario as docs/evidence.md counts it', () => {
  it('should try the singles and pairs the page says its default budget reaches, of the sets it says exist', async () => {
    const FILE = 'docs/evidence.md';
    const [singles, pairsTried, pairs] = stated(
      FILE,
      /scenario (all \d+ single choices and \d+ of the \d+) pairs/,
    )
      .match(/\d+/g)!
      .map(Number);
    const all = Number(
      stated(FILE, /triple of the default scenario.s would take (\d+,\d+) runs/).replace(',', ''),
    );
    const sizes: { size: number; candidates: number; tried: number }[] = (await json('hinges')).outcome.sizes;
    expect(sizes.map((s) => [s.candidates, s.tried])).toEqual([
      [singles, singles],
      [pairs, pairsTried],
      [expect.any(Number), 0],
    ]);
    expect(sizes[0]!.candidates + sizes[1]!.candidates + sizes[2]!.candidates).toBe(all);
  });
});

describe('the default scenario as docs/analysis.md works it through', () => {
  const FILE = 'docs/analysis.md';

  it('should size the outcome space, count the checks and quote a durability line as analyze does', async () => {
    const a = await json('analyze', 'ukraine-peace');
    const trillions = Number(stated(FILE, /in the default scenario about (\d+) trillion/));
    expect(Math.round(a.outcomeSpace.size / 1e12)).toBe(trillions);
    expect(a.conflictSearch.checks).toBe(Number(stated(FILE, /the whole search takes (\d+) checks/)));
    const line = stated(FILE, /gets one line, `(durability [^`]+)`/);
    expect(missingLines([line], (await peacesim('analyze', 'ukraine-peace')).all)).toEqual([]);
  });

  it('should find on the dates the page names the feasible count and the conflict it gives', async () => {
    const before = await json('analyze', 'ukraine-peace', '--as-of', '2025-12-01');
    expect(before.feasible.count).toBe(0);
    says(FILE, 'the conflict is therefore two red lines, not three');
    const ids = (r: { conflicts: { members: { id: string }[] }[] }) =>
      r.conflicts.map((c) => c.members.map((m) => m.id));
    expect(ids(before)).toEqual([['donbas-withdrawal', 'no-withdrawal-at-all']]);
    // each side's other reading of its dated position, as the page tells them
    says(FILE, 'with the refusal read as holding earlier, 1 Dec 2025 has the conflict above and the default');
    const refusal = await json('analyze', 'docs/examples/refusal-held-earlier.yaml', '--as-of', '2025-12-01');
    expect(ids(refusal)).toEqual([
      ['donbas-withdrawal', 'no-withdrawal-at-all'],
      ['donbas-withdrawal', 'no-ceasefire-for-referendum', 'no-withdrawal'],
    ]);
    expect(ids(await json('analyze', 'ukraine-peace'))).toEqual([
      ['donbas-withdrawal', 'no-ceasefire-for-referendum', 'no-withdrawal'],
    ]);
    const count = stated(FILE, /Before June 2024 \(`--as-of 2024-01-01`\) ([\d,]+) packages are feasible/);
    const earlier = await json('analyze', 'ukraine-peace', '--as-of', '2024-01-01');
    expect([earlier.feasible.count, earlier.conflicts]).toEqual([Number(count.replace(/,/g, '')), []]);
    says(FILE, 'In spring 2022 (`--as-of 2022-04-01`) the conflict is another one');
    const spring = await json('analyze', 'ukraine-peace', '--as-of', '2022-04-01');
    expect(spring.conflicts.map((c: { members: { id: string }[] }) => c.members.map((m) => m.id))).toEqual([
      ['guarantor-veto', 'binding-guarantees'],
    ]);
  });
});

describe("docs/evidence.md's JSON examples", () => {
  const FILE = 'docs/evidence.md';

  it("should count the tutorial's hinges search as hinges --json does", async () => {
    const h = await json('hinges', 'tutorial-bilateral');
    expect(h.outcome.tried).toBe(
      Number(
        stated(FILE, /"sizes": \[ \{ "size": 1, "candidates": \d+, "tried": \d+ \}, … \], "tried": (\d+)/),
      ),
    );
    expect(h.outcome.sizes[0].candidates).toBe(
      Number(stated(FILE, /"sizes": \[ \{ "size": 1, "candidates": (\d+)/)),
    );
    const doc = h.documents.find((d: { id: string }) => d.id === 'mediator-text');
    expect(doc.tried).toBe(Number(stated(FILE, /"sizes": \[…\] \}, … \}, "tried": (\d+) \} \]/)));
    expect(doc.agreementHinges).toEqual([['reservation:south']]);
  });

  it("should count the default run's reversed and unranged choices as run --json does", async () => {
    const r = (await json('run', 'ukraine-peace')).restsOn;
    expect(r.tried).toBe(Number(stated(FILE, /"tried": (\d+), \/\/ labelled choices reversed/)));
    expect(r.unranged).toBe(Number(stated(FILE, /"unranged": (\d+), \/\/ labelled weights/)));
  });
});

describe('docs/facilitation.md', () => {
  const FILE = 'docs/facilitation.md';

  it('should quote the line the explorer prints on leaving for a session it did not save', () => {
    const [line] = blockAfter(page(FILE), 'the exit prints where it is');
    const file = /its inputs are in (\S+) /.exec(line!)![1]!;
    expect(line).toBe(`peacesim: ${recoveryNote(file)}`);
  });

  it('should list the cheap signals each scenario it names can fire', () => {
    says(
      FILE,
      'cheap signals (two prisoner exchanges, truces to recover the dead, an energy pause, a drawdown near Kyiv;',
    );
    says(
      FILE,
      '`28-point-path`, dated December 2025, neither the exchange of February 2026 nor the energy pause',
    );
    const manual = (id: string) =>
      openScenario(id)
        .events.filter((e) => 'manual' in e.trigger)
        .map((e) => e.id);
    const signals = [
      'pow-exchange-1000',
      'prisoner-exchange-314',
      'truces-for-the-dead',
      'energy-pause-2026',
      'kyiv-drawdown',
    ];
    expect(manual('ukraine-peace')).toEqual(expect.arrayContaining(signals));
    expect(manual('28-point-path')).toEqual(
      expect.arrayContaining(
        signals.filter((e) => !['prisoner-exchange-314', 'energy-pause-2026'].includes(e)),
      ),
    );
    expect(manual('28-point-path')).not.toContain('prisoner-exchange-314');
    expect(manual('28-point-path')).not.toContain('energy-pause-2026');
  });
});

describe('the CSV tables docs/export.md describes', () => {
  const text = page('docs/export.md');
  /** The section of a table: from its heading to the next. */
  const section = (heading: string) => {
    const at = text.indexOf(`### \`${heading}\``);
    expect(at, `docs/export.md has no section ${heading}`).toBeGreaterThan(-1);
    const next = text.indexOf('\n### ', at + 1);
    return text.slice(at, next === -1 ? undefined : next);
  };
  /** A documented column as a pattern: `u_<actor>` stands for u_ and any id. */
  const columnPattern = (name: string) =>
    new RegExp(`^${name.replace(/<[a-z]+>/g, '[\\w-]+').replace(/[()]/g, '\\$&')}$`);
  // each table's heading, and a command line that prints it
  const tables: [string, string][] = [
    ['analyze --csv frontier', 'analyze tutorial-bilateral --csv frontier'],
    ['analyze --csv solutions', 'analyze tutorial-bilateral --csv solutions'],
    ['analyze --csv documents', 'analyze tutorial-bilateral --csv documents'],
    ['analyze --csv zopa', 'analyze tutorial-bilateral --csv zopa'],
    ['analyze --csv feasible', 'analyze tutorial-bilateral --csv feasible --limit 1'],
    // with every optional column: the assumption that negotiators anticipate ratification (last columns, only when on)
    ['sweep --csv', 'sweep tutorial-bilateral -n 5 --csv --anticipate-ratification'],
    ['sweep --csv draws', 'sweep tutorial-bilateral -n 5 --csv draws --anticipate-ratification'],
    ['outcomes --csv', 'outcomes ukraine-peace -n 2 --workers 1 --csv'],
    // with every optional column: the hurdles anticipated (a last column, only when on)
    [
      'outcomes --csv runs',
      'outcomes ukraine-peace -n 2 --workers 1 --csv runs --anticipate-ratification --inject us-walks-away@3',
    ],
    [
      'whatif --csv',
      'whatif tutorial-bilateral --document mediator-text --set guarantee=art5-like --csv --anticipate-ratification',
    ],
    [
      'concessions --csv',
      'concessions tutorial-bilateral --document north-opening --csv --anticipate-ratification',
    ],
    // with a manual event injected (tutorial-bilateral has none manual: ukraine-peace's), for the inject column
    ['run --csv', 'run ukraine-peace --rounds 2 --csv --anticipate-ratification --inject us-walks-away@2'],
  ];
  for (const [heading, line] of tables)
    it(`should name every column of ${heading}, and print every column its table lists`, async () => {
      const body = section(heading);
      const argv = line.split(' ');
      const documented = [...body.matchAll(/`([a-z][a-z_]*(?:<[a-z]+>[a-z_]*)?|<[a-z]+>)`/g)].map(
        (m) => m[1]!,
      );
      const r = await peacesim(...argv);
      expect(r.code, r.all).toBe(0);
      const header = r.stdout.split('\n')[0]!.split(',');
      const issues = new Set(openScenario(argv[1]!).issues.map((i) => i.id));
      const undocumented = header.filter(
        (c) =>
          !(issues.has(c) && documented.includes('<issue>')) &&
          !documented.some((d) => columnPattern(d).test(c)),
      );
      expect(undocumented, `docs/export.md's ${heading} does not describe these columns`).toEqual([]);
      // the rows of a "| column | meaning |" table name columns only
      const listed = [...body.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((m) =>
        [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!),
      );
      const absent = listed.filter(
        (d) =>
          d !== 'column' &&
          !header.some((c) => columnPattern(d).test(c) || (d === '<issue>' && issues.has(c))),
      );
      expect(absent, `docs/export.md's ${heading} lists columns it does not print`).toEqual([]);
    });
});

describe('docs/genius.md', () => {
  it("should show the employer's salary preference and the conventions as the import writes them", async () => {
    const out = join(work, 'job-offer.yaml');
    const fixture = (name: string) => `tests/fixtures/genius/${name}.xml`;
    const r = await peacesim(
      'import',
      'genius',
      fixture('job_domain'),
      fixture('employer'),
      fixture('candidate'),
      '-o',
      out,
    );
    expect(r.code, r.all).toBe(0);
    const written = readFileSync(out, 'utf8');
    const text = page('docs/genius.md');
    expect(written).toContain(blockAfter(text, "The employer's salary preference comes out as").join('\n'));
    const conventions = blockAfter(text, 'the conventions:').filter((l) => l !== '');
    expect(missingLines(conventions, written)).toEqual([]);
  });
});

describe('docs/sweep.md on whose positions judge', () => {
  const FILE = 'docs/sweep.md';

  it("should print the lines the page quotes, and break the EU's red line on the 28-point plan in a sweep only", async () => {
    const own = await peacesim('sweep', 'ukraine-peace', '-n', '20', '-d', 'us-28-point-plan');
    const quoted = stated(FILE, /the text says so under the uncertain numbers: "([^"]+)"/);
    expect(missingLines([quoted], own.all)).toEqual([]);
    says(
      FILE,
      "the EU's red line on the immobilised assets, for one, breaks the US 28-point plan in a sweep of ukraine-peace but not in `analyze`",
    );
    const sweep = await json('sweep', 'ukraine-peace', '-n', '20', '-d', 'us-28-point-plan');
    const eu = sweep.documents[0].actors.find((a: { actor: string }) => a.actor === 'eu');
    expect(eu.violations.length).toBeGreaterThan(0);
    const analyzed = (await json('analyze', 'ukraine-peace')).documents.find(
      (d: { id: string }) => d.id === 'us-28-point-plan',
    );
    expect(analyzed.verdicts.eu.violations).toEqual([]);
    const later = await peacesim(
      'sweep',
      'ukraine-peace',
      '-n',
      '20',
      '-d',
      'us-28-point-plan',
      '--as-of',
      '2027-01-01',
    );
    const outside = stated(FILE, /but the line says it lies outside \("([^"]+)"\)/);
    expect(missingLines([outside], later.all)).toEqual([]);
  });
});

describe("docs/scenarios.md on Ukraine's referendum", () => {
  const FILE = 'docs/scenarios.md';

  it('should give the worth to Ukraine of the texts the threshold is set against as analyze does', async () => {
    const docs: {
      id: string;
      date: string;
      tabledBy: string;
      ratification: unknown;
      verdicts: { ukraine: { utility: number } };
    }[] = (await json('analyze', 'ukraine-peace')).documents;
    const s = openScenario('ukraine-peace');
    const donetsk = s.issues.findIndex((i) => i.id === 'donetsk');
    const termOf = (id: string) => {
      const d = s.documents.find((x) => x.id === id)!;
      return s.issues[donetsk]!.options[d.package[donetsk]!]!.id;
    };
    const range = (ds: typeof docs) => {
      const us = ds.map((d) => d.verdicts.ukraine.utility);
      return `${Math.min(...us).toFixed(2)}–${Math.max(...us).toFixed(2)}`;
    };
    const withdrawal = docs.filter((d) => d.ratification !== null && d.tabledBy !== 'russia');
    expect(withdrawal.map((d) => d.id).sort()).toEqual(['geneva-framework', 'us-28-point-plan']);
    expect(range(withdrawal)).toBe(stated(FILE, /demilitarised zone\) are worth (\S+) to Ukraine/));
    const line = docs.filter((d) => d.date >= '2025' && termOf(d.id) === 'contact-line');
    expect(range(line)).toBe(stated(FILE, /that keep the line in Donetsk where it is (\S+)\./));
    const above = Number(stated(FILE, /than all but (\d+) of the \d+ tabled texts/));
    expect(docs.filter((d) => d.verdicts.ukraine.utility > 0.7)).toHaveLength(above);
    expect(Number(stated(FILE, /than all but \d+ of the (\d+) tabled texts/))).toBe(docs.length);
    says(FILE, 'the 28-point plan and the Geneva framework (a demilitarised zone) at 0.512 and 0.543');
    expect(withdrawal.map((d) => d.verdicts.ukraine.utility.toFixed(3)).sort()).toEqual(['0.512', '0.543']);
  });
});

describe("docs/scenarios.md on where the default's record ends", () => {
  const FILE = 'docs/scenarios.md';
  const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  /** "18 February 2026" as the scenario writes it, 2026-02-18 */
  const iso = (words: string) => {
    const [day, month, year] = words.split(' ');
    const m = MONTHS.indexOf(month!) + 1;
    expect(m, `${FILE}: "${words}" is not a date`).toBeGreaterThan(0);
    return `${year}-${String(m).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  };

  it('should give the date and recordEnds the scenario holds, and nothing in it should be dated later', async () => {
    const listed: { id: string; date: string; recordEnds: string | null }[] = await json('list');
    const s = listed.find((x) => x.id === 'ukraine-peace')!;
    const kept = iso(stated(FILE, /`date` and `recordEnds` stay at (\d{1,2} [A-Z][a-z]+ \d{4})/));
    expect([s.date, s.recordEnds]).toEqual([kept, kept]);
    expect(iso(stated(FILE, /The situation is that of (\d{1,2} [A-Z][a-z]+ \d{4})/))).toBe(kept);
    // "nothing after the Geneva round is modelled": no source, document or reaction is dated after the record's end
    const sources: { id: string; date?: string }[] = (await json('sources', 'ukraine-peace')).sources;
    expect(sources.filter((x) => x.date !== undefined && x.date > kept).map((x) => x.id)).toEqual([]);
    const scenario = openScenario('ukraine-peace');
    expect(scenario.documents.filter((d) => d.date > kept).map((d) => d.id)).toEqual([]);
    expect(scenario.record.filter((r) => r.date > kept).map((r) => r.id)).toEqual([]);
  });
});

describe("docs/scenarios.md's istanbul-2022", () => {
  it('should open a zone of agreement when russia:guarantor-veto is omitted, as the page says', async () => {
    says('docs/scenarios.md', 'Omit `russia:guarantor-veto` and a zone of agreement appears');
    const file = join(work, 'istanbul-without-veto.yaml');
    writeFileSync(
      file,
      `include: ${resolve('scenarios/istanbul-2022.yaml')}\nid: istanbul-without-veto\ntitle: t\nsummary: s\nomit:\n  redLines: ["russia:guarantor-veto"]\n`,
    );
    expect((await json('analyze', file)).feasible.count).toBeGreaterThan(0);
  });
});

describe("docs/tui.md's table of keys", () => {
  // the rows of the table, by the screen in its first column (an empty first column continues the row above)
  const rows = new Map<string, string>();
  let where = '';
  for (const line of page('docs/tui.md').split('\n')) {
    const cells = /^\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|/.exec(line);
    if (!cells || cells[2] === 'key' || cells[2]!.startsWith('---')) continue;
    if (cells[1]!.trim() !== '') where = cells[1]!.trim();
    rows.set(where, `${rows.get(where) ?? ''} ${cells[2]!.replace(/`/g, '')}`);
  }
  const words = (text: string) => new Set(text.split(/[\s,()]+/).filter((w) => w !== ''));
  const screens: [string, readonly { keys: string }[], string[]][] = [
    ['everywhere', GLOBAL_KEYS, []],
    ['overview', KEY_TABLES.overview, []],
    ['scenario summary', KEY_TABLES.summary, []],
    ['timeline', KEY_TABLES.timeline, []],
    ['scenario picker', KEY_TABLES.picker, []],
    ['evidence', KEY_TABLES.evidence, []],
    ['sandbox', KEY_TABLES.sandbox, []],
    ['issue', KEY_TABLES.issue, []],
    ['analysis', KEY_TABLES.analysis, []],
    ['play setup', KEY_TABLES.setup, []],
    ['play', KEY_TABLES.play, []],
    ["a team's turn", [...KEY_TABLES.turn, ...KEY_TABLES.asks], []],
    // "as the sandbox"
    ['term editor', KEY_TABLES.terms, ['sandbox']],
    ['inject list', KEY_TABLES.prompt, []],
    ['file name (s, f, w)', KEY_TABLES.file, []],
    ['outcome', KEY_TABLES.outcome, []],
    ['help', KEY_TABLES.help, []],
  ];
  for (const [screen, bindings, also] of screens)
    it(`should list every key of the ${screen} screen`, () => {
      const shown = words([screen, ...also].map((s) => rows.get(s) ?? '').join(' '));
      const missing = bindings
        .flatMap((b) => b.keys.split(/\s+/))
        .filter((k) => !shown.has(k) && !(k === '0–9' && shown.has('digits')));
      expect(missing, `docs/tui.md's keys of ${screen}`).toEqual([]);
    });
});
