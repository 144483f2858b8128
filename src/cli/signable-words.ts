// What `outcomes` says under its table when no run can sign (engine/signable.ts): the conflict among the parties'
// red lines that stands in the way, as `analyze` names it, and why no draw can change it. Said only when proven —
// for every draw and every event these runs can fire — or, when an event can drop a red line, the weaker fact that
// is true: no run signs before one fires. With a feasible package at the start, nothing.
import type { Scenario } from '../domain/types.ts';
import type { Signability } from '../engine/signable.ts';
import { conflictClause } from '../report/conflict-words.ts';
import { count } from '../report/format.ts';
import { listing, possessive } from '../report/words.ts';
import type { Palette } from './io.ts';
import { actorPhrase } from './labels.ts';
import { conflictMemberText } from './red-line-items.ts';

/** What the draws vary, by the kinds of the uncertain parameters drawn (sweep's ids). */
function drawnKinds(parameters: readonly string[]): string {
  const kinds = [
    parameters.some((x) => x.split('.')[1] === 'weight') ? 'weights' : '',
    parameters.some((x) => x.endsWith('.reservation')) ? 'values of no deal' : '',
    parameters.some((x) => x.startsWith('ratification.')) ? 'thresholds' : '',
  ].filter(Boolean);
  if (kinds.length === 0) return 'Only the engine seed varies from run to run';
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0]!;
  return `The draws vary ${list}`;
}

/** The first conflict, one member a line, after the clause that says what kind of conflict it is. */
function conflictLines(s: Scenario, f: Signability, p: Palette, head: string): string[] {
  const first = f.conflicts[0];
  if (!first) return [`${head} (peacesim analyze looks for the conflicts among them)`];
  const many = f.conflicts.length > 1 ? `${f.conflicts.length} sets of them conflict; the first: ` : '';
  return [
    `${head} — ${many}${conflictClause(first.members.length)}:`,
    ...first.members.map((m) => `  ${conflictMemberText(s, m, p)}`),
  ];
}

/** The lines under the outcome table; none when a package keeps every party's red lines at the start. */
export function signableLines(
  s: Scenario,
  f: Signability | null,
  parameters: readonly string[],
  p: Palette,
): string[] {
  if (!f || f.feasibleAtStart > 0) return [];
  const state = "as every run starts, no package keeps every party's red lines and the rules";
  // an ad-hoc drop is named as the flag wrote it, and as what it is: the analyst's assumption
  const adHoc = f.drops.some((d) => d.basis === 'assumption');
  const assumed = (by: string) => f.drops.some((d) => d.by === by && d.basis === 'assumption');
  const named = (by: string) => (assumed(by) ? `the inject ${by} (the analyst's assumption)` : by);
  if (f.noRunCanSign) {
    const events = f.drops.length
      ? `the ${adHoc ? 'events and injects' : 'events'} of these runs that drop a party's red line (${[...new Set(f.drops.map((d) => named(d.by)))].join(', ')}) drop none of these`
      : "no event of these runs drops a party's red line";
    return [
      '',
      ...conflictLines(s, f, p, `${p.yellow('no run can sign')}: ${state}`),
      `  ${drawnKinds(parameters)}, never a red line or a rule, and ${events}; peacesim analyze says what dropping each would open, peacesim hinges whether reversing a reading or an assumption would change the outcome.`,
    ];
  }
  // each event once, with every red line it drops
  const dropWords = (by: string) => {
    const lines = f.drops
      .filter((d) => d.by === by)
      .map((d) => `${possessive(actorPhrase(s, d.actor))} red line ${d.redLine}`);
    return assumed(by)
      ? `the inject ${by} (the analyst's assumption; drops ${lines.join(' and ')})`
      : `${by} (drops ${lines.join(' and ')})`;
  };
  const sources = [...new Set(f.drops.map((d) => d.by))];
  return [
    '',
    ...conflictLines(
      s,
      f,
      p,
      `${p.yellow(`no run can sign before ${adHoc ? 'an event or an inject' : 'an event'} drops a red line`)}: ${state}`,
    ),
    `  ${openerWords(f.openers, sources, dropWords)}; peacesim analyze says what dropping each would open.`,
  ];
}

/**
 * What must fire before a run can sign. With the smallest sets of events and injects that open a package
 * (Signability.openers): each such set with the packages it opens — every set of them that opens one holds one of
 * these — and those in none, which open nothing without them. Without: the events one of which must fire.
 */
function openerWords(
  openers: Signability['openers'],
  sources: readonly string[],
  said: (by: string) => string,
) {
  if (!openers?.length)
    return `A run can sign only after one of these fires: ${sources.map(said).join(', ')}`;
  const sets = openers.map((o) =>
    o.by.length === 1
      ? `${said(o.by[0]!)}, which opens ${count(o.feasible, 'package')}`
      : `${listing(o.by.map(said))} together, which open ${count(o.feasible, 'package')}`,
  );
  const head =
    openers.length === 1
      ? `A run can sign only once this has fired: ${sets[0]}`
      : `A run can sign only once one of these has fired: ${sets.join('; or ')}`;
  const idle = sources.filter((by) => !openers.some((o) => o.by.includes(by)));
  if (!idle.length) return head;
  const one = openers.length === 1 && openers[0]!.by.length === 1;
  return `${head}. ${listing(idle.map(said))} ${idle.length === 1 ? 'opens' : 'open'} none without ${one ? 'it' : 'one of these'}`;
}
