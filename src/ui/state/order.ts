// The order the explorer shows things in: issues grouped by their `group` (groups in order of first appearance),
// and each issue's options in the order ←/→ steps through them (numeric issues by value).
import type { Issue, Scenario } from '../../domain/types.ts';

export interface IssueGroup {
  readonly name: string;
  /** issue indices, scenario order */
  readonly issues: readonly number[];
}

const cache = new WeakMap<Scenario, { groups: IssueGroup[]; order: number[] }>();

function build(scenario: Scenario) {
  let hit = cache.get(scenario);
  if (!hit) {
    const byName = new Map<string, number[]>();
    for (const issue of scenario.issues) {
      const name = issue.group ?? 'other';
      const list = byName.get(name) ?? [];
      list.push(issue.index);
      byName.set(name, list);
    }
    const groups = [...byName].map(([name, issues]) => ({ name, issues }));
    hit = { groups, order: groups.flatMap((g) => g.issues) };
    cache.set(scenario, hit);
  }
  return hit;
}

export function issueGroups(scenario: Scenario): readonly IssueGroup[] {
  return build(scenario).groups;
}

/** Issue indices in display order: row r of the term sheet shows issue displayOrder[r]. */
export function displayOrder(scenario: Scenario): readonly number[] {
  return build(scenario).order;
}

/** Option indices in stepping order: numeric issues by value, discrete ones as declared. */
export function optionOrder(issue: Issue): number[] {
  const idx = issue.options.map((_, k) => k);
  if (issue.kind === 'numeric')
    idx.sort((a, b) => (issue.options[a]!.value ?? 0) - (issue.options[b]!.value ?? 0) || a - b);
  return idx;
}

/** The option one step from `option` in stepping order, or `option` itself at either end. */
export function stepOption(issue: Issue, option: number, delta: number): number {
  const order = optionOrder(issue);
  const at = order.indexOf(option);
  const next = Math.min(order.length - 1, Math.max(0, at + delta));
  return order[next] ?? option;
}

/** How the overview lists documents: as in the scenario file, or by date (oldest first). */
export type DocumentOrder = 'file' | 'date';

/** By date when the documents span more than one calendar year (a history to step through), else as filed. */
export function defaultDocumentOrder(scenario: Scenario): DocumentOrder {
  const years = new Set(scenario.documents.map((d) => d.date.slice(0, 4)));
  return years.size > 1 ? 'date' : 'file';
}

/** Document indices in the order shown. Dates are ISO (possibly partial), so they compare as strings; sort is
 * stable, so equal dates keep their file order. */
export function documentIndices(scenario: Scenario, order: DocumentOrder): number[] {
  const idx = scenario.documents.map((_, k) => k);
  if (order === 'date') {
    const date = (k: number) => scenario.documents[k]!.date;
    idx.sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));
  }
  return idx;
}
