// peacesim report: the after-action report of a saved session, in markdown and HTML, replayed exactly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
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
});

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
  });

  it('should cite red lines with their sources, the mediator’s reasons and list every cited source', async () => {
    const r = await cli(['report', path28]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\*Outcome\.\*\* (Stalemate|Signed|Collapsed)/);
    expect(r.stdout).toMatch(
      /Ukraine rejects: the text crosses its red line:\n {2}- "No withdrawal from territory Ukraine holds\." \(sources: s125/,
    );
    expect(r.stdout).toMatch(
      / — so that Russia's red line holds: "Ukraine must renounce NATO membership\." \(sources: /,
    );
    expect(r.stdout).toContain('Event: Geneva — the text is cut to about 19 points');
    // every source id cited in the body is listed at the end with its title
    const [body, sources] = r.stdout.split('\n## Sources\n') as [string, string];
    const cited = new Set([...body.matchAll(/\(sources: ([^)]+)\)/g)].flatMap((m) => m[1]!.split(', ')));
    expect(cited.size).toBeGreaterThan(5);
    for (const id of cited) expect(sources).toMatch(new RegExp(`- \\*\\*${id}\\*\\* — \\S`));
    expect(r.stdout).toMatch(/differs from the (last text on the table|agreed text) on \d+ terms?/);
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
      '**Outcome.** Unfinished: the session stops in round 3, waiting for South (stylised Ukraine) to answer the text (played by a person).',
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
    expect(missing.stderr).toMatch(/^peacesim: cannot read .*none\.json: ENOENT\n$/);
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
    expect(html).toContain('<a href="#src-s125">s125</a>');
    expect(html).toContain('<li id="src-s125">');
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
