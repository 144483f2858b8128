import type { Command } from 'commander';
import type { Spread } from '../../analysis/stats.ts';
import { startingPositions } from '../../analysis/sweep.ts';
import { actorInSentence } from '../../domain/actor-names.ts';
import { PeacesimError } from '../../domain/errors.ts';
import { ROUNDS_RANGE, SEED_RANGE } from '../../domain/numbers.ts';
import type { Scenario } from '../../domain/types.ts';
import { peopleAtTheTable } from '../../engine/game.ts';
import type { PlannedInject } from '../../engine/inject-text.ts';
import type { RunOptions } from '../../engine/options.ts';
import type { OutcomesOptions, OutcomesPart } from '../../engine/outcomes.ts';
import { type OutcomesResult, outcomesResult } from '../../engine/outcomes-result.ts';
import { toCsv } from '../../report/csv.ts';
import { OUTCOMES_CSV, outcomesSummaryCsv, runColumns, runRow } from '../../report/exports/outcomes.ts';
import { capitalise, count, optionLabel } from '../../report/format.ts';
import { holdoutReasonWords } from '../../report/holdout-why.ts';
import { hypothesesOnWords } from '../../report/hypotheses-words.ts';
import { anticipationWords, RATIFICATION_CAVEAT } from '../../report/ratification.ts';
import { listing, strategyGrounds } from '../../report/words.ts';
import { drawnAsOfHelp, parseAsOf, startedFrom } from '../as-of.ts';
import { withFlags } from '../core-errors.ts';
import { type DrawFlags, mergeResults, runDrawCommand, withDrawFlags } from '../draw-command.ts';
import { checkExportFlags, optionalCsvKind } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import {
  ANTICIPATE_FLAG,
  ANTICIPATE_HELP,
  injectHelp,
  intFlag,
  NO_ANTICIPATE_FLAG,
  NO_ANTICIPATE_HELP,
  parseInject,
  parseStrategy,
} from '../flags.ts';
import { injectFateLines } from '../inject-fate-words.ts';
import { type Io, palette } from '../io.ts';
import { actorShort, injectsWords, issueLabel, parameterLabel, shortName } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { choosePrior, PRIOR_HELP, type PriorKind, parsePrior, priorWords } from '../prior.ts';
import { checkPlan, scenarioSource } from '../run-plan.ts';
import { apportionedPercents, sharePercent } from '../share.ts';
import { signableLines } from '../signable-words.ts';

const pct = sharePercent;

/** How alternating offers shape the lone-holdout count, the same words for every party. */
const ALTERNATING_COUNT =
  '  how the protocol shapes the count: under alternating offers a proposal counts as accepted by the party that tabled it, so the party answering it is the lone holdout whenever it rejects a text that every other required actor accepts — the counts follow whose proposals each answered, and who else had to answer them, as well as how each answered';
const interval = (i: readonly [number, number]) => `[${pct(i[0])}, ${pct(i[1])}]`;
const runs = (k: number) => `${k} run${k === 1 ? '' : 's'}`;
const f3 = (x: number) => x.toFixed(3).padStart(6);

function text(io: Io, scenario: Scenario, options: OutcomesOptions, r: OutcomesResult): void {
  const p = palette(io);
  const out: string[] = [];
  const strategies = scenario.actors
    .map((a) => {
      const st = r.strategies[a.id]!;
      const params = Object.entries(st.params).map(([k, v]) => `${k} ${v}`);
      return `${shortName(a.name)} ${st.kind}${params.length ? ` (${params.join(', ')})` : ''}${strategyGrounds(a.strategy, st)}`;
    })
    .join(', ');
  const from = startedFrom(scenario, options.asOf);
  out.push(
    `${p.bold(scenario.title)} — ${count(r.draws, 'run')}, seed ${r.seed}, up to ${count(r.maxRounds, 'round')}`,
    ...(from ? [p.dim(from)] : []),
    p.dim(`strategies: ${strategies}`),
    ...(r.anticipateRatification ? [p.dim(anticipationWords(scenario))] : []),
  );
  // what every run has on, beside what the draws vary: a drift or a blame-triggered event is a hypothesis
  const hypotheses = hypothesesOnWords(scenario);
  if (hypotheses) out.push(p.dim(hypotheses));
  if (r.injects.length) out.push(p.dim(`injects: ${injectsWords(scenario, r.injects)}`));
  out.push(
    r.parameters.length
      ? p.dim(`uncertain: ${r.parameters.map((x) => parameterLabel(scenario, x)).join(', ')}`)
      : p.yellow(
          'this scenario gives no uncertainty ranges: every draw is the same, only the engine seed varies',
        ),
    ...(r.prior ? [p.dim(priorWords(r.reactions ?? [], r.setAside ?? []))] : []),
    // with nothing drawn, only the runs' seeds differ: the shares are over those, not over any range; a record prior
    // that some reaction constrains draws from part of the ranges only
    p.dim(
      !r.parameters.length
        ? "These are frequencies over the runs' seeds alone, not probabilities of real-world events."
        : r.reactions?.length
          ? "These are frequencies over the preferences within the scenario's uncertainty ranges (the modeller's assumption) that reproduce its record, not probabilities of real-world events."
          : "These are frequencies over the scenario's uncertainty ranges (the modeller's assumption), not probabilities of real-world events.",
    ),
    '',
    `${'outcome'.padEnd(12)} ${'runs'.padStart(6)} ${'share'.padStart(7)}  95% interval`,
  );
  // the three shares add up to 100.0% as printed, each within 0.1 of its exact share
  const shares = apportionedPercents(r.outcomes.map((o) => o.count));
  r.outcomes.forEach((o, k) =>
    out.push(
      `${o.outcome.padEnd(12)} ${String(o.count).padStart(6)} ${shares[k]!.padStart(7)}  ${interval(o.interval)}`,
    ),
  );
  out.push(...signableLines(scenario, r.feasibility, r.parameters, p));
  out.push(...injectFateLines(scenario, r, p));

  const s = r.signed;
  // the actors' names as wide as they come (United States), the column at least as wide as before
  const labelWidth = Math.max(
    16,
    ...s.utilities.map((u) => `utility ${actorShort(scenario, u.actor)}`.length),
  );
  if (s.round) {
    out.push(
      '',
      s.round.min === s.round.max
        ? `${p.cyan('signed')} in round ${s.round.min} every time`
        : `${p.cyan('signed')} in rounds ${s.round.min}–${s.round.max} (median ${s.round.median})`,
      `  ${'in signed runs'.padEnd(labelWidth)} ${['mean', 'p10', 'median', 'p90'].map((h) => h.padStart(6)).join(' ')}`,
    );
    const row = (label: string, x: Spread) =>
      `  ${label.padEnd(labelWidth)} ${[x.mean, x.p10, x.median, x.p90].map(f3).join(' ')}`;
    for (const u of s.utilities) out.push(row(`utility ${actorShort(scenario, u.actor)}`, u));
    if (s.durability) out.push(row('durability', s.durability));
    else if (!scenario.durability) out.push(p.dim('  (the scenario states no durability assumptions)'));
    const rt = s.ratification;
    if (rt)
      out.push(
        rt.runs === 0
          ? '  no signed text was subject to a ratification hurdle'
          : `  signed subject to ratification in ${runs(rt.runs)}; cleared every hurdle in ${runs(rt.cleared)} (${pct(rt.share)} of those ${interval(rt.interval)}) — ${RATIFICATION_CAVEAT}`,
      );
    out.push('  the term signed most often on each issue, with its share of the signed runs:');
    for (const t of s.terms)
      out.push(
        `    ${pct(t.share).padStart(6)}  ${issueLabel(scenario, t.issue)}: ${optionLabel(scenario, t.issue, t.mode)}`,
      );
  }

  const f = r.failed;
  if (f.runs) {
    const blamed = f.holdouts
      .filter((h) => h.runs > 0)
      .sort((a, b) => b.runs - a.runs || b.rounds - a.rounds);
    out.push(
      '',
      `${p.yellow('lone holdouts')} in the ${runs(f.runs)} without a deal (the only required actor to reject a text that every other required actor accepted and that broke no rule):`,
    );
    // no holdout says only that nobody stood alone, not why the texts failed (several rejecting, a rule, no text)
    if (!blamed.length)
      out.push('  nobody stood alone: no text that kept every rule was rejected by one required actor only');
    for (const h of blamed)
      out.push(
        `  ${actorShort(scenario, h.actor).padEnd(12)} in ${runs(h.runs)} (${pct(h.share)} ${interval(h.interval)}), ${h.rounds} round${h.rounds === 1 ? '' : 's'} in all: ${holdoutReasonWords(h.reasons)}`,
      );
    if (blamed.length)
      out.push(
        p.dim(
          "  why: each holdout's own verdict in those rounds — the text crossed its red lines, was worth less to it than no deal, or was worth more than no deal but short of what it held out for",
        ),
        // under alternating offers the count follows whose proposals each answered, and who else had to answer
        // them, as much as how it answered: said for every side alike, as the report's note on sole answers does
        ...(scenario.protocol.kind === 'alternating-offers' ? [p.dim(ALTERNATING_COUNT)] : []),
      );
    // how many texts each side answered with no one else answering, and how many of those the count holds against
    // it: the numbers behind that note, for every side alike (--json: answeredAlone, answeredAloneCounted)
    const alone = f.holdouts.filter((h) => h.answeredAlone > 0);
    if (f.holdouts.some((h) => h.answeredAloneCounted > 0))
      out.push(
        p.dim(
          `  texts answered alone in those runs (no other actor answered them): ${alone.map((h) => `${actorShort(scenario, h.actor)} ${h.answeredAlone}, ${h.answeredAloneCounted} of them counted`).join('; ')}`,
        ),
      );
  }
  const left = r.walkOuts.filter((w) => w.runs > 0);
  out.push(
    '',
    left.length
      ? `walk-outs: ${left.map((w) => `${actorShort(scenario, w.actor)} in ${runs(w.runs)} (${pct(w.share)} of all runs)`).join(', ')}`
      : 'walk-outs: none',
  );
  io.out(`${out.join('\n')}\n`);
}

export interface OutcomesOutput {
  readonly json?: boolean;
  readonly csv?: string | true;
  readonly out?: string;
}

/** Prints the result of every draw's run, as `outcomes` prints it (and `merge` of its parts). */
export function printOutcomes(
  io: Io,
  scenario: Scenario,
  options: OutcomesOptions,
  part: OutcomesPart,
  output: OutcomesOutput,
): void {
  const csv = optionalCsvKind(output.csv, OUTCOMES_CSV);
  const result = outcomesResult(scenario, options, part);
  if (csv || output.json) {
    const body =
      csv === 'runs'
        ? toCsv(
            runColumns(scenario, result.anticipateRatification, result.injects),
            part.rows.map((r) => runRow(scenario, r, result.anticipateRatification, result.injects)),
          )
        : csv === 'summary'
          ? outcomesSummaryCsv(result)
          : `${JSON.stringify(result, null, 2)}\n`;
    if (output.out) writeFileAtomic(output.out, body);
    else io.out(body);
    return;
  }
  text(io, scenario, options, result);
}

export function registerOutcomes(program: Command, io: Io): void {
  const cmd = program
    .command('outcomes')
    .description(
      'run the negotiation over draws of the uncertain weights and reservations: how often it signs, when, on what terms, who holds out, and whether any run can sign at all',
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('-n, --draws <n>', 'number of draws (one run each)', intFlag(1, 100_000), 200)
    .option(
      '-s, --seed <n>',
      "master seed: it draws the uncertain weights and reservations (as sweep's samples) and each run's seed; the same seed gives the same bytes",
      intFlag(...SEED_RANGE),
      1,
    )
    .option('-r, --rounds <n>', "number of rounds (default: the scenario's)", intFlag(...ROUNDS_RANGE))
    .option('--prior <kind>', PRIOR_HELP, parsePrior, 'ranges')
    .option('--as-of <DATE>', drawnAsOfHelp('start every run'), parseAsOf)
    .option(
      '--strategy <actor=kind>',
      "replace an actor's strategy, e.g. europe=linear or russia=boulware:e=0.1 (repeatable; not human)",
      parseStrategy,
    )
    .option(
      '--inject <inject@round>',
      `${injectHelp('in every run')}; in a draw where it has nothing to do (its actor gone, its red line dropped) it is passed over and counted`,
      parseInject,
    )
    .option(ANTICIPATE_FLAG, ANTICIPATE_HELP)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .option('--json', 'print the summary as JSON (deterministic)')
    .option(
      '--csv [table]',
      'print CSV: summary (default; a long table of every statistic) or runs (one row per draw)',
    )
    .option(
      '--out <file>',
      'write the --csv or --json output (with --shard: the partial result) to this file, atomically, instead of stdout',
    );
  withDrawFlags(cmd).action(
    async (
      name: string,
      opts: {
        draws: number;
        seed: number;
        prior: PriorKind;
        asOf?: string;
        rounds?: number;
        strategy?: Record<string, { kind: string; params?: Record<string, number> }>;
        inject?: PlannedInject[];
        anticipateRatification?: boolean;
      } & DrawFlags,
    ) => {
      if (!opts.shard) checkExportFlags(opts);
      optionalCsvKind(opts.csv, OUTCOMES_CSV);
      const scenario = await openScenarioAsync(name);
      // the strategies the runs start with are those in force on --as-of (an epoch may replace one)
      const start = startingPositions(scenario, opts.asOf);
      const run: Omit<RunOptions, 'seed'> = {
        ...(opts.rounds === undefined ? {} : { maxRounds: opts.rounds }),
        ...(opts.strategy ? { strategies: opts.strategy } : {}),
        ...(opts.anticipateRatification === undefined
          ? {}
          : { anticipateRatification: opts.anticipateRatification }),
      };
      const humans = withFlags(undefined, () => peopleAtTheTable(start, run)); // option errors name the flag
      if (humans.length)
        throw new PeacesimError(
          `${capitalise(listing(humans.map((id) => actorInSentence(scenario, id))))} ${humans.length > 1 ? 'are' : 'is'} played by a person (strategy human): outcomes runs bots only; give ${humans.length > 1 ? 'them' : 'it'} a bot, e.g. --strategy ${humans[0]}=linear`,
          2,
        );
      const injects = opts.inject ?? [];
      checkPlan(scenario, run, injects, false);
      const prior = await choosePrior(scenario, opts.prior);
      // every option here is recorded in a shard's partial result, and merge refuses parts that differ in one
      const shared = {
        draws: opts.draws,
        run,
        injects,
        ...(prior ? { prior } : {}),
        ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
      };
      const options: OutcomesOptions = { ...shared, seed: opts.seed };
      const results = await runDrawCommand({
        io,
        cmd,
        command: 'outcomes',
        scenario,
        source: scenarioSource(name),
        job: { kind: 'outcomes', options },
        total: opts.draws,
        options: shared,
        flags: opts,
      });
      if (!results) return;
      const merged = mergeResults(results);
      if (merged.kind === 'outcomes') printOutcomes(io, scenario, options, merged.part, opts);
    },
  );
}
