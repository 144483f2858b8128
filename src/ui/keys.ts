// Every key of the explorer, per context: the handlers match keys through these tables and the help overlay
// and the status line print them, so what the help says is what the keys do.
import type { Key } from 'ink';

export interface KeyBinding<Id extends string = string> {
  readonly id: Id;
  /** how the help writes the key */
  readonly keys: string;
  readonly does: string;
  /** its short form in the status line, key included */
  readonly hint?: string;
  readonly match: (input: string, key: Key) => boolean;
}

function bind<const T extends readonly KeyBinding[]>(table: T): T {
  return table;
}

/** A binding for one plain letter, the commonest kind. */
function letter<const Id extends string>(id: Id, key: string, does: string, hint?: string): KeyBinding<Id> {
  return { id, keys: key, does, ...(hint === undefined ? {} : { hint }), match: (i) => i === key };
}

const up = (i: string, k: Key) => k.upArrow || i === 'k';
const down = (i: string, k: Key) => k.downArrow || i === 'j';

export const GLOBAL_KEYS = bind([
  letter('help', '?', 'show or hide this help', '? help'),
  {
    id: 'back',
    keys: 'esc',
    does: 'close the overlay, or go back a screen',
    hint: 'esc back',
    match: (_, k) => k.escape,
  },
  {
    id: 'quit',
    keys: 'q  ctrl-c',
    does: 'quit',
    hint: 'q quit',
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
    hint: '↑↓ document',
    match: down,
  },
  OPEN_DOCUMENT,
  {
    id: 'focus',
    keys: 'tab',
    does: 'switch between the documents and the actors',
    hint: 'tab actors',
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
]);

export const TIMELINE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document', match: up },
  { id: 'down', keys: '↓ j', does: 'next document', hint: '↑↓ document', match: down },
  OPEN_DOCUMENT,
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
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  { id: 'redo', keys: 'r  ctrl-r', does: 'redo', hint: 'r redo', match: (i) => i === 'r' },
  {
    id: 'reset',
    keys: '0  backspace',
    does: 'reset every term to the document as tabled (undoable)',
    hint: '0 reset',
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
  letter('concessions', 'c', 'compute the minimal concessions for the document', 'c concessions'),
  { id: 'up', keys: '↑ k', does: 'previous concession set', match: up },
  { id: 'down', keys: '↓ j', does: 'next concession set', hint: '↑↓ set', match: down },
  {
    id: 'apply',
    keys: 'enter',
    does: 'apply the concession set to the sandbox',
    hint: '↵ apply',
    match: (_, k) => k.return,
  },
]);

export const PICKER_KEYS = bind([
  { id: 'move', keys: '↑ ↓', does: 'choose a scenario', match: (_, k) => k.upArrow || k.downArrow },
  { id: 'open', keys: 'enter', does: 'open it', hint: '↵ open', match: (_, k) => k.return },
]);

export const SETUP_KEYS = bind([
  {
    id: 'toggle',
    keys: 'space',
    does: 'teams: play this actor (or let a bot play it)',
    match: (i) => i === ' ',
  },
  { id: 'up', keys: '↑ k', does: 'previous actor', match: (_, k) => k.upArrow },
  { id: 'down', keys: '↓ j', does: 'next actor', match: (_, k) => k.downArrow },
  {
    id: 'kind',
    keys: '← →',
    does: "bots: the selected bot's strategy",
    hint: '←→ strategy',
    match: (_, k) => k.leftArrow || k.rightArrow,
  },
  {
    id: 'next',
    keys: 'enter',
    does: 'take the field and go to the next; on Start, start',
    hint: '↵ next',
    match: (_, k) => k.return,
  },
]);

export const PLAY_KEYS = bind([
  {
    id: 'step',
    keys: 'space  n',
    does: 'step: advance the negotiation one phase',
    hint: '␣ step',
    match: (i) => i === ' ' || i === 'n',
  },
  {
    id: 'run',
    keys: 'r',
    does: "run to the next team's turn, or to the end",
    hint: 'r run',
    match: (i, k) => i === 'r' && !k.ctrl,
  },
  {
    id: 'enter',
    keys: 'enter',
    does: "at the privacy gate: open the team's private briefing; after a move: go on",
    hint: '↵ turn',
    match: (_, k) => k.return,
  },
  letter(
    'inject',
    'i',
    'inject a manual scenario event, or an ad-hoc one: shift a value of no deal, drop a red line, table a document, walk out',
    'i inject',
  ),
  letter('pause', 'z', 'pause or resume the talks', 'z pause'),
  {
    id: 'rewind',
    keys: 'u',
    does: 'rewind one input (the session replayed without its last input)',
    hint: 'u rewind',
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

export const TURN_KEYS = bind([
  letter('accept', 'a', 'accept the text on the table', 'a accept'),
  letter('reject', 'x', 'reject it, naming the issues to change', 'x reject'),
  letter('edit', 'e', 'propose (or revise) a text: edit its terms', 'e edit terms'),
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
    match: (i, k) => i === 'u' && !k.ctrl,
  },
  letter('redo', 'r', 'redo'),
  letter('reset', '0', 'back to the text on the table'),
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
  { id: 'toggle', keys: 'space', does: 'pick or drop (a list of issues)', match: (i) => i === ' ' },
  { id: 'confirm', keys: 'enter', does: 'confirm', hint: '↵ confirm', match: (_, k) => k.return },
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
  | 'picker'
  | 'setup'
  | 'play'
  | 'turn'
  | 'terms'
  | 'outcome'
  | 'prompt'
  | 'timeline'
  | 'help';

export const KEY_TABLES: Readonly<Record<KeyContext, readonly KeyBinding[]>> = {
  overview: OVERVIEW_KEYS,
  sandbox: SANDBOX_KEYS,
  issue: ISSUE_KEYS,
  analysis: ANALYSIS_KEYS,
  picker: PICKER_KEYS,
  setup: SETUP_KEYS,
  play: PLAY_KEYS,
  turn: TURN_KEYS,
  terms: TERMS_KEYS,
  outcome: OUTCOME_KEYS,
  prompt: PROMPT_KEYS,
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
