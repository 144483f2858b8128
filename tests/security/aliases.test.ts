// Aliases in linear time: resolved against the anchors met so far, in one pass, with a budget on the values
// produced. Checked against the yaml library's own resolution on random documents (the brute force: it walks the
// whole document per alias), and on the reproduction through the binary, under a time limit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_NODES, parseLocated } from '../../src/scenario/located.ts';
import { BIN, ROOT } from '../helpers.ts';

const SEED = 4040;
const dir = mkdtempSync(join(tmpdir(), 'peacesim-alias-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tutorial = readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8');

/** The tutorial with `n` plain aliases appended, as in the issue (1,250 … 40,000 of them). */
const withAliases = (n: number) =>
  `${tutorial.replace(/^id: /m, 'x-anchor: &a north\nid: ')}\nzz:\n${'  - *a\n'.repeat(n)}`;

const parsed = (text: string) => parseLocated('/mem/x.yaml', text, new WeakMap());

/** A random document of anchors (names reused, so later anchors shadow earlier ones) and aliases to them. */
const aliasDoc: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      anchor: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
      shape: fc.constantFrom('scalar', 'seq', 'map', 'alias', 'alias-key', 'nested-anchor'),
      ref: fc.constantFrom('a', 'b', 'c'),
      n: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((entries) => {
    const defined = new Set<string>();
    const lines = entries.map((e, k) => {
      // an alias inside a node anchored with its own name would refer to that node: a loop, tested apart
      const alias = defined.has(e.ref) && (e.ref !== e.anchor || e.shape === 'alias') ? `*${e.ref}` : 'plain';
      const anchor = e.anchor ? `&${e.anchor} ` : '';
      let value: string;
      if (e.shape === 'scalar') value = `${anchor}v${k}`;
      else if (e.shape === 'seq') value = `${anchor}[${Array.from({ length: e.n }, () => alias).join(', ')}]`;
      else if (e.shape === 'map') value = `${anchor}{x: ${alias}, y: ${k}}`;
      else if (e.shape === 'alias') value = alias === 'plain' ? `${anchor}plain` : alias;
      else if (e.shape === 'alias-key') value = `${anchor}{k${k}: ${alias}}`;
      // an anchor defined inside an entry, then used by the entry's next key
      else value = `${anchor}{before: ${alias}, inner: &${e.ref} [${k}], after: *${e.ref}}`;
      if (e.anchor && e.shape !== 'alias') defined.add(e.anchor);
      if (e.shape === 'nested-anchor') defined.add(e.ref);
      return `e${k}: ${value}`;
    });
    return lines.join('\n');
  });

describe('aliases', () => {
  it('should resolve every alias as the yaml library does (the latest anchor before it)', () => {
    fc.assert(
      fc.property(aliasDoc, (text) => {
        const mine = parsed(text);
        expect(mine.errors).toEqual([]);
        expect(mine.value).toEqual(parse(text, { merge: false, uniqueKeys: false }));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should expand 40,000 aliases, each to its value', () => {
    const r = parsed(withAliases(40_000));
    expect(r.errors).toEqual([]);
    const zz = (r.value as { zz: unknown[] }).zz;
    expect(zz).toHaveLength(40_000);
    expect(new Set(zz)).toEqual(new Set(['north']));
  });

  it('should count the values aliases produce against the budget, refusing past it', () => {
    const list = `[${Array.from({ length: 99 }, (_, i) => i).join(', ')}]`;
    const doc = (aliases: number) => `a: &a ${list}\nb:\n${'  - *a\n'.repeat(aliases)}`;
    // every node visited counts: the root, the anchored list (itself and 99 items) and b's list, then each alias
    // and the 100 nodes of its copy
    const most = Math.floor((MAX_NODES - 102) / 101);
    expect(parsed(doc(most)).errors).toEqual([]);
    expect(parsed(doc(most + 1)).errors.map((e) => e.message)).toEqual([
      'the document expands to more than 200,000 values (too many or nested aliases); write it out plainly',
    ]);
  });

  it('should take an alias as a key when it names a scalar, and find the duplicate it may make', () => {
    expect(parsed('a: &k name\n*k : 2').value).toEqual({ a: 'name', name: 2 });
    expect(parsed('&k x: 1\n*k : 2').errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '2:1 duplicate key "x" (first at line 1); keep one',
    ]);
    expect(parsed('a: &k [1]\n*k : 2').errors.map((e) => e.message)).toEqual([
      'a key must be a plain word or number, not a list or mapping',
    ]);
  });

  it('should refuse an alias to a node that contains it, and an alias without an anchor, located', () => {
    expect(parsed('a: &x [1, *x]').errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '1:11 alias "*x" refers to a list or mapping that contains it (a loop); write the value out',
    ]);
    expect(parsed('a: 1\nb: *nope').errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual([
      '2:4 unknown alias "*nope": no anchor "&nope" before it',
    ]);
  });

  it('should load the tutorial with 40,000 aliases through the binary within a hang guard, one error line', () => {
    const file = join(dir, 'aliases.yaml');
    writeFileSync(file, withAliases(40_000));
    // before the fix this did not finish in 12 minutes; the guard is generous for a shared machine
    const r = spawnSync(process.execPath, [BIN, 'validate', file], {
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    expect(r.signal).toBe(null);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${file}:3:1: unknown keys "x-anchor", "zz"`);
  });
});
