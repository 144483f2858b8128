// The explorer's state: which screen is showing, what is selected, and the sandbox. One reducer, one action union.
// Screens are switched here and in app.tsx only, so a new screen (the negotiation engine's) is one more kind.
import type { Scenario } from '../../domain/types.ts';
import { displayOrder, optionOrder } from './order.ts';
import {
  currentPackage,
  openSandbox,
  type SandboxAction,
  type SandboxState,
  sandboxReducer,
} from './sandbox.ts';

export type ScreenKind = 'overview' | 'sandbox' | 'analysis' | 'picker';
export type Overlay = 'help' | 'issue' | null;

export interface AppState {
  readonly scenario: Scenario;
  readonly screen: ScreenKind;
  /** the screens esc returns to, most recent last */
  readonly back: readonly ScreenKind[];
  readonly overlay: Overlay;
  /** the selected document on the overview */
  readonly documentRow: number;
  /** which overview pane the arrows move */
  readonly overviewFocus: 'documents' | 'actors';
  /** null until a document is opened */
  readonly sandbox: SandboxState | null;
  /** the selected option row of the issue overlay (stepping order) */
  readonly issueRow: number;
  /** the selected row of the concessions list */
  readonly concessionRow: number;
  /** the document whose minimal concessions were asked for (c), or null */
  readonly concessionsFor: string | null;
}

export type AppAction =
  | { readonly type: 'open-scenario'; readonly scenario: Scenario }
  | { readonly type: 'go'; readonly screen: ScreenKind }
  | { readonly type: 'back' }
  | { readonly type: 'overlay'; readonly overlay: Overlay }
  | { readonly type: 'move-document'; readonly delta: number }
  | { readonly type: 'toggle-overview-focus' }
  | { readonly type: 'open-document'; readonly document: string }
  | { readonly type: 'sandbox'; readonly action: SandboxAction }
  | { readonly type: 'move-issue-option'; readonly delta: number; readonly count: number }
  | {
      readonly type: 'load';
      readonly document: string;
      readonly pkg: ArrayLike<number>;
      readonly label: string;
    }
  | { readonly type: 'compute-concessions'; readonly document: string }
  | { readonly type: 'move-concession'; readonly delta: number; readonly count: number };

export function initialState(scenario: Scenario): AppState {
  return {
    scenario,
    screen: 'overview',
    back: [],
    overlay: null,
    documentRow: 0,
    overviewFocus: 'documents',
    sandbox: null,
    issueRow: 0,
    concessionRow: 0,
    concessionsFor: null,
  };
}

/** The document the analysis screen and the sandbox work on: the open one, else the one selected. */
export function activeDocument(s: AppState): string | undefined {
  return s.sandbox?.document ?? s.scenario.documents[s.documentRow]?.id;
}

/** The row of the selected issue's current option, in stepping order. */
function selectedOptionRow(s: AppState): number {
  if (!s.sandbox) return 0;
  const issue = s.scenario.issues[displayOrder(s.scenario)[s.sandbox.row]!]!;
  return Math.max(0, optionOrder(issue).indexOf(currentPackage(s.sandbox)[issue.index]!));
}

function go(s: AppState, screen: ScreenKind): AppState {
  if (screen === s.screen) return { ...s, overlay: null };
  const at = s.back.indexOf(screen);
  const back = at >= 0 ? s.back.slice(0, at) : [...s.back, s.screen];
  return { ...s, screen, back, overlay: null };
}

function clamp(x: number, count: number): number {
  return Math.max(0, Math.min(count - 1, x));
}

function withSandbox(s: AppState, document: string): AppState {
  if (s.sandbox?.document === document) return s;
  return { ...s, sandbox: openSandbox(s.scenario, document), concessionRow: 0 };
}

export function appReducer(s: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'open-scenario':
      return initialState(action.scenario);
    case 'go':
      return go(s, action.screen);
    case 'back': {
      if (s.overlay) return { ...s, overlay: null };
      const previous = s.back.at(-1);
      return previous ? { ...s, screen: previous, back: s.back.slice(0, -1) } : s;
    }
    case 'overlay':
      return {
        ...s,
        overlay: action.overlay,
        issueRow: action.overlay === 'issue' ? selectedOptionRow(s) : s.issueRow,
      };
    case 'move-document':
      return { ...s, documentRow: clamp(s.documentRow + action.delta, s.scenario.documents.length) };
    case 'toggle-overview-focus':
      return { ...s, overviewFocus: s.overviewFocus === 'documents' ? 'actors' : 'documents' };
    case 'open-document':
      return go(withSandbox(s, action.document), 'sandbox');
    case 'sandbox':
      return s.sandbox ? { ...s, sandbox: sandboxReducer(s.scenario, s.sandbox, action.action) } : s;
    case 'move-issue-option':
      return { ...s, issueRow: clamp(s.issueRow + action.delta, action.count) };
    case 'load': {
      const opened = withSandbox(s, action.document);
      const sandbox = sandboxReducer(s.scenario, opened.sandbox!, {
        type: 'apply',
        pkg: action.pkg,
        label: action.label,
      });
      return go({ ...opened, sandbox }, 'sandbox');
    }
    case 'compute-concessions':
      return { ...s, concessionsFor: action.document, concessionRow: 0 };
    case 'move-concession':
      return { ...s, concessionRow: clamp(s.concessionRow + action.delta, action.count) };
  }
}
