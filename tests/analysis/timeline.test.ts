// The timeline: one entry per document, in date order, each judged at its own date (checked against the domain's
// evaluateDocument and a feasibility count with that date's positions), and `peacesim timeline` printing it.
import { describe, expect, it } from 'vitest';
import { countFeasible } from '../../src/analysis/feasibility.ts';
import { timeline } from '../../src/analysis/timeline.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { compareDates } from '../../src/domain/dates.ts';
import { evaluateDocument } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';

const FIXTURE = 'tests/fixtures/format/dated.yaml';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('timeline', () => {
  for (const id of [FIXTURE, 'tutorial-bilateral', 'ukraine-peace']) {
    it(`should judge every document of ${id} at its own date, in date order`, () => {
      const s = openScenario(id);
      const { entries } = timeline(s);
      expect(entries.map((e) => e.document).sort()).toEqual(s.documents.map((d) => d.id).sort());
      for (let k = 1; k < entries.length; k++)
        expect(compareDates(entries[k - 1]!.date, entries[k]!.date)).toBeLessThanOrEqual(0);
      for (const e of entries) {
        const ev = evaluateDocument(s, e.document);
        expect(e.agreement).toBe(ev.agreement);
        for (const v of ev.verdicts)
          expect(e.verdicts[v.actor]).toEqual({
            accepts: v.accepts,
            required: ev.required.includes(v.actor),
          });
        expect(e.feasible).toBe(countFeasible(positionsAsOf(s, e.date)));
      }
    });
  }

  it('should count the feasible packages with the positions of each date', () => {
    const { entries } = timeline(openScenario(FIXTURE));
    // in 2022 East's red line is "the line may not go back" (4 of 6 packages); by 2025 it is neutrality (3 of 6)
    expect(entries.map((e) => [e.date, e.feasible, e.epochs])).toEqual([
      ['2022-03-29', 4, ['east-2022']],
      ['2025-05-01', 3, []],
    ]);
  });

  it('should keep documents of the same date in file order', () => {
    const s = openScenario('ukraine-peace');
    const same = timeline(s)
      .entries.filter((e) => e.date === '2025-11-23')
      .map((e) => e.document);
    const inFile = s.documents.filter((d) => d.date === '2025-11-23').map((d) => d.id);
    expect(same).toEqual(inFile);
  });
});

describe('peacesim timeline', () => {
  it('should print the JSON contract, the same bytes every run', async () => {
    const a = await cli('timeline', FIXTURE, '--json');
    expect(a.code).toBe(0);
    expect((await cli('timeline', FIXTURE, '--json')).out).toBe(a.out);
    const j = JSON.parse(a.out);
    expect(j.entries[0]).toEqual({
      date: '2022-03-29',
      document: 'east-2022-text',
      title: "East's 2022 text",
      confirmed: true,
      tabledBy: 'east',
      verdicts: { east: { accepts: true, required: true }, west: { accepts: true, required: true } },
      agreement: true,
      rulesBroken: [],
      feasible: 4,
      epochs: ['east-2022'],
      // the fixture's sources carry no date: every position that cites one is applied before any record of it
      appliedBeforeRecord: [
        { actor: 'east', kind: 'preference', id: 'line', epoch: 'east-2022' },
        { actor: 'east', kind: 'preference', id: 'bloc', epoch: 'east-2022' },
        { actor: 'west', kind: 'preference', id: 'bloc' },
      ],
      // the fixture records no other report of a term
      contested: [],
    });
  });

  it('should print a table that says what its columns mean and which dated positions it used', async () => {
    const r = await cli('timeline', FIXTURE);
    expect(r.out).toContain(
      'Each document is judged by the positions its actors held on the date it was tabled.',
    );
    expect(r.out).toMatch(/date\s+document\s+by\s+East\s+West\s+deal\s+feasible/);
    expect(r.out).toMatch(/2022-03-29\s+East's 2022 text\s+East\s+yes\s+yes\s+yes\s+4/);
    expect(r.out).toMatch(/2025-05-01\s+East's 2025 text\s+East\s+yes\s+no\s+no\s+3/);
    expect(r.out).toContain('East: Before East claimed the line [reading] (2022-02-24 to 2022-10-01)');
  });

  it('should default to the default scenario and list every one of its documents', async () => {
    const j = JSON.parse((await cli('timeline', '--json')).out);
    expect(j.entries).toHaveLength(openScenario('ukraine-peace').documents.length);
  });
});
