// What a verdict on a tabled text judges: the issues the scenario models, when it fixes others of the scenario it
// builds on at the status quo (a term a text has on them is set aside), and which of those the text itself has
// terms on (the rest are read at the status quo). One answer, as data for show's --json and as the line show and
// sweep print under a document, so that a verdict on a full text read on a few of its issues says so.
import type { NegotiationDocument, Scenario } from '../domain/types.ts';
import { listing } from './words.ts';

export interface JudgedOn {
  /** how many issues the scenario models: every verdict is on these */
  readonly issues: number;
  /** the issues of the scenario it builds on that it omits, fixed at their status quo whatever a text says of them */
  readonly fixed: readonly string[];
  /** the modelled issues the text has terms on */
  readonly terms: readonly string[];
  /** the modelled issues the text has no term on: read at their status quo */
  readonly statusQuo: readonly string[];
}

export function judgedOn(s: Scenario, d: NegotiationDocument): JudgedOn {
  const named = new Set(d.terms.map((t) => t.issue));
  return {
    issues: s.issues.length,
    fixed: [...s.fixedIssues],
    terms: s.issues.filter((x) => named.has(x.index)).map((x) => x.id),
    statusQuo: s.issues.filter((x) => !named.has(x.index)).map((x) => x.id),
  };
}

/** The most issues a line names; beyond it, a count and where the list is. */
const MAX_NAMED = 6;

/**
 * "judged on the 8 issues the scenario models (the 18 others of the scenario it builds on are fixed at the status
 * quo, whatever a text says of them); the text has terms on 6 of them, the other 2 (A and B) read at the status
 * quo" — or null when the text has a term on every issue of a scenario that fixes none.
 */
export function judgedOnWords(s: Scenario, j: JudgedOn): string | null {
  if (j.fixed.length === 0 && j.statusQuo.length === 0) return null;
  const label = (id: string) => s.issues[s.issueIndex.get(id)!]!.label;
  // the issues' own group when they share one ("the 8 security issues"), none otherwise
  const groups = new Set(s.issues.map((x) => x.group));
  const group = groups.size === 1 ? [...groups][0] : undefined;
  const modelled = `${j.issues === 1 ? 'the one' : `the ${j.issues}`}${group ? ` ${group}` : ''} issue${j.issues === 1 ? '' : 's'} the scenario models`;
  const named = (ids: readonly string[]) =>
    ids.length <= MAX_NAMED ? ` (${listing(ids.map(label))})` : ' (--json lists them)';
  const fixed = j.fixed.length
    ? ` (the ${j.fixed.length} other${j.fixed.length === 1 ? '' : 's'} of the scenario it builds on ${j.fixed.length === 1 ? 'is' : 'are'} fixed at the status quo, whatever a text says of ${j.fixed.length === 1 ? 'it' : 'them'})`
    : '';
  if (j.statusQuo.length === 0) return `judged on ${modelled}${fixed}; the text has terms on every one`;
  // the shorter list named: the few terms a text has, or the few issues it leaves
  const few =
    j.terms.length === 0
      ? 'the text has no term on them: every one read at the status quo'
      : j.terms.length < j.statusQuo.length && j.terms.length <= MAX_NAMED
        ? `the text has terms on ${j.terms.length}${named(j.terms)}, the other ${j.statusQuo.length} read at the status quo`
        : `the text has terms on ${j.terms.length}, the other ${j.statusQuo.length}${named(j.statusQuo)} read at the status quo`;
  return `judged on ${modelled}${fixed}; ${few}`;
}
