// How a key table is made and read: what the screen is doing (Situation), one binding, the hints the status line
// offers, and which binding a key press matches. The tables themselves are in keys.ts and keys-play.ts.
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
  /** the sandbox's arrows scroll the verdicts (after tab), not move through the issues */
  readonly verdictsFocused: boolean;
  /** the sandbox's verdicts are more than their pane shows (tab and the arrows scroll them) */
  readonly verdictsOverflow: boolean;
  /** the sandbox's history */
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** the sandbox differs from the document as tabled */
  readonly changed: boolean;
  /** the analysis screen lists minimal concessions (c was pressed for this document) */
  readonly concessions: boolean;
  /** the analysis screen lists a bargaining solution to load (none when nothing is feasible or acceptable) */
  readonly solutions: boolean;
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

export function bind<const T extends readonly KeyBinding[]>(table: T): T {
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
export const NEVER = () => false;

/** A binding for one plain letter, the commonest kind. */
export function letter<const Id extends string>(
  id: Id,
  key: string,
  does: string,
  hint?: string,
): KeyBinding<Id> {
  return { id, keys: key, does, ...(hint === undefined ? {} : { hint }), match: (i) => i === key };
}

export const up = (i: string, k: Key) => k.upArrow || i === 'k';
export const down = (i: string, k: Key) => k.downArrow || i === 'j';

export function whichKey<T extends readonly KeyBinding[]>(
  table: T,
  input: string,
  key: Key,
): T[number]['id'] | undefined {
  return table.find((b) => b.match(input, key))?.id;
}
