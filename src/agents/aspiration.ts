// How much an actor holds out for in a round: its aspiration, between its best acceptable utility and its
// reservation (the value of no deal). Time-dependent tactics (Faratin, Sierra & Jennings 1998):
//   aspiration(t) = r + (best − r) · (1 − t^(1/e)),  t = (round − 1) / (maxRounds − 1) ∈ [0, 1]
// e < 1 Boulware (holds firm, concedes late), e = 1 linear, e > 1 Conceder (concedes early).
import type { Rng } from '../domain/rng.ts';
import type { StrategyKind } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { agreementFrontier } from './frontier.ts';
import type { View } from './types.ts';
import { zeuthenStep } from './zeuthen.ts';

export const DEFAULT_EXPONENT: Readonly<Record<'boulware' | 'linear' | 'conceder', number>> = {
  boulware: 0.2,
  linear: 1,
  conceder: 3,
};

/** Tit-for-tat's first concession, in utility, before the other side has shown anything to mirror. */
const DEFAULT_TFT_OPENING = 0.02;

export function timeShare(round: number, maxRounds: number): number {
  if (maxRounds <= 1) return 1;
  return Math.min(1, Math.max(0, (round - 1) / (maxRounds - 1)));
}

export function timeDependent(best: number, reservation: number, t: number, e: number): number {
  return reservation + (best - reservation) * (1 - t ** (1 / e));
}

function isParty(view: View): boolean {
  return view.scenario.protocol.parties.includes(view.self);
}

/**
 * Tit-for-tat: the actor's last aspiration, lowered by the other side's last concession — how much the other
 * parties' utilities fell (on average) between the last two texts it did not write itself.
 */
function titForTat(view: View, best: number, opening: number): number {
  const { scenario, self, history } = view;
  let last: number | null = null;
  for (let k = history.length - 1; k >= 0 && last === null; k--) {
    const past = history[k]!;
    if (past.author === self && past.authorAspiration !== null) last = past.authorAspiration;
    else last = past.answers.find((a) => a.actor === self)?.aspiration ?? null;
  }
  if (last === null) return best - opening;
  const theirs = history.filter((p) => p.author !== self).slice(-2);
  if (theirs.length < 2) return last;
  const others = scenario.protocol.parties.filter((a) => a !== self);
  if (others.length === 0) return last;
  let fall = 0;
  for (const a of others) {
    const actor = scenario.actors[a]!;
    fall +=
      utility(actor, scenario.offsets, theirs[0]!.text) - utility(actor, scenario.offsets, theirs[1]!.text);
  }
  return last - Math.max(0, fall / others.length);
}

/**
 * Zeuthen's aspiration: in a mediated text, the utility of the Nash point its concessions would end at; in
 * alternating offers, the utility of the offer it would make next, or of the Nash point if that is less. Null when the exact
 * frontier is unavailable (Zeuthen then behaves linearly).
 */
function zeuthenAspiration(view: View): number | null {
  const frontier = agreementFrontier(view.scenario);
  if (!frontier) return null;
  const i = frontier.parties.indexOf(view.self);
  if (i < 0) return null;
  if (view.scenario.protocol.kind === 'mediated-single-text')
    return frontier.nash ? frontier.nash.u[i]! : null;
  const step = zeuthenStep(view, frontier);
  if (!step) return null;
  // it also takes any text worth what its concessions would end at: the Nash point
  const nash = frontier.nash ? frontier.nash.u[i]! : Number.POSITIVE_INFINITY;
  if (step.next) return Math.min(step.next.u[i]!, nash);
  const actor = view.scenario.actors[view.self]!;
  if (step.theirs.length === 0) return actor.reservation.value;
  return Math.max(...step.theirs.map((pkg) => utility(actor, view.scenario.offsets, pkg)));
}

/** The kind that decides the aspiration: Zeuthen and tit-for-tat are party strategies; others fall back to linear. */
export function effectiveKind(view: View): StrategyKind {
  const kind = view.strategy.kind;
  if ((kind === 'zeuthen' || kind === 'tit-for-tat') && !isParty(view)) return 'linear';
  if (kind === 'zeuthen' && zeuthenAspiration(view) === null) return 'linear';
  return kind;
}

/** The aspiration this round, clamped to [reservation, best]; `noise` (a strategy parameter) jitters it. */
export function aspirationOf(view: View, rng: Rng, best: number): number {
  const r = view.scenario.actors[view.self]!.reservation.value;
  const params = view.strategy.params;
  const t = timeShare(view.round, view.maxRounds);
  const kind = effectiveKind(view);
  let a: number;
  switch (kind) {
    case 'boulware':
    case 'linear':
    case 'conceder':
      a = timeDependent(best, r, t, params.e ?? DEFAULT_EXPONENT[kind]);
      break;
    case 'hardliner':
      a = best;
      break;
    case 'tit-for-tat':
      a = titForTat(view, best, params.opening ?? DEFAULT_TFT_OPENING);
      break;
    case 'zeuthen':
      a = zeuthenAspiration(view)!;
      break;
    case 'human':
      a = r;
      break;
  }
  const noise = params.noise ?? 0;
  if (noise > 0) a += rng.between(-noise, noise);
  return Math.min(Math.max(a, r), Math.max(best, r));
}
