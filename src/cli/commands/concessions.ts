import { type Command, InvalidArgumentError, Option } from 'commander';
import { concessions, MAX_EXACT_CHANGES } from '../../analysis/concessions.ts';
import type { ConcessionRank, ConcessionSet, ConcessionsResult } from '../../analysis/concessions-types.ts';
import { actorAtStart, nameAtStart, nameInSentence } from '../../domain/actor-names.ts';
import { evaluatePackage, type Verdict } from '../../domain/evaluate.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import type { Scenario } from '../../domain/types.ts';
import { HELD_EARLIER_HEADING, positionNote, reasonEntryLines } from '../../report/before-record.ts';
import { contestedTermWords, movesAny } from '../../report/contested-terms.ts';
import { concessionsCsv, concessionsJson } from '../../report/exports/concessions.ts';
import { count, n3, optionLabelAt, signed, significant } from '../../report/format.ts';
import { concessionsBeforeRecord, concessionsRejections } from '../../report/named-before-record.ts';
import { anticipationWords } from '../../report/ratification.ts';
import { documentHeading, documentTermFlagText } from '../../report/words.ts';
import { AS_OF_HELP, BASIS_LEGEND, documentJudgedBy, parseAsOf } from '../as-of.ts';
import { withFlags } from '../core-errors.ts';
import { DOCUMENT_FLAG_HELP, givenDocument } from '../document-flag.ts';
import { checkExportFlags } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import {
  ANTICIPATE_FLAG,
  ANTICIPATE_JUDGE_HELP,
  intFlag,
  NO_ANTICIPATE_FLAG,
  NO_ANTICIPATE_HELP,
} from '../flags.ts';
import { type Io, palette } from '../io.ts';
import { actorName, constraintText, shortName } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { violationText } from '../red-line-items.ts';
import { reasonLines } from './whatif.ts';

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

/** What the lines under each set say of the contested terms (printed when the document has one). */
const CONTESTED_SETS =
  'under each set: a contested term it leaves, when the recorded variant would move a verdict of the changed text; a set that changes a contested term makes its dispute moot';

function printResult(s: Scenario, r: ConcessionsResult, io: Io): void {
  const p = palette(io);
  const line = (t = '') => io.out(`${t}\n`);
  const doc = r.document;
  const tabler = s.actors[doc.tabledBy]!;
  line(
    `${p.bold(`Minimal concessions — ${documentHeading(doc)}`)} ${p.dim(`(${s.title}; tabled by ${nameInSentence(tabler)})`)}`,
  );
  line(p.dim(`${documentJudgedBy(s, doc.date, r.asOf)} · ${BASIS_LEGEND}`));
  if (r.anticipate) line(p.dim(anticipationWords(s, true)));
  const ev = evaluatePackage(s, doc.package, undefined, r.anticipate);
  // a red line it names that the positions of r.asOf apply before its earliest source says so, as whatif's do
  const rejections = concessionsRejections(s, r);
  const marks = concessionsBeforeRecord(s, rejections, r.asOf);
  // why each actor rejects, its red lines each on a line of its own under `indent`; `dim`: the style of the notes
  // and asides, off inside lines already dim
  const why = (v: Verdict, lead: string, indent: string, dim = p.dim) =>
    reasonLines(
      s,
      v,
      lead,
      indent,
      (x) => {
        const e = marks.of(v.actor, x.redLine);
        return e ? dim(`; ${positionNote(e, marks.numbered)}`) : '';
      },
      dim,
    );
  const heldEarlier = () => {
    if (marks.listed.length === 0) return;
    line();
    line(p.bold(HELD_EARLIER_HEADING));
    for (const l of reasonEntryLines(marks.listed)) line(`  ${p.dim(l)}`);
  };
  // a verdict that rests on one version of a contested term names the other, and what it would move (as show does)
  const contestedAsTabled = () => {
    for (const c of r.contested) line(`  ${p.dim(contestedTermWords(s, c))}`);
  };
  if (r.alreadyAgreement) {
    line(
      `${p.green('Already an agreement')}: every required actor accepts it as tabled; nothing to concede.`,
    );
    contestedAsTabled();
    return;
  }
  line(`As tabled: ${p.red('no agreement')}`);
  for (const v of rejections.asTabled)
    for (const l of why(v, `  ${actorAtStart(s, v.actor)} rejects: `, '    ')) line(l);
  for (const x of ev.ruleViolations) line(`  a rule is broken: ${violationText(x)}`);
  contestedAsTabled();
  if (r.contested.length > 0 && r.solutions.length + r.closest.length > 0) line(p.dim(`  ${CONTESTED_SETS}`));
  line();

  const changeLines = (x: ConcessionSet) =>
    x.changes.map(
      (c) =>
        `     ${s.issues[c.issue]!.label}: ${optionLabelAt(s, c.issue, c.from)}${documentTermFlagText(r.document, c.issue)} → ${p.bold(optionLabelAt(s, c.issue, c.to))}`,
    );
  // a set that rests on the tabled version of a term it leaves says so; a term it changes is its own
  const contestedLines = (x: ConcessionSet) =>
    x.contested.filter(movesAny).map((c) => `     ${p.dim(contestedTermWords(s, c))}`);
  const short = (a: number) => shortName(s.actors[a]!.name);
  const margins = (x: ConcessionSet) =>
    x.required.map((a) => `${short(a)} ${signed(x.utilities[a]! - s.actors[a]!.reservation.value)}`);
  const st = r.stats;
  const searched = p.dim(
    `searched ${count(st.packages, 'package')} over ${count(st.combinations, 'set')} of issues; ${count(st.prunedCombinations, 'set')} and ${count(st.skippedOptions, 'option')} ruled out without search`,
  );

  if (r.size !== null) {
    const changes = `${r.size} change${r.size === 1 ? '' : 's'}`;
    line(
      `${p.bold(`Smallest: ${changes}`)} — ${r.count} minimal set${r.count === 1 ? '' : 's'}, ranked by ${r.rank === 'nash' ? 'the Nash product of the required actors' : `what ${shortName(nameInSentence(tabler))} gives up`}${r.count > r.solutions.length ? ` (best ${r.solutions.length} shown)` : ''}`,
    );
    line(searched);
    r.solutions.forEach((x, k) => {
      line();
      const loss = x.tablerLoss;
      line(
        `  ${String(k + 1).padStart(2)}. Nash ${significant(x.nash)} · ${shortName(nameAtStart(tabler))} ${loss > 5e-4 ? `gives up ${n3(loss)}` : loss < -5e-4 ? `gains ${n3(-loss)}` : 'gives up nothing'}`,
      );
      for (const l of changeLines(x)) line(l);
      line(`     ${p.dim(`margins: ${margins(x).join('  ')}`)}`);
      for (const l of contestedLines(x)) line(l);
    });
    heldEarlier();
    return;
  }

  line(`${p.red(`No set of up to ${r.max} change${r.max === 1 ? '' : 's'} makes it an agreement.`)}`);
  line(searched);
  if (r.closest.length === 0) {
    line('No issue has another option that could help.');
    heldEarlier();
    return;
  }
  line(p.bold('Closest (fewest blockers, then the largest smallest margin, then fewest changes):'));
  r.closest.forEach((x, k) => {
    line();
    const who = [
      ...x.rejecting.map((a) => `${short(a)} rejects`),
      ...x.rulesBroken.map((id) => `a rule is broken (${constraintText(s, id)})`),
    ];
    // whose margin it is: a positive smallest margin beside a rejection is a red line's doing, not the worth's
    const lowest = x.required.filter(
      (a) => x.utilities[a]! - s.actors[a]!.reservation.value <= x.minMargin + 1e-12,
    );
    line(
      `  ${String(k + 1).padStart(2)}. ${x.blockers} blocker${x.blockers === 1 ? '' : 's'}: ${who.join(', ')} · smallest margin ${signed(x.minMargin)} (${lowest.map(short).join(', ')})`,
    );
    for (const l of changeLines(x)) line(l);
    for (const v of rejections.closest[k]!)
      for (const l of why(v, `${actorName(s, v.actor)}: `, '  ', String)) line(`     ${p.dim(l)}`);
    for (const l of contestedLines(x)) line(l);
  });
  heldEarlier();
}

export function registerConcessions(program: Command, io: Io): void {
  program
    .command('concessions')
    .description(
      "the smallest sets of term changes that make a tabled document acceptable to every required actor (exact up to 3); the document's contested terms, and under each set those it leaves whose other recorded version would move a verdict",
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .option('--document <ID>', DOCUMENT_FLAG_HELP)
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
    .option('--as-of <DATE>', AS_OF_HELP, parseAsOf)
    .option(ANTICIPATE_FLAG, ANTICIPATE_JUDGE_HELP)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .action(
      async (
        name: string,
        opts: {
          document?: string;
          asOf?: string;
          max: number;
          limit: number;
          rank: string;
          json?: boolean;
          csv?: boolean;
          out?: string;
          anticipateRatification?: boolean;
        },
      ) => {
        checkExportFlags(opts);
        const scenario = await openScenarioAsync(name);
        const r = withFlags(undefined, () =>
          concessions(scenario, givenDocument(scenario, opts.document, 'concessions'), {
            max: opts.max,
            limit: opts.limit,
            rank: opts.rank as ConcessionRank,
            ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
            // the flag over the scenario's default
            anticipate: opts.anticipateRatification ?? scenario.protocol.anticipateRatification === true,
          }),
        );
        // margins and reasons with the positions the search judged by: those in force on the document's date or --as-of
        const s = positionsAsOf(scenario, r.asOf);
        if (opts.csv || opts.json) {
          const text = opts.csv
            ? concessionsCsv(s, r)
            : `${JSON.stringify(concessionsJson(s, r), null, 2)}\n`;
          if (opts.out) writeFileAtomic(opts.out, text);
          else io.out(text);
        } else printResult(s, r, io);
      },
    );
}
