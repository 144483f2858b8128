// Canonical JSON and the hashes made of it: what sessions and partial results record to know a scenario again.
// Apart from the session files' schemas (session.ts), so that writing a hash never loads zod.
import { createHash } from 'node:crypto';
import type { Scenario } from '../domain/types.ts';

/** JSON with sorted keys, typed arrays as arrays, maps as objects: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v instanceof Map) return norm(Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])));
    if (Array.isArray(v)) return v.map(norm);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = norm(x);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value));
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * sha256 of the compiled scenario's data (where it was loaded from left out). How an actor's name reads inside a
 * sentence (`inSentence`) is left out too: it changes no number, verdict or transcript a replay checks, and the
 * sessions saved before a scenario gave it (or before the field existed) must still open.
 */
export function scenarioHash(scenario: Scenario): string {
  const { file: _file, actors, ...data } = scenario;
  return sha256(canonicalJson({ ...data, actors: actors.map(({ inSentence: _words, ...a }) => a) }));
}
