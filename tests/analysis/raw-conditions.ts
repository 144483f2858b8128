// A second reading of the scenario format's conditions, written from docs/scenario-format.md alone ("Issues",
// "Actors", "Conditions: the constraint language") and working on the raw scenario object a file holds: issue
// ids, option ids and numbers, never the compiled masks. It shares no code with src/scenario/compile.ts or
// src/domain/evaluate.ts, so a test that compares the two can catch a mistake in how conditions are compiled.

/** One issue's value in a package, as a file writes it: an option id (discrete) or a number (numeric). */
export type RawValue = string | number;
/** A package in the file's terms: issue id → its value. */
export type RawPackage = Readonly<Record<string, RawValue>>;

type Obj = Readonly<Record<string, unknown>>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);

/**
 * Whether condition `c` holds in `pkg`. The table of the format doc, row by row: `is`, `in`, `not_in` and the
 * bounds `gte`/`gt`/`lte`/`lt` on one issue (several of them in one condition must all hold); `all`, `any`,
 * `not`; `if`/`then` is C ⇒ D, and with `else` also ¬C ⇒ E.
 */
export function holdsRaw(c: unknown, pkg: RawPackage): boolean {
  if (!isObj(c)) throw new Error(`not a condition: ${JSON.stringify(c)}`);
  if ('all' in c) return list(c.all).every((d) => holdsRaw(d, pkg));
  if ('any' in c) return list(c.any).some((d) => holdsRaw(d, pkg));
  if ('not' in c) return !holdsRaw(c.not, pkg);
  if ('if' in c) {
    const cond = holdsRaw(c.if, pkg);
    if (cond) return holdsRaw(c.then, pkg);
    return 'else' in c ? holdsRaw(c.else, pkg) : true;
  }
  if (typeof c.issue !== 'string') throw new Error(`a condition with no head: ${JSON.stringify(c)}`);
  const v = pkg[c.issue];
  if (v === undefined) throw new Error(`the package has no value for issue ${c.issue}`);
  const checks: boolean[] = [];
  if ('is' in c) checks.push(v === c.is);
  if ('in' in c) checks.push(list(c.in).includes(v));
  if ('not_in' in c) checks.push(!list(c.not_in).includes(v));
  const bound = (key: string, ok: (x: number, n: number) => boolean) => {
    if (key in c) checks.push(typeof v === 'number' && ok(v, c[key] as number));
  };
  bound('gte', (x, n) => x >= n);
  bound('gt', (x, n) => x > n);
  bound('lte', (x, n) => x <= n);
  bound('lt', (x, n) => x < n);
  if (checks.length === 0)
    throw new Error(`a condition on ${c.issue} that tests nothing: ${JSON.stringify(c)}`);
  return checks.every(Boolean);
}

/** A candidate or a document's term: a bare value, or `{ value, … }`. */
const valueIn = (x: unknown): unknown => (isObj(x) ? x.value : x);

/**
 * The values issue `issue` can take, as a set: a discrete issue's option ids; a numeric issue's candidates and
 * every number a document mentions for it (a term's value and its contested variants).
 */
export function rawValues(scenario: Obj, issue: Obj): Set<RawValue> {
  if (issue.kind !== 'numeric') return new Set(list(issue.options).map((o) => (o as Obj).id as string));
  const out = new Set<RawValue>(list(issue.candidates).map((x) => valueIn(x) as number));
  for (const d of list(scenario.documents)) {
    const terms = (d as Obj).terms;
    if (!isObj(terms) || !((issue.id as string) in terms)) continue;
    const term = terms[issue.id as string];
    out.add(valueIn(term) as number);
    if (isObj(term)) for (const variant of list(term.variants)) out.add(valueIn(variant) as number);
  }
  return out;
}

/** What the raw scenario says of one package: each actor's broken red lines, the broken rules, feasibility. */
export interface RawVerdict {
  /** actor id → the ids of its red lines the package breaks, in file order */
  readonly redLines: Readonly<Record<string, readonly string[]>>;
  /** the ids of the rules the package breaks, in file order */
  readonly rules: readonly string[];
  /** breaks no party's red line and no rule */
  readonly feasible: boolean;
}

/** A red line or rule is broken when its `rule` does not hold. */
export function rawVerdict(scenario: Obj, pkg: RawPackage): RawVerdict {
  const broken = (constraints: unknown) =>
    list(constraints)
      .filter((k) => !holdsRaw((k as Obj).rule, pkg))
      .map((k) => (k as Obj).id as string);
  const redLines = Object.fromEntries(
    list(scenario.actors).map((a) => [(a as Obj).id as string, broken((a as Obj).redLines)]),
  );
  const rules = broken(scenario.rules);
  const parties = list(isObj(scenario.protocol) ? scenario.protocol.parties : []) as string[];
  return {
    redLines,
    rules,
    feasible: rules.length === 0 && parties.every((p) => (redLines[p] ?? []).length === 0),
  };
}
