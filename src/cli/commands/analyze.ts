import type { Command } from 'commander';
import {
  type AnalysisReport,
  analyzeScenario,
  type DocumentReport,
  type PackageTerms,
  type SolutionReport,
} from '../../analysis/analyze.ts';
import type { SolutionKind } from '../../analysis/solutions.ts';
import { actorInSentence } from '../../domain/actor-names.ts';
import { PeacesimError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/types.ts';
import {
  BEFORE_RECORD_LEAD,
  beforeRecordWords,
  HELD_EARLIER_HEADING,
  positionNote,
  reasonLines,
  reasons,
} from '../../report/before-record.ts';
import { belowPair } from '../../report/comparison-figures.ts';
import { conflictHead, openedWords, searchWords } from '../../report/conflict-words.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { DURABILITY_CAVEAT, type DurabilityLike, durabilityTerms } from '../../report/durability.ts';
import { analysisEvidenceLines } from '../../report/evidence.ts';
import { analysisEvidence } from '../../report/evidence-of.ts';
import { ANALYSIS_CSV, analysisCsv } from '../../report/exports/analysis.ts';
import { count as countOf, n2, n3, optionLabel, percentOf, signed } from '../../report/format.ts';
import {
  anticipatedZoneWords,
  hurdleName,
  hurdleSentence,
  RATIFICATION_CAVEAT,
  type RatificationLike,
} from '../../report/ratification.ts';
import { sourceKeysLine } from '../../report/sources.ts';
import { documentHeading, issueLabel, unconfirmedFlag } from '../../report/words.ts';
import { AS_OF_HELP, BASIS_LEGEND, datesLine, judgedBy, mark, parseAsOf } from '../as-of.ts';
import { checkExportFlags, csvKind } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import { ANTICIPATE_FLAG, intFlag, NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP } from '../flags.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { actorName, actorShort, epochLabel, termsText } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { conflictMemberText, redLineItems, redLinesHead } from '../red-line-items.ts';
import { table, verdictTable } from '../verdict-table.ts';
import { textWidth } from '../wrap.ts';

const SOLUTION_NAMES: Record<SolutionKind, string> = {
  nash: "Nash — the largest product of the parties' gains over their reservations",
  kalaiSmorodinsky: "Kalai–Smorodinsky — the parties' gains most nearly in proportion to what each could get",
  utilitarian: "Utilitarian — the largest total of the parties' utilities",
  egalitarian: 'Egalitarian — the largest gain of the party that gains least',
};

const DURABILITY_LEGEND = `  durability: how likely the text is to hold if signed — the scenario's base plus the shifts of the factors its terms meet; ${DURABILITY_CAVEAT}`;
const count = (n: number) => n.toLocaleString('en-US');

function terms(s: Scenario, pkg: PackageTerms, only?: (issue: string) => boolean): string[][] {
  return s.issues.filter((x) => !only || only(x.id)).map((x) => [x.label, optionLabel(s, x.id, pkg[x.id]!)]);
}

/** One line: the estimate and what moves it, by the factors' labels, each marked with its basis. */
function durabilityLine(s: Scenario, d: DurabilityLike | null, p: Palette, indent: string): string[] {
  const factors = new Map((s.durability?.factors ?? []).map((f) => [f.id, f]));
  const name = (id: string) =>
    `${factors.get(id)?.label ?? id}${mark(factors.get(id)?.basis ?? 'assumption')}`;
  return d ? [`${indent}durability ${n2(d.value)} ${p.dim(`(${durabilityTerms(d, name)})`)}`] : [];
}

/** One line per hurdle the text meets, each with its verdict by the numbers; none when it meets none. */
function ratificationLines(s: Scenario, r: RatificationLike | null, p: Palette, indent: string): string[] {
  return (r?.hurdles ?? []).map(
    (h) => `${indent}${p.bold('subject to')} ${(h.clears ? p.green : p.yellow)(hurdleSentence(s, h))}`,
  );
}

const RATIFICATION_LEGEND = `  subject to: a signed text that meets a ratification hurdle takes effect only if the body approves it; ${RATIFICATION_CAVEAT}`;

/** The scenario's hurdles and how many of the packages the analysis counts meet one. */
function ratificationSection(s: Scenario, report: AnalysisReport, p: Palette): string[] {
  const r = report.ratification;
  // asked to anticipate hurdles the scenario does not state: said, not left out
  if (!r)
    return report.anticipated === null
      ? [
          p.bold('Ratification'),
          '  the scenario states no ratification hurdle: anticipating one changes nothing',
          '',
        ]
      : [];
  const out = [p.bold('Ratification')];
  for (const h of r.hurdles) {
    const range = h.thresholdRange ? ` (range ${n3(h.thresholdRange[0])}–${n3(h.thresholdRange[1])})` : '';
    out.push(`  • ${hurdleName(s, h)}${sourceList(h.sources, p)}: ${h.text}`);
    out.push(
      `    approval needs the text to be worth at least ${n3(h.threshold)} to ${actorInSentence(s, h.actor)}${range}${mark(h.thresholdBasis)}${sourceList(h.thresholdSources, p)}`,
    );
  }
  out.push(
    ...table([
      [
        'feasible',
        report.feasible.count === 0
          ? 'no feasible package to sign'
          : `${count(r.feasible)} of the ${count(report.feasible.count)} feasible packages meet a hurdle: signed, they take effect only if approved`,
      ],
      [
        'Pareto frontier',
        report.pareto.size === 0
          ? 'no package every required actor accepts'
          : `${count(r.frontier.needed)} of ${count(report.pareto.size)} points meet a hurdle, and ${count(r.frontier.cleared)} of those clear every hurdle they meet`,
      ],
      ...(report.anticipated ? [['anticipated', anticipatedZoneWords(report.anticipated)]] : []),
    ]),
  );
  out.push(p.dim(`  ${RATIFICATION_CAVEAT}`));
  return [...out, ''];
}

/** The text, and after it the closing line on the source keys it cites (none when it cites none). */
function withKeysLine(s: Scenario, name: string, io: Io, text: string): string {
  const line = sourceKeysLine(s, name, text);
  return line ? `${text}\n${palette(io).dim(line)}\n` : text;
}

const sourceList = (sources: readonly string[], p: Palette) =>
  sources.length ? p.dim(` [${sources.join(', ')}]`) : '';

function documentLines(s: Scenario, d: DocumentReport, p: Palette, width: number): string[] {
  const judged = [
    d.asOf === d.date ? '' : `judged as of ${d.asOf}`,
    d.epochs.length ? `dated positions: ${d.epochs.map((id) => epochLabel(s, id)).join('; ')}` : '',
  ].filter(Boolean);
  const out = [
    `  ${p.cyan(documentHeading(d))} ${p.dim(`(${d.date}, tabled by ${actorInSentence(s, d.tabledBy)}${judged.length ? `; ${judged.join('; ')}` : ''}; --document ${d.id})`)} — ${d.agreement ? p.green('agreement') : p.red('no agreement')}`,
    ...durabilityLine(s, d.durability, p, '    '),
    ...ratificationLines(s, d.ratification, p, '    '),
  ];
  const rows: string[][] = [];
  for (const a of s.actors) {
    const v = d.verdicts[a.id]!;
    const who = `${actorShort(s, a.id)}${v.required ? '*' : ''}`;
    const verdict = v.accepts ? p.green('accepts') : p.red('rejects');
    // its red lines under their head, one item a line, two columns further in
    const items = redLineItems(s, a.id, v.violations, undefined, p.dim).map((x) => `  ${x}`);
    const reasons = items.length ? [redLinesHead(items.length), ...items] : [];
    if (v.violations.length === 0 && !v.accepts)
      reasons.push(
        `below reservation${mark(v.reservationBasis)}; costliest: ${v.costs
          .slice(0, 3)
          .map((c) => `${issueLabel(s, c.issue)}${mark(c.basis)} (${n3(c.cost)})`)
          .join(', ')}`,
      );
    const [u, r] = belowPair(v.utility, v.reservation);
    rows.push([who, verdict, `u ${u}`, `r ${r}`, signed(v.margin), ...reasons]);
  }
  out.push(...verdictTable(rows, width));
  for (const r of d.ruleViolations)
    out.push(`    ${p.red('breaks a rule')}: ${r.text}${mark(r.basis)}${sourceList(r.sources, p)}`);
  // a verdict that rests on one version of a contested term names the other, and what it would move (as show does)
  for (const c of d.contested) out.push(`    ${p.dim(contestedTermWords(s, c))}`);
  return out;
}

/** Why no package is feasible: each minimal conflict, its members and what dropping each alone would open. */
function conflictLines(s: Scenario, report: AnalysisReport, p: Palette): string[] {
  const out = [p.bold('Why no package is feasible')];
  report.conflicts.forEach((c, k) => {
    const number = report.conflicts.length > 1 ? `${k + 1}. ` : '';
    out.push(`  ${number}${conflictHead(c.members.length)}`);
    for (const m of c.members) {
      out.push(`    ${conflictMemberText(s, m, p)}`);
      out.push(`      ${p.dim(openedWords(m))}`);
    }
  });
  out.push(`  ${searchWords(report.conflictSearch, report.conflicts.length)}`);
  return out;
}

function solutionLines(s: Scenario, report: AnalysisReport, p: Palette): string[] {
  const sols = Object.entries(report.solutions) as [SolutionKind, SolutionReport | null][];
  const found = sols.filter((e): e is [SolutionKind, SolutionReport] => e[1] !== null);
  if (found.length === 0) return ['  none: no package is acceptable to every actor whose consent it needs'];
  const shared = (issue: string) => found.every(([, x]) => x.package[issue] === found[0]![1].package[issue]);
  const out: string[] = [];
  const common = found.length > 1 ? terms(s, found[0]![1].package, shared) : [];
  if (common.length > 0) {
    out.push(p.dim('  terms shared by every solution:'));
    out.push(...table(common, '    '));
  }
  for (const [kind, sol] of found) {
    const us = s.actors.map((a) => `${actorShort(s, a.id)} ${n3(sol.utilities[a.id]!)}`).join(' · ');
    out.push(
      `  ${p.bold(SOLUTION_NAMES[kind])}${sol.exact ? '' : p.yellow(' (best found; not proven optimal)')}`,
    );
    out.push(`    ${p.dim(`utilities: ${us}`)}`);
    if (sol.tied !== null && sol.tied > 1)
      out.push(
        `    ${p.yellow(`not unique: ${count(sol.tied)} points of the frontier do as well; shown, the first by package order`)}`,
      );
    out.push(...durabilityLine(s, sol.durability, p, '    '));
    out.push(...ratificationLines(s, sol.ratification, p, '    '));
    const own = terms(s, sol.package, (issue) => found.length === 1 || !shared(issue));
    if (own.length) out.push(...table(own, '    '));
  }
  return out;
}

export function formatReport(
  s: Scenario,
  report: AnalysisReport,
  p: Palette,
  asOf?: string,
  width = Number.POSITIVE_INFINITY,
): string {
  const lines: string[] = [];
  const line = (t = '') => lines.push(t);
  line(p.bold(s.title));
  line(
    p.dim(
      `${s.id} · ${countOf(s.issues.length, 'issue')} · ${countOf(s.actors.length, 'actor')} · parties: ${report.parties.map((a) => actorShort(s, a)).join(', ')}${report.controllers.length ? ` · controllers: ${report.controllers.map((a) => actorShort(s, a)).join(', ')}` : ''}`,
    ),
  );
  line(p.dim(`${datesLine(s)} · ${judgedBy(s, asOf)}`));
  line(p.dim(BASIS_LEGEND));
  line();
  line(p.bold('Red lines') + p.dim(` in force on ${report.asOf}`));
  if (report.actors.every((a) => a.redLines.length === 0)) line('  none');
  // what of the date's positions was stated only later: noted on each red line, counted, the reasons listed once
  const early = report.appliedBeforeRecord;
  const numbered = reasons();
  for (const a of report.actors) {
    if (a.redLines.length === 0) continue;
    line(`  ${p.cyan(actorName(s, a.id))} ${p.dim(`(${a.role})`)}`);
    for (const r of a.redLines) {
      const e = early.find((x) => x.actor === a.id && x.kind === 'redLine' && x.id === r.id);
      line(
        `    • ${r.text}${mark(r.basis)}${sourceList(r.sources, p)}${unconfirmedFlag(r.confirmed)}${e ? p.dim(`; ${positionNote(e, numbered)}`) : ''}`,
      );
    }
  }
  if (early.length > 0) {
    const inWords = beforeRecordWords(s, early, numbered);
    line(`  ${p.dim(`${BEFORE_RECORD_LEAD}: ${inWords}`)}`);
    line(p.bold(HELD_EARLIER_HEADING));
    for (const l of reasonLines(s, numbered)) line(`  ${p.dim(l)}`);
  }
  line();
  line(p.bold('Feasibility'));
  lines.push(
    ...table([
      ['outcome space', `${count(report.outcomeSpace.size)} packages`],
      [
        'feasible',
        `${count(report.feasible.count)} (${percentOf(report.feasible.share, 1)}) break no party's red line and no rule`,
      ],
    ]),
  );
  if (report.feasible.packages.length) {
    line(p.dim(`  the first ${report.feasible.packages.length}:`));
    for (const [k, pkg] of report.feasible.packages.entries()) line(`    ${k + 1}. ${termsText(s, pkg)}`);
  }
  line();
  if (report.conflicts.length) {
    lines.push(...conflictLines(s, report, p));
    line();
  }
  lines.push(...ratificationSection(s, report, p));
  line(p.bold('Zone of possible agreement'));
  line(
    p.dim(
      '  per issue, each option: ✓ the parties can live with it together under their red lines and the rules, ✗ not; then who cannot live with it even alone, under its own red lines and the rules',
    ),
  );
  // one option a line, in words: narrow enough for any terminal, however many actors
  for (const z of report.zopa) {
    const issue = s.issues[s.issueIndex.get(z.issue)!]!;
    line(`  ${p.bold(issue.label)}`);
    for (const o of issue.options) {
      const v = issue.kind === 'numeric' ? o.value! : o.id;
      const cannot = s.actors.filter((a) => !z.byActor[a.id]!.includes(v));
      const together = z.parties.includes(v);
      const mark = together ? p.green('✓') : p.red('✗');
      // a ✗ that no party makes alone is the parties' red lines together, even when a non-party cannot live with it
      const byParty = cannot.some((a) => report.parties.includes(a.id));
      const names = cannot.map((a) => actorShort(s, a.id)).join(', ');
      const who =
        cannot.length === 0
          ? together
            ? // not '— every actor' alone: after the key's 'who cannot live with it', that read as everyone cannot
              '— every actor can alone'
            : '— each actor can alone; the parties’ red lines together rule it out'
          : together || byParty
            ? `— not ${names}`
            : `— not ${names}; each party can alone, and the parties’ red lines together rule it out`;
      line(`    ${mark} ${o.label} ${p.dim(who)}`);
    }
  }
  line();
  line(p.bold('Documents'));
  line(
    p.dim(
      '  * = acceptance needed (a party, or the controller of an issue the text moves); u utility, r reservation',
    ),
  );
  if (s.durability) line(p.dim(DURABILITY_LEGEND));
  if (report.ratification) line(p.dim(RATIFICATION_LEGEND));
  if (report.documents.length === 0) line('  none tabled');
  for (const d of report.documents) lines.push(...documentLines(s, d, p, width));
  line();
  line(p.bold('Bargaining solutions'));
  // every actor's utility is printed beside each solution, but only the parties' enter its objective
  const others = s.actors.length > report.parties.length;
  line(
    p.dim(
      `  over the packages every required actor accepts and no rule forbids; disagreement point: the parties' reservations${others ? "; each weighs the parties' utilities only (the other actors' are shown, not weighed)" : ''}`,
    ),
  );
  if (s.durability) line(p.dim(DURABILITY_LEGEND));
  if (report.ratification) line(p.dim(RATIFICATION_LEGEND));
  lines.push(...solutionLines(s, report, p));
  line();
  const pr = report.pareto;
  line(
    `${p.bold('Pareto frontier')}: ${count(pr.size)} point${pr.size === 1 ? '' : 's'} over the parties' utilities, ${pr.exact ? 'exact' : p.yellow(`ε-approximate (ε = ${pr.epsilon})`)}`,
  );
  if (report.parties.length === 2 && pr.size > 0) {
    const [a, b] = report.parties as [string, string];
    const shown = pr.points.slice(0, 200);
    lines.push(
      ...table([
        [p.dim(actorShort(s, a)), p.dim(actorShort(s, b))],
        ...shown.map((x) => [n3(x.utilities[a]!), n3(x.utilities[b]!)]),
      ]),
    );
    if (pr.size > shown.length) line(p.dim(`  … ${count(pr.size - shown.length)} more (--json lists all)`));
  }
  return `${lines.join('\n')}\n`;
}

export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .description(
      'exact analysis: feasible packages (when none: the minimal sets of red lines and rules that cannot all hold together), per-issue ZOPA, every document’s verdicts and contested terms, Nash / Kalai–Smorodinsky / utilitarian / egalitarian solutions, Pareto frontier',
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('--json', 'print the report as JSON')
    .option('--csv <table>', `print one table as CSV: ${ANALYSIS_CSV.join(', ')}`)
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .option('--limit <n>', 'also list the first N feasible packages', intFlag(0, 1_000_000), 0)
    .option('--as-of <DATE>', AS_OF_HELP, parseAsOf)
    .option(
      ANTICIPATE_FLAG,
      "also count the zone of agreement if negotiators anticipate ratification (the modeller's assumption): the packages every party accepts, and how many of them clear every hurdle they meet (exact)",
    )
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .action(
      async (
        name: string,
        opts: {
          json?: boolean;
          csv?: string;
          out?: string;
          limit: number;
          asOf?: string;
          anticipateRatification?: boolean;
        },
      ) => {
        checkExportFlags(opts);
        const limit = opts.limit;
        const csv = opts.csv === undefined ? undefined : csvKind(opts.csv, ANALYSIS_CSV);
        // the feasible table lists the packages --limit asks for: without it there would be a header and nothing
        if (csv === 'feasible' && limit === 0)
          throw new PeacesimError(
            '--csv feasible lists the first N feasible packages: give --limit N (e.g. --limit 100)',
            2,
          );
        const s = await openScenarioAsync(name);
        const report = analyzeScenario(s, {
          limit,
          ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
          // the flag over the scenario's default
          ...((opts.anticipateRatification ?? s.protocol.anticipateRatification === true)
            ? { anticipate: true }
            : {}),
        });
        // the evidence judges each document by its own date and each reaction by its date (--as-of aside)
        const evidence = csv ? null : await analysisEvidence(s);
        const text = csv
          ? analysisCsv(s, report, csv)
          : opts.json
            ? `${JSON.stringify({ ...report, evidence }, null, 2)}\n`
            : withKeysLine(
                s,
                name,
                io,
                `${formatReport(s, report, palette(io), opts.asOf, textWidth(io))}\n${analysisEvidenceLines(
                  s,
                  evidence!,
                )
                  .map((l, k) => (k === 0 ? palette(io).bold(l) : l))
                  .join('\n')}\n`,
              );
        if (opts.out) writeFileAtomic(opts.out, text);
        else io.out(text);
      },
    );
}
