import type { Command } from 'commander';
import { conflictsOrNone } from '../../analysis/conflict-report.ts';
import { contestedTerms } from '../../analysis/contested.ts';
import { actorInSentence, nameInSentence } from '../../domain/actor-names.ts';
import { type Consent, consentOf, controllersOf } from '../../domain/consent.ts';
import { durabilityOf } from '../../domain/durability.ts';
import { evaluatePackage, redLineOf } from '../../domain/evaluate.ts';
import { appliedBeforeRecord } from '../../domain/on-record.ts';
import { epochIdsOn, positionsAsOf } from '../../domain/positions.ts';
import { ratificationOf } from '../../domain/ratification.ts';
import type { ActorEpoch, Scenario } from '../../domain/types.ts';
import { outcomeSpaceSize } from '../../domain/utility.ts';
import { peopleAtTheTable } from '../../engine/game.ts';
import {
  BEFORE_RECORD_LEAD,
  beforeRecordWords,
  HELD_EARLIER_HEADING,
  positionNote,
  reasonLines,
  reasons,
} from '../../report/before-record.ts';
import { belowPair } from '../../report/comparison-figures.ts';
import { conflictClause, memberList } from '../../report/conflict-words.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { DURABILITY_CAVEAT } from '../../report/durability.ts';
import { outcomeName, RESTS_ON_HEADING, restsOnLines } from '../../report/evidence.ts';
import { restsOnFor } from '../../report/evidence-of.ts';
import { capitalise, count, n2 } from '../../report/format.ts';
import { hypothesesOnWords } from '../../report/hypotheses-words.ts';
import { judgedOn, judgedOnWords } from '../../report/judged-on.ts';
import { hurdleName, hurdleSentence, RATIFICATION_CAVEAT } from '../../report/ratification.ts';
import { aboveRef, versionAsides } from '../../report/red-line-versions.ts';
import { sourceKeysLine } from '../../report/sources.ts';
import {
  actorName,
  consentAside,
  documentHeading,
  issueLabel,
  listing,
  unconfirmedFlag,
  withheldWords,
} from '../../report/words.ts';
import { AS_OF_HELP, BASIS_LEGEND, datesLine, judgedBy, mark, parseAsOf } from '../as-of.ts';
import { type Io, palette } from '../io.ts';
import { epochLabel } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';
import { redLineItems, redLinesHead } from '../red-line-items.ts';

/** "from 2022-02-24 until 2022-09-30" */
function span(e: ActorEpoch): string {
  return [e.from ? `from ${e.from}` : '', e.until ? `until ${e.until}` : ''].filter(Boolean).join(' ');
}

export function registerSummary(program: Command, io: Io): void {
  program
    .command('show', { isDefault: true })
    .description(
      `show a scenario: its actors, red lines and every tabled document's verdicts (default: ${DEFAULT_SCENARIO})`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('--as-of <DATE>', AS_OF_HELP, parseAsOf)
    .option(
      '--json',
      'print JSON: every number and fact the text states — { scenario, asOf, outcomeSpace, actors, ratifications, hypotheses, conflicts, documents: [{ verdicts, consent, judgedOn, contested, … }], restsOn } (docs/cli.md)',
    )
    .action(async (name: string, opts: { asOf?: string; json?: boolean }) => {
      const s = await openScenarioAsync(name);
      if (opts.json) {
        const { showJson } = await import('../../report/exports/show.ts');
        const rests = await restsOnFor(s, {}, [], peopleAtTheTable(s, {}).length > 0);
        io.out(`${JSON.stringify(showJson(s, opts.asOf, rests), null, 2)}\n`);
        return;
      }
      const p = palette(io);
      // what was printed, for the closing line on the source keys it cites
      const printed: string[] = [];
      const line = (t = '') => {
        printed.push(t);
        io.out(`${t}\n`);
      };
      const sources = (list: readonly string[]) => (list.length ? ` [${list.join(', ')}]` : '');
      line(p.bold(s.title));
      line(
        p.dim(
          `${s.id} · ${datesLine(s)} · ${count(s.actors.length, 'actor')} · ${count(s.issues.length, 'issue')} · ${outcomeSpaceSize(s).toLocaleString('en-US')} possible packages`,
        ),
      );
      line(s.summary);
      line(p.dim(`${capitalise(judgedBy(s, opts.asOf))}.`));
      line(p.dim(BASIS_LEGEND));
      line();
      const now = opts.asOf === undefined ? s : positionsAsOf(s, opts.asOf);
      line(p.bold('Actors') + p.dim(` as on ${opts.asOf ?? s.date}`));
      for (const a of now.actors) {
        line(
          `  ${p.cyan(a.name)} (${a.role}) — no deal is worth ${a.reservation.value.toFixed(2)} to it${mark(a.reservation.basis)}; ${a.redLines.length} red line${a.redLines.length === 1 ? '' : 's'}`,
        );
        // two versions of one contested fact (the words stated, the modeller's stricter reading of them) read as one
        // position contradicting itself unless the later says what it is, as the explorer's actors and briefings do
        const asides = versionAsides(s, a.id, a.redLines.map(redLineOf), aboveRef);
        a.redLines.forEach((r, k) => {
          const aside = asides[k] ? p.dim(` (${asides[k]})`) : '';
          line(
            `    ${p.dim('•')} ${r.text}${mark(r.basis)}${p.yellow(unconfirmedFlag(r.confirmed))}${aside}`,
          );
        });
        for (const w of s.actors[a.index]!.withheldRedLines) line(`    ${p.dim(withheldWords(w))}`);
        const inForce = new Set(epochIdsOn(s, opts.asOf ?? s.date));
        for (const e of s.actors[a.index]!.epochs)
          line(
            `    ${p.dim(`dated positions (${span(e)}${inForce.has(e.id) ? ', in force' : ''}): ${e.label}${mark(e.basis)}`)}`,
          );
      }
      line(whoMustAccept(s));
      // every hurdle of the file, and whether it holds on the date shown (a hurdle may start later than a --as-of)
      for (const r of s.ratifications) {
        const held = now.ratifications.includes(r) ? '' : `, not yet on ${opts.asOf}`;
        line(
          `Ratification — ${hurdleName(s, r)}${held}: ${r.text} Approval needs the text to be worth at least ${n2(r.threshold.value)} to ${nameInSentence(now.actors[r.actor]!)}${mark(r.threshold.basis)} — ${RATIFICATION_CAVEAT}.`,
        );
      }
      // the drifts and the events acting on an actor every run has on, as run's header and outcomes list them
      const hypotheses = hypothesesOnWords(s);
      if (hypotheses) line(`${capitalise(hypotheses)}.`);
      // judged on the date as `analyze` judges it: the positions in force then, the undated file's otherwise
      const conflicts = conflictsOrNone(positionsAsOf(s, opts.asOf ?? s.date));
      if (conflicts.length) {
        const first = conflicts[0]!.members;
        const many = conflicts.length > 1;
        line();
        line(
          `${p.red('Nothing is feasible')} on ${opts.asOf ?? s.date} — ${many ? `${conflicts.length} sets of red lines and rules conflict; the first: ` : ''}${conflictClause(first.length)} (\`peacesim analyze\` ${many ? 'lists them all and ' : ''}says what dropping each would open):`,
        );
        line(`  ${memberList(s, first, mark)}`);
      }
      line();
      line(p.bold('Tabled documents'));
      const actor = (id: string) => actorName(s, id);
      const numbered = reasons();
      for (const d of s.documents) {
        const asOf = opts.asOf ?? d.date;
        const judgedAt = positionsAsOf(s, asOf);
        const ev = evaluatePackage(judgedAt, d.package);
        // every actor's verdict; one whose consent the text does not need says so, rather than being left out
        const verdicts = ev.verdicts
          .map(
            (v) =>
              `${actorInSentence(s, v.actor)} ${v.accepts ? p.green('accepts') : p.red('rejects')}${ev.required.includes(v.actor) ? '' : p.dim(consentAside(false))}`,
          )
          .join(', ');
        const epochs = epochIdsOn(s, asOf);
        const judged = [
          asOf === d.date ? '' : `judged as of ${asOf}`,
          epochs.length ? `dated positions: ${epochs.map((id) => epochLabel(s, id)).join('; ')}` : '',
        ].filter(Boolean);
        line(
          `  ${p.cyan(documentHeading(d))} ${p.dim(`(${[d.date, ...judged, `--document ${d.id}`].join('; ')})`)}`,
        );
        line(`    ${ev.agreement ? p.green('agreement') : p.red('no agreement')}: ${verdicts}`);
        // a verdict on a text read on some of its issues says which (a full text judged on a scenario's few issues)
        const judgedWords = judgedOnWords(s, judgedOn(s, d));
        if (judgedWords) line(`    ${p.dim(judgedWords)}`);
        // a verdict that rests on one version of a contested term names the other, and what it would move
        for (const c of contestedTerms(judgedAt, d, ev)) line(`    ${p.dim(contestedTermWords(s, c))}`);
        line(`    ${p.dim(`must accept: ${mustAccept(s, consentOf(s, d.package))}`)}`);
        for (const r of ev.ruleViolations)
          line(`    ${p.red('breaks a rule')}: ${r.text}${mark(r.basis)}${p.dim(sources(r.sources))}`);
        // only scenarios that state durability assumptions get the line (durabilityOf is null otherwise)
        const dur = durabilityOf(s, d.package);
        if (dur)
          line(`    ${p.dim(`estimated durability ${n2(dur.value)} if signed — ${DURABILITY_CAVEAT}`)}`);
        for (const h of ratificationOf(positionsAsOf(s, asOf), d.package)?.hurdles ?? [])
          line(`    ${p.dim(`if signed, subject to ${hurdleSentence(s, h)}`)}`);
        const early = appliedBeforeRecord(s, asOf);
        // a broken red line the scenario applies before its sources says so where it is named
        const noteOn = (who: string, id: string) => {
          const e = early.find((x) => x.actor === who && x.kind === 'redLine' && x.id === id);
          return e ? `; ${positionNote(e, numbered)}` : '';
        };
        for (const v of ev.verdicts) {
          if (!ev.required.includes(v.actor) || v.accepts) continue;
          const costs = v.costs
            .slice(0, 3)
            .map((c) => `${issueLabel(s, c.issue)}${mark(c.basis)}`)
            .join(', ');
          const [u, r] = belowPair(v.utility, v.reservation, 2);
          const worth = `utility ${u} < ${r} (no deal${mark(v.reservationBasis)}); costliest: ${costs}`;
          if (v.violations.length) {
            line(`    ${p.dim(`${actor(v.actor)}: ${redLinesHead(v.violations.length)}`)}`);
            for (const item of redLineItems(s, v.actor, v.violations, (x) => noteOn(v.actor, x.redLine)))
              line(`      ${p.dim(item)}`);
            // dropping the red line alone would not win it over: say so (whatif and run do)
            if (v.utility < v.reservation - 1e-12)
              line(
                `      ${p.dim(`also, apart from its red line${v.violations.length > 1 ? 's' : ''}, ${worth}`)}`,
              );
          } else line(`    ${p.dim(`${actor(v.actor)}: ${worth}`)}`);
        }
        const inWords = beforeRecordWords(s, early, numbered);
        if (inWords) line(`    ${p.dim(`${BEFORE_RECORD_LEAD}: ${inWords}`)}`);
      }
      const why = reasonLines(s, numbered);
      if (why.length > 0) {
        line();
        line(p.bold(HELD_EARLIER_HEADING));
        for (const l of why) line(`  ${p.dim(l)}`);
      }
      // the default run's outcome, and the readings and assumptions it rests on
      line();
      const rests = await restsOnFor(s, {}, [], peopleAtTheTable(s, {}).length > 0);
      // a run starts from the scenario's own positions: --as-of judges the documents above, not the run
      const runFrom =
        opts.asOf !== undefined && s.actors.some((a) => a.epochs.length > 0)
          ? `, from the positions of ${s.date} (the scenario's date; --as-of does not move it)`
          : '';
      if (rests.computed)
        line(p.bold(`The default run (peacesim run)${runFrom}: ${outcomeName(rests.outcome)}`));
      for (const l of restsOnLines(rests)) line(l === RESTS_ON_HEADING ? p.bold(l) : l);
      const keys = sourceKeysLine(s, name, printed.join('\n'));
      if (keys) {
        line();
        line(p.dim(keys));
      }
    });
}

/** The scenario's rule of consent in one line: the parties always, each controller when a text moves its issues. */
export function whoMustAccept(s: Scenario): string {
  const parties = s.protocol.parties.map((a) => nameInSentence(s.actors[a]!));
  const controllers = controllersOf(s).map(
    (c) =>
      `${actorInSentence(s, c.actor)} if it moves ${alternatives(c.issues.map((x) => issueLabel(s, x)))}`,
  );
  return `Who must accept a text: the parties, ${listing(parties)}, always${controllers.length ? `; ${controllers.join('; ')}` : ''}.`;
}

/**
 * Whose consent one text needs, and why: "the parties (Russia and Ukraine); Europe (the text moves …, which Europe
 * controls); and …". Semicolons part the actors when there are three or more: the issue lists inside hold commas.
 */
function mustAccept(s: Scenario, consent: readonly Consent[]): string {
  const parties = consent.filter((c) => c.party).map((c) => actorInSentence(s, c.actor));
  const others = consent
    .filter((c) => !c.party)
    .map((c) => {
      const who = actorInSentence(s, c.actor);
      return `${who} (the text moves ${listing(c.moved.map((x) => issueLabel(s, x)))}, which ${who} controls)`;
    });
  const whom = [...(parties.length ? [`the parties (${listing(parties)})`] : []), ...others];
  if (whom.length <= 2) return whom.join(' and ');
  return `${whom.slice(0, -1).join('; ')}; and ${whom.at(-1)}`;
}

/** "a", "a or b", "a, b or c". */
function alternatives(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
