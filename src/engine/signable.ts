// Could any run of `outcomes` sign at all? A run signs only a text that ratifies: evaluatePackage on the scenario as
// it stands then, which needs every party's consent (always required) and no rule broken — so a signed text keeps
// every party's red lines and the rules in force at signing. The draws move weights, values of no deal and
// thresholds, never a red line or a rule; no effect edits a rule; an added red line only narrows. The one thing that
// widens what can be signed is an event that drops a party's red line. So when the parties' red lines that no event
// of these runs can drop, and the rules, leave no package, no run signs — whatever is drawn, whichever events fire.
// Counted once per run of outcomes (not per draw), by the analysis `analyze` prints as "Feasibility".
import { type ConflictReport, type ConflictSearchReport, conflictsOf } from '../analysis/conflict-report.ts';
import { countFeasible } from '../analysis/feasibility.ts';
import { AnalysisLimitError } from '../analysis/limits.ts';
import type { Scenario } from '../domain/types.ts';
import type { NegotiationContext } from './context.ts';
import { effectiveScenario } from './effective.ts';
import { injectText, type PlannedInject } from './inject-text.ts';

/** A party's red line, held as every run starts, that something these runs can fire drops. */
interface RedLineDrop {
  readonly actor: string;
  readonly redLine: string;
  /** the event that drops it (its id), or an ad-hoc inject as `--inject` writes it (`drop-red-line:ACTOR/ID@ROUND`) */
  readonly by: string;
  /** an ad-hoc inject: the user's assumption (absent for a scenario event) */
  readonly basis?: 'assumption';
}

export interface Signability {
  /** packages that keep every party's red lines and the rules as every run starts: an exact count */
  readonly feasibleAtStart: number;
  /**
   * every party's red line held at the start that an event these runs can fire drops — scheduled within the rounds,
   * triggered by blame, or injected by the run's flags — with the event
   */
  readonly drops: readonly RedLineDrop[];
  /** packages that keep the parties' red lines no such event drops, and the rules: an exact count */
  readonly feasibleAfterDrops: number;
  /** proven: no run signs, whatever the draws and whichever of those events fire (feasibleAfterDrops is 0) */
  readonly noRunCanSign: boolean;
  /**
   * with nothing feasible at the start, the minimal conflicts that stand in the way, as `analyze` lists them: among
   * the red lines no event drops (and the rules) when no run can sign, else among those of the start; else none
   */
  readonly conflicts: readonly ConflictReport[];
  /** how far the search for those conflicts went; null when nothing was searched */
  readonly conflictSearch: ConflictSearchReport | null;
  /**
   * with nothing feasible at the start and something after the drops: the smallest sets of what drops them (each
   * `by` of `drops`, in their order) whose drops together open a package, each with the packages then feasible
   * — by size, then in the order of `drops`; null otherwise, or with more than MOST_OPENERS of them (not searched)
   */
  readonly openers: readonly Opener[] | null;
}

/** A smallest set of events and injects whose red-line drops, together, open a package. */
interface Opener {
  /** the events (ids) and injects (as `--inject` writes them), in the order of `drops` */
  readonly by: readonly string[];
  /** packages that keep the parties' red lines left after those drops, and the rules: an exact count */
  readonly feasible: number;
}

/** The most events and injects whose subsets are searched for openers: 2⁶ − 1 counts at most. */
const MOST_OPENERS = 6;

/** Can an event fire in a run of `maxRounds` rounds with these injects? Blame-triggered ones are taken as able to. */
function canFire(
  trigger: Scenario['events'][number]['trigger'],
  id: string,
  maxRounds: number,
  injected: ReadonlySet<string>,
): boolean {
  if ('round' in trigger) return trigger.round <= maxRounds;
  if ('blame' in trigger) return true;
  return injected.has(id);
}

/** The parties' red lines (held at the start) that what these runs can fire drops, in event order, then injects. */
function partyRedLineDrops(
  start: Scenario,
  maxRounds: number,
  injects: readonly PlannedInject[],
): RedLineDrop[] {
  const parties = start.protocol.parties;
  const held = (actor: number, redLine: string) =>
    parties.includes(actor) && start.actors[actor]!.redLines.some((c) => c.id === redLine);
  const injected = new Set(injects.flatMap((p) => ('event' in p && p.round <= maxRounds ? [p.event] : [])));
  const out: RedLineDrop[] = [];
  for (const e of start.events) {
    if (!canFire(e.trigger, e.id, maxRounds, injected)) continue;
    for (const f of e.effects)
      if (f.kind === 'drop-red-line' && held(f.actor, f.redLine))
        out.push({ actor: start.actors[f.actor]!.id, redLine: f.redLine, by: e.id });
  }
  for (const p of injects) {
    const f = 'effect' in p && p.round <= maxRounds ? p.effect : null;
    if (f?.kind !== 'drop-red-line') continue;
    const actor = start.actors.findIndex((a) => a.id === f.actor);
    if (actor >= 0 && held(actor, f.redLine))
      out.push({ actor: f.actor, redLine: f.redLine, by: injectText(p), basis: 'assumption' });
  }
  return out;
}

/** The scenario with every red line of `drops` dropped, as the engine drops them (effective.ts). */
function withDropped(start: Scenario, drops: readonly RedLineDrop[]): Scenario {
  const redLineEdits: NegotiationContext['redLineEdits'] = drops.map((d) => ({
    kind: 'drop',
    actor: start.actors.findIndex((a) => a.id === d.actor),
    redLine: d.redLine,
  }));
  return effectiveScenario(start, {
    reservations: start.actors.map((a) => a.reservation.value),
    weightEdits: [],
    redLineEdits,
  });
}

/**
 * The smallest sets of what drops red lines that open a package, by size: every subset of the sources is counted,
 * and one that holds a smaller opener is passed over (it is not smallest).
 */
function openersOf(start: Scenario, drops: readonly RedLineDrop[]): Opener[] | null {
  const sources = [...new Set(drops.map((d) => d.by))];
  if (sources.length > MOST_OPENERS) return null;
  const subsets = Array.from({ length: 2 ** sources.length - 1 }, (_, k) => k + 1).sort(
    (a, b) => bitCount(a) - bitCount(b) || firstMembers(a, b),
  );
  const found: number[] = [];
  const out: Opener[] = [];
  for (const mask of subsets) {
    if (found.some((f) => (f & mask) === f)) continue;
    const by = sources.filter((_, k) => mask & (1 << k));
    const feasible = countFeasible(
      withDropped(
        start,
        drops.filter((d) => by.includes(d.by)),
      ),
    );
    if (feasible === 0) continue;
    found.push(mask);
    out.push({ by, feasible });
  }
  return out;
}

const bitCount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/** Sets of one size in the order of their members: the one whose first differing member comes first. */
const firstMembers = (a: number, b: number): number => {
  const low = (a ^ b) & -(a ^ b);
  return a & low ? -1 : 1;
};

/**
 * Whether any run from `start` (the positions every run starts from) could sign; null when the outcome space is
 * beyond exact counting (nothing is then claimed).
 */
export function signability(
  start: Scenario,
  maxRounds: number,
  injects: readonly PlannedInject[],
): Signability | null {
  try {
    const drops = partyRedLineDrops(start, maxRounds, injects);
    const feasibleAtStart = countFeasible(start);
    const loosest = drops.length ? withDropped(start, drops) : start;
    const feasibleAfterDrops = drops.length ? countFeasible(loosest) : feasibleAtStart;
    const noRunCanSign = feasibleAfterDrops === 0;
    if (feasibleAtStart > 0)
      return {
        feasibleAtStart,
        drops,
        feasibleAfterDrops,
        noRunCanSign,
        conflicts: [],
        conflictSearch: null,
        openers: null,
      };
    const { conflicts, search } = conflictsOf(noRunCanSign ? loosest : start, 0);
    const openers = noRunCanSign ? null : openersOf(start, drops);
    return {
      feasibleAtStart,
      drops,
      feasibleAfterDrops,
      noRunCanSign,
      conflicts,
      conflictSearch: search,
      openers,
    };
  } catch (e) {
    if (e instanceof AnalysisLimitError) return null;
    throw e;
  }
}
