// Scenario file → validated, cross-checked, compiled scenario, or every located error of the file at once.
import { isAbsolute, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { PeacesimError } from '../domain/errors.ts';
import { quote } from '../domain/text.ts';
import type { Scenario } from '../domain/types.ts';
import { anachronisms } from './anachronism.ts';
import { type CompileOptions, compileScenario } from './compile.ts';
import { crossCheck } from './crosscheck.ts';
import { unpairedDefaults } from './crosscheck-basis.ts';
import { loadRaw, type ReadText, readTextFile } from './include.ts';
import { formatError, formatPath, type LocatedError, type LocMap, locate } from './located.ts';
import { Issue, type IssueInput, Scenario as ScenarioSchema } from './schema.ts';

export type LoadResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      /**
       * what `validate` warns of in a valid file: positions judged before their sources (anachronism.ts), one-sided
       * hypotheses on by default with no counterpart or reason (crosscheck-basis.ts)
       */
      readonly warnings: readonly LocatedError[];
    }
  | { readonly ok: false; readonly errors: readonly LocatedError[] };

class ScenarioError extends PeacesimError {
  override name = 'ScenarioError';
  readonly errors: readonly LocatedError[];
  constructor(errors: readonly LocatedError[]) {
    super(errors.map(formatError).join('\n'), 1);
    this.errors = errors;
  }
}

type ZodIssue = z.core.$ZodIssue;

/** Unions report every branch; keep the branch that got furthest (fewest complaints), so messages stay specific. */
function flattenIssues(
  issues: readonly ZodIssue[],
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; issue: ZodIssue }[] {
  const out: { path: PropertyKey[]; issue: ZodIssue }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.filter((b) => b.length > 0);
      const typeOnly = (b: readonly ZodIssue[]) =>
        b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0;
      const informative = branches.filter((b) => !typeOnly(b));
      if (informative.length === 0) {
        const expected = branches.map((b) => (b[0] as { expected?: string }).expected).filter(Boolean);
        out.push({ path, issue: { ...issue, message: `expected ${[...new Set(expected)].join(' or ')}` } });
        continue;
      }
      const best = informative.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...flattenIssues(best, path));
    } else out.push({ path, issue });
  }
  return out;
}

/** At most ten items, then how many in all: a hostile file may hold 100,000 unknown keys. */
function listed(items: readonly string[]): string {
  return items.length > 10
    ? `${items.slice(0, 10).join(', ')}, … (${items.length} in all)`
    : items.join(', ');
}

/** What a missing field takes, in the words of the file: "missing: give some text", not zod's "expected string". */
const WHAT_TO_GIVE: Readonly<Record<string, string>> = {
  string: 'some text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

function messageOf(issue: ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${listed(issue.keys.map(quote))}`;
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined'))
    return `missing: give ${WHAT_TO_GIVE[issue.expected] ?? issue.expected}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeMessage(issue);
  return issue.message.replace(/^Invalid input: /, '');
}

/** A bound missed, in words that say what to give: "give a number ≥ 0", not zod's "Too small: expected number to be >=0". */
function sizeMessage(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const sign = small ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤';
  const least = small ? 'at least' : 'at most';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (issue.origin) {
    case 'number':
    case 'int':
      return `too ${small ? 'small' : 'large'}: give a number ${sign} ${bound}`;
    case 'string':
      return small && bound === 1
        ? 'empty: give some text'
        : `too ${small ? 'short' : 'long'}: give ${least} ${plural(bound, 'character')}`;
    case 'array':
    case 'set':
      return `too ${small ? 'few' : 'many'}: give ${least} ${plural(bound, 'item')}`;
    default:
      return issue.message;
  }
}

export function loadScenario(
  file: string,
  read: ReadText = readTextFile,
  options: CompileOptions = {},
): LoadResult {
  const path = resolve(file);
  const locs: LocMap = new WeakMap();
  const raw = loadRaw(path, locs, read);
  const shown = (f: string) => {
    if (f === path) return file;
    const rel = relative(process.cwd(), f);
    return isAbsolute(f) && !rel.startsWith('..') ? rel : f;
  };
  const errors: LocatedError[] = raw.errors.map((e) => ({ ...e, file: shown(e.file) }));
  // without an included part, the schema would only echo what is missing: report why it is missing
  if (!raw.value || raw.incomplete) return { ok: false, errors: dedupe(errors, file) };
  const fallback = { file: path, line: 1, col: 1 };
  const at = (p: PropertyKey[], message: string): LocatedError => {
    const pos = locate(raw.value, p, locs, fallback);
    return { file: shown(pos.file), line: pos.line, col: pos.col, path: formatPath(raw.value, p), message };
  };

  const parsed = ScenarioSchema.safeParse(raw.value);
  if (!parsed.success) {
    for (const { path: p, issue } of flattenIssues(parsed.error.issues)) errors.push(at(p, messageOf(issue)));
  }
  for (const f of crossCheck(raw.value, raw.omittedIssues)) errors.push(at(f.path, f.message));
  if (errors.length || !parsed.success) return { ok: false, errors: dedupe(errors, file) };

  const fixed = raw.omittedIssues
    .map((x) => Issue.safeParse(x))
    .filter((r) => r.success)
    .map((r) => r.data as IssueInput);
  const lint = [...anachronisms(raw.value), ...unpairedDefaults(raw.value)];
  const warnings = dedupe(
    lint.map((f) => at(f.path, f.message)),
    file,
  );
  return { ok: true, scenario: compileScenario(parsed.data, fixed, shown(path), options), warnings };
}

/**
 * Each error once, the file given first (an omit there that misses can be why an included file's part fails: the
 * cause before its consequence), then the files it includes, each in line order.
 */
function dedupe(errors: LocatedError[], first: string): LocatedError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const k = formatError(e);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) =>
      a.file === b.file
        ? a.line - b.line || a.col - b.col
        : Number(a.file !== first) - Number(b.file !== first) || (a.file < b.file ? -1 : 1),
    );
}

/** Load or throw a ScenarioError listing every located error. */
export function loadScenarioFile(file: string, read?: ReadText, options?: CompileOptions): Scenario {
  const result = loadScenario(file, read, options);
  if (!result.ok) throw new ScenarioError(result.errors);
  return result.scenario;
}
