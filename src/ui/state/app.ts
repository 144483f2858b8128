// The explorer's state: which screen is showing, what is selected, and the sandbox. One reducer, one action union.
// Screens are switched here and in app.tsx only: the play screens (a facilitated session) are two more kinds.
import { positionsAsOf } from '../../domain/positions.ts';
import type { NegotiationDocument, Scenario } from '../../domain/types.ts';
import {
  type DocumentOrder,
  defaultDocumentOrder,
  displayOrder,
  documentIndices,
  optionOrder,
} from './order.ts';
import { isOver, startGame } from './play.ts';
import { openSetup, type SetupAction, type SetupState, setupOptions, setupReducer } from './play-setup.ts';
import { closeTop, losesInputs, openPlay, type PlayAction, type PlayView, playReducer } from './play-view.ts';
import {
  currentPackage,
  openSandbox,
  type SandboxAction,
  type SandboxState,
  sandboxReducer,
} from './sandbox.ts';

type ScreenKind = 'overview' | 'sandbox' | 'analysis' | 'evidence' | 'picker' | 'setup' | 'play' | 'timeline';
type Overlay = 'help' | 'issue' | 'summary' | null;

export interface AppState {
  readonly scenario: Scenario;
  readonly screen: ScreenKind;
  /** the screens esc returns to, most recent last */
  readonly back: readonly ScreenKind[];
  readonly overlay: Overlay;
  /** the selected row of the overview's document list (in `documentOrder`) */
  readonly documentRow: number;
  /** how the overview lists the documents (o toggles) */
  readonly documentOrder: DocumentOrder;
  /** which overview pane the arrows move */
  readonly overviewFocus: 'documents' | 'actors';
  /** the overview's actors are more than their pane shows (measured as it draws) */
  readonly actorsOverflow: boolean;
  /** which sandbox pane the arrows move: the terms, or the verdicts (scrolled) */
  readonly sandboxFocus: 'terms' | 'verdicts';
  /** the sandbox's verdicts are more than their pane shows (measured as it draws) */
  readonly verdictsOverflow: boolean;
  /** null until a document is opened */
  readonly sandbox: SandboxState | null;
  /** the selected option row of the issue overlay (stepping order) */
  readonly issueRow: number;
  /** the selected row of the concessions list */
  readonly concessionRow: number;
  /** the document whose minimal concessions were asked for (c), or null */
  readonly concessionsFor: string | null;
  /** the setup form of a play session, while it is open */
  readonly setup: SetupState | null;
  /** the play session in progress (kept when esc leaves it unfinished; p returns to it) */
  readonly play: PlayView | null;
  /** judge every document by the positions of this date (tui --as-of); null: each by its own date */
  readonly asOf: string | null;
  /** play sessions started here anticipate ratification (tui --anticipate-ratification) */
  readonly anticipate: boolean;
  /** the selected row of the timeline (documents in date order) */
  readonly timelineRow: number;
}

export type AppAction =
  | { readonly type: 'open-scenario'; readonly scenario: Scenario }
  | { readonly type: 'go'; readonly screen: ScreenKind }
  | { readonly type: 'back' }
  | { readonly type: 'overlay'; readonly overlay: Overlay }
  | { readonly type: 'move-document'; readonly delta: number }
  | { readonly type: 'move-timeline'; readonly delta: number }
  | { readonly type: 'toggle-overview-focus' }
  | { readonly type: 'actors-overflow'; readonly overflows: boolean }
  | { readonly type: 'toggle-sandbox-focus' }
  | { readonly type: 'verdicts-overflow'; readonly overflows: boolean }
  /** o: the documents as in the file, or by date; the selected document stays selected */
  | { readonly type: 'toggle-document-order' }
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
  | { readonly type: 'move-concession'; readonly delta: number; readonly count: number }
  /** p: the session in progress, else the setup form */
  | { readonly type: 'open-play' }
  | { readonly type: 'setup'; readonly action: SetupAction }
  /** the setup form's last field: start the session (`source`: where the scenario came from) */
  | { readonly type: 'start-play'; readonly source: string }
  | { readonly type: 'play'; readonly action: PlayAction };

export function initialState(scenario: Scenario, asOf: string | null = null, anticipate = false): AppState {
  return {
    scenario,
    screen: 'overview',
    back: [],
    overlay: null,
    documentRow: 0,
    documentOrder: defaultDocumentOrder(scenario),
    overviewFocus: 'documents',
    actorsOverflow: false,
    sandboxFocus: 'terms',
    verdictsOverflow: false,
    sandbox: null,
    issueRow: 0,
    concessionRow: 0,
    concessionsFor: null,
    setup: null,
    play: null,
    asOf,
    anticipate,
    timelineRow: 0,
  };
}

/**
 * The scenario as the explorer judges a document: with the positions in force on its date (or on --as-of); with no
 * document, on the scenario's date (or --as-of).
 */
export function judgedScenario(s: AppState, documentId?: string): Scenario {
  const doc = documentId === undefined ? undefined : s.scenario.documents.find((d) => d.id === documentId);
  return positionsAsOf(s.scenario, s.asOf ?? doc?.date ?? s.scenario.date);
}

/** Play sessions started here, and the analysis screen, assume negotiators anticipate ratification: by the flag, or
 * by the scenario's default. */
export function anticipates(s: AppState): boolean {
  return s.anticipate || s.scenario.protocol.anticipateRatification === true;
}

/** The explorer opened straight on a play session (peacesim tui --session FILE). */
export function playState(scenario: Scenario, play: PlayView): AppState {
  return { ...initialState(scenario), screen: 'play', back: ['overview'], play };
}

/** The scenario's documents as the overview lists them. */
export function shownDocuments(s: AppState): NegotiationDocument[] {
  return documentIndices(s.scenario, s.documentOrder).map((k) => s.scenario.documents[k]!);
}

/** The document selected on the overview. */
export function selectedDocument(s: AppState): NegotiationDocument | undefined {
  return shownDocuments(s)[s.documentRow];
}

/** The document the analysis screen and the sandbox work on: the open one, else the one selected. */
export function activeDocument(s: AppState): string | undefined {
  return s.sandbox?.document ?? selectedDocument(s)?.id;
}

function toggleDocumentOrder(s: AppState): AppState {
  const selected = selectedDocument(s)?.id;
  const documentOrder: DocumentOrder = s.documentOrder === 'date' ? 'file' : 'date';
  const next = { ...s, documentOrder };
  const row = shownDocuments(next).findIndex((d) => d.id === selected);
  return { ...next, documentRow: Math.max(0, row) };
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
  return { ...s, sandbox: openSandbox(s.scenario, document), concessionRow: 0, sandboxFocus: 'terms' };
}

export function appReducer(s: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'open-scenario':
      return initialState(action.scenario, s.asOf, s.anticipate);
    case 'go':
      return go(s, action.screen);
    case 'back': {
      if (s.overlay) return { ...s, overlay: null };
      if (s.screen === 'setup' && s.setup && s.setup.field !== 'teams')
        return { ...s, setup: setupReducer(s.scenario, s.setup, { type: 'previous' }) };
      const closed = s.screen === 'play' && s.play ? closeTop(s.play) : null;
      if (closed) return { ...s, play: closed };
      // a finished session ends when its screen is left (it can be saved first); an unfinished one waits for p
      const ends = s.screen === 'play' && s.play !== null && isOver(s.play.game);
      // never without a word: unsaved inputs are warned about once, and the same key again ends the session
      if (ends && s.play && losesInputs(s.play) && s.play.confirm !== 'leave')
        return { ...s, play: playReducer(s.play, { type: 'confirm', confirm: 'leave' }) };
      const play = ends ? null : s.play;
      const previous = s.back.at(-1);
      if (!previous) return play === s.play ? s : { ...s, play };
      return { ...s, screen: previous, back: s.back.slice(0, -1), play };
    }
    case 'overlay':
      return {
        ...s,
        overlay: action.overlay,
        issueRow: action.overlay === 'issue' ? selectedOptionRow(s) : s.issueRow,
      };
    case 'move-document':
      return { ...s, documentRow: clamp(s.documentRow + action.delta, s.scenario.documents.length) };
    case 'move-timeline':
      return { ...s, timelineRow: clamp(s.timelineRow + action.delta, s.scenario.documents.length) };
    case 'toggle-overview-focus':
      return { ...s, overviewFocus: s.overviewFocus === 'documents' ? 'actors' : 'documents' };
    case 'actors-overflow':
      return s.actorsOverflow === action.overflows ? s : { ...s, actorsOverflow: action.overflows };
    case 'toggle-sandbox-focus':
      return { ...s, sandboxFocus: s.sandboxFocus === 'terms' ? 'verdicts' : 'terms' };
    case 'verdicts-overflow':
      return s.verdictsOverflow === action.overflows ? s : { ...s, verdictsOverflow: action.overflows };
    case 'toggle-document-order':
      return toggleDocumentOrder(s);
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
    case 'open-play':
      return s.play ? go(s, 'play') : go({ ...s, setup: openSetup(s.scenario, anticipates(s)) }, 'setup');
    case 'setup':
      return s.setup ? { ...s, setup: setupReducer(s.scenario, s.setup, action.action) } : s;
    case 'start-play': {
      if (!s.setup) return s;
      const { options, turnMinutes } = setupOptions(s.scenario, s.setup);
      try {
        const play = openPlay(startGame(s.scenario, options), action.source, turnMinutes);
        // the session replaces the form: esc from it goes where the form would have
        return { ...s, screen: 'play', setup: null, play, overlay: null };
      } catch (e) {
        return { ...s, setup: { ...s.setup, error: (e as Error).message } };
      }
    }
    case 'play':
      return s.play ? { ...s, play: playReducer(s.play, action.action) } : s;
  }
}
