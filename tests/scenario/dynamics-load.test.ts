// Loader errors in the durability section and in blame triggers are located (file:line:col) like the rest.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { memoryFiles } from '../helpers.ts';

const HEAD = [
  'id: dyn',
  'title: Dynamics',
  'summary: Durability and blame triggers with mistakes.',
  'date: 2025-01-01',
  'issues:',
  '  - { id: a, label: A, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: x }',
  'actors:',
  '  - { id: p, name: P, preferences: { a: { weight: 1, values: { x: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: q, name: Q, preferences: { a: { weight: 1, values: { y: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  'protocol: { kind: alternating-offers, parties: [p, q], maxRounds: 3 }',
];

function errorsOf(lines: string[], extra: Record<string, string> = {}): string[] {
  const file = '/mem/dyn.yaml';
  const r = loadScenario(file, memoryFiles({ [file]: [...HEAD, ...lines].join('\n'), ...extra }));
  return r.ok ? [] : r.errors.map(formatError);
}

describe('durability and blame triggers in the loader', () => {
  it('should accept a well-formed durability section and blame trigger', () => {
    const file = '/mem/dyn.yaml';
    const r = loadScenario(
      file,
      memoryFiles({
        [file]: [
          ...HEAD,
          'durability:',
          '  base: 0.5',
          '  rationale: assumed',
          '  factors:',
          '    - { id: f, label: F, when: { issue: a, is: y }, shift: 0.1, rationale: r, confirmed: false }',
          'events:',
          '  - { id: e, title: E, trigger: { blame: { actor: q, atLeast: 2 } }, effects: [{ kind: walk-out, actor: q }] }',
        ].join('\n'),
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.durability?.factors[0]).toMatchObject({ id: 'f', shift: 0.1, confirmed: false });
    expect(r.scenario.events[0]!.trigger).toEqual({ blame: { actor: 1, atLeast: 2 } });
  });

  it('should locate every mistake of the new fields', () => {
    const lines = errorsOf([
      'durability:', // line 11
      '  base: 1.5',
      '  rationale: assumed',
      '  factors:',
      '    - { id: f, label: F, when: { issue: a, is: yy }, shift: 0.1, rationale: r }', // 15
      '    - { id: f, label: G, when: { issue: a, is: y }, shift: 2, rationale: r }',
      'events:',
      '  - { id: e, title: E, trigger: { blame: { actor: qq, atLeast: 2 } }, effects: [{ kind: walk-out, actor: q }] }',
      '  - { id: g, title: G, trigger: { blame: { actor: q, atLeast: 0 } }, effects: [{ kind: walk-out, actor: q }] }',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/mem\/dyn\.yaml:12:9: durability\.base: .*1/),
        expect.stringMatching(
          /^\/mem\/dyn\.yaml:15:48: durability\.factors\[f\]\.when\.is: unknown option "yy" of issue "a" \(did you mean "y"\?\)/,
        ),
        expect.stringMatching(
          /^\/mem\/dyn\.yaml:16:\d+: durability\.factors\[f\]\.id: duplicate durability factor id "f"/,
        ),
        expect.stringMatching(/^\/mem\/dyn\.yaml:16:\d+: durability\.factors\[f\]\.shift: /),
        expect.stringMatching(
          /^\/mem\/dyn\.yaml:18:\d+: events\[e\]\.trigger\.blame\.actor: unknown actor "qq" \(did you mean "q"\?\)/,
        ),
        expect.stringMatching(/^\/mem\/dyn\.yaml:19:\d+: events\[g\]\.trigger/),
      ]),
    );
    expect(lines).toHaveLength(6);
  });

  it('should compile a goodwill effect and locate one that names an unknown actor', () => {
    const file = '/mem/dyn.yaml';
    const ok = loadScenario(
      file,
      memoryFiles({
        [file]: [
          ...HEAD,
          'events:',
          '  - { id: g, title: G, trigger: { manual: true }, effects: [{ kind: goodwill, actor: q }] }',
        ].join('\n'),
      }),
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.scenario.events[0]!.effects).toEqual([{ kind: 'goodwill', actor: 1 }]);
    const lines = errorsOf([
      'events:', // line 11
      '  - { id: g, title: G, trigger: { manual: true }, effects: [{ kind: goodwill, actor: qq }] }',
      '  - { id: h, title: H, trigger: { manual: true }, effects: [{ kind: goodwill, actor: q, delta: 1 }] }',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^\/mem\/dyn\.yaml:12:\d+: events\[g\]\.effects\[0\]\.actor: unknown actor "qq" \(did you mean "q"\?\)/,
      ),
      expect.stringMatching(/^\/mem\/dyn\.yaml:13:\d+: events\[h\]\.effects\[0\]/),
    ]);
  });

  it('should locate an omitted durability factor that was never included', () => {
    const base = [
      ...HEAD,
      'durability:',
      '  base: 0.5',
      '  rationale: assumed',
      '  factors:',
      '    - { id: f, label: F, when: { issue: a, is: y }, shift: 0.1, rationale: r }',
    ].join('\n');
    const file = '/mem/child.yaml';
    const r = loadScenario(
      file,
      memoryFiles({
        '/mem/dyn.yaml': base,
        [file]: ['include: dyn.yaml', 'id: child', 'omit:', '  durabilityFactors: [f, nope]'].join('\n'),
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatError)).toEqual([
      expect.stringMatching(
        /^\/mem\/child\.yaml:4:26: omit\.durabilityFactors\[1\]: nothing to omit: no durability factor "nope" was included/,
      ),
    ]);
  });
});
