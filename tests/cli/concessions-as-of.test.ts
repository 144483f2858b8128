// concessions --as-of judges the document and every changed text by the positions in force on the date, as whatif
// --as-of does: the same flag module, the same usage error, the same heading words; the margins are the domain's
// utilities under the date's positions (tests/fixtures/format/dated.yaml: East held other positions in 2022).
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, resolveScenarioPath } from '../../src/cli/scenarios.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { utility } from '../../src/domain/utility.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

const FIXTURE = 'tests/fixtures/format/dated.yaml';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The line that says which positions judge the text, without whatif's indent. */
const heading = (text: string) =>
  text
    .split('\n')
    .find((l) => l.trim().startsWith('judged by the positions'))
    ?.trim();

interface SetJson {
  changes: { issue: string; to: string | number }[];
  margins: Record<string, number>;
}

describe('concessions --as-of', () => {
  it('should refuse a date that is not one as whatif does: a usage error naming the flag, exit 2', async () => {
    for (const bad of ['2025-13-01', 'spring', '2022-02-30']) {
      const c = await cli('concessions', FIXTURE, '--document', 'east-2025-text', '--as-of', bad);
      const w = await cli('whatif', FIXTURE, '--document', 'east-2025-text', '--as-of', bad);
      expect(c.code).toBe(2);
      expect(c.out).toBe('');
      expect(c.err).toContain(`'--as-of <DATE>' argument '${bad}' is invalid`);
      expect(c.err.replaceAll('concessions', 'whatif')).toBe(w.err);
    }
  });

  for (const [doc, asOf] of [
    ['east-2025-text', '2022-03-29'],
    ['east-2025-text', '2021'],
    ['east-2022-text', '2025-06-01'],
  ] as const)
    it(`should judge ${doc} by the positions of ${asOf}, in whatif's words`, async () => {
      const s = loadScenarioFile(resolveScenarioPath(FIXTURE));
      const d = s.documents.find((x) => x.id === doc)!;
      const argv = ['concessions', FIXTURE, '--document', doc, '--as-of', asOf];
      const j = JSON.parse((await cli(...argv, '--json')).out);
      expect(j).toMatchObject({ document: doc, date: d.date, asOf });
      const text = (await cli(...argv)).out;
      const w = (await cli('whatif', FIXTURE, '--document', doc, '--as-of', asOf)).out;
      expect(heading(text)).toBe(heading(w));
      expect(heading(text)).toMatch(new RegExp(`^judged by the positions in force on ${asOf} \\(--as-of`));
      // the verdict as tabled and every set's margins, by the date's positions
      const judged = positionsAsOf(s, asOf);
      expect(j.alreadyAgreement).toBe(evaluatePackage(judged, d.package).agreement);
      for (const x of [...j.solutions, ...j.closest] as SetJson[]) {
        const pkg = Int32Array.from(d.package);
        for (const c of x.changes) {
          const i = s.issueIndex.get(c.issue)!;
          pkg[i] = s.issues[i]!.options.findIndex((o) => o.id === c.to);
        }
        for (const a of judged.actors)
          expect(x.margins[a.id]).toBeCloseTo(utility(a, judged.offsets, pkg) - a.reservation.value, 12);
      }
    });

  it('should move the margins when the date moves the positions', async () => {
    const own = JSON.parse((await cli('concessions', FIXTURE, '--document', 'east-2025-text', '--json')).out);
    const then = JSON.parse(
      (await cli('concessions', FIXTURE, '--document', 'east-2025-text', '--as-of', '2022-03-29', '--json'))
        .out,
    );
    expect(own.asOf).toBe('2025-05-01');
    expect(then.solutions.length).toBeGreaterThan(0);
    expect(then.solutions[0].margins.east).not.toBeCloseTo(own.solutions[0].margins.east, 6);
  });

  it("should judge a shipped text's contested terms by the date's positions", async () => {
    const s = openScenario('ukraine-peace');
    const d = s.documents.find((x) => x.id === 'us-ukraine-20-point')!;
    const asOf = '2022-04-15';
    const argv = ['concessions', 'ukraine-peace', '--document', d.id, '--max', '1', '--as-of', asOf];
    const j = JSON.parse((await cli(...argv, '--json')).out);
    const w = JSON.parse(
      (await cli('whatif', 'ukraine-peace', '--document', d.id, '--as-of', asOf, '--json')).out,
    );
    // the same text judged on the same date: whatif without a change and concessions as tabled agree
    expect(j.contested).toEqual(w.contested);
    expect(j.contested.length).toBeGreaterThan(0);
    expect(heading((await cli(...argv)).out)).toBe(
      heading((await cli('whatif', 'ukraine-peace', '--document', d.id, '--as-of', asOf)).out),
    );
  });
});
