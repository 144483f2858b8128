// Every key of the explorer, per context: the handlers match keys through these tables and the help overlay
// and the status line print them, so what the help says is what the keys do. The keys of a game being played are
// in keys-play.ts; KEY_TABLES below gathers both.
import type { Key } from 'ink';
import { bind, down, type KeyBinding, letter, up } from './key-binding.ts';
import {
  ASKS_KEYS,
  FILE_KEYS,
  OUTCOME_KEYS,
  PLAY_KEYS,
  PROMPT_KEYS,
  SETUP_KEYS,
  TERMS_KEYS,
  TURN_KEYS,
} from './keys-play.ts';

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
  {
    id: 'page-up',
    keys: 'pgup',
    does: "scroll the selected document's detail up",
    match: (_, k) => k.pageUp,
  },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: "scroll the selected document's detail down, when it does not fit (its contested terms)",
    match: (_, k) => k.pageDown,
  },
  // no hint: the summary's last row names the key where the overview cuts it, the only time it is needed
  letter('summary', 'i', "the scenario's summary whole, where the overview cuts it (… i: whole summary)"),
]);

export const TIMELINE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document', match: up },
  { id: 'down', keys: '↓ j', does: 'next document', hint: '↑↓ document', match: down },
  OPEN_DOCUMENT,
  {
    id: 'page-up',
    keys: 'pgup',
    does: "scroll the document's dated positions up",
    match: (_, k) => k.pageUp,
  },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: "scroll the document's dated positions down, when they do not fit",
    match: (_, k) => k.pageDown,
  },
]);

export const EVIDENCE_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous document', match: up },
  { id: 'down', keys: '↓ j', does: 'next document', hint: '↑↓ document', match: down },
  { id: 'page-up', keys: 'pgup', does: 'scroll what flips the document up', match: (_, k) => k.pageUp },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: 'scroll what flips the document down, when it does not fit',
    match: (_, k) => k.pageDown,
  },
]);

export const SANDBOX_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'previous issue (or scroll the verdicts up)', match: up },
  {
    id: 'down',
    keys: '↓ j',
    does: 'next issue (or scroll the verdicts down)',
    hint: (s) => (s.verdictsFocused ? '↑↓ scroll' : '↑↓ issue'),
    offered: (s) => !s.verdictsFocused || s.verdictsOverflow,
    match: down,
  },
  {
    id: 'page-up',
    keys: 'pgup',
    does: 'ten issues up (or a page of the verdicts)',
    match: (_, k) => k.pageUp,
  },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: 'ten issues down (or a page of the verdicts)',
    match: (_, k) => k.pageDown,
  },
  {
    id: 'focus',
    keys: 'tab',
    does: 'switch between the terms and the verdicts, when the verdicts are more than their pane shows',
    hint: (s) => (s.verdictsFocused ? 'tab terms' : 'tab verdicts'),
    offered: (s) => s.verdictsFocused || s.verdictsOverflow,
    match: (_, k) => k.tab,
  },
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
  {
    id: 'page-up',
    keys: 'pgup',
    does: "scroll the issue's explanation up",
    match: (_, k) => k.pageUp,
  },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: "scroll the issue's explanation down, when it does not fit (the notes under the table, its red lines and rules)",
    match: (_, k) => k.pageDown,
  },
]);

export const ANALYSIS_KEYS = bind([
  {
    id: 'solution',
    keys: '1–4',
    does: 'load that bargaining solution into the sandbox',
    hint: '1–4 load',
    offered: (s) => s.solutions,
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
  {
    id: 'page-up',
    keys: 'pgup',
    does: "scroll the selected set's detail up",
    match: (_, k) => k.pageUp,
  },
  {
    id: 'page-down',
    keys: 'pgdn',
    does: "scroll the selected set's detail down (its margins and who still rejects it), when it does not fit",
    match: (_, k) => k.pageDown,
  },
]);

const PICKER_KEYS = bind([
  {
    id: 'move',
    keys: '↑ ↓',
    does: 'choose a scenario',
    hint: '↑↓ choose',
    match: (_, k) => k.upArrow || k.downArrow,
  },
  { id: 'open', keys: 'enter', does: 'open it', hint: '↵ open', match: (_, k) => k.return },
]);

export const SCROLL_KEYS = bind([
  { id: 'up', keys: '↑ k', does: 'scroll up', match: up },
  { id: 'down', keys: '↓ j', does: 'scroll down', hint: '↑↓ scroll', match: down },
  { id: 'page-up', keys: 'pgup', does: 'a page up', match: (_, k) => k.pageUp },
  { id: 'page-down', keys: 'pgdn', does: 'a page down', match: (_, k) => k.pageDown },
]);

/** the scenario's summary whole (i on the overview): it scrolls when it does not fit, and says so under it */
export const SUMMARY_KEYS = bind([
  // no scroll hint in the status line: the summary's own scroll line offers the arrows when it does not fit
  { id: 'up', keys: '↑ k', does: 'scroll up', match: up },
  { id: 'down', keys: '↓ j', does: 'scroll down', match: down },
  { id: 'page-up', keys: 'pgup', does: 'a page up', match: (_, k) => k.pageUp },
  { id: 'page-down', keys: 'pgdn', does: 'a page down', match: (_, k) => k.pageDown },
  letter('close', 'i', 'close', 'i close'),
]);

export type KeyContext =
  | 'overview'
  | 'summary'
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
  summary: SUMMARY_KEYS,
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
