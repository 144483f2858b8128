// The checks every shipped scenario must pass (issue 7), on small fixtures: the data helper runs them on the
// shipped files in tests/scenarios.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingBasis, unpairedHypotheses } from '../../src/scenario/audit.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/format/dated.yaml');
const text = readFileSync(FIXTURE, 'utf8');

function withEdits(...edits: [string, string][]) {
  let t = text;
  for (const [from, to] of edits) {
    expect(t.includes(from), `the fixture contains ${JSON.stringify(from)}`).toBe(true);
    t = t.replace(from, to);
  }
  return loadScenarioFile('/mem/x.yaml', memoryFiles({ '/mem/x.yaml': t }));
}

describe('missingBasis', () => {
  it('should find nothing in a scenario that gives a basis everywhere', () => {
    expect(missingBasis(loadScenarioFile(FIXTURE))).toEqual([]);
  });

  it('should name every item without a basis, each by its path', () => {
    const s = withEdits(
      ['        basis: stated\n        statement: \'"Membership is unacceptable."\'\n', ''],
      ['{ kind: boulware, basis: assumption, rationale: concedes late }', '{ kind: boulware }'],
      [
        'drift: { value: -0.01, basis: assumption, rationale: West tires, counterpart: east-drift }',
        'drift: -0.01',
      ],
      ['counterpart: west-drift }', '}'],
      ['    basis: assumption\n    rationale: a stylised inject\n', '    rationale: a stylised inject\n'],
      [
        '        basis: reading\n        sources: [s1]\n        rationale: in 2022',
        '        rationale: in 2022',
      ],
      ['      basis: assumption\n      oneSided', '      oneSided'],
    );
    expect(missingBasis(s).map((f) => f.at)).toEqual([
      'actors[east].redLines[no-member]',
      'actors[east].strategy',
      'actors[east].epochs[east-2022]',
      'actors[west].reservation.drift',
      'events[pressure-on-west]',
      'durability.factors[neutrality-holds]',
    ]);
  });

  it('should flag a party with no strategy: the engine default is then an unstated assumption', () => {
    const s = withEdits([
      '    strategy: { kind: linear, basis: assumption, rationale: concedes steadily }\n',
      '',
    ]);
    expect(missingBasis(s)).toEqual([
      { at: 'actors[west].strategy', message: expect.stringMatching(/no basis/) },
    ]);
  });

  it('should list every red line, preference, reservation, drift and strategy of the tutorial with its basis taken out', () => {
    // the shipped tutorial gives a basis everywhere (tests/scenarios/basis.test.ts); without them, all are listed
    const shipped = readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8');
    // the record goes too: a recorded reaction must say how it is known (stated or reading), it has no default
    const bare = shipped
      .replace(/\nrecord:[\s\S]*$/, '\n')
      .replace(/^ *basis: \w+\n/gm, '')
      .replace(/, basis: assumption/g, '')
      .replace(/drift: \{ value: (-?[\d.]+)[^}]*\}/, 'drift: $1');
    expect(bare).not.toContain('basis:');
    const s = loadScenarioFile('/mem/t.yaml', memoryFiles({ '/mem/t.yaml': bare }));
    const at = missingBasis(s).map((f) => f.at);
    for (const a of s.actors) {
      for (const r of a.redLines) expect(at).toContain(`actors[${a.id}].redLines[${r.id}]`);
      expect(at).toContain(`actors[${a.id}].reservation`);
    }
    for (const r of s.rules) expect(at).toContain(`rules[${r.id}]`);
  });
});

describe('unpairedHypotheses', () => {
  it('should accept paired drifts and events, and a factor with a stated reason', () => {
    expect(unpairedHypotheses(loadScenarioFile(FIXTURE))).toEqual([]);
  });

  it('should flag a drift, a round-triggered event and a factor that have neither counterpart nor reason', () => {
    const s = withEdits(
      [
        'drift: { value: 0.01, basis: assumption, rationale: East thinks time is on its side, counterpart: west-drift }',
        'drift: 0.01',
      ],
      [
        'drift: { value: -0.01, basis: assumption, rationale: West tires, counterpart: east-drift }',
        'drift: 0',
      ],
      ['    counterpart: pressure-on-east\n', ''],
      ['    counterpart: pressure-on-west\n', ''],
      ['      oneSided: a teaching factor with no opposite reading\n', ''],
    );
    expect(unpairedHypotheses(s).map((f) => f.at)).toEqual([
      'actors[east].reservation.drift', // a drift of 0 turns nothing on
      'events[pressure-on-west]',
      'events[pressure-on-east]',
      'durability.factors[neutrality-holds]',
    ]);
  });

  it('should not count a manual event, or one that only tables a document, as on by default', () => {
    const s = withEdits(
      ['    counterpart: pressure-on-east\n', ''],
      ['    counterpart: pressure-on-west\n', ''],
      [
        '    trigger: { round: 2 }\n    effects: [{ kind: shift-reservation, actor: west',
        '    trigger: { manual: true }\n    effects: [{ kind: shift-reservation, actor: west',
      ],
      [
        'effects: [{ kind: shift-reservation, actor: east, delta: -0.05 }]',
        'effects: [{ kind: table, document: east-2022-text }]',
      ],
    );
    expect(unpairedHypotheses(s)).toEqual([]);
  });
});
