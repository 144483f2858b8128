import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, valuesToAdd, whatIf } from '../../src/analysis/whatif.ts';
import { durabilityOf } from '../../src/domain/durability.ts';
import { PeacesimError, UnknownIdError } from '../../src/domain/errors.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';
import { buildSmallScenario, smallShape } from './concession-scenarios.ts';

const FILE = `${ROOT}/scenarios/tutorial-bilateral.yaml`;
const tutorial = loadScenarioFile(FILE);
const recompile = (extraValues: ReadonlyMap<string, readonly number[]>) =>
  loadScenarioFile(FILE, undefined, { extraValues });
const verdict = (r: ReturnType<typeof whatIf>, actor: string) => r.verdicts.find((v) => v.actor === actor)!;

describe('whatIf on the tutorial', () => {
  it('should find the mediator text short of agreement only because South is below its reservation', () => {
    const r = whatIf(tutorial, 'mediator-text', []);
    // North: 0.4·0.6 + 0.3·1 + 0.1·curve(600k)=0.1·(0.6 − 0.5·350/550) + 0.1·0.6 + 0.1·0.6
    expect(verdict(r, 'north').before.utility).toBeCloseTo(
      0.24 + 0.3 + 0.1 * (0.6 - (0.5 * 350) / 550) + 0.12,
      12,
    );
    // South: (4·0.4 + 2·0.3 + 2·0.7 + 3·0.3 + 1·0.6) / 12 = 5.1 / 12
    expect(verdict(r, 'south').before.utility).toBeCloseTo(5.1 / 12, 12);
    expect(r.agreement).toEqual({ before: false, after: false });
    expect(r.moved).toEqual([]);
    expect(r.verdicts.every((v) => !v.changed)).toBe(true);
  });

  it('should win South over with an Article-5-like guarantee and a 700,000 cap (a value that is not a candidate)', () => {
    const r = whatIf(
      tutorial,
      'mediator-text',
      [
        { issue: 'guarantee', value: 'art5-like' },
        { issue: 'army-cap', value: '700k' },
      ],
      { recompile },
    );
    // 700,000 became an option of the recompiled scenario, with the curve's value at 700,000
    expect(r.scenario.issues[2]!.options.map((o) => o.value)).toContain(700000);
    const south = verdict(r, 'south');
    const north = verdict(r, 'north');
    // South gains 3·(1 − 0.3)/12 on the guarantee and 2·(0.8 − 0.7)/12 on the cap
    expect(south.utilityDelta).toBeCloseTo((3 * 0.7 + 2 * 0.1) / 12, 12);
    // North loses 0.1·0.6 on the guarantee and 0.1·0.5·100/550 on the cap
    expect(north.utilityDelta).toBeCloseTo(-(0.06 + (0.1 * 0.5 * 100) / 550), 12);
    expect(south.flipped).toBe(true);
    expect(north.flipped).toBe(false);
    expect(r.agreement).toEqual({ before: false, after: true });
    expect(r.moved.map((m) => m.kind)).toEqual(['agreement', 'utility', 'verdict', 'utility']);
  });

  it('should report a red line newly broken and a rule newly broken, with their text and sources', () => {
    const nato = whatIf(tutorial, 'mediator-text', [{ issue: 'alliance', value: 'nato-path' }]);
    expect(nato.moved).toContainEqual(
      expect.objectContaining({
        kind: 'red-line-broken',
        actor: 'north',
        redLine: 'no-nato',
        sources: ['putin-2024'],
      }),
    );
    expect(nato.moved).toContainEqual({ kind: 'verdict', actor: 'north', before: 'accept', after: 'reject' });
    const bare = whatIf(tutorial, 'mediator-text', [{ issue: 'guarantee', value: 'none' }]);
    expect(bare.moved).toContainEqual(
      expect.objectContaining({ kind: 'rule-broken', redLine: 'neutral-needs-guarantee' }),
    );
    expect(bare.rules.after.map((x) => x.redLine)).toEqual(['neutral-needs-guarantee']);
  });

  it('should report red lines cleared when the opening demands drop the cession and raise the cap', () => {
    const r = whatIf(tutorial, 'north-opening', [
      { issue: 'line', value: 'freeze' },
      { issue: 'army-cap', value: '250000' },
    ]);
    const cleared = r.moved
      .filter((m) => m.kind === 'red-line-cleared')
      .map((m) => 'redLine' in m && m.redLine);
    expect(cleared).toEqual(['no-cession', 'army-floor']);
    expect(verdict(r, 'south').after.violations).toEqual([]);
  });

  it('should reject unknown documents, issues and options with the valid ids', () => {
    expect(() => whatIf(tutorial, 'nope', [])).toThrow(UnknownIdError);
    expect(() => whatIf(tutorial, 'nope', [])).toThrow(/valid documents: north-opening, mediator-text/);
    expect(() => whatIf(tutorial, 'mediator-text', [{ issue: 'guarante', value: 'none' }])).toThrow(
      /unknown issue "guarante" \(did you mean "guarantee"\?\); valid issues: line, alliance, army-cap/,
    );
    expect(() => whatIf(tutorial, 'mediator-text', [{ issue: 'guarantee', value: 'full' }])).toThrow(
      /valid guarantee options: none, consultations, art5-like/,
    );
    expect(() => whatIf(tutorial, 'mediator-text', [{ issue: 'army-cap', value: '2m' }])).toThrow(/outside/);
    expect(() => whatIf(tutorial, 'mediator-text', [{ issue: 'army-cap', value: 'many' }])).toThrow(
      /not a number/,
    );
  });

  it('should refuse a value that is not an option when it cannot recompile, and never guess', () => {
    expect(() => whatIf(tutorial, 'mediator-text', [{ issue: 'army-cap', value: '700000' }])).toThrow(
      PeacesimError,
    );
    expect([...valuesToAdd(tutorial, [{ issue: 'army-cap', value: '700000' }])]).toEqual([
      ['army-cap', [700000]],
    ]);
    expect([...valuesToAdd(tutorial, [{ issue: 'army-cap', value: '800,000' }])]).toEqual([]);
  });

  it('should read numbers as people type them', () => {
    expect(parseNumber('800000')).toBe(800000);
    expect(parseNumber('800_000')).toBe(800000);
    expect(parseNumber('800,000')).toBe(800000);
    expect(parseNumber('800k')).toBe(800000);
    expect(parseNumber('0.8m')).toBe(800000);
    expect(parseNumber('eight')).toBeUndefined();
  });
});

describe('whatIf and the durability estimate', () => {
  const UP = `${ROOT}/scenarios/ukraine-peace.yaml`;
  const up = loadScenarioFile(UP);
  const reload = (extraValues: ReadonlyMap<string, readonly number[]>) =>
    loadScenarioFile(UP, undefined, { extraValues });

  it('should switch on both readings of a cap below the army’s strength at 700,000, a value that is not a candidate', () => {
    const r = whatIf(up, 'us-ukraine-20-point', [{ issue: 'army-cap', value: '700k' }], {
      recompile: reload,
    });
    expect(r.durability).not.toBeNull();
    expect(r.durability!.before).toEqual(durabilityOf(r.scenario, r.before));
    expect(r.durability!.after).toEqual(durabilityOf(r.scenario, r.after));
    expect(r.durability!.switched).toEqual([
      {
        id: 'cap-weakens-defence',
        label: 'an army capped below its present strength, as Kyiv and Europe see it',
        shift: -0.05,
        basis: 'assumption',
        before: false,
        after: true,
      },
      {
        id: 'cap-meets-russian-demand',
        label: 'an army capped below its present strength, as Moscow sees it',
        shift: 0.05,
        basis: 'assumption',
        before: false,
        after: true,
      },
    ]);
    // the two readings are equal and opposite, so the estimate does not move until a user drops or tunes one
    expect(r.durability!.after.value - r.durability!.before.value).toBeCloseTo(0, 12);
  });

  it('should switch nothing when nothing changes, and be null for a scenario without durability assumptions', () => {
    const same = whatIf(up, 'us-28-point-plan', []);
    expect(same.durability!.switched).toEqual([]);
    expect(same.durability!.after).toEqual(same.durability!.before);
    expect(
      whatIf(tutorial, 'mediator-text', [{ issue: 'guarantee', value: 'art5-like' }]).durability,
    ).toBeNull();
  });
});

describe('whatIf properties', () => {
  it('should change nothing when nothing is changed, or when every issue is set to what it already is', () => {
    fc.assert(
      fc.property(smallShape, fc.boolean(), (shape, restate) => {
        const s = buildSmallScenario(shape);
        const doc = s.documents[0]!;
        const requests = restate
          ? s.issues.map((x) => ({ issue: x.id, value: x.options[doc.package[x.index]!]!.id }))
          : [];
        const r = whatIf(s, 'doc', requests);
        expect(r.moved).toEqual([]);
        expect([...r.after]).toEqual([...r.before]);
        for (const v of r.verdicts) {
          expect(v.changed).toBe(false);
          expect(v.after).toEqual(v.before);
        }
        expect(r.agreement.after).toBe(r.agreement.before);
      }),
      { numRuns: 200 },
    );
  });

  it('should agree with evaluatePackage on the changed package, and list exactly the verdicts that flipped', () => {
    fc.assert(
      fc.property(smallShape, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (shape, picks) => {
        const s = buildSmallScenario(shape);
        const doc = s.documents[0]!;
        const requests = new Map<string, string>();
        picks.forEach((p, k) => {
          const issue = s.issues[(p + k) % s.issues.length]!;
          requests.set(issue.id, issue.options[p % issue.options.length]!.id);
        });
        const r = whatIf(
          s,
          'doc',
          [...requests].map(([issue, value]) => ({ issue, value })),
        );
        const expected = Int32Array.from(doc.package);
        for (const [id, value] of requests) {
          const issue = s.issues[s.issueIndex.get(id)!]!;
          expected[issue.index] = issue.options.findIndex((o) => o.id === value);
        }
        expect([...r.after]).toEqual([...expected]);
        const ev = evaluatePackage(s, expected);
        expect(r.agreement.after).toBe(ev.agreement);
        expect(r.verdicts.map((v) => v.after)).toEqual(ev.verdicts);
        const flips = r.moved.filter((m) => m.kind === 'verdict').map((m) => ('actor' in m ? m.actor : ''));
        expect(flips).toEqual(
          r.verdicts.filter((v) => v.before.accepts !== v.after.accepts).map((v) => v.actor),
        );
      }),
      { numRuns: 200 },
    );
  });
});
