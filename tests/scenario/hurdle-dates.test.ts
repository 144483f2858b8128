// Dated ratification hurdles: a hurdle's `from` is the first date it holds, so a document dated earlier (or an
// --as-of date earlier) is judged without it; `validate` refuses a `from` after the scenario's date or no calendar
// date, naming the file, line and column; and every place that shows a hurdle says since when it holds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { compareDates } from '../../src/domain/dates.ts';
import { hurdlesInForce, positionsAsOf } from '../../src/domain/positions.ts';
import { ratificationOf } from '../../src/domain/ratification.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';
import { ROOT } from '../helpers.ts';

const text = readFileSync(resolve(ROOT, 'tests/fixtures/format/ratified.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'peacesim-hurdle-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture (scenario date 2025-06-01, documents of 2025-05-01) with West's parliament holding from `from`. */
function withFrom(from: string, name = 'dated-hurdle.yaml'): string {
  const anchor = '    when: { issue: line, is: cede }\n';
  expect(text).toContain(anchor);
  const file = join(dir, name);
  writeFileSync(file, text.replace(anchor, `${anchor}    from: ${from}\n`));
  return file;
}

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('a ratification hurdle with a date from which it holds', () => {
  it('should leave a document dated before it without the hurdle, and judge one after it with the hurdle', () => {
    const s = loadScenarioFile(withFrom('2025-05-15'));
    expect(s.ratifications[0]!.from).toBe('2025-05-15');
    const cede = s.documents.find((d) => d.id === 'cede-for-aid')!;
    // before its start: no hurdle, so the text takes effect when signed
    expect(hurdlesInForce(s, cede.date)).toEqual([]);
    expect(ratificationOf(positionsAsOf(s, cede.date), cede.package)).toBeNull();
    // on and after its start, and on the scenario's date: the hurdle holds
    expect(hurdlesInForce(s, '2025-05-15').map((r) => r.id)).toEqual(['west-parliament']);
    expect(positionsAsOf(s, s.date)).toBe(s);
    expect(ratificationOf(positionsAsOf(s, '2025-05-20'), cede.package)?.hurdles.map((h) => h.id)).toEqual([
      'west-parliament',
    ]);
    // the same set of hurdles in force, the same dated scenario
    expect(positionsAsOf(s, '2025-01-01')).toBe(positionsAsOf(s, '2025-05-14'));
  });

  it('should hold at every date without a from', () => {
    const s = loadScenarioFile(resolve(ROOT, 'tests/fixtures/format/ratified.yaml'));
    expect(hurdlesInForce(s, '1900-01-01').map((r) => r.id)).toEqual(['west-parliament']);
  });

  it('should judge analyze --json documents by the hurdles of their dates, and --as-of by those of its date', async () => {
    const file = withFrom('2025-05-15');
    const own = JSON.parse(await cliOk('analyze', file, '--json'));
    const cede = (j: { documents: { id: string; ratification: unknown }[] }) =>
      j.documents.find((d) => d.id === 'cede-for-aid')!.ratification;
    expect(cede(own)).toBeNull();
    const later = JSON.parse(await cliOk('analyze', file, '--json', '--as-of', '2025-05-20'));
    expect(cede(later)).toMatchObject({ hurdles: [{ id: 'west-parliament' }] });
    // the scenario's hurdles, with the date from which each holds
    expect(own.ratification.hurdles[0].from).toBe('2025-05-15');
  });

  it('should say since when the hurdle holds wherever it is shown', async () => {
    const file = withFrom('2025-05-15');
    const analyze = flat(await cliOk('analyze', file, '--as-of', '2025-05-20'));
    expect(analyze).toContain("• West's parliament (in force from 15 May 2025)");
    expect(analyze).toContain("subject to West's parliament (in force from 15 May 2025): worth");
    expect(flat(await cliOk('show', file))).toContain(
      "Ratification — West's parliament (in force from 15 May 2025):",
    );
    expect(flat(await cliOk('show', file, '--as-of', '2025-01-01'))).toContain(
      "Ratification — West's parliament (in force from 15 May 2025), not yet on 2025-01-01:",
    );
    const undated = flat(await cliOk('show', resolve(ROOT, 'tests/fixtures/format/ratified.yaml')));
    expect(undated).toContain("Ratification — West's parliament (in force at every date):");
  });

  it('should refuse a from after the scenario date, or no calendar date, at its file, line and column', async () => {
    for (const [from, message] of [
      ['2025-07-01', /the hurdle holds from 2025-07-01, after the scenario's date 2025-06-01/],
      ['2025-02-30', /"2025-02-30" is not a calendar date/],
    ] as const) {
      const file = withFrom(from, `bad-${from}.yaml`);
      const io = memoryIo();
      expect(await run(['validate', file], io)).toBe(1);
      const lines = io.stdout().concat(io.stderr()).trim().split('\n');
      const line = text.split('\n').indexOf('    when: { issue: line, is: cede }') + 2;
      const error = lines.find((l) => l.includes(`${file}:${line}:`));
      expect(error, lines.join('\n')).toMatch(message);
      expect(error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: `));
    }
  });

  it('should date the shipped referendum on its sources, and say so', () => {
    const s = openScenario('ukraine-peace');
    for (const r of s.ratifications) {
      // every hurdle shipped gives its start, from a cited source of its own
      expect(r.from, r.id).toBeDefined();
      expect(r.sources.length).toBeGreaterThan(0);
      expect(compareDates(r.from!, s.date)).toBeLessThanOrEqual(0);
      // every document that meets it is judged with it: none is older than its start
      for (const d of s.documents)
        if (ratificationOf(s, d.package)?.hurdles.some((h) => h.id === r.id))
          expect(compareDates(r.from!, d.date), d.id).toBeLessThanOrEqual(0);
    }
    // its note: every text before December 2025 that meets it changes the territory (land ceded, or a zone
    // recognised as Russian), which Article 73 leaves to a referendum — none meets it by the free economic zone alone
    const option = (d: (typeof s.documents)[number], issue: string) => {
      const i = s.issues.findIndex((x) => x.id === issue);
      return s.issues[i]!.options[d.package[i]!]!.id;
    };
    const early = s.documents.filter(
      (d) =>
        compareDates(d.date, '2025-12-01') < 0 &&
        ratificationOf(s, d.package)?.hurdles.some((h) => h.id === 'ukraine-referendum'),
    );
    expect(early.length).toBeGreaterThan(0);
    for (const d of early)
      expect(
        ['withdraw-dmz', 'ceded'].includes(option(d, 'donetsk')) ||
          ['luhansk', 'zaporizhzhia', 'kherson'].some((i) => option(d, i) === 'ceded'),
        d.id,
      ).toBe(true);
    expect(s.ratifications.find((r) => r.id === 'ukraine-referendum')!.note).toMatch(/December 2025/);
  });
});
