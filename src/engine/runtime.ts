// What every phase needs: the run (scenario + resolved options), the scenario as it stands, an agent's view,
// the seeded generator, and changing the text on the table (with its immer patches).
import type { View } from '../agents/types.ts';
import { type Rng, rngFromState } from '../domain/rng.ts';
import type { Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { type ContextDraft, log, type NegotiationContext } from './context.ts';
import { effectiveScenario } from './effective.ts';
import type { ResolvedOptions } from './options.ts';
import { termPatches, termSheet, termValue } from './terms.ts';
import type { ChangeReasonEntry, EntryBody, Phase, TermChangeEntry } from './transcript.ts';

export interface Run {
  readonly scenario: Scenario;
  readonly options: ResolvedOptions;
}

export function currentScenario(run: Run, ctx: NegotiationContext): Scenario {
  return effectiveScenario(run.scenario, ctx);
}

export function viewOf(run: Run, ctx: NegotiationContext, self: number): View {
  return {
    scenario: currentScenario(run, ctx),
    self,
    strategy: run.options.strategies[self]!,
    round: ctx.round,
    maxRounds: ctx.maxRounds,
    text: Int32Array.from(ctx.text),
    history: ctx.history,
  };
}

export function isHuman(run: Run, actor: number): boolean {
  return run.options.strategies[actor]!.kind === 'human';
}

/** Runs `use` with the generator restored from the draft, and stores its state back. */
export function withRng<T>(draft: ContextDraft, use: (rng: Rng) => T): T {
  const rng = rngFromState(draft.rng);
  const out = use(rng);
  draft.rng = [...rng.state()];
  return out;
}

/** The mediator, or (a mediated protocol that names none) the first party. */
export function mediatorOf(scenario: Scenario): number {
  return scenario.protocol.mediator ?? scenario.protocol.parties[0]!;
}

/** The party whose turn it is to propose in alternating offers. */
export function proposerOf(scenario: Scenario, round: number): number {
  const parties = scenario.protocol.parties;
  return parties[(round - 1) % parties.length]!;
}

/** Parties and the mediator: when one of them walks out the talks collapse. */
export function isPrincipal(scenario: Scenario, actor: number): boolean {
  return (
    scenario.protocol.parties.includes(actor) ||
    (scenario.protocol.kind === 'mediated-single-text' && mediatorOf(scenario) === actor)
  );
}

export function utilities(scenario: Scenario, pkg: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of scenario.actors) out[a.id] = utility(a, scenario.offsets, pkg);
  return out;
}

type TextBody = Extract<EntryBody, { kind: 'tabled' | 'proposal' | 'revised' }>;
type TextHead = TextBody extends infer B
  ? B extends TextBody
    ? Omit<B, 'changes' | 'patches' | 'inverse' | 'terms'>
    : never
  : never;

/**
 * Puts `pkg` on the table and logs it with the terms that moved (each with its reason, if given) and the immer
 * patches of the term sheet. The first text of a run is patched from the status quo and carries the full sheet.
 */
export function setText(
  draft: ContextDraft,
  scenario: Scenario,
  phase: Phase,
  pkg: ArrayLike<number>,
  head: TextHead,
  reasons: ReadonlyMap<number, ChangeReasonEntry> = new Map(),
): void {
  const first = draft.text.length === 0;
  const from = first ? scenario.issues.map((x) => x.statusQuo) : draft.text;
  const changes: TermChangeEntry[] = [];
  scenario.issues.forEach((x, i) => {
    if (first || from[i] === pkg[i]) return;
    const reason = reasons.get(i);
    changes.push({
      issue: x.id,
      from: termValue(scenario, i, from[i]!),
      to: termValue(scenario, i, pkg[i]!),
      ...(reason ? { reason } : {}),
    });
  });
  const { patches, inverse } = termPatches(scenario, from, pkg);
  log(draft, phase, {
    ...head,
    changes,
    patches,
    inverse,
    ...(first ? { terms: termSheet(scenario, pkg) } : {}),
  } as TextBody);
  draft.text = Array.from(pkg);
}
