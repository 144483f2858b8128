// The explorer: one reducer, one screen at a time, the help overlay, and the status line. The screen switch below
// is the one place a screen plugs in: a kind in state/app.ts and a case here (play: a facilitated session).
import { ThemeProvider } from '@inkjs/ui';
import { Box, Text, useApp } from 'ink';
import { useReducer, useState } from 'react';
import type { Scenario } from '../domain/types.ts';
import { HelpOverlay } from './components/help-overlay.tsx';
import { StatusLine } from './components/status-line.tsx';
import type { Clock } from './hooks/use-clock.ts';
import { useKeys } from './hooks/use-keys.ts';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.ts';
import { NO_HOST, type PlayHost, PlayHostContext } from './host.ts';
import { GLOBAL_KEYS, type KeyContext, whichKey } from './keys.ts';
import { AnalysisScreen } from './screens/analysis.tsx';
import { OverviewScreen } from './screens/overview.tsx';
import { type Catalog, PickerScreen } from './screens/picker.tsx';
import { PlayScreen } from './screens/play.tsx';
import { PlaySetupScreen } from './screens/play-setup.tsx';
import { SandboxScreen } from './screens/sandbox.tsx';
import { TimelineScreen } from './screens/timeline.tsx';
import type { ScreenProps } from './screens/types.ts';
import { type AppState, appReducer, initialState } from './state/app.ts';
import { isOver } from './state/play.ts';
import { type PlayView, unsaved } from './state/play-view.ts';
import { inkUiTheme, type Theme, ThemeContext, themeFromEnv } from './theme.ts';

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
}

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

function playContext(play: PlayView): KeyContext {
  if (play.prompt || play.turn?.stage === 'asks') return 'prompt';
  if (play.turn?.stage === 'brief') return 'turn';
  if (play.turn?.stage === 'terms') return 'terms';
  if (!play.turn && isOver(play.game)) return 'outcome';
  return 'play';
}

/** The key table of what is on screen under any help overlay. */
export function screenContext(state: AppState): KeyContext {
  if (state.overlay === 'issue') return 'issue';
  if (state.screen === 'play' && state.play) return playContext(state.play);
  return state.screen;
}

/** Which key table is in force: the overlay's, else the screen's. */
export function keyContext(state: AppState): KeyContext {
  return state.overlay === 'help' ? 'help' : screenContext(state);
}

/** A text field has the keyboard: q and ? are letters there, not quit and help. */
export function typing(state: AppState): boolean {
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

export function App({
  scenario,
  catalog,
  size,
  theme = themeFromEnv(),
  host = NO_HOST,
  initial,
  clock,
  asOf,
}: AppProps) {
  const [state, dispatch] = useReducer(appReducer, scenario, (s) => initial ?? initialState(s, asOf ?? null));
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const letters = typing(state);
  // q on a play session with unsaved inputs asks again first: a facilitated session is hard to play twice
  const [quitArmed, setQuitArmed] = useState(false);

  useKeys((input, key) => {
    const id = whichKey(GLOBAL_KEYS, input, key);
    if (letters && id !== 'back' && !key.ctrl) return;
    if (id !== 'quit' && quitArmed) setQuitArmed(false);
    const play = state.play;
    if (id === 'quit' && !key.ctrl && !quitArmed && play && play.game.inputs.length > 0 && unsaved(play)) {
      setQuitArmed(true);
      if (state.screen !== 'play') dispatch({ type: 'open-play' });
      dispatch({
        type: 'play',
        action: {
          type: 'notice',
          notice: 'the session is not saved: s saves it, q again quits without saving',
        },
      });
      return;
    }
    if (id === 'quit') exit();
    else if (id === 'help') dispatch({ type: 'overlay', overlay: state.overlay === 'help' ? null : 'help' });
    else if (id === 'back') dispatch({ type: 'back' });
  });

  // one row short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every render
  const height = rows - 1;
  const width = columns;
  const context = keyContext(state);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const screenHeight = height - 1;

  return (
    <ThemeContext.Provider value={theme}>
      <PlayHostContext.Provider value={host}>
        <ThemeProvider theme={inkUiTheme(theme)}>
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
              <StatusLine context={context} width={width} />
            </Box>
          )}
        </ThemeProvider>
      </PlayHostContext.Provider>
    </ThemeContext.Provider>
  );
}
