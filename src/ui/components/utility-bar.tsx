// An actor's utility as a bar from 0 to 1, with its reservation (what no deal is worth to it) marked ┃.
import { Text } from 'ink';
import { GLYPH, useTheme } from '../theme.ts';

export interface UtilityBarProps {
  readonly utility: number;
  readonly reservation: number;
  readonly width: number;
  readonly accepts: boolean;
}

export function UtilityBar({ utility, reservation, width, accepts }: UtilityBarProps) {
  const theme = useTheme();
  const w = Math.max(4, width);
  const filled = Math.round(Math.max(0, Math.min(1, utility)) * w);
  const mark = Math.min(w - 1, Math.round(Math.max(0, Math.min(1, reservation)) * w));
  const leftFull = Math.min(filled, mark);
  const rightFull = Math.max(0, filled - mark - 1);
  const color = accepts ? theme.accept : theme.reject;
  return (
    <Text>
      <Text color={color}>{GLYPH.full.repeat(leftFull)}</Text>
      <Text dimColor>{GLYPH.empty.repeat(mark - leftFull)}</Text>
      <Text color={theme.warn} bold>
        {GLYPH.mark}
      </Text>
      <Text color={color}>{GLYPH.full.repeat(rightFull)}</Text>
      <Text dimColor>{GLYPH.empty.repeat(w - mark - 1 - rightFull)}</Text>
    </Text>
  );
}
