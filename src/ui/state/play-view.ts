// The play screen's state: the session (play.ts), the file it saves to, and the hot-seat turn — a privacy gate,
// then the team's private briefing and its move, then "move recorded". One reducer, one action union, pure.
// The teams look at the shared screen whenever the facilitator has the keyboard, so the transcript and the outcome
// show no actor's private numbers (the public view) unless the facilitator asks for them (v) — and never while a
// team's turn is open.
import type { Scenario } from '../../domain/types.ts';
import type { HumanMove } from '../../engine/events.ts';
import { termValue } from '../../engine/terms.ts';
import {
  humanMove,
  inject,
  isOver,
  isPaused,
  type PlayGame,
  rewind,
  runToTurn,
  step,
  type Turn,
  teamsOf,
  togglePause,
  waitingFor,
} from './play.ts';
import {
  currentPackage,
  type SandboxAction,
  type SandboxState,
  sandboxOf,
  sandboxReducer,
} from './sandbox.ts';

/** gate: the screen hides the briefing until the team has the keyboard; brief: its private view; asks and
 * terms: a rejection's asks and a proposal's term editor; moved: the move is in, the view hidden again */
export type TurnStage = 'gate' | 'brief' | 'asks' | 'terms' | 'moved';

export interface TurnView extends Turn {
  readonly stage: TurnStage;
  /** why the last move was refused (humanMoveError), shown inline */
  readonly error: string;
  /** the term editor of a proposal or revision */
  readonly editor: SandboxState | null;
}

export type Prompt = 'inject' | 'save' | 'fork' | null;

export interface PlayView {
  readonly game: PlayGame;
  /** where the scenario came from, for the session file (a shipped id or an absolute path) */
  readonly source: string;
  /** the session file `s` writes to; null until the first save */
  readonly file: string | null;
  /** how many inputs the file holds (null: never saved) */
  readonly savedInputs: number | null;
  /** the per-turn time box in minutes; 0 = off (never in the session file) */
  readonly turnMinutes: number;
  readonly turn: TurnView | null;
  readonly prompt: Prompt;
  /** what the last key did, in words */
  readonly notice: string;
  /** transcript lines scrolled up from the newest */
  readonly scroll: number;
  /** the facilitator view: every actor's numbers (v); off whenever a team's gate opens */
  readonly facilitator: boolean;
}

export type PlayAction =
  | { readonly type: 'step' }
  | { readonly type: 'run' }
  | { readonly type: 'rewind' }
  | { readonly type: 'pause' }
  | { readonly type: 'inject'; readonly event: string }
  | { readonly type: 'prompt'; readonly prompt: Prompt }
  /** enter: open the gate (gate → brief), or go on after a recorded move */
  | { readonly type: 'enter' }
  | { readonly type: 'accept' }
  | { readonly type: 'ask' }
  | { readonly type: 'reject'; readonly asks: readonly string[] }
  | { readonly type: 'edit' }
  | { readonly type: 'editor'; readonly action: SandboxAction }
  | { readonly type: 'table' }
  | { readonly type: 'saved'; readonly file: string; readonly forked: boolean }
  | { readonly type: 'notice'; readonly notice: string }
  /** v: the facilitator view (numbers shown) or the public view */
  | { readonly type: 'view' }
  | { readonly type: 'scroll'; readonly delta: number };

export function openPlay(
  game: PlayGame,
  source: string,
  turnMinutes: number,
  file: string | null = null,
): PlayView {
  return settle({
    game,
    source,
    file,
    savedInputs: file === null ? null : game.inputs.length,
    turnMinutes,
    turn: null,
    prompt: null,
    notice: '',
    scroll: 0,
    // with no team nobody is kept from anything: bots-only sessions show the numbers
    facilitator: teamsOf(game).length === 0,
  });
}

/** Whether the screen may show private numbers: in the facilitator view, and never while a team's turn is open. */
export function showsNumbers(v: PlayView): boolean {
  return v.facilitator && v.turn === null;
}

/** After the session changed: open the gate for the person the machine now waits for (none while paused). */
function settle(v: PlayView): PlayView {
  if (v.turn?.stage === 'moved') return v;
  const w = isPaused(v.game) || isOver(v.game) ? null : waitingFor(v.game);
  if (!w) return v.turn ? { ...v, turn: null } : v;
  if (v.turn && v.turn.actor === w.actor && v.turn.move === w.move) return v;
  // a gate opening switches back to the public view, so that the facilitator cannot forget to
  return { ...v, facilitator: false, turn: { ...w, stage: 'gate', error: '', editor: null } };
}

function withGame(v: PlayView, game: PlayGame, notice: string): PlayView {
  return settle({ ...v, game, notice, scroll: 0 });
}

/** A session whose inputs differ from the file's (or that was never saved) has something to lose. */
export function unsaved(v: PlayView): boolean {
  return v.savedInputs !== v.game.inputs.length;
}

/** The base of a proposal: the text on the table, or the status quo before there is one. */
export function editorBase(game: PlayGame): readonly number[] {
  const text = game.snapshot.context.text;
  return text.length ? text : game.scenario.issues.map((x) => x.statusQuo);
}

/** The terms an editor changed, as a move's term sheet (issue id → option id or number). */
export function editedTerms(scenario: Scenario, editor: SandboxState): Record<string, string | number> {
  const pkg = currentPackage(editor);
  const out: Record<string, string | number> = {};
  scenario.issues.forEach((x, i) => {
    if (pkg[i] !== editor.base[i]) out[x.id] = termValue(scenario, i, pkg[i]!);
  });
  return out;
}

function move(v: PlayView, m: HumanMove): PlayView {
  const t = v.turn;
  if (!t) return v;
  const r = humanMove(v.game, t.actor, m);
  if (!r.ok) return { ...v, turn: { ...t, error: r.error } };
  return {
    ...v,
    game: r.game,
    scroll: 0,
    notice: '',
    turn: { ...t, stage: 'moved', error: '', editor: null },
  };
}

function refusal(v: PlayView): string {
  if (isOver(v.game)) return 'the session is over: u rewinds, s saves, esc returns to the explorer';
  if (isPaused(v.game)) return 'paused: z resumes';
  if (v.turn) return 'a team must move first: enter opens its turn';
  return 'the machine did not move';
}

export function playReducer(v: PlayView, a: PlayAction): PlayView {
  switch (a.type) {
    case 'step': {
      const game = step(v.game);
      return game === v.game ? { ...v, notice: refusal(v) } : withGame(v, game, '');
    }
    case 'run': {
      const game = runToTurn(v.game);
      return game === v.game ? { ...v, notice: refusal(v) } : withGame(v, game, '');
    }
    case 'rewind': {
      if (v.game.inputs.length === 0) return { ...v, notice: 'nothing to rewind: this is the start' };
      const last = v.game.inputs.at(-1)!;
      return withGame(
        { ...v, turn: null },
        rewind(v.game),
        `rewound: ${describeInput(v.game.scenario, last)}`,
      );
    }
    case 'pause': {
      const game = togglePause(v.game);
      if (game === v.game) return { ...v, notice: refusal(v) };
      return withGame(
        { ...v, turn: v.turn?.stage === 'moved' ? v.turn : null },
        game,
        isPaused(game) ? 'paused' : 'resumed',
      );
    }
    case 'inject': {
      const game = inject(v.game, a.event);
      const title = v.game.scenario.events.find((e) => e.id === a.event)?.title ?? a.event;
      return game === v.game
        ? { ...v, prompt: null, notice: `cannot inject ${a.event} now` }
        : withGame({ ...v, prompt: null }, game, `injected: ${title}`);
    }
    case 'prompt':
      return { ...v, prompt: a.prompt, notice: '' };
    case 'enter': {
      const t = v.turn;
      if (!t) return v;
      if (t.stage === 'gate') return { ...v, turn: { ...t, stage: 'brief', error: '' } };
      if (t.stage === 'moved') return settle({ ...v, turn: null, notice: '' });
      return v;
    }
    case 'accept':
    case 'ask': {
      const t = v.turn;
      if (t?.stage !== 'brief') return v;
      if (t.move !== 'respond')
        return { ...v, turn: { ...t, error: `you ${t.move} this turn: e edits the terms` } };
      return a.type === 'accept'
        ? move(v, { type: 'accept' })
        : { ...v, turn: { ...t, stage: 'asks', error: '' } };
    }
    case 'reject':
      return v.turn?.stage === 'asks' ? move(v, { type: 'reject', asks: [...a.asks] }) : v;
    case 'edit': {
      const t = v.turn;
      if (t?.stage !== 'brief') return v;
      if (t.move === 'respond')
        return { ...v, turn: { ...t, error: 'you answer the text this turn: a accepts it, x rejects it' } };
      const editor = t.editor ?? sandboxOf(editorBase(v.game), 'the text on the table');
      return { ...v, turn: { ...t, stage: 'terms', error: '', editor } };
    }
    case 'editor': {
      const t = v.turn;
      if (t?.stage !== 'terms' || !t.editor) return v;
      return { ...v, turn: { ...t, error: '', editor: sandboxReducer(v.game.scenario, t.editor, a.action) } };
    }
    case 'table': {
      const t = v.turn;
      if (t?.stage !== 'terms' || !t.editor || t.move === 'respond') return v;
      return move(v, { type: t.move, terms: editedTerms(v.game.scenario, t.editor) });
    }
    case 'saved':
      return {
        ...v,
        file: a.file,
        savedInputs: v.game.inputs.length,
        prompt: null,
        notice: a.forked ? `forked: saved to ${a.file}; s saves there from now on` : `saved to ${a.file}`,
      };
    case 'notice':
      return { ...v, notice: a.notice };
    case 'view':
      if (v.turn)
        return { ...v, notice: "a team's turn is open: its numbers and everyone else's stay hidden" };
      return {
        ...v,
        facilitator: !v.facilitator,
        notice: v.facilitator
          ? 'public view: no actor’s private numbers (v shows them)'
          : 'facilitator view: every actor’s numbers are shown — v hides them before the teams look',
      };
    case 'scroll':
      return { ...v, scroll: Math.max(0, v.scroll + a.delta) };
  }
}

/** esc: close what is open, innermost first; null when nothing is (the screen itself goes back). */
export function closeTop(v: PlayView): PlayView | null {
  if (v.prompt) return { ...v, prompt: null };
  const t = v.turn;
  if (t?.stage === 'asks' || t?.stage === 'terms') return { ...v, turn: { ...t, stage: 'brief', error: '' } };
  // hiding the briefing keeps the edits, so the team can come back to them
  if (t?.stage === 'brief') return { ...v, turn: { ...t, stage: 'gate', error: '' } };
  return null;
}

/** An input in words, for the rewind notice. */
export function describeInput(scenario: Scenario, e: PlayGame['inputs'][number]): string {
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  switch (e.type) {
    case 'STEP':
      return 'a step';
    case 'PAUSE':
      return 'the pause';
    case 'RESUME':
      return 'the resume';
    case 'INJECT':
      return 'event' in e ? `the inject ${e.event}` : `the ad-hoc ${e.effect.kind}`;
    case 'HUMAN_MOVE':
      return `${name(e.actor)}'s ${e.move.type}`;
  }
}
