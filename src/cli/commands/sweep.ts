import type { Command } from 'commander';
import { termVariants } from '../../analysis/contested.ts';
import {
  type SweepOptions,
  type SweepPart,
  type SweepSample,
  startingPositions,
  sweepPart,
  sweepResult,
} from '../../analysis/sweep.ts';
import { SEED_RANGE } from '../../domain/numbers.ts';
import { ratificationOf } from '../../domain/ratification.ts';
import type { Scenario } from '../../domain/types.ts';
import { HELD_EARLIER_HEADING, positionNote, reasonEntryLines } from '../../report/before-record.ts';
import { termVariantWords } from '../../report/contested-terms.ts';
import { SWEEP_CSV, sweepDrawsCsv, sweepJson, sweepSummaryCsv } from '../../report/exports/sweep.ts';
import { judgedOn, judgedOnWords } from '../../report/judged-on.ts';
import { sweepBeforeRecord } from '../../report/named-before-record.ts';
import { anticipationWords } from '../../report/ratification.ts';
import { consentAside, documentHeading, listing } from '../../report/words.ts';
import { drawnAsOfHelp, parseAsOf, sweptBy } from '../as-of.ts';
import { type DrawFlags, mergeResults, runDrawCommand, withDrawFlags } from '../draw-command.ts';
import { checkExportFlags, optionalCsvKind } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import {
  ANTICIPATE_FLAG,
  ANTICIPATE_JUDGE_HELP,
  collect,
  intFlag,
  NO_ANTICIPATE_FLAG,
  NO_ANTICIPATE_HELP,
} from '../flags.ts';
import { type Io, palette } from '../io.ts';
import { actorShort, parameterLabel } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { choosePrior, PRIOR_HELP, type PriorKind, parsePrior, priorLine } from '../prior.ts';
import { redLineItems, redLinesHead, violationText } from '../red-line-items.ts';
import { scenarioSource } from '../run-plan.ts';
import { sharePercent } from '../share.ts';

const pct = (x: number) => sharePercent(x).padStart(6);

/** Above a document's recorded variants: what the shares read, and where the other reading is judged. */
const CONTESTED_HEAD =
  'the shares read the text as tabled; the record holds another report of these terms (peacesim whatif reads a text so):';

// Before `--csv` named an export, it took a file name; say how to get the old behaviour.
const MOVED = '; to write every draw to a file: --csv draws --out FILE';

export interface SweepOutput {
  readonly json?: boolean;
  readonly csv?: string | true;
  readonly out?: string;
}

/** Prints a sweep's result, as `sweep` prints it (and `merge` of its parts). `samples`: for --csv draws. */
export function printSweep(
  io: Io,
  scenario: Scenario,
  options: SweepOptions,
  part: SweepPart,
  samples: readonly SweepSample[] | null,
  output: SweepOutput,
): void {
  const csv = optionalCsvKind(output.csv, SWEEP_CSV, MOVED);
  const result = sweepResult(scenario, options, part);
  if (csv || output.json) {
    const text =
      csv === 'draws'
        ? sweepDrawsCsv(scenario, result, samples ?? [])
        : csv === 'summary'
          ? sweepSummaryCsv(scenario, result)
          : `${JSON.stringify(sweepJson(scenario, result), null, 2)}\n`;
    if (output.out) writeFileAtomic(output.out, text);
    else io.out(text);
    return;
  }
  const p = palette(io);
  // the red lines the samples were judged by: an epoch in force on --as-of may add some
  const judged = startingPositions(scenario, options.asOf);
  io.out(
    `${p.bold(scenario.title)} — ${result.samples.toLocaleString('en-US')} samples, seed ${result.seed}\n`,
  );
  io.out(
    result.parameters.length
      ? p.dim(`uncertain: ${result.parameters.map((x) => parameterLabel(scenario, x)).join(', ')}\n`)
      : p.yellow('this scenario gives no uncertainty ranges: every sample is the same\n'),
  );
  io.out(p.dim(`${sweptBy(scenario, options.asOf)}\n`));
  if (result.anticipateRatification) io.out(p.dim(`${anticipationWords(scenario, true)}\n`));
  const prior = priorLine(options.prior);
  if (prior) io.out(p.dim(`${prior}\n`));
  // a red line named that the judged positions apply before its earliest source says so, as run's do
  const marks = sweepBeforeRecord(scenario, result);
  for (const d of result.documents) {
    const doc = scenario.documents.find((x) => x.id === d.id)!;
    io.out(`\n${p.cyan(documentHeading(doc))}  agreement in ${pct(d.agreementRate).trim()} of samples\n`);
    // a full text read on the scenario's few issues, or on the terms it has, says what the shares judge (as show)
    const judgedWords = judgedOnWords(scenario, judgedOn(scenario, doc));
    if (judgedWords) io.out(`  ${p.dim(judgedWords)}\n`);
    // a rule broken blocks every sample alike, whoever accepts
    for (const x of d.rulesBroken) io.out(`  ${p.red('breaks a rule:')} ${violationText(x)}\n`);
    const width = Math.max(12, ...d.actors.map((a) => actorShort(scenario, a.actor).length + 1));
    // the hurdles the document meets: its terms decide that, whatever the draw
    const hurdles = ratificationOf(judged, documentPackage(scenario, d.id))?.hurdles ?? [];
    for (const a of d.actors) {
      // its red lines broken, under the row, one item a line
      const broken = redLineItems(
        judged,
        a.actor,
        a.violations,
        (x) => {
          const e = marks.of(a.actor, x.redLine);
          return e ? p.dim(`; ${positionNote(e, marks.numbered)}`) : '';
        },
        p.dim,
      );
      const bodies = listing(hurdles.filter((h) => h.actor === a.actor).map((h) => h.label));
      const vote = a.wouldFailRate
        ? p.yellow(
            `  its body would vote it down in ${pct(a.wouldFailRate).trim()} of samples (${bodies}), anticipated`,
          )
        : '';
      // as show words it: an actor whose consent the text does not need cannot block it
      const needless = a.required ? '' : p.dim(` ${consentAside(false)}`);
      io.out(
        `  ${actorShort(scenario, a.actor).padEnd(width)} accepts ${pct(a.acceptRate)}  utility mean ${a.meanUtility.toFixed(3)}, min ${a.minUtility.toFixed(3)}, max ${a.maxUtility.toFixed(3)}${vote}${needless}\n`,
      );
      if (broken.length) io.out(`    ${p.red(redLinesHead(broken.length))}\n`);
      for (const item of broken) io.out(`      ${item}\n`);
    }
    // the shares rest on the text as tabled: a recorded variant of a term is named, not read (whatif reads it)
    const variants = termVariants(scenario, doc);
    if (variants.length) io.out(`  ${p.dim(CONTESTED_HEAD)}\n`);
    for (const v of variants) io.out(`    ${p.dim(termVariantWords(scenario, v))}\n`);
  }
  if (marks.listed.length) {
    io.out(`\n${p.bold(HELD_EARLIER_HEADING)}\n`);
    for (const l of reasonEntryLines(marks.listed)) io.out(`  ${p.dim(l)}\n`);
  }
}

/** The terms of a document the sweep judged. */
function documentPackage(s: Scenario, id: string): Int32Array {
  return s.documents.find((d) => d.id === id)!.package;
}

export function registerSweep(program: Command, io: Io): void {
  const cmd = program
    .command('sweep')
    .description(
      'Monte Carlo over the uncertain weights and reservations: how often each actor accepts each document',
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .option('-d, --document <id>', 'a document to sweep (repeatable; default: all)', collect)
    .option('-n, --samples <n>', 'number of samples', intFlag(1, 10_000_000), 10_000)
    .option(
      '-s, --seed <n>',
      'seed of the samples of the uncertain weights and reservations: the same seed gives the same numbers',
      intFlag(...SEED_RANGE),
      1,
    )
    .option('--prior <kind>', PRIOR_HELP, parsePrior, 'ranges')
    .option('--as-of <DATE>', drawnAsOfHelp('judge every document and draw every sample'), parseAsOf)
    .option(ANTICIPATE_FLAG, ANTICIPATE_JUDGE_HELP)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .option(
      '--csv [table]',
      'print CSV: summary (default; one row per document × actor) or draws (every sample × document × actor)',
    )
    .option('--json', 'print JSON')
    .option(
      '--out <file>',
      'write the --csv or --json output (with --shard: the partial result) to this file, atomically, instead of stdout',
    );
  withDrawFlags(cmd).action(
    async (
      name: string,
      opts: {
        document?: string[];
        samples: number;
        seed: number;
        prior: PriorKind;
        asOf?: string;
        anticipateRatification?: boolean;
      } & DrawFlags,
    ) => {
      if (!opts.shard) checkExportFlags(opts);
      const csv = optionalCsvKind(opts.csv, SWEEP_CSV, MOVED);
      const scenario = await openScenarioAsync(name);
      const prior = await choosePrior(scenario, opts.prior);
      // every option here is recorded in a shard's partial result, and merge refuses parts that differ in one
      const shared = {
        samples: opts.samples,
        documents: opts.document ?? [],
        ...(prior ? { prior } : {}),
        ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
        // the flag over the scenario's default; recorded as it resolves, so parts that judge alike merge
        ...((opts.anticipateRatification ?? scenario.protocol.anticipateRatification === true)
          ? { anticipateRatification: true as const }
          : {}),
      };
      const options: SweepOptions = { ...shared, seed: opts.seed };
      // checks the document ids before any work
      sweepPart(scenario, options, 0, 0);
      const results = await runDrawCommand({
        io,
        cmd,
        command: 'sweep',
        scenario,
        source: scenarioSource(name),
        job: { kind: 'sweep', options, samples: csv === 'draws' },
        total: opts.samples,
        options: shared,
        flags: opts,
      });
      if (!results) return;
      const merged = mergeResults(results);
      if (merged.kind === 'sweep') printSweep(io, scenario, options, merged.part, merged.samples, opts);
    },
  );
}
