// The bottom line: the keys of what is on screen (as many whole hints as fit), then help and quit, or a notice.
import { Box, Text } from 'ink';
import { GLOBAL_KEYS, KEY_TABLES, type KeyContext } from '../keys.ts';
import { useTheme } from '../theme.ts';

const GAP = '  ';

/** The hints that fit in `width` columns, whole, in order. */
export function fitHints(items: readonly string[], width: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const h of items) {
    const w = Array.from(h).length + (out.length ? GAP.length : 0);
    if (used + w > width) break;
    out.push(h);
    used += w;
  }
  return out;
}

export function StatusLine({ context, width }: { context: KeyContext; width: number }) {
  const theme = useTheme();
  // esc has nowhere to go back to from the overview
  const global = GLOBAL_KEYS.flatMap((b) =>
    b.hint && !(b.id === 'back' && context === 'overview') ? [b.hint] : [],
  );
  const right = global.join(GAP);
  const own = KEY_TABLES[context].flatMap((b) => (b.hint ? [b.hint] : []));
  const left = fitHints(own, width - Array.from(right).length - 3).join(GAP);
  return (
    <Box width={width} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <Text color={theme.accent} wrap="truncate-end">
          {left}
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text dimColor>{right}</Text>
      </Box>
    </Box>
  );
}
