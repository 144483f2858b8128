// Start-up: the scenario compiler's libraries, zod and yaml, cost ~90 ms of CPU to load in every process and
// worker thread. A command whose compiled scenario is cached must not load them; it imports the compiler (or a
// schema) with a dynamic import() only when it needs one. Checked on the built modules, which are what Node loads
// (`import type` is erased there): no static import chain reaches them; and, run for real, a command prints the
// same bytes on a cold cache (it compiles) and a warm one, and the warm run resolves neither, in any thread.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type IDependency } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.ts';

const HEAVY = ['zod', 'yaml'];

/** The npm package an import names ('zod', '@scope/name'), or null for a relative or built-in one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * For each entry module, its first chain of static imports to a package of HEAVY (`a → b → zod`), or null when it
 * has none. A dynamic import() loads only when it runs, so it does not count; packages' own imports are not
 * followed (the runs below would see a library that loads zod or yaml).
 */
async function heavyChains(entries: readonly string[], baseDir: string): Promise<Map<string, string | null>> {
  const result = await cruise([...entries], { baseDir, doNotFollow: { path: 'node_modules' } });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a result');
  const imports = new Map<string, IDependency[]>(
    result.output.modules.map((m) => [m.source, m.dependencies.filter((d) => !d.dynamic)]),
  );
  const chains = new Map<string, string | null>();
  for (const entry of entries) {
    const from = new Map<string, string | null>([[entry, null]]);
    const path = (m: string): string[] => {
      const before = from.get(m);
      return before ? [...path(before), m] : [m];
    };
    const queue = [entry];
    let found: string | null = null;
    while (queue.length && !found) {
      const m = queue.shift()!;
      for (const d of imports.get(m) ?? []) {
        const pkg = packageOf(d.module);
        if (pkg && HEAVY.includes(pkg)) {
          found = [...path(m), pkg].join(' → ');
          break;
        }
        if (pkg || from.has(d.resolved)) continue;
        from.set(d.resolved, m);
        queue.push(d.resolved);
      }
    }
    chains.set(entry, found);
  }
  return chains;
}

const dist = (m: string) => `dist/src/cli/${m}.js`;
/** The modules a warm start of each command loads, by what a user types. */
const LAZY: Record<string, string> = {
  'peacesim (--help, --version)': dist('main'),
  'the program': dist('program'),
  list: dist('commands/list'),
  show: dist('commands/summary'),
  analyze: dist('commands/analyze'),
  sources: dist('commands/sources'),
  timeline: dist('commands/timeline'),
  sweep: dist('commands/sweep'),
  outcomes: dist('commands/outcomes'),
  'the draw worker (outcomes, sweep)': dist('draw-worker'),
  whatif: dist('commands/whatif'),
  concessions: dist('commands/concessions'),
  calibrate: dist('commands/calibrate'),
  hinges: dist('commands/hinges'),
  run: dist('commands/run'),
  brief: dist('commands/brief'),
};

describe('the static imports of the commands', () => {
  it('should reach neither zod nor yaml from any command that can open a cached scenario', async () => {
    const entries = Object.values(LAZY);
    for (const m of entries) expect(existsSync(join(ROOT, m)), `${m}: run npm run build`).toBe(true);
    const chains = await heavyChains([...entries, dist('scenarios')], ROOT);
    // each line names a chain: split the value the command needs out of the module that imports zod or yaml, or
    // import that module with await import(…) where it is needed
    const offenders = Object.entries(LAZY).flatMap(([name, m]) =>
      chains.get(m) ? [`${name}: ${chains.get(m)}`] : [],
    );
    expect(offenders).toEqual([]);
    // the compiler itself does reach them: the walk follows real chains
    expect(chains.get(dist('scenarios'))).toMatch(/^dist\/src\/cli\/scenarios\.js → .* → (zod|yaml)$/);
  });

  it('should count static imports and re-exports, not dynamic imports (the checker itself)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-lazy-'));
    try {
      mkdirSync(join(dir, 'src'));
      const file = (name: string, text: string) => writeFileSync(join(dir, 'src', name), text);
      file('schema.js', "import { z } from 'zod';\nexport const schema = z.string();\n");
      file('static.js', "import { schema } from './schema.js';\nexport const s = schema;\n");
      file('reexport.js', "export { schema } from './schema.js';\n");
      file('dynamic.js', "export const load = () => import('./schema.js');\n");
      file(
        'deep.js',
        "import { load } from './dynamic.js';\nimport { s } from './static.js';\nexport { load, s };\n",
      );
      const chains = await heavyChains(
        ['src/static.js', 'src/reexport.js', 'src/dynamic.js', 'src/deep.js'],
        dir,
      );
      expect(Object.fromEntries(chains)).toEqual({
        'src/static.js': 'src/static.js → src/schema.js → zod',
        'src/reexport.js': 'src/reexport.js → src/schema.js → zod',
        'src/dynamic.js': null,
        'src/deep.js': 'src/deep.js → src/static.js → src/schema.js → zod',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a command on a cold and on a warm scenario cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-lazy-run-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // a module-resolution hook, in the command's process and in its worker threads, notes every import of zod or yaml
  const loads = join(dir, 'loads.txt');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (/^(${HEAVY.join('|')})(\\/|$)/.test(specifier)) appendFileSync(${JSON.stringify(loads)}, specifier + ' from ' + context.parentURL + '\\n');
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );

  /** The command run with a cache of its own; what it printed, and the heavy imports it resolved. */
  function runWith(cache: string, argv: readonly string[]) {
    rmSync(loads, { force: true });
    const r = cli([...argv], {
      PEACESIM_CACHE_DIR: cache,
      NODE_OPTIONS: `--import=${join(dir, 'register.mjs')}`,
    });
    return { r, loaded: existsSync(loads) ? readFileSync(loads, 'utf8') : '' };
  }

  const doc = ['--document', 'mediator-text'];
  it.each([
    ['outcomes', 'tutorial-bilateral', '-n', '20', '--workers', '1', '--json'],
    // enough samples for two worker threads (a sweep gives each at least 20 000)
    ['sweep', 'tutorial-bilateral', '-n', '40000', '--workers', '2', '--json'],
    ['analyze', 'tutorial-bilateral'],
    ['show', 'tutorial-bilateral'],
    ['sources', 'tutorial-bilateral'],
    ['timeline', 'tutorial-bilateral', '--json'],
    ['hinges', 'tutorial-bilateral', '--json'],
    ['calibrate', 'tutorial-bilateral', '--json'],
    ['concessions', 'tutorial-bilateral', ...doc, '--json'],
    ['whatif', 'tutorial-bilateral', ...doc, '--set', 'guarantee=art5-like'],
    ['run', 'tutorial-bilateral', '--json'],
    ['brief', 'tutorial-bilateral'],
  ])('%s: should print the same bytes cold and warm, loading zod and yaml only to compile', (...argv) => {
    const cache = join(dir, `cache-${argv[0]}`);
    const cold = runWith(cache, argv);
    expect(cold.r.stderr).toBe('');
    expect(cold.r.code).toBe(0);
    expect(cold.r.stdout.length).toBeGreaterThan(100);
    // the hook sees the compiler's imports: a warm run that shows none is not the hook failing
    expect(cold.loaded).toMatch(/^yaml from .*\/scenario\//m);
    expect(cold.loaded).toMatch(/^zod from .*\/scenario\//m);
    const warm = runWith(cache, argv);
    expect(warm.r).toEqual(cold.r);
    expect(warm.loaded).toBe('');
  });

  it('should report a bad scenario file the same way on a miss, with the compiler loaded then', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: bad\ntitle: [unclosed\n');
    const first = runWith(join(dir, 'cache-bad'), ['outcomes', file, '-n', '1']);
    expect(first.r.code).toBe(1);
    expect(first.r.stderr.startsWith(`peacesim: ${file}:3:1: YAML syntax: `)).toBe(true);
    expect(first.r.stderr.split('\n')).toHaveLength(2);
    // nothing is cached for a file that does not compile: the second run compiles again, and says the same
    expect(runWith(join(dir, 'cache-bad'), ['outcomes', file, '-n', '1']).r).toEqual(first.r);
  });
});
