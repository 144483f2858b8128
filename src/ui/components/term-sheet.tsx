// The term sheet: every issue, grouped, with the option the package takes; changed terms are marked • against
// the document, the selected issue shows ‹ › around its option (←/→ change it). An issue's label and its option
// wrap in their columns rather than being cut (at 80 or 100 columns many are longer than them): three issues cut
// alike ("Frozen on the line …") could hide the very term that differs, so every row is as tall as it needs.
import { Box, Text } from 'ink';
import type { Scenario } from '../../domain/types.ts';
import { rowWindow, wrapSpans } from '../layout.ts';
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
  /**
   * the mark after an issue's option while the package leaves it as `base` has it (the sandbox: the tabled
   * document's term the record does not settle, " (unconfirmed)"); a changed term is the user's and has none
   */
  readonly mark?: (issue: number) => string;
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

/** Text wrapped to `width`, as plain lines. */
const wrapped = (text: string, width: number): string[] =>
  wrapSpans([{ text }], width).map((l) => l.map((x) => x.text).join(''));

/** The selected option between ‹ ›, wrapped whole: the closing mark has room on the last line, never a line alone. */
function selectedLines(label: string, width: number): string[] {
  const lines = wrapped(`‹ ${label}`, Math.max(1, width - 2));
  return lines.map((l, k) => (k === lines.length - 1 ? `${l} ›` : l));
}

export function TermSheet({ scenario, pkg, base, row, width, height, mark }: TermSheetProps) {
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
  const cells = all.map((e) => {
    if (e.kind === 'group') return { label: [], option: [], height: 1 };
    const issue = scenario.issues[order[e.row]!]!;
    const label = wrapped(issue.label, labelWidth);
    const asBase = pkg[issue.index] === base[issue.index];
    const text = `${issue.options[pkg[issue.index]!]!.label}${asBase && mark ? mark(issue.index) : ''}`;
    const option = e.row === row ? selectedLines(text, optionWidth) : wrapped(text, optionWidth);
    return { label, option, height: Math.max(label.length, option.length) };
  });
  const { start, end } = rowWindow(
    cells.map((c) => c.height),
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
        const changed = pkg[issue.index]! !== base[issue.index];
        const selected = e.row === row;
        const cell = cells[start + k]!;
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
            <Lines lines={cell.label} width={labelWidth} bold={selected} />
            <Box width={1} flexShrink={0} />
            <Lines
              lines={cell.option}
              width={optionWidth}
              bold={selected}
              color={changed ? theme.changed : undefined}
            />
          </Box>
        );
      })}
    </Box>
  );
}

/** A column of lines, each already wrapped to the column's width. */
function Lines(props: {
  lines: readonly string[];
  width: number;
  bold: boolean;
  color?: string | undefined;
}) {
  return (
    <Box flexDirection="column" width={props.width} flexShrink={0}>
      {props.lines.map((l, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Text key={k} wrap="truncate-end" bold={props.bold} color={props.color}>
          {l}
        </Text>
      ))}
    </Box>
  );
}
