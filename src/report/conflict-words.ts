// Plain words for the conflicts among red lines and rules — why no package is feasible — shared by `analyze`,
// `show` and the explorer. Every sentence is a fact of the conflict analysis' own numbers. No markup.
import type { ConflictMemberReport, ConflictSearchReport } from '../analysis/conflict-report.ts';
import type { Scenario } from '../domain/types.ts';
import { capitalise, count } from './format.ts';
import { actorName, unconfirmedFlag } from './words.ts';

/** Whose position it is: the party's name, or "Rule" for a rule of the scenario. */
export function memberOwner(s: Scenario, m: ConflictMemberReport): string {
  return m.actor === null ? 'Rule' : actorName(s, m.actor);
}

/** A conflict's members on one line, each with its owner, (by `mark`) its basis and, when it is, "(unconfirmed)". */
export function memberList(
  s: Scenario,
  members: readonly ConflictMemberReport[],
  mark: (basis: ConflictMemberReport['basis']) => string,
): string {
  return members
    .map((m) => `${memberOwner(s, m)}: ${m.text}${mark(m.basis)}${unconfirmedFlag(m.confirmed)}`)
    .join(' · ');
}

/** What a conflict of n members is — no package meets them all, any smaller part can hold — in lower case. */
export function conflictClause(n: number): string {
  if (n === 1) return 'no package meets this one, even alone';
  if (n === 2) return 'no package meets both of these; each can hold without the other';
  return `no package meets all ${n} of these; any ${n - 1} of them can hold together`;
}

/** The clause as a heading of the conflict's members. */
export function conflictHead(n: number): string {
  return `${capitalise(conflictClause(n))}:`;
}

/** What dropping this one alone would open. */
export function openedWords(m: ConflictMemberReport): string {
  if (m.feasibleWithout === null)
    return 'without it alone: not counted (beyond the decision diagram’s state bound)';
  if (m.feasibleWithout === 0) return 'without it alone: still no package is feasible';
  return `without it alone: ${count(m.feasibleWithout, 'package')} feasible`;
}

/** How far the search went, and what the list therefore proves. */
export function searchWords(search: ConflictSearchReport, conflicts: number): string {
  const checks = `${count(search.checks, 'feasibility check')}, each an exact count`;
  if (search.complete)
    return conflicts === 1
      ? `This is the only conflict among the parties' red lines and the rules (${checks}): dropping any one of its members makes packages feasible.`
      : `These are all the conflicts among the parties' red lines and the rules (${checks}): packages become feasible once at least one member of each is dropped, and not before.`;
  if (search.exhaustiveUpTo < search.maxSize)
    return `Every conflict of up to ${search.exhaustiveUpTo} of the parties' red lines and the rules is listed (${checks}); the search for larger ones stopped at the decision diagram’s state bound.`;
  return `Every conflict of up to ${search.maxSize} of the parties' red lines and the rules is listed (${checks}); larger ones may exist that are not.`;
}

/** The same in a few words, for a narrow screen. */
export function searchNote(search: ConflictSearchReport, conflicts: number): string {
  if (search.complete)
    return conflicts === 1
      ? 'the only conflict: dropping any one of them makes packages feasible'
      : 'all the conflicts: dropping one member of each makes packages feasible';
  return `every conflict of up to ${search.exhaustiveUpTo} is listed; larger ones may exist`;
}
