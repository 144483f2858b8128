// The format additions of issue 7: basis, hypothesis pairing, dated positions (epochs), recordEnds and the record.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/format/dated.yaml');
const text = readFileSync(FIXTURE, 'utf8');
const FILE = '/mem/dated.yaml';

/** The fixture with one or more textual replacements (each must apply), loaded from memory. */
function loadWith(...edits: [string, string][]) {
  let t = text;
  for (const [from, to] of edits) {
    expect(t.includes(from), `the fixture contains ${JSON.stringify(from)}`).toBe(true);
    t = t.replace(from, to);
  }
  return loadScenario(FILE, memoryFiles({ [FILE]: t }));
}

function errorsOf(r: ReturnType<typeof loadScenario>): string[] {
  return r.ok ? [] : r.errors.map(formatError);
}

describe('basis', () => {
  it('should compile the basis, statement and sources of each kind of item', () => {
    const s = loadScenarioFile(FIXTURE);
    const east = s.actors[0]!;
    expect(east.redLines[0]).toMatchObject({ basis: 'stated', basisGiven: true, sources: ['s1'] });
    expect(east.redLines[0]!.statement).toMatch(/unacceptable/);
    expect(east.preferences[0]).toMatchObject({ basis: 'reading', basisGiven: true });
    expect(east.reservation).toMatchObject({ basis: 'assumption', basisGiven: true, drift: 0.01 });
    expect(east.reservation.driftHypothesis).toMatchObject({ id: 'east-drift', counterpart: 'west-drift' });
    expect(east.strategy).toMatchObject({ kind: 'boulware', basis: 'assumption', given: true });
    expect(s.events[0]).toMatchObject({ basis: 'assumption', counterpart: 'pressure-on-east' });
    expect(s.durability!.factors[0]).toMatchObject({ basis: 'assumption', oneSided: expect.any(String) });
  });

  it('should count an item without basis as an assumption, and keep a plain number drift', () => {
    const r = loadWith(
      ['        basis: stated\n        statement: \'"Membership is unacceptable."\'\n', ''],
      [
        'drift: { value: -0.01, basis: assumption, rationale: West tires, counterpart: east-drift }',
        'drift: -0.01',
      ],
      ['counterpart: west-drift }', '}'],
    );
    expect(errorsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.actors[0]!.redLines[0]).toMatchObject({ basis: 'assumption', basisGiven: false });
    expect(r.scenario.actors[1]!.reservation.drift).toBe(-0.01);
    expect(r.scenario.actors[1]!.reservation.driftHypothesis).toMatchObject({
      id: 'west-drift',
      basisGiven: false,
    });
  });

  it('should refuse a stated item without statement or sources, and a reading without sources, each located', () => {
    const r = loadWith(
      ['        statement: \'"Neutrality is our condition."\'\n        sources: [s1]\n', ''],
      ['        basis: reading\n        sources: [s2]\n', '        basis: reading\n'],
    );
    const errors = errorsOf(r);
    expect(errors).toEqual([
      expect.stringMatching(
        /dated\.yaml:\d+:\d+: actors\[east\]\.preferences\.bloc: a stated basis needs its "sources"/,
      ),
      expect.stringMatching(/actors\[east\]\.preferences\.bloc: a stated basis needs its "statement"/),
      expect.stringMatching(/actors\[west\]\.preferences\.bloc: a reading basis needs its "sources"/),
    ]);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(errors[0]).toContain(`dated.yaml:${line('weight: 1')}:`);
  });

  it('should refuse an unknown basis', () => {
    expect(
      errorsOf(
        loadWith([
          'basis: reading\n        sources: [s1]\n      bloc',
          'basis: guess\n        sources: [s1]\n      bloc',
        ]),
      ),
    ).toEqual([
      expect.stringMatching(/actors\[east\]\.preferences\.line\.basis: .*stated.*reading.*assumption/),
    ]);
  });
});

describe('hypothesis pairing', () => {
  it('should refuse a counterpart that does not exist, with the nearest id', () => {
    expect(errorsOf(loadWith(['counterpart: pressure-on-east', 'counterpart: pressure-on-eest']))).toEqual([
      expect.stringMatching(
        /events\[pressure-on-west\]\.counterpart: unknown hypothesis "pressure-on-eest".*did you mean "pressure-on-east"/,
      ),
      expect.stringMatching(
        /events\[pressure-on-east\]\.counterpart: the counterpart "pressure-on-west" does not name "pressure-on-east" back/,
      ),
    ]);
  });

  it('should refuse a counterpart that names another item, and counterpart with oneSided', () => {
    const errors = errorsOf(
      loadWith(
        ['counterpart: pressure-on-west', 'counterpart: east-drift'],
        [
          '      oneSided: a teaching factor',
          '      counterpart: pressure-on-west\n      oneSided: a teaching factor',
        ],
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /events\[pressure-on-east\]\.counterpart: the counterpart "east-drift" does not name "pressure-on-east" back/,
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /durability\.factors\[neutrality-holds\]: give "counterpart" or "oneSided", not both/,
      ),
    );
  });

  it('should refuse a hypothesis that is its own counterpart', () => {
    expect(
      errorsOf(loadWith(['counterpart: pressure-on-east\n', 'counterpart: pressure-on-west\n'])),
    ).toContainEqual(expect.stringMatching(/"pressure-on-west" cannot be its own counterpart/));
  });
});

describe('epochs', () => {
  const s = loadScenarioFile(FIXTURE);
  const east = (x: typeof s) => x.actors[0]!;

  it('should hold the top level on the scenario date and outside every epoch', () => {
    expect(positionsAsOf(s, s.date)).toBe(s);
    expect(positionsAsOf(s, '2022-10-01')).toBe(s); // until is exclusive
    expect(positionsAsOf(s, '2022-02-23')).toBe(s);
  });

  it('should apply an epoch inside its span: values merged option by option, weight, reservation, red lines', () => {
    const d = positionsAsOf(s, '2022-03-29');
    expect(d).not.toBe(s);
    expect(positionsAsOf(s, '2022-09-30')).toBe(d); // memoised by the epochs in force
    const e = east(d);
    expect([...e.preferences[0]!.values]).toEqual([0, 0.8, 1]); // freeze overridden, back and cede kept
    expect([...e.weights]).toEqual([0.5, 0.5]); // line 3, bloc 3
    expect(e.preferences[0]!.basis).toBe('reading'); // the epoch's basis
    expect(e.reservation.value).toBe(0.3);
    expect(e.redLines.map((r) => r.id)).toEqual(['no-cede-refusal']);
    // the top level is untouched
    expect([...east(s).weights]).toEqual([0.75, 0.25]);
    expect(east(s).redLines.map((r) => r.id)).toEqual(['no-member']);
    // the west has no epoch: the same actor
    expect(d.actors[1]).toBe(s.actors[1]);
  });

  it('should judge a 2022 package by the 2022 positions', () => {
    const doc = s.documents[0]!;
    const now = evaluatePackage(s, doc.package).verdicts[0]!;
    const then = evaluatePackage(positionsAsOf(s, doc.date), doc.package).verdicts[0]!;
    expect(now.utility).toBeCloseTo(0.75 * 0.5 + 0.25, 12);
    expect(then.utility).toBeCloseTo(0.5 * 0.8 + 0.5, 12);
    expect(then.reservation).toBe(0.3);
  });

  it('should refuse an epoch that covers the scenario date', () => {
    expect(errorsOf(loadWith(['until: 2022-10-01', 'until: 2025-07-01']))).toEqual([
      expect.stringMatching(
        /actors\[east\]\.epochs\[east-2022\]: the epoch covers the scenario's date 2025-06-01/,
      ),
    ]);
  });

  it('should refuse an epoch with no span, or one that ends before it starts', () => {
    expect(errorsOf(loadWith(['        from: 2022-02-24\n        until: 2022-10-01\n', '']))).toEqual([
      expect.stringMatching(/epochs\[east-2022\]: an epoch needs "from", "until" or both/),
    ]);
    expect(errorsOf(loadWith(['until: 2022-10-01', 'until: 2022-01-01']))).toEqual([
      expect.stringMatching(
        /epochs\[east-2022\]\.until: "until" \(2022-01-01\) must come after "from" \(2022-02-24\)/,
      ),
    ]);
  });

  it('should refuse an unknown red line to drop, an unknown option, and a new issue without weight', () => {
    const errors = errorsOf(
      loadWith(
        ['drop: [no-member]', 'drop: [no-membr]'],
        ['line: { values: { freeze: 0.8 } }', 'line: { values: { freze: 0.8 } }'],
      ),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /epochs\[east-2022\]\.preferences\.line\.values\.freze: unknown option "freze" of issue "line"/,
      ),
      expect.stringMatching(
        /epochs\[east-2022\]\.redLines\.drop\[0\]: unknown red line "no-membr" of "east".*did you mean "no-member"/,
      ),
    ]);
    const west = loadWith([
      '    strategy: { kind: linear',
      '    epochs:\n      - { id: w, until: 2022-01-01, label: old, preferences: { extra: { values: { a: 1 } } } }\n    strategy: { kind: linear',
    ]);
    expect(errorsOf(west)).toEqual([expect.stringMatching(/unknown issue "extra"/)]);
  });

  it('should say to quote a bare year, which YAML reads as a number, and take it quoted', () => {
    expect(errorsOf(loadWith(['date: 2022-03-29', 'date: 2022']))).toEqual([
      expect.stringMatching(
        /documents\[east-2022-text\]\.date: a date is text: put the year in quotes \("2022"\)/,
      ),
    ]);
    const quoted = loadWith(['date: 2022-03-29', 'date: "2022"']);
    expect(errorsOf(quoted)).toEqual([]);
  });

  it('should refuse a date that is not on the calendar', () => {
    expect(errorsOf(loadWith(['date: 2022-03-29', 'date: 2022-02-30']))).toEqual([
      expect.stringMatching(/documents\[east-2022-text\]\.date: "2022-02-30" is not a calendar date/),
    ]);
  });
});

describe('the record and recordEnds', () => {
  it('should compile the record with the actor as an index and keep recordEnds', () => {
    const s = loadScenarioFile(FIXTURE);
    expect(s.recordEnds).toBe('2025-05-20');
    expect(s.record).toEqual([
      expect.objectContaining({
        id: 'west-rejects-2025',
        actor: 1,
        document: 'east-2025-text',
        reaction: 'reject',
        date: '2025-05-02',
        basis: 'stated',
        sources: ['s2'],
      }),
    ]);
  });

  it('should cross-check the actor, document, sources and date of a record entry', () => {
    const errors = errorsOf(
      loadWith(
        ['    actor: west\n    document: east-2025-text', '    actor: wets\n    document: east-2025-txt'],
        ['    sources: [s2]\nprotocol', '    sources: [s3]\nprotocol'],
      ),
    );
    expect(errors).toEqual([
      expect.stringMatching(/record\[west-rejects-2025\]\.actor: unknown actor "wets"/),
      expect.stringMatching(/record\[west-rejects-2025\]\.document: unknown document "east-2025-txt"/),
      expect.stringMatching(/record\[west-rejects-2025\]\.sources\[0\]: unknown source "s3"/),
    ]);
    expect(errorsOf(loadWith(['date: 2025-05-02', 'date: 2025-04-02']))).toEqual([
      expect.stringMatching(
        /record\[west-rejects-2025\]\.date: the reaction \(2025-04-02\) comes before the document/,
      ),
    ]);
    expect(
      errorsOf(
        loadWith([
          'reaction: reject\n    date: 2025-05-02\n    basis: stated',
          'reaction: reject\n    date: 2025-05-02\n    basis: reading',
        ]),
      ),
    ).toEqual([expect.stringMatching(/record\[west-rejects-2025\]: a reading gives its "rationale"/)]);
  });
});

describe('include and omit', () => {
  const child = (lines: string[]) =>
    loadScenario(
      '/mem/child.yaml',
      memoryFiles({
        '/mem/dated.yaml': text,
        '/mem/child.yaml': ['include: dated.yaml', 'id: child', ...lines].join('\n'),
      }),
    );

  it('should omit an epoch and a record entry by id', () => {
    const r = child(['omit: { epochs: ["east:east-2022"], record: [west-rejects-2025] }']);
    expect(errorsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.actors[0]!.epochs).toEqual([]);
    expect(r.scenario.record).toEqual([]);
  });

  it('should drop the record of an omitted document and refuse to omit an epoch that is not there', () => {
    const r = child(['omit: { documents: [east-2025-text] }']);
    expect(errorsOf(r)).toEqual([]);
    if (r.ok) expect(r.scenario.record).toEqual([]);
    expect(errorsOf(child(['omit: { epochs: ["east:east-2021"] }']))).toEqual([
      expect.stringMatching(/omit\.epochs\[0\]: nothing to omit: no epoch "east:east-2021" was included/),
    ]);
  });

  it('should say an id omitted twice is listed twice, not that it was never included', () => {
    for (const [list, id] of [
      ['documents', 'east-2025-text'],
      ['epochs', '"east:east-2022"'],
      ['redLines', '"east:no-member"'],
    ] as const) {
      const errors = errorsOf(child([`omit: { ${list}: [${id}, ${id}] }`]));
      expect(errors, list).toEqual([
        expect.stringMatching(
          new RegExp(
            `omit\\.${list}\\[1\\]: "${id.replace(/"/g, '')}" is listed twice \\(also omit\\.${list}\\[0\\]\\); list it once$`,
          ),
        ),
      ]);
    }
  });

  it('should name a miss in the including file before what it makes fail in the file it includes', () => {
    // a typo in the epoch to omit: the base epoch then covers the new date, an error located in dated.yaml (a
    // name that sorts before the including file's, so that the order is not the alphabet's)
    const errors = errorsOf(
      loadScenario(
        '/mem/z-child.yaml',
        memoryFiles({
          '/mem/dated.yaml': text,
          '/mem/z-child.yaml': [
            'include: dated.yaml',
            'id: child',
            'date: 2022-05-01',
            'omit: { epochs: ["east:east-202"] }',
          ].join('\n'),
        }),
      ),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^\/mem\/z-child\.yaml:\d+:\d+: omit\.epochs\[0\]: nothing to omit/);
    expect(errors[1]).toMatch(/dated\.yaml:\d+:\d+: .*epoch covers the scenario's date 2022-05-01/);
  });

  it('should ask to omit a base epoch that covers the including file’s date', () => {
    expect(errorsOf(child(['date: 2022-05-01']))).toEqual([
      expect.stringMatching(/epoch covers the scenario's date 2022-05-01.*omit: \{ epochs/),
    ]);
    expect(errorsOf(child(['date: 2022-05-01', 'omit: { epochs: ["east:east-2022"] }']))).toEqual([]);
  });

  it('should remove an omitted red line from the epochs that drop it', () => {
    const r = child(['omit: { redLines: ["east:no-member"] }']);
    expect(errorsOf(r)).toEqual([]);
    if (r.ok) expect(r.scenario.actors[0]!.epochs[0]!.dropRedLines).toEqual([]);
  });

  it('should withhold a red line omitted with a reading, keeping it with its reason for hinges to restore', () => {
    const r = child([
      'omit:',
      '  redLines:',
      '    - id: "east:no-member"',
      '      basis: reading',
      '      sources: [s1]',
      '      rationale: read as not yet held on this date',
    ]);
    expect(errorsOf(r)).toEqual([]);
    if (!r.ok) return;
    const east = r.scenario.actors[0]!;
    expect(east.redLines.map((x) => x.id)).not.toContain('no-member');
    expect(east.withheldRedLines).toEqual([
      expect.objectContaining({
        basis: 'reading',
        sources: ['s1'],
        rationale: 'read as not yet held on this date',
      }),
    ]);
    // the red line as the base file writes it: its own basis and sources
    expect(east.withheldRedLines[0]!.redLine).toMatchObject({
      id: 'no-member',
      basis: 'stated',
      sources: ['s1'],
    });
  });

  it('should refuse to withhold a red line the actor does not hold, and one both held and withheld', () => {
    expect(
      errorsOf(
        child(['omit:', '  redLines:', '    - { id: "east:no-membr", basis: reading, rationale: x }']),
      ),
    ).toEqual([expect.stringMatching(/omit\.redLines\[0\]\.id: nothing to withhold: "east:no-membr"/)]);
    // written out instead of by omit, beside the red line it withholds
    const both = child([
      'actors:',
      '  - id: east',
      '    withheldRedLines:',
      '      - id: no-member',
      '        text: West may not join the alliance.',
      '        rule: { issue: bloc, is: neutral }',
      '        withheld: { basis: assumption, rationale: x }',
    ]);
    expect(errorsOf(both)).toEqual([expect.stringMatching(/both held and withheld/)]);
  });
});
