// Checking plain JSON from a file against a schema at the border: keys that name an object's prototype
// machinery are refused (zod's records would drop them without a word), then the schema decides. The first
// problem comes back as data — where and what — for the caller to word with its file.
import type { z } from 'zod';

/** Keys JSON.parse keeps as data but that are never a key of peacesim's files. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

export type Path = readonly (string | number)[];

function forbiddenKey(value: unknown, path: Path): Path | null {
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const found = forbiddenKey(value[k], [...path, k]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) return [...path, key];
      const found = forbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export type Checked<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly path: Path; readonly message: string };

export function checkAtBorder<S extends z.ZodType>(schema: S, raw: unknown): Checked<z.output<S>> {
  const bad = forbiddenKey(raw, []);
  if (bad) return { ok: false, path: bad.slice(0, -1), message: `unknown key ${JSON.stringify(bad.at(-1))}` };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return {
    ok: false,
    path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: issue.message,
  };
}
