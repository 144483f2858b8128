// The session's transcript, newest at the bottom: word-wrapped to the pane, scrolled back `scroll` rows from the
// end (↑/↓ on the play screen); the last row says when newer lines are hidden below.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { type Span, wrapSpans } from '../layout.ts';
import type { Line } from '../transcript-words.ts';

export interface TranscriptPaneProps {
  readonly lines: readonly Line[];
  readonly width: number;
  readonly height: number;
  /** rows scrolled back from the newest */
  readonly scroll: number;
  /** shown when there is nothing yet */
  readonly empty: string;
}

interface Row {
  readonly indent: number;
  readonly spans: readonly Span[];
}

/** Every wrapped row of the lines at `width`. */
function transcriptRows(lines: readonly Line[], width: number): Row[] {
  return lines.flatMap((l) =>
    wrapSpans(l.spans, Math.max(10, width - l.indent)).map((spans, k) => ({
      // continuation rows sit two columns in from their line
      indent: l.indent + (k > 0 ? 2 : 0),
      spans,
    })),
  );
}

export function TranscriptPane({ lines, width, height, scroll, empty }: TranscriptPaneProps) {
  const rows = useMemo(() => transcriptRows(lines, width - 2), [lines, width]);
  const back = Math.max(0, Math.min(scroll, rows.length - height));
  const room = back > 0 ? height - 1 : height;
  const end = rows.length - back;
  const shown = rows.slice(Math.max(0, end - room), end);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" flexShrink={0}>
      {rows.length === 0 ? <Text dimColor>{empty}</Text> : null}
      {shown.map((r, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Text key={k} wrap="truncate-end">
          {' '.repeat(r.indent)}
          {r.spans.map((s, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity but their place
            <Text key={j} color={s.color} bold={s.bold} dimColor={s.dim}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
      {back > 0 ? <Text dimColor>↓ {back} newer rows below (j or ↓)</Text> : null}
    </Box>
  );
}
