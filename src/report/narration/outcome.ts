// How a run opens and ends, in words: the run's header (title, protocol, parties, rounds, seed, strategies), and
// its outcome — signed with the terms and each actor's worth and the durability estimate, a stalemate or a
// collapse with the engine's blame count, or a session that waits for a person — in the run's and the report's
// words.
import { nameInSentence } from '../../domain/actor-names.ts';
import { keptFlagsNote } from '../../domain/flags.ts';
import type { RatificationCheck } from '../../domain/ratification.ts';
import { statusQuoPackage } from '../../domain/utility.ts';
import { runOutcome as endOf } from '../../engine/game.ts';
import type { ResolvedOptions } from '../../engine/options.ts';
import { packageOf, type TermSheet } from '../../engine/terms.ts';
import type { BlameCount, DurabilityNote, TranscriptEntry } from '../../engine/transcript.ts';
import type { Outcome, RunState } from '../after-action-model.ts';
import { DURABILITY_CAVEAT, movingFactors } from '../durability.ts';
import { capitalise, count, n2, n3, shift2 } from '../format.ts';
import { holdoutWhy, walkOutCause } from '../holdout-why.ts';
import { hypothesesOnWords } from '../hypotheses-words.ts';
import { lastTextFlags } from '../last-text-flags.ts';
import { noDealLine, noDealValue } from '../no-deal-values.ts';
import { blameLine } from '../outcome-notes.ts';
import { anticipationWords, bodies, hurdleSentence, RATIFICATION_CAVEAT } from '../ratification.ts';
import { soleAnswerNote } from '../sole-answers.ts';
import { listing, protocolWords, strategyGrounds, strategyLabel, strategyWords } from '../words.ts';
import { lastRound, plural } from './phrases.ts';
import { type Line, line, say } from './spans.ts';
import { terms } from './texts.ts';
import type { Voice } from './voice.ts';

export function collapse(v: Voice, round: number, actors: readonly string[]): string {
  return `talks collapse in round ${round}: ${v.names(actors)} walked out.`;
}

/** Per actor that is not a party, the labels of the issues it controls (of `only`, when given). */
function controllers(v: Voice, only?: (issue: number) => boolean): { who: string; issues: string[] }[] {
  const s = v.scenario;
  return s.actors
    .filter((a) => !s.protocol.parties.includes(a.index))
    .map((a) => ({
      who: nameInSentence(a),
      issues: s.issues
        .filter((x) => x.controlledBy.includes(a.index) && (!only || only(x.index)))
        .map((x) => x.label),
    }))
    .filter((c) => c.issues.length);
}

/** Whose consent any text needs, and whose only some texts need: the parties, and the controllers of the issues it moves. */
function consentNeeded(v: Voice): string {
  const s = v.scenario;
  const parties = `${v.names(s.protocol.parties.map((a) => s.actors[a]!.id))} (the parties)`;
  const others = controllers(v).map((c) => `${c.who} if it moves ${listing(c.issues, 'or')}`);
  return `who must accept a text: ${[parties, ...others].join('; ')}`;
}

/** Whose consent these terms needed: the parties, and the controllers of the issues they move off the status quo. */
function consentOf(v: Voice, terms: TermSheet, what: string): Line {
  const s = v.scenario;
  const pkg = packageOf(s, terms, statusQuoPackage(s));
  const moved = controllers(v, (i) => pkg[i] !== s.issues[i]!.statusQuo).map(
    (c) => `${c.who} (it moves ${listing(c.issues)}, which ${c.who} controls)`,
  );
  const parties = `${v.names(s.protocol.parties.map((a) => s.actors[a]!.id))} (the parties)`;
  return say(`${what} needed the consent of ${listing([parties, ...moved])}.`);
}

/**
 * The run's opening lines: the title, the protocol, whose consent counts, the rounds and seed, the strategies, the
 * values of no deal, the hypotheses it has on.
 * `seedUsed` false: the run drew nothing at random, and the seed is said to have changed nothing.
 */
export function header(v: Voice, options: ResolvedOptions, seedUsed?: boolean): Line[] {
  const s = v.scenario;
  const pr = s.protocol;
  const kind = protocolWords(s, false, options.maxRounds);
  const strategies = s.actors
    .map((a) => {
      const st = options.strategies[a.index]!;
      return `${a.name}: ${strategyLabel(st)} — ${strategyWords(st)}${strategyGrounds(a.strategy, st)}`;
    })
    .join('; ');
  const parties = v.names(pr.parties.map((a) => s.actors[a]!.id));
  const hypotheses = hypothesesOnWords(s);
  return [
    say(s.title, 'title', 0),
    say(
      `${kind}; parties ${parties}; up to ${count(options.maxRounds, 'round')}; seed ${options.seed}${seedUsed === false ? ' (no strategy in this run draws at random; the seed changes nothing here)' : ''}`,
      'dim',
      0,
    ),
    say(consentNeeded(v), 'dim', 0),
    say(`strategies: ${strategies}`, 'dim', 0),
    // what the verdicts' "no deal (0.580)" compares with, and what it rests on
    say(
      `values of no deal, as the scenario gives them: ${noDealLine(s.actors.map((a) => ({ name: a.name, noDeal: noDealValue(a) })))}`,
      'dim',
      0,
    ),
    // the drifts and the events acting on an actor that this run has on, as outcomes lists them
    ...(hypotheses ? [say(hypotheses, 'dim', 0)] : []),
    ...(options.anticipateRatification ? [say(anticipationWords(s), 'dim', 0)] : []),
  ];
}

/** The estimated durability and the factors that moved it (each marked when a reading or an assumption). */
function durability(v: Voice, d: DurabilityNote): Line {
  const basis = (id: string) => {
    const b = v.scenario.durability?.factors.find((f) => f.id === id)?.basis;
    return b === undefined || b === 'stated' ? '' : ` [${b}]`;
  };
  const parts = [
    `base ${n2(d.base)}`,
    ...movingFactors(d.factors).map((f) => `${f.label}${basis(f.id)} ${shift2(f.shift)}`),
  ];
  return say(`Estimated durability ${n2(d.value)} — ${DURABILITY_CAVEAT}: ${parts.join('; ')}.`);
}

/**
 * The outcome's first line: signed, and — when the terms meet a ratification hurdle — subject to whom, and whether
 * they clear it by the scenario's numbers.
 */
function signedHeadline(round: number, r: RatificationCheck | null): string {
  if (!r) return `Outcome: signed in round ${round}.`;
  const verdict = r.clears ? 'the text clears it' : 'the text falls short of it';
  return `Outcome: signed in round ${round}, subject to ${bodies(r)}; by the scenario's numbers ${verdict}.`;
}

/** Each hurdle the signed terms meet, with its numbers, and what the verdict rests on. */
function ratification(v: Voice, r: RatificationCheck): Line[] {
  return [
    ...r.hurdles.map((h) => say(`${hurdleSentence(v.scenario, h)}.`, undefined, 4)),
    say(`The vote: ${RATIFICATION_CAVEAT}.`, undefined, 4),
  ];
}

/**
 * Who stood alone, and who walked out, as the engine counts blame — neutrally, each actor with its own rounds; and,
 * when texts one actor answered alone were counted, how many each side answered so.
 */
function blame(v: Voice, list: readonly BlameCount[], entries: readonly TranscriptEntry[]): Line[] {
  const intro =
    'Blame as the engine counts it (lone holdout on a text all other required actors accepted, or a walk-out)';
  if (list.length === 0) return [say(`${intro}: nobody.`)];
  const name = (id: string) => v.name(id);
  const note = soleAnswerNote(entries, list, name);
  const lines = list.map((b) =>
    blameLine({ ...b, why: holdoutWhy(entries, b), left: walkOutCause(entries, b.actor) }, name),
  );
  return [say(`${intro}: ${lines.join('; ')}.`), ...(note ? [say(note)] : [])];
}

/**
 * The last text's terms, each flagged as the tabled document it descends from flags it (as the report's "The last
 * text" and the play screen's outcome flag them), and once, where any is, which document that is.
 */
function lastTerms(v: Voice, entries: readonly TranscriptEntry[], sheet: TermSheet): Line[] {
  const kept = lastTextFlags(v.scenario, entries, sheet);
  const lines = terms(v, sheet, 4, undefined, kept);
  const [first] = kept.values();
  const shown = lines.some((l) => l.spans.some((s) => s.style === 'flag'));
  return first && shown ? [...lines, say(keptFlagsNote(first.asIn), 'dim', 4)] : lines;
}

/** The run's last lines: how it ended, with the final terms, or whom it waits for. */
export function runOutcome(v: Voice, entries: readonly TranscriptEntry[], waitingFor: string | null): Line[] {
  const last = endOf(entries);
  const blank = line([], 0);
  if (last?.kind === 'signed') {
    const worth = Object.entries(last.utilities ?? {}).map(([a, u]) => `${v.name(a)} ${n3(u)}`);
    return [
      blank,
      say(signedHeadline(last.round, last.ratification), 'signed', 0),
      ...(last.ratification ? ratification(v, last.ratification) : []),
      ...(last.durability ? [durability(v, last.durability)] : []),
      consentOf(v, last.terms, 'The agreed text'),
      say('The agreed terms (where they differ from the status quo):'),
      ...lastTerms(v, entries, last.terms),
      say('Worth to each actor:'),
      say(worth.join(', '), undefined, 4),
    ];
  }
  if (last?.kind === 'stalemate')
    return [
      blank,
      say(`Outcome: stalemate — ${lastRound(last.round)}`, 'strong', 0),
      ...(last.blame ? blame(v, last.blame, entries) : []),
      consentOf(v, last.terms, 'The last text'),
      say('The last text on the table (where it differs from the status quo):'),
      ...lastTerms(v, entries, last.terms),
    ];
  if (last?.kind === 'collapsed')
    return [
      blank,
      say(`Outcome: the ${collapse(v, last.round, last.actors)}`, 'collapsed', 0),
      ...(last.blame ? blame(v, last.blame, entries) : []),
      consentOf(v, last.terms, 'The last text'),
    ];
  if (!waitingFor) return [];
  const stop = `The run stops in round ${entries.at(-1)?.round ?? 0}: it waits for ${v.name(waitingFor)}, played by a person.`;
  return [blank, say(stop, 'alert', 0)];
}

/** Where in its round a session stopped, from the engine's state name (e.g. "live.running.tallying"). */
function phaseWords(state: string): string {
  if (state.includes('paused')) return 'paused by the facilitator';
  if (state.includes('tabling')) return 'before the text of the round is on the table';
  if (state.includes('responding')) return 'while the actors answer the text';
  if (state.includes('tallying')) return 'before the answers are tallied';
  if (state.includes('agreed') || state.includes('ratifying')) return 'before the agreement is ratified';
  return 'before its next step';
}

/** The report's outcome, in one sentence. */
export function reportOutcome(v: Voice, run: RunState): Outcome {
  const name = (id: string) => v.name(id);
  const last = endOf(run.transcript);
  if (last?.kind === 'signed') {
    const utilities = last.utilities ?? {};
    const parties = Object.keys(utilities);
    return {
      kind: 'signed',
      round: last.round,
      sentence: `Signed in round ${last.round}: every actor whose consent the text needed accepted it and it was ratified at the table (worth ${parties.map((a) => `${n3(utilities[a]!)} to ${name(a)}`).join(', ')}).${last.ratification ? ` It is signed subject to ratification at home — ${last.ratification.hurdles.map((h) => hurdleSentence(v.scenario, h)).join('; ')}. ${capitalise(RATIFICATION_CAVEAT)}.` : ''}`,
    };
  }
  if (last?.kind === 'stalemate') {
    const who = last.rejecting.map(name);
    return {
      kind: 'stalemate',
      round: last.round,
      sentence: `Stalemate: round ${last.round} was the last and no text won every required consent${who.length ? `; the last text was rejected by ${listing(who)}` : ''}.`,
    };
  }
  if (last?.kind === 'collapsed') {
    const why = last.actors.map((a) => {
      const w = last.walkOuts.find((e) => e.actor === a);
      if (!w) return name(a);
      if (w.cause === 'event') {
        const title = v.scenario.events.find((x) => x.id === w.event)?.title;
        return `${name(a)} (event: ${title ?? w.event ?? 'an inject'})`;
      }
      if (w.stalled !== undefined)
        return `${name(a)} (out of patience after ${w.stalled} ${plural(w.stalled, 'round')} without progress)`;
      return `${name(a)} (nothing it could accept at the table was worth its value of no deal)`;
    });
    return {
      kind: 'collapsed',
      round: last.round,
      sentence: `Collapsed in round ${last.round}: ${listing(why)} walked out.`,
    };
  }
  // those waited for with the same move share it: "Russia and Ukraine to answer the text"
  const moveWords = (m: string) =>
    m === 'respond' ? 'answer the text' : m === 'propose' ? 'propose' : 'revise the text';
  const moves = [...new Set(run.awaiting.map((w) => w.move))];
  // who is played by a person is said of the actors, before what they are to do ("Ukraine, played by a person, to
  // answer the text"): after it, it read as if the text were played
  const what = listing(
    moves.map((m) => {
      const who = run.awaiting.filter((w) => w.move === m);
      const person = who.length > 1 ? ', each played by a person,' : ', played by a person,';
      return `${listing(who.map((w) => name(w.actor)))}${person} to ${moveWords(m)}`;
    }),
  );
  return {
    kind: 'unfinished',
    round: run.round,
    waitingFor: run.awaiting.map((w) => w.actor),
    sentence: `Unfinished: the session stops in round ${run.round}${what ? `, waiting for ${what}` : `, ${phaseWords(run.state)}: its saved inputs end there and nobody is waited for`}.`,
  };
}
