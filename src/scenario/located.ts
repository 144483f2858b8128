// YAML/JSON text → plain values, remembering where every value came from (file, line, column),
// so errors found later — by zod, by cross-checks, after includes are merged — can point at the source.
import {
  type Alias,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { cleanText, oneLine, quote, showPath } from '../domain/text.ts';
import { INPUT_LIMITS } from './input-file.ts';
import { deeperThan } from './nesting.ts';

export interface Pos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

interface Located {
  /** where the object or array itself starts */
  readonly self: Pos;
  /** where each key's value starts (object keys, array indices) */
  readonly keys: Map<string | number, Pos>;
}

export type LocMap = WeakMap<object, Located>;

export interface LocatedError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** the path inside the document, e.g. actors[russia].redLines[no-nato].rule */
  readonly path: string;
  readonly message: string;
}

export const MAX_FILE_BYTES = INPUT_LIMITS.scenario.maxBytes;
/**
 * Values produced from one file, aliases expanded, counting every node visited: refuses alias bombs quickly,
 * and bounds the work of loading whatever the aliases do.
 */
export const MAX_NODES = 200_000;
/** Lists and mappings inside one another; real scenarios need about ten. */
export const MAX_DEPTH = 100;

export interface ParsedFile {
  readonly value: unknown;
  readonly errors: LocatedError[];
}

/** An own property, even for `__proto__` (so the schema reports it as an unknown key instead of losing it). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // an assignment creates an own property for every other key, and keeps objects fast
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function parseLocated(file: string, text: string, locs: LocMap): ParsedFile {
  const lineCounter = new LineCounter();
  const pos = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const refuse = (offset: number, message: string): ParsedFile => ({
    value: undefined,
    errors: [{ ...pos(offset), path: '', message }],
  });
  const tooDeep = `lists and mappings nest more than ${MAX_DEPTH} levels deep; a scenario needs about ten — is this the right file?`;
  // before the yaml library builds its tree, which recurses per level (see nesting.ts)
  const deepAt = deeperThan(text, 2 * MAX_DEPTH);
  if (deepAt !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < deepAt; i = text.indexOf('\n', i + 1))
      lineCounter.addNewLine(i + 1);
    return refuse(deepAt, tooDeep);
  }
  // uniqueKeys off: the library checks each key against every other key of its mapping (quadratic); the walk
  // below finds duplicates with a set
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  const errors: LocatedError[] = doc.errors.map((e) => {
    const p = pos(e.pos[0]);
    return { ...p, path: '', message: `YAML syntax: ${oneLine(firstLine(e.message))}` };
  });
  if (errors.length) return { value: undefined, errors };

  const at = (node: Node | null | undefined, fallback = 0) => pos(node?.range?.[0] ?? fallback);
  const fail = (node: Node | null | undefined, message: string) => {
    if (errors.length < 20) errors.push({ ...at(node), path: '', message });
  };
  // Aliases resolve against the anchors met so far, in document order (YAML: the latest anchor of that name
  // before the alias), in one pass; an alias is resolved once, where it stands, and expanding it reuses that.
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const onPath = new Set<Node>(); // the nodes now being walked: an alias to one of them is a loop
  let expanding = 0; // inside an alias' copy: anchors there were already met
  let budget = MAX_NODES;
  let exhausted = false;
  let deep: Node | undefined;

  const key = (node: unknown): string | undefined => {
    if (node === null || node === undefined) return 'null';
    if (isAlias(node)) {
      const target = resolve(node);
      // an unknown alias is reported by resolve(): its name stands in for the key
      if (!target) return `*${node.source}`;
      return isScalar(target) ? cleanText(String(target.value)) : undefined;
    }
    if (isScalar(node)) {
      if (expanding === 0 && node.anchor) anchors.set(node.anchor, node);
      return cleanText(String(node.value));
    }
    return undefined;
  };
  const resolve = (alias: Alias): Node | undefined => {
    if (targets.has(alias)) return targets.get(alias);
    const target = anchors.get(alias.source);
    targets.set(alias, target);
    if (!target)
      fail(
        alias,
        `unknown alias ${quote(`*${alias.source}`)}: no anchor ${quote(`&${alias.source}`)} before it`,
      );
    return target;
  };
  const walk = (node: unknown, depth: number): unknown => {
    if (exhausted || deep !== undefined) return null;
    if (--budget < 0) {
      exhausted = true;
      return null;
    }
    if (depth > MAX_DEPTH) {
      deep = isNode(node) ? node : (doc.contents ?? undefined);
      return null;
    }
    if (isAlias(node)) {
      const target = resolve(node);
      if (!target) return null;
      if (onPath.has(target)) {
        fail(
          node,
          `alias ${quote(`*${node.source}`)} refers to a list or mapping that contains it (a loop); write the value out`,
        );
        return null;
      }
      expanding++;
      const v = walk(target, depth);
      expanding--;
      return v;
    }
    if (!isNode(node)) return null; // an empty value
    if (expanding === 0 && node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) return typeof node.value === 'string' ? cleanText(node.value) : node.value;
    onPath.add(node);
    let out: unknown = null;
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const keys = new Map<string | number, Pos>();
      const first = new Map<string, Node | null>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const name = key(keyNode);
        if (name === undefined) {
          fail(keyNode, 'a key must be a plain word or number, not a list or mapping');
          continue;
        }
        const valueNode = pair.value as Node | null;
        // never a key or an id of a scenario; free-form maps (strategy params) would otherwise take it
        if (name === '__proto__') fail(keyNode, `unknown key ${quote(name)}; remove it`);
        if (first.has(name)) {
          const p = at(first.get(name), node.range?.[0]);
          fail(keyNode, `duplicate key ${quote(name)} (first at line ${p.line}); keep one`);
        } else first.set(name, keyNode);
        keys.set(name, at(valueNode ?? keyNode, node.range?.[0]));
        setOwn(obj, name, valueNode === null ? null : walk(valueNode, depth + 1));
      }
      locs.set(obj, { self: at(node), keys });
      out = obj;
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      const keys = new Map<string | number, Pos>();
      node.items.forEach((item, i) => {
        keys.set(i, at(item as Node | null, node.range?.[0]));
        arr.push(walk(item, depth + 1));
      });
      locs.set(arr, { self: at(node), keys });
      out = arr;
    }
    onPath.delete(node);
    return out;
  };
  const value = walk(doc.contents, 1);
  if (exhausted)
    return refuse(
      0,
      `the document expands to more than ${MAX_NODES.toLocaleString('en-US')} values (too many or nested aliases); write it out plainly`,
    );
  if (deep) return refuse(deep.range?.[0] ?? 0, tooDeep);
  if (errors.length) return { value: undefined, errors };
  return { value, errors: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** The most precise known position of `path` inside `root`. */
export function locate(root: unknown, path: readonly PropertyKey[], locs: LocMap, fallback: Pos): Pos {
  let best = (typeof root === 'object' && root !== null ? locs.get(root)?.self : undefined) ?? fallback;
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    const loc = locs.get(node);
    const k = typeof key === 'symbol' ? String(key) : key;
    const at = loc?.keys.get(k) ?? loc?.keys.get(String(k));
    if (!at) break;
    best = at;
    node = (node as Record<string | number, unknown>)[k as string];
  }
  return best;
}

/** A readable path: array items with an id are shown by id, e.g. actors[russia].preferences.crimea */
export function formatPath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      const item: unknown = node[key];
      const id =
        typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
          ? (item as { id: string }).id
          : undefined;
      out += id ? `[${id}]` : `[${key}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key as string]
        : undefined;
  }
  return out;
}

export function formatError(e: LocatedError): string {
  return `${showPath(e.file)}:${e.line}:${e.col}: ${e.path ? `${oneLine(e.path)}: ` : ''}${oneLine(e.message)}`;
}
