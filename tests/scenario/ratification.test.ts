// Ratification hurdles in the format (issue 7, item 2): schema, cross-checks with positions, include/override/omit,
// compilation and the audit of what each part rests on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/domain/condition.ts';
import { missingBasis } from '../../src/scenario/audit.ts';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/format/ratified.yaml');
const text = readFileSync(FIXTURE, 'utf8');
const FILE = '/mem/ratified.yaml';

/** The fixture with textual replacements (each must apply), loaded from memory, with more files beside it. */
function loadWith(edits: [string, string][], more: Record<string, string> = {}) {
  let t = text;
  for (const [from, to] of edits) {
    expect(t.includes(from), `the fixture contains ${JSON.stringify(from)}`).toBe(true);
    t = t.replace(from, to);
  }
  return loadScenario(FILE, memoryFiles({ [FILE]: t, ...more }));
}

const errorsOf = (r: ReturnType<typeof loadScenario>): string[] => (r.ok ? [] : r.errors.map(formatError));
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('ratification: the format', () => {
  it('should compile the actor, the condition, the words and the threshold with their bases', () => {
    const s = loadScenarioFile(FIXTURE);
    expect(s.ratifications).toHaveLength(1);
    const r = s.ratifications[0]!;
    expect(r).toMatchObject({
      id: 'west-parliament',
      actor: s.actorIndex.get('west'),
      label: "West's parliament",
      basis: 'stated',
      basisGiven: true,
      sources: ['s1'],
      threshold: { value: 0.5, range: [0.4, 0.6], basis: 'assumption', basisGiven: true, sources: [] },
    });
    expect(r.scope).toEqual([s.issueIndex.get('line')]);
    const [cede, freeze] = s.documents;
    expect(holds(r.condition, cede!.package)).toBe(true);
    expect(holds(r.condition, freeze!.package)).toBe(false);
  });

  it('should report schema mistakes with their positions', () => {
    const errors = errorsOf(
      loadWith([
        ['      value: 0.5\n', '      value: 1.5\n'],
        ["    label: West's parliament\n", ''],
      ]),
    );
    // the label's line is gone, so the threshold's value sits one line higher
    const value = `ratified.yaml:${lineOf('value: 0.5') - 1}:14: ratification[west-parliament].threshold.value`;
    expect(errors).toEqual([
      // a missing key is reported where its entry starts
      `${FILE}:${lineOf('- id: west-parliament')}:5: ratification[west-parliament].label: missing: give some text`,
      expect.stringContaining(`${value}: too large: give a number ≤ 1`),
      expect.stringContaining(`${value}: the threshold 1.5 lies outside its own range [0.4, 0.6]`),
    ]);
  });

  it('should cross-check the actor, the condition, the range and the basis, each on its own located line', () => {
    const errors = errorsOf(
      loadWith([
        ['    actor: west\n', '    actor: wset\n'],
        ['    when: { issue: line, is: cede }', '    when: { issue: line, is: ceded }'],
        ['      range: [0.4, 0.6]', '      range: [0.6, 0.4]'],
        ['    statement: \'"No land changes hands without parliament."\'\n', ''],
      ]),
    );
    expect(errors).toEqual([
      `${FILE}:${lineOf('- id: west-parliament')}:5: ratification[west-parliament]: a stated basis needs its "statement": the words it rests on, quoted or paraphrased`,
      expect.stringMatching(
        new RegExp(
          `ratified\\.yaml:${lineOf('actor: west')}:\\d+: ratification\\[west-parliament\\]\\.actor: unknown actor "wset" \\(did you mean "west"\\?\\)`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `ratified\\.yaml:${lineOf('when:')}:\\d+: ratification\\[west-parliament\\]\\.when\\.is: unknown option "ceded" of issue "line" \\(did you mean "cede"\\?\\)`,
        ),
      ),
      // the statement's line is gone, so the range sits one line higher
      `${FILE}:${lineOf('range: [0.4') - 1}:14: ratification[west-parliament].threshold.range: range is upside down: write [low, high]`,
    ]);
  });

  it('should refuse a threshold outside its own range, and a duplicate id', () => {
    const entry = text.slice(text.indexOf('  - id: west-parliament'), text.indexOf('protocol:'));
    const errors = errorsOf(
      loadWith([
        ['      value: 0.5\n', '      value: 0.7\n'],
        ['protocol:', `${entry}protocol:`],
      ]),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /ratification\[west-parliament\]\.threshold\.value: the threshold 0\.7 lies outside its own range \[0\.4, 0\.6\]/,
      ),
      expect.stringMatching(
        /ratification\[west-parliament\]\.id: duplicate ratification id "west-parliament" \(first used at ratification\[0\]\)/,
      ),
    ]);
  });

  it('should merge an including file by id, and omit by id or with its actor', () => {
    const base = { '/mem/base.yaml': text };
    const over = (body: string) =>
      loadScenario(
        '/mem/mine.yaml',
        memoryFiles({ ...base, '/mem/mine.yaml': `include: base.yaml\nid: mine\n${body}` }),
      );
    const merged = over(
      'ratification:\n  - id: west-parliament\n    threshold: { value: 0.4, rationale: mine }\n',
    );
    expect(errorsOf(merged)).toEqual([]);
    if (merged.ok)
      expect(merged.scenario.ratifications[0]!.threshold).toMatchObject({ value: 0.4, range: [0.4, 0.6] });
    const omitted = over('omit: { ratification: [west-parliament] }\n');
    expect(errorsOf(omitted)).toEqual([]);
    if (omitted.ok) expect(omitted.scenario.ratifications).toEqual([]);
    // an omitted actor has no body to ratify anything: its hurdles go with it
    const withoutWest = over(
      [
        'omit: { actors: [west], documents: [freeze-text] }',
        'actors:',
        '  - { id: north, name: North, preferences: { aid: { weight: 1, values: { fund: 1 }, rationale: r } }, reservation: { value: 0.2, rationale: r } }',
        'protocol: { parties: [east, north] }',
        '',
      ].join('\n'),
    );
    expect(errorsOf(withoutWest)).toEqual([]);
    if (withoutWest.ok) expect(withoutWest.scenario.ratifications).toEqual([]);
    expect(errorsOf(over('omit: { ratification: [east-parliament] }\n'))).toEqual([
      expect.stringMatching(
        /mine\.yaml:3:\d+: omit\.ratification\[0\]: nothing to omit: no ratification "east-parliament"/,
      ),
    ]);
  });

  it('should ask the audit for the basis of the hurdle and of its threshold', () => {
    const r = loadWith([
      ['    basis: stated\n', ''],
      ['      basis: assumption\n      rationale: a stylised bar', '      rationale: a stylised bar'],
    ]);
    expect(errorsOf(r)).toEqual([]);
    if (!r.ok) return;
    const ratification = missingBasis(r.scenario).filter((f) => f.at.startsWith('ratification'));
    expect(ratification.map((f) => f.at)).toEqual([
      'ratification[west-parliament]',
      'ratification[west-parliament].threshold',
    ]);
  });
});
