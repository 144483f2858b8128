// Every actor's verdict on the package: accepts or rejects, a utility bar against its reservation, and why —
// the red lines broken (with sources) or how far short of no deal it falls and what costs it most — then the
// scenario rules the package breaks.
import { Box, Text } from 'ink';
import type { Evaluation } from '../../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../../domain/on-record.ts';
import type { Scenario } from '../../domain/types.ts';
import { type Span, wrapSpans } from '../layout.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { fix2, reasonSpans, redLineSpans } from '../words.ts';
import { UtilityBar } from './utility-bar.tsx';
import { Wrapped } from './wrapped.tsx';

export interface VerdictPanelProps {
  readonly scenario: Scenario;
  readonly evaluation: Evaluation;
  readonly width: number;
  readonly height: number;
  /** the positions in force on the date judged that rest on later sources: a red line among them is marked */
  readonly before?: readonly AppliedBeforeRecord[];
}

/**
 * Lines per reason so that everything fits `room`: every reason in full if that fits; else as many reasons as
 * fit get one line each (round robin over the actors, so each actor shows its first reasons), and the lines
 * left over go, round robin again, to the reasons that were cut.
 */
export function fitReasons(heights: readonly (readonly number[])[], room: number): number[][] {
  const full = heights.reduce((n, r) => n + r.reduce((m, h) => m + h, 0), 0);
  if (full <= room) return heights.map((r) => [...r]);
  const lines = heights.map(() => [] as number[]);
  let left = room;
  let given = true;
  while (left > 0 && given) {
    given = false;
    heights.forEach((r, k) => {
      if (left > 0 && lines[k]!.length < r.length) {
        lines[k]!.push(1);
        left -= 1;
        given = true;
      }
    });
  }
  given = true;
  while (left > 0 && given) {
    given = false;
    lines.forEach((r, k) => {
      r.forEach((n, j) => {
        if (left > 0 && n < heights[k]![j]!) {
          r[j] = n + 1;
          left -= 1;
          given = true;
        }
      });
    });
  }
  return lines;
}

export function VerdictPanel({ scenario, evaluation, width, height, before }: VerdictPanelProps) {
  const theme = useTheme();
  const textWidth = width - 2;
  const reasons = evaluation.verdicts.map((v) => reasonSpans(scenario, v, theme, before));
  const rules: Span[][] = evaluation.ruleViolations.map((r) =>
    redLineSpans(r, theme, { text: 'rule broken: ', color: theme.reject, bold: true }),
  );
  const ruleLines = rules.reduce((n, r) => n + wrapSpans(r, width).length, 0);
  const room =
    height - evaluation.verdicts.length * 2 - (rules.length ? Math.min(ruleLines, rules.length * 2) + 1 : 0);
  const lines = fitReasons(
    reasons.map((r) => r.map((spans) => wrapSpans(spans, textWidth).length)),
    Math.max(0, room),
  );
  const used = evaluation.verdicts.length * 2 + lines.flat().reduce((a, b) => a + b, 0);
  const ruleRoom = height - used - 1;
  const barWidth = Math.max(6, Math.min(30, width - 20));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {evaluation.verdicts.map((v, k) => {
        const actor = scenario.actors[k]!;
        const needed = evaluation.required.includes(v.actor);
        const shown = lines[k]!;
        const hidden = reasons[k]!.length - shown.length;
        const color = v.accepts ? theme.accept : theme.reject;
        return (
          <Box key={v.actor} flexDirection="column" flexShrink={0}>
            <Box width={width}>
              <Box flexGrow={1} flexShrink={1}>
                <Text wrap="truncate-end">
                  <Text color={color}>{v.accepts ? GLYPH.accept : GLYPH.reject}</Text>{' '}
                  <Text bold={needed} dimColor={!needed}>
                    {actor.name}
                  </Text>
                </Text>
              </Box>
              <Box flexShrink={0} marginLeft={1}>
                {needed ? (
                  <Text color={color} bold>
                    {v.accepts ? 'accepts' : 'rejects'}
                  </Text>
                ) : (
                  <Text dimColor>{v.accepts ? 'accepts' : 'rejects'} · not needed</Text>
                )}
              </Box>
            </Box>
            <Text wrap="truncate-end">
              {'  '}
              <UtilityBar
                utility={v.utility}
                reservation={v.reservation}
                width={barWidth}
                accepts={v.accepts}
              />{' '}
              <Text bold>{fix2(v.utility)}</Text>
              <Text dimColor> no deal {fix2(v.reservation)}</Text>
            </Text>
            {shown.map((maxLines, j) => {
              const last = j === shown.length - 1 && hidden > 0;
              const spans: Span[] = last
                ? [{ text: `+${hidden + 1} more reasons: i explains an issue`, dim: true }]
                : reasons[k]![j]!;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a verdict's reasons are listed in a fixed order
                <Box key={`${v.actor}-${j}`} paddingLeft={2} flexShrink={0}>
                  <Wrapped spans={spans} width={textWidth} maxLines={maxLines} />
                </Box>
              );
            })}
          </Box>
        );
      })}
      {rules.length ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          {rules.map((spans, k) => (
            <Wrapped
              key={evaluation.ruleViolations[k]!.redLine}
              spans={spans}
              width={width}
              maxLines={Math.max(1, Math.floor(ruleRoom / rules.length))}
            />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
