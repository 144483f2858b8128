// The term sheet: every issue, grouped, with the option the package takes; changed terms are marked • against
// the document, the selected issue shows ‹ › around its option (←/→ change it). An issue's label wraps in its
// column rather than being cut (at 80 or 100 columns many are longer than it); an option takes the label's rows,
// the selected one all the rows it needs.
import { Box, Text } from 'ink';
import type { Scenario } from '../../domain/types.ts';
import { rowWindow, wrapSpans } from '../layout.ts';
import { displayOrder, issueGroups } from '../state/order.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { capitalise } from '../words.ts';
import { Wrapped } from './wrapped.tsx';

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

/** The selected option between ‹ ›, held to its first and last words (no-break spaces) so no mark wraps alone. */
const selectedOption = (label: string) => `‹\u00a0${label}\u00a0›`;

export function TermSheet({ scenario, pkg, base, row, width, height }: TermSheetProps) {
  const theme = useTheme();
  const order = displayOrder(scenario);
  const all = entries(scenario);
  const at = all.findIndex((e) => e.kind === 'issue' && e.row === row);
  // keep the selected issue's group heading in view when the issue is the group's first
  const anchor = at > 0 && all[at - 1]!.kind === 'group' ? at - 1 : at;
  const labelWidth = Math.min(
    Math.max(...scenario.issues.map((x) => x.label.length)),
    Math.max(10, Math.floor((width - 4) * 0.45)),
  );
  const optionWidth = Math.max(1, width - 4 - labelWidth - 1);
  const rows = all.map((e) => {
    if (e.kind === 'group') return { label: 1, height: 1 };
    const issue = scenario.issues[order[e.row]!]!;
    const label = wrapSpans([{ text: issue.label }], labelWidth).length;
    if (e.row !== row) return { label, height: label };
    const option = issue.options[pkg[issue.index]!]!.label;
    return {
      label,
      height: Math.max(label, wrapSpans([{ text: selectedOption(option) }], optionWidth).length),
    };
  });
  const { start, end } = rowWindow(
    rows.map((r) => r.height),
    Math.max(0, anchor),
    Math.max(0, at),
    height,
  );
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {all.slice(start, end).map((e, k) => {
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
        const tall = rows[start + k]!;
        return (
          <Box key={issue.id} width={width} flexShrink={0}>
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
              <Wrapped width={labelWidth} spans={[{ text: issue.label, bold: selected }]} />
            </Box>
            <Box width={optionWidth} flexShrink={0}>
              <Wrapped
                width={optionWidth}
                maxLines={tall.height}
                spans={[
                  {
                    text: selected ? selectedOption(label) : label,
                    color: changed ? theme.changed : undefined,
                    bold: selected,
                  },
                ]}
              />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
