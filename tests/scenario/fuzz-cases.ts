// Hostile inputs for the scenario loader, and the contract every one of them must meet. Shared by the fixed-seed
// fuzz of `npm test` and the long `npm run fuzz` (both run cases in a child process under a per-case watchdog:
// fuzz-runner.ts). A case is a set of in-memory files and the one to load; every shipped scenario is a seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { UNSAFE_CHAR } from '../../src/domain/text.ts';
import { InputFileError } from '../../src/scenario/input-file.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { ROOT } from '../helpers.ts';

export interface LoadCase {
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
}

const DIR = '/mem/scenarios';
const shippedNames = readdirSync(resolve(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const shippedText: Record<string, string> = Object.fromEntries(
  shippedNames.map((f) => [join(DIR, f), readFileSync(resolve(ROOT, 'scenarios', f), 'utf8')]),
);
/** the shipped scenarios, small ones more often (the default scenario is 200 KB: a case costs ~0.1 s) */
const shippedEntry = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(join(DIR, 'tutorial-bilateral.yaml')) },
  { weight: 4, arbitrary: fc.constantFrom(join(DIR, 'divide-the-surplus.yaml')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...shippedNames.filter((f) => !/^(tutorial|divide)/.test(f)).map((f) => join(DIR, f)),
    ),
  },
);
export const SHIPPED_COUNT = shippedNames.length;

/** Escape sequences, controls, bidi overrides and YAML/markup syntax: what a stranger's file may hold. */
const PAYLOADS = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J',
  '\u001b[31m',
  '\u001b]8;;http://x\u001b\\',
  '\u001bP1$r\u001b\\',
  '\u001bc',
  '\u009b2J',
  '\u009d0;x\u009c',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u2028',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u0007',
  '\b',
  '\u007f',
  '\ufeff',
  '"',
  "'",
  '\\',
  '<script>alert(1)</script>',
  '](javascript:alert(1))',
  '&a ',
  '*a',
  ': ',
  '- ',
  '? ',
  '# ',
  '[',
  '{',
  '!!binary ',
  '---\n',
  '__proto__',
  'constructor',
];
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...PAYLOADS, 'a', ' ', 'é', '😀', 'ش'), maxLength: 8 }),
  fc.constantFrom(...PAYLOADS),
);
const hostileKey = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'id', 'label'),
  },
  { weight: 2, arbitrary: hostileString },
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const { value: hostileValue } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));

/** every path to a value inside a JSON-like tree */
function paths(x: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof x === 'object' && x !== null)
    for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation =
  | { kind: 'delete' }
  | { kind: 'replace'; value: Json }
  | { kind: 'key'; key: string; value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('replace' as const), value: hostileValue }),
  fc.record({
    kind: fc.constant('replace' as const),
    value: fc.constantFrom<Json>('neutral', 'freeze', 'north', 'south', 'line', -1, 0, 2, 1e9, '', []),
  }),
  fc.record({ kind: fc.constant('key' as const), key: hostileKey, value: hostileValue }),
);

function mutate(root: unknown, path: readonly (string | number)[], m: Mutation): unknown {
  if (path.length === 0) return m.kind === 'delete' ? null : m.kind === 'replace' ? m.value : root;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else if (m.kind === 'replace') node[last] = m.value;
  else {
    const target = node[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return copy;
}

const withShipped = (entry: string, text: string): LoadCase => ({
  entry,
  files: { ...shippedText, [entry]: text },
});

/** A shipped scenario as data, changed at random places, written back as YAML or JSON. */
const parsedShipped = new Map<string, { doc: unknown; all: (string | number)[][] }>();
const mutated: fc.Arbitrary<LoadCase> = shippedEntry.chain((entry) => {
  let parsed = parsedShipped.get(entry);
  if (!parsed) {
    const doc = parseYaml(shippedText[entry]!) as unknown;
    parsed = { doc, all: paths(doc) };
    parsedShipped.set(entry, parsed);
  }
  const { doc, all } = parsed;
  return fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...all), mutation), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([ms, json]) => {
      let d: unknown = doc;
      for (const [path, m] of ms) {
        try {
          d = mutate(d, path, m);
        } catch {
          // the path vanished under an earlier mutation
        }
      }
      return withShipped(entry, json ? JSON.stringify(d) : stringify(d));
    });
});

const YAML_BITS = [
  '&x ',
  '*x',
  '&y [',
  '*y',
  ']',
  '}',
  '- ',
  '? ',
  ': ',
  '\n  ',
  '\n',
  '|\n',
  '>-\n',
  '!!str ',
  '%YAML 1.2\n',
];
/** Edits of a shipped scenario's text: cuts, insertions of hostile strings and YAML syntax, duplicated slices. */
const edited: fc.Arbitrary<LoadCase> = shippedEntry.chain((entry) => {
  const text = shippedText[entry]!;
  const edit = fc.tuple(
    fc.nat(text.length),
    fc.nat(40),
    fc.oneof(hostileString, fc.constantFrom(...YAML_BITS), fc.constant('<dup>')),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let t = text;
    for (const [at, cut, insert] of edits) {
      const i = Math.min(at, t.length);
      const piece = insert === '<dup>' ? t.slice(i, i + cut * 20) : insert;
      t = t.slice(0, i) + piece + t.slice(i + (insert === '<dup>' ? 0 : cut));
    }
    return withShipped(entry, t);
  });
});

/** Anchors and aliases: on the tutorial's values, in long lists, and nested into bombs. */
const aliased: fc.Arbitrary<LoadCase> = fc.oneof(
  // anchors put on values of the tutorial, aliases replacing later values
  fc
    .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 20 }))
    .map(([anchorAt, aliasAt]) => {
      const entry = join(DIR, 'tutorial-bilateral.yaml');
      const lines = shippedText[entry]!.split('\n');
      const valued = lines.flatMap((l, i) => (/^\s*[\w-]+: \S/.test(l) ? [i] : []));
      anchorAt.forEach((k, n) => {
        const i = valued[k % valued.length]!;
        lines[i] = lines[i]!.replace(/: /, `: &a${n} `);
      });
      aliasAt.forEach((k) => {
        const i = valued[k % valued.length]!;
        lines[i] = lines[i]!.replace(/: .*$/, `: *a${k % anchorAt.length}`);
      });
      return withShipped(entry, lines.join('\n'));
    }),
  // many plain aliases appended to the tutorial
  fc.integer({ min: 1, max: 5000 }).map((n) => {
    const entry = join(DIR, 'tutorial-bilateral.yaml');
    const text = shippedText[entry]!.replace(/^id: /m, 'x-anchor: &a north\nid: ');
    return withShipped(entry, `${text}\nzz:\n${'  - *a\n'.repeat(n)}`);
  }),
  // bombs: each level lists the previous one `fan` times
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean())
    .map(([levels, fan, flow]) => {
      const out = ['a0: &a0 [x, y]'];
      for (let k = 1; k <= levels; k++) {
        const items = Array(fan).fill(`*a${k - 1}`);
        out.push(
          flow
            ? `a${k}: &a${k} [${items.join(', ')}]`
            : `a${k}: &a${k}\n${items.map((x) => `  - ${x}`).join('\n')}`,
        );
      }
      return { entry: '/mem/bomb.yaml', files: { '/mem/bomb.yaml': out.join('\n') } };
    }),
);

/** Up to four files including each other: chains, loops, self-includes, missing files, devices. */
const included: fc.Arbitrary<LoadCase> = fc
  .array(
    fc.record({
      includes: fc.array(
        fc.oneof(
          fc.constantFrom(
            'f0.yaml',
            'f1.yaml',
            'f2.yaml',
            'f3.yaml',
            'missing.yaml',
            '/dev/zero',
            '../scenarios/tutorial-bilateral.yaml',
            '',
          ),
          hostileString,
        ),
        { maxLength: 3 },
      ),
      body: fc.oneof(
        fc.constant('tutorial'),
        fc.constant('child'),
        hostileValue.map((v) => stringify(v)),
      ),
      omit: fc.option(
        fc.dictionary(
          fc.constantFrom('issues', 'actors', 'sources', 'redLines', 'x'),
          fc.array(hostileString, { maxLength: 3 }),
        ),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs) => {
    const files: Record<string, string> = { ...shippedText };
    specs.forEach((s, k) => {
      const head = [`include: ${JSON.stringify(s.includes)}`];
      if (s.omit) head.push(`omit: ${JSON.stringify(s.omit)}`);
      const body =
        s.body === 'tutorial'
          ? shippedText[join(DIR, 'tutorial-bilateral.yaml')]!
          : s.body === 'child'
            ? 'id: child\ntitle: Child\nactors:\n  - id: south\n    reservation: { value: 0.3, rationale: r }\n'
            : s.body;
      files[`/mem/inc/f${k}.yaml`] = /^\s*[[{"'-]|^\s*$/.test(body)
        ? head.join('\n')
        : `${head.join('\n')}\n${body}`;
    });
    return { entry: '/mem/inc/f0.yaml', files };
  });

/** Lists and mappings nested up to 5,000 deep, alone or under a key of the tutorial. */
const nested: fc.Arbitrary<LoadCase> = fc
  .tuple(
    fc.integer({ min: 0, max: 5000 }),
    fc.constantFrom('flow-seq', 'flow-map', 'block-seq', 'block-map', 'compact', 'mixed'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([depth, style, closed, inTutorial]) => {
    let t: string;
    if (style === 'flow-seq') t = '['.repeat(depth) + (closed ? ']'.repeat(depth) : '');
    else if (style === 'flow-map') t = `${'{a: '.repeat(depth)}x${closed ? '}'.repeat(depth) : ''}`;
    else if (style === 'block-seq')
      t = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}-`).join('\n');
    else if (style === 'block-map')
      t = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    else if (style === 'compact') t = `${'- '.repeat(depth)}x`;
    else
      t = Array.from({ length: depth }, (_, i) => (i % 3 === 0 ? '[' : i % 3 === 1 ? '{a: ' : '- ')).join('');
    if (!inTutorial) return { entry: '/mem/deep.yaml', files: { '/mem/deep.yaml': t } };
    const entry = join(DIR, 'tutorial-bilateral.yaml');
    const indented = t
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    return withShipped(entry, `${shippedText[entry]!}\nzz:\n${indented}\n`);
  });

/** Random text, random YAML, random JSON. */
const random: fc.Arbitrary<LoadCase> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.string({ unit: fc.constantFrom(...PAYLOADS, ...YAML_BITS, 'a', '1', ' '), maxLength: 200 }),
    hostileValue.map((v) => stringify(v)),
    hostileValue.map((v) => JSON.stringify(v)),
  )
  .map((text) => ({ entry: '/mem/random.yaml', files: { '/mem/random.yaml': text } }));

export const CATEGORIES = { mutated, edited, aliased, included, nested, random } as const;
export type Category = keyof typeof CATEGORIES;

/** Case `i` of a category under a seed: generated in blocks of 100, so any case can be regenerated alone. */
let lastBlock: { key: string; cases: LoadCase[] } | undefined;
export function caseAt(category: Category, seed: number, i: number): LoadCase {
  const block = Math.floor(i / 100);
  const key = `${category}:${seed}:${block}`;
  if (lastBlock?.key !== key) {
    const cases = fc.sample(CATEGORIES[category], { seed: (seed + block * 7919) | 0, numRuns: 100 });
    lastBlock = { key, cases };
  }
  return lastBlock.cases[i % 100]!;
}

/** A reader over the case's files, failing as the real reader does for missing files and devices. */
function reader(c: LoadCase) {
  return (file: string): string => {
    if (file.startsWith('/dev/'))
      throw new InputFileError(file, 'not-a-file', 'is a character device, not a scenario file');
    const text = c.files[file];
    if (text === undefined) throw new InputFileError(file, 'missing', 'no such file');
    return text;
  };
}

/** Every string inside a value (keys too), for the "no control character gets through" check. */
function* strings(x: unknown, seen = new Set<unknown>()): Generator<string> {
  if (typeof x === 'string') yield x;
  else if (typeof x === 'object' && x !== null && !seen.has(x) && !ArrayBuffer.isView(x)) {
    seen.add(x);
    for (const [k, v] of Object.entries(x)) {
      yield k;
      yield* strings(v, seen);
    }
  }
}

/**
 * The loader's contract: a compiled scenario with no control character in any string, or located errors, each
 * one line without control characters. Returns what broke it, or null. Throws if the loader throws.
 */
export function checkCase(c: LoadCase, load: typeof loadScenario = loadScenario): string | null {
  const r = load(c.entry, reader(c));
  if (r.ok) {
    if (r.scenario.issues.length === 0) return 'loaded a scenario without issues';
    for (const s of strings(r.scenario))
      if (UNSAFE_CHAR.test(s)) return `control character kept: ${JSON.stringify(s)}`;
    return null;
  }
  if (r.errors.length === 0) return 'failed without an error';
  for (const e of r.errors) {
    const line = formatError(e);
    if (!(e.line >= 1 && e.col >= 1)) return `unlocated error: ${JSON.stringify(line)}`;
    if (e.message.length === 0) return 'empty message';
    if (/[\n\r\u2028\u2029]/.test(line) || UNSAFE_CHAR.test(line))
      return `error not on one line: ${JSON.stringify(line)}`;
  }
  return null;
}
