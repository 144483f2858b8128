// Undo and redo by patches: every change is recorded with immer's patches and their inverse, so undo replays the
// inverse and redo the forward patches (immer `produceWithPatches` / `applyPatches`).
import {
  applyPatches,
  type Draft,
  enablePatches,
  type Objectish,
  type Patch,
  produceWithPatches,
} from 'immer';

enablePatches();

interface Step {
  /** what the change did, in words, for the status line */
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
}

export interface History<T> {
  readonly present: T;
  /** oldest first */
  readonly past: readonly Step[];
  /** the next redo first */
  readonly future: readonly Step[];
}

export function startHistory<T extends Objectish>(present: T): History<T> {
  return { present, past: [], future: [] };
}

/** Applies a change; a change that changes nothing leaves the history as it is (and the redo stack intact). */
export function commit<T extends Objectish>(
  h: History<T>,
  label: string,
  recipe: (draft: Draft<T>) => void,
): History<T> {
  const [next, patches, inverse] = produceWithPatches(h.present, recipe);
  if (patches.length === 0) return h;
  return { present: next as T, past: [...h.past, { label, patches, inverse }], future: [] };
}

export function undo<T extends Objectish>(h: History<T>): History<T> {
  const step = h.past.at(-1);
  if (!step) return h;
  return {
    present: applyPatches(h.present, step.inverse),
    past: h.past.slice(0, -1),
    future: [step, ...h.future],
  };
}

export function redo<T extends Objectish>(h: History<T>): History<T> {
  const step = h.future[0];
  if (!step) return h;
  return {
    present: applyPatches(h.present, step.patches),
    past: [...h.past, step],
    future: h.future.slice(1),
  };
}
