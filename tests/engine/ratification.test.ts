// A run signed subject to ratification (issue 7, item 2): on random small scenarios with random hurdles, a signed
// outcome carries a ratification exactly when its signed terms meet a hurdle's condition (read by an oracle of
// the test's own), each hurdle cleared exactly when the actor's utility at signing reaches its threshold; and the
// CLI says so, end to end, on the worked example of docs/scenarios.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawRng } from '../../src/analysis/draws.ts';
import { applyItems, outcomeItems } from '../../src/analysis/hinge-items.ts';
import { drawScenario } from '../../src/analysis/sweep.ts';
import { statusQuoPackage } from '../../src/domain/utility.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { outcomeRun } from '../../src/engine/outcomes.ts';
import { runOutcomes } from '../../src/engine/outcomes-result.ts';
import { packageOf } from '../../src/engine/terms.ts';
import { n3 } from '../../src/report/format.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { arbCase, meets, SEED } from '../analysis/ratified-arbitraries.ts';
import { cli, ROOT } from '../helpers.ts';

describe('a signed run and its ratification', () => {
  it('should be signed subject to ratification exactly when the signed terms meet a hurdle', () => {
    let subject = 0;
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ scenario: s, conditions }, seed) => {
        const r = runHeadless(s, { seed, maxRounds: 6 });
        const end = runOutcome(r.snapshot.context.transcript);
        if (end?.kind !== 'signed') {
          expect(end?.ratification ?? null).toBeNull();
          return;
        }
        const pkg = packageOf(s, end.terms, statusQuoPackage(s));
        const met = s.ratifications.filter((_, k) => meets(s, conditions[k]!, pkg));
        if (met.length === 0) {
          expect(end.ratification).toBeNull();
          return;
        }
        subject++;
        expect(end.ratification?.hurdles.map((h) => h.id)).toEqual(met.map((h) => h.id));
        for (const [k, h] of met.entries()) {
          const u = end.utilities![s.actors[h.actor]!.id]!;
          expect(end.ratification!.hurdles[k]!.utility).toBe(u);
          expect(end.ratification!.hurdles[k]!.clears).toBe(u >= h.threshold.value - 1e-12);
        }
        expect(end.ratification!.clears).toBe(end.ratification!.hurdles.every((h) => h.clears));
      }),
      { seed: SEED, numRuns: 120, verbose: true },
    );
    // the property saw runs signed subject to ratification, not only runs that were not
    expect(subject).toBeGreaterThan(5);
  });
});

describe('outcomes over drawn thresholds', () => {
  it('should count the signed runs subject to ratification, each judged by its own draw of the threshold', () => {
    const s = loadScenarioFile(`${ROOT}/tests/fixtures/format/ratified.yaml`);
    const options = { draws: 40, seed: 7 };
    const result = runOutcomes(s, options);
    expect(result.parameters).toContain('ratification.west-parliament.threshold');
    const thresholds = new Set<number>();
    let subject = 0;
    let cleared = 0;
    for (let i = 0; i < options.draws; i++) {
      const run = outcomeRun(s, options, i);
      if (run.outcome !== 'signed') {
        expect(run.ratified).toBeNull();
        continue;
      }
      const ceded = run.terms!.line === 'cede';
      expect(run.ratified !== null).toBe(ceded);
      if (!ceded) continue;
      const threshold = drawScenario(s, drawRng(options.seed, i)).ratifications[0]!.threshold.value;
      thresholds.add(threshold);
      expect(run.ratified).toBe(run.utilities!.west! >= threshold - 1e-12);
      subject++;
      if (run.ratified) cleared++;
    }
    expect(subject).toBeGreaterThan(0);
    expect(thresholds.size).toBeGreaterThan(1);
    expect(result.signed.ratification).toMatchObject({ runs: subject, cleared });
  });
});

describe('run on the worked example', () => {
  const EXAMPLE = 'docs/examples/my-referendum-truce.yaml';

  it('should sign subject to a referendum in Ukraine, and say by its JSON numbers whether the text clears it', () => {
    const json = cli(['run', EXAMPLE, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const run = JSON.parse(json.stdout);
    expect(run.outcome).toBe('signed');
    const [h] = run.ratification.hurdles;
    expect(h).toMatchObject({ id: 'ukraine-referendum', actor: 'ukraine', label: 'a referendum in Ukraine' });
    expect(h.clears).toBe(h.utility >= h.threshold);
    expect(run.ratification.clears).toBe(h.clears);
    const text = cli(['run', EXAMPLE]);
    expect(text.code, text.stderr).toBe(0);
    const flat = text.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      `subject to a referendum in Ukraine; by the scenario's numbers the text ${h.clears ? 'clears it' : 'falls short of it'}.`,
    );
    expect(flat).toContain(
      // since when the hurdle holds: the date the scenario gives it (Article 73 of the 1996 Constitution)
      `a referendum in Ukraine (in force from 28 Jun 1996): worth ${n3(h.utility)} to Ukraine, ${h.clears ? 'at or above' : 'below'} the ${n3(h.threshold)} its approval needs [assumption]`,
    );
    expect(flat).toContain('not a forecast of the vote');
    expect(flat).not.toContain('ukraine-referendum');
  });

  it('should be what docs/scenarios.md quotes of it', () => {
    const run = JSON.parse(cli(['run', EXAMPLE, '--json']).stdout);
    const [h] = run.ratification.hurdles;
    const doc = readFileSync(resolve(ROOT, 'docs/scenarios.md'), 'utf8').replace(/\s+/g, ' ');
    expect(doc).toContain(
      `Outcome: signed in round ${run.rounds}, subject to a referendum in Ukraine; by the scenario's numbers the text ${h.clears ? 'clears it' : 'falls short of it'}.`,
    );
    expect(doc).toContain(`worth ${n3(h.utility)} to Ukraine`);
    expect(doc).toContain(`it clears the hurdle by ${n3(h.margin)}`);
    // "at the top of its range (0.70) the same text would fall short"
    const [, high] = loadScenarioFile(resolve(ROOT, EXAMPLE)).ratifications[0]!.threshold.range!;
    expect(doc).toContain(`at the top of its range (${high.toFixed(2)}) the same text would fall short`);
    expect(h.utility).toBeLessThan(high);
  });

  // "The outcome rests on" compares whether a signed text takes effect too: the example's text clears the
  // referendum at the written threshold and falls short at the top of its range, so the threshold is listed
  it('should list the referendum threshold among what the outcome rests on, true of a run made with it reversed', () => {
    const run = JSON.parse(cli(['run', EXAMPLE, '--json']).stdout);
    expect(run.restsOn.outcome).toBe(run.ratification.clears ? 'signed-ratified' : 'signed-unratified');
    const s = loadScenarioFile(resolve(ROOT, EXAMPLE));
    const items = outcomeItems(s);
    const threshold = items.find((x) => x.id === 'threshold:ukraine-referendum')!;
    expect(threshold).toMatchObject({ basis: 'assumption' });
    // the run again with the threshold at the other end of its range: the same seed, the same text signed
    const reversed = runOutcome(
      runHeadless(applyItems(s, [threshold]), { seed: run.seed }).snapshot.context.transcript,
    )!;
    expect(reversed.kind).toBe('signed');
    const listed = run.restsOn.items.find((x: { id: string }) => x.id === threshold.id);
    const changes = reversed.ratification!.clears !== run.ratification.clears;
    // docs/run.md says so of this example
    expect(changes).toBe(true);
    expect(Boolean(listed)).toBe(changes);
    if (listed)
      expect(listed.outcomeIfReversed).toBe(
        reversed.ratification!.clears ? 'signed-ratified' : 'signed-unratified',
      );
    const flat = cli(['run', EXAMPLE]).stdout.replace(/\s+/g, ' ');
    if (listed)
      expect(flat).toContain(
        `[assumption] ${threshold.label} — reversed alone, the run ends in an agreement that falls short of its ratification at home`,
      );
  });

  it('should carry no ratification when the default run does not sign', () => {
    const run = JSON.parse(cli(['run', '--json']).stdout);
    expect(run.outcome).toBe('stalemate');
    expect(run.ratification).toBeNull();
  });
});
