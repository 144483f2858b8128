// Every cause the narration states, checked against the numbers of the transcript it tells: the mediator's reason
// for each change (whose red line now holds, which rule, whose consent is no longer needed, whose ask, the redraft
// and whose demand it meets) and each verdict's (the red lines crossed, the worth against what the actor
// holds out for and against no deal), the tally's rejecters and lone holdout, a walk-out's arithmetic. Written
// from the transcript and the scenario, not from the narration's own code: the words are read back as text.
import { holds } from '../../src/domain/condition.ts';
import type { Constraint, Scenario } from '../../src/domain/types.ts';
import { issueCosts, statusQuoPackage, utility } from '../../src/domain/utility.ts';
import type { WeightEdit } from '../../src/engine/context.ts';
import { effectiveScenario } from '../../src/engine/effective.ts';
import { packageOf, type TermSheet, termSheet } from '../../src/engine/terms.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;
const EPS = 1e-9;

/** Every red line an actor has or may be given by an event, and every rule, by owner and id. */
function constraintOf(s: Scenario, owner: string | null, id: string): Constraint | undefined {
  if (owner === null) return s.rules.find((r) => r.id === id);
  const a = s.actors.find((x) => x.id === owner);
  const added = s.events.flatMap((e) =>
    e.effects.flatMap((x) =>
      x.kind === 'add-red-line' && s.actors[x.actor]?.id === owner ? [x.redLine] : [],
    ),
  );
  return [...(a?.redLines ?? []), ...added].find((c) => c.id === id);
}

/** The actors a phrase names, e.g. "Russia and Ukraine" → ['russia', 'ukraine']. */
function named(s: Scenario, phrase: string): string[] {
  const parts = phrase.split(/, | and /);
  return parts.map((p) => s.actors.find((a) => a.name === p)?.id ?? `?${p}`);
}

/** What the narration says of an entry, in the run's, the report's and the public screen's words. */
function words(voices: readonly Narration[], e: TranscriptEntry, before: readonly TranscriptEntry[]): string {
  return voices.flatMap((n) => n.entry(e, before).map(lineText)).join('\n');
}

export function reasonErrors(
  s: Scenario,
  transcript: readonly TranscriptEntry[],
  people: string[] = [],
): string[] {
  const voices = [
    new Narration(s),
    new Narration(s, { voice: 'report', people }),
    new Narration(s, { voice: 'screen', public: true }),
  ];
  const errors: string[] = [];
  const err = (e: TranscriptEntry, what: string) =>
    errors.push(`round ${e.round}, entry ${e.seq} (${e.kind}): ${what}`);
  const sq = statusQuoPackage(s);
  let sheet: TermSheet = termSheet(s, sq);
  const pkg = () => packageOf(s, sheet, sq);
  const lastVerdict = new Map<string, Verdict>();
  /** The entries after `e` in its round that answer the same text (up to the next text tabled or changed). */
  const later = (e: TranscriptEntry) => {
    const rest = transcript.filter((x) => x.seq > e.seq && x.round === e.round);
    const next = rest.findIndex((x) => x.kind === 'tabled' || x.kind === 'proposal' || x.kind === 'revised');
    return next < 0 ? rest : rest.slice(0, next);
  };
  // the values of no deal and weights as they stand, for what the mediator saw when it revised
  const reservations = s.actors.map((a) => a.reservation.value);
  const weightEdits: WeightEdit[] = [];

  transcript.forEach((e, k) => {
    const said = words(voices, e, transcript.slice(0, k));
    switch (e.kind) {
      case 'tabled':
      case 'proposal':
      case 'revised': {
        const before = pkg();
        sheet = e.terms ? { ...e.terms } : { ...sheet };
        if (!e.terms) for (const c of e.changes) sheet[c.issue] = c.to;
        if (e.kind !== 'revised') break;
        const after = pkg();
        // the text as the mediator had revised it when it made each change: it repairs red lines, rules and
        // consent first, then steps towards those left below no deal, then redrafts (the entry lists by issue)
        const phase = (c: (typeof e.changes)[number]) =>
          c.reason?.kind === 'ask' ? 1 : c.reason?.kind === 'frontier' ? 2 : 0;
        const partial = Int32Array.from(before);
        const answers = later(e).filter((x): x is Verdict => x.kind === 'verdict');
        const tally = later(e).find((x) => x.kind === 'tally');
        for (const c of [...e.changes].sort((x, y) => phase(x) - phase(y))) {
          const r = c.reason;
          const i = s.issueIndex.get(c.issue)!;
          if (!r) {
            partial[i] = packageOf(s, { [c.issue]: c.to }, partial)[i]!;
            continue;
          }
          if (r.kind === 'red-line' || r.kind === 'rule') {
            const owner = r.kind === 'rule' ? null : r.actor;
            const v = r.kind === 'rule' ? r.rule : r.redLine;
            const con = constraintOf(s, owner, v.redLine);
            if (con && !holds(con.condition, after))
              err(
                e,
                `says the change to ${c.issue} makes ${owner ?? 'the rule'}'s "${v.redLine}" hold, but it is broken`,
              );
          }
          if (r.kind === 'consent' && tally?.kind === 'tally' && tally.required.includes(r.actor))
            err(e, `says ${r.actor}'s consent is no longer needed, but the tally requires it`);
          if (r.kind === 'ask') {
            const k = s.actorIndex.get(r.actor)!;
            const a = effectiveScenario(s, { reservations, weightEdits, redLineEdits: [] }).actors[k]!;
            const u = utility(a, s.offsets, partial);
            if (u >= reservations[k]! - EPS)
              err(
                e,
                `says the text left ${r.actor} below no deal, but it was worth ${u} ≥ ${reservations[k]}`,
              );
            const cost = issueCosts(s, a, partial).find((x) => x.issue === i)?.cost ?? 0;
            if (Math.abs(cost - r.cost) > EPS)
              err(e, `says ${c.issue} cost ${r.actor} ${r.cost}, but it cost ${cost}`);
            const to = packageOf(s, { [c.issue]: c.to }, partial);
            if (utility(a, s.offsets, to) <= u + EPS)
              err(
                e,
                `says the change to ${c.issue} is a step ${r.actor}'s way, but ${r.actor} does not gain by it`,
              );
          }
          partial[i] = packageOf(s, { [c.issue]: c.to }, partial)[i]!;
          if (r.kind === 'frontier') {
            for (const v of answers)
              if (
                tally?.kind === 'tally' &&
                tally.required.includes(v.actor) &&
                v.utility < v.reservation - EPS
              )
                err(
                  e,
                  `says every required actor prefers the redraft to no deal, but ${v.actor} gets ${v.utility} < ${v.reservation}`,
                );
          }
        }
        for (const m of said.matchAll(/meets what (.+?) held out for|meeting what (.+?) held out for/g))
          for (const id of named(s, m[1] ?? m[2]!)) {
            const prev = lastVerdict.get(id);
            if (!prev || prev.accepts || prev.asks.length === 0)
              err(
                e,
                `says the text meets what ${id} held out for, but ${id} did not reject the previous text with asks`,
              );
            const now = answers.find((v) => v.actor === id);
            if (prev && now && now.utility < prev.aspiration - EPS)
              err(
                e,
                `says the text meets what ${id} held out for, but it is worth ${now.utility} < the ${prev.aspiration} it held out for`,
              );
          }
        break;
      }
      case 'verdict': {
        const u = e.utility;
        for (const v of e.violations) {
          const con = constraintOf(s, e.actor, v.redLine);
          if (con && holds(con.condition, pkg()))
            err(e, `says the text crosses ${e.actor}'s "${v.redLine}", but it holds`);
        }
        if (/short of the [\d.]+ it holds out for/.test(said) && u >= e.aspiration - EPS)
          err(e, `says ${e.actor}'s text falls short of what it holds out for, but ${u} ≥ ${e.aspiration}`);
        if (/no less than the [\d.]+ it holds out for/.test(said) && u < e.aspiration - EPS)
          err(e, `says ${e.actor}'s text is no less than what it holds out for, but ${u} < ${e.aspiration}`);
        if (/less than no deal/.test(said) && u >= e.reservation - EPS)
          err(e, `says the text is worth less than no deal to ${e.actor}, but ${u} ≥ ${e.reservation}`);
        if (/more than no deal/.test(said) && u <= e.reservation + EPS)
          err(e, `says the text is worth more than no deal to ${e.actor}, but ${u} ≤ ${e.reservation}`);
        if (/as much as no deal/.test(said) && Math.abs(u - e.reservation) > EPS)
          err(e, `says the text is worth as much as no deal to ${e.actor}, but ${u} ≠ ${e.reservation}`);
        if (
          e.human &&
          !e.accepts &&
          e.violations.length === 0 &&
          u >= e.reservation - EPS &&
          /short of/.test(said)
        )
          err(e, `words a person's rejection as a shortfall, but it is the person's choice`);
        lastVerdict.set(e.actor, e);
        break;
      }
      case 'tally': {
        const answers = transcript.filter((x): x is Verdict => x.kind === 'verdict' && x.round === e.round);
        for (const a of e.rejecting)
          if (!answers.some((v) => v.actor === a && !v.accepts))
            err(e, `says ${a} rejects, but it gave no rejection this round`);
        if (e.holdout !== undefined) {
          const others = e.required.filter((a) => a !== e.holdout);
          if (e.rejecting.join() !== e.holdout || others.some((a) => e.rejecting.includes(a)))
            err(e, `says ${e.holdout} is the lone holdout, but the rejecters are ${e.rejecting.join(', ')}`);
        }
        break;
      }
      case 'drift':
        for (const c of e.changes) reservations[s.actorIndex.get(c.actor)!] = c.to;
        break;
      case 'inject':
        for (const x of e.effects) {
          const k = x.actor === undefined ? undefined : s.actorIndex.get(x.actor);
          if (k === undefined || x.to === undefined) continue;
          if (x.kind === 'set-reservation' || x.kind === 'shift-reservation') reservations[k] = x.to;
          if (x.kind === 'set-weight')
            weightEdits.push({ actor: k, issue: s.issueIndex.get(x.issue!)!, weight: x.to });
        }
        break;
      case 'walk-out':
        if (
          e.cause === 'strategy' &&
          e.best !== null &&
          e.best !== undefined &&
          e.best >= (e.reservation ?? 0) - EPS
        )
          err(
            e,
            `says nothing at the table is worth ${e.actor}'s value of no deal, but ${e.best} ≥ ${e.reservation}`,
          );
        break;
      default:
        break;
    }
  });
  return [...new Set(errors)];
}
