import type { Command } from 'commander';
import { type Timeline, timeline } from '../../analysis/timeline.ts';
import { withBasis } from '../../domain/basis.ts';
import type { BasisKind, Scenario } from '../../domain/types.ts';
import {
  BEFORE_RECORD_LEAD,
  beforeRecordWords,
  HELD_EARLIER_HEADING,
  reasonLines,
  reasons,
} from '../../report/before-record.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { documentHeading, unconfirmedFlag } from '../../report/words.ts';
import { columnName } from '../../ui/words.ts';
import { BASIS_LEGEND, datesLine } from '../as-of.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { textWidth } from '../wrap.ts';

// one paragraph a line: the output is wrapped to the terminal, so a line broken here would break again there
export const TIMELINE_LEGEND = [
  'Each document is judged by the positions its actors held on the date it was tabled.',
  "date: when it was tabled · document: its title · by: who tabled it · one column per actor: 'yes' accepts, 'no' rejects, in brackets when the text does not need that actor's consent · deal: 'yes' when every actor whose consent it needs accepts and it breaks no rule · feasible: how many packages broke no party’s red line and no rule, with the positions of that date.",
];

/** The head of the list of contested terms under the table. */
const CONTESTED_HEAD =
  'Contested terms (the table reads each text as tabled; the record holds another report of these):';

const pad = (t: string, w: number) => (t.length >= w ? t : t + ' '.repeat(w - t.length));
const clip = (t: string, w: number) => (t.length <= w ? t : `${t.slice(0, w - 1)}…`);

/** A document's title in a column `w` wide: clipped, but never its "(unconfirmed)". */
const titleCell = (e: Timeline['entries'][number], w: number) => {
  const flag = unconfirmedFlag(e.confirmed);
  return `${clip(e.title, w - flag.length)}${flag}`;
};

/** A dated position the timeline used: whose, its label, its span and its basis (`epochs` in --json). */
export interface UsedEpoch {
  readonly id: string;
  readonly actor: string;
  readonly label: string;
  readonly from?: string;
  readonly until?: string;
  readonly basis: BasisKind;
}

/** Every epoch in force on some document's date, actor by actor in file order. */
function usedEpochs(s: Scenario, t: Timeline): UsedEpoch[] {
  const used = new Set(t.entries.flatMap((e) => e.epochs));
  return s.actors.flatMap((a) =>
    a.epochs
      .filter((ep) => used.has(ep.id))
      .map((ep) => ({
        id: ep.id,
        actor: a.id,
        label: ep.label,
        ...(ep.from === undefined ? {} : { from: ep.from }),
        ...(ep.until === undefined ? {} : { until: ep.until }),
        basis: ep.basis,
      })),
  );
}

const ruleOf = (s: Scenario, id: string) => s.rules.find((r) => r.id === id);
const ruleText = (s: Scenario, id: string) => ruleOf(s, id)?.text ?? id;
const ruleBasis = (s: Scenario, id: string): BasisKind => ruleOf(s, id)?.basis ?? 'stated';

/** The timeline in words, its table laid out for `width` columns. */
export function timelineText(s: Scenario, t: Timeline, p: Palette, width = Number.POSITIVE_INFINITY): string {
  const lines: string[] = [];
  lines.push(p.bold(`Timeline — ${s.title}`), p.dim(`${s.id} · ${datesLine(s)}`));
  for (const l of TIMELINE_LEGEND) lines.push(p.dim(l));
  lines.push('');
  const names = s.actors.map((a) => columnName(a.name));
  const by = (id: string) => names[s.actorIndex.get(id)!]!;
  const docW = Math.min(44, Math.max(8, ...t.entries.map((e) => documentHeading(e).length)));
  const byW = Math.max(2, ...t.entries.map((e) => by(e.tabledBy).length));
  const colW = names.map((n) => Math.max(5, n.length));
  const feasible = t.entries.map((e) => e.feasible.toLocaleString('en-US'));
  const figures = [pad('by', byW), ...names.map((n, k) => pad(n, colW[k]!)), 'deal', 'feasible'];
  const verdicts = t.entries.map((e, j) => {
    const cells = s.actors.map((a, k) => {
      const v = e.verdicts[a.id]!;
      const word = v.accepts ? 'yes' : 'no';
      const shown = pad(v.required ? word : `(${word})`, colW[k]!);
      return v.required ? (v.accepts ? p.green(shown) : p.red(shown)) : p.dim(shown);
    });
    const deal = e.agreement ? p.green(pad('yes', 4)) : p.red(pad('no', 4));
    return [pad(by(e.tabledBy), byW), ...cells, deal, feasible[j]!].join('  ');
  });
  // one row a document when it fits the width; else the date and the whole title on a line, the verdicts under it
  const rowWidth =
    10 + 2 + docW + 2 + [...figures.slice(0, -1), ...feasible].reduce((n, c) => n + c.length + 2, 0);
  if (rowWidth <= width) {
    lines.push(p.dim([pad('date', 10), pad('document', docW), ...figures].join('  ')));
    t.entries.forEach((e, j) => {
      lines.push([pad(e.date, 10), pad(titleCell(e, docW), docW), verdicts[j]!].join('  '));
    });
  } else {
    lines.push(p.dim(`${pad('date', 10)}  document`), p.dim(`  ${figures.join('  ')}`));
    t.entries.forEach((e, j) => {
      lines.push(`${e.date}  ${documentHeading(e)}`, `  ${verdicts[j]!}`);
    });
  }
  // the deal column's other condition: a rule broken blocks a text whoever accepts it
  const ruled = t.entries.filter((e) => e.rulesBroken.length > 0);
  if (ruled.length > 0) {
    lines.push('', p.dim('Rules broken (no deal whoever accepts):'));
    for (const e of ruled)
      lines.push(
        p.dim(
          `  ${e.date} ${e.title}: ${e.rulesBroken.map((id) => withBasis(ruleText(s, id), ruleBasis(s, id))).join(' · ')}`,
        ),
      );
  }
  // a verdict that rests on one version of a contested term: the other named, with what it would move (as show does)
  const contested = t.entries.filter((e) => e.contested.length > 0);
  if (contested.length > 0) {
    lines.push('', p.dim(CONTESTED_HEAD));
    for (const e of contested) {
      lines.push(p.dim(`  ${e.date} ${e.title}${unconfirmedFlag(e.confirmed)}`));
      for (const c of e.contested) lines.push(p.dim(`    ${contestedTermWords(s, c)}`));
    }
  }
  const used = usedEpochs(s, t);
  if (used.length > 0) {
    lines.push('', p.dim('Dated positions used:'));
    // a reading or an assumption marked, as show and whatif mark the same positions
    for (const ep of used)
      lines.push(
        p.dim(
          `  ${by(ep.actor)}: ${withBasis(ep.label, ep.basis)} (${ep.from ?? '…'} to ${ep.until ?? '…'})`,
        ),
      );
  }
  // the marks of both lists above, read once
  const marked =
    used.some((ep) => ep.basis !== 'stated') ||
    ruled.some((e) => e.rulesBroken.some((id) => ruleBasis(s, id) !== 'stated'));
  if (marked) lines.push(p.dim(`  ${BASIS_LEGEND}`));
  const numbered = reasons();
  const early = t.entries.filter((e) => e.appliedBeforeRecord.length > 0);
  if (early.length > 0) {
    lines.push('', p.dim(`Positions ${BEFORE_RECORD_LEAD}:`));
    for (const e of early)
      lines.push(p.dim(`  ${e.date} ${e.title}: ${beforeRecordWords(s, e.appliedBeforeRecord, numbered)}`));
    const why = reasonLines(s, numbered);
    if (why.length > 0) lines.push('', p.dim(HELD_EARLIER_HEADING), ...why.map((l) => p.dim(`  ${l}`)));
  }
  return `${lines.join('\n')}\n`;
}

export function registerTimeline(program: Command, io: Io): void {
  program
    .command('timeline')
    .description(
      `every tabled document in date order, judged by the positions of its date: each actor's verdict and the feasible count, and each contested term with the verdicts its other recorded version would move (default: ${DEFAULT_SCENARIO})`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option(
      '--json',
      'print JSON: { entries: [{ date, document, tabledBy, verdicts, feasible, epochs, appliedBeforeRecord, contested, … }], epochs: [{ id, actor, label, from, until, basis }] }',
    )
    .action(async (name: string, opts: { json?: boolean }) => {
      const s = await openScenarioAsync(name);
      const t = timeline(s);
      io.out(
        opts.json
          ? `${JSON.stringify({ ...t, epochs: usedEpochs(s, t) }, null, 2)}\n`
          : timelineText(s, t, palette(io), textWidth(io)),
      );
    });
}
