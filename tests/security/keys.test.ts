// Keys a stranger may write to reach JavaScript's internals, duplicate keys, and nesting deep enough to exhaust
// the stack: each a located error, never ignored, never a crash of the process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError, MAX_DEPTH, parseLocated } from '../../src/scenario/located.ts';
import { BIN, memoryFiles, ROOT } from '../helpers.ts';

const tutorial = readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'peacesim-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorsOf(files: Record<string, string>, entry = '/mem/s.yaml'): string[] {
  const r = loadScenario(entry, memoryFiles(files));
  return r.ok ? [] : r.errors.map(formatError);
}

describe('__proto__ and constructor keys', () => {
  it('should report __proto__ at the top level as an unknown key, located, and not change any prototype', () => {
    const text = tutorial.replace(/^id: /m, '__proto__: { polluted: true }\nid: ');
    const line = text.split('\n').findIndex((l) => l.startsWith('__proto__')) + 1;
    expect(errorsOf({ '/mem/s.yaml': text })).toEqual([
      `/mem/s.yaml:${line}:1: unknown key "__proto__"; remove it`,
    ]);
    expect(({} as { polluted?: boolean }).polluted).toBe(undefined);
  });

  it('should report __proto__ nested in an actor, in a free-form map (strategy params) and in an included file', () => {
    const nested = tutorial.replace('name: North (stylised Russia)', 'name: North\n    __proto__: { x: 1 }');
    expect(errorsOf({ '/mem/s.yaml': nested })).toEqual([
      expect.stringMatching(/^\/mem\/s\.yaml:\d+:5: unknown key "__proto__"; remove it$/),
    ]);
    const params = tutorial.replace('params: { e: 0.2 }', 'params: { e: 0.2, __proto__: { e: 0.9 } }');
    expect(errorsOf({ '/mem/s.yaml': params })).toEqual([
      expect.stringMatching(/^\/mem\/s\.yaml:\d+:\d+: unknown key "__proto__"; remove it$/),
    ]);
    const files = { '/mem/base.yaml': nested, '/mem/s.yaml': 'include: base.yaml\nid: child\n' };
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/^\/mem\/base\.yaml:\d+:5: unknown key "__proto__"; remove it$/),
    ]);
  });

  it('should report constructor (and toString) as unknown keys of a mapping, located', () => {
    const text = tutorial.replace(/^id: /m, 'constructor: 1\ntoString: 2\nid: ');
    expect(errorsOf({ '/mem/s.yaml': text })).toEqual([
      expect.stringMatching(/^\/mem\/s\.yaml:\d+:1: unknown keys "constructor", "toString"$/),
    ]);
    const nested = tutorial.replace(
      'name: North (stylised Russia)',
      'name: North\n    constructor: { x: 1 }',
    );
    expect(errorsOf({ '/mem/s.yaml': nested })).toEqual([
      expect.stringMatching(/^\/mem\/s\.yaml:\d+:5: actors\[north\]: unknown key "constructor"$/),
    ]);
  });

  it('should report constructor where an option id is expected', () => {
    const text = tutorial.replace(
      'values: { withdraw-2022: 0,',
      'values: { constructor: 1, withdraw-2022: 0,',
    );
    expect(errorsOf({ '/mem/s.yaml': text }).join('\n')).toMatch(
      /unknown option "constructor" of issue "line"/,
    );
  });
});

describe('duplicate keys', () => {
  it('should report each duplicate at its line, in a large mapping too', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
    keys.push('k7: again');
    const r = parseLocated('/mem/d.yaml', keys.join('\n'), new WeakMap());
    expect(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '20001:1 duplicate key "k7" (first at line 8); keep one',
    ]);
  });
});

describe('nesting', () => {
  it('should refuse lists nested past the limit with a located error, not a stack overflow', () => {
    for (const text of ['['.repeat(100_000), '- '.repeat(100_000), '{a: '.repeat(50_000)]) {
      const r = parseLocated('/mem/n.yaml', text, new WeakMap());
      expect(r.errors.map((e) => e.message)).toEqual([
        `lists and mappings nest more than ${MAX_DEPTH} levels deep; a scenario needs about ten — is this the right file?`,
      ]);
    }
  });

  it('should accept nesting up to the limit and refuse one level more', () => {
    const at = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseLocated('/mem/n.yaml', at(MAX_DEPTH), new WeakMap()).errors).toEqual([]);
    expect(parseLocated('/mem/n.yaml', at(MAX_DEPTH + 1), new WeakMap()).errors).toHaveLength(1);
  });

  it('should keep the binary alive on 2,000 nested [ (V8 used to abort the process)', () => {
    const f = join(dir, 'deep.yaml');
    writeFileSync(f, '['.repeat(2000));
    const r = spawnSync(process.execPath, [BIN, 'validate', f], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `${f}:1:201: lists and mappings nest more than ${MAX_DEPTH} levels deep; a scenario needs about ten — is this the right file?`,
    );
  });
});
