// A fixed-height view of taller content: ↑/↓ (and pgup/pgdn) scroll it while it is active; the last line says
// where you are when the content does not fit.
import { Box, type DOMElement, measureElement, Text } from 'ink';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useKeys } from '../hooks/use-keys.ts';
import { whichKey } from '../key-binding.ts';
import { SCROLL_KEYS } from '../keys.ts';

export interface ScrollBoxProps {
  readonly height: number;
  readonly width?: number;
  /** take ↑/↓/pgup/pgdn */
  readonly active: boolean;
  readonly children: ReactNode;
  /** told whether the content overflows, whenever that changes */
  readonly onOverflow?: (overflows: boolean) => void;
  /** only pgup/pgdn scroll it: the screen's ↑/↓ do something else */
  readonly pagesOnly?: boolean;
  /** how to scroll it while it is not active ("tab, then ↑↓"), after where you are */
  readonly idleHint?: string;
  /**
   * the content's rows [from, to) to keep in view: when they move (a selection inside the content), it scrolls as
   * little as shows them
   */
  readonly keep?: readonly [number, number];
}

export function ScrollBox({
  height,
  width,
  active,
  children,
  onOverflow,
  pagesOnly,
  idleHint,
  keep,
}: ScrollBoxProps) {
  const inner = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);
  const [offset, setOffset] = useState(0);
  // measured, and the screen told, in the commit that drew it: a key's frame never shows a stale overflow (a scroll
  // hint in the status line for content that now fits)
  // A layout can flip between two heights (the scroll line's row changes what the content wraps to on a screen too
  // small for it): measured A, then B, then A again — React gives up on the endless updates. Then the larger holds
  // until the measurement leaves the pair.
  const last = useRef<readonly number[]>([]);
  useLayoutEffect(() => {
    if (!inner.current) return;
    const measured = measureElement(inner.current).height;
    const [before, previous] = last.current;
    const flipping = last.current.length === 2 && measured === before && previous !== measured;
    if (!flipping) last.current = [previous ?? measured, measured];
    const next = flipping ? Math.max(measured, previous!) : measured;
    if (next !== contentHeight) setContentHeight(next);
  });
  const overflows = contentHeight > height;
  useLayoutEffect(() => {
    onOverflow?.(overflows);
  }, [overflows, onOverflow]);
  const view = overflows ? Math.max(1, height - 1) : height;
  const max = Math.max(0, contentHeight - view);
  const at = Math.min(offset, max);
  const [keepFrom, keepTo] = keep ?? [-1, -1];
  useLayoutEffect(() => {
    if (keepFrom < 0) return;
    setOffset((o) => {
      const shown = Math.min(o, max);
      if (keepFrom < shown) return keepFrom;
      return keepTo > shown + view ? Math.min(max, keepFrom, keepTo - view) : shown;
    });
  }, [keepFrom, keepTo, view, max]);
  useKeys((input, key) => {
    const id = whichKey(SCROLL_KEYS, input, key);
    const page = Math.max(1, view - 1);
    const delta =
      id === undefined || (pagesOnly && (id === 'up' || id === 'down'))
        ? 0
        : { up: -1, down: 1, 'page-up': -page, 'page-down': page }[id];
    if (delta) setOffset(Math.max(0, Math.min(max, at + delta)));
  }, active && overflows);
  return (
    <Box flexDirection="column" height={height} width={width} flexShrink={0}>
      <Box height={view} overflow="hidden" flexDirection="column">
        <Box ref={inner} marginTop={-at} flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
      {overflows && (
        <Text dimColor wrap="truncate-end">
          {at > 0 ? '↑' : ' '}
          {at < max ? '↓' : ' '} {Math.round(((at + view) / contentHeight) * 100)}%
          {active ? (pagesOnly ? ' · pgup/pgdn scroll' : ' · ↑↓ scroll') : idleHint ? ` · ${idleHint}` : ''}
        </Text>
      )}
    </Box>
  );
}
