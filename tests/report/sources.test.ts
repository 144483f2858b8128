import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { md as markdown } from '../../src/report/markup.ts';
import {
  type SourcesReport,
  sourcedItems,
  sourcesMarkdown,
  sourcesReport,
} from '../../src/report/sources.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const SMALL = [
  'id: small',
  'title: Small',
  'summary: A two-actor scenario for the sources report.',
  'date: 2025-01-01',
  'sources:',
  '  - { id: a, title: Source A, url: "https://example.org/a", publisher: Pub, date: 2025-01-01, reliability: wire copy }',
  '  - { id: b, title: Source B }',
  '  - { id: c, title: Never cited }',
  'issues:',
  '  - id: line',
  '    label: The line',
  '    sources: [a]',
  '    options: [{ id: keep, label: Keep }, { id: cede, label: Cede }]',
  '    statusQuo: keep',
  '  - { id: cap, kind: numeric, label: Cap, unit: troops, range: [0, 100], candidates: [10, 100], statusQuo: 100 }',
  'actors:',
  '  - id: x',
  '    name: X',
  '    preferences:',
  '      line: { weight: 1, values: { keep: 1, cede: 0 }, rationale: wants to keep it, sources: [a, b] }',
  '    reservation: { value: 0.5, rationale: assumed, sources: [b] }',
  '    redLines:',
  '      - { id: no-cede, text: Never cede., rule: { issue: line, is: keep }, sources: [a] }',
  '  - id: y',
  '    name: Y',
  '    preferences:',
  '      cap: { weight: 1, curve: [[0, 1], [100, 0]], rationale: wants a low cap }',
  '    reservation: { value: 0.2, rationale: assumed }',
  'rules:',
  '  - { id: r1, text: A rule., rule: { issue: cap, lte: 100 }, sources: [b], confirmed: false }',
  'documents:',
  '  - id: d1',
  '    title: Doc one',
  '    date: 2024-05',
  '    tabledBy: y',
  '    sources: [b]',
  '    terms:',
  '      line: cede',
  '      cap: { value: 10, sources: [a], variants: [{ value: 50, sources: [b], confirmed: false, note: another report }] }',
  '    points:',
  '      - { n: 1, text: "Cede the line, and *cap* it.", issues: [line, cap], sources: [a] }',
  '      - { n: 2, text: A rumour., recall: true }',
  'events:',
  '  - { id: e1, title: An inject, trigger: { manual: true }, effects: [{ kind: walk-out, actor: y }], sources: [a] }',
  'protocol: { kind: alternating-offers, parties: [x, y], maxRounds: 3 }',
].join('\n');

function small(): SourcesReport {
  const file = '/mem/small.yaml';
  return sourcesReport(loadScenarioFile(file, memoryFiles({ [file]: SMALL })));
}

const refs = (r: SourcesReport, id: string) =>
  r.sources.find((s) => s.id === id)!.uses.map((u) => `${u.kind}:${u.ref}`);

describe('sourcesReport', () => {
  it('should list, per source, every item that rests on it, in scenario order', () => {
    const r = small();
    expect(r.sources.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(refs(r, 'a')).toEqual([
      'issue:line',
      'term:d1/cap',
      'point:d1/1',
      'red-line:x/no-cede',
      'preference:x/line',
      'event:e1',
    ]);
    expect(refs(r, 'b')).toEqual([
      'document:d1',
      'variant:d1/cap/50',
      'preference:x/line',
      'reservation:x',
      'rule:r1',
    ]);
    expect(r.unused).toEqual(['c']);
    expect(r.sources[0]).toMatchObject({
      url: 'https://example.org/a',
      publisher: 'Pub',
      reliability: 'wire copy',
    });
  });

  it('should flag every unconfirmed and recall item, sourced or not', () => {
    const r = small();
    expect(r.flagged.map((x) => [x.kind, x.ref, x.confirmed, x.recall])).toEqual([
      ['variant', 'd1/cap/50', false, false],
      ['point', 'd1/2', false, true],
      ['rule', 'r1', false, false],
    ]);
    expect(r.flagged[0]!.note).toBe('another report');
  });

  it('should treat preferences and reservations as assumptions: confirmed, never flagged', () => {
    const s = loadScenarioFile('/mem/small.yaml', memoryFiles({ '/mem/small.yaml': SMALL }));
    const kinds = sourcedItems(s).filter((x) => x.kind === 'preference' || x.kind === 'reservation');
    expect(kinds.map((x) => x.ref)).toEqual(['x/line', 'x', 'y/cap', 'y']);
    expect(kinds.every((x) => x.confirmed && !x.recall)).toBe(true);
  });
});

describe('sourcesMarkdown', () => {
  it('should say how to regenerate it, mark flagged items and escape markdown in text', () => {
    const md = sourcesMarkdown(small());
    expect(md).toMatch(/^# Sources — Small\n/);
    expect(md).toContain('`peacesim sources small`');
    expect(md).toContain('3 sources, 2 cited; 2 unconfirmed and 1 recall items.');
    expect(md).toContain('- `d1/2` A rumour. **(recall)** — no source');
    expect(md).toContain(
      '- `d1/cap/50` cap = 50 troops (another version) **(unconfirmed)** — [b](#b). another report',
    );
    expect(md).toContain('Cede the line, and \\*cap\\* it.');
    expect(md).toContain('Pub · 2025-01-01 · <https://example.org/a>');
    expect(md).toMatch(/### c\n\n\*\*Never cited\*\*\n\nCited by nothing in this scenario\./);
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('the sources of ukraine-peace', () => {
  const main = loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml'));
  const report = sourcesReport(main);

  it('should cite every declared source somewhere', () => {
    expect(report.unused).toEqual([]);
    expect(report.sources.length).toBeGreaterThan(140);
  });

  it('should give every source a reliability note', () => {
    expect(report.sources.filter((s) => !s.reliability).map((s) => s.id)).toEqual([]);
  });

  it('should flag the 75,000 figure as unconfirmed and attribute it to Roberts (UNCONFIRMED in the research notes)', () => {
    const roberts = report.sources.find((s) => s.id === 'roberts-2025')!;
    const variant = roberts.uses.find((u) => u.ref === 'istanbul-2022-russia/army-cap/75000')!;
    expect(variant).toMatchObject({ kind: 'variant', confirmed: false });
    expect(report.flagged.map((x) => x.ref)).toContain('istanbul-2022-russia/army-cap/75000');
  });

  it('should list, for each source, every item of the file that cites it — the preferences of an epoch among them', () => {
    // every mapping of the YAML with a list of source keys, outside the declarations, is one item resting on each key
    const cites = new Map<string, number>();
    const walk = (x: unknown, top: boolean): void => {
      if (Array.isArray(x)) for (const y of x) walk(y, false);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (!top && Array.isArray(o.sources) && o.sources.every((k) => typeof k === 'string'))
          for (const k of o.sources as string[]) cites.set(k, (cites.get(k) ?? 0) + 1);
        for (const [k, v] of Object.entries(o)) if (!(top && k === 'sources')) walk(v, false);
      }
    };
    walk(parseYaml(readFileSync(resolve(ROOT, 'scenarios/ukraine-peace.yaml'), 'utf8')), true);
    for (const src of report.sources) expect(src.uses.length, src.id).toBe(cites.get(src.id) ?? 0);
    // the case that was missing: the US's positions under Biden, an epoch's preferences with sources of their own
    expect(report.sources.find((x) => x.id === 'blinken-2023')!.uses.map((u) => u.ref)).toContain(
      'us/us-biden/luhansk',
    );
  });

  it('should be what docs/sources.md says (regenerate with: peacesim sources ukraine-peace > docs/sources.md)', () => {
    expect(readFileSync(resolve(ROOT, 'docs/sources.md'), 'utf8')).toBe(sourcesMarkdown(report));
  });
});

/** The program in-process: its exit code and what it printed. */
async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('peacesim sources', () => {
  it('should print the markdown report of the default scenario', async () => {
    const r = await cli('sources');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      sourcesMarkdown(sourcesReport(loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml')))),
    );
  });

  it('should print JSON with --json', async () => {
    const r = await cli('sources', 'istanbul-2022', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as SourcesReport;
    expect(json.scenario.id).toBe('istanbul-2022');
    const s88 = json.sources.find((s) => s.id === 's88')!;
    expect(s88.uses.map((u) => u.ref)).toContain('istanbul-2022-russia/army-cap');
  });

  it('should exit 1 with one line for an unknown scenario', async () => {
    const r = await cli('sources', 'no-such-scenario');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('peacesim sources --key', () => {
  it('should print each source asked for with everything that rests on it, as --json lists', async () => {
    const text = await cli('sources', 'ukraine-peace', '--key', 's125', 'zelensky-axios-feb-2026');
    const json = JSON.parse(
      (await cli('sources', 'ukraine-peace', '--key', 's125', 'zelensky-axios-feb-2026', '--json')).out,
    );
    expect(text.code).toBe(0);
    expect(json.sources.map((x: { id: string }) => x.id)).toEqual(['s125', 'zelensky-axios-feb-2026']);
    const flat = text.out.replace(/\s+/g, ' ');
    for (const src of json.sources as { id: string; title: string; uses: { ref: string }[] }[]) {
      expect(flat).toContain(`[${src.id}] ${src.title.replace(/\s+/g, ' ')}`);
      expect(flat).toContain(`Cited by ${src.uses.length} item`);
      for (const u of src.uses) expect(flat).toContain(`${u.ref} — `);
    }
    // the referendum hurdle and its threshold rest on this source
    expect(flat).toContain('Ratification hurdles: ukraine-referendum — ');
    expect(flat).toContain('ukraine-referendum/threshold — ');
  });

  it('should take the keys as other commands print them in brackets', async () => {
    const a = await cli('sources', '--key', '[s52, s56]');
    const b = await cli('sources', '--key', 's52', 's56');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('should refuse an unknown key in one line naming the flag, and exit 1', async () => {
    const r = await cli('sources', '--key', 's12x');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--key: unknown source "s12x" \(did you mean "s12"\?\)/);
  });

  // every text that cites sources by key ends by saying how to look one up; the command it gives works
  it('should end run, analyze and show with a line whose lookup command works', async () => {
    // the tutorial's run cites no source by key: no such line
    expect((await cli('run', 'tutorial-bilateral')).out).not.toContain('Keys in brackets');
    expect((await cli('run', 'tutorial-bilateral')).out).not.toContain('Sources cited');
    const keysLine =
      /Keys in brackets, such as \[([^\]]+)\], name sources: peacesim sources (\S+) --key (\S+) shows/;
    // run ends with the list of the sources it cites, which opens with the same lookup
    const citedList =
      /A key in brackets above, such as \[([^\]]+)\], names one of these; peacesim sources (\S+) --key (\S+) shows/;
    for (const [argv, line] of [
      [['run', '28-point-path'], citedList],
      [['analyze', 'istanbul-2022'], keysLine],
      [['show', 'ukraine-peace'], keysLine],
    ] as const) {
      const out = (await cli(...argv)).out.replace(/\s+/g, ' ');
      const m = line.exec(out);
      expect(m, argv.join(' ')).not.toBeNull();
      expect(m![3]).toBe(m![1]);
      // the example is a key the text itself cites, besides the closing line
      const cited = out.match(new RegExp(`[\\[ ]${m![1]}[\\],]`, 'g')) ?? [];
      expect(cited.length, argv.join(' ')).toBeGreaterThan(1);
      const looked = await cli('sources', m![2]!, '--key', m![3]!);
      expect(looked.code).toBe(0);
      expect(looked.out).toContain(`[${m![1]}] `);
    }
  });
});

describe('the sources of every shipped scenario', () => {
  // a reader weighs a Kremlin speech and a Pentagon speech alike only if both say what kind of source they are
  for (const id of shippedIds())
    it(`${id}: every source has a reliability note, and the report prints it`, () => {
      const report = sourcesReport(openScenario(id));
      expect(report.sources.filter((s) => !s.reliability).map((s) => s.id)).toEqual([]);
      const md = sourcesMarkdown(report);
      for (const s of report.sources) expect(md).toContain(`Reliability: ${markdown(s.reliability ?? '')}`);
    });
});
