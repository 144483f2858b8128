// The shape of src/report: no cycle between its files (type-only imports included) and no file over 450 lines,
// so the narration and the reports stay small modules that each have one job.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const DIR = resolve(ROOT, 'src/report');
const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(DIR, f));

/** file → the files of src/report it imports (`import` and `export … from`, `import type` too) */
const graph = new Map(
  files.map((f) => [
    f,
    [...readFileSync(f, 'utf8').matchAll(/(?:import|export)[^;]*?from '(\.[^']+)'/g)]
      .map((m) => resolve(dirname(f), m[1]!))
      .filter((t) => t.startsWith(`${DIR}/`)),
  ]),
);

/** A cycle through the graph as a list of files, or null. */
function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f];
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      const c = visit(t);
      if (c) return c;
    }
    path.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

describe('src/report', () => {
  it('should have no cycle between its files', () => {
    expect(findCycle()?.map((f) => relative(ROOT, f)) ?? null).toBeNull();
  });

  it('should find a cycle when there is one (the checker itself)', () => {
    const a = join(DIR, 'a.ts');
    const b = join(DIR, 'b.ts');
    graph.set(a, [b]);
    graph.set(b, [a]);
    files.push(a, b);
    try {
      expect(findCycle()).not.toBeNull();
    } finally {
      graph.delete(a);
      graph.delete(b);
      files.splice(-2);
    }
  });

  it('should keep every file under 450 lines', () => {
    const long = files
      .map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 450);
    expect(long).toEqual([]);
  });
});
