// Dated positions and basis where users look: show, analyze, whatif and concessions on a small fixture whose East
// held other positions in 2022 (tests/fixtures/format/dated.yaml).
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { resolveScenarioPath } from '../../src/cli/scenarios.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

const FIXTURE = 'tests/fixtures/format/dated.yaml';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

interface DocJson {
  id: string;
  date: string;
  asOf: string;
  epochs: string[];
  verdicts: Record<
    string,
    { reservation: number; accepts: boolean; violations: { redLine: string; basis: string }[] }
  >;
}

describe('analyze judges each document by the positions of its date', () => {
  it('should give each document its date, the date it is judged on and the epochs in force', async () => {
    const r = await cli('analyze', FIXTURE, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      asOf: string;
      scenario: { date: string; recordEnds: string };
      documents: DocJson[];
    };
    expect(j.asOf).toBe('2025-06-01');
    expect(j.scenario).toMatchObject({ date: '2025-06-01', recordEnds: '2025-05-20' });
    const [d2022, d2025] = j.documents;
    expect(d2022).toMatchObject({ date: '2022-03-29', asOf: '2022-03-29', epochs: ['east-2022'] });
    expect(d2022!.verdicts.east!.reservation).toBe(0.3); // the 2022 reservation
    expect(d2025).toMatchObject({ date: '2025-05-01', asOf: '2025-05-01', epochs: [] });
    expect(d2025!.verdicts.east!.reservation).toBe(0.5);
  });

  it('should list every actor with its red lines and their basis, and carry basis on every violation', async () => {
    const j = JSON.parse((await cli('analyze', FIXTURE, '--json')).out);
    expect(j.actors).toEqual([
      {
        id: 'east',
        role: 'party',
        redLines: [
          {
            id: 'no-member',
            text: 'West may not join the alliance.',
            basis: 'stated',
            sources: ['s1'],
            confirmed: true,
          },
        ],
      },
      { id: 'west', role: 'party', redLines: [] },
    ]);
    const w = await cli('whatif', FIXTURE, '--document', 'east-2025-text', '--set', 'bloc=member', '--json');
    const east = JSON.parse(w.out).verdicts.east.after;
    expect(east.violations).toEqual([
      {
        redLine: 'no-member',
        text: 'West may not join the alliance.',
        sources: ['s1'],
        confirmed: true,
        basis: 'stated',
        // its one source carries no date, and the file gives no reason it held: show marks it too
        appliedBeforeRecord: { earliest: null, date: null, reason: null, heldEarlier: null },
      },
    ]);
  });

  it('should judge everything on the --as-of date', async () => {
    const j = JSON.parse((await cli('analyze', FIXTURE, '--json', '--as-of', '2022-05')).out);
    expect(j.asOf).toBe('2022-05');
    expect(j.documents.map((d: DocJson) => [d.asOf, d.epochs])).toEqual([
      ['2022-05', ['east-2022']],
      ['2022-05', ['east-2022']],
    ]);
    expect(j.actors[0].redLines.map((r: { id: string }) => r.id)).toEqual(['no-cede-refusal']);
    const later = JSON.parse((await cli('analyze', FIXTURE, '--json', '--as-of', '2024')).out);
    expect(later.documents[0].verdicts.east.reservation).toBe(0.5);
  });

  it('should refuse a date that is not on the calendar as a usage error naming the flag', async () => {
    const r = await cli('analyze', FIXTURE, '--as-of', '2022-02-30');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--as-of <DATE>.*'2022-02-30' is invalid\. expected a date/);
  });

  it('should say in the text which date it judges by, and mark readings and assumptions', async () => {
    const r = await cli('analyze', FIXTURE);
    expect(r.out).toContain('situation of 2025-06-01 · record ends 2025-05-20');
    expect(r.out).toContain('each document judged by the positions in force on its own date');
    // the document by its title, its dated positions by their label, the handle to type last
    expect(r.out).toContain(
      "East's 2022 text (2022-03-29, tabled by East; dated positions: East: Before East claimed the line [reading]; --document east-2022-text)",
    );
    expect(r.out).toContain(
      'below reservation [assumption]; costliest: Line [assumption] (0.667), Alliance [reading]',
    );
    // the durability factor by its label
    expect(r.out).toContain('neutrality [assumption] +0.05');
    const asOf = await cli('analyze', FIXTURE, '--as-of', '2022-05');
    expect(asOf.out).toContain('every document judged by the positions in force on 2022-05 (--as-of)');
    expect(asOf.out).toContain(
      "East's 2025 text (2025-05-01, tabled by East; judged as of 2022-05; dated positions: East: Before East claimed the line [reading]; --document east-2025-text)",
    );
  });

  it('should say when the --as-of date lies outside the dates the scenario covers, in analyze and in show', async () => {
    const s = loadScenarioFile(FIXTURE);
    const first = s.documents.map((d) => d.date).sort()[0]!;
    for (const command of ['analyze', 'show']) {
      const early = await cli(command, FIXTURE, '--as-of', '1990');
      expect(early.code).toBe(0);
      expect(early.out.replace(/\s+/g, ' ')).toContain(
        `positions in force on 1990 (--as-of; before the scenario's first document, of ${first})`,
      );
      const late = await cli(command, FIXTURE, '--as-of', '2030');
      expect(late.out.replace(/\s+/g, ' ')).toContain(
        `positions in force on 2030 (--as-of; after the scenario's date, ${s.date})`,
      );
      // a date inside says only where it comes from
      const inside = await cli(command, FIXTURE, '--as-of', '2022-05');
      expect(inside.out.replace(/\s+/g, ' ')).toContain('positions in force on 2022-05 (--as-of)');
    }
  });
});

describe('show', () => {
  it('should state the scenario date, where its record ends, and the date it judges by', async () => {
    const r = await cli('show', FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('situation of 2025-06-01 · record ends 2025-05-20');
    expect(r.out).toContain('Each document judged by the positions in force on its own date');
    expect(r.out).not.toContain('Judged by: each document judged by');
    expect(r.out).toContain('East (party) — no deal is worth 0.50 to it [assumption]; 1 red line');
    expect(r.out).toContain(
      'dated positions (from 2022-02-24 until 2022-10-01): Before East claimed the line [reading]',
    );
    expect(r.out).toContain(
      "East's 2022 text (2022-03-29; dated positions: East: Before East claimed the line [reading]; --document east-2022-text)",
    );
  });

  it('should show the positions in force on --as-of', async () => {
    const r = await cli('show', FIXTURE, '--as-of', '2022-05-01');
    expect(r.out).toContain('Actors as on 2022-05-01');
    expect(r.out).toContain('East (party) — no deal is worth 0.30 to it [reading]; 1 red line');
    expect(r.out).toContain('The line may not go back. [assumption]');
    expect(r.out).toContain('until 2022-10-01, in force)');
  });
});

describe('whatif and concessions', () => {
  it('should judge a what-if on the document date, or on --as-of', async () => {
    const base = ['whatif', FIXTURE, '--document', 'east-2022-text', '--json'];
    const own = JSON.parse((await cli(...base)).out);
    expect(own).toMatchObject({ date: '2022-03-29', asOf: '2022-03-29', epochs: ['east-2022'] });
    expect(own.verdicts.east.before.reservation).toBe(0.3);
    const now = JSON.parse((await cli(...base, '--as-of', '2025-06-01')).out);
    expect(now).toMatchObject({ asOf: '2025-06-01', epochs: [] });
    expect(now.verdicts.east.before.reservation).toBe(0.5);
    const text = await cli('whatif', FIXTURE, '--document', 'east-2022-text');
    expect(text.out).toContain(
      'judged by the positions in force on its own date, 2022-03-29: East: Before East claimed the line',
    );
  });

  it('should search concessions with the positions of the document date', async () => {
    const r = JSON.parse((await cli('concessions', FIXTURE, '--document', 'east-2025-text', '--json')).out);
    expect(r).toMatchObject({ date: '2025-05-01', asOf: '2025-05-01' });
    const text = await cli('concessions', FIXTURE, '--document', 'east-2025-text');
    expect(text.out).toContain('judged by the positions in force on its own date, 2025-05-01');
  });
});

describe('list', () => {
  it('should state each scenario’s date and where its record ends', async () => {
    const rows = JSON.parse((await cli('list', '--json')).out) as {
      id: string;
      date: string;
      recordEnds: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const s = loadScenarioFile(resolveScenarioPath(r.id));
      expect([r.date, r.recordEnds]).toEqual([s.date, s.recordEnds ?? null]);
    }
    const text = (await cli('list')).out;
    for (const r of rows)
      expect(text).toContain(
        `situation of ${r.date}${r.recordEnds ? ` · record ends ${r.recordEnds}` : ''} · `,
      );
  });
});

describe('sources', () => {
  it('should carry each modelling choice’s basis, and count the record and epochs as uses', async () => {
    const j = JSON.parse((await cli('sources', FIXTURE, '--json')).out) as {
      unused: string[];
      sources: { id: string; uses: { kind: string; ref: string; basis?: string }[] }[];
    };
    expect(j.unused).toEqual([]);
    const uses = (id: string) =>
      j.sources.find((x) => x.id === id)!.uses.map((u) => [u.kind, u.ref, u.basis]);
    expect(uses('s1')).toEqual([
      ['red-line', 'east/no-member', 'stated'],
      ['preference', 'east/line', 'reading'],
      ['preference', 'east/bloc', 'stated'],
      ['epoch', 'east/east-2022', 'reading'],
    ]);
    expect(uses('s2')).toEqual([
      ['preference', 'west/bloc', 'reading'],
      ['record', 'west-rejects-2025', 'stated'],
    ]);
    const md = (await cli('sources', FIXTURE)).out;
    expect(md).toContain('`east/east-2022` Before East claimed the line \\[reading\\]');
  });
});
