// Why no package is feasible, in the analysis screen's place for the bargaining solutions (there are none): each
// minimal conflict among the red lines and rules, and how many packages dropping each member alone would open.
import { Box, Text } from 'ink';
import type { ConflictReport, ConflictSearchReport } from '../../analysis/conflict-report.ts';
import type { Scenario } from '../../domain/types.ts';
import { conflictHead, memberOwner, searchNote } from '../../report/conflict-words.ts';
import { useTheme } from '../theme.ts';
import { basisText, shortName } from '../words.ts';
import { PaneTitle } from './heading.tsx';

type Row =
  | { readonly kind: 'head'; readonly key: string; readonly text: string }
  | {
      readonly kind: 'member';
      readonly key: string;
      readonly owner: string;
      readonly text: string;
      readonly mark: string;
      readonly opens: string;
    };

const COUNT_WIDTH = 18;

function opens(n: number | null): string {
  return n === null ? 'not counted' : n.toLocaleString('en-US');
}

/** `rows` lines: the title, the conflicts as far as they fit, and what the list proves. */
export function ConflictsPane(props: {
  scenario: Scenario;
  conflicts: readonly ConflictReport[];
  search: ConflictSearchReport;
  width: number;
  rows: number;
}) {
  const theme = useTheme();
  const { scenario, conflicts, search, width, rows } = props;
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
      text: m.text,
      mark: basisText(m.basis),
      opens: opens(m.feasibleWithout),
    })),
  ]);
  const room = Math.max(1, rows - 2);
  const shown = all.length > room ? all.slice(0, room - 1) : all;
  const ownerWidth = Math.max(0, ...all.map((r) => (r.kind === 'member' ? r.owner.length : 0))) + 2;
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
          <Box key={r.key} width={width}>
            <Box width={2 + ownerWidth} flexShrink={0}>
              <Text bold>{`  ${r.owner}`}</Text>
            </Box>
            <Box flexGrow={1} flexShrink={1}>
              <Text wrap="truncate-end">{r.text}</Text>
            </Box>
            {r.mark ? (
              <Box flexShrink={0}>
                <Text dimColor>{r.mark}</Text>
              </Box>
            ) : null}
            <Box width={COUNT_WIDTH} flexShrink={0} justifyContent="flex-end">
              <Text color={theme.accept}>{r.opens}</Text>
            </Box>
          </Box>
        ),
      )}
      {shown.length < all.length ? (
        <Text dimColor wrap="truncate-end">
          … {conflicts.length} conflicts in all: `peacesim analyze` lists every one
        </Text>
      ) : null}
      <Text dimColor wrap="truncate-end">
        {searchNote(search, conflicts.length)}
      </Text>
    </Box>
  );
}
