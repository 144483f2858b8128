// A list to choose one row from (a scenario, an inject): ↑/↓ (k/j) move, enter chooses. Every key counts however
// fast keys arrive: the selection is kept in a ref as well as in state.
import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeys } from '../hooks/use-keys.ts';
import { fitLabels, windowStart } from '../layout.ts';
import { GLYPH, useTheme } from '../theme.ts';

interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface ChoiceListProps {
  readonly options: readonly Choice[];
  /** rows shown; the list scrolls past them */
  readonly rows: number;
  readonly width: number;
  readonly onChoose: (value: string) => void;
  readonly active?: boolean;
  /** a row under a list longer than its rows: how many in all, and which way the rest lie from where it stands */
  readonly counted?: boolean;
  /** told the value of the row selected, whenever it changes (a detail under the list follows it) */
  readonly onFocus?: (value: string) => void;
}

/** Which way the rows not shown lie: below, above, or both. */
export function restWords(total: number, start: number, shown: number): string {
  const below = start + shown < total;
  const above = start > 0;
  const way = below && above ? '↑↓ for the rest' : below ? '↓ for the rest' : '↑ for the ones above';
  return `${total} in all · ${way}`;
}

export function ChoiceList({
  options,
  rows,
  width,
  onChoose,
  active = true,
  counted = false,
  onFocus,
}: ChoiceListProps) {
  const theme = useTheme();
  const [focus, setFocus] = useState(0);
  const current = useRef(0);
  const move = (to: number) => {
    current.current = Math.max(0, Math.min(options.length - 1, to));
    setFocus(current.current);
    const now = options[current.current];
    if (now) onFocus?.(now.value);
  };
  useKeys((input, key) => {
    if (key.upArrow || input === 'k') move(current.current - 1);
    else if (key.downArrow || input === 'j') move(current.current + 1);
    else if (key.return) {
      const chosen = options[current.current];
      if (chosen) onChoose(chosen.value);
    }
  }, active);
  const shown = Math.max(1, Math.min(rows, options.length));
  // labels that would cut alike keep where they differ (the pointer takes two columns)
  const labels = fitLabels(
    options.map((o) => o.label),
    width - 2,
  );
  const start = windowStart(focus, options.length, shown);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {options.slice(start, start + shown).map((o, k) => {
        const on = start + k === focus;
        return (
          <Text key={o.value} wrap="truncate-end" color={on ? theme.accent : undefined}>
            <Text bold>{on ? GLYPH.pointer : ' '}</Text> {labels[start + k]}
          </Text>
        );
      })}
      {counted && options.length > shown ? (
        <Text dimColor wrap="truncate-end">
          {restWords(options.length, start, shown)}
        </Text>
      ) : null}
    </Box>
  );
}
