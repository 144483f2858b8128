// A screen's first line: its title, bold, and something dim on the right that gives way first when space is short.
import { Box, Text } from 'ink';
import { cells } from '../../report/format.ts';
import { fitParts, wrapSpans } from '../layout.ts';
import { useTheme } from '../theme.ts';

export interface HeadingProps {
  readonly title: string;
  /** parts ("situation of …", "record ends …"): those that do not fit beside the title are left out whole */
  readonly right?: string | readonly string[];
  readonly width: number;
  /**
   * the title is never cut: when it and the right side do not share a row, the title wraps at the full width and the
   * right side, whole, takes the end of its last row or a row of its own (headingRows counts them)
   */
  readonly wrap?: boolean;
}

/** A wrapping heading's lines (Heading's `wrap`), or null when the title and the right side share one row. */
function wrappedHeading(title: string, given: HeadingProps['right'], width: number) {
  const right = typeof given === 'string' || given === undefined ? (given ?? '') : fitParts(given, width);
  if (cells(title) + (right ? 2 + cells(right) : 0) <= width) return null;
  const lines = wrapSpans([{ text: title }], width).map((l) => l.map((s) => s.text).join(''));
  const beside = !right || cells(lines.at(-1)!) + 2 + cells(right) <= width;
  return { lines, right, beside };
}

/** Rows a heading takes: one, or with `wrap` the title's lines and a row for the right side when it needs one. */
export function headingRows({ title, right, width, wrap }: HeadingProps): number {
  const wrapped = wrap ? wrappedHeading(title, right, width) : null;
  return wrapped ? wrapped.lines.length + (wrapped.beside ? 0 : 1) : 1;
}

export function Heading({ title, right: given, width, wrap }: HeadingProps) {
  const theme = useTheme();
  const wrapped = wrap ? wrappedHeading(title, given, width) : null;
  if (wrapped) {
    const rows = wrapped.beside ? wrapped.lines : [...wrapped.lines, ''];
    return (
      <Box flexDirection="column" width={width} flexShrink={0}>
        {rows.map((line, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
          <Box key={k} width={width} justifyContent="space-between">
            <Text bold color={theme.accent}>
              {line}
            </Text>
            {k === rows.length - 1 && wrapped.right ? <Text dimColor>{wrapped.right}</Text> : null}
          </Box>
        ))}
      </Box>
    );
  }
  const titleLength = Array.from(title).length;
  const keep = Math.min(titleLength, Math.floor(width * 0.6));
  const right = typeof given === 'string' || given === undefined ? given : fitParts(given, width - 2 - keep);
  // explicit widths: left to flexbox, a long title and a long right side together overflowed by a column
  const rightLength = right ? Array.from(right).length : 0;
  const titleWidth = Math.min(width, Math.max(keep, width - 2 - rightLength));
  const rightWidth = width - titleWidth - 2;
  return (
    <Box width={width} flexShrink={0}>
      <Box width={titleWidth} flexShrink={0}>
        <Text bold color={theme.accent} wrap="truncate-end">
          {title}
        </Text>
      </Box>
      {right && rightWidth > 0 ? (
        <Box width={rightWidth} flexShrink={0} marginLeft={2} justifyContent="flex-end">
          <Text dimColor wrap="truncate-end">
            {right}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** Rows a pane title takes at `width`: one, or two when its legend goes on a row of its own (PaneTitle). */
export function paneTitleRows(
  title: string,
  note: string | undefined,
  legend: string | undefined,
  width: number,
) {
  return legend && cells([title, note, legend].filter(Boolean).join(' · ')) > width ? 2 : 1;
}

/**
 * A pane's title: bold, with a dim note after it, cut at the edge. A `legend` ("✓ agreement ✗ none") follows the
 * note when the row holds it and takes a row of its own, whole, when it does not (given the pane's `width`).
 */
export function PaneTitle({
  title,
  note,
  legend,
  active,
  width,
}: {
  title: string;
  note?: string;
  legend?: string;
  active?: boolean;
  width?: number;
}) {
  const theme = useTheme();
  const apart = legend !== undefined && width !== undefined && paneTitleRows(title, note, legend, width) > 1;
  const after = [note, apart ? undefined : legend].filter(Boolean).join(' · ');
  const line = (
    <Text wrap="truncate-end">
      <Text bold underline={active} color={active ? theme.accent : undefined}>
        {title}
      </Text>
      {after ? <Text dimColor> {after}</Text> : null}
    </Text>
  );
  if (!apart) return line;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {line}
      <Text dimColor wrap="truncate-end">
        {legend}
      </Text>
    </Box>
  );
}
