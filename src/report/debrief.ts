// Debrief questions for facilitators, read off the report's data: who rejected throughout and why, who came
// round and after what, how the run ended, who the engine counted as the lone holdout, what the durability estimate
// rests on, how far the last text sits from the Nash solution. Neutral wording: the questions ask, they do not judge.

import { nameAtStart, nameInSentence } from '../domain/actor-names.ts';
import { withBasis } from '../domain/basis.ts';
import { paraphrased } from '../domain/text.ts';
import { runOutcome } from '../engine/game.ts';
import { rejectionKind } from '../engine/holdout-kind.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import type { AfterActionReport } from './after-action-model.ts';
import { capitalise, n2, n3 } from './format.ts';
import { injectedBy } from './narration/phrases.ts';
import { roundList } from './outcome-notes.ts';
import { listing } from './words.ts';

type Partial = Omit<AfterActionReport, 'debrief' | 'sources' | 'heldEarlier'>;
type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

const MAX_QUESTIONS = 8;

/** The terms that differ between the texts answered in two rounds, labelled. */
export type ChangedTerms = (from: number, to: number) => readonly { readonly label: string }[];

/** Why the rest of an actor's rejections said no, by their numbers, each reason with its rounds. */
function otherwise(rest: readonly Verdict[]): string {
  // how many red lines those rejections crossed between them: "another" of one, a count of several — over several
  // texts a count "between them", since each need not cross them all
  const crossing = rest.filter((v) => rejectionKind(v) === 'red-line');
  const others = new Set(crossing.flatMap((v) => v.violations.map((c) => c.redLine))).size;
  const words = {
    'red-line':
      others <= 1
        ? 'the text crossed another of its red lines'
        : crossing.length > 1
          ? `the texts crossed ${others} of its other red lines between them`
          : `the text crossed ${others} of its other red lines`,
    'below-no-deal': 'the text was worth less to it than no deal',
    'would-fail': 'its own domestic body would vote the text down',
    'holds-out': 'the text fell short of what it held out for',
    person: "of a person's choice",
    absent: 'it had walked out',
  } as const;
  const groups = new Map<keyof typeof words, number[]>();
  for (const v of rest) {
    const k = rejectionKind(v);
    groups.set(k, [...(groups.get(k) ?? []), v.round]);
  }
  return listing(
    [...groups].map(([k, rounds]) => `${words[k]} (${roundList(rounds)})`),
    'or',
  );
}

/**
 * The red lines an actor's rejections crossed most often, with every other red line crossed in exactly the same
 * verdicts (by their transcript numbers), in the order the verdicts first list them; undefined when none crossed any.
 */
function mostCrossed(vs: readonly Verdict[]): { texts: string[]; seqs: ReadonlySet<number> } | undefined {
  const crossed = new Map<string, { text: string; seqs: number[] }>();
  for (const v of vs)
    for (const c of v.violations) {
      // each with its basis mark: a reading named beside the stated line it is a version of reads as two positions
      const x = crossed.get(c.redLine) ?? {
        text: withBasis(c.text.trim().replace(/\.$/, ''), c.basis),
        seqs: [],
      };
      if (!x.seqs.includes(v.seq)) x.seqs.push(v.seq);
      crossed.set(c.redLine, x);
    }
  const all = [...crossed.values()];
  const most = all.reduce<(typeof all)[number] | undefined>(
    (m, x) => (!m || x.seqs.length > m.seqs.length ? x : m),
    undefined,
  );
  if (!most) return undefined;
  const key = most.seqs.join(',');
  return { texts: all.filter((x) => x.seqs.join(',') === key).map((x) => x.text), seqs: new Set(most.seqs) };
}

/** Red lines in the scenario's words, after a dash, never quoted; several are set apart by a middle dot. */
function paraphrasedAll(texts: readonly string[]): string {
  return paraphrased(texts.map((t) => t.trim().replace(/\.$/, '')).join(' · '));
}

/** Utilities closer than this are equal, as the engine compares them. */
const EPS = 1e-9;

/**
 * What made a bot accept, by its own numbers, when the text changed since the one it last rejected and what it held
 * out for fell as well: the new text alone (it would have cleared the earlier bar), the fall alone (the rejected
 * text, which crossed none of its red lines, would clear the new bar, and the new text would not have cleared the
 * old one), either, or only both together. A text that crossed its red lines could not pass on any bar: the text.
 */
type CameRoundBy = 'text' | 'time' | 'either' | 'both';
function cameRoundBy(rejected: Verdict, accepted: Verdict): CameRoundBy {
  if (accepted.aspiration >= rejected.aspiration - EPS) return 'text';
  const byText = accepted.utility >= rejected.aspiration - EPS;
  const byTime =
    !rejected.absent &&
    rejected.violations.length === 0 &&
    !rejected.wouldFail?.length &&
    rejected.utility >= accepted.aspiration - EPS;
  if (byText) return byTime ? 'either' : 'text';
  return byTime ? 'time' : 'both';
}

/** The question on an actor that came round after the text changed on `terms`, true to what made it accept. */
function cameRoundWords(
  accepted: string,
  terms: string,
  cause: CameRoundBy,
  rejected: Verdict,
  now: Verdict,
): string {
  const fell = `what it held out for fell from ${n3(rejected.aspiration)} to ${n3(now.aspiration)}`;
  const worth = `the text it rejected in round ${rejected.round} was worth ${n3(rejected.utility)} to it, the one it accepted ${n3(now.utility)}`;
  switch (cause) {
    case 'text':
      return `${accepted} after the text changed on ${terms}: which change mattered to it, and why?`;
    case 'time':
      return `${accepted}, as ${fell}; by its numbers that fall alone decided it (${worth}), though the text also changed on ${terms}. How much did time, rather than the text, change its answer?`;
    case 'either':
      return `${accepted} after the text changed on ${terms}, as ${fell} as well; by its numbers either alone would have done it (${worth}). Which mattered more to it, the text or time?`;
    case 'both':
      return `${accepted} after the text changed on ${terms}, as ${fell} as well; by its numbers it took both (${worth}). Which change mattered to it, and why?`;
  }
}

/**
 * The question on a bot that accepted when its value of no deal had fallen, true to what made it accept by its own
 * numbers (cameRoundBy): time alone (the text it last rejected would have passed at what it held out for when it
 * accepted), the text alone (the text it accepted would have passed at what it held out for when it rejected), either,
 * or only both. `terms` names the terms that changed between the two texts; empty, the text was the same.
 */
function noDealFellWords(
  accepted: string,
  terms: string,
  cause: CameRoundBy,
  rejected: Verdict,
  now: Verdict,
  noDeal: { readonly before: number; readonly from: number },
): string {
  const fell = `its value of no deal had fallen from ${n3(noDeal.before)} to ${n3(noDeal.from)}`;
  // what it held out for, when that is not its value of no deal (a bot's aspiration above it)
  const above =
    Math.abs(rejected.aspiration - rejected.reservation) > EPS ||
    Math.abs(now.aspiration - now.reservation) > EPS;
  const held = above
    ? ` (it held out for ${n3(rejected.aspiration)} in round ${rejected.round}, ${n3(now.aspiration)} in round ${now.round})`
    : '';
  const bar = (v: Verdict) =>
    above ? `what it held out for in round ${v.round}` : `its value of no deal of round ${v.round}`;
  const worth = terms
    ? `the text it rejected in round ${rejected.round} was worth ${n3(rejected.utility)} to it, the one it accepted ${n3(now.utility)}`
    : `the text, the same in both rounds, was worth ${n3(now.utility)} to it`;
  // why the rejected text could not pass at any bar, when that is why
  const barred =
    rejected.violations.length > 0
      ? 'while the one it rejected crossed its red lines'
      : rejected.wouldFail?.length
        ? 'while its own domestic body would have voted down the one it rejected'
        : null;
  const same = `${accepted}, when ${fell}${held}: what changed for it?`;
  switch (cause) {
    case 'time':
      return terms
        ? `${accepted}, when ${fell}${held}; by its numbers time alone decided it (${worth}): the text it rejected would have passed at ${bar(now)}, though the text also changed on ${terms}. How much did time, rather than the text, change its answer?`
        : `${accepted} the text it rejected in round ${rejected.round}, when ${fell}${held}; by its numbers time alone decided it (${worth}). How much did time change its answer?`;
    case 'either':
      return terms
        ? `${accepted} after the text changed on ${terms}, when ${fell} as well${held}; by its numbers either alone would have done it (${worth}). Which mattered more to it, the text or time?`
        : same;
    case 'text':
      return terms
        ? `${accepted} after the text changed on ${terms}, though ${fell}${held}; by its numbers the text decided it (${worth}): the one it accepted would have passed at ${bar(rejected)}, ${barred ?? `while the one it rejected would not have passed even at ${bar(now)}`}. Which change mattered to it, and why?`
        : same;
    case 'both':
      return terms
        ? `${accepted} after the text changed on ${terms}, when ${fell} as well${held}; by its numbers it took both (${worth}): the text it rejected would not have passed at ${bar(now)}, nor the one it accepted at ${bar(rejected)}. How much did each, the text and time, change its answer?`
        : same;
  }
}

export function debriefQuestions(r: Partial, changed: ChangedTerms): string[] {
  const name = (id: string) => {
    const a = r.actors.find((x) => x.id === id);
    return a ? nameInSentence(a) : id;
  };
  const out: string[] = [];
  const verdicts = (actor: string): Verdict[] =>
    r.timeline.flatMap((t) =>
      t.entries.flatMap((e) => (e.kind === 'verdict' && e.actor === actor ? [e] : [])),
    );
  for (const a of r.actors) {
    const vs = verdicts(a.id);
    if (vs.length < 2) continue;
    if (vs.every((v) => !v.accepts)) {
      const top = mostCrossed(vs);
      // every round it answered, never a span over the rounds between: a proposer answers no text in the rounds it
      // tables one (every second round of alternating offers reads "rounds 1, 3, 5, …, 31")
      const when = roundList(vs.map((v) => v.round));
      // every red line crossed in those same rounds is named: naming one of several would make it the sole cause
      const lines = `its red line${top && top.texts.length > 1 ? 's' : ''} ${top ? paraphrasedAll(top.texts) : ''}`;
      if (top && top.seqs.size === vs.length)
        out.push(
          `${nameAtStart(a)} rejected every text it answered (${when}), each time because of ${lines}. What would have to change for it to accept: the text, or the red line${top.texts.length > 1 ? 's' : ''}?`,
        );
      else if (top)
        out.push(
          `${nameAtStart(a)} rejected every text it answered (${when}): ${top.seqs.size} of ${vs.length} times because of ${lines}; otherwise because ${otherwise(vs.filter((v) => !top.seqs.has(v.seq)))}. Which objection was the harder one to meet, and by whom?`,
        );
      else if (a.person)
        out.push(
          `${nameAtStart(a)}, played by a person, rejected every text it answered (${when}) although none crossed its red lines. What did the participant weigh that the numbers do not show?`,
        );
      else {
        // after a walk-out it answers no to every text and holds out for nothing: its shortfall is that of the last
        // text it answered at the table, and the walk-out is said
        const present = vs.filter((v) => !v.absent);
        const left = vs.find((v) => v.absent);
        const last = present.at(-1);
        if (!last) continue;
        const shortfall = Math.max(0, last.aspiration - last.utility);
        out.push(
          left
            ? `${nameAtStart(a)} rejected ${present.length > 1 ? 'every text' : 'the one text'} it answered (${roundList(present.map((v) => v.round))}) although none crossed its red lines, and answered no to every text after it walked out (${roundList(vs.filter((v) => v.absent).map((v) => v.round))}); the last it answered before it left fell ${n3(shortfall)} short of what it held out for. What would it have taken to keep it at the table, or for the others to offer more?`
            : `${nameAtStart(a)} rejected every text it answered (${when}) although none crossed its red lines; the last fell ${n3(shortfall)} short of what it held out for. What would it have taken for it to settle for less, or for the others to offer more?`,
        );
      }
      continue;
    }
    const lastReject = vs.findLastIndex((v) => !v.accepts);
    if (lastReject < 0 || lastReject === vs.length - 1) continue;
    const from = vs[lastReject + 1]!.round;
    const before = vs[lastReject]!.round;
    // an actor that had accepted texts before its last rejection did not come round for the first time: say so,
    // or its answers, accepting one side's texts and rejecting the other's in turn, read as a change of heart
    const earlier = vs.slice(0, lastReject).filter((v) => v.accepts);
    const accepted = earlier.length
      ? `${nameAtStart(a)}, which had also accepted in ${roundList(earlier.map((v) => v.round))}, accepted again from round ${from}`
      : `${nameAtStart(a)} accepted from round ${from}`;
    // an inject counts from just after the last rejection (one fired later in that round too), up to the acceptance
    const injects = r.timeline
      .filter((t) => t.round >= before && t.round <= from)
      .flatMap((t) => {
        const start =
          t.round === before
            ? t.entries.findLastIndex((e) => e.kind === 'verdict' && e.actor === a.id && !e.accepts) + 1
            : 0;
        return t.entries
          .slice(start)
          .flatMap((e) => (e.kind === 'inject' && e.effects.some((x) => x.actor === a.id) ? [e] : []));
      });
    const inject = injects.at(-1);
    const t = r.trajectories.find((x) => x.actor === a.id)!;
    const noDealBefore = t.noDeal[before - 1]!;
    const noDealFrom = t.noDeal[from - 1]!;
    if (inject)
      out.push(
        // an event's title is the modeller's label, not anyone's words: named as the report names it ("(event: …)"),
        // never in quotation marks
        `${accepted} after ${inject.event ? `an inject (event: ${inject.event.title})` : `an inject ${injectedBy(inject.by)}`}: was that pressure or persuasion?`,
      );
    else {
      // compared with the text it last rejected, not only with the round before (another may have tabled it since)
      const labels = changed(before, from).map((m) => m.label);
      const rejected = vs[lastReject]!;
      const now = vs[lastReject + 1]!;
      const held = rejected.aspiration;
      const holds = now.aspiration;
      const cause = a.person ? 'text' : cameRoundBy(rejected, now);
      if (noDealFrom < noDealBefore - EPS)
        out.push(
          // a person's answer has no numbers to decide it: the question is asked, not answered
          a.person
            ? `${accepted}, when its value of no deal had fallen from ${n3(noDealBefore)} to ${n3(noDealFrom)}: how much did time, rather than the text, change its answer?`
            : noDealFellWords(accepted, listing(labels), cause, rejected, now, {
                before: noDealBefore,
                from: noDealFrom,
              }),
        );
      else if (labels.length) out.push(cameRoundWords(accepted, listing(labels), cause, rejected, now));
      // the same text accepted as what it held out for fell: time, when its numbers say so (it crossed nothing)
      else if (holds < held - EPS && (a.person || cause === 'time' || cause === 'either'))
        out.push(
          `${accepted} the text it rejected in round ${before}, as what it held out for fell from ${n3(held)} to ${n3(holds)}: how much did time, rather than the text, change its answer?`,
        );
      else out.push(`${accepted} the text it rejected in round ${before}: what changed for it?`);
    }
  }
  const o = r.outcome;
  if (o.kind === 'stalemate')
    out.push(
      `No text won every required consent in ${r.rounds} rounds. Whose consent was the hardest to win, and what could have been offered for it?`,
    );
  else if (o.kind === 'collapsed') {
    // who walked out is the transcript's, a mediator or a controller as well as a party: "every party" was not it
    const gone = runOutcome(r.timeline.flatMap((t) => t.entries))?.actors ?? [];
    out.push(
      gone.length
        ? `The talks collapsed in round ${o.round} when ${listing(gone.map(name))} walked out. Could anything at the table have kept ${gone.length > 1 ? 'them' : 'it'} in the talks, and who could have offered it?`
        : `The talks collapsed in round ${o.round}. Could anything at the table have kept the talks going, and who could have offered it?`,
    );
  } else if (o.kind === 'signed')
    out.push(
      `The text was signed in round ${o.round}. Which of its terms would be hardest for each side to defend at home, and why?`,
    );
  else if (o.waitingFor.length)
    out.push(
      `The session stops waiting for ${listing(o.waitingFor.map(name))}. What are the options at this point, and what does each risk?`,
    );
  // every actor that stood alone more than once, most often first: asking of one side alone would single it out
  // when the other stood alone as often, or (under alternating offers) answered one text fewer. One round alone is
  // the ordinary back-and-forth of two parties trading offers, so it takes two to ask.
  const alone = r.holdouts
    .filter((h) => h.rounds.length >= 2)
    .sort((x, y) => y.rounds.length - x.rounds.length);
  if (alone.length) {
    const each = alone.map(
      (h, k) => `${name(h.actor)}${k ? '' : ' was the lone holdout'} in ${roundList(h.rounds)}`,
    );
    const ask =
      alone.length > 1
        ? 'what did the others accept that each could not, and could the text have met each without losing the rest?'
        : 'what did the others accept that it could not, and could the text have met it without losing them?';
    out.push(`By the engine's count, ${each.join('; ')}: ${ask}`);
  }
  const d = r.durability;
  if (d) {
    // the scenario's own labels, not an actor's words: no quotation marks; semicolons, as a label may hold a comma
    const on = d.factors.filter((f) => f.holds && f.shift !== 0).map((f) => f.label);
    out.push(
      on.length
        ? `The durability estimate (${n2(d.value)}) rests on the scenario's assumptions about ${on.length > 1 ? `these factors: ${on.join('; ')}` : on[0]}. Which would you change, and what would the estimate become?`
        : `No factor of the scenario moves the durability estimate of these terms from its base (${n2(d.base)}): what would you expect to make this text hold or break?`,
    );
  }
  const c = r.comparison;
  if (c.kind === 'nash' && c.differ.length)
    out.push(
      `The ${r.finalText?.agreed ? 'agreed' : 'last'} text differs from the Nash solution on ${c.differ.length} term${c.differ.length > 1 ? 's' : ''} (${listing(c.differ.map((d) => d.label))}). Which of these did the process make hard to reach?`,
    );
  else if (c.kind === 'nash')
    out.push(
      `The ${r.finalText?.agreed ? 'agreed' : 'last'} text is the Nash solution itself. Did the procedure lead there, or the actors' choices?`,
    );
  else if (c.noPackage && r.finalText)
    // as written: a session's events and injects may have moved the red lines and values of no deal since — a
    // text it signed met the table as it then stood
    out.push(
      o.kind === 'signed'
        ? 'Under the scenario as written, the model finds no package that every actor whose consent is needed accepts, yet this text was signed once the session had run its events. Which of them made room for it, and would that hold outside the room?'
        : 'Under the scenario as written, the model finds no package that every actor whose consent is needed accepts. Which red line or value of no deal, if it moved, would open room for a deal?',
    );
  // one question for every side played by people: asking of one alone would single it out
  const people = r.actors.filter((x) => x.person).map(nameInSentence);
  if (people.length)
    out.push(
      people.length > 1
        ? `${capitalise(listing(people))} were played by people. At which moment did each participant's choice matter most, and what did it rest on?`
        : `${capitalise(people[0]!)} was played by a person. At which moment did the participant's choice matter most, and what did it rest on?`,
    );
  return out.slice(0, MAX_QUESTIONS);
}
