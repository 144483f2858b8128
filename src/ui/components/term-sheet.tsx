// The term sheet: every issue, grouped, with the option the package takes; changed terms are marked • against
// the document, the selected issue shows ‹ › around its option (←/→ change it).
import { Box, Text } from 'ink';
import type { Scenario } from '../../domain/types.ts';
import { windowStart } from '../layout.ts';
import { displayOrder, issueGroups } from '../state/order.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { capitalise } from '../words.ts';

export interface TermSheetProps {
  readonly scenario: Scenario;
  readonly pkg: readonly number[];
  readonly base: readonly number[];
  /** the selected row, display order */
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

type Entry =
  | { readonly kind: 'group'; readonly name: string }
  | { readonly kind: 'issue'; readonly row: number };

function entries(scenario: Scenario): Entry[] {
  const out: Entry[] = [];
  let row = 0;
  const many = issueGroups(scenario).length > 1;
  for (const g of issueGroups(scenario)) {
    if (many) out.push({ kind: 'group', name: g.name });
    for (const _ of g.issues) out.push({ kind: 'issue', row: row++ });
  }
  return out;
}

export function TermSheet({ scenario, pkg, base, row, width, height }: TermSheetProps) {
  const theme = useTheme();
  const order = displayOrder(scenario);
  const all = entries(scenario);
  const at = all.findIndex((e) => e.kind === 'issue' && e.row === row);
  // keep the selected issue's group heading in view when the issue is the group's first
  const anchor = at > 0 && all[at - 1]!.kind === 'group' ? at - 1 : at;
  const start = Math.min(windowStart(anchor, all.length, height), anchor);
  const visible = all.slice(start, start + height);
  const labelWidth = Math.min(
    Math.max(...scenario.issues.map((x) => x.label.length)),
    Math.max(10, Math.floor((width - 4) * 0.45)),
  );
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {visible.map((e) => {
        if (e.kind === 'group')
          return (
            <Text key={`g-${e.name}`} dimColor bold wrap="truncate-end">
              {capitalise(e.name)}
            </Text>
          );
        const issue = scenario.issues[order[e.row]!]!;
        const option = pkg[issue.index]!;
        const changed = option !== base[issue.index];
        const selected = e.row === row;
        const label = issue.options[option]!.label;
        return (
          <Box key={issue.id} width={width}>
            <Box width={4} flexShrink={0}>
              <Text color={theme.accent} bold>
                {selected ? GLYPH.pointer : ' '}
              </Text>
              <Text> </Text>
              <Text color={theme.changed} bold>
                {changed ? GLYPH.changed : ' '}
              </Text>
            </Box>
            <Box width={labelWidth} flexShrink={0} marginRight={1}>
              <Text wrap="truncate-end" bold={selected}>
                {issue.label}
              </Text>
            </Box>
            <Box flexGrow={1} flexShrink={1}>
              <Text wrap="truncate-end" color={changed ? theme.changed : undefined} bold={selected}>
                {selected ? `‹ ${label} ›` : label}
              </Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
