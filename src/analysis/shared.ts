// What does not depend on weights or reservations — the plan (conjuncts, unary masks, issue order) and the
// constraint diagram — built once per issue list and constraint set, and shared by every caller that asks again:
// every draw of `outcomes` and `sweep`, every round of a run, every agent. A compiled scenario is immutable and a
// draw or a run's effective scenario keeps its issue list and its unchanged constraint objects, so object
// identity is a safe key; the cache lives as long as the issue list (a WeakMap). What a draw's weights decide (its
// labels, its actors' best positions) is kept with the draw's own utility tables instead (`sameInputs`), so it goes
// when the draw does.
import type { Issue } from '../domain/types.ts';

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A number that stands for this object for as long as it lives (never reused). */
function identityOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

type Built<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };
const cache = new WeakMap<readonly Issue[], Map<string, Built<unknown>>>();

/**
 * The value `build` makes for this issue list and key, built once: a later call with the same issue list and key
 * gets the same object (or the same error thrown again). `kind` separates the users of the cache.
 */
export function sharedStructure<T>(issues: readonly Issue[], kind: string, key: string, build: () => T): T {
  let byKey = cache.get(issues);
  if (!byKey) {
    byKey = new Map();
    cache.set(issues, byKey);
  }
  const full = `${kind}:${key}`;
  let hit = byKey.get(full) as Built<T> | undefined;
  if (!hit) {
    try {
      hit = { ok: true, value: build() };
    } catch (error) {
      hit = { ok: false, error };
    }
    byKey.set(full, hit);
  }
  if (!hit.ok) throw hit.error;
  return hit.value;
}

/** The key of a set of objects by identity, in a canonical order (duplicates once). */
export function identityKey(objects: Iterable<object>): string {
  return [...new Set(Array.from(objects, identityOf))].sort((a, b) => a - b).join(',');
}

/** The same items in the same order (objects by identity, numbers by value), without a closure per entry. */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Met = { readonly inputs: readonly unknown[]; readonly value: unknown }[];
const met = new WeakMap<object, Map<string, Met>>();
/** Most values kept per owner and kind: the oldest goes first (a red line edited in every run makes new arrays). */
const MAX_MET = 32;

/**
 * The value `build` made before for the same inputs (objects compared by identity, numbers by value) under this
 * owner and kind, else a new one: cheaper to find than a key built of the inputs, as on every round of a run.
 * The values last as long as the owner (choose one that lives no longer than they matter: a draw's utility
 * table), and at most the latest MAX_MET of them.
 */
export function sameInputs<T>(owner: object, kind: string, inputs: readonly unknown[], build: () => T): T {
  let byKind = met.get(owner);
  if (!byKind) {
    byKind = new Map();
    met.set(owner, byKind);
  }
  let list = byKind.get(kind);
  if (!list) {
    list = [];
    byKind.set(kind, list);
  }
  for (const m of list) if (sameList(m.inputs, inputs)) return m.value as T;
  const value = build();
  if (list.length >= MAX_MET) list.shift();
  list.push({ inputs, value });
  return value;
}
