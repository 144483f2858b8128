// Why no package is feasible, in the analysis screen's place for the bargaining solutions (there are none): each
// minimal conflict among the red lines and rules, and how many packages dropping each member alone would open.
import { Box, Text } from 'ink';
import type { ConflictReport, ConflictSearchReport } from '../../analysis/conflict-report.ts';
import type { Scenario } from '../../domain/types.ts';
import { conflictHead, memberOwner, searchNote } from '../../report/conflict-words.ts';
import { unconfirmedFlag } from '../../report/words.ts';
import { type Span, wrapSpans } from '../layout.ts';
import { useTheme } from '../theme.ts';
import { basisText, plural, shortName } from '../words.ts';
import { PaneTitle } from './heading.tsx';
import { Wrapped } from './wrapped.tsx';

type Row =
  | { readonly kind: 'head'; readonly key: string; readonly text: string }
  | {
      readonly kind: 'member';
      readonly key: string;
      readonly owner: string;
      readonly spans: readonly Span[];
      readonly opens: string;
    };

const COUNT_WIDTH = 18;

function opens(n: number | null): string {
  return n === null ? 'not counted' : n.toLocaleString('en-US');
}

interface ConflictsProps {
  readonly scenario: Scenario;
  readonly conflicts: readonly ConflictReport[];
  readonly width: number;
}

/**
 * The pane's rows, each with the lines it takes: a conflict's head one, a member its red line or rule wrapped
 * whole under itself beside its owner and its count (a member cut short could lose the very condition it sets).
 */
function conflictRows({ scenario, conflicts, width }: ConflictsProps, warn: string | undefined) {
  const all: Row[] = conflicts.flatMap((c, k) => [
    {
      kind: 'head' as const,
      key: `${k}`,
      text: `${conflicts.length > 1 ? `${k + 1}. ` : ''}${conflictHead(c.members.length)}`,
    },
    ...c.members.map((m) => ({
      kind: 'member' as const,
      key: `${k}/${m.actor ?? 'rule'}/${m.id}`,
      owner: shortName(memberOwner(scenario, m)),
      // its basis mark and, when the record does not settle it, (unconfirmed), as analyze flags it
      spans: [
        { text: m.text },
        ...(basisText(m.basis) ? [{ text: basisText(m.basis), color: warn }] : []),
        ...(m.confirmed ? [] : [{ text: unconfirmedFlag(m.confirmed), color: warn }]),
      ],
      opens: opens(m.feasibleWithout),
    })),
  ]);
  const ownerWidth = Math.max(0, ...all.map((r) => (r.kind === 'member' ? r.owner.length : 0))) + 2;
  const textWidth = Math.max(10, width - 2 - ownerWidth - COUNT_WIDTH);
  const heights = all.map((r) => (r.kind === 'head' ? 1 : wrapSpans(r.spans, textWidth).length));
  return { all, heights, ownerWidth, textWidth };
}

/** Rows the pane takes with every conflict whole: its title, the heads and members, and what the list proves. */
export function conflictsPaneRows(props: ConflictsProps): number {
  return 2 + conflictRows(props, undefined).heights.reduce((a, b) => a + b, 0);
}

/** `rows` lines: the title, the conflicts as far as they fit (each member whole), and what the list proves. */
export function ConflictsPane(props: ConflictsProps & { search: ConflictSearchReport; rows: number }) {
  const theme = useTheme();
  const { conflicts, search, width, rows } = props;
  const { all, heights, ownerWidth, textWidth } = conflictRows(props, theme.warn);
  const room = Math.max(1, rows - 2);
  const total = heights.reduce((a, b) => a + b, 0);
  // as many whole rows as fit, keeping one for the line that says the rest are cut
  let count = all.length;
  if (total > room) {
    let used = 0;
    count = 0;
    while (count < all.length && used + heights[count]! <= room - 1) used += heights[count++]!;
  }
  const shown = all.slice(0, count);
  return (
    <Box flexDirection="column" width={width} height={rows} flexShrink={0} overflow="hidden">
      <PaneTitle
        title="Why no package is feasible"
        note="· right: feasible packages without that one alone"
      />
      {shown.map((r) =>
        r.kind === 'head' ? (
          <Text key={r.key} wrap="truncate-end" color={theme.reject}>
            {r.text}
          </Text>
        ) : (
          <Box key={r.key} width={width} flexShrink={0}>
            <Box width={2 + ownerWidth} flexShrink={0}>
              <Text bold>{`  ${r.owner}`}</Text>
            </Box>
            <Wrapped spans={r.spans} width={textWidth} />
            <Box width={COUNT_WIDTH} flexShrink={0} justifyContent="flex-end">
              <Text color={theme.accept}>{r.opens}</Text>
            </Box>
          </Box>
        ),
      )}
      {shown.length < all.length ? (
        <Text dimColor wrap="truncate-end">
          … {plural(conflicts.length, 'conflict')} in all: `peacesim analyze` lists every one
        </Text>
      ) : null}
      <Text dimColor wrap="truncate-end">
        {searchNote(search, conflicts.length)}
      </Text>
    </Box>
  );
}
