// The after-action report's sentences, in plain words, shared by the markdown and HTML renderers. Citations
// (red lines, rules, sources) are left to the renderers, which link and flag them in their own markup.
import type { AfterActionReport, RoundItem } from './after-action.ts';
import { DURABILITY_CAVEAT, n2, shift2 } from './durability.ts';
import { driftWords, ratificationWords } from './narration.ts';
import type { BlameLine, DurabilityFactorLine, DurabilityReport } from './outcome-notes.ts';
import { roundList } from './outcome-notes.ts';
import { listing, n3 } from './words.ts';

export type Names = (id: string) => string;

export function namesOf(r: Pick<AfterActionReport, 'actors'>): Names {
  const map = new Map(r.actors.map((a) => [a.id, a.name]));
  return (id) => map.get(id) ?? id;
}

const PERSON = ' (played by a person)';

export function textHead(it: Extract<RoundItem, { kind: 'text' }>, name: Names): string {
  const who = `${name(it.by)}${it.person ? PERSON : ''}`;
  const doc = it.document ? `"${it.document.title}" (${it.document.date}, document ${it.document.id})` : '';
  const tail = it.first
    ? 'Its terms, where they differ from the status quo:'
    : it.changes.length
      ? 'Terms that move:'
      : 'No term moves.';
  switch (it.how) {
    case 'opening':
      return `${who} opens with ${doc}. ${tail}`;
    case 'event':
      return `${who} tables ${doc} (a scheduled event). ${tail}`;
    case 'inject':
      return `${who} tables ${doc} (an inject). ${tail}`;
    case 'proposal':
      return `${who} proposes a text worth ${n3(it.utility ?? 0)} to it (it holds out for ${n3(it.aspiration ?? 0)}). ${tail}`;
    case 'revision':
      return it.changes.length
        ? `${who} revises the text. ${tail}`
        : `${who} keeps the text${it.unmet.length ? `: no change for ${listing(it.unmet.map(name))} keeps every red line, leaves nobody below no deal and keeps its own aspiration (${n3(it.aspiration ?? 0)})` : ''}.`;
  }
}

/** A verdict as who, the verb and the rest ("…: worth 0.5 to it, …"), so HTML can mark the verb. */
export function verdictParts(
  it: Extract<RoundItem, { kind: 'verdict' }>,
  name: Names,
): { who: string; verb: 'accepts' | 'rejects'; rest: string } {
  const who = `${name(it.actor)}${it.person ? PERSON : ''}`;
  if (it.accepts)
    return {
      who,
      verb: 'accepts',
      rest: it.mediator
        ? `: the text keeps its red lines and is worth ${n3(it.utility)} to it, more than no deal (${n3(it.reservation)}).`
        : `: worth ${n3(it.utility)} to it, no less than the ${n3(it.aspiration)} it holds out for (no deal: ${n3(it.reservation)}).`,
    };
  if (it.violations.length)
    return {
      who,
      verb: 'rejects',
      rest: `: the text crosses its red line${it.violations.length > 1 ? 's' : ''}:`,
    };
  const why = it.belowNoDeal
    ? `worth ${n3(it.utility)} to it, less than no deal (${n3(it.reservation)})`
    : `worth ${n3(it.utility)} to it, ${n3(it.shortfall ?? 0)} short of the ${n3(it.aspiration)} it holds out for (no deal: ${n3(it.reservation)})`;
  const asks = it.asks.length
    ? ` It asks for changes to ${it.asks.map((a) => `${a.label} (${n3(a.cost)})`).join(', ')}.`
    : '';
  return { who, verb: 'rejects', rest: `: ${why}.${asks}` };
}

export function verdictHead(it: Extract<RoundItem, { kind: 'verdict' }>, name: Names): string {
  const p = verdictParts(it, name);
  return `${p.who} ${p.verb}${p.rest}`;
}

export function driftLine(it: Extract<RoundItem, { kind: 'drift' }>, name: Names): string {
  return driftWords(it.changes, name);
}

export function injectHead(it: Extract<RoundItem, { kind: 'inject' }>): string {
  const ev = it.event;
  if (!ev) return 'Inject by the facilitator:';
  const how = it.trigger === 'manual' ? 'Event (injected by the facilitator)' : 'Event';
  return `${how}: ${ev.title}${ev.description ? ` — ${ev.description}` : ''}`;
}

/** Why a blame-triggered event fired, worded as the scenario's hypothesis. */
export function blameTriggerLine(it: Extract<RoundItem, { kind: 'inject' }>, name: Names): string {
  const b = it.blame;
  if (!b) return '';
  const threshold = b.atLeast === undefined ? '' : ` (the scenario sets the trigger at ${b.atLeast})`;
  return `Why it fires: the engine's count for ${name(b.actor)} (one for each round as the lone holdout, one for a walk-out) reached ${b.count}${threshold}. That this event follows is a hypothesis of the scenario.`;
}

export function holdoutLine(actor: string, name: Names): string {
  return `The engine's count: ${name(actor)} is this round's lone holdout, the one required actor that did not accept a text every other required actor accepted.`;
}

export function walkOutLine(it: Extract<RoundItem, { kind: 'walk-out' }>, name: Names): string {
  if (it.stalled !== undefined)
    return `${name(it.actor)} walks out: ${it.stalled === 1 ? 'a round' : `${it.stalled} rounds in a row`} without progress (no more required actors accepting, no smaller shortfall than before) exhausted its patience.`;
  if (it.cause === 'event') return `${name(it.actor)} walks out${it.event ? ` (event ${it.event})` : ''}.`;
  const best =
    it.best === null || it.best === undefined ? 'no package keeps its red lines' : `at best ${n3(it.best)}`;
  return `${name(it.actor)} walks out: nothing it could accept at this table is worth its value of no deal (${best} < ${n3(it.reservation ?? 0)}).`;
}

export function tallyLine(it: Extract<RoundItem, { kind: 'tally' }>, name: Names): string {
  if (it.agreement) return `Agreement: every required actor accepts (${listing(it.accepting.map(name))}).`;
  const who = it.rejecting.map(name);
  return `No agreement${who.length ? `: ${listing(who)} ${who.length > 1 ? 'reject' : 'rejects'}` : ''}${it.rules.length ? '; the text breaks a rule:' : '.'}`;
}

export function ratificationLine(it: Extract<RoundItem, { kind: 'ratification' }>, name: Names): string {
  const w = ratificationWords(it.ratified, it.failing, name);
  return `${w.label}${w.rest}`;
}

export function strategiesLine(r: AfterActionReport): string {
  return r.actors.map((a) => `${a.name}: ${a.person ? 'played by a person' : a.strategy}`).join('; ');
}

export function comparisonIntro(r: AfterActionReport): string {
  const which = r.finalText?.agreed ? 'the agreed text' : 'the last text on the table';
  const c = r.comparison;
  if (c.kind === 'none') return c.reason;
  return `The Nash solution maximises the product of the parties' gains over no deal among the packages every required actor accepts (under the scenario as written${c.exact ? '' : '; an approximation within the analysis budget'}). It differs from ${which} on ${c.differ.length} term${c.differ.length === 1 ? '' : 's'}. Under the scenario's values of no deal and red lines as written, ${which} ${c.textIsAgreement ? 'would be' : 'would not be'} an agreement.`;
}

export const BLAME_INTRO =
  "The engine's count, the same rule for every actor: one for each round an actor was the lone holdout on a text every other required actor accepted, and one for a walk-out. It records who stood alone, not who was right.";

export function blameLine(b: BlameLine, name: Names): string {
  const parts = [
    ...(b.holdouts.length ? [`lone holdout in ${roundList(b.holdouts)}`] : []),
    ...(b.walkOut === null ? [] : [`walked out in round ${b.walkOut}`]),
  ];
  return `${name(b.actor)}: ${b.count} (${parts.join('; ')})`;
}

export function durabilityIntro(d: DurabilityReport): string {
  const clamp = d.clamped ? ', kept within 0 and 1' : '';
  return `${n2(d.value)} for the signed text: the scenario's base (${n2(d.base)}) plus the shifts of the factors its terms meet${clamp}. It is ${DURABILITY_CAVEAT}: every number is the scenario file's, to tune or drop.`;
}

export function factorText(f: DurabilityFactorLine): string {
  return `${f.label} (${f.id}): ${shift2(f.shift)}`;
}

/** The factors whose condition the signed terms do not meet, in one sentence. */
export function idleFactors(d: DurabilityReport): string {
  // ids, not labels: labels hold commas of their own
  const idle = d.factors.filter((f) => !f.holds).map((f) => f.id);
  return idle.length ? `Factors of the scenario that these terms do not meet: ${listing(idle)}.` : '';
}
