// The bottom of the screen: the keys that do something on what is on screen, then help, back and quit. It takes
// as many rows as its hints need at the terminal's width (app.tsx gives the screen the rest), so no key that works
// is ever cut off the line.
import { Box, Text } from 'ink';
import { offeredHints, type Situation } from '../key-binding.ts';
import { GLOBAL_KEYS, KEY_TABLES, type KeyContext } from '../keys.ts';
import { useTheme } from '../theme.ts';

const GAP = '  ';
const cells = (t: string) => Array.from(t).length;

export interface StatusRow {
  /** the screen's own hints */
  readonly left: string;
  /** help, back and quit, on the last row */
  readonly right: string;
}

/** The status line's rows: the hints packed whole into `width` columns, the global ones at the end of the last. */
export function statusRows(context: KeyContext, situation: Situation, width: number): StatusRow[] {
  const own = offeredHints(KEY_TABLES[context], situation);
  const right = offeredHints(GLOBAL_KEYS, situation).join(GAP);
  const rows: string[][] = [[]];
  let used = 0;
  for (const h of own) {
    const w = cells(h) + (rows.at(-1)!.length ? GAP.length : 0);
    if (used + w > width && rows.at(-1)!.length) {
      rows.push([h]);
      used = cells(h);
    } else {
      rows.at(-1)!.push(h);
      used += w;
    }
  }
  const lines = rows.map((r) => r.join(GAP));
  // the global keys share the last row when they fit after a gap, else take a row of their own
  if (used + GAP.length + cells(right) > width && lines.at(-1)) lines.push('');
  return lines.map((left, k) => ({ left, right: k === lines.length - 1 ? right : '' }));
}

export function StatusLine({
  context,
  situation,
  width,
}: {
  context: KeyContext;
  situation: Situation;
  width: number;
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {statusRows(context, situation, width).map((row, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Box key={k} width={width}>
          <Box flexGrow={1} flexShrink={1}>
            <Text color={theme.accent} wrap="truncate-end">
              {row.left}
            </Text>
          </Box>
          {row.right ? (
            <Box flexShrink={0} marginLeft={1}>
              <Text dimColor>{row.right}</Text>
            </Box>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
