// A screen's first line: its title, bold, and something dim on the right that gives way first when space is short.
import { Box, Text } from 'ink';
import { useTheme } from '../theme.ts';

export interface HeadingProps {
  readonly title: string;
  readonly right?: string;
  readonly width: number;
}

export function Heading({ title, right, width }: HeadingProps) {
  const theme = useTheme();
  const keep = Math.min(Array.from(title).length, Math.floor(width * 0.6));
  return (
    <Box width={width} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1} minWidth={keep}>
        <Text bold color={theme.accent} wrap="truncate-end">
          {title}
        </Text>
      </Box>
      {right ? (
        <Box flexShrink={1} marginLeft={2}>
          <Text dimColor wrap="truncate-end">
            {right}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** A pane's title: bold, with a dim note after it. */
export function PaneTitle({ title, note, active }: { title: string; note?: string; active?: boolean }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      <Text bold underline={active} color={active ? theme.accent : undefined}>
        {title}
      </Text>
      {note ? <Text dimColor> {note}</Text> : null}
    </Text>
  );
}
