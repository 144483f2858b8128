// The loader's contract under arbitrary input: a valid scenario or located errors; never a throw, never a hang.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { memoryFiles, ROOT } from '../helpers.ts';

const tutorial = parseYaml(
  readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8'),
) as unknown;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** every path to a value inside a JSON-like tree */
function paths(x: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof x === 'object' && x !== null)
    for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: Json };

function mutate(root: unknown, path: (string | number)[], m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'delete' ? null : m.value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = m.value;
  return copy;
}

const allPaths = paths(tutorial);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.record({
    kind: fc.constant('replace' as const),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.string() }),
  fc.record({
    kind: fc.constant('replace' as const),
    value: fc.constantFrom<Json>('neutral', 'freeze', 'north', 'south', 'army-cap', 'line', -1, 2, 1e9, ''),
  }),
);

function check(text: string): void {
  const file = '/mem/fuzz.yaml';
  const r = loadScenario(file, memoryFiles({ [file]: text }));
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.col).toBeGreaterThanOrEqual(1);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message).not.toMatch(/\n/);
    }
  } else {
    expect(r.scenario.issues.length).toBeGreaterThan(0);
  }
}

describe('loader under arbitrary mutations', () => {
  it('should return a scenario or located errors for mutated valid scenarios', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...allPaths), mutation), { minLength: 1, maxLength: 4 }),
        (mutations) => {
          let doc: unknown = tutorial;
          for (const [path, m] of mutations) {
            try {
              doc = mutate(doc, path, m);
            } catch {
              // the path vanished under an earlier mutation: keep the document as it is
            }
          }
          check(stringify(doc));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should return located errors for random text and random YAML', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue().map((v) => stringify(v)),
        ),
        (text) => check(text),
      ),
      { numRuns: 300 },
    );
  });

  it('should survive random edits of the tutorial text itself', () => {
    const text = readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 12 }), (at, cut, insert) =>
        check(text.slice(0, at) + insert + text.slice(at + cut)),
      ),
      { numRuns: 300 },
    );
  });
});
