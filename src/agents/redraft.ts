// The mediator's redraft: when the text still falls short of the demands the actors stated last round (their
// aspirations, their red lines), a jump to the nearest package of the exact frontier of acceptable packages that
// meets more of those demands, or falls short by less, without losing any actor that accepted the last text. Whom the redraft gives what it asked for is said only
// where it is true: an actor that rejected the last text naming terms to change, that gets its stated demand,
// keeps its red lines, and sees the terms it named move its way (none against it).
import type { Rng } from '../domain/rng.ts';
import { utility } from '../domain/utility.ts';
import { frontierWithHurdles, keepsWithHurdles } from './anticipate.ts';
import { cheapest, compare } from './cheapest.ts';
import { agreementFrontier, onFrontier } from './frontier.ts';
import { keepsAll } from './search.ts';
import type { View } from './types.ts';

const EPS = 1e-12;

/**
 * How a package meets the demands stated last round (each answering actor's aspiration then, and its red
 * lines): who it satisfies, and the total shortfall of the others. `on(a)` is actor a in the package: its
 * utility there and whether its red lines hold.
 */
function demandsMet(
  view: View,
  on: (actor: number) => { readonly utility: number; readonly keeps: boolean },
): { meets: number[]; shortfall: number } {
  const meets: number[] = [];
  let shortfall = 0;
  for (const d of view.history.at(-1)?.answers ?? []) {
    if (d.actor === view.self) continue;
    const { utility: u, keeps } = on(d.actor);
    const gap = d.aspiration - u;
    if (keeps && gap <= EPS) meets.push(d.actor);
    else shortfall += Math.max(gap, 0) + (keeps ? 0 : 1);
  }
  return { meets, shortfall };
}

/** The actors among `met` that the redraft gives what they asked for (see the header), against the last text. */
function givenWhatAsked(view: View, met: readonly number[], pkg: ArrayLike<number>): number[] {
  const { scenario, text } = view;
  return met.filter((a) => {
    const answer = view.history.at(-1)?.answers.find((d) => d.actor === a);
    if (!answer || answer.accepts || answer.asks.length === 0) return false;
    const contrib = scenario.actors[a]!.contrib;
    const moves = answer.asks.map(
      (i) => contrib[scenario.offsets[i]! + pkg[i]!]! - contrib[scenario.offsets[i]! + text[i]!]!,
    );
    return moves.every((m) => m >= -EPS) && moves.some((m) => m > EPS);
  });
}

/**
 * The redraft from `text` (the text as revised so far), or null: among the frontier packages that keep the
 * mediator's red lines and aspiration, meet the stated demands better than `text` and pass `allowed`, the one
 * meeting most, then falling short least, then moving fewest terms (exact ties drawn with the generator).
 */
export function frontierDraft(
  view: View,
  rng: Rng,
  text: Int32Array,
  aspiration: number,
  allowed: (pkg: ArrayLike<number>) => boolean,
): { pkg: Int32Array; meets: number[] } | null {
  const { scenario, self } = view;
  const now = demandsMet(view, (a) => {
    const actor = scenario.actors[a]!;
    const keeps = keepsWithHurdles(scenario, view.anticipate, a, text, keepsAll(actor.redLines, text));
    return { utility: utility(actor, scenario.offsets, text), keeps };
  });
  if (now.shortfall <= EPS) return null;
  const frontier = agreementFrontier(scenario);
  if (!frontier) return null;
  // under the hypothesis that negotiators anticipate ratification, a point an actor's body would vote down counts
  // against that actor as a broken red line does
  const onPoints = (a: number) =>
    frontierWithHurdles(scenario, view.anticipate, frontier.points, a, onFrontier(scenario, frontier, a));
  const me = onPoints(self);
  const current = [-now.meets.length, now.shortfall];
  const answers = view.history.at(-1)?.answers ?? [];
  // a redraft never loses an actor that accepted: it still gets what it held out for (the single text gains
  // consent; swinging between sides is what makes a mediator go round in circles)
  const accepted = answers
    .filter((d) => d.accepts && d.actor !== self)
    .map((d) => ({ d, on: onPoints(d.actor) }));
  // the answering actors on the frontier's points
  const tables = new Map(answers.map((d) => [d.actor, onPoints(d.actor)]));
  const candidates: { item: { pkg: Int32Array; meets: number[] }; score: number[] }[] = [];
  frontier.points.forEach((p, k) => {
    if (me.keeps[k] !== 1 || me.utility[k]! < aspiration - EPS) return;
    if (!accepted.every(({ d, on }) => on.keeps[k] === 1 && on.utility[k]! >= d.aspiration - EPS)) return;
    // demandsMet read from the tables, counting first: most points meet fewer demands than the text
    let count = 0;
    let shortfall = 0;
    for (const d of answers) {
      if (d.actor === self) continue;
      const on = tables.get(d.actor)!;
      const keeps = on.keeps[k] === 1;
      const gap = d.aspiration - on.utility[k]!;
      if (keeps && gap <= EPS) count++;
      else shortfall += Math.max(gap, 0) + (keeps ? 0 : 1);
    }
    if (compare([-count, shortfall], current) >= 0 || !allowed(p.pkg)) return;
    const { meets } = demandsMet(view, (a) => {
      const on = tables.get(a)!;
      return { utility: on.utility[k]!, keeps: on.keeps[k] === 1 };
    });
    let moved = 0;
    for (let i = 0; i < text.length; i++) if (p.pkg[i] !== text[i]) moved++;
    candidates.push({ item: { pkg: p.pkg, meets }, score: [-meets.length, shortfall, moved] });
  });
  const best = cheapest(candidates, rng);
  return best && { pkg: Int32Array.from(best.pkg), meets: givenWhatAsked(view, best.meets, best.pkg) };
}
