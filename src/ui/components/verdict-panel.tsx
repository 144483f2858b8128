// Every actor's verdict on the package: accepts or rejects, a utility bar against its reservation, and why —
// the red lines broken (with sources) or how far short of no deal it falls and what costs it most — then the
// scenario rules the package breaks. Every reason is whole, wrapped under itself (a red line cut short, or its basis
// mark, sources or date, is a reason lost); when they do not all fit, the pane scrolls (tab, then ↑↓).
import { Box, Text } from 'ink';
import type { Evaluation } from '../../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../../domain/on-record.ts';
import type { Scenario } from '../../domain/types.ts';
import type { Span } from '../layout.ts';
import { GLYPH, useTheme } from '../theme.ts';
import { beside, reasonSpans, redLineSpans } from '../words.ts';
import { ScrollBox } from './scroll-box.tsx';
import { UtilityBar } from './utility-bar.tsx';
import { Wrapped } from './wrapped.tsx';

export interface VerdictPanelProps {
  readonly scenario: Scenario;
  readonly evaluation: Evaluation;
  readonly width: number;
  readonly height: number;
  /** the positions in force on the date judged that rest on later sources: a red line among them is marked */
  readonly before?: readonly AppliedBeforeRecord[];
  /** the arrows scroll the verdicts (the screen gave them the focus) */
  readonly active: boolean;
  /** told whether the verdicts are more than the pane shows, whenever that changes */
  readonly onOverflow?: (overflows: boolean) => void;
}

export function VerdictPanel({
  scenario,
  evaluation,
  width,
  height,
  before,
  active,
  onOverflow,
}: VerdictPanelProps) {
  const theme = useTheme();
  const textWidth = width - 2;
  const rules: Span[][] = evaluation.ruleViolations.map((r) =>
    redLineSpans(r, theme, { text: 'rule broken: ', color: theme.reject, bold: true }),
  );
  // each utility beside its value of no deal, the digits that tell them apart; the bars as wide as the widest label
  // leaves them, one width for every actor
  const labels = evaluation.verdicts.map((v) => beside(v.utility, v.reservation));
  const labelWidth = Math.max(0, ...labels.map(([u, r]) => `${u} no deal ${r}`.length));
  const barWidth = Math.max(6, Math.min(30, width - 3 - labelWidth));
  return (
    <ScrollBox
      height={height}
      width={width}
      active={active}
      {...(onOverflow ? { onOverflow } : {})}
      idleHint="tab, then ↑↓"
    >
      {evaluation.verdicts.map((v, k) => {
        const actor = scenario.actors[k]!;
        const needed = evaluation.required.includes(v.actor);
        const color = v.accepts ? theme.accept : theme.reject;
        return (
          <Box key={v.actor} flexDirection="column" flexShrink={0} width={width}>
            <Box width={width}>
              {/* the name wraps in its column rather than being cut ("European" / "Union") */}
              <Box flexGrow={1} flexShrink={1}>
                <Text wrap="wrap">
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
              <Text bold>{labels[k]![0]}</Text>
              <Text dimColor> no deal {labels[k]![1]}</Text>
            </Text>
            {reasonSpans(scenario, v, theme, before).map((spans, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a verdict's reasons are listed in a fixed order
              <Box key={`${v.actor}-${j}`} paddingLeft={2} flexShrink={0}>
                <Wrapped spans={spans} width={textWidth} />
              </Box>
            ))}
          </Box>
        );
      })}
      {rules.length ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          {rules.map((spans, k) => (
            <Wrapped key={evaluation.ruleViolations[k]!.redLine} spans={spans} width={width} />
          ))}
        </Box>
      ) : null}
    </ScrollBox>
  );
}
