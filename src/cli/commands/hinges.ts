import type { Command } from 'commander';
import { pointFit } from '../../analysis/calibrate.ts';
import type { HingeItem } from '../../analysis/hinge-items.ts';
import type { SizeCount } from '../../analysis/hinge-search.ts';
import { type DocumentHinges, documentHinges } from '../../analysis/hinges.ts';
import { loadLp } from '../../analysis/lp.ts';
import { calibratedCentres } from '../../analysis/record-prior.ts';
import { nameAtStart } from '../../domain/actor-names.ts';
import type { Scenario } from '../../domain/types.ts';
import { type OutcomeHinges, outcomeHinges } from '../../engine/hinges.ts';
import { injectJson, type PlannedInject } from '../../engine/inject-text.ts';
import { outcomeName } from '../../report/evidence.ts';
import { ANTICIPATION_MARK } from '../../report/ratification.ts';
import { documentHeading } from '../../report/words.ts';
import { withFlags } from '../core-errors.ts';
import { checkExportFlags } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import {
  ANTICIPATE_FLAG,
  ANTICIPATE_HELP,
  injectHelp,
  intFlag,
  NO_ANTICIPATE_FLAG,
  NO_ANTICIPATE_HELP,
  parseInject,
} from '../flags.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { injectsWords } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { checkInjects } from '../run-plan.ts';

/** Runs after the first the outcome's search may make by default: enough for every pair on the default scenario. */
export const DEFAULT_RUN_BUDGET = 600;

export interface HingesReport {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly seed: number;
  /** the run assumed that negotiators anticipate ratification (absent: it did not) */
  readonly anticipateRatification?: true;
  /** the injects fired in the run (`--inject`: manual events, ad-hoc effects with their basis; absent: none) */
  readonly injects?: readonly ReturnType<typeof injectJson>[];
  /** the largest set tried */
  readonly maxSize: number;
  readonly outcome: {
    readonly outcome: OutcomeHinges['outcome'];
    readonly hinges: OutcomeHinges['hinges'];
    readonly sizes: readonly SizeCount[];
    readonly tried: number;
    readonly complete: boolean;
  };
  readonly documents: readonly DocumentHinges[];
  /** every item named above: what it reverses, its basis and sources (a rotation of turns: the order it runs) */
  readonly items: Readonly<
    Record<string, { label: string; basis: string; sources: readonly string[]; order?: readonly string[] }>
  >;
}

/** The search's settings, as the flags give them. */
interface HingesSettings {
  readonly seed: number;
  readonly rounds?: number;
  readonly maxSize: number;
  readonly budget: number;
  readonly anticipateRatification?: boolean;
}

export async function hingesReport(
  scenario: Scenario,
  opts: HingesSettings & { readonly injects?: readonly PlannedInject[] },
): Promise<HingesReport> {
  const injects = opts.injects ?? [];
  const needsCentres = scenario.actors.some((a) => {
    const fit = pointFit(scenario, a.index);
    return !fit.inBox || fit.contradicts.length > 0;
  });
  const centres = needsCentres ? calibratedCentres(await loadLp(), scenario) : new Map();
  const met = new Map<string, HingeItem>();
  const documents = documentHinges(scenario, centres, met, { maxSize: opts.maxSize });
  const o = outcomeHinges(scenario, {
    run: {
      seed: opts.seed,
      ...(opts.rounds === undefined ? {} : { maxRounds: opts.rounds }),
      ...(opts.anticipateRatification === undefined
        ? {}
        : { anticipateRatification: opts.anticipateRatification }),
    },
    injects,
    strict: true,
    centres,
    maxSize: opts.maxSize,
    budget: opts.budget,
  });
  for (const x of o.items) met.set(x.id, x);
  const named = new Set([
    ...o.hinges.flatMap((h) => h.items),
    ...documents.flatMap((d) => [
      ...d.agreementHinges.flat(),
      ...Object.values(d.verdicts).flatMap((v) => v.hinges.flat()),
    ]),
  ]);
  return {
    scenario: { id: scenario.id, title: scenario.title },
    seed: opts.seed,
    ...((opts.anticipateRatification ?? scenario.protocol.anticipateRatification === true)
      ? { anticipateRatification: true as const }
      : {}),
    ...(injects.length ? { injects: injects.map(injectJson) } : {}),
    maxSize: opts.maxSize,
    outcome: { outcome: o.outcome, hinges: o.hinges, sizes: o.sizes, tried: o.tried, complete: o.complete },
    documents,
    items: Object.fromEntries(
      [...named].sort().map((id) => {
        const x = met.get(id)!;
        return [
          id,
          { label: x.label, basis: x.basis, sources: x.sources, ...(x.order ? { order: x.order } : {}) },
        ];
      }),
    ),
  };
}

const mark = (basis: string) => `[${basis}]`;

function setWords(r: HingesReport, ids: readonly string[]): string {
  return ids.map((id) => `${mark(r.items[id]!.basis)} ${r.items[id]!.label}`).join(' + ');
}

function sizesWords(sizes: readonly SizeCount[]): string {
  return sizes
    .map((c) => {
      const sets = `set${c.candidates === 1 ? '' : 's'} of ${c.size}`;
      // none to try ("all 0 sets of 2" read as a count of tries); where sets of that size exist, say why none is
      // tried: "no sets of 3" read as if there were none, when the only one holds a pair already found
      if (c.candidates === 0) return c.supersets + c.rivals ? noFurther(c) : `no ${sets}`;
      return `${c.tried === c.candidates ? `all ${c.candidates}` : `${c.tried} of ${c.candidates}`} ${sets}`;
    })
    .join(', ');
}

/** Why no set of a size is tried though some exist: each holds a smaller set found, or pairs rival choices. */
function noFurther(c: SizeCount): string {
  const n = c.supersets + c.rivals;
  const who = n === 1 ? `the only set of ${c.size}` : `each of the ${n}`;
  const why =
    c.rivals === 0
      ? `${who} holds a smaller set found`
      : c.supersets === 0
        ? `${who} pairs rival choices`
        : `${c.supersets} hold a smaller set found, ${c.rivals} pair rival choices`;
  return `no further minimal set of ${c.size} (${why})`;
}

/** "no set of up to 3 choices", or at --max-size 1 "no single choice". */
function noSetOf(maxSize: number, choices = 'choices'): string {
  return maxSize === 1
    ? `no single ${choices === 'choices' ? 'choice' : `one of ${choices}`}`
    : `no set of up to ${maxSize} ${choices}`;
}

export function hingesText(s: Scenario, r: HingesReport, p: Palette): string[] {
  const out = [p.bold(`${s.title} — what the answers rest on`)];
  out.push(
    p.dim(
      'A hinge is a smallest set of readings and assumptions whose reversal alone changes an answer (stated positions are not reversed).',
    ),
  );
  out.push('', p.bold(`The run (seed ${r.seed}): ${outcomeName(r.outcome.outcome)}`));
  if (r.anticipateRatification) out.push(p.dim(`  ${ANTICIPATION_MARK}`));
  if (r.injects) out.push(p.dim(`  injects: ${injectsWords(s, r.injects)}`));
  if (r.outcome.hinges.length === 0)
    out.push(r.outcome.tried === 0 ? '  No set was tried.' : '  No set tried changes it.');
  for (const h of r.outcome.hinges) out.push(`  → ${outcomeName(h.outcome)}: ${setWords(r, h.items)}`);
  out.push(
    p.dim(
      `  tried ${sizesWords(r.outcome.sizes)}, one run each${r.outcome.complete ? '' : ' — not every set was tried: raise --budget to finish'}`,
    ),
  );
  out.push('', p.bold('Documents'));
  // as analyze judges them: a later red line does not count against an earlier text (sweep judges all by one date)
  out.push(p.dim('  each judged by the positions in force on its own date'));
  for (const d of r.documents) {
    const doc = s.documents.find((x) => x.id === d.id)!;
    out.push(
      `  ${documentHeading(doc)} ${p.dim(`(${d.date})`)}: ${d.agreement ? p.green('agreement') : p.red('no agreement')}`,
    );
    const any = d.agreementHinges.length > 0 || Object.values(d.verdicts).some((v) => v.hinges.length > 0);
    if (!any) out.push(p.dim(`    ${noSetOf(r.maxSize)} changes a verdict or the agreement`));
    // the verdicts listed below are then not all that stands in the way: say so, and name the rest
    const short = any && !d.agreement && d.agreementHinges.length === 0;
    if (short) out.push(`    ${noSetOf(r.maxSize)} makes it an agreement`);
    if (d.agreementHinges.length)
      for (const h of d.agreementHinges.slice(0, 5))
        out.push(`    ${d.agreement ? 'no agreement' : 'agreement'} if: ${setWords(r, h)}`);
    if (d.agreementHinges.length > 5) out.push(p.dim(`    … ${d.agreementHinges.length - 5} more (--json)`));
    for (const [id, v] of Object.entries(d.verdicts)) {
      const a = s.actors.find((x) => x.id === id)!;
      if (v.hinges.length === 0) {
        if (short && !v.accepts)
          out.push(`    ${nameAtStart(a)} rejects, and ${noSetOf(r.maxSize, 'of its choices')} changes that`);
        continue;
      }
      out.push(
        `    ${nameAtStart(a)} ${v.accepts ? 'accepts' : 'rejects'}; it would ${v.accepts ? 'reject' : 'accept'} if:`,
      );
      for (const h of v.hinges.slice(0, 3)) out.push(`      ${setWords(r, h)}`);
      if (v.hinges.length > 3) out.push(p.dim(`      … ${v.hinges.length - 3} more (--json)`));
    }
  }
  const tried = r.documents.reduce((t, d) => t + d.tried, 0);
  out.push(
    '',
    p.dim(
      `Documents: ${r.maxSize === 1 ? 'every labelled choice of each actor tried alone' : `every set of up to ${r.maxSize} of each actor's labelled choices tried`} (${tried.toLocaleString('en-US')} in all).`,
    ),
  );
  return out;
}

export function registerHinges(program: Command, io: Io): void {
  program
    .command('hinges')
    .description(
      "which readings and assumptions each answer rests on: the smallest sets whose reversal alone flips the run's outcome or a document's verdict",
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('-s, --seed <n>', 'seed of the run', intFlag(0, 2 ** 31 - 1), 1)
    .option('-r, --rounds <n>', "number of rounds (default: the scenario's)", intFlag(1, 1000))
    .option('--max-size <n>', 'the largest set of choices to try (1 to 3)', intFlag(1, 3), 3)
    .option(
      '--budget <runs>',
      `the most runs the outcome's search makes (each set tried is one run)`,
      intFlag(0, 10_000_000),
      DEFAULT_RUN_BUDGET,
    )
    .option(
      '--inject <inject@round>',
      `${injectHelp('of the run')}; the recorded variants of the texts it tables are among the choices tried`,
      parseInject,
    )
    .option(ANTICIPATE_FLAG, `the run's: ${ANTICIPATE_HELP}`)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .option('--json', 'print JSON')
    .option('--out <file>', 'write the --json output to this file (atomically) instead of stdout')
    .action(
      async (
        name: string,
        opts: HingesSettings & { inject?: PlannedInject[]; json?: boolean; out?: string },
      ) => {
        checkExportFlags(opts);
        const scenario = await openScenarioAsync(name);
        const injects = opts.inject ?? [];
        checkInjects(
          scenario,
          {
            seed: opts.seed,
            ...(opts.rounds === undefined ? {} : { maxRounds: opts.rounds }),
          },
          injects,
        );
        // an inject the run refuses is worded with its flag
        const report = await hingesReport(scenario, { ...opts, injects }).catch((e: unknown) =>
          withFlags(undefined, () => {
            throw e;
          }),
        );
        const text = opts.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${hingesText(scenario, report, palette(io)).join('\n')}\n`;
        if (opts.out) writeFileAtomic(opts.out, text);
        else io.out(text);
      },
    );
}
