// Moves of actors played by people: checked before the machine takes them (the same rules bind people as
// bots: no accepting or tabling across the actor's own red lines, no accepting below its value of no deal —
// drop the red line or lower the reservation by an inject first), then applied.

import { nameInSentence } from '../domain/actor-names.ts';
import { brokenConstraints, verdictOf } from '../domain/evaluate.ts';
import { optionOf } from '../domain/lookup.ts';
import { paraphrased } from '../domain/text.ts';
import { utility } from '../domain/utility.ts';
import { type NegotiationContext, produceContext } from './context.ts';
import { currentScenario } from './effective.ts';
import type { HumanMove } from './events.ts';
import type { Run } from './options.ts';
import { humanAnswer } from './responding.ts';
import { packageOf, type TermValue } from './terms.ts';
import { setText } from './text.ts';

const KIND_OF_MOVE = { respond: ['accept', 'reject'], propose: ['propose'], revise: ['revise'] } as const;

function termsError(run: Run, terms: Readonly<Record<string, TermValue>>): string | null {
  const s = run.scenario;
  for (const [id, value] of Object.entries(terms)) {
    const i = s.issueIndex.get(id);
    if (i === undefined) return `unknown issue "${id}"`;
    if (optionOf(s, i, value) < 0)
      return `issue "${id}" has no option ${JSON.stringify(value)}; options: ${s.issues[i]!.options.map((o) => o.value ?? o.id).join(', ')}`;
  }
  return null;
}

/**
 * Every red line a move would break, in the scenario's words: naming the first of several would send a team to mend
 * one and be refused again for the next.
 */
function redLinesWords(broken: readonly { readonly text: string }[]): string {
  const texts = broken.map((c) => c.text.trim().replace(/\.$/, ''));
  return `its red line${texts.length > 1 ? 's' : ''} ${paraphrased(texts.join(' · '))}`;
}

/** Why the machine would refuse this move now, or null when it takes it. */
export function humanMoveError(
  run: Run,
  ctx: NegotiationContext,
  actorId: string,
  move: HumanMove,
): string | null {
  const s = currentScenario(run, ctx);
  const actor = s.actorIndex.get(actorId);
  if (actor === undefined) return `unknown actor "${actorId}"`;
  const a = s.actors[actor]!;
  // the actor's name, not its id: these messages are read on the play screen as well as by the CLI
  // inside a sentence: the messages follow a colon ("peacesim: input 3: the United States must …")
  const who = nameInSentence(a);
  const waiting = ctx.awaiting.find((w) => w.actor === actor);
  if (!waiting) return `nobody waits for a move of ${who} now`;
  if (!(KIND_OF_MOVE[waiting.move] as readonly string[]).includes(move.type))
    return `${who} must ${waiting.move === 'respond' ? 'accept or reject' : waiting.move} now, not ${move.type}`;
  switch (move.type) {
    case 'accept': {
      const v = verdictOf(s, a, ctx.text);
      if (v.violations.length)
        return `${who} cannot accept a text that breaks ${redLinesWords(v.violations)}`;
      if (!v.accepts)
        return `${who} cannot accept: the text is worth ${v.utility.toFixed(3)} to it, below its value of no deal ${v.reservation.toFixed(3)}`;
      return null;
    }
    case 'reject':
      for (const id of move.asks ?? []) if (!s.issueIndex.has(id)) return `unknown issue "${id}"`;
      return null;
    case 'propose':
    case 'revise': {
      const bad = termsError(run, move.terms);
      if (bad) return bad;
      const pkg = packageOf(s, move.terms, ctx.text.length ? ctx.text : s.issues.map((x) => x.statusQuo));
      const broken = brokenConstraints(a.redLines, pkg);
      if (broken.length) return `${who} cannot table a text that breaks ${redLinesWords(broken)}`;
      return null;
    }
  }
}

export function applyHumanMove(
  run: Run,
  ctx: NegotiationContext,
  actorId: string,
  move: HumanMove,
): NegotiationContext {
  const s = currentScenario(run, ctx);
  const actor = s.actorIndex.get(actorId)!;
  if (move.type === 'accept' || move.type === 'reject') return humanAnswer(run, ctx, actor, move);
  const pkg = packageOf(s, move.terms, ctx.text.length ? ctx.text : s.issues.map((x) => x.statusQuo));
  const a = s.actors[actor]!;
  const u = utility(a, s.offsets, pkg);
  return produceContext(ctx, (draft) => {
    draft.awaiting = draft.awaiting.filter((w) => w.actor !== actor);
    if (move.type === 'propose')
      setText(draft, s, 'tabling', pkg, {
        kind: 'proposal',
        actor: a.id,
        aspiration: u,
        utility: u,
        human: true,
      });
    else
      setText(draft, s, 'tabling', pkg, {
        kind: 'revised',
        actor: a.id,
        aspiration: u,
        unmet: [],
        human: true,
      });
    draft.author = actor;
    draft.authorAspiration = u;
  });
}
