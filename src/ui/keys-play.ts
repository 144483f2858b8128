import { bind, down, letter, NEVER, type Situation, up } from './key-binding.ts';

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
