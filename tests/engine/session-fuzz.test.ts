// Tampered session files: random mutations of real sessions (values replaced by hostile ones, keys deleted or
// added — __proto__ among them —, inputs duplicated, swapped or cut, the text truncated) given to `resume` and
// `report`. Whatever the file, the command exits 0 or 1 and says at most one line on stderr, never an internal
// error. A fixed seed here; SESSION_FUZZ_RUNS runs more with a fresh seed (npm run fuzz:game).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { type Game, newGame, send } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { createSession, sessionText } from '../../src/engine/session.ts';
import { shipped } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function played(game: Game, inputs: readonly NegotiationEvent[]): Game {
  let g = game;
  for (const input of inputs) {
    const sent = send(g, input);
    if (sent.ok) g = sent.game;
  }
  return g;
}

/** Real sessions to tamper with: a person's moves, injects and a pause; a run of bots to its end. */
function bases(): string[] {
  const tutorial = shipped('tutorial-bilateral');
  const step = { type: 'STEP' } as const;
  const south = newGame(tutorial, { seed: 2, maxRounds: 4, strategies: { south: { kind: 'human' } } });
  const person = played(south, [
    step,
    { type: 'PAUSE' },
    { type: 'INJECT', effect: { kind: 'shift-reservation', actor: 'south', delta: -0.05 } },
    { type: 'RESUME' },
    step,
    { type: 'HUMAN_MOVE', actor: 'south', move: { type: 'reject', asks: ['line', 'guarantee'] } },
    step,
    step,
    step,
    { type: 'HUMAN_MOVE', actor: 'south', move: { type: 'propose', terms: { 'army-cap': 800000 } } },
    step,
  ]);
  const bots = runHeadless(tutorial, { seed: 1, maxRounds: 4 }).game;
  return [person, bots].map((g) => sessionText(createSession(g, 'tutorial-bilateral')));
}

const HOSTILE: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  2 ** 31,
  1e308,
  -1e308,
  '',
  'x',
  '__proto__',
  [],
  {},
  { type: 'STEP' },
  { type: 'HUMAN_MOVE', actor: 'south' },
  { type: 'INJECT' },
  { type: 'INJECT', event: 'x', effect: { kind: 'goodwill', actor: 'north' } },
  { kind: 'table', document: 'north-opening' },
];

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, k) => paths(v, [...at, k], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** A JSON object or array, indexed by key or position. */
type Node = Record<string | number, unknown>;

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const k of path) node = (node as Node)[k];
  return node;
}

type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'inputs'; readonly how: 'dup' | 'swap' | 'cut'; readonly i: number; readonly j: number }
  | { readonly op: 'text'; readonly cut: number; readonly insert: string };

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.jsonValue({ maxDepth: 2 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'x'), fc.string()),
      value,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('inputs' as const),
      how: fc.constantFrom('dup' as const, 'swap' as const, 'cut' as const),
      i: fc.nat(),
      j: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('text' as const), cut: fc.nat(), insert: fc.string() }),
  },
);

function mutate(text: string, m: Mutation): string {
  if (m.op === 'text') {
    const at = m.cut % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at + (m.cut % 3));
  }
  let root: Node;
  try {
    root = JSON.parse(text);
  } catch {
    return text; // an earlier mutation broke the JSON: that is the case under test
  }
  if (m.op === 'inputs') {
    const inputs = root?.inputs;
    if (!Array.isArray(inputs) || inputs.length === 0) return text;
    const i = m.i % inputs.length;
    const j = m.j % inputs.length;
    if (m.how === 'dup') inputs.splice(j, 0, inputs[i]);
    else if (m.how === 'swap') [inputs[i], inputs[j]] = [inputs[j], inputs[i]];
    else inputs.splice(i, 1);
    return JSON.stringify(root);
  }
  const all = paths(root);
  const path = all[m.at % all.length]!;
  if (m.op === 'add') {
    const node = at(root, path);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return text;
    // defineProperty: a plain assignment of "__proto__" would set the prototype instead of writing the key
    Object.defineProperty(node, m.key, {
      value: m.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    return JSON.stringify(root);
  }
  if (path.length === 0) return JSON.stringify(m.op === 'set' ? m.value : {});
  const parent = at(root, path.slice(0, -1)) as Node;
  const key = path.at(-1)!;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else
    Object.defineProperty(parent, key, {
      value: m.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return JSON.stringify(root);
}

const long = process.env.SESSION_FUZZ_RUNS !== undefined;

describe('tampered session files', () => {
  const texts = bases();
  it(
    'should exit 0 or 1 with at most one line on stderr, never an internal error',
    async () => {
      let k = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.nat(texts.length - 1),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          async (b, ms) => {
            const text = ms.reduce(mutate, texts[b]!);
            const file = join(dir, `s${k++ % 4}.json`);
            writeFileSync(file, text);
            for (const command of ['resume', 'report']) {
              const io = memoryIo();
              const code = await run([command, file], io);
              expect([0, 1]).toContain(code);
              const err = io.stderr();
              expect(err).not.toContain('internal error');
              if (err) expect(err).toMatch(/^peacesim: [^\n]+\n$/);
            }
          },
        ),
        {
          numRuns: long ? Number(process.env.SESSION_FUZZ_RUNS) : 100,
          ...(long ? {} : { seed: 20_260_902 }),
        },
      );
    },
    long ? 24 * 3600_000 : 600_000,
  );
});
