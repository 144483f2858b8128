// The play screen's state: the session (play.ts), the file it saves to, and the hot-seat turn — a privacy gate,
// then the team's private briefing and its move, then "move recorded". One reducer, one action union, pure.
// The teams look at the shared screen whenever the facilitator has the keyboard, so the transcript and the outcome
// show no actor's private numbers (the public view) unless the facilitator asks for them (v) — and never while a
// team's turn is open.

import { actorInSentence } from '../../domain/actor-names.ts';
import { inQuotes } from '../../domain/text.ts';
import type { Scenario } from '../../domain/types.ts';
import type { AdHocEffect, HumanMove, InjectEvent } from '../../engine/events.ts';
import { termValue } from '../../engine/terms.ts';
import { goodwillWords } from '../../report/narration/phrases.ts';
import { AD_HOC_WORDS, possessive } from '../../report/words.ts';
import { publicShift } from '../transcript-words.ts';
import { injectStep } from './inject-menu.ts';
import {
  context,
  fireInject,
  humanMove,
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
type TurnStage = 'gate' | 'brief' | 'asks' | 'terms' | 'moved';

export interface TurnView extends Turn {
  readonly stage: TurnStage;
  /** why the last move was refused (humanMoveError), shown inline */
  readonly error: string;
  /** the term editor of a proposal or revision */
  readonly editor: SandboxState | null;
}

/** inject: the list of events and ad-hoc injects; save, fork, report: a file name (report: w, unsaved) */
type Prompt = 'inject' | 'save' | 'fork' | 'report' | null;

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
  /** the picks so far in the inject list (an ad-hoc inject takes two or three) */
  readonly injectPath: readonly string[];
  /** what the last key did, in words */
  readonly notice: string;
  /** transcript lines scrolled up from the newest */
  readonly scroll: number;
  /** the facilitator view: every actor's numbers (v); off whenever a team's gate opens */
  readonly facilitator: boolean;
  /** the recovery copy the explorer keeps of this session after every input (null until the first) */
  readonly recovery: string | null;
  /** a key that would lose unsaved inputs was pressed once: the same key again confirms (quit: q; leave: enter or esc) */
  readonly confirm: 'quit' | 'leave' | null;
}

export type PlayAction =
  | { readonly type: 'step' }
  | { readonly type: 'run' }
  | { readonly type: 'rewind' }
  | { readonly type: 'pause' }
  /** fire a manual event of the scenario */
  | { readonly type: 'inject'; readonly event: string }
  /** fire an ad-hoc effect */
  | { readonly type: 'inject-effect'; readonly effect: AdHocEffect }
  /** a pick in the inject list: the next list, or the inject it completes */
  | { readonly type: 'inject-pick'; readonly value: string }
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
  /** w: the after-action report was written (by the host) */
  | { readonly type: 'reported'; readonly file: string }
  | { readonly type: 'notice'; readonly notice: string }
  /** v: the facilitator view (numbers shown) or the public view */
  | { readonly type: 'view' }
  /** the host wrote the recovery copy to `file` */
  | { readonly type: 'recovered'; readonly file: string }
  /** a key that would lose unsaved inputs: warn, and wait for the same key again */
  | { readonly type: 'confirm'; readonly confirm: 'quit' | 'leave' }
  /** any other key: the warning is withdrawn */
  | { readonly type: 'disarm' }
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
    injectPath: [],
    notice: '',
    scroll: 0,
    // with no team nobody is kept from anything: bots-only sessions show the numbers
    facilitator: teamsOf(game).length === 0,
    recovery: null,
    confirm: null,
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

/** What a session's files are named after: the scenario and the seed ("tutorial-bilateral-seed1"). */
export function sessionBase(game: PlayGame): string {
  return `${game.scenario.id}-seed${game.resolved.seed}`;
}

/** Leaving the session now would lose inputs no file holds. */
export function losesInputs(v: PlayView): boolean {
  return v.game.inputs.length > 0 && unsaved(v);
}

/** The warning before unsaved inputs are lost: what would lose them, and where their copy is. */
function lossWarning(v: PlayView, confirm: 'quit' | 'leave'): string {
  const again = confirm === 'quit' ? 'q again quits' : 'enter again ends it';
  // the file's name is on the exit line and in the picker's warning; here there is room for the fact only
  const copy = v.recovery ? ' (a recovery copy is kept)' : '';
  // a session saved before its last inputs is not unsaved: those inputs are what would be lost
  const state = v.file ? 'the session has changed since it was saved' : 'the session is not saved';
  return `${state}: s saves it, ${again} without saving${copy}`;
}

/** The base of a proposal: the text on the table, or the status quo before there is one. */
function editorBase(game: PlayGame): readonly number[] {
  const text = game.snapshot.context.text;
  return text.length ? text : game.scenario.issues.map((x) => x.statusQuo);
}

/** The terms an editor changed, as a move's term sheet (issue id → option id or number). */
function editedTerms(scenario: Scenario, editor: SandboxState): Record<string, string | number> {
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

/** Fires an inject, or shows why it was refused; either way the list closes. Recorded as every input is. */
function fire(v: PlayView, event: InjectEvent): PlayView {
  const closed = { ...v, prompt: null, injectPath: [] };
  const r = fireInject(v.game, event);
  if (!r.ok) return { ...closed, notice: `cannot inject: ${r.error}` };
  return withGame(closed, r.game, `injected: ${injectWords(v, r.game, event)}`);
}

/** What an inject did, in a line: an event's title, or the ad-hoc effect — without numbers in the public view. */
function injectWords(v: PlayView, after: PlayGame, event: InjectEvent): string {
  const scenario = v.game.scenario;
  if ('event' in event) return scenario.events.find((e) => e.id === event.event)?.title ?? event.event;
  const e = event.effect;
  const name = (id: string) => actorInSentence(scenario, id);
  switch (e.kind) {
    case 'set-reservation':
    case 'shift-reservation': {
      const k = scenario.actors.findIndex((a) => a.id === e.actor);
      const from = context(v.game).reservations[k] ?? 0;
      const to = context(after).reservations[k] ?? 0;
      return showsNumbers(v)
        ? `${possessive(name(e.actor))} value of no deal: ${from.toFixed(3)} → ${to.toFixed(3)} (ad hoc)`
        : `${publicShift(name(e.actor), from, to)} (ad hoc)`;
    }
    case 'set-weight':
      return `${name(e.actor)} changes the weight it gives ${scenario.issues.find((x) => x.id === e.issue)?.label ?? e.issue} (ad hoc)`;
    case 'drop-red-line':
      return `${name(e.actor)} drops its red line: ${redLineText(scenario, e.actor, e.redLine)} (ad hoc)`;
    case 'table':
      return `${scenario.documents.find((d) => d.id === e.document)?.title ?? e.document} goes on the table (ad hoc)`;
    case 'walk-out':
      return `${name(e.actor)} walks out (ad hoc)`;
    case 'goodwill': {
      // what it did is on the inject entry it just logged
      const note = context(after)
        .transcript.findLast((x) => x.kind === 'inject')
        ?.effects.find((x) => x.kind === 'goodwill');
      const words = goodwillWords(
        name(e.actor),
        note?.patienceRenewed === true,
        note?.blameForgiven === true,
        true,
      );
      return `${words} (ad hoc)`;
    }
  }
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
    case 'inject':
      return fire(v, { type: 'INJECT', event: a.event });
    case 'inject-effect':
      return fire(v, { type: 'INJECT', effect: a.effect });
    case 'inject-pick': {
      const path = [...v.injectPath, a.value];
      const next = injectStep(v.game, path, showsNumbers(v));
      if (next.kind === 'menu') return { ...v, injectPath: path };
      if (next.kind === 'cancel') return { ...v, prompt: null, injectPath: [], notice: 'nothing injected' };
      return fire(v, next.inject);
    }
    case 'prompt':
      return { ...v, prompt: a.prompt, injectPath: [], notice: '' };
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
    case 'reported':
      return {
        ...v,
        prompt: null,
        // the report is of the session as it stands; say so when the session file lags behind it
        notice: `Report written to ${a.file}${v.file && unsaved(v) ? ' (of the session as it stands: s saves the session too)' : ''}`,
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
    case 'recovered':
      return { ...v, recovery: a.file };
    case 'confirm':
      return { ...v, confirm: a.confirm, notice: lossWarning(v, a.confirm) };
    case 'disarm':
      return v.confirm ? { ...v, confirm: null, notice: '' } : v;
  }
}

/** esc: close what is open, innermost first; null when nothing is (the screen itself goes back). */
export function closeTop(v: PlayView): PlayView | null {
  // the inject list steps back one pick at a time
  if (v.prompt === 'inject' && v.injectPath.length) return { ...v, injectPath: v.injectPath.slice(0, -1) };
  if (v.prompt) return { ...v, prompt: null, injectPath: [] };
  const t = v.turn;
  if (t?.stage === 'asks' || t?.stage === 'terms') return { ...v, turn: { ...t, stage: 'brief', error: '' } };
  // hiding the briefing keeps the edits, so the team can come back to them
  if (t?.stage === 'brief') return { ...v, turn: { ...t, stage: 'gate', error: '' } };
  return null;
}

/** A red line's words, by its actor and id. */
function redLineText(scenario: Scenario, actor: string, id: string): string {
  return scenario.actors.find((a) => a.id === actor)?.redLines.find((r) => r.id === id)?.text ?? id;
}

/** An input in words, for the rewind notice. */
function describeInput(scenario: Scenario, e: PlayGame['inputs'][number]): string {
  const name = (id: string) => actorInSentence(scenario, id);
  switch (e.type) {
    case 'STEP':
      return 'a step';
    case 'PAUSE':
      return 'the pause';
    case 'RESUME':
      return 'the resume';
    case 'INJECT':
      return 'event' in e
        ? `the inject ${inQuotes(scenario.events.find((x) => x.id === e.event)?.title ?? e.event)}`
        : `the ad-hoc inject (${AD_HOC_WORDS[e.effect.kind]})`;
    case 'HUMAN_MOVE':
      return `${possessive(name(e.actor))} ${e.move.type}`;
  }
}
