// The explorer: one reducer, one screen at a time, the help overlay, and the status line. The screen switch below
// is the one place a screen plugs in: a kind in state/app.ts and a case here (play: a facilitated session).
import { Box, Text, useApp } from 'ink';
import { useReducer } from 'react';
import type { Scenario } from '../domain/types.ts';
import { hasSolutions } from './analysis-outcome.ts';
import { HelpOverlay } from './components/help-overlay.tsx';
import { StatusLine, statusRows } from './components/status-line.tsx';
import type { Clock } from './hooks/use-clock.ts';
import { Keyboard, useKeys } from './hooks/use-keys.ts';
import { useRecovery } from './hooks/use-recovery.ts';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.ts';
import { NO_HOST, type PlayHost, PlayHostContext } from './host.ts';
import { type Situation, whichKey } from './key-binding.ts';
import { GLOBAL_KEYS, type KeyContext } from './keys.ts';
import { AnalysisScreen } from './screens/analysis.tsx';
import { EvidenceScreen } from './screens/evidence.tsx';
import { OverviewScreen } from './screens/overview.tsx';
import { type Catalog, PickerScreen } from './screens/picker.tsx';
import { PlayScreen } from './screens/play.tsx';
import { PlaySetupScreen } from './screens/play-setup.tsx';
import { SandboxScreen } from './screens/sandbox.tsx';
import { TimelineScreen } from './screens/timeline.tsx';
import type { ScreenProps } from './screens/types.ts';
import { type AppState, activeDocument, appReducer, initialState, judgedScenario } from './state/app.ts';
import { isOver, isPaused } from './state/play.ts';
import { losesInputs, type PlayView } from './state/play-view.ts';
import { changedIssues } from './state/sandbox.ts';
import { type Theme, ThemeContext, themeFromEnv } from './theme.ts';

export interface AppProps {
  readonly scenario: Scenario;
  readonly catalog: Catalog;
  /** a fixed size instead of the terminal's (tests) */
  readonly size?: Size;
  /** default: colour unless NO_COLOR is set */
  readonly theme?: Theme;
  /** where scenarios came from and how to save a session (from the command line) */
  readonly host?: PlayHost;
  /** open straight on this session (peacesim tui --session FILE) */
  readonly initial?: AppState;
  /** the turn clock's time source (tests fix it) */
  readonly clock?: Clock;
  /** judge every document by the positions of this date (tui --as-of) */
  readonly asOf?: string;
  /** play sessions started here anticipate ratification (tui --anticipate-ratification) */
  readonly anticipate?: boolean;
}

const MIN_COLUMNS = 60;
const MIN_ROWS = 16;

function playContext(play: PlayView): KeyContext {
  if (play.prompt === 'inject') return 'prompt';
  if (play.prompt) return 'file';
  if (play.turn?.stage === 'asks') return 'asks';
  if (play.turn?.stage === 'brief') return 'turn';
  if (play.turn?.stage === 'terms') return 'terms';
  if (!play.turn && isOver(play.game)) return 'outcome';
  return 'play';
}

/** The key table of what is on screen under any help overlay. */
function screenContext(state: AppState): KeyContext {
  if (state.overlay === 'issue') return 'issue';
  if (state.overlay === 'summary') return 'summary';
  if (state.screen === 'play' && state.play) return playContext(state.play);
  return state.screen;
}

/** Which key table is in force: the overlay's, else the screen's. */
export function keyContext(state: AppState): KeyContext {
  return state.overlay === 'help' ? 'help' : screenContext(state);
}

/** What the keys can do on what is on screen (which the status line offers). */
export function keySituation(state: AppState): Situation {
  const play = state.screen === 'play' ? state.play : null;
  const sandbox =
    play?.turn?.stage === 'terms' ? play.turn.editor : state.screen === 'sandbox' ? state.sandbox : null;
  return {
    typing: typing(state),
    canGoBack: state.overlay !== null || state.screen !== 'overview',
    actorsFocused: state.overviewFocus === 'actors',
    actorsOverflow: state.actorsOverflow,
    verdictsFocused: state.screen === 'sandbox' && state.sandboxFocus === 'verdicts',
    verdictsOverflow: state.screen === 'sandbox' && state.verdictsOverflow,
    canUndo: (sandbox?.history.past.length ?? 0) > 0,
    canRedo: (sandbox?.history.future.length ?? 0) > 0,
    changed: sandbox ? changedIssues(sandbox).length > 0 : false,
    concessions: state.concessionsFor !== null && state.concessionsFor === activeDocument(state),
    solutions: state.screen === 'analysis' && hasSolutions(judgedScenario(state)),
    field: state.screen === 'setup' ? (state.setup?.field ?? null) : null,
    turnOpen: play?.turn?.stage === 'gate' || play?.turn?.stage === 'moved',
    paused: play ? isPaused(play.game) : false,
    inputs: play?.game.inputs.length ?? 0,
    move: play?.turn?.move ?? null,
    file:
      play?.prompt === 'save' || play?.prompt === 'fork' || play?.prompt === 'report' ? play.prompt : null,
  };
}

/** A text field has the keyboard: q and ? are letters there, not quit and help. */
function typing(state: AppState): boolean {
  if (state.overlay) return false;
  if (state.screen === 'setup') return ['seed', 'rounds', 'minutes'].includes(state.setup?.field ?? '');
  const prompt = state.play?.prompt;
  return state.screen === 'play' && (prompt === 'save' || prompt === 'fork' || prompt === 'report');
}

function Screen(props: ScreenProps & { catalog: Catalog; clock?: Clock | undefined }) {
  switch (props.state.screen) {
    case 'overview':
      return <OverviewScreen {...props} />;
    case 'sandbox':
      return props.state.sandbox ? <SandboxScreen {...props} /> : <OverviewScreen {...props} />;
    case 'analysis':
      return <AnalysisScreen {...props} />;
    case 'evidence':
      return <EvidenceScreen {...props} />;
    case 'picker':
      return <PickerScreen {...props} />;
    case 'timeline':
      return <TimelineScreen {...props} />;
    case 'setup':
      return props.state.setup ? <PlaySetupScreen {...props} /> : <OverviewScreen {...props} />;
    case 'play':
      return props.state.play ? (
        <PlayScreen {...props} {...(props.clock ? { clock: props.clock } : {})} />
      ) : (
        <OverviewScreen {...props} />
      );
  }
}

/** The explorer, under the one listener that hands each key to the handlers on screen. */
export function App(props: AppProps) {
  return (
    <Keyboard>
      <Explorer {...props} />
    </Keyboard>
  );
}

function Explorer({
  scenario,
  catalog,
  size,
  theme = themeFromEnv(),
  host = NO_HOST,
  initial,
  clock,
  asOf,
  anticipate = false,
}: AppProps) {
  const [state, dispatch] = useReducer(
    appReducer,
    scenario,
    (s) => initial ?? initialState(s, asOf ?? null, anticipate),
  );
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const letters = typing(state);
  useKeys((input, key) => {
    const id = whichKey(GLOBAL_KEYS, input, key);
    const play = state.play;
    // a warning about unsaved inputs stands until the next key: the same key confirms, any other withdraws it
    const confirms =
      play?.confirm === 'quit' ? id === 'quit' : play?.confirm === 'leave' && (key.return || key.escape);
    if (play?.confirm && !confirms) dispatch({ type: 'play', action: { type: 'disarm' } });
    if (letters && id !== 'back' && !key.ctrl) return;
    // q on a play session with unsaved inputs asks again first: a facilitated session is hard to play twice
    if (id === 'quit' && !key.ctrl && play && losesInputs(play) && play.confirm !== 'quit') {
      if (state.screen !== 'play') dispatch({ type: 'open-play' });
      dispatch({ type: 'play', action: { type: 'confirm', confirm: 'quit' } });
      return;
    }
    if (id === 'quit') exit();
    else if (id === 'help') dispatch({ type: 'overlay', overlay: state.overlay === 'help' ? null : 'help' });
    else if (id === 'back') dispatch({ type: 'back' });
  });
  useRecovery(state.play, host, dispatch);

  // one row short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every render
  const height = rows - 1;
  const width = columns;
  const context = keyContext(state);
  const situation = keySituation(state);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // the status line takes the rows its hints need; the screen the rest
  const screenHeight = height - statusRows(context, situation, width).length;

  return (
    <ThemeContext.Provider value={theme}>
      <PlayHostContext.Provider value={host}>
        {tooSmall ? (
          <Text wrap="wrap">
            The explorer needs at least {MIN_COLUMNS}×{MIN_ROWS}; this terminal is {columns}×{rows}. Enlarge
            it, or press q to quit.
          </Text>
        ) : (
          <Box flexDirection="column" width={width} height={height}>
            <Box height={screenHeight} width={width} flexShrink={0}>
              {state.overlay === 'help' ? (
                <HelpOverlay context={screenContext(state)} width={width} height={screenHeight} />
              ) : (
                <Screen
                  state={state}
                  dispatch={dispatch}
                  width={width}
                  height={screenHeight}
                  active
                  catalog={catalog}
                  clock={clock}
                />
              )}
            </Box>
            <StatusLine context={context} situation={situation} width={width} />
          </Box>
        )}
      </PlayHostContext.Provider>
    </ThemeContext.Provider>
  );
}
