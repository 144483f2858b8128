import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type ConcessionRank,
  type ConcessionSet,
  type ConcessionsResult,
  concessions,
  MAX_EXACT_CHANGES,
  type NearMiss,
} from '../../analysis/concessions.ts';
import { evaluatePackage, scenarioReservations } from '../../domain/evaluate.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import type { Scenario } from '../../domain/types.ts';
import { checkExportFlags, joinIds, toCsv } from '../../report/csv.ts';
import { BASIS_LEGEND } from '../as-of.ts';
import { writeFileAtomic } from '../files.ts';
import { intFlag } from '../flags.ts';
import { type Io, palette } from '../io.ts';
import { openScenario } from '../scenarios.ts';
import { changeJson, fix3, optionText, reasonOf, signed, violationText } from './whatif.ts';

function parseMax(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1)
    throw new InvalidArgumentError(`give a whole number of changes, 1 to ${MAX_EXACT_CHANGES}`);
  if (n > MAX_EXACT_CHANGES)
    throw new InvalidArgumentError(
      `the exact search covers at most ${MAX_EXACT_CHANGES} changes (C(issues, k) × options^k packages grows too fast beyond); use --max 1, 2 or 3`,
    );
  return n;
}

function setJson(s: Scenario, x: ConcessionSet) {
  const res = scenarioReservations(s);
  return {
    changes: x.changes.map((c) => changeJson(s, c)),
    nashProduct: x.nash,
    tablerLoss: x.tablerLoss,
    required: x.required.map((a) => s.actors[a]!.id),
    utilities: Object.fromEntries(s.actors.map((a) => [a.id, x.utilities[a.index]!])),
    margins: Object.fromEntries(s.actors.map((a) => [a.id, x.utilities[a.index]! - res[a.index]!])),
  };
}

function resultJson(s: Scenario, r: ConcessionsResult) {
  return {
    scenario: s.id,
    document: r.document.id,
    date: r.document.date,
    asOf: r.asOf,
    tabledBy: s.actors[r.document.tabledBy]!.id,
    max: r.max,
    rank: r.rank,
    alreadyAgreement: r.alreadyAgreement,
    size: r.size,
    count: r.count,
    solutions: r.solutions.map((x) => setJson(s, x)),
    closest: r.closest.map((x: NearMiss) => ({
      ...setJson(s, x),
      blockers: x.blockers,
      rejecting: x.rejecting.map((a) => s.actors[a]!.id),
      rulesBroken: x.rulesBroken,
      minMargin: x.minMargin,
    })),
    stats: r.stats,
  };
}

/**
 * One row per set: the minimal sets best first (`kind` solution) or, when none works, the closest (`kind`
 * closest). Changes read `issue=from→to`, ids or numbers, joined by `;`.
 */
export function concessionsCsv(s: Scenario, r: ConcessionsResult): string {
  const actors = s.actors.map((a) => a.id);
  const res = scenarioReservations(s);
  const row = (kind: string, rank: number, x: ConcessionSet, miss?: NearMiss) => [
    kind,
    rank,
    x.changes.length,
    joinIds(
      x.changes.map((c) => {
        const j = changeJson(s, c);
        return `${j.issue}=${j.from}→${j.to}`;
      }),
    ),
    x.nash,
    x.tablerLoss,
    joinIds(x.required.map((a) => s.actors[a]!.id)),
    ...s.actors.map((a) => x.utilities[a.index]!),
    ...s.actors.map((a) => x.utilities[a.index]! - res[a.index]!),
    miss?.blockers,
    miss && joinIds(miss.rejecting.map((a) => s.actors[a]!.id)),
    miss && joinIds(miss.rulesBroken),
    miss?.minMargin,
  ];
  return toCsv(
    [
      'kind',
      'rank',
      'size',
      'changes',
      'nash_product',
      'tabler_loss',
      'required',
      ...actors.map((a) => `u_${a}`),
      ...actors.map((a) => `margin_${a}`),
      'blockers',
      'rejecting',
      'rules_broken',
      'min_margin',
    ],
    [
      ...r.solutions.map((x, k) => row('solution', k + 1, x)),
      ...r.closest.map((x, k) => row('closest', k + 1, x, x)),
    ],
  );
}

function printResult(s: Scenario, r: ConcessionsResult, io: Io): void {
  const p = palette(io);
  const line = (t = '') => io.out(`${t}\n`);
  const doc = r.document;
  const tabler = s.actors[doc.tabledBy]!;
  line(
    `${p.bold(`Minimal concessions — ${doc.id}`)}: ${doc.title} ${p.dim(`(${s.id}, tabled by ${tabler.id})`)}`,
  );
  line(p.dim(`judged by the positions in force on ${r.asOf} · ${BASIS_LEGEND}`));
  const ev = evaluatePackage(s, doc.package);
  if (r.alreadyAgreement) {
    line(
      `${p.green('Already an agreement')}: every required actor accepts it as tabled; nothing to concede.`,
    );
    return;
  }
  line(`As tabled: ${p.red('no agreement')}`);
  for (const v of ev.verdicts)
    if (ev.required.includes(v.actor) && !v.accepts) line(`  ${v.actor} rejects: ${reasonOf(v)}`);
  for (const x of ev.ruleViolations) line(`  rule ${x.redLine} broken: ${violationText(x)}`);
  line();

  const changeLines = (x: ConcessionSet) => {
    const w = Math.max(...x.changes.map((c) => s.issues[c.issue]!.id.length));
    return x.changes.map(
      (c) =>
        `     ${s.issues[c.issue]!.id.padEnd(w)}  ${optionText(s, c.issue, c.from)} → ${p.bold(optionText(s, c.issue, c.to))}`,
    );
  };
  const margins = (x: ConcessionSet) =>
    x.required.map((a) => `${s.actors[a]!.id} ${signed(x.utilities[a]! - s.actors[a]!.reservation.value)}`);
  const st = r.stats;
  const searched = p.dim(
    `searched ${st.packages.toLocaleString('en-US')} packages over ${st.combinations.toLocaleString('en-US')} sets of issues; ${st.prunedCombinations.toLocaleString('en-US')} sets and ${st.skippedOptions} options ruled out without search`,
  );

  if (r.size !== null) {
    const changes = `${r.size} change${r.size === 1 ? '' : 's'}`;
    line(
      `${p.bold(`Smallest: ${changes}`)} — ${r.count} minimal set${r.count === 1 ? '' : 's'}, ranked by ${r.rank === 'nash' ? 'the Nash product of the required actors' : `what ${tabler.id} gives up`}${r.count > r.solutions.length ? ` (best ${r.solutions.length} shown)` : ''}`,
    );
    line(searched);
    r.solutions.forEach((x, k) => {
      line();
      const loss = x.tablerLoss;
      line(
        `  ${String(k + 1).padStart(2)}. Nash ${x.nash.toPrecision(4)} · ${tabler.id} ${loss > 5e-4 ? `gives up ${fix3(loss)}` : loss < -5e-4 ? `gains ${fix3(-loss)}` : 'gives up nothing'}`,
      );
      for (const l of changeLines(x)) line(l);
      line(`     ${p.dim(`margins: ${margins(x).join('  ')}`)}`);
    });
    return;
  }

  line(`${p.red(`No set of up to ${r.max} change${r.max === 1 ? '' : 's'} makes ${doc.id} an agreement.`)}`);
  line(searched);
  if (r.closest.length === 0) {
    line('No issue has another option that could help.');
    return;
  }
  line(p.bold('Closest (fewest blockers, then the largest smallest margin, then fewest changes):'));
  r.closest.forEach((x, k) => {
    line();
    const who = [
      ...x.rejecting.map((a) => `${s.actors[a]!.id} rejects`),
      ...x.rulesBroken.map((id) => `rule ${id} broken`),
    ];
    line(
      `  ${String(k + 1).padStart(2)}. ${x.blockers} blocker${x.blockers === 1 ? '' : 's'}: ${who.join(', ')} · smallest margin ${signed(x.minMargin)}`,
    );
    for (const l of changeLines(x)) line(l);
    const ev1 = evaluatePackage(s, x.package);
    for (const a of x.rejecting) line(`     ${p.dim(`${s.actors[a]!.id}: ${reasonOf(ev1.verdicts[a]!)}`)}`);
  });
}

export function registerConcessions(program: Command, io: Io): void {
  program
    .command('concessions')
    .description(
      'the smallest sets of term changes that make a tabled document acceptable to every required actor (exact up to 3)',
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .requiredOption('--document <ID>', 'the document to start from')
    .option('--max <N>', `the most changes to try, 1 to ${MAX_EXACT_CHANGES}`, parseMax, MAX_EXACT_CHANGES)
    .option('--limit <K>', 'how many sets to show, best first', intFlag(1, 1_000_000), 10)
    .addOption(
      new Option('--rank <BY>', 'nash: Nash product first; tabler: what the tabling actor gives up first')
        .choices(['nash', 'tabler'])
        .default('nash'),
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV: one row per set of changes, with every actor’s utility after')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .action(
      (
        name: string,
        opts: {
          document: string;
          max: number;
          limit: number;
          rank: string;
          json?: boolean;
          csv?: boolean;
          out?: string;
        },
      ) => {
        checkExportFlags(opts);
        const scenario = openScenario(name);
        const r = concessions(scenario, opts.document, {
          max: opts.max,
          limit: opts.limit,
          rank: opts.rank as ConcessionRank,
        });
        // margins and reasons with the positions the search judged by: those in force on the document's date
        const s = positionsAsOf(scenario, r.asOf);
        if (opts.csv || opts.json) {
          const text = opts.csv ? concessionsCsv(s, r) : `${JSON.stringify(resultJson(s, r), null, 2)}\n`;
          if (opts.out) writeFileAtomic(opts.out, text);
          else io.out(text);
        } else printResult(s, r, io);
      },
    );
}
