// Pick another shipped scenario (↑/↓, enter).
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../domain/types.ts';
import { ChoiceList } from '../components/choice-list.tsx';
import { Wrapped, wrappedHeight } from '../components/wrapped.tsx';
import { losesInputs } from '../state/play-view.ts';
import { useTheme } from '../theme.ts';
import { plural } from '../words.ts';
import type { ScreenProps } from './types.ts';

/** Where the explorer finds scenarios: given by the command line, so the UI reads no files itself. */
export interface Catalog {
  /** the shipped scenario ids */
  readonly ids: readonly string[];
  /** loads one (throws a PeacesimError with a one-line message when it cannot); may cache */
  readonly open: (id: string) => Scenario;
}

export function PickerScreen({
  state,
  dispatch,
  width,
  height,
  active,
  catalog,
}: ScreenProps & { catalog: Catalog }) {
  const theme = useTheme();
  const [error, setError] = useState('');
  const [titles, setTitles] = useState<ReadonlyMap<string, string> | null>(null);
  // the titles load after the first frame (a few hundred ms for every shipped scenario), all at once: the
  // Select starts over whenever its options change
  useEffect(() => {
    const timer = setTimeout(() => {
      const out = new Map<string, string>();
      for (const id of catalog.ids) {
        try {
          out.set(id, catalog.open(id).title);
        } catch {
          out.set(id, '(does not load: run peacesim validate)');
        }
      }
      setTitles(out);
    }, 0);
    return () => clearTimeout(timer);
  }, [catalog]);
  const [focused, setFocused] = useState(catalog.ids[0] ?? '');
  const idWidth = Math.max(...catalog.ids.map((id) => id.length)) + 2;
  // the selected scenario's title whole under the list when its row cuts it; the list keeps the rows of the
  // longest such title, so that it does not jump as the selection moves
  const cutTitle = (id: string) => {
    const title = titles?.get(id) ?? '';
    return Array.from(`${id.padEnd(idWidth)}${title}`).length > width - 4 ? title : '';
  };
  const whole = cutTitle(focused);
  const wholeRows = Math.max(
    0,
    ...catalog.ids.map((id) => (cutTitle(id) ? wrappedHeight([{ text: cutTitle(id) }], width) + 1 : 0)),
  );
  const options = useMemo(
    () =>
      catalog.ids.map((id) => {
        const label = `${id.padEnd(idWidth)}${titles?.get(id) ?? ''}`;
        const room = width - 4;
        const chars = Array.from(label);
        return { value: id, label: chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : label };
      }),
    [catalog, titles, idWidth, width],
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>
        Pick a scenario
      </Text>
      <Text dimColor>now: {state.scenario.id} · enter opens the one selected · esc goes back</Text>
      {state.play && losesInputs(state.play) ? (
        // opening another scenario ends the session in progress: say so before
        <Text color={theme.warn} wrap="wrap">
          Opening another scenario ends the play session in progress:{' '}
          {plural(state.play.game.inputs.length, 'input')}, not saved
          {state.play.recovery ? ` (a copy stays in ${state.play.recovery})` : ''}. esc, then p, returns to
          it; s there saves it.
        </Text>
      ) : null}
      <Text> </Text>
      {titles === null ? (
        <Text dimColor>loading the scenarios…</Text>
      ) : (
        <ChoiceList
          active={active}
          options={options}
          rows={Math.max(3, height - 5 - wholeRows - (state.play && losesInputs(state.play) ? 3 : 0))}
          width={width}
          onFocus={setFocused}
          onChoose={(id) => {
            if (id === state.scenario.id) return dispatch({ type: 'back' });
            try {
              dispatch({ type: 'open-scenario', scenario: catalog.open(id) });
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        />
      )}
      {titles !== null && whole ? (
        <Box flexDirection="column" marginTop={1} width={width} flexShrink={0}>
          <Wrapped spans={[{ text: whole, bold: true }]} width={width} />
        </Box>
      ) : null}
      {error ? (
        <Text color={theme.reject} wrap="wrap">
          {error}
        </Text>
      ) : null}
    </Box>
  );
}
