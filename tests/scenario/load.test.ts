import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.ts';
import { formatError, MAX_FILE_BYTES } from '../../src/scenario/located.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const TUTORIAL = resolve(ROOT, 'scenarios/tutorial-bilateral.yaml');
const tutorialText = readFileSync(TUTORIAL, 'utf8');

describe('loadScenario', () => {
  it('should compile the tutorial with normalised weights and numeric candidates as options', () => {
    const s = loadScenarioFile(TUTORIAL);
    expect(s.issues.map((i) => i.id)).toEqual(['line', 'alliance', 'army-cap', 'guarantee', 'sanctions']);
    const cap = s.issues[2]!;
    expect(cap.options.map((o) => o.value)).toEqual([85000, 250000, 600000, 800000, 1000000]);
    expect(cap.options[4]!.label).toBe('no cap');
    expect(cap.options[cap.statusQuo]!.value).toBe(1000000);
    for (const a of s.actors) expect(a.weights.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // north: line 4/10 × freeze 0.6 + alliance 3/10 × 0 + army 1/10 × 0 + guarantee 1/10 × 1 + sanctions 1/10 × 0
    const north = s.actors[0]!;
    const sq = s.issues.map((i) => i.statusQuo);
    expect(evaluatePackage(s, sq).verdicts[0]!.utility).toBeCloseTo(0.4 * 0.6 + 0.1, 12);
    expect(north.role).toBe('party');
  });

  it('should report the four mistakes of the fixture, each located, and nothing else', () => {
    const r = loadScenario(resolve(ROOT, 'tests/fixtures/bad/many-mistakes.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map(formatError);
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => /loop-b\.yaml:2:10: .*loop/.test(l))).toBe(true);
    expect(
      lines.some((l) => /many-mistakes\.yaml:11:9: issues\[nato\]\.id: duplicate issue id "nato"/.test(l)),
    ).toBe(true);
    expect(
      lines.some((l) => /many-mistakes\.yaml:19:23: .*weight: expected number, received string/.test(l)),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /many-mistakes\.yaml:23:34: .*unknown option "neutrall" .*did you mean "neutral"/.test(l),
      ),
    ).toBe(true);
  });

  it('should locate a YAML syntax error', () => {
    const r = loadScenario(resolve(ROOT, 'tests/fixtures/bad/syntax.yaml'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map(formatError)).toEqual([expect.stringMatching(/syntax\.yaml:6:3: YAML syntax: /)]);
  });

  it('should refuse an alias bomb quickly with a message', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let k = 1; k < 10; k++) {
      const prev = String.fromCharCode(96 + k);
      const name = String.fromCharCode(97 + k);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const file = '/mem/bomb.yaml';
    const started = process.hrtime.bigint();
    const r = loadScenario(file, memoryFiles({ [file]: levels.join('\n') }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/too many or nested aliases/);
    expect(ms).toBeLessThan(5000); // a hang guard, not a benchmark
  });

  it('should refuse a file over the size limit', () => {
    const file = '/mem/huge.yaml';
    const read = () => {
      throw new Error(
        `the file is ${MAX_FILE_BYTES / 512} KiB; scenario files are limited to ${MAX_FILE_BYTES / 1024} KiB`,
      );
    };
    const r = loadScenario(file, read);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/limited to/);
  });

  it('should merge an include by id, override a reservation and fix an omitted issue at its status quo', () => {
    const base = '/mem/base.yaml';
    const child = '/mem/child.yaml';
    const read = memoryFiles({
      [base]: tutorialText,
      [child]: [
        'include: base.yaml',
        'id: child',
        'title: Child',
        'omit: { issues: [line], documents: [north-opening], redLines: ["south:army-floor"] }',
        'actors:',
        '  - id: south',
        '    reservation: { value: 0.3, rationale: overridden }',
      ].join('\n'),
    });
    const r = loadScenario(child, read);
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([]);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.id).toBe('child');
    expect(s.summary).toMatch(/Two parties/);
    expect(s.issues.map((i) => i.id)).toEqual(['alliance', 'army-cap', 'guarantee', 'sanctions']);
    expect(s.fixedIssues).toEqual(['line']);
    expect(s.documents.map((d) => d.id)).toEqual(['mediator-text']);
    const south = s.actors.find((a) => a.id === 'south')!;
    expect(south.reservation.value).toBe(0.3);
    expect(south.name).toBe('South (stylised Ukraine)');
    expect(south.redLines.map((l) => l.id)).toEqual(['no-cession']);
    // the territory line is fixed at "freeze", so the no-cession red line always holds
    expect(south.redLines[0]!.condition).toEqual({ kind: 'const', value: true });
  });

  it('should point at the include that names a missing file', () => {
    const file = '/mem/a.yaml';
    const r = loadScenario(file, memoryFiles({ [file]: 'include: nowhere.yaml\nid: a\n' }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map(formatError)[0]).toMatch(
        /a\.yaml:1:10: include: included file not found: nowhere\.yaml/,
      );
  });

  it('should load JSON as well as YAML', () => {
    const yaml = loadScenarioFile(TUTORIAL);
    const file = '/mem/t.json';
    const json = JSON.stringify(parseYaml(tutorialText));
    const s = loadScenarioFile(file, memoryFiles({ [file]: json }));
    expect(s.issues.map((i) => i.id)).toEqual(yaml.issues.map((i) => i.id));
  });

  it('should refuse a role that disagrees with the protocol', () => {
    const file = '/mem/role.yaml';
    const text = tutorialText.replace('name: North (stylised Russia)', 'name: North\n    role: mediator');
    const r = loadScenario(file, memoryFiles({ [file]: text }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.message).join('\n')).toMatch(
        /role "mediator" disagrees with the protocol/,
      );
  });

  it('should locate, not crash on, a range whose bounds are maps with the keys of Object.prototype', () => {
    // found by the fuzz test: comparing {toString: 0} with > threw inside the cross-checks
    const file = '/mem/proto.yaml';
    const text = tutorialText
      .replace('weightRange: [2, 4]', 'weightRange: [{ toString: 0 }, 4]')
      .replace('range: [0.45, 0.65]', 'range: [{ valueOf: 1 }, 0.65]');
    const r = loadScenario(file, memoryFiles({ [file]: text }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const where = r.errors.map((e) => `${e.line}:${e.path}`);
      const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
      const weights = lineOf('weightRange: [{ toString: 0 }, 4]');
      const range = lineOf('range: [{ valueOf: 1 }, 0.65]');
      expect(weights).toBeGreaterThan(0);
      expect(range).toBeGreaterThan(0);
      expect(where.some((w) => w.startsWith(`${weights}:`) && w.includes('weightRange'))).toBe(true);
      expect(where.some((w) => w.startsWith(`${range}:`) && w.includes('range'))).toBe(true);
    }
  });
});

describe('a bound missed in a broken copy of a shipped scenario', () => {
  const broken = (from: RegExp, to: string) => {
    expect(tutorialText).toMatch(from);
    const r = loadScenario('/mem/t.yaml', memoryFiles({ '/mem/t.yaml': tutorialText.replace(from, to) }));
    return r.ok ? [] : r.errors.map(formatError);
  };

  it('should say what to give, in words, not zod\'s "Too small: expected number to be >=0"', () => {
    const cases: [RegExp, string, RegExp][] = [
      [/weight: 4\n/, 'weight: -4\n', /preferences\.line\.weight: too small: give a number ≥ 0$/],
      [/maxRounds: 12/, 'maxRounds: 0', /protocol\.maxRounds: too small: give a number ≥ 1$/],
      [/^title: .*$/m, 'title: ""', /^\/mem\/t\.yaml:\d+:\d+: title: empty: give some text$/],
    ];
    for (const [from, to, message] of cases) {
      const errors = broken(from, to);
      expect(errors.length, to).toBeGreaterThan(0);
      expect(
        errors.some((e) => message.test(e)),
        errors.join('\n'),
      ).toBe(true);
      for (const e of errors) expect(e).not.toMatch(/Too (small|big)|>=|<=/);
    }
  });

  it('should say what a missing field takes, in words, not zod\'s "expected object"', () => {
    const cases: [RegExp, string, RegExp][] = [
      [/^summary: .*$/m, '', /: summary: missing: give some text$/],
      [/^protocol:\n(?: {2}.*\n)+/m, '', /: protocol: missing: give a mapping \(key: value lines\)$/],
    ];
    for (const [from, to, message] of cases) {
      const errors = broken(from, to);
      expect(
        errors.some((e) => message.test(e)),
        errors.join('\n'),
      ).toBe(true);
      for (const e of errors) expect(e).not.toMatch(/expected (string|object|array|number)/);
    }
  });
});
