// YAML/JSON text → plain values, remembering where every value came from (file, line, column),
// so errors found later — by zod, by cross-checks, after includes are merged — can point at the source.
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

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

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** nodes produced from one file after aliases are expanded: refuses alias bombs quickly */
const MAX_NODES = 200_000;

export interface ParsedFile {
  readonly value: unknown;
  readonly errors: LocatedError[];
}

export function parseLocated(file: string, text: string, locs: LocMap): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const pos = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const errors: LocatedError[] = doc.errors.map((e) => {
    const p = pos(e.pos[0]);
    return { ...p, path: '', message: `YAML syntax: ${firstLine(e.message)}` };
  });
  if (errors.length) return { value: undefined, errors };

  let budget = MAX_NODES;
  let exhausted = false;
  const expanding = new Set<Node>();
  const walk = (node: unknown): unknown => {
    if (exhausted) return null;
    if (--budget < 0) {
      exhausted = true;
      return null;
    }
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      if (!target || expanding.has(target)) return null;
      expanding.add(target);
      const v = walk(target);
      expanding.delete(target);
      return v;
    }
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const keys = new Map<string | number, Pos>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const valueNode = pair.value as Node | null;
        keys.set(
          key,
          pos(valueNode?.range?.[0] ?? (pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0),
        );
        out[key] = valueNode === null ? null : walk(valueNode);
      }
      locs.set(out, { self: pos(node.range?.[0] ?? 0), keys });
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      const keys = new Map<string | number, Pos>();
      node.items.forEach((item, i) => {
        keys.set(i, pos((item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0));
        out.push(walk(item));
      });
      locs.set(out, { self: pos(node.range?.[0] ?? 0), keys });
      return out;
    }
    return node ?? null;
  };
  const value = walk(doc.contents);
  if (exhausted) {
    return {
      value: undefined,
      errors: [
        {
          ...pos(0),
          path: '',
          message: `the document expands to more than ${MAX_NODES.toLocaleString('en-US')} values (too many or nested aliases); write it out plainly`,
        },
      ],
    };
  }
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
  return `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}
