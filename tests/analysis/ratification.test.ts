// Ratification in the analysis, against brute force on small random scenarios: a package is reported as needing
// ratification exactly when it meets a hurdle's condition (read here straight from the input, not from the
// compiled masks), it clears exactly when the actor's utility reaches the threshold, and the exact count of feasible
// packages that need ratification is the brute-force count.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { countNeedingRatification } from '../../src/analysis/ratification.ts';
import { ratificationOf } from '../../src/domain/ratification.ts';
import { utility } from '../../src/domain/utility.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cli, ROOT } from '../helpers.ts';
import { allPackages, brute } from './oracle.ts';
import { arbCase, meets, SEED } from './ratified-arbitraries.ts';

describe('ratification against brute force', () => {
  it('should need ratification exactly when a hurdle condition holds, and clear exactly at the threshold', () => {
    fc.assert(
      fc.property(arbCase, ({ scenario: s, conditions }) => {
        for (const pkg of allPackages(s)) {
          const met = s.ratifications.filter((_, k) => meets(s, conditions[k]!, pkg));
          const r = ratificationOf(s, pkg);
          if (met.length === 0) {
            expect(r).toBeNull();
            continue;
          }
          expect(r?.hurdles.map((h) => h.id)).toEqual(met.map((h) => h.id));
          for (const [k, h] of met.entries()) {
            const u = utility(s.actors[h.actor]!, s.offsets, pkg);
            expect(r!.hurdles[k]!.clears).toBe(u >= h.threshold.value - 1e-12);
          }
          expect(r!.clears).toBe(r!.hurdles.every((h) => h.clears));
        }
      }),
      { seed: SEED, numRuns: 60, verbose: true },
    );
  });

  it('should count the feasible packages that need ratification exactly', () => {
    fc.assert(
      fc.property(arbCase, ({ scenario: s, conditions }) => {
        const all = brute(s);
        const feasible = all.filter((p) => p.feasible);
        const needing = feasible.filter((p) => conditions.some((c) => meets(s, c, p.pkg))).length;
        expect(countNeedingRatification(s, feasible.length)).toBe(needing);
      }),
      { seed: SEED, numRuns: 60, verbose: true },
    );
  });
});

describe('ratification in analyze', () => {
  it('should report each document, solution and frontier point subject to the hurdle, with its verdict', () => {
    const s = loadScenarioFile(`${ROOT}/tests/fixtures/format/ratified.yaml`);
    const report = analyzeScenario(s);
    const doc = (id: string) => report.documents.find((d) => d.id === id)!;
    // West accepts the ceded line for aid (0.425 ≥ its reservation 0.3) but its parliament needs 0.5
    expect(doc('cede-for-aid').verdicts.west!.accepts).toBe(true);
    expect(doc('cede-for-aid').ratification).toMatchObject({
      clears: false,
      hurdles: [{ id: 'west-parliament', actor: 'west', utility: 0.425, threshold: 0.5, clears: false }],
    });
    expect(doc('freeze-text').ratification).toBeNull();
    const r = report.ratification!;
    expect(r.hurdles).toEqual([
      expect.objectContaining({ id: 'west-parliament', threshold: 0.5, thresholdRange: [0.4, 0.6] }),
    ]);
    // no red lines: every package is feasible, and a third of them cede the line
    expect(report.feasible.count).toBe(12);
    expect(r.feasible).toBe(4);
    const needing = report.pareto.points.filter((p) => p.ratification !== null);
    expect(r.frontier).toEqual({
      needed: needing.length,
      cleared: needing.filter((p) => p.ratification!.clears).length,
    });
    for (const p of report.pareto.points) expect(p.ratification !== null).toBe(p.package.line === 'cede');
  });
});

describe('ratification in the words of analyze and whatif', () => {
  const FIXTURE = 'tests/fixtures/format/ratified.yaml';

  it('should say which texts are signed subject to the body, by its label, with the verdict its JSON holds', () => {
    const json = cli(['analyze', FIXTURE, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout).documents.find((d: { id: string }) => d.id === 'cede-for-aid');
    expect(doc.ratification.hurdles[0]).toMatchObject({ clears: false, threshold: 0.5 });
    const text = cli(['analyze', FIXTURE]);
    expect(text.code, text.stderr).toBe(0);
    const flat = text.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      "subject to West's parliament (in force at every date): worth 0.425 to West, below the 0.500 its approval needs [assumption] — it falls short",
    );
    // a feasible package is not signed until every required actor accepts it: the count is of those meeting a hurdle
    expect(flat).toContain(
      '4 of the 12 feasible packages meet a hurdle: signed, they take effect only if approved',
    );
    expect(flat).toContain("the model's assumption, not a forecast of the vote");
    expect(flat).not.toContain('west-parliament');
  });

  it('should state the hurdle in show, and what each document would meet if signed', () => {
    const r = cli(['show', FIXTURE]);
    expect(r.code, r.stderr).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      "Ratification — West's parliament (in force at every date): West's parliament approves or rejects a text that cedes the line. Approval needs the text to be worth at least 0.50 to West [assumption]",
    );
    expect(flat).toContain(
      "if signed, subject to West's parliament (in force at every date): worth 0.425 to West, below the 0.500 its approval needs [assumption] — it falls short",
    );
    // the frozen line meets no hurdle: one such line, for the ceded line's text
    expect(flat.split('if signed, subject to').length).toBe(2);
  });

  it('should compare the hurdle before and after a change in whatif', () => {
    const r = cli(['whatif', FIXTURE, '--document', 'cede-for-aid', '--set', 'line=freeze']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      "Ratification: would fall short of West's parliament → none needed: it would take effect when signed",
    );
    const json = cli(['whatif', FIXTURE, '--document', 'freeze-text', '--set', 'line=cede', '--json']);
    expect(JSON.parse(json.stdout).ratification).toMatchObject({
      before: null,
      after: { clears: false, hurdles: [{ id: 'west-parliament', actor: 'west' }] },
    });
  });

  it('should name, in whatif, only the bodies a text falls short of when it meets two and clears one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-hurdles-'));
    try {
      const file = join(dir, 'two-hurdles.yaml');
      const hurdle = (id: string, actor: string, label: string, threshold: number) => [
        `  - id: ${id}`,
        `    actor: ${actor}`,
        `    label: ${label}`,
        '    text: Every settlement goes to this body.',
        '    when: { issue: sanctions, in: [kept, phased, lifted] }',
        '    basis: assumption',
        '    rationale: a test hurdle',
        `    threshold: { value: ${threshold}, basis: assumption, rationale: a test threshold }`,
      ];
      writeFileSync(
        file,
        [
          'format: 1',
          `include: ${JSON.stringify(join(ROOT, 'scenarios/tutorial-bilateral.yaml'))}`,
          'id: two-hurdles',
          'title: Two hurdles',
          'summary: the tutorial with a body on each side, one the mediator text clears and one it does not',
          'date: 2025-03-01',
          'ratification:',
          ...hurdle('north-vote', 'north', "a vote in North's assembly", 0.5),
          ...hurdle('south-vote', 'south', 'a referendum in South', 0.9),
          '',
        ].join('\n'),
      );
      const json = cli(['whatif', file, '--document', 'mediator-text', '--set', 'sanctions=kept', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const after = JSON.parse(json.stdout).ratification.after;
      expect(after.hurdles.map((h: { id: string; clears: boolean }) => [h.id, h.clears])).toEqual([
        ['north-vote', true],
        ['south-vote', false],
      ]);
      const text = cli(['whatif', file, '--document', 'mediator-text', '--set', 'sanctions=kept']).stdout;
      const head = text.replace(/\s+/g, ' ').match(/Ratification: ([^—]*)—/)![1]!;
      expect(head).toBe('would fall short of a referendum in South [assumption] (unchanged) ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
