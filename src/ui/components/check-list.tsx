// A list to pick several rows from (the teams of a session, the issues a rejection asks to change): ↑/↓ move,
// space picks or drops, enter submits. Each row's label may depend on whether it is picked ("team" or "bot:
// linear"), and every key counts however fast keys arrive (the state is kept in a ref as well).
import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeys } from '../hooks/use-keys.ts';
import { windowStart } from '../layout.ts';
import { GLYPH, useTheme } from '../theme.ts';

interface CheckOption {
  readonly value: string;
  /** the row's words, picked or not */
  readonly label: (picked: boolean) => string;
}

export interface CheckListProps {
  readonly options: readonly CheckOption[];
  readonly defaultValue?: readonly string[];
  /** the rows it may take, a "N in all" row included when the list scrolls */
  readonly rows: number;
  readonly width: number;
  readonly onSubmit: (picked: readonly string[]) => void;
  readonly active?: boolean;
}

interface Checks {
  readonly focus: number;
  readonly picked: readonly string[];
}

export function CheckList({
  options,
  defaultValue = [],
  rows,
  width,
  onSubmit,
  active = true,
}: CheckListProps) {
  const theme = useTheme();
  const initial: Checks = { focus: 0, picked: [...defaultValue] };
  const [checks, setChecks] = useState(initial);
  const current = useRef(initial);
  const set = (next: Checks) => {
    current.current = next;
    setChecks(next);
  };
  useKeys((input, key) => {
    const c = current.current;
    if (key.upArrow || input === 'k') set({ ...c, focus: Math.max(0, c.focus - 1) });
    else if (key.downArrow || input === 'j') set({ ...c, focus: Math.min(options.length - 1, c.focus + 1) });
    else if (input === ' ') {
      const value = options[c.focus]?.value;
      if (value === undefined) return;
      set({
        ...c,
        picked: c.picked.includes(value) ? c.picked.filter((v) => v !== value) : [...c.picked, value],
      });
    } else if (key.return)
      // in the list's order, whatever the order of picking
      onSubmit(options.map((o) => o.value).filter((v) => c.picked.includes(v)));
  }, active);
  const shown = options.length <= rows ? options.length : Math.max(1, rows - 1);
  const start = windowStart(checks.focus, options.length, shown);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {options.slice(start, start + shown).map((o, k) => {
        const on = start + k === checks.focus;
        const picked = checks.picked.includes(o.value);
        return (
          <Text key={o.value} wrap="truncate-end">
            <Text color={theme.accent} bold>
              {on ? GLYPH.pointer : ' '}
            </Text>{' '}
            <Text color={picked ? theme.accept : undefined}>{picked ? '[x]' : '[ ]'}</Text>{' '}
            <Text bold={on}>{o.label(picked)}</Text>
          </Text>
        );
      })}
      {options.length > shown ? (
        <Text dimColor wrap="truncate-end">
          {'  '}
          {start > 0 ? '↑' : ' '}
          {start + shown < options.length ? '↓' : ' '} {options.length} in all
        </Text>
      ) : null}
    </Box>
  );
}
