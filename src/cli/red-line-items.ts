// An actor's broken red lines as text, one item a line, for every command that says why an actor rejects (whatif,
// concessions, show, analyze, sweep): each with its basis mark and its source keys bound to it, and on the later of
// two versions of one contested fact the aside that says so (report/red-line-versions.ts). Two red lines run
// together in one paragraph read as one sentence that contradicts itself.
import type { ConflictMemberReport } from '../analysis/conflict-report.ts';
import type { Violation } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import { memberOwner } from '../report/conflict-words.ts';
import { versionAsides } from '../report/red-line-versions.ts';
import { unconfirmedFlag } from '../report/words.ts';
import { mark } from './as-of.ts';
import type { Palette } from './io.ts';

/** A red line or rule as text: its words, its basis mark, its source keys and, when it is not, "(unconfirmed)". */
export function violationText(v: Violation): string {
  const src = v.sources.length ? ` [${v.sources.join(', ')}]` : '';
  return `${v.text}${mark(v.basis)}${src}${unconfirmedFlag(v.confirmed)}`;
}

/**
 * A red line or rule of a conflict (why no package is feasible), as `analyze` lists it: whose it is, its words, its
 * basis mark, its source keys and, when the record does not settle it, "(unconfirmed)".
 */
export function conflictMemberText(s: Scenario, m: ConflictMemberReport, p: Palette): string {
  const src = m.sources.length ? p.dim(` [${m.sources.join(', ')}]`) : '';
  return `${p.cyan(memberOwner(s, m))}: ${m.text}${mark(m.basis)}${src}${unconfirmedFlag(m.confirmed)}`;
}

/** What the items stand under: "red line:" or "red lines:". */
export function redLinesHead(count: number): string {
  return `red line${count === 1 ? '' : 's'}:`;
}

/**
 * An actor's broken red lines, in their order, one item each: "– " before the one, "1. ", "2. " … before two or
 * more; each its words, basis mark and source keys (violationText), then the aside (painted by `aside`) when it is a
 * version of an earlier item, then `note` (a note of its own, already painted).
 */
export function redLineItems(
  s: Scenario,
  actor: string,
  violations: readonly Violation[],
  note: (x: Violation) => string = () => '',
  aside: (text: string) => string = (t) => t,
): string[] {
  const asides = versionAsides(s, actor, violations, (j) => `red line ${j + 1}`);
  return violations.map((v, k) => {
    const marker = violations.length > 1 ? `${k + 1}. ` : '– ';
    const words = asides[k];
    return `${marker}${violationText(v)}${words ? aside(` (${words})`) : ''}${note(v)}`;
  });
}
