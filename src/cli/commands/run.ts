import type { Command } from 'commander';
import { type ConflictReport, conflictsOrNone } from '../../analysis/conflict-report.ts';
import { actorInSentence } from '../../domain/actor-names.ts';
import { basisMark } from '../../domain/basis.ts';
import { PeacesimError } from '../../domain/errors.ts';
import { ROUNDS_RANGE, SEED_RANGE } from '../../domain/numbers.ts';
import { drewFrom } from '../../domain/rng.ts';
import type { Scenario } from '../../domain/types.ts';
import { peopleAtTheTable, runOutcome, scenarioNow } from '../../engine/game.ts';
import { type HeadlessPlan, type HeadlessRun, runHeadless } from '../../engine/headless.ts';
import { injectText, type PlannedInject } from '../../engine/inject-text.ts';
import { type RunOptions, resolveOptions } from '../../engine/options.ts';
import type { TranscriptEntry } from '../../engine/transcript.ts';
import { conflictClause, memberList } from '../../report/conflict-words.ts';
import { type RestsOnSection, restsOnLines } from '../../report/evidence.ts';
import { NOT_ENDED, restsOnFor } from '../../report/evidence-of.ts';
import { firedByHand, runCsv, runJson } from '../../report/exports/run.ts';
import { sourcesCitedLines } from '../../report/sources-cited.ts';
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
  parseStrategy,
} from '../flags.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { Narrator } from '../narrate.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { checkPlan, scenarioSource } from '../run-plan.ts';

/** An actor's name, where a person reads (its id only as a flag's handle). */

export interface RunReport {
  readonly scenario: Scenario;
  readonly options: RunOptions;
  readonly result: HeadlessRun;
}

/**
 * Prints a run (words, JSON or CSV; the latter two to `out` if given), saves its session if asked, and refuses
 * to end quietly when a person must move.
 */
export async function report(
  io: Io,
  r: RunReport,
  opts: {
    json?: boolean;
    csv?: boolean;
    out?: string;
    save?: string;
    source: string;
    /** a file that holds the session where it stops (resume's own, when no move was added): the play screen goes on
     * from it, as a facilitator would when the one waited for is a team */
    saved?: string;
    /** the scenario as the user named it (for commands the text suggests); default: `source` */
    named?: string;
    restsOn?: RestsOnSection;
    /** the `--inject`s planned (run): those after the round the talks ended in are said not to have fired */
    injects?: readonly PlannedInject[];
  },
): Promise<void> {
  const { scenario, options, result } = r;
  if (opts.save) {
    // the session module (its reader's schemas load zod) only when a session is saved
    const { createSession, sessionText } = await import('../../engine/session.ts');
    writeFileAtomic(opts.save, sessionText(createSession(result.game, opts.source)));
  }
  const resolved = resolveOptions(scenario, options);
  const transcript = result.snapshot.context.transcript;
  // the seed matters only if something drew from its generator: a strategy's noise, or a tie between equals
  const seedUsed = drewFrom(resolved.seed, result.snapshot.context.rng);
  const conflicts = opts.csv ? null : unsignable(scenario, options, result);
  if (opts.json || opts.csv) {
    const text = opts.csv
      ? runCsv(scenario, transcript, resolved.anticipateRatification === true, firedByHand(result))
      : `${JSON.stringify({ ...runJson(scenario, resolved, result), conflicts, ...(opts.restsOn ? { restsOn: opts.restsOn } : {}) }, null, 2)}\n`;
    if (opts.out) writeFileAtomic(opts.out, text);
    else io.out(text);
  } else {
    const n = new Narrator(scenario, palette(io));
    const lines = [
      ...n.header(resolved, seedUsed),
      ...n.transcript(transcript),
      ...n.outcome(transcript, result.waitingFor),
      ...unfiredLines(transcript, opts.injects ?? [], palette(io)),
      ...conflictLines(scenario, conflicts ?? []),
      // the reasons the transcript's red lines cite by number, once, with the line that counts their positions
      ...(opts.restsOn ? ['', ...restsOnLines(opts.restsOn, n.reasons())] : []),
    ];
    // one list of the sources the text cites, at its end: the keys in brackets stay short where they stand
    const cited = sourcesCitedLines(scenario, opts.named ?? opts.source, lines.join('\n'));
    if (cited.length) lines.push('', palette(io).bold(cited[0]!), ...cited.slice(1));
    if (opts.save)
      lines.push('', palette(io).dim(`session saved to ${opts.save} (peacesim resume ${opts.save})`));
    io.out(`${lines.join('\n')}\n`);
  }
  if (result.waitingFor) {
    const held = opts.save ?? opts.saved;
    throw new PeacesimError(
      `the run stops in round ${result.snapshot.context.round}: ${actorInSentence(scenario, result.waitingFor)} is played by a person and no move is left for it; supply its moves with --moves FILE${opts.save ? ` and go on with peacesim resume ${opts.save}` : ''}${held ? `, or play on from the play screen: peacesim tui --session ${held}` : ''}`,
    );
  }
}

/** The planned injects the run never reached: the talks ended before their round (said, never passed over). */
function unfiredLines(
  transcript: readonly TranscriptEntry[],
  injects: readonly PlannedInject[],
  p: Palette,
): string[] {
  const end = runOutcome(transcript);
  const late = end ? injects.filter((i) => i.round > end.round) : [];
  if (late.length === 0) return [];
  const named = late.map((i) => `--inject ${injectText(i)}`).join(', ');
  return [
    p.dim(
      `  Not fired: ${named} — the talks ended in round ${end!.round}, before ${late.length > 1 ? 'their rounds' : 'its round'}.`,
    ),
  ];
}

/**
 * Why no text could be signed, for a run that ended without one: the conflicts among the parties' red lines and
 * the rules as they stood at its end ([] when some package kept them all). Null when not asked: the run signed,
 * waits for a person, or had people at the table (they answer as they choose).
 */
function unsignable(scenario: Scenario, options: RunOptions, result: HeadlessRun): ConflictReport[] | null {
  const outcome = runOutcome(result.snapshot.context.transcript);
  if (!outcome || outcome.kind === 'signed' || peopleAtTheTable(scenario, options).length > 0) return null;
  return conflictsOrNone(scenarioNow(result.game));
}

function conflictLines(scenario: Scenario, conflicts: readonly ConflictReport[]): string[] {
  const first = conflicts[0];
  if (!first) return [];
  const many = conflicts.length > 1 ? `${conflicts.length} sets of them conflict; the first: ` : '';
  const mark = (b: Parameters<typeof basisMark>[0]) => {
    const m = basisMark(b);
    return m ? ` ${m}` : '';
  };
  return [
    `  No text could have won every party's consent: as the positions stood at the end, no package keeps all the parties' red lines and the rules — ${many}${conflictClause(first.members.length)} (peacesim analyze says what dropping each would open):`,
    `    ${memberList(scenario, first.members, mark)}`,
  ];
}

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description(
      'run a negotiation headless, round by round: texts, verdicts and reasons, revisions, the outcome',
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option(
      '-s, --seed <n>',
      "seed of the run's random draws — a strategy's noise parameter, the mediator's choice between equally good changes; runs that draw nothing are the same for every seed (the header says so)",
      intFlag(...SEED_RANGE),
      1,
    )
    .option('-r, --rounds <n>', "number of rounds (default: the scenario's)", intFlag(...ROUNDS_RANGE))
    .option(
      '--strategy <actor=kind>',
      "replace an actor's strategy, e.g. europe=linear or russia=boulware:e=0.1 (repeatable)",
      parseStrategy,
    )
    .option('--inject <inject@round>', injectHelp('of the run'), parseInject)
    .option('--moves <file>', 'the moves of the actors played by people (JSON; see docs/run.md)')
    .option(ANTICIPATE_FLAG, ANTICIPATE_HELP)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .option('--json', 'print the run as JSON (deterministic)')
    .option('--csv', 'print CSV: one row per verdict (round × actor), and one per inject fired by hand')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .option('--save <file>', 'save the session (scenario hash, seed, options, inputs) to resume or replay')
    .action(
      async (
        name: string,
        opts: {
          seed: number;
          rounds?: number;
          strategy?: Record<string, { kind: string; params?: Record<string, number> }>;
          inject?: PlannedInject[];
          moves?: string;
          anticipateRatification?: boolean;
          json?: boolean;
          csv?: boolean;
          out?: string;
          save?: string;
        },
      ) => {
        checkExportFlags(opts);
        const scenario = await openScenarioAsync(name);
        const options: RunOptions = {
          seed: opts.seed,
          ...(opts.rounds === undefined ? {} : { maxRounds: opts.rounds }),
          ...(opts.strategy ? { strategies: opts.strategy } : {}),
          ...(opts.anticipateRatification === undefined
            ? {}
            : { anticipateRatification: opts.anticipateRatification }),
        };
        // the analyst's, put in on the command line: each INJECT input (and so a saved session) records it
        const injects = (opts.inject ?? []).map((p): PlannedInject => ({ ...p, by: 'analyst' }));
        // the moves' reader (zod) is imported only when there are moves to read
        const readMoves = opts.moves ? (await import('../moves.ts')).readMoves : () => [];
        const result = withFlags(opts.moves, () => {
          checkPlan(scenario, options, injects, opts.moves !== undefined);
          const plan: HeadlessPlan = {
            injects,
            idle: 'refuse',
            ...(opts.moves ? { moves: readMoves(opts.moves) } : {}),
          };
          return runHeadless(scenario, options, plan);
        });
        // what the outcome rests on: only a finished run has an outcome, and CSV has no room for it
        const restsOn = opts.csv
          ? undefined
          : result.waitingFor
            ? NOT_ENDED
            : await restsOnFor(scenario, options, injects, peopleAtTheTable(scenario, options).length > 0);
        await report(
          io,
          { scenario, options, result },
          { ...opts, source: scenarioSource(name), named: name, injects, ...(restsOn ? { restsOn } : {}) },
        );
      },
    );
}
