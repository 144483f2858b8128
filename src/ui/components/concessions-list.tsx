// The minimal concessions' list on the analysis screen: each set a row, whole — who still blocks a closest set, then
// its changes, wrapped under the row's number as far as they need (a cut row could hide the very term that matters,
// or whether an actor still rejects). The list scrolls by whole rows, the selected one always on screen, and its last
// line says how many sets are above and below it — or is blank, to set it off from the detail, when all are shown.

import { Box, Text } from 'ink';
import type { ConcessionSet, ConcessionsResult, NearMiss } from '../../analysis/concessions-types.ts';
import { nameInSentence } from '../../domain/actor-names.ts';
import type { Scenario } from '../../domain/types.ts';
import { capitalise } from '../../report/format.ts';
import { rowWindow, type Span, wrapSpans } from '../layout.ts';
import { GLYPH, type Theme, useTheme } from '../theme.ts';
import { plural, shortName } from '../words.ts';
import { Wrapped, wrappedHeight } from './wrapped.tsx';

/** The columns before a row's words: the selection mark (2) and the set's number (4); its later lines start there. */
const GUTTER = 6;

/** Who still blocks a near miss, in words: "Russia still rejects", "… and 1 rule still broken". */
function stillBlocking(scenario: Scenario, set: NearMiss): string {
  const names = set.rejecting.map((a) => shortName(nameInSentence(scenario.actors[a]!)));
  const parts = names.length
    ? [`${capitalise(names.join(' and '))} still ${names.length === 1 ? 'rejects' : 'reject'}`]
    : [];
  if (set.rulesBroken.length) parts.push(`${plural(set.rulesBroken.length, 'rule')} still broken`);
  return parts.join(', ');
}

/** A set's words: for a near miss who still says no with its changes made, then each change "Issue → option". */
function concessionRowSpans(scenario: Scenario, set: ConcessionSet | NearMiss, theme: Theme): Span[] {
  const changes = set.changes
    .map((c) => `${scenario.issues[c.issue]!.label} → ${scenario.issues[c.issue]!.options[c.to]!.label}`)
    .join('; ');
  return [
    ...('rejecting' in set ? [{ text: `${stillBlocking(scenario, set)} · `, color: theme.warn }] : []),
    { text: changes },
  ];
}

/** The list's heading: how many sets of how many changes, or that none makes an agreement and these are the closest. */
function headingSpans(result: ConcessionsResult, theme: Theme): Span[] {
  return [
    result.size !== null
      ? {
          text: `${plural(result.count, 'smallest set')} of ${plural(result.size, 'change')}, best first by the Nash product · enter applies`,
          color: theme.accept,
        }
      : {
          text: `no set of up to ${result.max} changes makes it an agreement; the closest · enter applies`,
          color: theme.warn,
        },
  ];
}

export interface ConcessionsListProps {
  readonly scenario: Scenario;
  /** the concessions asked for, why they could not be computed, or null before c */
  readonly result: ConcessionsResult | string | null;
  readonly sets: readonly (ConcessionSet | NearMiss)[];
  readonly width: number;
}

/**
 * The rows the list takes at `width`: its heading's, and for its sets `all` (every row whole and the blank line under
 * them) and `least` (the tallest row whole and the line that says what is above and below: any selected row fits).
 */
export function concessionsListRows(
  props: ConcessionsListProps,
  theme: Theme,
): { readonly head: number; readonly all: number; readonly least: number } {
  const { scenario, result, sets, width } = props;
  if (result === null || typeof result === 'string' || result.alreadyAgreement)
    return { head: 0, all: 0, least: 0 };
  const heights = rowHeights(scenario, sets, width, theme);
  const sum = heights.reduce((a, b) => a + b, 0);
  return {
    head: wrappedHeight(headingSpans(result, theme), width),
    all: sum + 1,
    least: Math.min(sum, Math.max(0, ...heights)) + 1,
  };
}

function rowHeights(
  scenario: Scenario,
  sets: readonly (ConcessionSet | NearMiss)[],
  width: number,
  theme: Theme,
): number[] {
  return sets.map((set) => wrapSpans(concessionRowSpans(scenario, set, theme), width - GUTTER).length);
}

/** The list in `rows` rows (its heading's not counted): as many whole sets as fit around the selected one. */
export function ConcessionsList(
  props: ConcessionsListProps & { readonly row: number; readonly rows: number },
) {
  const theme = useTheme();
  const { scenario, result, sets, row, rows, width } = props;
  if (result === null)
    return (
      <Text dimColor>
        press c to compute the smallest sets of term changes (up to 3) that make it an agreement
      </Text>
    );
  if (typeof result === 'string')
    return (
      <Text color={theme.reject} wrap="wrap">
        {result}
      </Text>
    );
  if (result.alreadyAgreement)
    return (
      <Text color={theme.accept}>{GLYPH.accept} Already an agreement as tabled: nothing to concede.</Text>
    );
  const heights = rowHeights(scenario, sets, width, theme);
  const all = heights.reduce((a, b) => a + b, 0) <= rows - 1;
  // the last row is the line that says what is above and below, or the blank one under them all
  const { start, end } = all ? { start: 0, end: sets.length } : rowWindow(heights, row, row, rows - 1);
  const hidden = [
    ...(start > 0 ? [`${GLYPH.up} ${plural(start, 'set')} above`] : []),
    ...(end < sets.length ? [`${GLYPH.down} ${plural(sets.length - end, 'set')} below`] : []),
  ];
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Wrapped spans={headingSpans(result, theme)} width={width} />
      {/* the line under the sets follows them; the rows a shorter set leaves are under it, before the detail */}
      <Box flexDirection="column" height={rows} flexShrink={0} overflow="hidden">
        {sets.slice(start, end).map((set, k) => {
          const at = start + k;
          const isRow = at === row;
          const spans = concessionRowSpans(scenario, set, theme).map((s) =>
            isRow ? { ...s, bold: true } : s,
          );
          return (
            <Box key={at} width={width} flexShrink={0}>
              <Box width={2} flexShrink={0}>
                <Text color={theme.accent} bold>
                  {isRow ? GLYPH.pointer : ' '}
                </Text>
              </Box>
              <Box width={GUTTER - 2} flexShrink={0}>
                <Text dimColor>{at + 1}.</Text>
              </Box>
              <Wrapped spans={spans} width={width - GUTTER} />
            </Box>
          );
        })}
        <Text dimColor wrap="truncate-end">
          {hidden.length ? hidden.join(' · ') : ' '}
        </Text>
      </Box>
    </Box>
  );
}
