// The sandbox: a tabled document's package that the user edits term by term, with undo and redo.
// Every term change goes through the patch history (history.ts), so undo and redo are exact.
import type { Scenario } from '../../domain/types.ts';
import { commit, type History, redo, startHistory, undo } from './history.ts';
import { displayOrder, stepOption } from './order.ts';

interface Terms {
  /** option index per issue, scenario issue order */
  readonly pkg: readonly number[];
}

export interface SandboxState {
  readonly document: string;
  /** the document's package, the reference that changed terms are marked against */
  readonly base: readonly number[];
  readonly history: History<Terms>;
  /** the selected row of the term sheet (display order) */
  readonly row: number;
  /** what the last key did, in words */
  readonly notice: string;
}

export type SandboxAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'move-to'; readonly row: number }
  | { readonly type: 'step-option'; readonly delta: number }
  | { readonly type: 'set-option'; readonly issue: number; readonly option: number }
  | { readonly type: 'apply'; readonly pkg: ArrayLike<number>; readonly label: string }
  | { readonly type: 'reset' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

export function openSandbox(scenario: Scenario, documentId: string): SandboxState {
  const doc = scenario.documents.find((d) => d.id === documentId);
  if (!doc) throw new Error(`no document "${documentId}" in ${scenario.id}`);
  const base = Array.from(doc.package);
  return { document: doc.id, base, history: startHistory<Terms>({ pkg: base }), row: 0, notice: '' };
}

/** A sandbox over any package (a play session's term editor): `label` names it where a document id would. */
export function sandboxOf(base: readonly number[], label: string): SandboxState {
  return {
    document: label,
    base: [...base],
    history: startHistory<Terms>({ pkg: [...base] }),
    row: 0,
    notice: '',
  };
}

export function currentPackage(s: SandboxState): readonly number[] {
  return s.history.present.pkg;
}

/** Issue indices whose option differs from the document's. */
export function changedIssues(s: SandboxState): number[] {
  const pkg = currentPackage(s);
  return s.base.flatMap((o, i) => (pkg[i] === o ? [] : [i]));
}

function optionName(scenario: Scenario, issue: number, option: number): string {
  return scenario.issues[issue]!.options[option]!.label;
}

function setTo(h: History<Terms>, label: string, target: ArrayLike<number>): History<Terms> {
  return commit(h, label, (draft) => {
    for (let i = 0; i < draft.pkg.length; i++) if (draft.pkg[i] !== target[i]) draft.pkg[i] = target[i]!;
  });
}

export function sandboxReducer(scenario: Scenario, s: SandboxState, action: SandboxAction): SandboxState {
  const rows = scenario.issues.length;
  switch (action.type) {
    case 'move':
      return { ...s, row: Math.min(rows - 1, Math.max(0, s.row + action.delta)) };
    case 'move-to':
      return { ...s, row: Math.min(rows - 1, Math.max(0, action.row)) };
    case 'step-option': {
      const issue = displayOrder(scenario)[s.row]!;
      const from = currentPackage(s)[issue]!;
      const to = stepOption(scenario.issues[issue]!, from, action.delta);
      if (to === from)
        return { ...s, notice: `${scenario.issues[issue]!.label}: no option further that way` };
      return changeOption(scenario, s, issue, to);
    }
    case 'set-option':
      return changeOption(scenario, s, action.issue, action.option);
    case 'apply': {
      const history = setTo(s.history, action.label, action.pkg);
      return {
        ...s,
        history,
        notice: history === s.history ? `${action.label}: no term changes` : action.label,
      };
    }
    case 'reset': {
      const history = setTo(s.history, 'reset to the document', s.base);
      return {
        ...s,
        history,
        notice: history === s.history ? 'already the document as tabled' : 'reset to the document',
      };
    }
    case 'undo': {
      const step = s.history.past.at(-1);
      return step
        ? { ...s, history: undo(s.history), notice: `undone: ${step.label}` }
        : { ...s, notice: 'nothing to undo' };
    }
    case 'redo': {
      const step = s.history.future[0];
      return step
        ? { ...s, history: redo(s.history), notice: `redone: ${step.label}` }
        : { ...s, notice: 'nothing to redo' };
    }
  }
}

function changeOption(scenario: Scenario, s: SandboxState, issue: number, to: number): SandboxState {
  const from = currentPackage(s)[issue]!;
  const x = scenario.issues[issue]!;
  if (to < 0 || to >= x.options.length) return s;
  if (to === from) return { ...s, notice: `${x.label}: kept at ${optionName(scenario, issue, from)}` };
  const label = `${x.label}: ${optionName(scenario, issue, from)} → ${optionName(scenario, issue, to)}`;
  const history = commit(s.history, label, (draft) => {
    draft.pkg[issue] = to;
  });
  return { ...s, history, notice: label };
}
