// The explorer: one reducer, one screen at a time, the help overlay, and the status line. The screen switch below
// is the one place a new screen (the negotiation engine's) plugs in: a kind in state/app.ts and a case here.
import { ThemeProvider } from '@inkjs/ui';
import { Box, Text, useApp } from 'ink';
import { useReducer } from 'react';
import type { Scenario } from '../domain/types.ts';
import { HelpOverlay } from './components/help-overlay.tsx';
import { StatusLine } from './components/status-line.tsx';
import { useKeys } from './hooks/use-keys.ts';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.ts';
import { GLOBAL_KEYS, type KeyContext, whichKey } from './keys.ts';
import { AnalysisScreen } from './screens/analysis.tsx';
import { OverviewScreen } from './screens/overview.tsx';
import { type Catalog, PickerScreen } from './screens/picker.tsx';
import { SandboxScreen } from './screens/sandbox.tsx';
import type { ScreenProps } from './screens/types.ts';
import { type AppState, appReducer, initialState } from './state/app.ts';
import { inkUiTheme, type Theme, ThemeContext, themeFromEnv } from './theme.ts';

export interface AppProps {
  readonly scenario: Scenario;
  readonly catalog: Catalog;
  /** a fixed size instead of the terminal's (tests) */
  readonly size?: Size;
  /** default: colour unless NO_COLOR is set */
  readonly theme?: Theme;
}

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/** Which key table is in force: the overlay's, else the screen's. */
export function keyContext(state: AppState): KeyContext {
  if (state.overlay === 'help') return 'help';
  if (state.overlay === 'issue') return 'issue';
  return state.screen;
}

function Screen(props: ScreenProps & { catalog: Catalog }) {
  switch (props.state.screen) {
    case 'overview':
      return <OverviewScreen {...props} />;
    case 'sandbox':
      return props.state.sandbox ? <SandboxScreen {...props} /> : <OverviewScreen {...props} />;
    case 'analysis':
      return <AnalysisScreen {...props} />;
    case 'picker':
      return <PickerScreen {...props} />;
  }
}

export function App({ scenario, catalog, size, theme = themeFromEnv() }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, scenario, initialState);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);

  useKeys((input, key) => {
    const id = whichKey(GLOBAL_KEYS, input, key);
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
                <HelpOverlay context={state.screen} width={width} height={screenHeight} />
              ) : (
                <Screen
                  state={state}
                  dispatch={dispatch}
                  width={width}
                  height={screenHeight}
                  active
                  catalog={catalog}
                />
              )}
            </Box>
            <StatusLine context={context} width={width} />
          </Box>
        )}
      </ThemeProvider>
    </ThemeContext.Provider>
  );
}
