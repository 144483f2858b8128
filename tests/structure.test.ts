// The shape of src/: no cycle between its files (type-only and dynamic imports included) and no file over 450
// lines, so every module stays small enough to have one job and can be read without its importers.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const MAX_LINES = 450;

/** Every cycle dependency-cruiser finds under `dirs`, each as `a → b → … → a`. */
async function cycles(dirs: string[], baseDir: string): Promise<string[]> {
  const result = await cruise(dirs, {
    baseDir,
    validate: true,
    // `import type` is erased by the compiler, but it still ties the two files together for a reader
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a result');
  return result.output.summary.violations.map(
    (v: IViolation) => `${v.from} → ${(v.cycle ?? []).map((step) => step.name).join(' → ')}`,
  );
}

describe('the files of src/', () => {
  it('should import one another without any cycle', async () => {
    // each line is one cycle, from the importing file round to itself: move what both need into a third file
    expect(await cycles(['src'], ROOT)).toEqual([]);
  });

  it('should find a cycle made of type-only imports (the checker itself)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-cycle-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src/a.ts'), "import type { B } from './b.ts';\nexport type A = { b: B };\n");
      writeFileSync(join(dir, 'src/b.ts'), "import type { A } from './a.ts';\nexport type B = { a?: A };\n");
      const found = await cycles(['src'], dir);
      expect(found).toContain('src/a.ts → src/b.ts → src/a.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`should each be at most ${MAX_LINES} lines long`, () => {
    const src = resolve(ROOT, 'src');
    const long = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => {
        const lines = readFileSync(join(src, f), 'utf8').replace(/\n$/, '').split('\n').length;
        return `${relative(ROOT, join(src, f))}: ${lines} lines`;
      })
      .filter((line) => Number(/: (\d+) lines$/.exec(line)![1]) > MAX_LINES);
    // each is named with its length: split it into modules with one job each
    expect(long).toEqual([]);
  });
});
