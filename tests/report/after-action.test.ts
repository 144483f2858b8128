// peacesim report: the after-action report of a saved session, in markdown and HTML, replayed exactly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { durabilityOf } from '../../src/domain/durability.ts';
import { statusQuoPackage } from '../../src/domain/utility.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { packageOf } from '../../src/engine/terms.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionHtml } from '../../src/report/after-action-html.ts';
import { htmlErrors } from './html-check.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tutorial = join(dir, 'tutorial.json');
const path28 = join(dir, '28.json');
const person = join(dir, 'person.json');
const blamed = join(dir, 'blame.json');
const stalemate = join(dir, 'stalemate.json');
const walkAway = join(dir, 'walk-away.json');
// docs/examples/blame-without-refusal.yaml (blame-and-pressure without Russia's refusal of a referendum ceasefire):
// a blame event fires and the text is signed (the shipped scenario ends in stalemate with no blame event fired)
const BLAME = 'docs/examples/blame-without-refusal.yaml';

/** The transcript of a saved session, as `resume --json` replays it. */
async function transcriptOf(file: string): Promise<TranscriptEntry[]> {
  const r = await cli(['resume', file, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).transcript;
}

/** The markdown of one round of a report. */
const roundOf = (md: string, k: number) =>
  md.split(`\n### Round ${k}\n`)[1]!.split('\n### ')[0]!.split('\n## ')[0]!;

beforeAll(async () => {
  expect((await cli(['run', 'tutorial-bilateral', '--seed', '3', '--save', tutorial])).code).toBe(0);
  expect((await cli(['run', '28-point-path', '--seed', '2', '--save', path28])).code).toBe(0);
  const moves = join(dir, 'moves.json');
  writeFileSync(
    moves,
    JSON.stringify([
      { actor: 'south', move: { type: 'reject', asks: ['guarantee'] } },
      { actor: 'south', move: { type: 'propose', terms: { guarantee: 'art5-like', 'army-cap': 800000 } } },
    ]),
  );
  const r = await cli([
    'run',
    'tutorial-bilateral',
    '--strategy',
    'south=human',
    '--moves',
    moves,
    '--save',
    person,
  ]);
  expect(r.code).toBe(1); // it stops waiting for south
  expect((await cli(['run', BLAME, '--save', blamed])).code).toBe(0);
  expect((await cli(['run', 'ukraine-peace', '--save', stalemate])).code).toBe(0);
  // with Ukraine holding out for its best terms nothing moves, and a mediator with no patience walks out
  const quit = [
    'run',
    'ukraine-peace',
    '--strategy',
    'ukraine=hardliner',
    '--strategy',
    'us=linear:patience=1',
    '--save',
    walkAway,
  ];
  expect((await cli(quit)).code).toBe(0);
  // six runs of the CLI, the full scenario three times: seconds each on a loaded machine
}, 120_000);

describe('peacesim report (markdown)', () => {
  it('should name the outcome, every round and the verdicts with their reasons', async () => {
    const words = await cli(['resume', tutorial]);
    const r = await cli(['report', tutorial]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const signed = /Outcome: signed in round (\d+)\./.exec(words.stdout);
    expect(signed).not.toBeNull();
    const rounds = Number(signed![1]);
    expect(r.stdout).toContain('# After-action report — Tutorial — a stylised two-party settlement');
    expect(r.stdout).toContain(`**Outcome.** Signed in round ${rounds}:`);
    expect(r.stdout).toContain('- Seed: 3');
    for (let k = 1; k <= rounds; k++) expect(r.stdout).toContain(`\n### Round ${k}\n`);
    expect(r.stdout).not.toContain(`### Round ${rounds + 1}\n`);
    // the reasons of a rejection: worth, what it held out for, no deal, its asks
    expect(r.stdout).toMatch(
      /South \(stylised Ukraine\) rejects: worth 0\.425 to it, less than no deal \(0\.450\)\. It asks for changes to Territory \(0\.200\)/,
    );
    expect(r.stdout).toContain('Event: The mediator threatens to cut support to South');
    for (const h of [
      '## Utility by round',
      '## Turning points',
      '## The agreed text and the Nash solution',
      '## Debrief questions',
      '## Sources',
    ])
      expect(r.stdout).toContain(h);
    expect(r.stdout).toMatch(/\| North \(stylised Russia\) \| 0\.688 ✗ \|/);
    expect(r.stdout).toMatch(/differs from the agreed text on \d+ terms?/);
  });

  it('should cite red lines with their sources, the mediator’s reasons and list every cited source', async () => {
    const r = await cli(['report', path28]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\*Outcome\.\*\* (Stalemate|Signed|Collapsed)/);
    expect(r.stdout).toMatch(
      /Ukraine rejects: the text crosses its red line:\n {2}- No withdrawal from land Ukraine holds unless the people approve it in a referendum held under a ceasefire of at least 60 days\.( \\\[\w+\\\])? \(sources: \[s29\]\(#src-s29\)/,
    );
    expect(r.stdout).toMatch(
      / — so that Russia's red line holds: Ukraine must renounce NATO membership\.( \\\[\w+\\\])? \(sources: /,
    );
    expect(r.stdout).toContain('Event: Geneva — the text is cut to about 19 points');
    // every source id cited in the body links to its entry at the end, which has its anchor and its title
    const [body, sources] = r.stdout.split('\n## Sources\n') as [string, string];
    const cited = new Set([...body.matchAll(/\[([^\]]+)\]\(#src-([^)]+)\)/g)].map((m) => m[1]!));
    expect(cited.size).toBeGreaterThan(5);
    for (const id of cited)
      expect(sources).toMatch(new RegExp(`- <a id="src-${id}"></a>\\*\\*${id}\\*\\* — \\S`));
    // the parties' red lines leave no zone of agreement in December 2025, and the report says so
    expect(r.stdout).toContain(
      'No package is acceptable to every actor whose consent it needs under the scenario as written, so there is no Nash solution to compare with.',
    );
    expect(r.stdout).toMatch(/\n1\. .+\?\n/);
  });

  it('should mark the moves of people and report an unfinished session with who it waits for', async () => {
    const r = await cli(['report', person]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Played by people: South (stylised Ukraine)');
    expect(r.stdout).toContain('South (stylised Ukraine): played by a person');
    expect(r.stdout).toContain('South (stylised Ukraine) (played by a person) rejects');
    expect(r.stdout).toContain('South (stylised Ukraine) (played by a person) proposes a text');
    expect(r.stdout).toContain(
      '**Outcome.** Unfinished: the session stops in round 3, waiting for South (stylised Ukraine), played by a person, to answer the text.',
    );
    expect(r.stdout).toContain('South (stylised Ukraine) was played by a person.');
  });

  it('should be byte-identical across runs, and html by extension or --format', async () => {
    const a = await cli(['report', path28]);
    const b = await cli(['report', path28]);
    expect(a.stdout).toBe(b.stdout);
    const out = join(dir, 'r.html');
    const w = await cli(['report', path28, '--out', out]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe(`wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect((await cli(['report', path28, '--format', 'html'])).stdout).toBe(html);
    const md = join(dir, 'r.html.md');
    await cli(['report', path28, '--out', md]);
    expect(readFileSync(md, 'utf8')).toBe(a.stdout);
    expect((await cli(['report', path28, '--out', join(dir, 'x.html'), '--format', 'md'])).code).toBe(0);
    expect(readFileSync(join(dir, 'x.html'), 'utf8')).toBe(a.stdout);
  });

  it('should exit 1 with one line for a missing or stale session, 2 for a bad --format', async () => {
    const missing = await cli(['report', join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^peacesim: .*none\.json: no such file; check the name and the folder\n$/);
    const stale = join(dir, 'stale.json');
    const s = JSON.parse(readFileSync(tutorial, 'utf8'));
    s.scenario.hash = '0'.repeat(64);
    writeFileSync(stale, JSON.stringify(s));
    const r = await cli(['report', stale]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/saved for another version of scenario "tutorial-bilateral"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"format": 2}');
    expect((await cli(['report', junk])).stderr).toMatch(/not a peacesim session/);
    const bad = await cli(['report', tutorial, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format');
  });
});

describe('peacesim report: blame and durability', () => {
  it('should name the lone holdout of each round and say why a blame-triggered event fired', async () => {
    const entries = await transcriptOf(blamed);
    const holdouts = entries.flatMap((e) =>
      e.kind === 'tally' && e.holdout ? [[e.round, e.holdout] as const] : [],
    );
    expect(holdouts.length).toBeGreaterThan(1);
    const md = (await cli(['report', blamed])).stdout;
    const name = (id: string) => openScenario(BLAME).actors.find((a) => a.id === id)!.name;
    const rounds = entries.at(-1)!.round;
    for (let k = 1; k <= rounds; k++) {
      const who = holdouts.find(([r]) => r === k)?.[1];
      const text = roundOf(md, k);
      if (who) expect(text).toContain(`The engine's count: ${name(who)} is this round's lone holdout`);
      else expect(text).not.toContain("this round's lone holdout");
    }
    const fired = entries.filter((e) => e.kind === 'inject' && e.blame !== undefined);
    expect(fired.length).toBeGreaterThan(0);
    for (const e of fired) {
      if (e.kind !== 'inject' || !e.blame) continue;
      const text = roundOf(md, e.round);
      expect(text).toContain(`Event: ${e.event!.title}`);
      expect(text).toContain(`Why it fires: the engine's count for ${name(e.blame.actor)}`);
      expect(text).toContain(`reached ${e.blame.count}`);
    }
    // the debrief asks about the actor that stood alone most often, naming the rounds
    const most = [...new Set(holdouts.map(([, a]) => a))]
      .map((a) => ({ a, rounds: holdouts.filter(([, x]) => x === a).map(([r]) => r) }))
      .sort((x, y) => y.rounds.length - x.rounds.length)[0]!;
    const question = md
      .split('\n## Debrief questions\n')[1]!
      .split('\n')
      .find((l) => l.includes('lone holdout'));
    expect(question).toMatch(
      new RegExp(`^\\d\\. By the engine's count, ${name(most.a)} was the lone holdout in rounds `),
    );
    for (const r of [most.rounds[0]!, most.rounds.at(-1)!]) expect(question).toContain(String(r));
  });

  it('should give a signed text’s durability as the scenario’s assumption, with every factor that applies', async () => {
    const entries = await transcriptOf(blamed);
    const signed = entries.at(-1)!;
    expect(signed.kind).toBe('signed');
    if (signed.kind !== 'signed') return;
    const s = openScenario(BLAME);
    const d = durabilityOf(s, packageOf(s, signed.terms, statusQuoPackage(s)))!;
    const md = (await cli(['report', blamed])).stdout;
    expect(md).toContain(
      `**Estimated durability.** ${d.value.toFixed(2)} for the signed text: the scenario's base (${d.base.toFixed(2)})`,
    );
    expect(md).toContain('an assumption of the scenario, not a forecast');
    const section = md.split('**Estimated durability.**')[1]!.split('\n## ')[0]!;
    s.durability!.factors.forEach((f, k) => {
      const mark = f.basis === 'stated' ? '' : ` \\[${f.basis}\\]`;
      const line = `- ${f.label}${mark}: ${f.shift < 0 ? '−' : '+'}${Math.abs(f.shift).toFixed(2)}`;
      expect(section.includes(line)).toBe(d.factors[k]!.holds);
    });
    const q = md.split('\n## Debrief questions\n')[1]!;
    expect(q).toContain(
      `The durability estimate (${d.value.toFixed(2)}) rests on the scenario's assumptions about`,
    );
    // each factor that moves the estimate is named in the scenario's words, never in quotation marks
    const moving = s.durability!.factors.filter((f, k) => d.factors[k]!.holds && f.shift !== 0);
    expect(moving.length).toBeGreaterThan(0);
    const question = q.split('\n').find((l) => l.includes('The durability estimate'))!;
    for (const f of moving) {
      expect(question).toContain(f.label);
      expect(question).not.toContain(`"${f.label}"`);
    }
    // the factors' sources are listed at the end
    const sources = md.split('\n## Sources\n')[1]!;
    for (const f of s.durability!.factors.filter((_, k) => d.factors[k]!.holds))
      for (const id of f.sources) expect(sources).toContain(`- <a id="src-${id}"></a>**${id}** — `);
  });

  it('should give the engine’s blame tally of a stalemate, in neutral words', async () => {
    const last = (await transcriptOf(stalemate)).at(-1)!;
    expect(last.kind).toBe('stalemate');
    if (last.kind !== 'stalemate') return;
    expect(last.blame?.length).toBeGreaterThan(0);
    const md = (await cli(['report', stalemate])).stdout;
    const s = openScenario('ukraine-peace');
    expect(md).toContain(
      "**Blame, as the engine counts it.** The engine's count, the same rule for every actor",
    );
    expect(md).toContain('It records who stood alone, not who was right.');
    const lines = md
      .split('**Blame, as the engine counts it.**')[1]!
      .split('\n## ')[0]!
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(last.blame!.length);
    last.blame!.forEach((b, k) => {
      expect(lines[k]).toMatch(
        new RegExp(
          `^- ${s.actors.find((a) => a.id === b.actor)!.name}: ${b.count} \\(lone holdout in rounds? `,
        ),
      );
      expect(lines[k]).toContain(String(b.holdouts.at(-1)));
    });
    expect(md).not.toMatch(/\bto blame\b|\bblameworthy\b|\bat fault\b/i);
    expect(md).not.toContain('Estimated durability');
  });

  it('should say that a mediator walked out of patience, and count the walk-out', async () => {
    const entries = await transcriptOf(walkAway);
    const w = entries.find((e) => e.kind === 'walk-out');
    expect(w?.kind === 'walk-out' && w.stalled).toBeGreaterThan(0);
    const md = (await cli(['report', walkAway])).stdout;
    expect(md).toMatch(
      /\*\*Outcome\.\*\* Collapsed in round \d+: the United States \(out of patience after /,
    );
    expect(md).toMatch(
      /- The United States walks out: (a round|\d+ rounds in a row) without progress .* exhausted its patience\./,
    );
    expect(md).toMatch(/- United States: \d+ \([^)]*walked out in round \d+\)/);
    const html = (await cli(['report', walkAway, '--format', 'html'])).stdout;
    expect(htmlErrors(html)).toEqual([]);
    expect(html).toContain('id="blame"');
  });

  it('should render blame and durability in well-formed HTML', async () => {
    const html = (await cli(['report', blamed, '--format', 'html'])).stdout;
    expect(htmlErrors(html)).toEqual([]);
    expect(html).toContain('id="durability"');
    expect(html).toContain('Why it fires: the engine&#39;s count for Russia');
  });
});

describe('peacesim report (HTML)', () => {
  it('should be well-formed, self-contained, with an SVG chart and escaped text', async () => {
    const r = await cli(['report', path28, '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(htmlErrors(html)).toEqual([]);
    for (const id of [
      'header',
      'outcome',
      'timeline',
      'trajectory',
      'turning-points',
      'nash',
      'debrief',
      'sources',
    ])
      expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*class="utility-chart"/);
    expect(html).not.toMatch(/<script|<link |src="http|@import/);
    expect(html).toContain('<a href="#src-s29">s29</a>');
    expect(html).toContain('<li id="src-s29">');
  });

  it('should give the utility table the same key and the same no-deal column as the markdown', async () => {
    // the tutorial: North's value of no deal drifts; the surplus split: nobody's moves
    const surplus = join(dir, 'surplus.json');
    expect((await cli(['run', 'divide-the-surplus', '--save', surplus])).code).toBe(0);
    for (const file of [tutorial, surplus]) {
      const md = (await cli(['report', file])).stdout;
      const html = (await cli(['report', file, '--format', 'html'])).stdout;
      // every row's last cell, as each format prints it
      const mdCells = [...md.matchAll(/^\| [^|]+ \|.*\| ([0-9.]+(?: → [0-9.]+)?) \|$/gm)].map((m) => m[1]);
      const htmlCells = [...html.matchAll(/<td class="num">([0-9.]+(?: → [0-9.]+)?)<\/td><\/tr>/g)].map(
        (m) => m[1],
      );
      expect(htmlCells.length).toBeGreaterThan(0);
      expect(htmlCells).toEqual(mdCells.slice(0, htmlCells.length));
      // a value that never moved is one number, not "x → x"
      for (const c of htmlCells) {
        const [a, b] = c!.split(' → ');
        if (b !== undefined) expect(a).not.toBe(b);
      }
      // the key to ✓ ✗ · –: the markdown's sentence after the table, in the HTML too
      const key = md.split('\n').find((l) => l.startsWith('Each cell is'))!;
      expect(html).toContain(key.replace(/'/g, '&#39;'));
    }
  });

  it('should escape scenario text, so no scenario can inject markup', () => {
    const scenario = openScenario('tutorial-bilateral');
    const evil = {
      ...scenario,
      title: '<script>alert(1)</script> & "co"',
      actors: scenario.actors.map((a) => ({ ...a, name: `${a.name} <b>` })),
    };
    const result = runHeadless(evil, { maxRounds: 2 });
    const report = afterActionReport(evil, runStateOf(evil, result.snapshot), {
      options: resolveOptions(evil, { maxRounds: 2 }),
    });
    const html = afterActionHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;');
    expect(htmlErrors(html)).toEqual([]);
  });
});
