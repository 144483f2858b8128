// Styled text word-wrapped to a width (layout.ts wrapSpans), optionally cut to a number of lines with an ellipsis.
import { Box, Text } from 'ink';
import { cells } from '../../report/format.ts';
import { fitSpans, type Span, wrapSpans } from '../layout.ts';

export interface WrappedProps {
  readonly spans: readonly Span[];
  readonly width: number;
  /** at most this many lines; the last one shown ends in … when more were cut */
  readonly maxLines?: number;
  /** said after the … of a cut text (how to read the rest), on the last line shown, which gives up its columns */
  readonly more?: string;
}

export function Wrapped({ spans, width, maxLines, more }: WrappedProps) {
  const all = wrapSpans(spans, width);
  const over = maxLines !== undefined && all.length > maxLines;
  // a text with marks to keep is cut in its words, not at its last line (fitSpans)
  const fitted = over && spans.some((s) => s.give !== undefined) ? fitSpans(spans, width, maxLines) : null;
  const kept = fitted ?? (over ? all.slice(0, Math.max(1, maxLines)) : all);
  const cut = !fitted && kept.length < all.length;
  // the last line shown, rewrapped to leave the ellipsis and the way to read on whole
  const room = width - 1 - cells(more ?? '');
  const lines = cut && more ? [...kept.slice(0, -1), wrapSpans(kept.at(-1) ?? [], room)[0] ?? []] : kept;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Text key={k} wrap="truncate-end">
          {line.map((s, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity but their place
            <Text key={j} color={s.color} bold={s.bold} dimColor={s.dim}>
              {s.text}
            </Text>
          ))}
          {cut && k === lines.length - 1 ? `…${more ?? ''}` : ''}
        </Text>
      ))}
    </Box>
  );
}

/** Lines the spans take at `width`. */
export function wrappedHeight(spans: readonly Span[], width: number): number {
  return wrapSpans(spans, width).length;
}
