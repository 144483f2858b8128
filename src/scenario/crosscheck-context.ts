// What every cross-check needs: the raw value's ids, issue shapes, and the checks of a value, a condition and a
// preference against them. Findings carry the path inside the merged document; load.ts locates them.
import { didYouMean } from '../domain/errors.ts';

export type Raw = Record<string, unknown>;
export type Path = (string | number)[];
export interface Finding {
  readonly path: Path;
  readonly message: string;
}

export const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
/** [low, high] given the wrong way round; anything that is not two numbers is the schema's to report. */
export const upsideDown = (x: unknown): boolean =>
  Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number' && x[0] > x[1];
export const records = (x: unknown): [Raw, number][] =>
  Array.isArray(x)
    ? x.map((v, i) => [v, i] as [unknown, number]).filter((p): p is [Raw, number] => isRecord(p[0]))
    : [];
export const idOf = (x: Raw): string | undefined => (typeof x.id === 'string' ? x.id : undefined);
export const idsOf = (x: unknown): Set<string> =>
  new Set(
    records(x)
      .map(([item]) => idOf(item))
      .filter((id): id is string => !!id),
  );

export interface IssueInfo {
  readonly kind: 'discrete' | 'numeric';
  readonly options: string[];
  readonly range?: [number, number];
}

/** `what` may carry a context after a '|': unknownId('option|of issue "nato"', …) → unknown option "x" of issue "nato" */
function unknownId(what: string, id: string, valid: Iterable<string>, path: Path): Finding {
  const list = [...valid];
  const [kind, context] = what.split('|');
  const shown = list.length <= 15 ? list.join(', ') : `${list.slice(0, 15).join(', ')}, …`;
  return {
    path,
    message: `unknown ${kind} "${id}"${context ? ` ${context}` : ''}${didYouMean(id, list)}${list.length ? `; valid: ${shown}` : ''}`,
  };
}

export function issueInfo(item: Raw): IssueInfo {
  if (item.kind === 'numeric') {
    const r =
      Array.isArray(item.range) && item.range.length === 2 && item.range.every((x) => typeof x === 'number');
    return { kind: 'numeric', options: [], ...(r ? { range: item.range as [number, number] } : {}) };
  }
  return {
    kind: 'discrete',
    options: records(item.options)
      .map(([o]) => idOf(o))
      .filter((x): x is string => !!x),
  };
}

export class CheckContext {
  readonly out: Finding[] = [];
  readonly sourceIds: Set<string>;
  readonly actorIds: Set<string>;
  readonly documentIds: Set<string>;
  /** the scenario's issues, by id */
  readonly issues = new Map<string, IssueInfo>();
  /** issues omitted from an included base: fixed at their status quo, still nameable */
  readonly fixed = new Map<string, IssueInfo>();

  constructor(
    readonly raw: Raw,
    omittedIssues: readonly unknown[],
  ) {
    this.sourceIds = idsOf(raw.sources);
    this.actorIds = idsOf(raw.actors);
    this.documentIds = idsOf(raw.documents);
    for (const [item] of records(raw.issues)) {
      const id = idOf(item);
      if (id && !this.issues.has(id)) this.issues.set(id, issueInfo(item));
    }
    for (const item of omittedIssues)
      if (isRecord(item) && idOf(item)) this.fixed.set(idOf(item)!, issueInfo(item));
  }

  push(path: Path, message: string): void {
    this.out.push({ path, message });
  }

  unknown(what: string, id: string, valid: Iterable<string>, path: Path): void {
    this.out.push(unknownId(what, id, valid, path));
  }

  anyIssue(id: string): IssueInfo | undefined {
    return this.issues.get(id) ?? this.fixed.get(id);
  }

  /** An actor id that must exist. */
  actor(id: unknown, path: Path): void {
    if (typeof id === 'string' && !this.actorIds.has(id)) this.unknown('actor', id, this.actorIds, path);
  }

  /** A value of an issue: an option id of a discrete issue, a number within a numeric issue's range. */
  value(issueId: string, info: IssueInfo, v: unknown, path: Path): void {
    if (info.kind === 'discrete') {
      if (typeof v !== 'string')
        this.push(path, `issue "${issueId}" takes an option id, not ${JSON.stringify(v)}`);
      else if (!info.options.includes(v)) this.unknown(`option|of issue "${issueId}"`, v, info.options, path);
    } else if (typeof v !== 'number') {
      this.push(path, `issue "${issueId}" is numeric: give a number, not ${JSON.stringify(v)}`);
    } else if (info.range && (v < info.range[0] || v > info.range[1])) {
      this.push(path, `${v} is outside the range of issue "${issueId}" [${info.range[0]}, ${info.range[1]}]`);
    }
  }

  condition(c: unknown, path: Path): void {
    if (!isRecord(c)) return;
    if (typeof c.issue === 'string') {
      const info = this.anyIssue(c.issue);
      if (!info) {
        this.unknown('issue', c.issue, this.issues.keys(), [...path, 'issue']);
        return;
      }
      if (c.is !== undefined) this.value(c.issue, info, c.is, [...path, 'is']);
      for (const k of ['in', 'not_in'] as const) {
        const list = c[k];
        if (Array.isArray(list))
          list.forEach((v, i) => this.value(c.issue as string, info, v, [...path, k, i]));
      }
      if (info.kind === 'discrete') {
        for (const k of ['lt', 'lte', 'gt', 'gte'] as const) {
          if (c[k] !== undefined)
            this.push(
              [...path, k],
              `"${k}" compares numbers, but issue "${c.issue}" has options; use is, in or not_in`,
            );
        }
      }
    }
    for (const k of ['all', 'any'] as const) {
      const list = c[k];
      if (Array.isArray(list)) list.forEach((x, i) => this.condition(x, [...path, k, i]));
    }
    for (const k of ['not', 'if', 'then', 'else'] as const) this.condition(c[k], [...path, k]);
  }

  /**
   * A preference's values or curve against its issue. `partial` (an epoch's override) may give neither: it then
   * changes only the weight.
   */
  preference(issueId: string, info: IssueInfo, p: Raw, path: Path, partial = false): void {
    if (upsideDown(p.weightRange))
      this.push([...path, 'weightRange'], 'weightRange is upside down: write [low, high]');
    if (info.kind === 'discrete') {
      if (p.curve !== undefined)
        this.push([...path, 'curve'], `issue "${issueId}" has options: give "values", not a curve`);
      if (p.values === undefined && !partial)
        this.push(path, `give "values" for the options of issue "${issueId}"`);
      if (isRecord(p.values)) {
        for (const o of Object.keys(p.values)) {
          if (!info.options.includes(o))
            this.unknown(`option|of issue "${issueId}"`, o, info.options, [...path, 'values', o]);
        }
      }
      return;
    }
    if (p.values !== undefined)
      this.push(
        [...path, 'values'],
        `issue "${issueId}" is numeric: give a "curve" of [value, utility] points`,
      );
    if (p.curve === undefined && !partial) this.push(path, `give a "curve" for numeric issue "${issueId}"`);
    if (Array.isArray(p.curve)) {
      const xs = p.curve.map((pt) => (Array.isArray(pt) ? pt[0] : undefined));
      for (let k = 1; k < xs.length; k++) {
        const [a, b] = [xs[k - 1], xs[k]];
        if (typeof a === 'number' && typeof b === 'number' && b < a)
          this.push([...path, 'curve', k], 'curve points must be in ascending order of value');
      }
    }
  }
}
