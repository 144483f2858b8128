// The conflicts in words: what `analyze` and `show` print about why nothing is feasible is what `analyze --json`
// holds — every member by its actor's name and its text (never its id), and every count the JSON's.
import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/analyze.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';

async function peacesim(...args: string[]) {
  const io = memoryIo();
  const code = await run(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** The printed text with line breaks and indentation folded to single spaces (the text wraps at 80 columns). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('why nothing is feasible, in words', () => {
  const s = openScenario('ukraine-peace');
  const name = (id: string | null) => (id === null ? 'Rule' : s.actors.find((a) => a.id === id)!.name);

  it('should name in analyze every member of every conflict of --json, with its count, and no id', async () => {
    const json = await peacesim('analyze', 'ukraine-peace', '--json');
    const r = JSON.parse(json.stdout) as AnalysisReport;
    expect(r.feasible.count).toBe(0);
    expect(r.conflicts.length).toBeGreaterThan(0);
    const text = await peacesim('analyze', 'ukraine-peace');
    expect(text.code).toBe(0);
    const section = flat(text.stdout.slice(text.stdout.indexOf('Why no package is feasible')));
    for (const c of r.conflicts)
      for (const m of c.members) {
        expect(section).toContain(`${name(m.actor)}: ${m.text}`);
        expect(section).not.toContain(`${m.id}:`);
        expect(section).toContain(
          m.feasibleWithout === null
            ? 'not counted'
            : `without it alone: ${m.feasibleWithout.toLocaleString('en-US')} package`,
        );
      }
    expect(section).toContain(
      r.conflictSearch.complete ? 'dropping any one of its members' : 'larger ones may exist',
    );
  });

  it('should say nothing of conflicts on a date when packages are feasible, in analyze and in show', async () => {
    const json = JSON.parse(
      (await peacesim('analyze', 'ukraine-peace', '--json', '--as-of', '2024-01-01')).stdout,
    );
    expect(json.feasible.count).toBeGreaterThan(0);
    expect(json.conflicts).toEqual([]);
    expect((await peacesim('analyze', 'ukraine-peace', '--as-of', '2024-01-01')).stdout).not.toContain(
      'Why no package is feasible',
    );
    expect((await peacesim('show', 'ukraine-peace', '--as-of', '2024-01-01')).stdout).not.toContain(
      'Nothing is feasible',
    );
  });

  it("should close show's actors with the first conflict of analyze --json, on the same date", async () => {
    for (const asOf of [[], ['--as-of', '2022-04-01']]) {
      const r = JSON.parse((await peacesim('analyze', 'ukraine-peace', '--json', ...asOf)).stdout);
      const shown = flat((await peacesim('show', 'ukraine-peace', ...asOf)).stdout);
      expect(shown).toContain(`Nothing is feasible on ${r.asOf}`);
      for (const m of r.conflicts[0].members) expect(shown).toContain(`${name(m.actor)}: ${m.text}`);
    }
  });

  it('should say in run why no text could be signed exactly when --json lists a conflict, by name, never by id', async () => {
    for (const id of ['ukraine-peace', 'istanbul-2022', 'june-2024-terms', 'tutorial-bilateral']) {
      const sc = openScenario(id);
      const who = (a: string | null) => (a === null ? 'Rule' : sc.actors.find((x) => x.id === a)!.name);
      const j = JSON.parse((await peacesim('run', id, '--json')).stdout);
      const words = flat((await peacesim('run', id)).stdout);
      // asked only of a run that ended unsigned, with no person at the table
      expect(j.conflicts === null, id).toBe(j.outcome === 'signed');
      const first = j.conflicts?.[0];
      expect(words.includes('No text could have won every party'), id).toBe(first !== undefined);
      if (!first) continue;
      const said = words.slice(words.indexOf('No text could have won every party'));
      for (const m of first.members) {
        expect(said).toContain(`${who(m.actor)}: ${m.text}`);
        expect(said).not.toContain(`${m.id}:`);
      }
      expect(said).toContain(
        `no package meets ${first.members.length === 2 ? 'both' : `all ${first.members.length}`}`,
      );
    }
  });
});
