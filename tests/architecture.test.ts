// Rules of the code base that a reviewer would otherwise have to remember.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

function sources(dir: string): string[] {
  const abs = resolve(ROOT, dir);
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(abs, f));
}

const PURE = ['src/domain', 'src/scenario', 'src/analysis', 'src/agents', 'src/engine'];
const LAYERS = ['domain', 'scenario', 'analysis', 'interop', 'report', 'agents', 'engine', 'ui', 'cli'];
/** which layers each layer may import */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  scenario: ['domain'],
  analysis: ['domain', 'scenario'],
  interop: ['domain', 'scenario'],
  report: ['domain', 'scenario', 'analysis', 'engine'],
  agents: ['domain', 'analysis'],
  engine: ['domain', 'analysis', 'agents', 'scenario'],
  ui: ['domain', 'analysis', 'engine', 'report', 'scenario'],
  cli: LAYERS,
};

describe('code base rules', () => {
  it('should keep Math.random and Date.now out of the deterministic layers', () => {
    const offenders = PURE.flatMap(sources).filter((f) =>
      /Math\.random\(|Date\.now\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('should keep imports pointing inward', () => {
    const bad: string[] = [];
    for (const layer of LAYERS) {
      let files: string[] = [];
      try {
        files = sources(`src/${layer}`);
      } catch {
        continue; // the layer does not exist yet
      }
      for (const f of files) {
        for (const m of readFileSync(f, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
          const target = relative(resolve(ROOT, 'src'), resolve(f, '..', m[1]!)).split('/')[0]!;
          if (target !== layer && LAYERS.includes(target) && !ALLOWED[layer]!.includes(target)) {
            bad.push(`${relative(ROOT, f)} imports ${target}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('should let the screens drive a session only through the game API, never the headless driver', () => {
    const headless = resolve(ROOT, 'src/engine/headless.ts');
    const offenders = sources('src/ui').filter((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)].some(
        (m) => resolve(f, '..', m[1]!) === headless,
      ),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('should derive how a run ended in one place (engine/game.ts runOutcome)', () => {
    // the end is the transcript's last entry; reading that entry's kind elsewhere is a second derivation
    const offenders = ['src/report', 'src/ui', 'src/cli', 'src/engine']
      .flatMap(sources)
      .filter((f) => !f.endsWith('engine/game.ts'))
      .filter((f) =>
        /(transcript|entries)\.at\(-1\)\??\.kind|findLast\(\(\w+\) => \w+\.kind === '(signed|stalemate|collapsed)'/.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
