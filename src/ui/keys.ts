// Every key of the explorer, per context: the handlers match keys through these tables and the help overlay
// and the status line print them, so what the help says is what the keys do.
import type { Key } from 'ink';

/**
 * What the screen is doing now, as far as the keys care: which keys do something, and what they do. The status line
 * offers a key only when it does something here (a step while a team's gate is open does not).
 */
export interface Situation {
  /** a text field has the keyboard: q and ? are letters there */
  readonly typing: boolean;
  /** esc has somewhere to go back to */
  readonly canGoBack: boolean;
  /** the overview's arrows move the actors (after tab), not the documents */
  readonly actorsFocused: boolean;
  /** the overview's actors are more than their pane shows (tab and the arrows scroll them) */
  readonly actorsOverflow: boolean;
  /** the sandbox's history */
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** the sandbox differs from the document as tabled */
  readonly changed: boolean;
  /** the analysis screen lists minimal concessions (c was pressed for this document) */
  readonly concessions: boolean;
  /** the setup form's field */
  readonly field: string | null;
  /** play: a team's gate or its recorded move is open (enter goes on; step and run wait) */
  readonly turnOpen: boolean;
  readonly paused: boolean;
  /** play: inputs so far (rewind needs one) */
  readonly inputs: number;
  /** a team's turn: what it must do */
  readonly move: 'respond' | 'propose' | 'revise' | null;
  /** a file prompt: what enter does with the name */
  readonly file: 'save' | 'fork' | 'report' | null;
}

export const NO_SITUATION: Situation = {
  typing: false,
  canGoBack: true,
  actorsFocused: false,
  actorsOverflow: true,
  canUndo: true,
  canRedo: true,
  changed: true,
  concessions: true,
  field: null,
  turnOpen: false,
  paused: false,
  inputs: 1,
  move: null,
  file: null,
};

export interface KeyBinding<Id extends string = string> {
  readonly id: Id;
  /** how the help writes the key */
  readonly keys: string;
  readonly does: string;
  /** its short form in the status line, key included (it may depend on the situation) */
  readonly hint?: string | ((s: Situation) => string);
  /** whether the key does something now (default: always); the status line offers only such keys */
  readonly offered?: (s: Situation) => boolean;
  readonly match: (input: string, key: Key) => boolean;
}

function bind<const T extends readonly KeyBinding[]>(table: T): T {
  return table;
}

/** The hints of `table` for the keys that do something in `situation`, in order. */
export function offeredHints(table: readonly KeyBinding[], situation: Situation): string[] {
  return table.flatMap((b) => {
    if (b.hint === undefined || (b.offered && !b.offered(situation))) return [];
    return [typeof b.hint === 'string' ? b.hint : b.hint(situation)];
  });
}

/** Documents a key a component reads itself (a text field's typing): listed, never matched through the table. */
const NEVER = () => false;

/** A binding for one plain letter, the commonest kind. */
function letter<const Id extends string>(id: Id, key: string, does: string, hint?: string): KeyBinding<Id> {
  return { id, keys: key, does, ...(hint === undefined ? {} : { hint }), match: (i) => i === key };
}

const up = (i: string, k: Key) => k.upArrow || i === 'k';
const down = (i: string, k: Key) => k.downArrow || i === 'j';

export const GLOBAL_KEYS = bind([
  { ...letter('help', '?', 'show or hide this help', '? help'), offered: (s) => !s.typing },
  {
    id: 'back',
    keys: 'esc',
    does: 'close the overlay, or go back a screen',
    hint: 'esc back',
    offered: (s) => s.canGoBack,
    match: (_, k) => k.escape,
  },
  {
    id: 'quit',
    keys: 'q  ctrl-c',
    does: 'quit',
    hint: 'q quit',
    offered: (s) => !s.typing,
    match: (i, k) => (i === 'q' && !k.ctrl) || (i === 'c' && k.ctrl),
  },
]);

/** enter on a list of documents (the overview, the timeline) */
const OPEN_DOCUMENT = {
  id: 'open',
  keys: 'enter',
  does: 'open the document in the sandbox',
  hint: '↵ open',
  match: (_: string, k: Key) => k.return,
} as const satisfies KeyBinding;

export const OVERVIEW_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document (or scroll the actors up)', match: up },
  {
    id: 'down',
    keys: '↓ j',
    does: 'next document (or scroll the actors down)',
    hint: (s) => (s.actorsFocused ? '↑↓ scroll' : '↑↓ ↵ open'),
    offered: (s) => !s.actorsFocused || s.actorsOverflow,
    match: down,
  },
  // enter opens the selected document here too; its hint shares the arrows' ("↑↓ ↵ open"), to fit 80 columns
  { id: 'open', keys: OPEN_DOCUMENT.keys, does: OPEN_DOCUMENT.does, match: OPEN_DOCUMENT.match },
  {
    id: 'focus',
    keys: 'tab',
    does: 'switch between the documents and the actors',
    hint: (s) => (s.actorsFocused ? 'tab documents' : 'tab actors'),
    offered: (s) => s.actorsFocused || s.actorsOverflow,
    match: (_, k) => k.tab,
  },
  letter('analysis', 'a', 'analysis of the scenario and the selected document', 'a analysis'),
  letter('pick', 's', 'pick another shipped scenario', 's scenarios'),
  letter(
    'play',
    'p',
    'play a session: teams play actors, bots the rest (or return to the session in progress)',
    'p play',
  ),
  letter('order', 'o', 'list the documents by date (oldest first) or as in the scenario file', 'o order'),
  letter(
    'timeline',
    't',
    "the timeline: every document by date, each actor's verdict with the positions of that date",
    't timeline',
  ),
  letter(
    'evidence',
    'e',
    'the evidence: which verdicts the record settles, which depend on the model, and what flips each',
    'e evidence',
  ),
]);

export const TIMELINE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document', match: up },
  { id: 'down', keys: '↓ j', does: 'next document', hint: '↑↓ document', match: down },
  OPEN_DOCUMENT,
]);

export const EVIDENCE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document', match: up },
  { id: 'down', keys: '↓ j', does: 'next document', hint: '↑↓ document', match: down },
]);

export const SANDBOX_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous issue', match: up },
  { id: 'down', keys: '↓ j', does: 'next issue', hint: '↑↓ issue', match: down },
  { id: 'page-up', keys: 'pgup', does: 'ten issues up', match: (_, k) => k.pageUp },
  { id: 'page-down', keys: 'pgdn', does: 'ten issues down', match: (_, k) => k.pageDown },
  { id: 'left', keys: '← h', does: "the issue's previous option", match: (i, k) => k.leftArrow || i === 'h' },
  {
    id: 'right',
    keys: '→ l',
    does: "the issue's next option",
    hint: '←→ change',
    match: (i, k) => k.rightArrow || i === 'l',
  },
  letter('info', 'i', 'the issue explained: every option and what each actor makes of it', 'i explain'),
  {
    id: 'undo',
    keys: 'u',
    does: 'undo the last change',
    hint: 'u undo',
    offered: (s) => s.canUndo,
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  {
    id: 'redo',
    keys: 'r  ctrl-r',
    does: 'redo',
    hint: 'r redo',
    offered: (s) => s.canRedo,
    match: (i) => i === 'r',
  },
  {
    id: 'reset',
    keys: '0  backspace',
    does: 'reset every term to the document as tabled (undoable)',
    hint: '0 reset',
    offered: (s) => s.changed,
    match: (i, k) => i === '0' || k.backspace || k.delete,
  },
  letter('analysis', 'a', 'analysis: bargaining solutions and minimal concessions', 'a analysis'),
]);

export const ISSUE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous option', match: up },
  { id: 'down', keys: '↓ j', does: 'next option', match: down },
  {
    id: 'choose',
    keys: 'enter',
    does: 'put the option in the sandbox',
    hint: '↑↓ option · ↵ choose',
    match: (_, k) => k.return,
  },
  letter('close', 'i', 'close'),
]);

export const ANALYSIS_KEYS = bind([
  {
    id: 'solution',
    keys: '1–4',
    does: 'load that bargaining solution into the sandbox',
    hint: '1–4 load',
    match: (i) => /^[1-4]$/.test(i),
  },
  {
    ...letter('concessions', 'c', 'compute the minimal concessions for the document', 'c concessions'),
    offered: (s) => !s.concessions,
  },
  { id: 'up', keys: '↑ k', does: 'previous concession set', match: up },
  {
    id: 'down',
    keys: '↓ j',
    does: 'next concession set',
    hint: '↑↓ set',
    offered: (s) => s.concessions,
    match: down,
  },
  {
    id: 'apply',
    keys: 'enter',
    does: 'apply the concession set to the sandbox',
    hint: '↵ apply',
    offered: (s) => s.concessions,
    match: (_, k) => k.return,
  },
]);

export const PICKER_KEYS = bind([
  {
    id: 'move',
    keys: '↑ ↓',
    does: 'choose a scenario',
    hint: '↑↓ choose',
    match: (_, k) => k.upArrow || k.downArrow,
  },
  { id: 'open', keys: 'enter', does: 'open it', hint: '↵ open', match: (_, k) => k.return },
]);

const TEXT_FIELDS = ['seed', 'rounds', 'minutes'];

export const SETUP_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous actor', match: (i, k) => k.upArrow || i === 'k' },
  {
    id: 'down',
    keys: '↓ j',
    does: 'next actor',
    hint: '↑↓ actor',
    offered: (s) => s.field === 'teams' || s.field === 'bots',
    match: (i, k) => k.downArrow || i === 'j',
  },
  {
    id: 'toggle',
    keys: 'space',
    does: 'teams: play this actor (or let a bot play it)',
    hint: '␣ pick',
    offered: (s) => s.field === 'teams',
    match: (i) => i === ' ',
  },
  {
    id: 'kind',
    keys: '← →',
    does: "bots: the selected bot's strategy",
    hint: '←→ strategy',
    offered: (s) => s.field === 'bots',
    match: (_, k) => k.leftArrow || k.rightArrow,
  },
  {
    id: 'type',
    keys: '0–9  ctrl-u',
    does: 'seed, rounds, time box: type the number (backspace deletes, ctrl-u clears)',
    hint: '0–9 type',
    offered: (s) => TEXT_FIELDS.includes(s.field ?? ''),
    match: NEVER,
  },
  {
    id: 'next',
    keys: 'enter',
    does: 'take the field and go to the next; on Start, start',
    hint: (s) => (s.field === 'start' ? '↵ start' : '↵ next'),
    match: (_, k) => k.return,
  },
]);

export const PLAY_KEYS = bind([
  {
    id: 'step',
    keys: 'space  n',
    does: 'step: advance the negotiation one phase',
    hint: '␣ step',
    offered: (s) => !s.turnOpen && !s.paused,
    match: (i) => i === ' ' || i === 'n',
  },
  {
    id: 'run',
    keys: 'r',
    does: "run to the next team's turn, or to the end",
    hint: 'r run',
    offered: (s) => !s.turnOpen && !s.paused,
    match: (i, k) => i === 'r' && !k.ctrl,
  },
  {
    id: 'enter',
    keys: 'enter',
    does: "at the privacy gate: open the team's private briefing; after a move: go on",
    hint: '↵ turn',
    offered: (s) => s.turnOpen,
    match: (_, k) => k.return,
  },
  {
    ...letter(
      'inject',
      'i',
      'inject a manual scenario event, or an ad-hoc one: shift a value of no deal, drop a red line, table a document, walk out',
      'i inject',
    ),
    offered: (s) => s.inputs > 0,
  },
  {
    id: 'pause',
    keys: 'z',
    does: 'pause or resume the talks',
    hint: (s) => (s.paused ? 'z resume' : 'z pause'),
    // the talks cannot pause, nor take an inject, before round 1 opens
    offered: (s) => s.inputs > 0,
    match: (i) => i === 'z',
  },
  {
    id: 'rewind',
    keys: 'u',
    does: 'rewind one input (the session replayed without its last input)',
    hint: 'u rewind',
    offered: (s) => s.inputs > 0,
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  letter('save', 's', 'save the session (asks for a file the first time)', 's save'),
  letter('fork', 'f', 'fork: save under a new name and go on there', 'f fork'),
  letter(
    'report',
    'w',
    'write the after-action report of the session as it stands (next to the session file, or asks for a name; .md for markdown)',
    'w report',
  ),
  // no hint: the play screen's own status line says which view is on, and how to switch
  letter(
    'view',
    'v',
    "facilitator view: show every actor's numbers (utility, what it holds out for, no deal), or hide them again; a team's gate always hides them",
  ),
  { id: 'up', keys: '↑ k', does: 'scroll the transcript back', match: (i, k) => k.upArrow || i === 'k' },
  {
    id: 'down',
    keys: '↓ j',
    does: 'scroll the transcript forward',
    match: (i, k) => k.downArrow || i === 'j',
  },
  { id: 'page-up', keys: 'pgup', does: 'a page back', match: (_, k) => k.pageUp },
  { id: 'page-down', keys: 'pgdn', does: 'a page forward', match: (_, k) => k.pageDown },
]);

const answers = (s: Situation) => s.move === 'respond';

export const TURN_KEYS = bind([
  { ...letter('accept', 'a', 'accept the text on the table', 'a accept'), offered: answers },
  { ...letter('reject', 'x', 'reject it, naming the issues to change', 'x reject'), offered: answers },
  {
    ...letter('edit', 'e', 'propose (or revise) a text: edit its terms', 'e edit terms'),
    offered: (s) => s.move !== null && !answers(s),
  },
]);

export const TERMS_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous issue', match: up },
  { id: 'down', keys: '↓ j', does: 'next issue', hint: '↑↓ issue', match: down },
  { id: 'left', keys: '← h', does: "the issue's previous option", match: (i, k) => k.leftArrow || i === 'h' },
  {
    id: 'right',
    keys: '→ l',
    does: "the issue's next option",
    hint: '←→ change',
    match: (i, k) => k.rightArrow || i === 'l',
  },
  {
    id: 'undo',
    keys: 'u',
    does: 'undo the last change',
    hint: 'u undo',
    offered: (s) => s.canUndo,
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  { ...letter('redo', 'r', 'redo', 'r redo'), offered: (s) => s.canRedo },
  { ...letter('reset', '0', 'back to the text on the table', '0 reset'), offered: (s) => s.changed },
  {
    id: 'table',
    keys: 'enter',
    does: 'table the text (the move)',
    hint: '↵ table it',
    match: (_, k) => k.return,
  },
]);

export const OUTCOME_KEYS = bind([
  letter('save', 's', 'save the session', 's save'),
  letter('fork', 'f', 'save under a new name', 'f fork'),
  letter(
    'view',
    'v',
    'facilitator view: what the final text is worth to each actor, or only who accepted it',
  ),
  {
    id: 'rewind',
    keys: 'u',
    does: 'rewind one input: back into the session',
    hint: 'u rewind',
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  {
    id: 'done',
    keys: 'enter',
    does: 'return to the explorer (the session ends)',
    hint: '↵ done',
    match: (_, k) => k.return,
  },
  letter(
    'report',
    'w',
    'write the after-action report of the session for the debrief (next to the session file, or asks for a name; .md for markdown)',
    'w report',
  ),
]);

export const PROMPT_KEYS = bind([
  { id: 'move', keys: '↑ ↓', does: 'choose', hint: '↑↓ choose', match: (_, k) => k.upArrow || k.downArrow },
  {
    id: 'confirm',
    keys: 'enter',
    does: 'pick: the next list, or fire the inject',
    hint: '↵ pick',
    match: (_, k) => k.return,
  },
]);

export const ASKS_KEYS = bind([
  {
    id: 'move',
    keys: '↑ ↓',
    does: 'choose an issue',
    hint: '↑↓ issue',
    match: (_, k) => k.upArrow || k.downArrow,
  },
  { id: 'toggle', keys: 'space', does: 'ask to change it, or not', hint: '␣ pick', match: (i) => i === ' ' },
  {
    id: 'send',
    keys: 'enter',
    does: 'reject, asking to change the issues picked (none: your three costliest)',
    hint: '↵ reject',
    match: (_, k) => k.return,
  },
]);

export const FILE_KEYS = bind([
  {
    id: 'type',
    keys: 'text  ← →',
    does: 'type or paste a file name; ← → move in it, backspace deletes, ctrl-u clears',
    hint: 'type a name',
    match: NEVER,
  },
  {
    id: 'write',
    keys: 'enter',
    does: 'save the session, or write the report, to that file',
    hint: (s) => (s.file === 'report' ? '↵ write' : '↵ save'),
    match: (_, k) => k.return,
  },
]);

export const SCROLL_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'scroll up', match: up },
  { id: 'down', keys: '↓ j', does: 'scroll down', hint: '↑↓ scroll', match: down },
  { id: 'page-up', keys: 'pgup', does: 'a page up', match: (_, k) => k.pageUp },
  { id: 'page-down', keys: 'pgdn', does: 'a page down', match: (_, k) => k.pageDown },
]);

export type KeyContext =
  | 'overview'
  | 'sandbox'
  | 'issue'
  | 'analysis'
  | 'evidence'
  | 'picker'
  | 'setup'
  | 'play'
  | 'turn'
  | 'terms'
  | 'outcome'
  | 'prompt'
  | 'asks'
  | 'file'
  | 'timeline'
  | 'help';

export const KEY_TABLES: Readonly<Record<KeyContext, readonly KeyBinding[]>> = {
  overview: OVERVIEW_KEYS,
  sandbox: SANDBOX_KEYS,
  issue: ISSUE_KEYS,
  analysis: ANALYSIS_KEYS,
  evidence: EVIDENCE_KEYS,
  picker: PICKER_KEYS,
  setup: SETUP_KEYS,
  play: PLAY_KEYS,
  turn: TURN_KEYS,
  terms: TERMS_KEYS,
  outcome: OUTCOME_KEYS,
  prompt: PROMPT_KEYS,
  asks: ASKS_KEYS,
  file: FILE_KEYS,
  timeline: TIMELINE_KEYS,
  help: SCROLL_KEYS,
};

export function whichKey<T extends readonly KeyBinding[]>(
  table: T,
  input: string,
  key: Key,
): T[number]['id'] | undefined {
  return table.find((b) => b.match(input, key))?.id;
}
