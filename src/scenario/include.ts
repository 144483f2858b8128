// Includes and overrides: a scenario may build on other files. Lists of items with ids merge by id (deep merge
// of the item), other arrays are replaced, objects merge key by key; `omit` drops ids from what was included.
import { dirname, relative, resolve } from 'node:path';
import { oneLine, quote, showPath } from '../domain/text.ts';
import { INPUT_LIMITS, InputFileError, readInputFile } from './input-file.ts';
import { type LocatedError, type LocMap, locate, type Pos, parseLocated, setOwn } from './located.ts';

type Raw = Record<string, unknown>;

export interface RawScenario {
  readonly value: Raw | undefined;
  /** issues dropped by `omit`, as written: they stay fixed at their status quo */
  readonly omittedIssues: unknown[];
  /** an included file could not be read or parsed: the merged value lacks its part */
  readonly incomplete?: boolean;
  /** why the file itself could not be read (an include then says which line names it) */
  readonly unread?: { readonly missing: boolean; readonly reason: string };
  readonly errors: LocatedError[];
}

const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasId = (x: unknown): x is Raw & { id: string } => isRecord(x) && typeof x.id === 'string';
const isIdList = (x: unknown): x is (Raw & { id: string })[] =>
  Array.isArray(x) && x.length > 0 && x.every(hasId);

function deepMerge(base: unknown, over: unknown, locs: LocMap): unknown {
  if (Array.isArray(base) && Array.isArray(over) && (isIdList(base) || base.length === 0) && isIdList(over)) {
    const out: unknown[] = [...base];
    const baseLoc = locs.get(base);
    const overLoc = locs.get(over);
    const keys = new Map<string | number, Pos>();
    base.forEach((_, i) => {
      const p = baseLoc?.keys.get(i);
      if (p) keys.set(i, p);
    });
    // the first item of each id, found in constant time: a long list merged item by item stays linear
    const firstOf = new Map<string, number>();
    out.forEach((x, i) => {
      if (hasId(x) && !firstOf.has(x.id)) firstOf.set(x.id, i);
    });
    over.forEach((item, k) => {
      const j = firstOf.get(item.id) ?? -1;
      const p = overLoc?.keys.get(k);
      if (j >= 0) {
        out[j] = deepMerge(out[j], item, locs);
        if (p) keys.set(j, p);
      } else {
        if (p) keys.set(out.length, p);
        firstOf.set(item.id, out.length);
        out.push(item);
      }
    });
    const self = overLoc?.self ?? baseLoc?.self;
    if (self) locs.set(out, { self, keys });
    return out;
  }
  if (isRecord(base) && isRecord(over)) {
    const out: Raw = { ...base };
    const keys = new Map(locs.get(base)?.keys ?? []);
    const overLoc = locs.get(over);
    for (const [k, v] of Object.entries(over)) {
      setOwn(out, k, Object.hasOwn(base, k) ? deepMerge(base[k], v, locs) : v);
      const p = overLoc?.keys.get(k);
      if (p) keys.set(k, p);
    }
    const self = overLoc?.self ?? locs.get(base)?.self;
    if (self) locs.set(out, { self, keys });
    return out;
  }
  return over;
}

/** The top-level lists of items with ids: merged by id, omitted by id, their ids unique (crosscheck.ts). */
export const ID_LISTS = [
  'sources',
  'issues',
  'actors',
  'rules',
  'documents',
  'events',
  'record',
  'ratification',
] as const;

/** One item of such a list, in words: "issue", "record entry", "ratification". */
export function itemOf(list: (typeof ID_LISTS)[number]): string {
  return list === 'record' ? 'record entry' : list === 'ratification' ? list : list.slice(0, -1);
}

/** The index of an earlier entry of the list with the same name, or -1: an id omitted twice is not "not included". */
function earlier(list: readonly unknown[], k: number, name: (x: unknown) => unknown = (x) => x): number {
  const n = name(list[k]);
  return list.slice(0, k).findIndex((x) => name(x) === n);
}

function applyOmit(
  value: Raw,
  omit: unknown,
  file: string,
  locs: LocMap,
  errors: LocatedError[],
  omitted: unknown[],
) {
  if (!isRecord(omit)) return;
  const at = (path: PropertyKey[]) => locate(omit, path, locs, { file, line: 1, col: 1 });
  // a second entry naming what an earlier one already omitted: said as such, then skipped
  const twice = (key: string, list: readonly unknown[], k: number, name?: (x: unknown) => unknown) => {
    const j = earlier(list, k, name);
    if (j < 0) return false;
    errors.push({
      ...at([key, k]),
      path: `omit.${key}[${k}]`,
      message: `${quote((name ?? ((x) => x))(list[k]))} is listed twice (also omit.${key}[${j}]); list it once`,
    });
    return true;
  };
  for (const list of ID_LISTS) {
    const ids = omit[list];
    if (!Array.isArray(ids)) continue;
    const items = Array.isArray(value[list]) ? (value[list] as unknown[]) : [];
    ids.forEach((id, k) => {
      if (twice(list, ids, k)) return;
      const j = items.findIndex((x) => hasId(x) && x.id === id);
      if (j < 0) {
        const p = at([list, k]);
        errors.push({
          ...p,
          path: `omit.${list}[${k}]`,
          message: `nothing to omit: no ${itemOf(list)} ${quote(id)} was included`,
        });
        return;
      }
      if (list === 'issues') omitted.push(items[j]);
      if (list === 'actors') {
        // an actor that is not in the scenario has no consent to give
        for (const issue of Array.isArray(value.issues) ? value.issues : []) {
          if (isRecord(issue) && Array.isArray(issue.controlledBy))
            issue.controlledBy = issue.controlledBy.filter((a) => a !== id);
        }
      }
      items.splice(j, 1);
    });
  }
  const factorIds = omit.durabilityFactors;
  if (Array.isArray(factorIds)) {
    const durability = isRecord(value.durability) ? value.durability : undefined;
    const factors = durability && Array.isArray(durability.factors) ? (durability.factors as unknown[]) : [];
    factorIds.forEach((id, k) => {
      if (twice('durabilityFactors', factorIds, k)) return;
      const j = factors.findIndex((x) => hasId(x) && x.id === id);
      if (j < 0)
        errors.push({
          ...at(['durabilityFactors', k]),
          path: `omit.durabilityFactors[${k}]`,
          message: `nothing to omit: no durability factor ${quote(id)} was included`,
        });
      else factors.splice(j, 1);
    });
  }
  const actors = Array.isArray(value.actors) ? value.actors : [];
  const actorOf = (id: string) => actors.find((a) => hasId(a) && a.id === id) as Raw | undefined;
  const epochsOf = (actor: Raw | undefined) =>
    actor && Array.isArray(actor.epochs) ? (actor.epochs as unknown[]).filter(isRecord) : [];
  const redLines = omit.redLines;
  if (Array.isArray(redLines)) {
    redLines.forEach((entry, k) => {
      if (twice('redLines', redLines, k, (x) => (isRecord(x) ? x.id : x))) return;
      // a red line withheld on a reading: { id: "actor:line", basis, rationale, sources }
      const labelled = isRecord(entry) ? entry : undefined;
      const name = labelled ? labelled.id : entry;
      const [actorId, lineId] = typeof name === 'string' ? name.split(':') : [];
      const actor = actorOf(actorId ?? '');
      const top = Array.isArray(actor?.redLines)
        ? (actor.redLines as unknown[]).find((x) => hasId(x) && x.id === lineId)
        : undefined;
      if (labelled && actor) {
        if (!top) {
          errors.push({
            ...at(['redLines', k, 'id']),
            path: `omit.redLines[${k}].id`,
            message: `nothing to withhold: ${quote(name)} is not a red line the included actor holds at the top level (one an epoch adds cannot be withheld); name a top-level red line or write the id alone`,
          });
          return;
        }
        const { id: _id, ...withheld } = labelled;
        const list = Array.isArray(actor.withheldRedLines) ? actor.withheldRedLines : [];
        list.push({ ...(top as Raw), withheld });
        actor.withheldRedLines = list;
      }
      // the red line goes from the top level and from every epoch of the actor that adds or drops it
      let found = dropById(actor?.redLines, lineId);
      for (const e of epochsOf(actor)) {
        if (!isRecord(e.redLines)) continue;
        if (dropById(e.redLines.add, lineId)) found = true;
        if (Array.isArray(e.redLines.drop)) {
          const j = e.redLines.drop.indexOf(lineId);
          if (j >= 0) e.redLines.drop.splice(j, 1);
        }
      }
      if (!found)
        errors.push({
          ...at(['redLines', k]),
          path: `omit.redLines[${k}]`,
          message: `nothing to omit: no red line ${quote(name)} was included`,
        });
    });
  }
  const epochs = omit.epochs;
  if (Array.isArray(epochs)) {
    epochs.forEach((name, k) => {
      if (twice('epochs', epochs, k)) return;
      const [actorId, epochId] = typeof name === 'string' ? name.split(':') : [];
      const actor = actorOf(actorId ?? '');
      if (!dropById(actor?.epochs, epochId))
        errors.push({
          ...at(['epochs', k]),
          path: `omit.epochs[${k}]`,
          message: `nothing to omit: no epoch ${quote(name)} was included`,
        });
    });
  }
  // the record of an actor or a document that is not in the scenario has nothing to say about it
  if (Array.isArray(value.record)) {
    const actorIds = new Set(actors.filter(hasId).map((a) => a.id));
    const documentIds = new Set(
      (Array.isArray(value.documents) ? value.documents : []).filter(hasId).map((d) => d.id),
    );
    const omittedActors = Array.isArray(omit.actors) ? omit.actors : [];
    const omittedDocuments = Array.isArray(omit.documents) ? omit.documents : [];
    const gone = (r: unknown) =>
      isRecord(r) &&
      ((omittedActors.includes(r.actor) && !actorIds.has(r.actor as string)) ||
        (omittedDocuments.includes(r.document) && !documentIds.has(r.document as string)));
    for (let j = value.record.length - 1; j >= 0; j--) if (gone(value.record[j])) value.record.splice(j, 1);
  }
  // nor has an actor that is not in the scenario a body to ratify anything
  if (Array.isArray(value.ratification) && Array.isArray(omit.actors)) {
    const present = new Set(actors.filter(hasId).map((a) => a.id));
    const omittedActors = omit.actors;
    const list = value.ratification;
    for (let j = list.length - 1; j >= 0; j--) {
      const r = list[j];
      if (isRecord(r) && omittedActors.includes(r.actor) && !present.has(r.actor as string))
        list.splice(j, 1);
    }
  }
}

/** Removes the item with this id from a list of items; false when there is none. */
function dropById(list: unknown, id: string | undefined): boolean {
  if (!Array.isArray(list)) return false;
  const j = list.findIndex((x) => hasId(x) && x.id === id);
  if (j >= 0) list.splice(j, 1);
  return j >= 0;
}

export type ReadText = (file: string) => string;

/** The loader's reader: a regular file of at most MAX_FILE_BYTES (see input-file.ts). */
export const readTextFile: ReadText = (file) => readInputFile(file, INPUT_LIMITS.scenario);

export function loadRaw(
  file: string,
  locs: LocMap,
  read: ReadText = readTextFile,
  stack: string[] = [],
): RawScenario {
  const errors: LocatedError[] = [];
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    // a reader in tests may throw a plain ENOENT error
    const missing =
      e instanceof InputFileError ? e.problem === 'missing' : (e as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = e instanceof InputFileError ? e.reason : missing ? 'no such file' : (e as Error).message;
    return {
      value: undefined,
      omittedIssues: [],
      unread: { missing, reason: oneLine(reason) },
      errors: [{ file, line: 1, col: 1, path: '', message: oneLine(reason) }],
    };
  }
  const parsed = parseLocated(file, text, locs);
  if (parsed.errors.length) return { value: undefined, omittedIssues: [], errors: parsed.errors };
  if (!isRecord(parsed.value)) {
    return {
      value: undefined,
      omittedIssues: [],
      errors: [
        {
          file,
          line: 1,
          col: 1,
          path: '',
          message: 'a scenario file is a mapping of keys (id:, title:, issues:, …) at the top level',
        },
      ],
    };
  }
  const own = parsed.value;
  const includes =
    typeof own.include === 'string' ? [own.include] : Array.isArray(own.include) ? own.include : [];
  let merged: unknown = {};
  let incomplete = false;
  const omittedIssues: unknown[] = [];
  includes.forEach((inc, k) => {
    if (typeof inc !== 'string') return; // the schema reports it
    const target = resolve(dirname(file), inc);
    const where = locate(own, typeof own.include === 'string' ? ['include'] : ['include', k], locs, {
      file,
      line: 1,
      col: 1,
    });
    const chain = [...stack, file];
    if (chain.includes(target)) {
      const loop = [...chain.slice(chain.indexOf(target)), target]
        .map((f) => showPath(relative(process.cwd(), f) || f))
        .join(' → ');
      errors.push({
        ...where,
        path: 'include',
        message: `includes go round in a loop (${loop}); remove one of them`,
      });
      return;
    }
    const sub = loadRaw(target, locs, read, chain);
    if (sub.unread) {
      errors.push({
        ...where,
        path: 'include',
        message: sub.unread.missing
          ? `included file not found: ${showPath(inc)} (looked for ${showPath(target)}); check the name`
          : `included file ${showPath(inc)}: ${sub.unread.reason}`,
      });
    } else errors.push(...sub.errors);
    if (sub.value) merged = deepMerge(merged, sub.value, locs);
    if (!sub.value || sub.incomplete) incomplete = true;
    omittedIssues.push(...sub.omittedIssues);
  });
  const { include: _include, omit, ...rest } = own;
  const ownLoc = locs.get(own);
  if (ownLoc) locs.set(rest, ownLoc);
  merged = includes.length ? deepMerge(merged, rest, locs) : rest;
  applyOmit(merged as Raw, omit, file, locs, errors, omittedIssues);
  return { value: merged as Raw, omittedIssues, errors, incomplete };
}
