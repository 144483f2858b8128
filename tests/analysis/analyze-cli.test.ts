// `peacesim analyze`, in process: the JSON contract, determinism, the human tables, bad flags, the state bound.
import { describe, expect, it } from 'vitest';
import { buildDag } from '../../src/analysis/dag.ts';
import { AnalysisLimitError } from '../../src/analysis/limits.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { compileScenario } from '../../src/scenario/compile.ts';

async function analyze(...args: string[]) {
  const io = memoryIo();
  const code = await run(['analyze', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('peacesim analyze', () => {
  it('should print the JSON contract, the same bytes every run', async () => {
    const a = await analyze('tutorial-bilateral', '--json');
    const b = await analyze('tutorial-bilateral', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout);
    expect(r.outcomeSpace.size).toBe(270);
    expect(r.feasible.count).toBe(48);
    expect(r.documents.map((d: { id: string }) => d.id)).toEqual(['north-opening', 'mediator-text']);
    expect(r.documents[0].verdicts.south).toMatchObject({ accepts: false, reservation: 0.45 });
    expect(r.documents[0].verdicts.south.violations[0]).toEqual({
      redLine: 'no-cession',
      text: 'No cession of territory it holds.',
      sources: [],
      confirmed: true,
      basis: 'assumption', // the tutorial gives no basis
    });
    for (const k of ['nash', 'kalaiSmorodinsky', 'utilitarian', 'egalitarian']) {
      expect(Object.keys(r.solutions[k].package)).toEqual([
        'line',
        'alliance',
        'army-cap',
        'guarantee',
        'sanctions',
      ]);
      expect(Object.keys(r.solutions[k].utilities)).toEqual(['north', 'south']);
    }
    expect(r.solutions.nash.package['army-cap']).toBe(1000000);
    expect(r.pareto.exact).toBe(true);
    expect(r.pareto.points).toHaveLength(7);
  });

  it('should list the first N feasible packages with --limit', async () => {
    const r = JSON.parse((await analyze('tutorial-bilateral', '--json', '--limit', '3')).stdout);
    expect(r.feasible.packages).toHaveLength(3);
    expect(r.feasible.packages[0].alliance).toBe('neutral');
    const bad = await analyze('tutorial-bilateral', '--limit', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should print readable tables with reasons and labels', async () => {
    const r = await analyze('tutorial-bilateral');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('48 (17.8%)');
    expect(r.stdout).toMatch(/red lines?:\n\s+(?:– |1\. )No cession of territory it holds\./);
    expect(r.stdout).toContain('below reservation [assumption]; costliest: Territory [assumption]');
    expect(r.stdout).toContain('A collective defence pledge like NATO');
    expect(r.stdout).toMatch(/Pareto frontier: 7 points .* exact/);
    expect(r.stdout.includes('\u001b[')).toBe(false);
  });

  it('should say of each option in the ZOPA what the JSON says: who cannot live with it alone, or that only the parties together rule it out', async () => {
    for (const id of ['ukraine-peace', 'tutorial-bilateral']) {
      const j = JSON.parse((await analyze(id, '--json')).stdout);
      const text = (await analyze(id)).stdout.replace(/\s+/g, ' ');
      const zone = text.slice(text.indexOf('Zone of possible agreement'), text.indexOf('Documents'));
      let together = 0;
      let open = 0;
      for (const z of j.zopa as { issue: string; byActor: Record<string, string[]>; parties: string[] }[]) {
        const options = Object.values(z.byActor).flat();
        for (const o of new Set(options)) {
          const everyone = Object.values(z.byActor).every((live) => live.includes(o));
          if (everyone && !z.parties.includes(o)) together++;
          if (everyone && z.parties.includes(o)) open++;
        }
      }
      const said = zone.split('each actor can alone; the parties’ red lines together rule it out').length - 1;
      expect(said, id).toBe(together);
      // an option no one rules out says so as an ability, not a bare 'every actor' after the key's 'who cannot'
      expect(zone.split('— every actor can alone').length - 1, id).toBe(open);
      expect(zone).not.toMatch(/— every actor(?! can alone)/);
      if (id === 'ukraine-peace') expect(together).toBeGreaterThan(0);
    }
  });

  it('should refuse an unknown scenario with exit 1 and one line', async () => {
    const r = await analyze('no-such-scenario');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the state bound', () => {
  it('should refuse, in one line that says what to do, a scenario whose conditions link too many issues', () => {
    const ids = Array.from({ length: 16 }, (_, i) => `x${i}`);
    const s = compileScenario({
      id: 'wide',
      title: 'Wide',
      summary: 'one rule reads every issue',
      date: '2025',
      sources: [],
      documents: [],
      events: [],
      issues: ids.map((id) => ({
        id,
        label: id,
        options: [
          { id: 'a', label: 'a' },
          { id: 'b', label: 'b' },
        ],
        statusQuo: 'a',
      })),
      actors: ['p', 'q'].map((id) => ({
        id,
        name: id,
        preferences: {},
        reservation: { value: 0, rationale: 'none' },
      })),
      rules: [
        {
          id: 'r',
          text: 'some pair',
          rule: {
            any: ids.map((x, i) => ({
              all: [
                { issue: x, is: 'b' },
                { issue: ids[(i + 5) % 16]!, is: 'a' },
              ],
            })),
          },
        },
      ],
      protocol: { kind: 'alternating-offers', parties: ['p', 'q'], maxRounds: 5 },
    });
    const build = () => buildDag(s, { hard: s.rules, maxStates: 1000 });
    expect(build).toThrow(AnalysisLimitError);
    expect(build).toThrow(/more than 1,000 DP states.*link the issues x0, x1.*together; split conditions/);
    expect(buildDag(s, { hard: s.rules }).total).toBeGreaterThan(0);
  });

  it('should mark each red line in force that rests on later sources, as its --json lists them, and give the reasons once', async () => {
    const j = JSON.parse((await analyze('ukraine-peace', '--as-of', '2022-04-15', '--json')).stdout);
    const s = openScenario('ukraine-peace');
    expect(j.appliedBeforeRecord).toEqual(appliedBeforeRecord(s, '2022-04-15'));
    const text = (await analyze('ukraine-peace', '--as-of', '2022-04-15')).stdout.replace(/\s+/g, ' ');
    const section = text.split('Red lines in force on 2022-04-15')[1]!.split(' Feasibility ')[0]!;
    const lines = j.actors.flatMap((a: { id: string; redLines: { id: string; text: string }[] }) =>
      a.redLines.map((r) => ({ actor: a.id, ...r })),
    );
    for (const r of lines) {
      const e = j.appliedBeforeRecord.find(
        (x: { actor: string; kind: string; id: string }) =>
          x.actor === r.actor && x.kind === 'redLine' && x.id === r.id,
      );
      const after = section.split(r.text)[1]!.split(' • ')[0]!;
      if (e)
        expect(after).toContain(
          `applied before its earliest source (${e.earliest.source}, ${e.earliest.date}; reason `,
        );
      else expect(after).not.toContain('applied before its earliest source');
    }
    expect(section).toContain("Held earlier — the scenario's reasons (heldEarlier)");
    // on a date where every red line and preference rests on a source of its time, nothing is said
    const bilateral = await analyze('tutorial-bilateral', '--json');
    expect(JSON.parse(bilateral.stdout).appliedBeforeRecord).toEqual([]);
    expect((await analyze('tutorial-bilateral')).stdout).not.toContain('applied before');
  });
});
